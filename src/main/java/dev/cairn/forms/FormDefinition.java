package dev.cairn.forms;

import java.util.List;

/**
 * A form that websites post to. Every form has the standard fields; custom fields come on top.
 *
 * @param id the public id used in {@code /f/{id}}, lowercase letters, digits and dashes
 * @param siteId the tracked site the form belongs to, or null
 * @param thankYouUrl where an HTML form post redirects after success; absolute or a path
 * @param customFields names of extra fields accepted beside the standard ones
 */
public record FormDefinition(
        String id, String siteId, String name, FormKind kind, String thankYouUrl, List<String> customFields) {}
