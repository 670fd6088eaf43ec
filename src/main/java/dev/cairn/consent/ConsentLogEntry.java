package dev.cairn.consent;

import java.time.Instant;

/**
 * One row of the append-only consent log.
 *
 * @param scope {@code type} for a change of one type, {@code all} for one of an unsubscribe-all
 * @param oldState null for a contact's initial state
 */
public record ConsentLogEntry(
        String id,
        String contactId,
        String type,
        String scope,
        SubscriptionState oldState,
        SubscriptionState newState,
        ConsentSource source,
        String actor,
        String ipPrefix,
        String userAgent,
        String detail,
        Instant occurredAt) {}
