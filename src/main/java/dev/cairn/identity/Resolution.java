package dev.cairn.identity;

/** The contact a form submission belongs to, and the rule that chose it. */
public record Resolution(String contactId, boolean created, ResolutionCase resolutionCase) {}
