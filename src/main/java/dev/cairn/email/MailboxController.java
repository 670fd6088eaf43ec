package dev.cairn.email;

import dev.cairn.access.AuditLog;
import dev.cairn.contacts.EmailAddresses;
import dev.cairn.system.ApiException;
import dev.cairn.system.FieldProblem;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/mailbox}: messages delivered to the built-in mailbox, newest first. */
@RestController
class MailboxController {

    private static final int MAX_LIMIT = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;

    MailboxController(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping("/api/v1/mailbox")
    Map<String, Object> list(@RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid(List.of(new FieldProblem(
                    "limit", "out_of_range", "limit is " + limit + "; it must be between 1 and " + MAX_LIMIT + ".")));
        }
        String filter = to == null || to.isBlank() ? null : EmailAddresses.normalize(to);
        List<Map<String, Object>> messages = jdbc.sql("""
                        SELECT * FROM mailbox_message
                        WHERE (CAST(? AS VARCHAR(320)) IS NULL OR LOWER(to_address) = ?)
                        ORDER BY received_at DESC LIMIT ?""")
                .params(filter, filter, limit)
                .query((rs, row) -> {
                    Map<String, Object> message = new LinkedHashMap<>();
                    message.put("id", rs.getString("id"));
                    message.put("messageId", rs.getString("message_id"));
                    message.put("to", rs.getString("to_address"));
                    message.put("from", rs.getString("from_address"));
                    message.put("subject", rs.getString("subject"));
                    message.put("receivedAt", Instant.ofEpochMilli(rs.getLong("received_at")));
                    message.put(
                            "headers",
                            json.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {}));
                    message.put("text", rs.getString("text_body"));
                    message.put("html", rs.getString("html_body"));
                    message.put("links", links(rs.getString("html_body")));
                    return message;
                })
                .list();
        audit.record("mailbox.view", null);
        return Map.of("messages", messages);
    }

    /** Lists the message's links with their text, so a reader can follow one without parsing HTML. */
    private static List<Map<String, String>> links(String html) {
        return Jsoup.parse(html).select("a[href]").stream()
                .map(anchor -> Map.of("text", anchor.text(), "href", anchor.attr("href")))
                .toList();
    }
}
