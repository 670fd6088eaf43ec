package dev.cairn.contacts;

/**
 * Standard contact fields from a submission; a null field leaves the stored value unchanged.
 *
 * @param phone in E.164 form
 */
public record ContactFields(String firstName, String lastName, String company, String phone, String accountExecutive) {}
