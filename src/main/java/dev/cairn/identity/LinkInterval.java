package dev.cairn.identity;

/**
 * A span of time during which a visitor's events belong to a contact.
 *
 * @param validFrom inclusive, epoch milliseconds; 0 for a visitor's first link
 * @param validTo exclusive, epoch milliseconds; null while the link is current
 */
public record LinkInterval(String visitorId, long validFrom, Long validTo) {}
