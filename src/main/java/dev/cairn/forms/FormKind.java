package dev.cairn.forms;

/** What a form is for; it decides the lifecycle stage a submission gives the contact. */
public enum FormKind {
    CONTACT,
    REQUEST,
    DEMO
}
