package dev.cairn.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The channel through which a preference change arrived. */
public enum ConsentSource {
    FORM(true),
    PREFERENCE_CENTER(true),
    FOOTER_LINK(false),
    ONE_CLICK(false),
    STAFF_PHONE(false),
    STAFF_CHAT(false),
    API(false),
    IMPORT(false);

    private final boolean contactOnWebsite;

    ConsentSource(boolean contactOnWebsite) {
        this.contactOnWebsite = contactOnWebsite;
    }

    /** Reports whether the contact acts here on the website, the only way to undo an opt-out. */
    public boolean mayUndoOptOut() {
        return contactOnWebsite;
    }

    /** Returns the lowercase name used in JSON, such as {@code opted_out}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
