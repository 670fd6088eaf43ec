package dev.cairn.forms;

import dev.cairn.system.ApiException;
import dev.cairn.system.CardNumbers;
import dev.cairn.system.FieldProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defines forms and looks them up. */
@Service
public class Forms {

    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JdbcClient jdbc;
    private final Clock clock;

    Forms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a new form after checking its id and field names; card-data fields are rejected. */
    @Transactional
    public void define(FormDefinition form) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.id() == null || !FORM_ID.matcher(form.id()).matches()) {
            problems.add(new FieldProblem(
                    "id", "invalid_format", "id must be 1 to 64 lowercase letters, digits or dashes."));
        }
        if (form.thankYouUrl() == null || form.thankYouUrl().isBlank()) {
            problems.add(new FieldProblem("thankYouUrl", "required", "thankYouUrl is required."));
        }
        for (String field : form.customFields()) {
            String path = "customFields[" + field + "]";
            if (CardNumbers.isCardFieldName(field)) {
                problems.add(new FieldProblem(
                        path,
                        "card_field",
                        "Field '" + field + "' would collect card data, which Cairn never stores."));
            } else if (!FIELD_NAME.matcher(field).matches()) {
                problems.add(new FieldProblem(
                        path, "invalid_format", "Field names start with a letter and contain letters, digits or '_'."));
            } else if (SubmissionFields.RESERVED.contains(field)) {
                problems.add(new FieldProblem(path, "reserved", "Field '" + field + "' is a standard field."));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        jdbc.sql("""
                        INSERT INTO form_definition (id, site_id, name, kind, thank_you_url, custom_fields, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        form.id(),
                        form.siteId(),
                        form.name(),
                        form.kind().name(),
                        form.thankYouUrl(),
                        String.join(",", form.customFields()),
                        clock.millis())
                .update();
    }

    /** Switches a form on or off; a switched-off form rejects submissions with 404. */
    @Transactional
    public void setEnabled(String formId, boolean enabled) {
        jdbc.sql("UPDATE form_definition SET enabled = ? WHERE id = ?")
                .params(enabled, formId)
                .update();
    }

    /** Returns the form with this id if it exists and is switched on. */
    public Optional<FormDefinition> findEnabled(String formId) {
        return jdbc.sql("SELECT id FROM form_definition WHERE id = ? AND enabled")
                .param(formId)
                .query(String.class)
                .optional()
                .flatMap(this::find);
    }

    /** Returns the form with this id, switched on or off. */
    public Optional<FormDefinition> find(String formId) {
        return jdbc.sql("SELECT * FROM form_definition WHERE id = ?")
                .param(formId)
                .query((rs, row) -> new FormDefinition(
                        rs.getString("id"),
                        rs.getString("site_id"),
                        rs.getString("name"),
                        FormKind.valueOf(rs.getString("kind")),
                        rs.getString("thank_you_url"),
                        rs.getString("custom_fields").isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString("custom_fields").split(","))))
                .optional();
    }
}
