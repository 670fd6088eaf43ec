package dev.cairn.forms;

import static dev.cairn.forms.SubmissionFields.ACCOUNT_EXECUTIVE;
import static dev.cairn.forms.SubmissionFields.COMMENT;
import static dev.cairn.forms.SubmissionFields.COMPANY;
import static dev.cairn.forms.SubmissionFields.EMAIL;
import static dev.cairn.forms.SubmissionFields.FIRST_NAME;
import static dev.cairn.forms.SubmissionFields.LAST_NAME;
import static dev.cairn.forms.SubmissionFields.OPT_IN;
import static dev.cairn.forms.SubmissionFields.PHONE;
import static dev.cairn.forms.SubmissionFields.VISITOR_ID;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.cairn.identity.VisitorIds;
import dev.cairn.system.ApiException;
import dev.cairn.system.CardNumbers;
import dev.cairn.system.FieldProblem;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of form submissions. The card guard runs first, over every field, so a
 * card number is rejected before any other check reads it.
 */
@Component
class SubmissionValidator {

    static final int MAX_NAME = 100;
    static final int MAX_COMPANY = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 32;
    static final int MAX_COMMENT = 5000;
    static final int MAX_CUSTOM = 1000;

    /** Fields that may span several lines; every other field must be a single line. */
    private static final Set<String> MULTILINE_FIELDS = Set.of(COMMENT);

    /** One domain label: letters or digits (any script), with inner dashes, at most 63 long. */
    private static final java.util.regex.Pattern DOMAIN_LABEL =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    private static final Set<String> TRUE_VALUES = Set.of("on", "true", "yes", "y", "1");
    private static final Set<String> FALSE_VALUES = Set.of("", "off", "false", "no", "n", "0");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    SubmissionValidator(FormsProperties properties) {
        this.defaultRegion = properties.defaultPhoneRegion();
    }

    /** Rejects any field whose name or value contains what looks like a payment card number. */
    static void rejectCardNumbers(Map<String, String> fields) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (CardNumbers.containsCardNumber(field.getValue()) || CardNumbers.containsCardNumber(field.getKey())) {
                String name = CardNumbers.containsCardNumber(field.getKey()) ? "(field name)" : field.getKey();
                problems.add(CardNumbers.problem(name));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    ValidSubmission validate(FormDefinition form, Map<String, String> fields) {
        rejectCardNumbers(fields);
        List<FieldProblem> problems = new ArrayList<>();
        String email = required(fields, EMAIL, MAX_EMAIL, problems);
        if (email != null && !isEmail(email)) {
            problems.add(new FieldProblem(EMAIL, "invalid_email", "email is not a valid email address."));
        }
        String firstName = required(fields, FIRST_NAME, MAX_NAME, problems);
        String lastName = required(fields, LAST_NAME, MAX_NAME, problems);
        String company = required(fields, COMPANY, MAX_COMPANY, problems);
        String phone = normalizePhone(optional(fields, PHONE, MAX_PHONE, problems), problems);
        String comment = optional(fields, COMMENT, MAX_COMMENT, problems);
        String accountExecutive = optional(fields, ACCOUNT_EXECUTIVE, MAX_NAME * 2, problems);
        boolean optIn = parseOptIn(fields.get(OPT_IN), problems);
        String visitorId = optional(fields, VISITOR_ID, 64, problems);
        if (visitorId != null && !VisitorIds.isValid(visitorId)) {
            problems.add(new FieldProblem(VISITOR_ID, "invalid_format", "visitorId must be 32 lowercase hex digits."));
        }
        Map<String, String> custom = new LinkedHashMap<>();
        for (String name : form.customFields()) {
            String value = optional(fields, name, MAX_CUSTOM, problems);
            if (value != null) {
                custom.put(name, value);
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new ValidSubmission(
                visitorId, email, firstName, lastName, company, phone, comment, accountExecutive, optIn, custom);
    }

    private static String required(
            Map<String, String> fields, String name, int maxLength, List<FieldProblem> problems) {
        String value = optional(fields, name, maxLength, problems);
        if (value == null && problems.stream().noneMatch(p -> p.field().equals(name))) {
            problems.add(new FieldProblem(name, "required", name + " is required."));
        }
        return value;
    }

    private static String optional(
            Map<String, String> fields, String name, int maxLength, List<FieldProblem> problems) {
        String raw = fields.get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > maxLength) {
            problems.add(new FieldProblem(
                    name,
                    "too_long",
                    name + " has " + value.length() + " characters; the maximum is " + maxLength + "."));
            return null;
        }
        boolean multiline = MULTILINE_FIELDS.contains(name);
        if (value.codePoints().anyMatch(c -> !isAllowedCharacter(c, multiline))) {
            String allowed =
                    multiline ? "; only line breaks and tabs are allowed" : "; line breaks are not allowed here";
            problems.add(new FieldProblem(
                    name, "invalid_characters", name + " contains control characters" + allowed + "."));
            return null;
        }
        return value;
    }

    /**
     * Rejects control characters, Unicode line and paragraph separators outside multi-line fields,
     * and bidirectional overrides, which can make stored text display differently from its content.
     */
    private static boolean isAllowedCharacter(int c, boolean multiline) {
        if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029) {
            return multiline;
        }
        boolean bidiControl = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        return !Character.isISOControl(c) && !bidiControl;
    }

    /**
     * Checks an address as mail servers will see it: RFC 822 syntax, an ASCII local part (Cairn
     * does not send SMTPUTF8), and a host name domain with a top-level label of letters. Address
     * literals such as {@code a@[127.0.0.1]} are rejected.
     */
    private static boolean isEmail(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            String parsed = address.getAddress();
            int at = parsed.lastIndexOf('@');
            if (!parsed.equals(email) || address.getPersonal() != null || at <= 0) {
                return false;
            }
            String local = parsed.substring(0, at);
            String domain = parsed.substring(at + 1);
            return local.chars().allMatch(c -> c < 0x80) && isHostName(domain);
        } catch (AddressException e) {
            return false;
        }
    }

    private static boolean isHostName(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        String topLevel = labels[labels.length - 1];
        boolean validTopLevel =
                topLevel.length() >= 2 && topLevel.chars().allMatch(Character::isLetter) || topLevel.startsWith("xn--");
        return validTopLevel && hasAsciiForm(domain);
    }

    /** Checks that an internationalised domain converts to the ASCII form that SMTP needs. */
    private static boolean hasAsciiForm(String domain) {
        try {
            return IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).length() <= 253;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String normalizePhone(String phone, List<FieldProblem> problems) {
        if (phone == null) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = phones.parse(phone, defaultRegion);
            if (phones.isValidNumber(number)) {
                return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // Reported below like any other invalid number.
        }
        problems.add(new FieldProblem(
                PHONE,
                "invalid_phone",
                "phone is not a valid phone number; include the country code, such as +44 20 7946 0000."));
        return null;
    }

    private static boolean parseOptIn(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (TRUE_VALUES.contains(value)) {
            return true;
        }
        if (!FALSE_VALUES.contains(value)) {
            problems.add(new FieldProblem(OPT_IN, "invalid_boolean", "optIn must be true or false (or yes or no)."));
        }
        return false;
    }
}
