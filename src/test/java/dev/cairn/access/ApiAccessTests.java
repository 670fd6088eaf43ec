package dev.cairn.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.testing.CairnApi;
import dev.cairn.testing.Http;
import dev.cairn.testing.RunningApplicationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Authentication, error bodies, the OpenAPI description and the access rule of every route. */
@ExtendWith(OutputCaptureExtension.class)
abstract class ApiAccessTests extends RunningApplicationTest {

    /** Routes that browsers and mail recipients reach without an account. */
    static final Set<String> PUBLIC_ROUTES = Set.of(
            "/",
            "/demo",
            "/demo/",
            "/cairn.js",
            "/api/v1/collect",
            "/f/{formId}",
            "/api/v1/forms/{formId}/submissions",
            "/p/{token}",
            "/u/{token}",
            "/c/{token}",
            "/error");

    @Autowired
    AuditLog audit;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void contactsApi_requiresAuthentication() {
        Http.Response response = http.get("/api/v1/contacts?email=a@example.com");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.json().get("code").asString()).isEqualTo("unauthorized");
    }

    @Test
    void wrongPassword_rejected() {
        assertThat(http.getWithAuth("/api/v1/mailbox", "admin", "wrong").status())
                .isEqualTo(401);
    }

    @Test
    void everyNonPublicRoute_requiresAuthentication() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (PUBLIC_ROUTES.contains(pattern)) {
                    continue;
                }
                String path = pattern.replaceAll("\\{[^}]+}", "x");
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                Http.Response response;
                if (methods.contains(RequestMethod.POST)) {
                    response = http.postJson(path, "{}", Map.of());
                } else if (methods.contains(RequestMethod.PUT)) {
                    response = http.putJson(path, "{}");
                } else {
                    response = http.get(path);
                }
                assertThat(response.status()).as(pattern).isEqualTo(401);
                checked.add(pattern);
            }
        }
        assertThat(checked)
                .contains(
                        "/api/v1/contacts",
                        "/api/v1/contacts/{id}/timeline",
                        "/api/v1/mailbox",
                        "/api/v1/sites/{id}/allowed-origins");
    }

    @Test
    void publicPages_needNoAccount() {
        assertThat(http.get("/demo/").status()).isEqualTo(200);
        assertThat(http.get("/cairn.js").status()).isEqualTo(200);
        assertThat(http.get("/").header("Location")).endsWith("/demo/");
    }

    @Test
    void openApi_describesPublicContract() {
        Http.Response response = http.getAsAdmin("/v3/api-docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("paths").propertyNames())
                .contains(
                        "/api/v1/collect",
                        "/api/v1/forms/{formId}/submissions",
                        "/api/v1/contacts",
                        "/api/v1/contacts/{id}/timeline",
                        "/api/v1/mailbox");
    }

    @Test
    void missingEmailParameter_namesField() {
        Http.Response response = http.getAsAdmin("/api/v1/contacts");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void unknownContact_returnsStableCode() {
        Http.Response byEmail = http.getAsAdmin("/api/v1/contacts?email=nobody-here@example.com");
        Http.Response byId = http.getAsAdmin("/api/v1/contacts/not-an-id/timeline");

        assertThat(byEmail.status()).isEqualTo(404);
        assertThat(byEmail.json().get("code").asString()).isEqualTo("contact_not_found");
        assertThat(byId.status()).isEqualTo(404);
    }

    @Test
    void unknownApiRoute_returnsJsonNotFound() {
        Http.Response response = http.getAsAdmin("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void firewallRejection_returnsProblemJson() {
        Http.Response response = http.getAsAdmin("/api/v1/contacts;x=1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("bad_request");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/contacts;x=1");
    }

    @Test
    void malformedUrl_returnsProblemJson() {
        Http.Response response = http.get("/c/TOKEN%2F%2Fevil.example");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("bad_request");
    }

    @Test
    void errorPath_returnsProblemJson() {
        Http.Response response = http.get("/error");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void badParameterType_namesParameter() {
        Http.Response response = http.getAsAdmin("/api/v1/contacts/x/timeline?limit=abc");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void failedLogin_logged(CapturedOutput output) {
        http.getWithAuth("/api/v1/mailbox", "admin", "guess");
        http.getWithAuth("/api/v1/mailbox", "someone@example.com", "guess");

        assertThat(output.getAll())
                .contains("Staff login failed for staff user ")
                .contains("Staff login failed for an unknown user name")
                .doesNotContain("someone@example.com")
                .doesNotContain("guess");
    }

    @Test
    void siteRegistration_validatesAndStores() {
        String id = "site-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> site =
                Map.of("id", id, "name", "Docs", "allowedOrigins", List.of("https://docs.example.com", "example.org"));

        Http.Response created = http.postJsonAsAdmin("/api/v1/sites", site);
        Http.Response duplicate = http.postJsonAsAdmin("/api/v1/sites", site);
        Http.Response invalid = http.postJsonAsAdmin(
                "/api/v1/sites",
                Map.of("id", id + "x", "name", "Bad", "allowedOrigins", List.of("https://x.example/path")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).isEqualTo(id);
        assertThat(http.getAsAdmin("/api/v1/sites/" + id)
                        .json()
                        .get("allowedOrigins")
                        .toString())
                .contains("https://docs.example.com", "example.org");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("allowedOrigins[0]");
    }

    @Test
    void siteRegistration_rejectsUnsafeInput() {
        Http.Response topLevelDomain = http.postJsonAsAdmin(
                "/api/v1/sites", Map.of("id", "tld-site", "name", "TLD", "allowedOrigins", List.of("com")));
        Http.Response cardName = http.postJsonAsAdmin(
                "/api/v1/sites",
                Map.of(
                        "id",
                        "card-site",
                        "name",
                        "Order 4000 1110 0000 0007",
                        "allowedOrigins",
                        List.of("example.com")));
        Http.Response wrongType = http.postJsonAsAdmin(
                "/api/v1/sites", Map.of("id", "typed-site", "name", "Typed", "allowedOrigins", Map.of("a", 1)));

        assertThat(topLevelDomain.status()).isEqualTo(422);
        assertThat(cardName.status()).isEqualTo(422);
        assertThat(cardName.json().get("errors").get(0).get("code").asString()).isEqualTo("card_number");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString())
                .isEqualTo("allowedOrigins");
    }

    @Test
    void staffFormPost_needsCsrfToken() {
        Http.Response response = http.postFormWithAuth(
                "/api/v1/sites", Map.of("id", "csrf-site", "name", "CSRF"), "admin", Http.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(403);
        assertThat(http.getAsAdmin("/api/v1/sites/csrf-site").status()).isEqualTo(404);
    }

    @Test
    void contactView_isAudited() {
        String email = CairnApi.uniqueEmail("audit");
        api.submitOk(CairnApi.contactForm(email, null));
        String contactId = api.contactId(email);
        long before = audit.countFor(contactId);

        api.timeline(contactId);

        assertThat(audit.countFor(contactId)).isEqualTo(before + 1);
    }
}
