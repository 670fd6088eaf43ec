package dev.cairn.identity;

import java.util.regex.Pattern;

/** The format of visitor ids: 128 random bits as 32 lowercase hex digits. */
public final class VisitorIds {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");

    private VisitorIds() {}

    /** Reports whether the text is a well-formed visitor id. */
    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }
}
