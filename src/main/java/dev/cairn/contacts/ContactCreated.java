package dev.cairn.contacts;

/**
 * Published inside the transaction that created a contact, so listeners can add their own rows
 * atomically with it.
 *
 * @param source what created it, such as {@code form:contact}
 */
public record ContactCreated(String contactId, String source) {}
