package dev.cairn.tracking;

import static dev.cairn.testing.CairnApi.newVisitorId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Http;
import dev.cairn.testing.RunningApplicationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The collector's contract: what it accepts, what it rejects and what it stores. */
@ExtendWith(OutputCaptureExtension.class)
abstract class CollectorTests extends RunningApplicationTest {

    @Test
    void pageView_storedWithAttribution() {
        String visitor = newVisitorId();
        Map<String, Object> event =
                event(visitor, "/demo/?utm_source=newsletter&utm_medium=email&utm_campaign=launch&gclid=abc123");
        event.put("referrer", "https://search.example/?q=cdn");

        Http.Response response = http.postJson("/api/v1/collect", event, allowed());

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql(
                        "SELECT path, utm_source, utm_medium, utm_campaign, click_id_type, click_id, browser_family, device_type FROM page_view WHERE visitor_id = ?")
                .param(visitor)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("path", "/demo/")
                .containsEntry("utm_source", "newsletter")
                .containsEntry("utm_medium", "email")
                .containsEntry("utm_campaign", "launch")
                .containsEntry("click_id_type", "gclid")
                .containsEntry("click_id", "abc123")
                .containsEntry("browser_family", "Chrome")
                .containsEntry("device_type", "desktop");
    }

    @Test
    void textPlainBatch_acceptedWhole() {
        String visitor = newVisitorId();
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(visitor, "/demo/?n=" + i));
        }
        Map<String, String> headers = new LinkedHashMap<>(allowed());
        headers.put("Content-Type", "text/plain;charset=UTF-8");

        Http.Response response = http.postJson("/api/v1/collect", Map.of("events", events), headers);

        assertThat(response.status()).isEqualTo(202);
        assertThat(pageViews(visitor)).isEqualTo(3);
    }

    @Test
    void repeatedEventId_storedOnce() {
        String visitor = newVisitorId();
        Map<String, Object> event = event(visitor, "/demo/");
        event.put("eventId", "evt-" + visitor);

        http.postJson("/api/v1/collect", event, allowed());
        Http.Response again = http.postJson("/api/v1/collect", event, allowed());

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("ignored").asInt()).isEqualTo(1);
        assertThat(pageViews(visitor)).isEqualTo(1);
    }

    @Test
    void unknownSite_rejected() {
        Map<String, Object> event = event(newVisitorId(), "/demo/");
        event.put("site", "nowhere");

        Http.Response response = http.postJson("/api/v1/collect", event, allowed());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("site_not_found");
    }

    @Test
    void foreignOrigin_rejected() {
        String visitor = newVisitorId();

        Http.Response response = http.postJson(
                "/api/v1/collect",
                event(visitor, "/demo/"),
                Map.of("Origin", "https://evil.example", "User-Agent", Http.BROWSER_AGENT));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("origin_not_allowed");
        assertThat(pageViews(visitor)).isZero();
    }

    @Test
    void otherPortOnLocalhost_rejected() {
        Http.Response response = http.postJson(
                "/api/v1/collect",
                event(newVisitorId(), "/demo/"),
                Map.of("Origin", "http://localhost:1", "User-Agent", Http.BROWSER_AGENT));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void missingOrigin_rejected() {
        Http.Response response = http.postJson("/api/v1/collect", event(newVisitorId(), "/demo/"), Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("code").asString()).isEqualTo("origin_missing");
    }

    @Test
    void malformedJson_rejected() {
        Http.Response response = http.postJson("/api/v1/collect", "{\"site\":", allowed());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("malformed_json");
    }

    @Test
    void badEventInBatch_rejectsWholeBatch() {
        String visitor = newVisitorId();
        Map<String, Object> bad = event(visitor, "/demo/");
        bad.put("url", "javascript:alert(1)");
        List<Object> events = List.of(event(visitor, "/demo/ok"), bad);

        Http.Response response = http.postJson("/api/v1/collect", Map.of("events", events), allowed());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("events[1].url");
        assertThat(pageViews(visitor)).isZero();
    }

    @Test
    void oversizedBatch_rejectedWith413() {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            events.add(event(newVisitorId(), "/demo/"));
        }

        Http.Response response = http.postJson("/api/v1/collect", Map.of("events", events), allowed());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("101").contains("100");
    }

    @Test
    void botUserAgent_notCounted() {
        String visitor = newVisitorId();

        Http.Response response = http.postJson(
                "/api/v1/collect",
                event(visitor, "/demo/"),
                Map.of(
                        "Origin",
                        http.base(),
                        "User-Agent",
                        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("ignored").asInt()).isEqualTo(1);
        assertThat(pageViews(visitor)).isZero();
    }

    @Test
    void emailToken_removedFromStoredUrl() {
        String visitor = newVisitorId();
        Map<String, Object> event = event(visitor, "/demo/?a=1&cairn_token=abc.def&b=2");
        event.put("referrer", http.base() + "/demo/status.html?cairn_token=abc.def");

        http.postJson("/api/v1/collect", event, allowed());

        Map<String, Object> row = jdbc.sql("SELECT url, referrer FROM page_view WHERE visitor_id = ?")
                .param(visitor)
                .query()
                .singleRow();
        assertThat(row.get("url")).isEqualTo(http.base() + "/demo/?a=1&b=2");
        assertThat(row.get("referrer")).isEqualTo(http.base() + "/demo/status.html");
    }

    @Test
    void cardNumberInAnyField_rejected() {
        String visitor = newVisitorId();
        Map<String, Object> inEventId = event(visitor, "/demo/");
        inEventId.put("eventId", "4001666000000009");
        Map<String, Object> inUtm = event(visitor, "/demo/?utm_term=4001+5550+0000+0004");
        Map<String, Object> inSite = event(visitor, "/demo/");
        inSite.put("site", "4001777000000004");

        for (Map<String, Object> event : List.of(inEventId, inUtm, inSite)) {
            Http.Response response = http.postJson("/api/v1/collect", event, allowed());

            assertThat(response.status()).as(event.toString()).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("code").asString())
                    .isEqualTo("card_number");
        }
        assertThat(pageViews(visitor)).isZero();
    }

    @Test
    void unknownSite_notLogged(CapturedOutput output) {
        Map<String, Object> event = event(newVisitorId(), "/demo/");
        event.put("site", "jane.doe@example.com");

        assertThat(http.postJson("/api/v1/collect", event, allowed()).status()).isEqualTo(404);

        assertThat(output.getAll()).doesNotContain("jane.doe@example.com");
    }

    @Test
    void chunkedOversizedBody_rejectedWith413() {
        byte[] body = ("{\"site\":\"demo\",\"title\":\"" + "x".repeat(300_000) + "\"}").getBytes();

        Http.Response response = http.postChunked("/api/v1/collect", body, allowed());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("payload_too_large");
    }

    @Test
    void trackerScript_served() {
        Http.Response response = http.get("/cairn.js");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/javascript");
        assertThat(response.body()).contains("sendBeacon").contains("cairn_vid").contains("globalPrivacyControl");
    }

    private Map<String, String> allowed() {
        return Map.of("Origin", http.base(), "User-Agent", Http.BROWSER_AGENT);
    }

    private Map<String, Object> event(String visitorId, String path) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("site", "demo");
        event.put("visitorId", visitorId);
        event.put("type", "pageview");
        event.put("url", http.base() + path);
        event.put("title", "Test page");
        return event;
    }

    private long pageViews(String visitorId) {
        return jdbc.sql("SELECT COUNT(*) FROM page_view WHERE visitor_id = ?")
                .param(visitorId)
                .query(Long.class)
                .single();
    }
}
