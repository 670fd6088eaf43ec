package dev.cairn.consent;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A contact's state for one subscription type. */
public enum SubscriptionState {
    SUBSCRIBED,
    /** Never subscribed: staff, imports and the API may still subscribe the contact. */
    NOT_SUBSCRIBED,
    /** The contact opted out: only the contact, on the website, can subscribe again. */
    OPTED_OUT;

    /** Returns the lowercase name used in JSON, such as {@code opted_out}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
