package dev.cairn.contacts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Email address normalisation for identity matching: trimmed, Unicode NFC, lower case.
 * Plus-addressing is kept, so {@code a+news@example.com} and {@code a@example.com} differ.
 */
public final class EmailAddresses {

    private EmailAddresses() {}

    /** Returns the form under which two addresses compare equal. */
    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Returns the address with most of the local part hidden, such as {@code j***@example.com}. */
    public static String mask(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
