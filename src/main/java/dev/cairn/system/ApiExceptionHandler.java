package dev.cairn.system;

import java.net.URI;
import java.util.List;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error raised by a controller into a {@link ProblemDetail} JSON body with a stable
 * {@code code} and, for bad input, an {@code errors} list naming each field.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException e) {
        if (e.status().is5xxServerError()) {
            log.error("Request failed with {}: {}", e.code(), e.getMessage(), e);
        } else {
            log.debug("Request rejected with {} ({})", e.code(), e.status().value());
        }
        return ResponseEntity.status(e.status()).body(Problems.of(e));
    }

    /** Tomcat raises this when it cannot parse form parameters, most often for an oversized body. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleInvalidParameters(InvalidParameterException e) {
        HttpStatus status = e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.BAD_REQUEST;
        log.debug("Form parameters rejected by the server ({})", status.value());
        String message = status == HttpStatus.CONTENT_TOO_LARGE
                ? "The form body is too large."
                : "The form body could not be parsed.";
        return ResponseEntity.status(status).body(Problems.of(status, Problems.codeFor(status), message));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        String type = e.getRequiredType() == null
                ? "value"
                : e.getRequiredType().getSimpleName().toLowerCase();
        FieldProblem problem =
                new FieldProblem(e.getName(), "invalid_type", e.getName() + " must be a valid " + type + ".");
        return ResponseEntity.badRequest()
                .body(Problems.of(new ApiException(
                        HttpStatus.BAD_REQUEST, "invalid_parameter", problem.message(), List.of(problem))));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> handleTooLarge(RequestBodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", tooLarge.getMessage()));
            }
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String field = fieldPath(databind);
                FieldProblem problem = new FieldProblem(field, "invalid_type", field + " has the wrong type.");
                return ResponseEntity.badRequest()
                        .body(Problems.of(new ApiException(
                                HttpStatus.BAD_REQUEST, "invalid_field", problem.message(), List.of(problem))));
            }
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(HttpStatus.BAD_REQUEST, "malformed_json", "The body is not valid JSON."));
    }

    private static String fieldPath(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Request failed unexpectedly", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatusCode.valueOf(500), "The server failed to process the request; see the server log.");
        body.setProperty("code", "internal_error");
        return ResponseEntity.internalServerError().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            Problems.addCode(problem, statusCode);
            problem.setType(URI.create("about:blank"));
        }
        return response;
    }
}
