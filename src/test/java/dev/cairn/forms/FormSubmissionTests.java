package dev.cairn.forms;

import static dev.cairn.testing.CairnApi.contactForm;
import static dev.cairn.testing.CairnApi.newVisitorId;
import static dev.cairn.testing.CairnApi.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.Http;
import dev.cairn.testing.RunningApplicationTest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** Form posts: validation, the card-number guard, subscription defaults and the opt-in box. */
@ExtendWith(OutputCaptureExtension.class)
abstract class FormSubmissionTests extends RunningApplicationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void noOptIn_onlySupportNotice() {
        String email = uniqueEmail("defaults");

        api.submitOk(contactForm(email, newVisitorId()));

        assertThat(api.subscriptionStates(email))
                .containsExactly(
                        Map.entry("news", "not_subscribed"),
                        Map.entry("blog", "not_subscribed"),
                        Map.entry("products", "not_subscribed"),
                        Map.entry("support", "subscribed"));
        assertThat(api.contact(email).get("lifecycleStage").asString()).isEqualTo("lead");
    }

    @Test
    void optInChecked_subscribesMarketingTypes() {
        String email = uniqueEmail("opt-in");
        Map<String, String> fields = contactForm(email, newVisitorId());
        fields.put("optIn", "yes");

        api.submitOk(fields);

        assertThat(api.subscriptionStates(email).values()).containsOnly("subscribed");
    }

    @Test
    void optInUncheckedLater_keepsEarlierOptIn() {
        String email = uniqueEmail("keep");
        String visitor = newVisitorId();
        Map<String, String> first = contactForm(email, visitor);
        first.put("optIn", "on");
        api.submitOk(first);

        api.submitOk(contactForm(email, visitor));

        assertThat(api.subscriptionStates(email)).containsEntry("news", "subscribed");
    }

    @Test
    void consentLog_rebuildsCurrentState() {
        String email = uniqueEmail("log");
        Map<String, String> fields = contactForm(email, null);
        fields.put("optIn", "true");
        api.submitOk(fields);
        String contactId = api.contactId(email);

        JsonNode entries = http.getAsAdmin("/api/v1/contacts/" + contactId + "/consent-log")
                .json()
                .get("entries");

        Map<String, String> rebuilt = new LinkedHashMap<>();
        entries.forEach(entry ->
                rebuilt.put(entry.get("type").asString(), entry.get("newState").asString()));
        assertThat(rebuilt).isEqualTo(api.subscriptionStates(email));
        assertThat(entries).hasSize(7);
        assertThat(entries.get(0).get("oldState").isNull()).isTrue();
        assertThat(entries.get(6).get("source").asString()).isEqualTo("form");
        assertThat(entries.get(6).get("ipPrefix").asString()).endsWith("/24");
    }

    @Test
    void jsonSubmission_usesSameFieldNames() {
        String email = uniqueEmail("json");
        Map<String, Object> body = new LinkedHashMap<>(contactForm(email, newVisitorId()));
        body.put("optIn", true);
        body.put("phone", "+44 20 7946 0000");

        Http.Response response = http.postJson("/api/v1/forms/contact/submissions", body, Map.of());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("submissionId").asString()).isNotBlank();
        assertThat(api.contact(email).get("phone").asString()).isEqualTo("+442079460000");
        assertThat(api.subscriptionStates(email)).containsEntry("blog", "subscribed");
    }

    @Test
    void invalidFields_rejectedStoringNothing() {
        long before = countRows();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("email", "not-an-email");
        fields.put("firstName", "x".repeat(101));
        fields.put("company", "Acme");
        fields.put("phone", "12");
        fields.put("optIn", "maybe");
        fields.put("visitorId", "ZZZ");

        Http.Response response = http.postJson("/api/v1/forms/contact/submissions", fields, Map.of());

        assertThat(response.status()).isEqualTo(422);
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo("validation_failed");
        Map<String, String> codes = new LinkedHashMap<>();
        body.get("errors")
                .forEach(error -> codes.put(
                        error.get("field").asString(), error.get("code").asString()));
        assertThat(codes)
                .containsEntry("email", "invalid_email")
                .containsEntry("firstName", "too_long")
                .containsEntry("lastName", "required")
                .containsEntry("phone", "invalid_phone")
                .containsEntry("optIn", "invalid_boolean")
                .containsEntry("visitorId", "invalid_format");
        assertThat(countRows()).isEqualTo(before);
    }

    @Test
    void htmlPostWithErrors_showsErrorPage() {
        Map<String, String> fields = contactForm("broken@", null);

        Http.Response response = api.submit(fields);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("email is not a valid email address.");
    }

    @Test
    void unknownForm_returns404() {
        Http.Response response =
                http.postJson("/api/v1/forms/nope/submissions", contactForm(uniqueEmail("x"), null), Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("form_not_found");
    }

    @Test
    void honeypotFilled_storesNothing() {
        String email = uniqueEmail("bot");
        Map<String, String> fields = contactForm(email, null);
        fields.put("website", "http://spam.example");

        Http.Response response = api.submit(fields);

        assertThat(response.status()).isEqualTo(303);
        assertThat(http.getAsAdmin("/api/v1/contacts?email=" + email).status()).isEqualTo(404);
    }

    @Test
    void cardNumber_neverStoredNorLogged(CapturedOutput output) throws SQLException {
        String card = "4111 1111 1111 1111";
        String cardDigits = card.replace(" ", "");
        String email = uniqueEmail("card");
        long before = countRows();
        Map<String, String> html = contactForm(email, newVisitorId());
        html.put("comment", "Please charge my card " + card + " exp 12/29");
        Map<String, Object> json = new LinkedHashMap<>(contactForm(email, newVisitorId()));
        json.put("company", "Acme-" + cardDigits);

        Http.Response htmlResponse = api.submit(html);
        Http.Response jsonResponse = http.postJson("/api/v1/forms/contact/submissions", json, Map.of());
        Http.Response collectResponse = http.pageView(newVisitorId(), "/demo/?card=" + cardDigits, null);

        assertThat(htmlResponse.status()).isEqualTo(422);
        assertThat(htmlResponse.body()).doesNotContain(cardDigits).doesNotContain(card);
        assertThat(jsonResponse.status()).isEqualTo(422);
        assertThat(jsonResponse.json().get("errors").get(0).get("code").asString())
                .isEqualTo("card_number");
        assertThat(jsonResponse.body()).doesNotContain(cardDigits);
        assertThat(collectResponse.status()).isEqualTo(422);
        assertThat(countRows()).isEqualTo(before);
        assertThat(databaseText()).doesNotContain(cardDigits).doesNotContain(card);
        assertThat(output.getAll()).doesNotContain(cardDigits).doesNotContain(card);
    }

    @Test
    void parallelSubmissionsSameEmail_oneContact() throws Exception {
        String email = uniqueEmail("race");
        List<java.util.concurrent.Future<Http.Response>> responses = new ArrayList<>();

        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                Map<String, String> fields = contactForm(email, newVisitorId());
                responses.add(executor.submit(() -> api.submit(fields)));
            }
        }

        for (var response : responses) {
            assertThat(response.get().status()).isEqualTo(303);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_email WHERE email_normalized = ?")
                        .param(email.toLowerCase())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        api.awaitMailboxMessage(email);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM email_message WHERE contact_id = ?")
                        .param(api.contactId(email))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void parallelSubmissionsSameVisitor_oneLink() throws Exception {
        String visitor = newVisitorId();
        List<String> emails = new ArrayList<>();
        List<java.util.concurrent.Future<Http.Response>> responses = new ArrayList<>();

        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                String email = uniqueEmail("browser" + i);
                emails.add(email);
                responses.add(executor.submit(() -> api.submit(contactForm(email, visitor))));
            }
        }

        for (var response : responses) {
            assertThat(response.get().status()).isEqualTo(303);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM visitor_link WHERE visitor_id = ? AND valid_to IS NULL")
                        .param(visitor)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String contactId = api.contactId(emails.getFirst());
        for (String email : emails) {
            assertThat(api.contactId(email)).as(email).isEqualTo(contactId);
        }
    }

    @Test
    void cardNumberInUserAgent_notStored() {
        String email = uniqueEmail("agent");
        Map<String, String> fields = contactForm(email, null);
        fields.put("optIn", "yes");

        Http.Response response = http.postForm("/f/contact", fields, "Mozilla/5.0 4000888000000000");

        assertThat(response.status()).isEqualTo(303);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM consent_log WHERE user_agent LIKE '%4000888000000000%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void oversizedFormBody_rejectedWith413() {
        Map<String, String> fields = contactForm(uniqueEmail("big"), null);
        fields.put("comment", "x".repeat(2_000_000));

        Http.Response response = http.postForm("/f/contact", fields);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void chunkedJsonBody_rejectedWith413() {
        String body = "{\"email\":\"a@example.com\",\"comment\":\"" + "x".repeat(2_000_000) + "\"}";

        Http.Response response = http.postChunked("/api/v1/forms/contact/submissions", body.getBytes(), Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("payload_too_large");
    }

    @Test
    void unicodeLineSeparator_rejectedInName() {
        Map<String, String> fields = contactForm(uniqueEmail("u2028"), null);
        fields.put("lastName", "Lovelace\u2028Bcc");
        fields.put("company", "\u202eEvil");

        Http.Response response = http.postJson("/api/v1/forms/contact/submissions", fields, Map.of());

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("lastName", "company");
    }

    @Test
    void malformedJson_namedAsSuch() {
        Http.Response response = http.postJson("/api/v1/forms/contact/submissions", "{\"email\":", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("malformed_json");
    }

    @Test
    void submissionLogs_containNoPersonalData(CapturedOutput output) {
        String email = uniqueEmail("quiet");
        Map<String, String> fields = contactForm(email, newVisitorId());
        fields.put("lastName", "Quietlastname");

        api.submitOk(fields);
        api.awaitMailboxMessage(email);

        assertThat(output.getAll()).contains("stored for contact");
        assertThat(output.getAll()).doesNotContain(email).doesNotContain("Quietlastname");
    }

    private long countRows() {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM contact) + (SELECT COUNT(*) FROM form_submission)"
                        + " + (SELECT COUNT(*) FROM page_view) + (SELECT COUNT(*) FROM visitor)")
                .query(Long.class)
                .single();
    }

    /** Returns every value in every table as text, for checks that some text is stored nowhere. */
    private String databaseText() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = metadata.getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).contains("contact", "form_submission", "page_view", "consent_log");
            for (String table : tables) {
                try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            text.append(rows.getString(column)).append('\n');
                        }
                    }
                }
            }
        }
        return text.toString();
    }
}
