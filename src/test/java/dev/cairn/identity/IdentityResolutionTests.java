package dev.cairn.identity;

import static dev.cairn.testing.CairnApi.contactForm;
import static dev.cairn.testing.CairnApi.newVisitorId;
import static dev.cairn.testing.CairnApi.sleep;
import static dev.cairn.testing.CairnApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.consent.Consent;
import dev.cairn.system.Ids;
import dev.cairn.testing.RunningApplicationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every rule of identity resolution, through the public HTTP endpoints. */
abstract class IdentityResolutionTests extends RunningApplicationTest {

    @Autowired
    Identity identity;

    @Autowired
    Consent consent;

    @Test
    void newVisitorUnknownEmail_createsContact() {
        String visitor = newVisitorId();
        String email = uniqueEmail("new");
        api.pageViewOk(visitor, "/demo/");
        api.pageViewOk(visitor, "/demo/blog-post.html");

        api.submitOk(contactForm(email, visitor));

        String contactId = api.contactId(email);
        assertThat(api.pageViewPaths(contactId)).containsExactlyInAnyOrder("/demo/", "/demo/blog-post.html");
        assertThat(identity.contactOfVisitor(visitor)).contains(contactId);
        assertThat(submissionResolution(contactId)).isEqualTo("NEW_CONTACT");
    }

    @Test
    void newVisitorKnownEmail_joinsExistingContact() {
        String email = uniqueEmail("known");
        api.submitOk(contactForm(email, newVisitorId()));
        String contactId = api.contactId(email);
        String secondBrowser = newVisitorId();
        api.pageViewOk(secondBrowser, "/demo/support.html");

        api.submitOk(contactForm(email.toUpperCase(), secondBrowser));

        assertThat(api.contactId(email)).isEqualTo(contactId);
        assertThat(identity.contactOfVisitor(secondBrowser)).contains(contactId);
        assertThat(api.pageViewPaths(contactId)).contains("/demo/support.html");
        assertThat(contactCountFor(email)).isEqualTo(1);
    }

    @Test
    void linkedVisitorSameEmail_overwritesSubmittedFields() {
        String visitor = newVisitorId();
        String email = uniqueEmail("same");
        api.submitOk(contactForm(email, visitor));
        Map<String, String> second = contactForm("  " + email + " ", visitor);
        second.put("company", "Difference Engines");
        second.put("phone", "+1 415 555 2671");

        api.submitOk(second);

        JsonNode contact = api.contact(email);
        assertThat(contact.get("company").asString()).isEqualTo("Difference Engines");
        assertThat(contact.get("phone").asString()).isEqualTo("+14155552671");
        assertThat(contact.get("firstName").asString()).isEqualTo("Ada");
        assertThat(submissionResolution(contact.get("id").asString())).isEqualTo("SAME_CONTACT");
    }

    @Test
    void linkedVisitorUnknownEmail_addsPrimaryEmail() {
        String visitor = newVisitorId();
        String oldEmail = uniqueEmail("old");
        String newEmail = uniqueEmail("new-primary");
        api.submitOk(contactForm(oldEmail, visitor));
        String contactId = api.contactId(oldEmail);

        api.submitOk(contactForm(newEmail, visitor));

        JsonNode contact = api.contact(newEmail);
        assertThat(contact.get("id").asString()).isEqualTo(contactId);
        assertThat(contact.get("email").asString()).isEqualTo(newEmail);
        assertThat(api.contactId(oldEmail)).isEqualTo(contactId);
        assertThat(contact.get("emails").findValuesAsString("email")).containsExactlyInAnyOrder(newEmail, oldEmail);
    }

    @Test
    void linkedVisitorOthersEmail_relinks() {
        String emailC = uniqueEmail("c");
        String emailD = uniqueEmail("d");
        api.submitOk(contactForm(emailD, newVisitorId()));
        String visitor = newVisitorId();
        api.pageViewOk(visitor, "/demo/");
        api.submitOk(contactForm(emailC, visitor));
        String contactC = api.contactId(emailC);
        String contactD = api.contactId(emailD);
        api.pageViewOk(visitor, "/demo/status.html");
        sleep(5);

        api.submitOk(contactForm(emailD, visitor));
        sleep(5);
        api.pageViewOk(visitor, "/demo/support.html");

        assertThat(identity.contactOfVisitor(visitor)).contains(contactD);
        assertThat(api.pageViewPaths(contactC)).containsExactlyInAnyOrder("/demo/", "/demo/status.html");
        assertThat(api.pageViewPaths(contactD)).containsExactly("/demo/support.html");
        assertThat(submissionResolution(contactD)).isEqualTo("RELINKED");
        assertThat(identityEvents(contactC)).contains("visitor_relinked_away");
        assertThat(identityEvents(contactD)).contains("visitor_relinked_here");
    }

    @Test
    void emailTokenUnlinkedVisitor_links() {
        String email = uniqueEmail("token");
        api.submitOk(contactForm(email, null));
        String contactId = api.contactId(email);
        String visitor = newVisitorId();
        api.pageViewOk(visitor, "/demo/");
        String token = identity.emailToken(contactId, Ids.newId());

        assertThat(http.pageView(visitor, "/demo/status.html", token).status()).isEqualTo(202);

        assertThat(identity.contactOfVisitor(visitor)).contains(contactId);
        assertThat(api.pageViewPaths(contactId)).containsExactlyInAnyOrder("/demo/", "/demo/status.html");
    }

    @Test
    void emailTokenLinkedVisitor_keepsLink() {
        String ownerEmail = uniqueEmail("owner");
        String forwardedToEmail = uniqueEmail("colleague");
        api.submitOk(contactForm(ownerEmail, null));
        String owner = api.contactId(ownerEmail);
        String colleagueVisitor = newVisitorId();
        api.submitOk(contactForm(forwardedToEmail, colleagueVisitor));
        String colleague = api.contactId(forwardedToEmail);
        String token = identity.emailToken(owner, Ids.newId());

        assertThat(http.pageView(colleagueVisitor, "/demo/blog-post.html", token)
                        .status())
                .isEqualTo(202);

        assertThat(identity.contactOfVisitor(colleagueVisitor)).contains(colleague);
        assertThat(api.pageViewPaths(colleague)).contains("/demo/blog-post.html");
        assertThat(api.pageViewPaths(owner)).isEmpty();
        assertThat(identityEvents(owner)).contains("email_link_from_other_visitor");
    }

    @Test
    void emailTokenForged_isIgnored() {
        String email = uniqueEmail("forged");
        api.submitOk(contactForm(email, null));
        String contactId = api.contactId(email);
        String genuine = identity.emailToken(contactId, Ids.newId());
        char last = genuine.charAt(genuine.length() - 1);
        String tampered = genuine.substring(0, genuine.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherPurpose = consent.preferenceToken(contactId);
        String visitor = newVisitorId();

        assertThat(http.pageView(visitor, "/demo/", tampered).status()).isEqualTo(202);
        assertThat(http.pageView(visitor, "/demo/", otherPurpose).status()).isEqualTo(202);

        assertThat(identity.contactOfVisitor(visitor)).isEmpty();
        assertThat(identity.identifyFromEmailToken(visitor, "demo", tampered)).isEqualTo(EmailTokenOutcome.INVALID);
        assertThat(identity.identifyFromEmailToken(visitor, "demo", otherPurpose))
                .isEqualTo(EmailTokenOutcome.INVALID);
    }

    @Test
    void emailMatching_ignoresCaseAndKeepsPlusAddressing() {
        String email = uniqueEmail("case");
        api.submitOk(contactForm(email, null));
        String plus = email.replace("@", "+news@");

        api.submitOk(contactForm(plus, null));

        assertThat(api.contactId(email.toUpperCase())).isEqualTo(api.contactId(email));
        assertThat(api.contactId(plus)).isNotEqualTo(api.contactId(email));
    }

    @Test
    void linking_doesNotRewritePageViews() {
        String visitor = newVisitorId();
        for (int i = 0; i < 5; i++) {
            api.pageViewOk(visitor, "/demo/?page=" + i);
        }
        List<String> before = jdbc.sql(
                        "SELECT id || visitor_id || occurred_at FROM page_view WHERE visitor_id = ? ORDER BY id")
                .param(visitor)
                .query(String.class)
                .list();

        api.submitOk(contactForm(uniqueEmail("rewrite"), visitor));

        List<String> after = jdbc.sql(
                        "SELECT id || visitor_id || occurred_at FROM page_view WHERE visitor_id = ? ORDER BY id")
                .param(visitor)
                .query(String.class)
                .list();
        assertThat(after).hasSize(5).isEqualTo(before);
    }

    private String submissionResolution(String contactId) {
        return jdbc.sql(
                        "SELECT resolution FROM form_submission WHERE contact_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
                .param(contactId)
                .query(String.class)
                .single();
    }

    private List<String> identityEvents(String contactId) {
        return jdbc.sql("SELECT kind FROM identity_event WHERE contact_id = ?")
                .param(contactId)
                .query(String.class)
                .list();
    }

    private long contactCountFor(String email) {
        return jdbc.sql("SELECT COUNT(DISTINCT contact_id) FROM contact_email WHERE email_normalized = ?")
                .param(email.toLowerCase())
                .query(Long.class)
                .single();
    }
}
