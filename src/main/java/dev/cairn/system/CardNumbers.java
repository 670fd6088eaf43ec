package dev.cairn.system;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects values that look like payment card numbers, so they are rejected before anything is
 * stored or logged.
 *
 * <p>The text is first normalised: invisible format characters (zero-width spaces, soft hyphens)
 * are removed, compatibility forms such as fullwidth digits are folded, and every Unicode decimal
 * digit becomes its ASCII digit. A digit run is a sequence of digit groups joined by up to four
 * separator characters: spaces of any kind, dashes, dots, slashes, commas, underscores and similar
 * punctuation. Any stretch of whole, consecutive groups holding 13 to 19 digits that starts like a
 * card number and passes the Luhn check counts, so a card followed by more digits (such as an
 * expiry date) is still caught.
 *
 * <p>Three kinds of digit runs are deliberately not checked, to keep other data usable: runs
 * inside a long identifier of mixed letters and digits (such as a hex visitor id), runs that begin
 * with {@code +} (international phone numbers), and stretches whose first digit major card
 * networks do not use. Visa, Mastercard, American Express, Discover, JCB and Diners start with 2
 * to 6. NOTE: 8 is included because some UnionPay and RuPay ranges are reported to start with it,
 * a fact not checked against the networks' own tables.
 */
public final class CardNumbers {

    private static final String SEPARATOR = "[\\s\\p{Z}\\p{Pd}\\u2212._/,*'\u00b7()|\\\\+]";
    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![0-9])[0-9]+(?:" + SEPARATOR + "{1,4}[0-9]+)*(?![0-9])");
    private static final Pattern SEPARATORS = Pattern.compile(SEPARATOR + "{1,4}");
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    /** Mixed letter-and-digit tokens at least this long are identifiers, not card numbers. */
    private static final int MIN_IDENTIFIER_LENGTH = 24;

    private static final String CARD_FIRST_DIGITS = "234568";

    /** Field names that ask for card data, compared after removing spaces, dashes and underscores. */
    private static final Pattern CARD_FIELD_NAME = Pattern.compile(
            "(?i)(.*(card(number|num|no|exp|expiry|holder)|ccnum|creditcard|securitycode|cardverification"
                    + "|expiry|expiration|expdate|expmonth|expyear).*|pan|cvv2?|cvc2?|cv2|csc)");

    private CardNumbers() {}

    /** Reports whether the text contains a digit run that looks like a payment card number. */
    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return false;
        }
        String normalized = normalize(text);
        Matcher matcher = DIGIT_RUN.matcher(normalized);
        while (matcher.find()) {
            if (isIdentifier(normalized, matcher.start()) || precededByPlus(normalized, matcher.start())) {
                continue;
            }
            if (hasCardNumber(SEPARATORS.split(matcher.group()))) {
                return true;
            }
        }
        return false;
    }

    /** Returns the error for a field that contains a card number; it never repeats the value. */
    public static FieldProblem problem(String field) {
        return new FieldProblem(
                field,
                "card_number",
                field + " contains what looks like a payment card number. Card data is never accepted,"
                        + " so remove it and send again.");
    }

    /** Reports whether a URL contains a card number, as written or after percent-decoding. */
    public static boolean containsCardNumberInUrl(String url) {
        if (url == null) {
            return false;
        }
        return containsCardNumber(url) || containsCardNumber(percentDecode(url));
    }

    /** Reports whether a field name requests card data: a card number, CVV or expiry date. */
    public static boolean isCardFieldName(String name) {
        return name != null
                && CARD_FIELD_NAME.matcher(name.replaceAll("[\\s_-]", "")).matches();
    }

    /** Reports whether a string of digits passes the Luhn checksum that card numbers carry. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** Checks every stretch of consecutive groups that contains 13 to 19 digits. */
    private static boolean hasCardNumber(String[] groups) {
        for (int first = 0; first < groups.length; first++) {
            if (groups[first].isEmpty() || CARD_FIRST_DIGITS.indexOf(groups[first].charAt(0)) < 0) {
                continue;
            }
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < groups.length && digits.length() < MAX_DIGITS; last++) {
                digits.append(groups[last]);
                if (digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && passesLuhn(digits.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reports whether the digit at this index sits in a long token that mixes letters and digits. */
    private static boolean isIdentifier(String text, int index) {
        int start = index;
        while (start > 0 && isAsciiLetterOrDigit(text.charAt(start - 1))) {
            start--;
        }
        int end = index;
        boolean hasLetter = false;
        while (end < text.length() && isAsciiLetterOrDigit(text.charAt(end))) {
            hasLetter |= Character.isLetter(text.charAt(end));
            end++;
        }
        for (int i = start; i < index && !hasLetter; i++) {
            hasLetter = Character.isLetter(text.charAt(i));
        }
        return hasLetter && end - start >= MIN_IDENTIFIER_LENGTH;
    }

    private static boolean precededByPlus(String text, int index) {
        return index > 0 && text.charAt(index - 1) == '+';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static String normalize(String text) {
        String folded = Normalizer.normalize(FORMAT_CHARACTERS.matcher(text).replaceAll(""), Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Decodes {@code %XX} escapes and {@code +} as UTF-8, leaving malformed escapes as they are. */
    private static String percentDecode(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[raw.length];
        int length = 0;
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes[length++] = (byte) HexFormat.fromHexDigits(new String(raw, i + 1, 2, StandardCharsets.US_ASCII));
                i += 2;
            } else if (b == '+') {
                bytes[length++] = ' ';
            } else {
                bytes[length++] = b;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return HexFormat.isHexDigit(b);
    }
}
