package dev.cairn.email;

import static dev.cairn.testing.CairnApi.contactForm;
import static dev.cairn.testing.CairnApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.CairnApi;
import dev.cairn.testing.RunningApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * Retries, back-off and final failure of outbox delivery, with a transport that fails on purpose
 * for recipients whose address names the fault.
 */
@Import(DeliveryFailureTests.FaultyTransportConfig.class)
@TestPropertySource(properties = {"cairn.email.max-attempts=2", "cairn.email.retry-delay=1s"})
abstract class DeliveryFailureTests extends RunningApplicationTest {

    @Test
    void temporaryFailure_retriedThenFailed() {
        String email = uniqueEmail("temporary");

        api.submitOk(contactForm(email, null));

        Map<String, Object> row = awaitFinalRow(email);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(row.get("last_error")).isEqualTo("SMTP server replied 451");
        assertThat(eventKinds(email)).containsExactly("failed");
    }

    @Test
    void permanentFailure_notRetried() {
        String email = uniqueEmail("permanent");

        api.submitOk(contactForm(email, null));

        Map<String, Object> row = awaitFinalRow(email);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
    }

    @Test
    void unexpectedError_failsOnlyThatMessage() {
        String broken = uniqueEmail("crash");
        String fine = uniqueEmail("fine");

        api.submitOk(contactForm(broken, null));
        api.submitOk(contactForm(fine, null));

        assertThat(awaitFinalRow(broken).get("status")).isEqualTo("FAILED");
        assertThat(awaitFinalRow(fine).get("status")).isEqualTo("SENT");
    }

    private Map<String, Object> awaitFinalRow(String email) {
        String contactId = api.contactId(email);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> row = jdbc.sql(
                            "SELECT status, attempts, last_error FROM email_message WHERE contact_id = ?")
                    .param(contactId)
                    .query()
                    .singleRow();
            if (row.get("status").equals("SENT") || row.get("status").equals("FAILED")) {
                return row;
            }
            CairnApi.sleep(100);
        }
        throw new AssertionError("the email to " + email + " did not reach SENT or FAILED within 15 seconds");
    }

    private List<String> eventKinds(String email) {
        return jdbc.sql("SELECT kind FROM email_event WHERE contact_id = ? ORDER BY occurred_at")
                .param(api.contactId(email))
                .query(String.class)
                .list();
    }

    @TestConfiguration
    static class FaultyTransportConfig {

        @Bean
        @Primary
        MailTransport faultyTransport() {
            return (messageId, message) -> {
                if (message.to().startsWith("temporary")) {
                    throw new MailTransport.DeliveryException("SMTP server replied 451", false, null);
                }
                if (message.to().startsWith("permanent")) {
                    throw new MailTransport.DeliveryException("SMTP server replied 550", true, null);
                }
                if (message.to().startsWith("crash")) {
                    throw new IllegalStateException("transport crashed");
                }
            };
        }
    }
}
