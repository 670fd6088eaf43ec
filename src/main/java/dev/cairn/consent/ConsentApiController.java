package dev.cairn.consent;

import dev.cairn.access.AuditLog;
import dev.cairn.contacts.Contacts;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Staff REST API for a contact's consent log. */
@RestController
class ConsentApiController {

    private final Consent consent;
    private final Contacts contacts;
    private final AuditLog audit;

    ConsentApiController(Consent consent, Contacts contacts, AuditLog audit) {
        this.consent = consent;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Returns every preference change of the contact, oldest first. */
    @GetMapping("/api/v1/contacts/{id}/consent-log")
    Map<String, Object> consentLog(@PathVariable String id) {
        contacts.get(id);
        audit.record("contact.consent_log.view", id);
        List<ConsentLogEntry> entries = consent.log(id);
        return Map.of("contactId", id, "entries", entries);
    }
}
