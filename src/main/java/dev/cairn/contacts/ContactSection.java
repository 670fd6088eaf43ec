package dev.cairn.contacts;

/** A feature that adds a named section to a contact's API view, such as its subscriptions. */
public interface ContactSection {

    /** Returns the JSON property name of the section. */
    String name();

    /** Returns the section's content for one contact; it is serialised as JSON. */
    Object content(String contactId);
}
