package dev.cairn.consent;

import dev.cairn.contacts.ContactCreated;
import dev.cairn.system.ApiException;
import dev.cairn.system.TokenPayloads;
import dev.cairn.system.TokenSigner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way subscription state changes. Each change appends to the consent log in the same
 * transaction, and opt-outs are sticky: only the contact, on the website, can undo one.
 */
@Service
public class Consent {

    private static final Logger log = LoggerFactory.getLogger(Consent.class);
    private static final String PREFERENCES_PURPOSE = "preferences";
    private static final String UNSUBSCRIBE_PURPOSE = "unsubscribe";
    private static final String OPTED_OUT_CODE = "opted_out";
    private static final int MAX_WRITE_ATTEMPTS = 3;

    private final ConsentStore store;
    private final TokenSigner signer;
    private final Clock clock;

    Consent(ConsentStore store, TokenSigner signer, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    /** Gives a new contact every type's default state, logged as the contact's initial state. */
    @EventListener
    @Transactional
    void onContactCreated(ContactCreated event) {
        ConsentSource source = event.source().startsWith("form") ? ConsentSource.FORM : ConsentSource.API;
        ConsentContext context = new ConsentContext(source, null, null, null, "default for a new contact");
        long now = clock.millis();
        for (ConsentStore.TypeRow type : store.types()) {
            store.saveState(event.contactId(), type.id(), type.defaultState(), now);
            store.appendLog(event.contactId(), type.id(), "type", null, type.defaultState(), context, now);
        }
    }

    /** Returns the contact's state for every type, in display order. */
    public List<Subscription> subscriptions(String contactId) {
        return store.types().stream()
                .map(type -> new Subscription(
                        type.id(),
                        type.name(),
                        type.description(),
                        type.kind().toLowerCase(),
                        store.state(contactId, type.id()).orElse(type.defaultState())))
                .toList();
    }

    /**
     * Subscribes the contact to every marketing type after a website opt-in. Types the contact
     * opted out of stay opted out unless the context may undo an opt-out, because anyone can type
     * someone else's email address into a form.
     */
    @Transactional
    public void optInToMarketing(String contactId, ConsentContext context) {
        for (ConsentStore.TypeRow type : store.types()) {
            if (!type.kind().equals("MARKETING")) {
                continue;
            }
            try {
                change(contactId, type, SubscriptionState.SUBSCRIBED, context, "type");
            } catch (ApiException e) {
                if (!e.code().equals(OPTED_OUT_CODE)) {
                    throw e;
                }
                log.info(
                        "Opt-in left contact {} opted out of {}: the browser is not verified by an email link",
                        contactId,
                        type.id());
            }
        }
    }

    /**
     * Sets one type's state and logs the change; does nothing if the state is already the target.
     *
     * @throws ApiException 409 when a source other than the contact on the website tries to
     *     subscribe a contact who opted out of the type
     */
    @Transactional
    public void change(String contactId, String typeId, SubscriptionState target, ConsentContext context) {
        ConsentStore.TypeRow type = type(typeId)
                .orElseThrow(() -> ApiException.notFound(
                        "subscription_type_not_found", "No subscription type has the id '" + typeId + "'."));
        change(contactId, type, target, context, "type");
    }

    /** Opts the contact out of every type, logging one row per type with scope {@code all}. */
    @Transactional
    public void unsubscribeAll(String contactId, ConsentContext context) {
        for (ConsentStore.TypeRow type : store.types()) {
            change(contactId, type, SubscriptionState.OPTED_OUT, context, "all");
        }
        log.info("Contact {} unsubscribed from all types ({})", contactId, context.source());
    }

    /** Checks the sending gate: whether a message of this type may go to the contact now. */
    public boolean maySend(String contactId, String typeId) {
        return store.state(contactId, typeId).orElse(SubscriptionState.NOT_SUBSCRIBED) == SubscriptionState.SUBSCRIBED;
    }

    /** Returns the consent log of a contact, oldest first. */
    public List<ConsentLogEntry> log(String contactId) {
        return store.log(contactId);
    }

    /** Rebuilds the current state of each type from the consent log alone. */
    public Map<String, SubscriptionState> stateFromLog(String contactId) {
        Map<String, SubscriptionState> state = new LinkedHashMap<>();
        for (ConsentLogEntry entry : store.log(contactId)) {
            state.put(entry.type(), entry.newState());
        }
        return state;
    }

    /** Returns the signed link token of the contact's preference center. */
    public String preferenceToken(String contactId) {
        return signer.sign(PREFERENCES_PURPOSE, TokenPayloads.pack(null, contactId));
    }

    /** Returns a signed unsubscribe token for a message of one type sent to the contact. */
    public String unsubscribeToken(String contactId, String typeId) {
        return signer.sign(UNSUBSCRIBE_PURPOSE, TokenPayloads.pack(typeId, contactId));
    }

    Optional<String> contactForPreferenceToken(String token) {
        return signer.verify(PREFERENCES_PURPOSE, token).flatMap(payload -> TokenPayloads.idAt(payload, 0));
    }

    Optional<UnsubscribeTarget> unsubscribeTarget(String token) {
        return signer.verify(UNSUBSCRIBE_PURPOSE, token)
                .flatMap(payload -> TokenPayloads.idAt(payload, 0)
                        .map(contact -> new UnsubscribeTarget(contact, TokenPayloads.suffix(payload, 1))));
    }

    /** Returns the display name of a subscription type, such as "Support Notice". */
    public Optional<String> typeName(String typeId) {
        return type(typeId).map(ConsentStore.TypeRow::name);
    }

    Optional<ConsentStore.TypeRow> type(String typeId) {
        return store.types().stream().filter(type -> type.id().equals(typeId)).findFirst();
    }

    /**
     * Applies one change with a conditional write, so that two concurrent changes cannot both act
     * on the same old state (PostgreSQL runs them side by side; SQLite runs them one at a time).
     */
    private void change(
            String contactId,
            ConsentStore.TypeRow type,
            SubscriptionState target,
            ConsentContext context,
            String scope) {
        String typeId = type.id();
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<SubscriptionState> stored = store.state(contactId, typeId);
            SubscriptionState current = stored.orElse(type.defaultState());
            if (current == target) {
                return;
            }
            if (target == SubscriptionState.SUBSCRIBED
                    && current == SubscriptionState.OPTED_OUT
                    && !context.mayUndoOptOut()) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        OPTED_OUT_CODE,
                        "The contact opted out of '" + type.name()
                                + "'; only the contact can subscribe again, on the website.");
            }
            long now = clock.millis();
            if (store.compareAndSet(contactId, typeId, stored, target, now)) {
                store.appendLog(contactId, typeId, scope, current, target, context, now);
                return;
            }
        }
        log.warn("Preference change for contact {} and type {} kept losing to concurrent changes", contactId, typeId);
        throw new ApiException(
                HttpStatus.CONFLICT, "concurrent_change", "The preference changed at the same moment; try again.");
    }

    /** The contact and subscription type an unsubscribe link was sent for. */
    record UnsubscribeTarget(String contactId, String typeId) {}
}
