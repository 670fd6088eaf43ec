package dev.cairn.email;

import dev.cairn.system.Ids;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the outbox ({@code email_message}), message links and email events. The unique dedupe
 * key makes enqueueing idempotent: one message per key, however often it is requested.
 */
@Repository
class Outbox {

    static final String QUEUED = "QUEUED";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String SUPPRESSED = "SUPPRESSED";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a message unless one with the same dedupe key exists; returns its id if queued. */
    Optional<String> enqueue(String contactId, String typeId, String template, String dedupeKey, long at) {
        String id = Ids.newId();
        int inserted = jdbc.sql("""
                        INSERT INTO email_message (id, contact_id, type_id, template, dedupe_key, status, attempts,
                            next_attempt_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .params(id, contactId, typeId, template, dedupeKey, QUEUED, at, at)
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    List<OutboxMessage> due(long now, int limit) {
        return jdbc.sql("""
                        SELECT id, contact_id, type_id, template, attempts FROM email_message
                        WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?""")
                .params(QUEUED, now, limit)
                .query((rs, row) -> new OutboxMessage(
                        rs.getString("id"),
                        rs.getString("contact_id"),
                        rs.getString("type_id"),
                        rs.getString("template"),
                        rs.getInt("attempts")))
                .list();
    }

    /** Moves a queued message to sending; returns false if another worker claimed it first. */
    boolean claim(String id) {
        return jdbc.sql("UPDATE email_message SET status = ?, attempts = attempts + 1 WHERE id = ? AND status = ?")
                        .params(SENDING, id, QUEUED)
                        .update()
                == 1;
    }

    void markSent(String id, String subject, long at) {
        jdbc.sql("UPDATE email_message SET status = ?, subject = ?, sent_at = ?, last_error = NULL WHERE id = ?")
                .params(SENT, subject, at, id)
                .update();
    }

    void markFinal(String id, String status, String error) {
        jdbc.sql("UPDATE email_message SET status = ?, last_error = ? WHERE id = ?")
                .params(status, error, id)
                .update();
    }

    void retryLater(String id, long nextAttemptAt, String error) {
        jdbc.sql("UPDATE email_message SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(QUEUED, nextAttemptAt, error, id)
                .update();
    }

    void replaceLinks(String messageId, List<String> urls) {
        jdbc.sql("DELETE FROM email_link WHERE message_id = ?").param(messageId).update();
        for (int position = 0; position < urls.size(); position++) {
            jdbc.sql("INSERT INTO email_link (message_id, position, url) VALUES (?, ?, ?)")
                    .params(messageId, position, urls.get(position))
                    .update();
        }
    }

    Optional<String> link(String messageId, int position) {
        return jdbc.sql("SELECT url FROM email_link WHERE message_id = ? AND position = ?")
                .params(messageId, position)
                .query(String.class)
                .optional();
    }

    Optional<String> contactOf(String messageId) {
        return jdbc.sql("SELECT contact_id FROM email_message WHERE id = ?")
                .param(messageId)
                .query(String.class)
                .optional();
    }

    void recordEvent(String messageId, String contactId, String kind, String detail, long at) {
        jdbc.sql(
                        "INSERT INTO email_event (id, message_id, contact_id, kind, detail, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), messageId, contactId, kind, detail, at)
                .update();
    }
}
