package dev.cairn.email;

/** A row of the outbox that is due for delivery. */
record OutboxMessage(String id, String contactId, String typeId, String template, int attempts) {}
