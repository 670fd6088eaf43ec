package dev.cairn.forms;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Form settings.
 *
 * @param defaultPhoneRegion ISO 3166 country code for phone numbers entered without a {@code +}
 *     country prefix
 */
@Validated
@ConfigurationProperties("cairn.forms")
record FormsProperties(
        @Pattern(regexp = "[A-Z]{2}") @DefaultValue("US") String defaultPhoneRegion) {}
