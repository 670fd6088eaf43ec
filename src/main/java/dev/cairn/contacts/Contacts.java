package dev.cairn.contacts;

import dev.cairn.system.ApiException;
import dev.cairn.system.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, finds and updates contacts and their email addresses. */
@Service
public class Contacts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Contacts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Returns the id of the contact that owns this email address (compared after normalising). */
    public Optional<String> idForEmail(String email) {
        return jdbc.sql("SELECT contact_id FROM contact_email WHERE email_normalized = ?")
                .param(EmailAddresses.normalize(email))
                .query(String.class)
                .optional();
    }

    /**
     * Creates a contact with this primary email and publishes {@link ContactCreated}.
     *
     * @throws org.springframework.dao.DuplicateKeyException on PostgreSQL, if a concurrent
     *     transaction gave the email to another contact. SQLite runs write transactions one at a
     *     time, so callers there see the other contact instead.
     */
    @Transactional
    public String create(String email, String source) {
        String id = Ids.newId();
        long now = clock.millis();
        jdbc.sql("INSERT INTO contact (id, lifecycle_stage, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(id, LifecycleStage.SUBSCRIBER.name(), now, now)
                .update();
        insertEmail(id, email, true, now);
        events.publishEvent(new ContactCreated(id, source));
        return id;
    }

    /** Overwrites the fields that are not null, and raises the lifecycle stage if it is higher. */
    @Transactional
    public void update(String contactId, ContactFields fields, LifecycleStage atLeast) {
        ContactView current = get(contactId);
        LifecycleStage stage = current.lifecycleStage().compareTo(atLeast) >= 0 ? current.lifecycleStage() : atLeast;
        jdbc.sql("""
                        UPDATE contact SET
                            first_name = COALESCE(?, first_name),
                            last_name = COALESCE(?, last_name),
                            company = COALESCE(?, company),
                            phone = COALESCE(?, phone),
                            account_executive = COALESCE(?, account_executive),
                            lifecycle_stage = ?,
                            updated_at = ?
                        WHERE id = ?""")
                .params(
                        fields.firstName(),
                        fields.lastName(),
                        fields.company(),
                        fields.phone(),
                        fields.accountExecutive(),
                        stage.name(),
                        clock.millis(),
                        contactId)
                .update();
    }

    /**
     * Makes this address the contact's primary one. An address the contact did not have yet is
     * added, and the old primary address stays on the contact as a secondary one.
     */
    @Transactional
    public void makePrimary(String contactId, String email) {
        String normalized = EmailAddresses.normalize(email);
        long now = clock.millis();
        jdbc.sql("UPDATE contact_email SET is_primary = FALSE WHERE contact_id = ? AND is_primary")
                .param(contactId)
                .update();
        int updated = jdbc.sql(
                        "UPDATE contact_email SET is_primary = TRUE, email = ? WHERE email_normalized = ? AND contact_id = ?")
                .params(email.strip(), normalized, contactId)
                .update();
        if (updated == 0) {
            insertEmail(contactId, email, true, now);
        }
    }

    /** Returns the contact, or raises a 404 error. */
    public ContactView get(String contactId) {
        return find(contactId)
                .orElseThrow(
                        () -> ApiException.notFound("contact_not_found", "No contact has the id " + contactId + "."));
    }

    /** Returns the contact with this id, if any. */
    public Optional<ContactView> find(String contactId) {
        if (!Ids.isId(contactId)) {
            return Optional.empty();
        }
        List<ContactView.Address> addresses = jdbc.sql(
                        "SELECT email, is_primary FROM contact_email WHERE contact_id = ? ORDER BY is_primary DESC, added_at DESC")
                .param(contactId)
                .query((rs, row) -> new ContactView.Address(rs.getString("email"), rs.getBoolean("is_primary")))
                .list();
        return jdbc.sql("SELECT * FROM contact WHERE id = ?")
                .param(contactId)
                .query((rs, row) -> new ContactView(
                        rs.getString("id"),
                        addresses.stream()
                                .filter(ContactView.Address::primary)
                                .map(ContactView.Address::email)
                                .findFirst()
                                .orElse(null),
                        addresses,
                        rs.getString("first_name"),
                        rs.getString("last_name"),
                        rs.getString("company"),
                        rs.getString("phone"),
                        rs.getString("account_executive"),
                        LifecycleStage.valueOf(rs.getString("lifecycle_stage")),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .optional();
    }

    private void insertEmail(String contactId, String email, boolean primary, long now) {
        jdbc.sql(
                        "INSERT INTO contact_email (email_normalized, contact_id, email, is_primary, added_at) VALUES (?, ?, ?, ?, ?)")
                .params(EmailAddresses.normalize(email), contactId, email.strip(), primary, now)
                .update();
    }
}
