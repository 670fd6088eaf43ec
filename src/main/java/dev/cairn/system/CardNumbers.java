package dev.cairn.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects values that look like payment card numbers, so they are rejected before anything is
 * stored or logged.
 *
 * <p>A candidate is a run of 13 to 19 digits, optionally separated by single spaces or dashes, that
 * is not part of a longer word or number and passes the Luhn check. Runs are found anywhere in the
 * text, so a card number inside a comment or a URL is caught too, while random identifiers such as
 * hex visitor ids, where digits sit next to letters, are not.
 */
public final class CardNumbers {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<![0-9A-Za-z])[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z])");

    /** Field names that ask for card data, compared after removing spaces, dashes and underscores. */
    private static final Pattern CARD_FIELD_NAME = Pattern.compile(
            "(?i)(.*(card(number|num|no|exp|expiry|holder)|ccnum|creditcard|securitycode|cardverification"
                    + "|expiry|expiration|expdate|expmonth|expyear).*|pan|cvv2?|cvc2?|cv2|csc)");

    private CardNumbers() {}

    /** Reports whether the text contains a digit run that looks like a payment card number. */
    public static boolean containsCardNumber(String text) {
        if (text == null || text.length() < 13) {
            return false;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            if (passesLuhn(digits)) {
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
