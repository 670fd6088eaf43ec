package dev.cairn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests against the running application. */
public final class Http {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String BROWSER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** A response with its body as text and, when it is JSON, parsed. */
    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Response getAsAdmin(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .GET()
                .build());
    }

    public Response getWithAuth(String path, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic(user, password))
                .GET()
                .build());
    }

    public Response postJson(String path, Object body, Map<String, String> headers) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts a body without a Content-Length header, as chunked transfer encoding. */
    public Response postChunked(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response postJsonAsAdmin(String path, Object body) {
        return postJson(path, body, Map.of("Authorization", basic("admin", ADMIN_PASSWORD)));
    }

    public Response putJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Response postFormWithAuth(String path, Map<String, String> fields, String user, String password) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)))
                .build());
    }

    public Response postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, BROWSER_AGENT);
    }

    public Response postForm(String path, Map<String, String> fields, String userAgent) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(formBody(fields)))
                .build());
    }

    /** Sends a page view for the demo site as the tracker would, from an allowed origin. */
    public Response pageView(String visitorId, String path, String token) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("site", "demo");
        event.put("visitorId", visitorId);
        event.put("type", "pageview");
        event.put("url", base + path);
        event.put("title", "Page " + path);
        if (token != null) {
            event.put("token", token);
        }
        return postJson("/api/v1/collect", event, Map.of("Origin", base, "User-Agent", BROWSER_AGENT));
    }

    public static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Response(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
