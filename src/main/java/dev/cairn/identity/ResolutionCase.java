package dev.cairn.identity;

/** The rule of identity resolution that chose a form submission's contact. */
public enum ResolutionCase {
    /** No contact had the email: a new contact was created. */
    NEW_CONTACT,
    /** An unlinked visitor (or none) submitted the email of an existing contact. */
    EXISTING_CONTACT,
    /** The visitor's contact submitted one of its own email addresses. */
    SAME_CONTACT,
    /** The visitor's contact submitted an unknown email, which became its primary address. */
    NEW_PRIMARY_EMAIL,
    /** The visitor's contact submitted another contact's email; the visitor now links to that one. */
    RELINKED
}
