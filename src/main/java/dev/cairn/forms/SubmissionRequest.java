package dev.cairn.forms;

import java.util.Map;

/**
 * A raw form submission as it arrived, before validation.
 *
 * @param fields every posted field by public name, values as text
 * @param remoteAddress the client IP; only its truncated prefix is ever stored
 */
record SubmissionRequest(String formId, Map<String, String> fields, String remoteAddress, String userAgent) {

    @Override
    public String toString() {
        return "SubmissionRequest[formId=" + formId + "]";
    }
}
