package dev.cairn.identity;

import dev.cairn.system.Ids;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for visitors, their link history and identity events. */
@Repository
class VisitorStore {

    private final JdbcClient jdbc;

    VisitorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(String visitorId, String siteId, long at) {
        jdbc.sql("""
                        INSERT INTO visitor (id, site_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET last_seen_at = excluded.last_seen_at""").params(visitorId, siteId, at, at).update();
    }

    Optional<String> contactOf(String visitorId) {
        return jdbc.sql("SELECT contact_id FROM visitor WHERE id = ?")
                .param(visitorId)
                .query((rs, row) -> Optional.ofNullable(rs.getString("contact_id")))
                .optional()
                .flatMap(contact -> contact);
    }

    /** Links an unlinked visitor from the start of its history, so its earlier events move with it. */
    void linkFromStart(String visitorId, String contactId, String reason, long at) {
        jdbc.sql("UPDATE visitor SET contact_id = ? WHERE id = ?")
                .params(contactId, visitorId)
                .update();
        insertLink(visitorId, contactId, 0L, reason, at);
    }

    /** Ends the visitor's current link now and starts a new one, leaving earlier events in place. */
    void relink(String visitorId, String contactId, String reason, long at) {
        jdbc.sql("UPDATE visitor_link SET valid_to = ? WHERE visitor_id = ? AND valid_to IS NULL")
                .params(at, visitorId)
                .update();
        jdbc.sql("UPDATE visitor SET contact_id = ? WHERE id = ?")
                .params(contactId, visitorId)
                .update();
        insertLink(visitorId, contactId, at, reason, at);
    }

    Optional<String> currentLinkReason(String visitorId, String contactId) {
        return jdbc.sql("SELECT reason FROM visitor_link WHERE visitor_id = ? AND contact_id = ? AND valid_to IS NULL")
                .params(visitorId, contactId)
                .query(String.class)
                .optional();
    }

    List<LinkInterval> intervalsOf(String contactId) {
        return jdbc.sql(
                        "SELECT visitor_id, valid_from, valid_to FROM visitor_link WHERE contact_id = ? ORDER BY valid_from")
                .param(contactId)
                .query((rs, row) -> {
                    long validTo = rs.getLong("valid_to");
                    Long end = rs.wasNull() ? null : validTo;
                    return new LinkInterval(rs.getString("visitor_id"), rs.getLong("valid_from"), end);
                })
                .list();
    }

    void recordEvent(String visitorId, String contactId, String kind, String detail, long at) {
        jdbc.sql(
                        "INSERT INTO identity_event (id, visitor_id, contact_id, kind, detail, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), visitorId, contactId, kind, detail, at)
                .update();
    }

    private void insertLink(String visitorId, String contactId, long validFrom, String reason, long at) {
        jdbc.sql("""
                        INSERT INTO visitor_link (id, visitor_id, contact_id, valid_from, valid_to, reason, created_at)
                        VALUES (?, ?, ?, ?, NULL, ?, ?)""")
                .params(Ids.newId(), visitorId, contactId, validFrom, reason, at)
                .update();
    }
}
