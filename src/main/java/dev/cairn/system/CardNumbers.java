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
 * <p>The text is first normalised: compatibility forms (such as fullwidth digits) are folded and
 * every Unicode decimal digit becomes its ASCII digit. A digit run is then a sequence of digit
 * groups joined by up to three separator characters (spaces of any kind, dashes, dots or plus
 * signs). Any stretch of whole, consecutive groups holding 13 to 19 digits that passes the Luhn
 * check counts as a card number, so a card followed by more digits (such as an expiry date) is
 * still caught. Digits glued to letters belong to an identifier, such as a hex visitor id, and
 * are not checked.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN =
            Pattern.compile("(?<![0-9A-Za-z])[0-9]+(?:[\\s\\p{Z}\\p{Pd}.+]{1,3}[0-9]+)*(?![0-9A-Za-z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z}\\p{Pd}.+]{1,3}");
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

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
        Matcher matcher = DIGIT_RUN.matcher(asciiDigits(text));
        while (matcher.find()) {
            if (hasCardNumber(SEPARATORS.split(matcher.group()))) {
                return true;
            }
        }
        return false;
    }

    /** Reports whether a field name requests card data: a card number, CVV or expiry date. */
    public static boolean isCardFieldName(String name) {
        return name != null
                && CARD_FIELD_NAME.matcher(name.replaceAll("[\\s_-]", "")).matches();
    }

    /** Reports whether a URL contains a card number, as written or after percent-decoding. */
    public static boolean containsCardNumberInUrl(String url) {
        if (url == null) {
            return false;
        }
        return containsCardNumber(url) || containsCardNumber(percentDecode(url));
    }

    /** Decodes {@code %XX} escapes and {@code +}, leaving malformed escapes as they are. */
    private static String percentDecode(String text) {
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%'
                    && i + 2 < text.length()
                    && HexFormat.isHexDigit(text.charAt(i + 1))
                    && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes[length++] = (byte) HexFormat.fromHexDigits(text, i + 1, i + 3);
                i += 2;
            } else if (c == '+') {
                bytes[length++] = ' ';
            } else if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else {
                bytes[length++] = '?';
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** Checks every stretch of consecutive groups that contains 13 to 19 digits. */
    private static boolean hasCardNumber(String[] groups) {
        for (int first = 0; first < groups.length; first++) {
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

    private static String asciiDigits(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
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
}
