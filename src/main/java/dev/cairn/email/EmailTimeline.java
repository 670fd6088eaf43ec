package dev.cairn.email;

import dev.cairn.contacts.TimelineItem;
import dev.cairn.contacts.TimelineSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Adds a contact's email events (sent, clicked, suppressed, failed) to its timeline. */
@Component
class EmailTimeline implements TimelineSource {

    private final JdbcClient jdbc;

    EmailTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineItem> timeline(String contactId, int limit) {
        return jdbc.sql("""
                        SELECT e.kind, e.detail, e.occurred_at, e.message_id, m.subject, m.type_id, m.template
                        FROM email_event e JOIN email_message m ON m.id = e.message_id
                        WHERE e.contact_id = ? ORDER BY e.occurred_at DESC LIMIT ?""")
                .params(contactId, limit)
                .query((rs, row) -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("messageId", rs.getString("message_id"));
                    details.put("template", rs.getString("template"));
                    details.put("subscriptionType", rs.getString("type_id"));
                    details.put("subject", rs.getString("subject"));
                    details.put("detail", rs.getString("detail"));
                    return new TimelineItem(
                            "email_" + rs.getString("kind"), Instant.ofEpochMilli(rs.getLong("occurred_at")), details);
                })
                .list();
    }
}
