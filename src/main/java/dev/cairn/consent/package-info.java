/**
 * Communication preferences: subscription types, each contact's state per type, the append-only
 * consent log, the preference center, unsubscribe links and the sending gate.
 */
package dev.cairn.consent;
