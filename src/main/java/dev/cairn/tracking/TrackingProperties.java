package dev.cairn.tracking;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Collector limits.
 *
 * @param maxBatchEvents the most events one collector request may carry
 * @param maxBodyBytes the largest collector request body, in bytes
 */
@Validated
@ConfigurationProperties("cairn.tracking")
record TrackingProperties(
        @Min(1) @Max(1000) @DefaultValue("100") int maxBatchEvents,
        @Min(1024) @Max(10_485_760) @DefaultValue("262144") int maxBodyBytes) {}
