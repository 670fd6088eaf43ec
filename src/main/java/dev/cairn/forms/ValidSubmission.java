package dev.cairn.forms;

import java.util.Map;

/** A submission that passed validation, with the phone number in E.164 form. */
record ValidSubmission(
        String visitorId,
        String email,
        String firstName,
        String lastName,
        String company,
        String phone,
        String comment,
        String accountExecutive,
        boolean optIn,
        Map<String, String> customFields) {

    @Override
    public String toString() {
        return "ValidSubmission[visitorId=" + visitorId + "]";
    }
}
