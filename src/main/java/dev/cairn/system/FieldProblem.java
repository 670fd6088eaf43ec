package dev.cairn.system;

/**
 * One rejected input field in an error response.
 *
 * @param field the public field name, such as {@code email} or {@code events[2].url}
 * @param code a stable machine-readable code, such as {@code required} or {@code too_long}
 * @param message a sentence that names the field and the problem
 */
public record FieldProblem(String field, String code, String message) {}
