package dev.cairn.email;

import dev.cairn.system.Ids;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Properties;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in mailbox, used when no SMTP server is configured: messages are built exactly as for
 * SMTP and then stored, so staff can read them through the API.
 */
class MailboxTransport implements MailTransport {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final EmailProperties properties;

    MailboxTransport(JdbcClient jdbc, JsonMapper json, Clock clock, EmailProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public void deliver(String messageId, ComposedMessage message) {
        try {
            // Building the MIME message checks addresses and headers the same way SMTP delivery does.
            MimeMessages.fill(new MimeMessage(Session.getInstance(new Properties())), message, properties, messageId);
        } catch (MessagingException e) {
            throw new DeliveryException(
                    "building the message failed: " + e.getClass().getSimpleName(), true, e);
        }
        jdbc.sql("""
                        INSERT INTO mailbox_message (id, message_id, to_address, from_address, subject, headers,
                            html_body, text_body, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        Ids.newId(),
                        messageId,
                        message.to(),
                        properties.fromAddress(),
                        message.subject(),
                        json.writeValueAsString(message.headers()),
                        message.html(),
                        message.text(),
                        clock.millis())
                .update();
    }
}
