package dev.cairn.forms;

import dev.cairn.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.JsonNode;

/**
 * Form posts: {@code POST /f/{formId}} from HTML forms (urlencoded, redirect to the thank-you page)
 * and {@code POST /api/v1/forms/{formId}/submissions} as JSON. Both take the same field names.
 */
@Controller
class FormSubmissionController {

    private final SubmissionService submissions;

    FormSubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/f/{formId}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String submitHtml(
            @PathVariable String formId,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((name, values) -> fields.put(name, String.join(",", values)));
        try {
            SubmissionResult result = submissions.submit(new SubmissionRequest(
                    formId, fields, request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, result.thankYouUrl());
            return null;
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute(
                    "title", e.status() == HttpStatus.NOT_FOUND ? "This form does not exist" : "The form was not sent");
            model.addAttribute(
                    "message",
                    e.fieldProblems().isEmpty()
                            ? e.getMessage()
                            : "Please correct these fields and send the form again:");
            model.addAttribute("problems", e.fieldProblems());
            return "forms/rejected";
        }
    }

    @PostMapping(path = "/api/v1/forms/{formId}/submissions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> submitJson(
            @PathVariable String formId, @RequestBody JsonNode body, HttpServletRequest request) {
        SubmissionResult result = submissions.submit(new SubmissionRequest(
                formId, jsonFields(body), request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT)));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("submissionId", result.submissionId(), "status", "accepted"));
    }

    /** Flattens a JSON object of scalar fields into text values, as an HTML form would send them. */
    private static Map<String, String> jsonFields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, "malformed_payload", "The body must be a JSON object of fields.");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> nonScalar = new java.util.ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isContainer()) {
                nonScalar.add(entry.getKey());
                continue;
            }
            fields.put(entry.getKey(), value.asString());
        }
        if (!nonScalar.isEmpty()) {
            throw ApiException.invalid(nonScalar.stream()
                    .map(name -> new dev.cairn.system.FieldProblem(
                            name, "invalid_type", name + " must be a string, number or boolean."))
                    .toList());
        }
        return fields;
    }
}
