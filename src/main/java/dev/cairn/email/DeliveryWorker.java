package dev.cairn.email;

import dev.cairn.consent.Consent;
import dev.cairn.contacts.ContactView;
import dev.cairn.contacts.Contacts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox messages. Each message is claimed first, so two workers never send it
 * twice, and passes the sending gate immediately before it is handed to the transport, so an
 * opt-out that arrives after queueing is honoured.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH_SIZE = 20;

    private final Outbox outbox;
    private final Contacts contacts;
    private final Consent consent;
    private final MessageComposer composer;
    private final MailTransport transport;
    private final TaskScheduler scheduler;
    private final TransactionTemplate transactions;
    private final EmailProperties properties;
    private final Clock clock;
    private volatile ScheduledFuture<?> task;

    DeliveryWorker(
            Outbox outbox,
            Contacts contacts,
            Consent consent,
            MessageComposer composer,
            MailTransport transport,
            TaskScheduler scheduler,
            TransactionTemplate transactions,
            EmailProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.consent = consent;
        this.composer = composer;
        this.transport = transport;
        this.scheduler = scheduler;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Delivers every message that is due now; returns how many were handed to the transport.
     *
     * <p>NOTE: a crash between the transport and {@code markSent} leaves the row in SENDING, and
     * nothing retries it, so such a message is neither resent nor reported yet.
     */
    int deliverDue() {
        List<OutboxMessage> due = outbox.due(clock.millis(), BATCH_SIZE);
        int delivered = 0;
        for (OutboxMessage message : due) {
            if (outbox.claim(message.id()) && deliverSafely(message)) {
                delivered++;
            }
        }
        return delivered;
    }

    /** Delivers one claimed message; an unexpected error fails that message, not the whole batch. */
    private boolean deliverSafely(OutboxMessage message) {
        try {
            return deliver(message);
        } catch (RuntimeException e) {
            outbox.markFinal(
                    message.id(),
                    Outbox.FAILED,
                    "unexpected error: " + e.getClass().getSimpleName());
            outbox.recordEvent(
                    message.id(), message.contactId(), "failed", e.getClass().getSimpleName(), clock.millis());
            log.error(
                    "Email {} failed with an unexpected {}",
                    message.id(),
                    e.getClass().getSimpleName(),
                    e);
            return false;
        }
    }

    private boolean deliver(OutboxMessage message) {
        Optional<ContactView> contact = contacts.find(message.contactId());
        if (contact.isEmpty() || contact.get().email() == null) {
            outbox.markFinal(message.id(), Outbox.FAILED, "contact has no email address");
            log.warn("Email {} failed: contact {} has no email address", message.id(), message.contactId());
            return false;
        }
        ComposedMessage composed = transactions.execute(status -> {
            ComposedMessage built = composer.compose(message, contact.get());
            outbox.replaceLinks(message.id(), built.links());
            return built;
        });
        if (!consent.maySend(message.contactId(), message.typeId())) {
            outbox.markFinal(message.id(), Outbox.SUPPRESSED, "contact is not subscribed to " + message.typeId());
            outbox.recordEvent(message.id(), message.contactId(), "suppressed", message.typeId(), clock.millis());
            log.info(
                    "Email {} suppressed: contact {} is not subscribed to {}",
                    message.id(),
                    message.contactId(),
                    message.typeId());
            return false;
        }
        try {
            transport.deliver(message.id(), composed);
        } catch (MailTransport.DeliveryException e) {
            handleFailure(message, e);
            return false;
        }
        long now = clock.millis();
        transactions.executeWithoutResult(status -> {
            outbox.markSent(message.id(), composed.subject(), now);
            outbox.recordEvent(message.id(), message.contactId(), "sent", message.template(), now);
        });
        log.info("Email {} ({}) sent to contact {}", message.id(), message.template(), message.contactId());
        return true;
    }

    private void handleFailure(OutboxMessage message, MailTransport.DeliveryException e) {
        int attempts = message.attempts() + 1;
        if (e.permanent() || attempts >= properties.maxAttempts()) {
            outbox.markFinal(message.id(), Outbox.FAILED, e.getMessage());
            outbox.recordEvent(message.id(), message.contactId(), "failed", e.getMessage(), clock.millis());
            // The cause is named but not logged: SMTP replies often quote the recipient address.
            log.warn(
                    "Email {} failed after {} attempts: {} ({})", message.id(), attempts, e.getMessage(), causeName(e));
            return;
        }
        long delay = properties.retryDelay().toMillis() << Math.min(attempts - 1, 16);
        outbox.retryLater(message.id(), clock.millis() + delay, e.getMessage());
        log.warn(
                "Email {} attempt {} failed, retrying in {} ms: {} ({})",
                message.id(),
                attempts,
                delay,
                e.getMessage(),
                causeName(e));
    }

    private static String causeName(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private void runSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.error("Outbox delivery run failed", e);
        }
    }

    @Override
    public void start() {
        task = scheduler.scheduleWithFixedDelay(this::runSafely, properties.pollInterval());
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
