package dev.cairn.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects values that look like payment card numbers, so they are rejected before anything is
 * stored or logged.
 *
 * <p>A candidate is a run of 13 to 19 digits, optionally separated by single spaces or dashes, that
 * passes the Luhn check. Runs are found anywhere in the text, so a card number inside a comment or a
 * URL is caught too.
 */
public final class CardNumbers {

    /** A digit followed by 12 to 18 more, each optionally preceded by one space or dash. */
    private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,}(?![0-9])");

    private static final Pattern CARD_FIELD_NAME =
            Pattern.compile("(?i).*(card.?(number|num|no)|cc.?(num|number)|pan$|^pan|cvv|cvc|cv2|csc|security.?code"
                    + "|expiry|expiration|exp.?(date|month|year)|card.?exp).*");

    private CardNumbers() {}

    /** Reports whether the text contains a digit run that looks like a payment card number. */
    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < 13) {
            return false;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (hasCardNumberWithin(digits)) {
                return true;
            }
        }
        return false;
    }

    /** Reports whether a field name asks for card data (number, CVV or expiry). */
    public static boolean isCardFieldName(String name) {
        return name != null
                && CARD_FIELD_NAME.matcher(name.replaceAll("[\\s_-]", "")).matches();
    }

    /** Checks every window of 13 to 19 digits, since a longer run may embed a card number. */
    private static boolean hasCardNumberWithin(String digits) {
        for (int length = 13; length <= 19 && length <= digits.length(); length++) {
            for (int start = 0; start + length <= digits.length(); start++) {
                if (passesLuhn(digits, start, start + length)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean passesLuhn(String digits, int from, int to) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = to - 1; i >= from; i--) {
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
