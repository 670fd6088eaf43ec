package dev.cairn.tracking;

import dev.cairn.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/collect}: events from the tracker. The body is JSON, sent as {@code
 * application/json} or as {@code text/plain} (which {@code navigator.sendBeacon} can send across
 * origins without a preflight request).
 */
@RestController
class CollectorController {

    private final Collector collector;
    private final JsonMapper json;
    private final TrackingProperties properties;

    CollectorController(Collector collector, JsonMapper json, TrackingProperties properties) {
        this.collector = collector;
        this.json = json;
        this.properties = properties;
    }

    @PostMapping(
            path = "/api/v1/collect",
            consumes = {"application/json", "text/plain", "application/*+json"})
    ResponseEntity<Collector.Result> collect(
            @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request)
            throws IOException {
        // Reads at most one byte past the limit, so an oversized body is never held in memory whole.
        byte[] body = request.getInputStream().readNBytes(properties.maxBodyBytes() + 1);
        if (body.length > properties.maxBodyBytes()) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "The body is larger than " + properties.maxBodyBytes() + " bytes, the maximum.");
        }
        JsonNode root;
        try {
            root = json.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed_json", "The body is not valid JSON.");
        }
        List<PageViewEvent> events = EventParser.parse(root, properties.maxBatchEvents());
        Collector.Result result = collector.collect(events, origin, userAgent);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(result);
    }
}
