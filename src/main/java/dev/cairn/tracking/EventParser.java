package dev.cairn.tracking;

import dev.cairn.identity.VisitorIds;
import dev.cairn.system.ApiException;
import dev.cairn.system.CardNumbers;
import dev.cairn.system.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Validates collector payloads: one event object or {@code {"events": [...]}}. A batch is accepted
 * whole or rejected whole, with every bad field named.
 */
final class EventParser {

    static final Set<String> EVENT_FIELDS =
            Set.of("site", "visitorId", "type", "url", "title", "referrer", "eventId", "token");
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_URL = 2048;
    private static final int MAX_TITLE = 500;
    private static final int MAX_TOKEN = 512;

    private EventParser() {}

    static List<PageViewEvent> parse(JsonNode root, int maxEvents) {
        if (root == null || !root.isObject()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "malformed_payload",
                    "The body must be a JSON object: one event or {\"events\": [...]}.");
        }
        if (!root.has("events")) {
            return List.of(parseEvent(root, ""));
        }
        JsonNode events = root.get("events");
        if (!events.isArray()) {
            throw ApiException.invalid(
                    List.of(new FieldProblem("events", "invalid_type", "events must be an array of event objects.")));
        }
        if (events.isEmpty()) {
            throw ApiException.invalid(
                    List.of(new FieldProblem("events", "required", "events is empty; send at least one event.")));
        }
        if (events.size() > maxEvents) {
            throw new ApiException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "batch_too_large",
                    "The batch has " + events.size() + " events; the maximum is " + maxEvents + ".");
        }
        List<PageViewEvent> parsed = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                parsed.add(parseEvent(events.get(i), "events[" + i + "]."));
            } catch (ApiException e) {
                problems.addAll(e.fieldProblems());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return parsed;
    }

    private static PageViewEvent parseEvent(JsonNode node, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            String field = prefix.isEmpty() ? "event" : prefix.substring(0, prefix.length() - 1);
            throw ApiException.invalid(
                    List.of(new FieldProblem(field, "invalid_type", field + " must be a JSON object.")));
        }
        String site = text(node, "site", prefix, problems, true, 64);
        String visitorId = text(node, "visitorId", prefix, problems, true, 32);
        String type = text(node, "type", prefix, problems, true, 32);
        String url = text(node, "url", prefix, problems, true, MAX_URL);
        String title = text(node, "title", prefix, problems, false, MAX_TITLE);
        String referrer = text(node, "referrer", prefix, problems, false, MAX_URL);
        String eventId = text(node, "eventId", prefix, problems, false, 64);
        String token = text(node, "token", prefix, problems, false, MAX_TOKEN);

        if (visitorId != null && !VisitorIds.isValid(visitorId)) {
            problems.add(new FieldProblem(
                    prefix + "visitorId", "invalid_format", prefix + "visitorId must be 32 lowercase hex digits."));
        }
        if (type != null && !type.equals("pageview")) {
            problems.add(new FieldProblem(
                    prefix + "type", "unsupported", prefix + "type '" + type + "' is not supported; use 'pageview'."));
        }
        if (url != null && !isHttpUrl(url)) {
            problems.add(new FieldProblem(
                    prefix + "url", "invalid_url", prefix + "url must be an absolute http or https URL."));
        }
        if (referrer != null && !referrer.isEmpty() && !isHttpUrl(referrer)) {
            problems.add(new FieldProblem(
                    prefix + "referrer", "invalid_url", prefix + "referrer must be an absolute http or https URL."));
        }
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            problems.add(new FieldProblem(
                    prefix + "eventId",
                    "invalid_format",
                    prefix + "eventId may contain only letters, digits, '-' and '_'."));
        }
        for (String field : EVENT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isString() && CardNumbers.containsCardNumberInUrl(value.asString())) {
                problems.removeIf(problem -> problem.field().equals(prefix + field));
                problems.add(CardNumbers.problem(prefix + field));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new PageViewEvent(
                site, visitorId, url, blankToNull(title), blankToNull(referrer), eventId, blankToNull(token));
    }

    private static String text(
            JsonNode node, String field, String prefix, List<FieldProblem> problems, boolean required, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new FieldProblem(prefix + field, "required", prefix + field + " is required."));
            }
            return null;
        }
        if (!value.isString()) {
            problems.add(new FieldProblem(prefix + field, "invalid_type", prefix + field + " must be a string."));
            return null;
        }
        String text = value.asString();
        if (required && text.isBlank()) {
            problems.add(new FieldProblem(prefix + field, "required", prefix + field + " is required."));
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new FieldProblem(
                    prefix + field,
                    "too_long",
                    prefix + field + " has " + text.length() + " characters; the maximum is " + maxLength + "."));
            return null;
        }
        return text;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
