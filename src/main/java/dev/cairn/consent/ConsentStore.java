package dev.cairn.consent;

import dev.cairn.system.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for subscription types, subscription state and the consent log. */
@Repository
class ConsentStore {

    private final JdbcClient jdbc;

    ConsentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record TypeRow(String id, String name, String description, String kind, SubscriptionState defaultState) {}

    List<TypeRow> types() {
        return jdbc.sql("SELECT id, name, description, kind, default_state FROM subscription_type ORDER BY position")
                .query((rs, row) -> new TypeRow(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("kind"),
                        SubscriptionState.valueOf(rs.getString("default_state"))))
                .list();
    }

    Optional<SubscriptionState> state(String contactId, String typeId) {
        return jdbc.sql("SELECT state FROM subscription WHERE contact_id = ? AND type_id = ?")
                .params(contactId, typeId)
                .query((rs, row) -> SubscriptionState.valueOf(rs.getString("state")))
                .optional();
    }

    void saveState(String contactId, String typeId, SubscriptionState state, long at) {
        jdbc.sql("""
                        INSERT INTO subscription (contact_id, type_id, state, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (contact_id, type_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at""").params(contactId, typeId, state.name(), at).update();
    }

    /**
     * Sets the state only if it is still the expected one, or inserts it if the contact has no
     * row for the type yet. Returns false when a concurrent change got there first.
     */
    boolean compareAndSet(
            String contactId, String typeId, Optional<SubscriptionState> expected, SubscriptionState target, long at) {
        if (expected.isEmpty()) {
            return jdbc.sql("""
                            INSERT INTO subscription (contact_id, type_id, state, updated_at) VALUES (?, ?, ?, ?)
                            ON CONFLICT (contact_id, type_id) DO NOTHING""").params(contactId, typeId, target.name(), at).update() == 1;
        }
        return jdbc.sql(
                                "UPDATE subscription SET state = ?, updated_at = ? WHERE contact_id = ? AND type_id = ? AND state = ?")
                        .params(
                                target.name(),
                                at,
                                contactId,
                                typeId,
                                expected.get().name())
                        .update()
                == 1;
    }

    void appendLog(
            String contactId,
            String typeId,
            String scope,
            SubscriptionState oldState,
            SubscriptionState newState,
            ConsentContext context,
            long at) {
        jdbc.sql("""
                        INSERT INTO consent_log (id, contact_id, type_id, scope, old_state, new_state, source, actor,
                            ip_prefix, user_agent, detail, occurred_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Ids.newId(),
                        contactId,
                        typeId,
                        scope,
                        oldState == null ? null : oldState.name(),
                        newState.name(),
                        context.source().name(),
                        context.actor(),
                        context.ipPrefix(),
                        context.userAgent(),
                        context.detail(),
                        at)
                .update();
    }

    List<ConsentLogEntry> log(String contactId) {
        return jdbc.sql("SELECT * FROM consent_log WHERE contact_id = ? ORDER BY occurred_at, id")
                .param(contactId)
                .query((rs, row) -> new ConsentLogEntry(
                        rs.getString("id"),
                        rs.getString("contact_id"),
                        rs.getString("type_id"),
                        rs.getString("scope"),
                        rs.getString("old_state") == null ? null : SubscriptionState.valueOf(rs.getString("old_state")),
                        SubscriptionState.valueOf(rs.getString("new_state")),
                        ConsentSource.valueOf(rs.getString("source")),
                        rs.getString("actor"),
                        rs.getString("ip_prefix"),
                        rs.getString("user_agent"),
                        rs.getString("detail"),
                        Instant.ofEpochMilli(rs.getLong("occurred_at"))))
                .list();
    }
}
