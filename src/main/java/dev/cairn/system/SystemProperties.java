package dev.cairn.system;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every feature.
 *
 * @param publicUrl the address at which browsers and mail recipients reach Cairn; when unset, links
 *     point at {@code http://localhost} on the port the server listens on
 * @param businessTimeZone the time zone in which times are shown to staff
 * @param tokens signing-key settings for the links Cairn puts in emails
 * @param maxRequestBytes the largest request body Cairn accepts, in bytes
 */
@Validated
@ConfigurationProperties("cairn")
public record SystemProperties(
        URI publicUrl,
        @NotNull @DefaultValue("UTC") ZoneId businessTimeZone,
        @Valid @DefaultValue Tokens tokens,

        @Min(1024) @Max(104_857_600) @DefaultValue("1048576")
        long maxRequestBytes) {

    /**
     * Signing-key rotation for signed tokens.
     *
     * @param keyRotation how long one key signs new tokens before a new key replaces it
     * @param keyRetention how long a key still verifies tokens after it was created; links in old
     *     emails stop working after this
     */
    public record Tokens(
            @DurationMin(hours = 1) @DefaultValue("30d") Duration keyRotation,
            @DurationMin(days = 1) @DefaultValue("800d") Duration keyRetention) {

        /** Rejects settings under which a key stops verifying links while it still signs new ones. */
        @AssertTrue(message = "cairn.tokens.key-retention must be longer than cairn.tokens.key-rotation")
        public boolean isRetentionLongerThanRotation() {
            return keyRetention == null || keyRotation == null || keyRetention.compareTo(keyRotation) > 0;
        }
    }
}
