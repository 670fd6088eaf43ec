package dev.cairn.email;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email delivery settings. Whether mail goes out over SMTP or into the built-in mailbox follows
 * from {@code spring.mail.host}: set, SMTP; unset, the mailbox.
 *
 * @param fromAddress the sender address of every message
 * @param fromName the sender's display name, such as the company name
 * @param pollInterval how often the outbox is checked for due messages
 * @param maxAttempts delivery attempts before a message is marked failed
 * @param retryDelay the wait before the first retry; each later retry waits twice as long
 */
@Validated
@ConfigurationProperties("cairn.email")
record EmailProperties(
        @NotBlank @Email @DefaultValue("hello@cairn.localhost")
        String fromAddress,

        @NotBlank @DefaultValue("Cairn Demo") String fromName,

        @DurationMin(millis = 50) @DurationMax(minutes = 10) @DefaultValue("1s")
        Duration pollInterval,

        @Min(1) @Max(20) @DefaultValue("5") int maxAttempts,
        @DurationMin(seconds = 1) @DefaultValue("30s") Duration retryDelay) {}
