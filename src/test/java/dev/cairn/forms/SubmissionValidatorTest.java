package dev.cairn.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.system.ApiException;
import dev.cairn.system.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionValidatorTest {

    private final SubmissionValidator validator =
            new SubmissionValidator(new FormsProperties("GB", 30, java.time.Duration.ofMinutes(10)));
    private final FormDefinition form =
            new FormDefinition("contact", "demo", "Contact", FormKind.CONTACT, "/thanks", List.of("industry"));

    @Test
    void validSubmission_isNormalised() {
        Map<String, String> fields = valid();
        fields.put("phone", "020 7946 0000");
        fields.put("email", "  ada@example.com ");
        fields.put("industry", "Engines");
        fields.put("unknownField", "ignored");

        ValidSubmission submission = validator.validate(form, fields);

        assertThat(submission.phone()).isEqualTo("+442079460000");
        assertThat(submission.email()).isEqualTo("ada@example.com");
        assertThat(submission.customFields()).containsExactly(Map.entry("industry", "Engines"));
        assertThat(submission.optIn()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"on,true", "yes,true", "TRUE,true", "1,true", "no,false", "off,false", "'',false", "0,false"})
    void optIn_acceptsCheckboxAndYesNoValues(String value, boolean expected) {
        Map<String, String> fields = valid();
        fields.put("optIn", value);

        assertThat(validator.validate(form, fields).optIn()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "a@b",
                "a@@example.com",
                "Ada <ada@example.com>",
                "ada@example.",
                "ada @example.com",
                "a@[127.0.0.1]",
                "a@-example.com",
                "a@example.123",
                "jos\u00e9@example.com",
                "a@\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4"
                        + "\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4"
                        + "\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4"
                        + "\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4.com"
            })
    void email_rejectsInvalidSyntax(String email) {
        Map<String, String> fields = valid();
        fields.put("email", email);

        assertThat(problems(fields)).extracting(FieldProblem::code).containsExactly("invalid_email");
    }

    @Test
    void email_acceptsInternationalDomain() {
        Map<String, String> fields = valid();
        fields.put("email", "ada@ex\u00e4mple.com");

        assertThat(validator.validate(form, fields).email()).isEqualTo("ada@ex\u00e4mple.com");
    }

    @Test
    void lineBreaks_onlyAllowedInComment() {
        Map<String, String> fields = valid();
        fields.put("firstName", "Bob\r\nBcc: victim@example.com");
        fields.put("comment", "line one\nline two");

        assertThat(problems(fields))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("firstName", "invalid_characters"));
    }

    @Test
    void requiredFields_eachNamed() {
        assertThat(problems(new LinkedHashMap<>()))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("email", "firstName", "lastName", "company");
    }

    @Test
    void lengthLimits_giveValueAndMaximum() {
        Map<String, String> fields = valid();
        fields.put("comment", "x".repeat(5001));

        FieldProblem problem = problems(fields).getFirst();

        assertThat(problem.field()).isEqualTo("comment");
        assertThat(problem.message()).isEqualTo("comment has 5001 characters; the maximum is 5000.");
    }

    @Test
    void cardNumber_rejectedBeforeOtherChecks() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("industry", "5500-0000-0000-0004");

        assertThat(problems(fields)).extracting(FieldProblem::code).containsExactly("card_number");
    }

    private List<FieldProblem> problems(Map<String, String> fields) {
        try {
            validator.validate(form, fields);
        } catch (ApiException e) {
            return e.fieldProblems();
        }
        throw new AssertionError("validation passed, but a failure was expected");
    }

    private static Map<String, String> valid() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "ada@example.com");
        fields.put("firstName", "Ada");
        fields.put("lastName", "Lovelace");
        fields.put("company", "Engines");
        return fields;
    }
}
