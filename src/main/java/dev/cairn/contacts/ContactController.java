package dev.cairn.contacts;

import dev.cairn.access.AuditLog;
import dev.cairn.system.ApiException;
import dev.cairn.system.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff REST API for looking up contacts and their timelines; every read is audited. */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private static final int MAX_TIMELINE_LIMIT = 1000;

    private final Contacts contacts;
    private final List<ContactSection> sections;
    private final List<TimelineSource> timelineSources;
    private final AuditLog audit;

    ContactController(
            Contacts contacts, List<ContactSection> sections, List<TimelineSource> timelineSources, AuditLog audit) {
        this.contacts = contacts;
        this.sections = sections;
        this.timelineSources = timelineSources;
        this.audit = audit;
    }

    /** Finds the contact that owns an email address, with its subscriptions. */
    @GetMapping
    Map<String, Object> findByEmail(@RequestParam(required = false) String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.invalid(
                    List.of(new FieldProblem("email", "required", "email is required: pass ?email=ADDRESS.")));
        }
        String id = contacts.idForEmail(email)
                .orElseThrow(() -> ApiException.notFound("contact_not_found", "No contact has that email address."));
        return view(id);
    }

    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable String id) {
        return view(id);
    }

    /** Returns page views, submissions and email events of the contact, newest first. */
    @GetMapping("/{id}/timeline")
    Map<String, Object> timeline(@PathVariable String id, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_TIMELINE_LIMIT) {
            throw ApiException.invalid(List.of(new FieldProblem(
                    "limit",
                    "out_of_range",
                    "limit is " + limit + "; it must be between 1 and " + MAX_TIMELINE_LIMIT + ".")));
        }
        contacts.get(id);
        audit.record("contact.timeline.view", id);
        List<TimelineItem> items = new ArrayList<>();
        for (TimelineSource source : timelineSources) {
            items.addAll(source.timeline(id, limit));
        }
        items.sort(Comparator.comparing(TimelineItem::occurredAt).reversed());
        List<Map<String, Object>> rendered =
                items.stream().limit(limit).map(ContactController::render).toList();
        return Map.of("contactId", id, "items", rendered);
    }

    private Map<String, Object> view(String id) {
        ContactView contact = contacts.get(id);
        audit.record("contact.view", id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", contact.id());
        body.put("email", contact.email());
        body.put("emails", contact.emails());
        body.put("firstName", contact.firstName());
        body.put("lastName", contact.lastName());
        body.put("company", contact.company());
        body.put("phone", contact.phone());
        body.put("accountExecutive", contact.accountExecutive());
        body.put("lifecycleStage", contact.lifecycleStage().name().toLowerCase());
        body.put("createdAt", contact.createdAt());
        body.put("updatedAt", contact.updatedAt());
        for (ContactSection section : sections) {
            body.put(section.name(), section.content(id));
        }
        return body;
    }

    private static Map<String, Object> render(TimelineItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", item.type());
        out.put("occurredAt", item.occurredAt());
        out.putAll(item.details());
        return out;
    }
}
