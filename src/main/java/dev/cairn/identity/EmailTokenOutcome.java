package dev.cairn.identity;

/** The outcome of a visit that arrived with an email-link token. */
public enum EmailTokenOutcome {
    /** The visitor was anonymous and is now linked to the email's contact. */
    LINKED,
    /** The visitor was already linked to the email's contact. */
    ALREADY_LINKED,
    /** The visitor belongs to another contact and keeps that link; the visit is recorded. */
    KEPT_OTHER_CONTACT,
    /** The token was not valid (bad signature, expired key or unknown contact). */
    INVALID
}
