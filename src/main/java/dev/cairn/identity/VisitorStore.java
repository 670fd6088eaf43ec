package dev.cairn.identity;

import dev.cairn.system.Ids;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for visitors, their link history and identity events. */
@Repository
class VisitorStore {

    /** Identity event recorded whenever a visitor arrives through a contact's email link. */
    static final String EMAIL_LINK_VERIFIED = "email_link_verified";

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

    /**
     * Links an unlinked visitor from the start of its history, so its earlier events move with it.
     * Returns false, changing nothing, when another request linked the visitor first.
     */
    boolean linkFromStart(String visitorId, String contactId, String reason, long at) {
        int updated = jdbc.sql("UPDATE visitor SET contact_id = ? WHERE id = ? AND contact_id IS NULL")
                .params(contactId, visitorId)
                .update();
        if (updated == 0) {
            return false;
        }
        insertLink(visitorId, contactId, 0L, reason, at);
        return true;
    }

    /**
     * Ends the visitor's link to one contact now and starts a link to another, leaving earlier
     * events in place. Returns false, changing nothing, when the visitor is no longer linked to
     * {@code fromContactId}.
     */
    boolean relink(String visitorId, String fromContactId, String toContactId, String reason, long at) {
        int updated = jdbc.sql("UPDATE visitor SET contact_id = ? WHERE id = ? AND contact_id = ?")
                .params(toContactId, visitorId, fromContactId)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("UPDATE visitor_link SET valid_to = ? WHERE visitor_id = ? AND valid_to IS NULL")
                .params(at, visitorId)
                .update();
        insertLink(visitorId, toContactId, at, reason, at);
        return true;
    }

    /**
     * Reports whether the visitor arrived through one of the contact's email links since it was
     * last linked to that contact.
     */
    boolean verifiedByEmailLink(String visitorId, String contactId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM identity_event e
                        JOIN visitor_link l ON l.visitor_id = e.visitor_id AND l.contact_id = e.contact_id
                            AND l.valid_to IS NULL
                        WHERE e.visitor_id = ? AND e.contact_id = ? AND e.kind = ? AND e.occurred_at >= l.valid_from""")
                        .params(visitorId, contactId, EMAIL_LINK_VERIFIED)
                        .query(Long.class)
                        .single()
                > 0;
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
