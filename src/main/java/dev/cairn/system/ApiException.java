package dev.cairn.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A client-facing error with an HTTP status, a stable code and, for bad input, the fields at fault. */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fieldProblems;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public ApiException(HttpStatus status, String code, String message, List<FieldProblem> fieldProblems) {
        super(message);
        this.status = status;
        this.code = code;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** Creates a 422 error for input that parsed but broke the rules of one or more fields. */
    public static ApiException invalid(List<FieldProblem> problems) {
        String message = problems.size() == 1
                ? problems.getFirst().message()
                : problems.size() + " fields are invalid: "
                        + String.join(
                                ", ", problems.stream().map(FieldProblem::field).toList());
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "validation_failed", message, problems);
    }

    /** Creates a 404 error naming what was not found. */
    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
