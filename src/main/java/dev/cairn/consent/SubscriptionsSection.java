package dev.cairn.consent;

import dev.cairn.contacts.ContactSection;
import org.springframework.stereotype.Component;

/** Adds the contact's subscriptions to the contact API view. */
@Component
class SubscriptionsSection implements ContactSection {

    private final Consent consent;

    SubscriptionsSection(Consent consent) {
        this.consent = consent;
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public Object content(String contactId) {
        return consent.subscriptions(contactId);
    }
}
