package dev.cairn.forms;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.system.ApiException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SubmissionRateLimiterTest {

    private final SubmissionRateLimiter limiter =
            new SubmissionRateLimiter(new FormsProperties("US", 3, Duration.ofMinutes(10)));

    @Test
    void acquire_rejectsOverLimitWith429() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("contact", "203.0.113.7");
        }

        assertThatThrownBy(() -> limiter.acquire("contact", "203.0.113.7"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status().value())
                            .isEqualTo(429);
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("rate_limited");
                })
                .hasMessageContaining("3 per 10 minutes");
    }

    @Test
    void acquire_countsAddressesSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("contact", "203.0.113.7");
        }

        assertThatCode(() -> limiter.acquire("contact", "198.51.100.2")).doesNotThrowAnyException();
    }
}
