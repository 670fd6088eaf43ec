package dev.cairn.contacts;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a contact's timeline.
 *
 * @param type such as {@code pageview}, {@code form_submission} or {@code email_sent}
 * @param details type-specific fields, in camelCase
 */
public record TimelineItem(String type, Instant occurredAt, Map<String, Object> details) {}
