package dev.cairn.identity;

import dev.cairn.contacts.Contacts;
import dev.cairn.system.ApiException;
import dev.cairn.system.TokenPayloads;
import dev.cairn.system.TokenSigner;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides which contact a visitor and a form submission belong to.
 *
 * <p>Page views reference visitors, and visitors reference contacts through a link history, so
 * linking or re-linking a visitor costs the same however many page views it has.
 */
@Service
public class Identity {

    private static final Logger log = LoggerFactory.getLogger(Identity.class);
    private static final String EMAIL_TOKEN_PURPOSE = "identity";
    private static final int MAX_LINK_ATTEMPTS = 3;

    private final VisitorStore visitors;
    private final Contacts contacts;
    private final TokenSigner signer;
    private final Clock clock;

    Identity(VisitorStore visitors, Contacts contacts, TokenSigner signer, Clock clock) {
        this.visitors = visitors;
        this.contacts = contacts;
        this.signer = signer;
        this.clock = clock;
    }

    /** Creates the visitor on its first event and updates when it was last seen. */
    @Transactional
    public void recordVisit(String visitorId, String siteId) {
        visitors.upsert(visitorId, siteId, clock.millis());
    }

    /** Returns the contact a visitor is linked to now. */
    public Optional<String> contactOfVisitor(String visitorId) {
        return visitors.contactOf(visitorId);
    }

    /**
     * Resolves the contact of a form submission from the visitor (if any) and the submitted email,
     * creating or re-linking as the identity rules require.
     *
     * @param visitorId the tracker's visitor id, or null for a submission without one
     * @param source recorded on a newly created contact, such as {@code form:contact}
     */
    @Transactional
    public Resolution resolveSubmission(String visitorId, String siteId, String email, String source) {
        long now = clock.millis();
        if (visitorId == null) {
            return contacts.idForEmail(email)
                    .map(id -> new Resolution(id, false, ResolutionCase.EXISTING_CONTACT))
                    .orElseGet(() -> new Resolution(contacts.create(email, source), true, ResolutionCase.NEW_CONTACT));
        }
        visitors.upsert(visitorId, siteId, now);
        // Each attempt re-reads the visitor's link, because a concurrent request may have changed it.
        for (int attempt = 0; attempt < MAX_LINK_ATTEMPTS; attempt++) {
            Optional<Resolution> resolution = tryResolve(visitorId, email, source, now);
            if (resolution.isPresent()) {
                return resolution.get();
            }
        }
        throw new ApiException(
                HttpStatus.CONFLICT, "concurrent_change", "The visitor was linked at the same moment; try again.");
    }

    private Optional<Resolution> tryResolve(String visitorId, String email, String source, long now) {
        Optional<String> owner = contacts.idForEmail(email);
        Optional<String> linked = visitors.contactOf(visitorId);

        if (linked.isEmpty() && owner.isPresent()) {
            return visitors.linkFromStart(visitorId, owner.get(), "form", now)
                    ? Optional.of(new Resolution(owner.get(), false, ResolutionCase.EXISTING_CONTACT))
                    : Optional.empty();
        }
        if (linked.isEmpty()) {
            String created = contacts.create(email, source);
            if (!visitors.linkFromStart(visitorId, created, "form", now)) {
                // The new contact must not outlive this attempt, so the whole transaction is retried.
                throw new CannotAcquireLockException("visitor " + visitorId + " was linked by a concurrent request");
            }
            return Optional.of(new Resolution(created, true, ResolutionCase.NEW_CONTACT));
        }

        String current = linked.get();
        if (owner.isEmpty()) {
            contacts.makePrimary(current, email);
            return Optional.of(new Resolution(current, false, ResolutionCase.NEW_PRIMARY_EMAIL));
        }
        if (owner.get().equals(current)) {
            contacts.makePrimary(current, email);
            return Optional.of(new Resolution(current, false, ResolutionCase.SAME_CONTACT));
        }

        if (!visitors.relink(visitorId, current, owner.get(), "form", now)) {
            return Optional.empty();
        }
        visitors.recordEvent(visitorId, current, "visitor_relinked_away", "to " + owner.get(), now);
        visitors.recordEvent(visitorId, owner.get(), "visitor_relinked_here", "from " + current, now);
        log.info("Visitor of contact {} re-linked to contact {} by a form submission", current, owner.get());
        return Optional.of(new Resolution(owner.get(), false, ResolutionCase.RELINKED));
    }

    /** Returns a signed token for links in an email to this contact; it carries only opaque ids. */
    public String emailToken(String contactId, String messageId) {
        return signer.sign(EMAIL_TOKEN_PURPOSE, TokenPayloads.pack(null, contactId, messageId));
    }

    /**
     * Links an anonymous visitor to the contact of an email-link token. A visitor already linked to
     * someone else keeps its link, so a forwarded email cannot take over another person's identity.
     */
    @Transactional
    public EmailTokenOutcome identifyFromEmailToken(String visitorId, String siteId, String token) {
        Optional<String> contactId = signer.verify(EMAIL_TOKEN_PURPOSE, token)
                .flatMap(payload -> TokenPayloads.idAt(payload, 0))
                .filter(id -> contacts.find(id).isPresent());
        if (contactId.isEmpty()) {
            log.warn("Visitor on site {} sent an invalid email-link token", siteId);
            return EmailTokenOutcome.INVALID;
        }
        long now = clock.millis();
        visitors.upsert(visitorId, siteId, now);
        for (int attempt = 0; attempt < MAX_LINK_ATTEMPTS; attempt++) {
            Optional<String> linked = visitors.contactOf(visitorId);
            if (linked.isEmpty() && !visitors.linkFromStart(visitorId, contactId.get(), "email_link", now)) {
                continue;
            }
            if (linked.isEmpty() || linked.get().equals(contactId.get())) {
                visitors.recordEvent(visitorId, contactId.get(), VisitorStore.EMAIL_LINK_VERIFIED, null, now);
                return linked.isEmpty() ? EmailTokenOutcome.LINKED : EmailTokenOutcome.ALREADY_LINKED;
            }
            visitors.recordEvent(visitorId, contactId.get(), "email_link_from_other_visitor", null, now);
            return EmailTokenOutcome.KEPT_OTHER_CONTACT;
        }
        throw new ApiException(
                HttpStatus.CONFLICT, "concurrent_change", "The visitor was linked at the same moment; try again.");
    }

    /**
     * Reports whether the visitor arrived through a link in one of the contact's emails since it
     * was last linked to that contact, which proves access to the contact's mailbox.
     */
    public boolean verifiedByEmailLink(String visitorId, String contactId) {
        return visitorId != null && visitors.verifiedByEmailLink(visitorId, contactId);
    }

    /** Returns the spans of visitor history that belong to a contact. */
    public List<LinkInterval> linkIntervals(String contactId) {
        return visitors.intervalsOf(contactId);
    }
}
