package dev.cairn.email;

import dev.cairn.contacts.ContactCreated;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Queues a welcome email, of type Support Notice, for every new contact. It runs inside the
 * transaction that creates the contact, so the contact and its queued email commit together.
 */
@Component
class WelcomeEmails {

    private static final Logger log = LoggerFactory.getLogger(WelcomeEmails.class);
    static final String TEMPLATE = "welcome";
    static final String TYPE = "support";

    private final Outbox outbox;
    private final Clock clock;

    WelcomeEmails(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void onContactCreated(ContactCreated event) {
        outbox.enqueue(event.contactId(), TYPE, TEMPLATE, TEMPLATE + ":" + event.contactId(), clock.millis())
                .ifPresent(id -> log.debug("Queued welcome email {} for contact {}", id, event.contactId()));
    }
}
