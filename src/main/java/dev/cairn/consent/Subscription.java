package dev.cairn.consent;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A contact's state for one subscription type, with the type's description. */
public record Subscription(String type, String name, String description, String kind, SubscriptionState state) {

    @JsonProperty("subscribed")
    public boolean subscribed() {
        return state == SubscriptionState.SUBSCRIBED;
    }
}
