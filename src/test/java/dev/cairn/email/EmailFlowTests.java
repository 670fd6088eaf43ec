package dev.cairn.email;

import static dev.cairn.testing.CairnApi.contactForm;
import static dev.cairn.testing.CairnApi.newVisitorId;
import static dev.cairn.testing.CairnApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.consent.Consent;
import dev.cairn.consent.ConsentContext;
import dev.cairn.consent.ConsentSource;
import dev.cairn.consent.SubscriptionState;
import dev.cairn.system.ApiException;
import dev.cairn.testing.CairnApi;
import dev.cairn.testing.Http;
import dev.cairn.testing.RunningApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The welcome email in the built-in mailbox, its links, unsubscribe and the preference center. */
abstract class EmailFlowTests extends RunningApplicationTest {

    @Autowired
    Consent consent;

    @Autowired
    Outbox outbox;

    @Test
    void welcomeEmail_hasFooterLinksAndUnsubscribeHeaders() {
        String email = uniqueEmail("welcome");
        Map<String, String> fields = contactForm(email, newVisitorId());
        fields.put("firstName", "<b>Ada</b>");

        api.submitOk(fields);
        JsonNode message = api.awaitMailboxMessage(email);

        assertThat(message.get("subject").asString()).contains("<b>Ada</b>");
        Document html = Jsoup.parse(message.get("html").asString());
        assertThat(html.select("b")).isEmpty();
        assertThat(html.text()).contains("Hi <b>Ada</b>");
        assertThat(html.selectFirst("a:contains(Update communication preferences)")
                        .attr("href"))
                .startsWith(http.base() + "/p/");
        String unsubscribe = html.selectFirst("a:contains(Unsubscribe)").attr("href");
        assertThat(message.get("headers").get("List-Unsubscribe").asString()).isEqualTo("<" + unsubscribe + ">");
        assertThat(message.get("headers").get("List-Unsubscribe-Post").asString())
                .isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.get("text").asString()).contains("Update communication preferences <" + http.base() + "/p/");
        assertThat(timelineTypes(api.contactId(email))).contains("email_sent", "form_submission");
    }

    @Test
    void trackedLink_redirectsWithIdentityToken() {
        String email = uniqueEmail("click");
        api.submitOk(contactForm(email, null));
        String link = link(api.awaitMailboxMessage(email), "status page");

        Http.Response response = http.get(link);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).startsWith(http.base() + "/demo/status.html?cairn_token=");
        assertThat(timelineTypes(api.contactId(email))).contains("email_clicked");
    }

    @Test
    void trackedLink_tamperedTokenRejected() {
        String email = uniqueEmail("tamper");
        api.submitOk(contactForm(email, null));
        String link = link(api.awaitMailboxMessage(email), "status page");

        char last = link.charAt(link.length() - 1);
        Http.Response response = http.get(link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A'));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void unsubscribeGet_changesNothing() {
        String email = uniqueEmail("look");
        api.submitOk(contactForm(email, null));
        String unsubscribe = link(api.awaitMailboxMessage(email), "Unsubscribe");

        Http.Response page = http.get(unsubscribe);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Do you want to stop receiving emails").doesNotContain(email);
        assertThat(api.subscriptionStates(email)).containsEntry("support", "subscribed");
    }

    @Test
    void oneClickUnsubscribe_optsOutOfMessageType() {
        String email = uniqueEmail("one-click");
        String unsubscribe = optedInContactLink(email, "Unsubscribe");

        Http.Response response = http.postForm(unsubscribe, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.subscriptionStates(email))
                .containsEntry("support", "opted_out")
                .containsEntry("news", "subscribed");
        assertThat(lastConsentSource(api.contactId(email))).isEqualTo("ONE_CLICK");
    }

    @Test
    void unsubscribePageConfirmation_optsOutOfEverything() {
        String email = uniqueEmail("all");
        String unsubscribe = optedInContactLink(email, "Unsubscribe");

        Http.Response response = http.postForm(unsubscribe, Map.of("scope", "all"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.subscriptionStates(email).values()).containsOnly("opted_out");
        assertThat(lastConsentSource(api.contactId(email))).isEqualTo("FOOTER_LINK");
    }

    @Test
    void preferenceCenter_showsMaskedEmailAndSavesChoices() {
        String email = uniqueEmail("prefs");
        api.submitOk(contactForm(email, null));
        String preferences = link(api.awaitMailboxMessage(email), "Update communication preferences");

        Http.Response page = http.get(preferences);
        Http.Response saved = http.postForm(preferences, Map.of("type", "blog"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(email).contains(email.charAt(0) + "***@example.com");
        assertThat(saved.body()).contains("Your preferences are saved");
        assertThat(api.subscriptionStates(email))
                .containsEntry("blog", "subscribed")
                .containsEntry("support", "opted_out")
                .containsEntry("news", "not_subscribed");
    }

    @Test
    void preferenceCenter_invalidTokenShowsNotFound() {
        Http.Response response = http.get("/p/AAAA.BBBB");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).contains("This link is not valid");
    }

    @Test
    void tokenPurposes_doNotMix() {
        String email = uniqueEmail("purpose");
        api.submitOk(contactForm(email, null));
        String preferencesToken = link(api.awaitMailboxMessage(email), "Update communication preferences")
                .substring((http.base() + "/p/").length());

        assertThat(http.get("/u/" + preferencesToken).status()).isEqualTo(404);
        assertThat(http.get("/c/" + preferencesToken).status()).isEqualTo(404);
    }

    @Test
    void optOut_stickyForStaffOnly() {
        String email = uniqueEmail("sticky");
        api.submitOk(contactForm(email, null));
        String contactId = api.contactId(email);
        ConsentContext byContact = ConsentContext.web(ConsentSource.PREFERENCE_CENTER, null, null, null);
        consent.change(contactId, "blog", SubscriptionState.SUBSCRIBED, byContact);
        consent.change(contactId, "blog", SubscriptionState.OPTED_OUT, byContact);
        ConsentContext staff = new ConsentContext(ConsentSource.STAFF_PHONE, "admin", null, null, "call");

        assertThatThrownBy(() -> consent.change(contactId, "blog", SubscriptionState.SUBSCRIBED, staff))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("opted out");
        consent.change(contactId, "news", SubscriptionState.SUBSCRIBED, staff);
        consent.change(contactId, "blog", SubscriptionState.SUBSCRIBED, byContact);

        assertThat(api.subscriptionStates(email))
                .containsEntry("blog", "subscribed")
                .containsEntry("news", "subscribed");
    }

    @Test
    void strangersFormOptIn_keepsOptOut() {
        String email = uniqueEmail("opted-out");
        String preferences = optedInContactLink(email, "Update communication preferences");
        http.postForm(preferences, Map.of("type", "blog"));
        Map<String, String> fields = contactForm(email, newVisitorId());
        fields.put("optIn", "yes");

        api.submitOk(fields);

        assertThat(api.subscriptionStates(email))
                .containsEntry("news", "opted_out")
                .containsEntry("products", "opted_out")
                .containsEntry("blog", "subscribed");
    }

    @Test
    void verifiedFormOptIn_undoesOptOut() {
        String email = uniqueEmail("returning");
        String preferences = optedInContactLink(email, "Update communication preferences");
        String tracked = link(api.awaitMailboxMessage(email), "status page");
        http.postForm(preferences, Map.of("type", "blog"));
        String token = identityToken(tracked);
        String visitor = newVisitorId();
        assertThat(http.pageView(visitor, "/demo/status.html", token).status()).isEqualTo(202);
        Map<String, String> fields = contactForm(email, visitor);
        fields.put("optIn", "yes");

        api.submitOk(fields);

        assertThat(api.subscriptionStates(email)).containsEntry("news", "subscribed");
    }

    @Test
    void emailLinkToLinkedBrowser_verifiesIt() {
        String email = uniqueEmail("linked-first");
        String visitor = newVisitorId();
        Map<String, String> first = contactForm(email, visitor);
        first.put("optIn", "yes");
        api.submitOk(first);
        JsonNode message = api.awaitMailboxMessage(email);
        http.postForm(link(message, "Update communication preferences"), Map.of("type", "blog"));
        Map<String, String> optIn = contactForm(email, visitor);
        optIn.put("optIn", "yes");
        api.submitOk(optIn);
        assertThat(api.subscriptionStates(email)).containsEntry("news", "opted_out");
        String token = identityToken(link(message, "status page"));

        assertThat(http.pageView(visitor, "/demo/status.html", token).status()).isEqualTo(202);
        api.submitOk(optIn);

        assertThat(api.subscriptionStates(email)).containsEntry("news", "subscribed");
    }

    @Test
    void unknownUnsubscribeScope_changesNothing() {
        String email = uniqueEmail("scope");
        String unsubscribe = optedInContactLink(email, "Unsubscribe");

        Http.Response response = http.postForm(unsubscribe, Map.of("scope", "Type"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(api.subscriptionStates(email).values()).containsOnly("subscribed");
    }

    @Test
    void sendingGate_suppressesMessageAfterOptOut() {
        String email = uniqueEmail("gate");
        api.submitOk(contactForm(email, null));
        api.awaitMailboxMessage(email);
        String contactId = api.contactId(email);
        consent.unsubscribeAll(contactId, ConsentContext.web(ConsentSource.PREFERENCE_CENTER, null, null, null));

        String messageId = outbox.enqueue(contactId, "support", "welcome", "gate-test:" + contactId, 0L)
                .orElseThrow();

        assertThat(awaitStatus(messageId)).isEqualTo(Outbox.SUPPRESSED);
        assertThat(mailboxCount(email)).isEqualTo(1);
    }

    @Test
    void welcomeEmail_queuedOncePerContact() {
        String email = uniqueEmail("once");
        String visitor = newVisitorId();
        api.submitOk(contactForm(email, visitor));
        api.submitOk(contactForm(email, visitor));
        api.awaitMailboxMessage(email);

        assertThat(outbox.enqueue(api.contactId(email), "support", "welcome", "welcome:" + api.contactId(email), 0L))
                .isEmpty();
        assertThat(mailboxCount(email)).isEqualTo(1);
    }

    /** Submits the form with the opt-in box checked and returns a link from the welcome email. */
    private String optedInContactLink(String email, String linkText) {
        Map<String, String> fields = contactForm(email, null);
        fields.put("optIn", "yes");
        api.submitOk(fields);
        return link(api.awaitMailboxMessage(email), linkText);
    }

    /** Follows a tracked link and returns the identity token it appends to the landing URL. */
    private String identityToken(String trackedLink) {
        String landing = http.get(trackedLink).header("Location");
        return landing.substring(landing.indexOf("cairn_token=") + "cairn_token=".length());
    }

    private String awaitStatus(String messageId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = jdbc.sql("SELECT status FROM email_message WHERE id = ?")
                    .param(messageId)
                    .query(String.class)
                    .single();
            if (!status.equals(Outbox.QUEUED) && !status.equals(Outbox.SENDING)) {
                return status;
            }
            CairnApi.sleep(100);
        }
        return status;
    }

    private long mailboxCount(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM mailbox_message WHERE LOWER(to_address) = ?")
                .param(email.toLowerCase())
                .query(Long.class)
                .single();
    }

    private String lastConsentSource(String contactId) {
        return jdbc.sql(
                        "SELECT source FROM consent_log WHERE contact_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1")
                .param(contactId)
                .query(String.class)
                .single();
    }

    private java.util.List<String> timelineTypes(String contactId) {
        java.util.List<String> types = new java.util.ArrayList<>();
        api.timeline(contactId).forEach(item -> types.add(item.get("type").asString()));
        return types;
    }

    private static String link(JsonNode message, String text) {
        Document html = Jsoup.parse(message.get("html").asString());
        return html.selectFirst("a:containsOwn(" + text + ")").attr("href");
    }
}
