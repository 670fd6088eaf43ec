package dev.cairn.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The channel through which a preference change arrived. */
public enum ConsentSource {
    FORM,
    PREFERENCE_CENTER,
    FOOTER_LINK,
    ONE_CLICK,
    STAFF_PHONE,
    STAFF_CHAT,
    API,
    IMPORT;

    /** Returns the lowercase name used in JSON, such as {@code preference_center}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
