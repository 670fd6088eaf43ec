package dev.cairn.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Classifies SMTP failures, injected as the exceptions Jakarta Mail raises for server replies. */
class SmtpTransportTest {

    private final EmailProperties properties =
            new EmailProperties("hello@example.com", "Cairn", Duration.ofSeconds(1), 5, Duration.ofSeconds(30));
    private final ComposedMessage message =
            new ComposedMessage("ada@example.com", "Hi", "<p>Hi</p>", "Hi\n", List.of(), Map.of());

    @Test
    void rejectionAfterData_isPermanent() {
        Exception reply = new SMTPSendFailedException(
                "DATA", 554, "554 5.7.1 <ada@example.com> rejected", null, null, null, null);

        MailTransport.DeliveryException failure = deliverFailing(reply);

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("SMTP server replied 554").doesNotContain("ada@example.com");
    }

    @Test
    void unknownRecipient_isPermanent() throws Exception {
        Exception reply = new SMTPAddressFailedException(
                new InternetAddress("ada@example.com"), "RCPT TO", 550, "550 5.1.1 user unknown");

        assertThat(deliverFailing(reply).permanent()).isTrue();
    }

    @Test
    void temporaryReply_isRetried() {
        Exception reply = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try later", null, null, null, null);

        MailTransport.DeliveryException failure = deliverFailing(reply);

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("SMTP server replied 451");
    }

    private MailTransport.DeliveryException deliverFailing(Exception reply) {
        JavaMailSenderImpl failing = new JavaMailSenderImpl() {
            @Override
            public void send(MimeMessage... messages) {
                throw new MailSendException(Map.of(messages[0], reply));
            }
        };
        SmtpTransport transport = new SmtpTransport(failing, properties);

        return catchThrowableOfType(
                MailTransport.DeliveryException.class, () -> transport.deliver("message-1", message));
    }
}
