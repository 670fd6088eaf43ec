package dev.cairn.forms;

import dev.cairn.contacts.TimelineItem;
import dev.cairn.contacts.TimelineSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Adds a contact's form submissions to its timeline. */
@Component
class SubmissionTimeline implements TimelineSource {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SubmissionTimeline(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<TimelineItem> timeline(String contactId, int limit) {
        return jdbc.sql("""
                        SELECT id, form_id, visitor_id, resolution, fields, opt_in, created_at FROM form_submission
                        WHERE contact_id = ? ORDER BY created_at DESC LIMIT ?""")
                .params(contactId, limit)
                .query((rs, row) -> {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("submissionId", rs.getString("id"));
                    details.put("formId", rs.getString("form_id"));
                    details.put("visitorId", rs.getString("visitor_id"));
                    details.put("resolution", rs.getString("resolution").toLowerCase());
                    details.put("optIn", rs.getBoolean("opt_in"));
                    details.put(
                            "fields",
                            json.readValue(rs.getString("fields"), new TypeReference<Map<String, String>>() {}));
                    return new TimelineItem("form_submission", Instant.ofEpochMilli(rs.getLong("created_at")), details);
                })
                .list();
    }
}
