/**
 * Email: the outbox, message composition, SMTP delivery or the built-in mailbox, and click
 * tracking.
 */
package dev.cairn.email;
