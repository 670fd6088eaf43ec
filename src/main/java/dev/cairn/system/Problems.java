package dev.cairn.system;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the {@link ProblemDetail} bodies of Cairn's error responses. */
public final class Problems {

    private static final Map<Integer, String> CODES = Map.of(
            400, "bad_request",
            401, "unauthorized",
            403, "forbidden",
            404, "not_found",
            405, "method_not_allowed",
            406, "not_acceptable",
            409, "conflict",
            413, "payload_too_large",
            415, "unsupported_media_type",
            422, "validation_failed");

    private Problems() {}

    /** Returns the body for an {@link ApiException}. */
    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setProperty("code", e.code());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty("errors", e.fieldProblems());
        }
        return problem;
    }

    /** Returns a body with the given status, code and message. */
    public static ProblemDetail of(HttpStatus status, String code, String message) {
        return of(new ApiException(status, code, message));
    }

    /** Returns the default code for a status, such as {@code not_found} for 404. */
    public static String codeFor(HttpStatusCode status) {
        return CODES.getOrDefault(status.value(), "error");
    }

    static void addCode(ProblemDetail problem, HttpStatusCode status) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            problem.setProperty("code", codeFor(status));
        }
    }
}
