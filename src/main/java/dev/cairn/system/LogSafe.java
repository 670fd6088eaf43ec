package dev.cairn.system;

/** Makes request-derived text safe for log lines: truncated, with control characters removed. */
public final class LogSafe {

    private static final int MAX_LENGTH = 80;

    private LogSafe() {}

    /** Returns the text truncated to 80 characters with control characters replaced by '?'. */
    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
