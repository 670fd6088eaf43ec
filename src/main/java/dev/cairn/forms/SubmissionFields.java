package dev.cairn.forms;

import java.util.Set;

/** Public names of the fields a submission carries, the same in JSON and urlencoded posts. */
final class SubmissionFields {

    static final String VISITOR_ID = "visitorId";
    static final String EMAIL = "email";
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String COMPANY = "company";
    static final String PHONE = "phone";
    static final String COMMENT = "comment";
    static final String ACCOUNT_EXECUTIVE = "accountExecutive";
    static final String OPT_IN = "optIn";

    /** A hidden field that people leave empty and form-filling bots do not. */
    static final String HONEYPOT = "website";

    static final Set<String> RESERVED = Set.of(
            VISITOR_ID, EMAIL, FIRST_NAME, LAST_NAME, COMPANY, PHONE, COMMENT, ACCOUNT_EXECUTIVE, OPT_IN, HONEYPOT);

    private SubmissionFields() {}
}
