package dev.cairn.forms;

import dev.cairn.consent.Consent;
import dev.cairn.consent.ConsentContext;
import dev.cairn.consent.ConsentSource;
import dev.cairn.contacts.ContactFields;
import dev.cairn.contacts.Contacts;
import dev.cairn.contacts.LifecycleStage;
import dev.cairn.identity.Identity;
import dev.cairn.identity.Resolution;
import dev.cairn.system.ApiException;
import dev.cairn.system.Ids;
import dev.cairn.system.IpAddresses;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts form submissions: guard, validate, resolve the contact, update its fields, apply the
 * opt-in and store the submission, all in one transaction, so a rejected submission stores nothing.
 */
@Service
class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Forms forms;
    private final SubmissionValidator validator;
    private final SubmissionRateLimiter rateLimiter;
    private final Identity identity;
    private final Contacts contacts;
    private final Consent consent;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubmissionService(
            Forms forms,
            SubmissionValidator validator,
            SubmissionRateLimiter rateLimiter,
            Identity identity,
            Contacts contacts,
            Consent consent,
            JdbcClient jdbc,
            JsonMapper json,
            TransactionTemplate transactions,
            Clock clock) {
        this.forms = forms;
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.identity = identity;
        this.contacts = contacts;
        this.consent = consent;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
    }

    SubmissionResult submit(SubmissionRequest request) {
        FormDefinition form = forms.findEnabled(request.formId())
                .orElseThrow(() ->
                        ApiException.notFound("form_not_found", "form '" + request.formId() + "' does not exist."));
        rateLimiter.acquire(form.id(), request.remoteAddress());
        ValidSubmission submission;
        try {
            submission = validator.validate(form, request.fields());
        } catch (ApiException e) {
            log.info(
                    "Form {} submission rejected: {} ({} fields)",
                    form.id(),
                    e.code(),
                    e.fieldProblems().size());
            throw e;
        }
        String honeypot = request.fields().get(SubmissionFields.HONEYPOT);
        if (honeypot != null && !honeypot.isBlank()) {
            log.info("Form {} submission dropped: the honeypot field was filled", form.id());
            return new SubmissionResult(Ids.newId(), null, form.thankYouUrl());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> store(form, submission, request));
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                // Another submission created the same email or linked the same visitor at the same
                // moment: resolve again from what it committed.
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("Form {} submission raced another (attempt {}); retrying", form.id(), attempt);
            }
        }
    }

    private SubmissionResult store(FormDefinition form, ValidSubmission submission, SubmissionRequest request) {
        Resolution resolution = identity.resolveSubmission(
                submission.visitorId(), form.siteId(), submission.email(), "form:" + form.id());
        // NOTE: the account executive is stored as text; assigning the owner and notifying that
        // staff user waits for staff user management.
        contacts.update(
                resolution.contactId(),
                new ContactFields(
                        submission.firstName(),
                        submission.lastName(),
                        submission.company(),
                        submission.phone(),
                        submission.accountExecutive()),
                LifecycleStage.LEAD);
        if (submission.optIn()) {
            boolean verified = identity.verifiedByEmailLink(submission.visitorId(), resolution.contactId());
            ConsentContext context = ConsentContext.web(
                            ConsentSource.FORM,
                            IpAddresses.prefix(request.remoteAddress()),
                            request.userAgent(),
                            "form " + form.id())
                    .withVerifiedContact(verified);
            consent.optInToMarketing(resolution.contactId(), context);
        }
        String submissionId = Ids.newId();
        jdbc.sql("""
                        INSERT INTO form_submission (id, form_id, contact_id, visitor_id, resolution, fields, opt_in, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        submissionId,
                        form.id(),
                        resolution.contactId(),
                        submission.visitorId(),
                        resolution.resolutionCase().name(),
                        json.writeValueAsString(storedFields(submission)),
                        submission.optIn(),
                        clock.millis())
                .update();
        log.info(
                "Form {} submission {} stored for contact {} ({})",
                form.id(),
                submissionId,
                resolution.contactId(),
                resolution.resolutionCase());
        return new SubmissionResult(submissionId, resolution.contactId(), form.thankYouUrl());
    }

    private static Map<String, String> storedFields(ValidSubmission submission) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(SubmissionFields.EMAIL, submission.email());
        fields.put(SubmissionFields.FIRST_NAME, submission.firstName());
        fields.put(SubmissionFields.LAST_NAME, submission.lastName());
        fields.put(SubmissionFields.COMPANY, submission.company());
        fields.put(SubmissionFields.PHONE, submission.phone());
        fields.put(SubmissionFields.COMMENT, submission.comment());
        fields.put(SubmissionFields.ACCOUNT_EXECUTIVE, submission.accountExecutive());
        fields.putAll(submission.customFields());
        fields.values().removeIf(value -> value == null);
        return fields;
    }
}
