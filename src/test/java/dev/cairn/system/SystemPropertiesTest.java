package dev.cairn.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SystemPropertiesTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void retentionShorterThanRotation_rejected() {
        SystemProperties properties = properties(Duration.ofDays(30), Duration.ofDays(10), 1_048_576);

        Set<ConstraintViolation<SystemProperties>> violations = validator.validate(properties);

        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("cairn.tokens.key-retention must be longer than cairn.tokens.key-rotation");
    }

    @Test
    void tinyRequestLimit_rejected() {
        assertThat(validator.validate(properties(Duration.ofDays(30), Duration.ofDays(800), 10)))
                .extracting(violation -> violation.getPropertyPath().toString())
                .containsExactly("maxRequestBytes");
    }

    @Test
    void defaults_valid() {
        assertThat(validator.validate(properties(Duration.ofDays(30), Duration.ofDays(800), 1_048_576)))
                .isEmpty();
    }

    private static SystemProperties properties(Duration rotation, Duration retention, long maxRequestBytes) {
        return new SystemProperties(
                null, ZoneId.of("UTC"), new SystemProperties.Tokens(rotation, retention), maxRequestBytes);
    }
}
