package dev.cairn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Steps that tests repeat: submitting the demo form, finding a contact, reading its timeline. */
public final class CairnApi {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Http http;

    public CairnApi(Http http) {
        this.http = http;
    }

    public static String newVisitorId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Returns an email address no other test uses. */
    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Returns valid fields of the demo contact form for this email. */
    public static Map<String, String> contactForm(String email, String visitorId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", email);
        fields.put("firstName", "Ada");
        fields.put("lastName", "Lovelace");
        fields.put("company", "Analytical Engines");
        if (visitorId != null) {
            fields.put("visitorId", visitorId);
        }
        return fields;
    }

    public Http.Response submit(Map<String, String> fields) {
        return http.postForm("/f/contact", fields);
    }

    public void submitOk(Map<String, String> fields) {
        Http.Response response = submit(fields);
        assertThat(response.status()).as(response.body()).isEqualTo(303);
    }

    public void pageViewOk(String visitorId, String path) {
        Http.Response response = http.pageView(visitorId, path, null);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    public JsonNode contact(String email) {
        Http.Response response = http.getAsAdmin(
                "/api/v1/contacts?email=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public String contactId(String email) {
        return contact(email).get("id").asString();
    }

    /** Returns the paths of the contact's page views, newest first. */
    public List<String> pageViewPaths(String contactId) {
        List<String> paths = new ArrayList<>();
        for (JsonNode item : timeline(contactId)) {
            if (item.get("type").asString().equals("pageview")) {
                paths.add(item.get("path").asString());
            }
        }
        return paths;
    }

    public JsonNode timeline(String contactId) {
        Http.Response response = http.getAsAdmin("/api/v1/contacts/" + contactId + "/timeline");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }

    public Map<String, String> subscriptionStates(String email) {
        Map<String, String> states = new LinkedHashMap<>();
        for (JsonNode subscription : contact(email).get("subscriptions")) {
            states.put(
                    subscription.get("type").asString(),
                    subscription.get("state").asString());
        }
        return states;
    }

    /** Waits for the built-in mailbox to hold a message to this address, and returns it. */
    public JsonNode awaitMailboxMessage(String to) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            Http.Response response = http.getAsAdmin(
                    "/api/v1/mailbox?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.status()).isEqualTo(200);
            JsonNode messages = response.json().get("messages");
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
            sleep(100);
        }
        throw new AssertionError("No mailbox message to " + to + " within 15 seconds");
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
