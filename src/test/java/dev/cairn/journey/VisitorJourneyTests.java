package dev.cairn.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.cairn.testing.CairnApi;
import dev.cairn.testing.Http;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole path in a real browser. A visitor reads the demo site and submits the contact form,
 * then gets the welcome email over SMTP. Following its tracked link in a fresh browser profile
 * brings them back as the same contact, and the preference center unsubscribes them from all.
 */
@ExtendWith(Browsers.class)
abstract class VisitorJourneyTests {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @BeforeAll
    static void startBrowser() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void visitorBecomesContactAndComesBackFromEmail() throws Exception {
        Http http = new Http(port);
        CairnApi api = new CairnApi(http);
        String email = CairnApi.uniqueEmail("journey");
        String base = http.base();

        // A first visit: two pages read, then the contact form with the opt-in box left unchecked.
        BrowserContext firstProfile = browser.newContext();
        Page page = firstProfile.newPage();
        page.navigate(base + "/demo/");
        page.click("text=Read the latest blog post");
        page.waitForURL("**/demo/blog-post.html");
        page.click("nav >> text=Contact us");
        page.waitForURL("**/demo/contact.html");
        page.fill("input[name=firstName]", "Grace");
        page.fill("input[name=lastName]", "Hopper");
        page.fill("input[name=company]", "Navy Labs");
        page.fill("input[name=email]", email);
        assertThat(page.isChecked("input[name=optIn]")).isFalse();
        page.click("button[type=submit]");
        page.waitForURL("**/demo/thanks.html");
        String firstVisitor = visitorCookie(firstProfile);
        firstProfile.close();

        JsonNode contact = api.contact(email);
        String contactId = contact.get("id").asString();
        awaitTrue(() -> api.pageViewPaths(contactId).containsAll(List.of("/demo/", "/demo/blog-post.html")));
        assertThat(api.subscriptionStates(email))
                .containsEntry("support", "subscribed")
                .containsEntry("news", "not_subscribed")
                .containsEntry("blog", "not_subscribed")
                .containsEntry("products", "not_subscribed");

        // The welcome email, read from a real SMTP server.
        MimeMessage welcome = awaitMessageTo(email);
        assertThat(welcome.getHeader("List-Unsubscribe")[0]).startsWith("<" + base + "/u/");
        assertThat(welcome.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Document html = Jsoup.parse(htmlPart(welcome));
        String trackedLink = html.selectFirst("a:contains(status page)").attr("href");
        String preferencesLink =
                html.selectFirst("a:contains(Update communication preferences)").attr("href");
        assertThat(trackedLink).startsWith(base + "/c/");
        assertThat(preferencesLink).startsWith(base + "/p/");
        assertThat(html.selectFirst("a:contains(Unsubscribe)").attr("href")).startsWith(base + "/u/");

        // The tracked link, followed in a fresh browser profile, brings the person back as themselves.
        BrowserContext secondProfile = browser.newContext();
        Page returning = secondProfile.newPage();
        returning.navigate(trackedLink);
        returning.waitForURL("**/demo/status.html");
        awaitTrue(() -> !returning.url().contains("cairn_token"));
        assertThat(returning.url()).isEqualTo(base + "/demo/status.html");
        returning.click("nav >> text=Support");
        returning.waitForURL("**/demo/support.html");
        String secondVisitor = visitorCookie(secondProfile);
        assertThat(secondVisitor).isNotEqualTo(firstVisitor);
        awaitTrue(() -> api.pageViewPaths(contactId).contains("/demo/support.html"));
        assertThat(api.pageViewPaths(contactId)).contains("/demo/status.html");
        assertThat(linkedContact(secondVisitor)).isEqualTo(contactId);
        assertThat(storedUrlsContaining("cairn_token")).isZero();

        // The preference center: unsubscribe from everything, then check the consent log.
        returning.navigate(preferencesLink);
        assertThat(returning.content()).doesNotContain(email);
        returning.click("text=Unsubscribe from all emails");
        returning.waitForSelector("text=Your preferences are saved");
        secondProfile.close();

        assertThat(api.subscriptionStates(email).values()).containsOnly("opted_out");
        JsonNode log = http.getAsAdmin("/api/v1/contacts/" + contactId + "/consent-log")
                .json()
                .get("entries");
        List<JsonNode> unsubscribeAll = new ArrayList<>();
        log.forEach(entry -> {
            if (entry.get("scope").asString().equals("all")) {
                unsubscribeAll.add(entry);
            }
        });
        assertThat(unsubscribeAll).hasSize(4);
        assertThat(unsubscribeAll).allSatisfy(entry -> {
            assertThat(entry.get("source").asString()).isEqualTo("preference_center");
            assertThat(entry.get("newState").asString()).isEqualTo("opted_out");
        });
    }

    @Test
    void tokenRemoval_keepsOtherQueryParameters() {
        String base = new Http(port).base();
        BrowserContext profile = browser.newContext();
        Page page = profile.newPage();

        page.navigate(base + "/demo/status.html?q=a%20b&path=/x/y&cairn_token=abc.def#top");
        awaitTrue(() -> !page.url().contains("cairn_token"));

        assertThat(page.url()).isEqualTo(base + "/demo/status.html?q=a%20b&path=/x/y#top");
        profile.close();
    }

    @Test
    void historyChange_countsAsPageView() {
        String base = new Http(port).base();
        BrowserContext profile = browser.newContext();
        Page page = profile.newPage();
        page.navigate(base + "/demo/status.html");

        page.click("#show-history");

        String visitor = visitorCookie(profile);
        awaitTrue(() -> pageViewUrls(visitor).contains(base + "/demo/status.html?view=history"));
        assertThat(pageViewUrls(visitor)).contains(base + "/demo/status.html");
        profile.close();
    }

    @Test
    void globalPrivacyControl_stopsTracking() {
        String base = new Http(port).base();
        BrowserContext profile = browser.newContext();
        profile.addInitScript("Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})");
        Page page = profile.newPage();

        page.navigate(base + "/demo/contact.html");
        page.waitForLoadState();

        assertThat(page.evaluate("() => window.cairn.visitorId()")).isNull();
        assertThat(page.locator("input[name=visitorId]").count()).isZero();
        assertThat(profile.cookies()).noneMatch(cookie -> cookie.name.equals("cairn_vid"));
        profile.close();
    }

    private List<String> pageViewUrls(String visitorId) {
        return jdbc.sql("SELECT url FROM page_view WHERE visitor_id = ?")
                .param(visitorId)
                .query(String.class)
                .list();
    }

    private String visitorCookie(BrowserContext context) {
        return context.cookies().stream()
                .filter(cookie -> cookie.name.equals("cairn_vid"))
                .map(cookie -> cookie.value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the tracker set no cairn_vid cookie"));
    }

    private String linkedContact(String visitorId) {
        return jdbc.sql("SELECT contact_id FROM visitor WHERE id = ?")
                .param(visitorId)
                .query(String.class)
                .single();
    }

    private long storedUrlsContaining(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM page_view WHERE url LIKE ? OR referrer LIKE ?")
                .params("%" + text + "%", "%" + text + "%")
                .query(Long.class)
                .single();
    }

    private static MimeMessage awaitMessageTo(String email) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (Arrays.stream(message.getAllRecipients())
                        .anyMatch(address -> address.toString().equals(email))) {
                    return message;
                }
            }
            CairnApi.sleep(100);
        }
        throw new AssertionError("no email to " + email + " reached the SMTP server within 20 seconds");
    }

    private static String htmlPart(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String html = htmlPart(body);
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            CairnApi.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 seconds").isTrue();
    }
}
