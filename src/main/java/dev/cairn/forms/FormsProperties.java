package dev.cairn.forms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Form settings.
 *
 * @param defaultPhoneRegion ISO 3166 country code for phone numbers entered without a {@code +}
 *     country prefix
 * @param submissionsPerAddress submissions one client IP address may send per window
 * @param submissionWindow the length of the rate-limit window
 */
@Validated
@ConfigurationProperties("cairn.forms")
record FormsProperties(
        @Pattern(regexp = "[A-Z]{2}") @DefaultValue("US") String defaultPhoneRegion,
        @Min(1) @Max(100_000) @DefaultValue("30") int submissionsPerAddress,
        @DurationMin(seconds = 1) @DefaultValue("10m") Duration submissionWindow) {}
