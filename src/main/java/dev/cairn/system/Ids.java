package dev.cairn.system;

import com.github.f4b6a3.uuid.UuidCreator;
import java.util.UUID;

/** Time-ordered identifiers (UUIDv7), so that inserts stay append-friendly in every index. */
public final class Ids {

    private Ids() {}

    /** Returns a new UUIDv7 in its canonical 36-character form. */
    public static String newId() {
        return UuidCreator.getTimeOrderedEpoch().toString();
    }

    /** Reports whether the text is a UUID in canonical form. */
    public static boolean isId(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
