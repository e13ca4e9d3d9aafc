package org.tradeflow.business;

import java.util.List;

/**
 * A business rule refused what was asked: the message reads as the order desk would say it, so it serves as
 * the API's problem detail and as the text of a process incident alike. No web types here: services throw
 * these, and only the web layer decides which HTTP status each {@link Kind} becomes.
 */
public abstract class BusinessException extends RuntimeException {

    /** What kind of refusal: the input is wrong, the thing asked for does not exist, or its state forbids it. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    /** One offending input: a JSON path such as {@code lines[2].sku}, a parameter or a header, and what is wrong. */
    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final String code;
    private final List<FieldError> errors;

    protected BusinessException(Kind kind, String code, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    /** A refusal about one field; the message names it first ({@code field: message}), as the API always has. */
    protected BusinessException(Kind kind, String code, String field, String message) {
        this(kind, code, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public Kind kind() { return kind; }

    /** A stable name for the refusal ({@code order.not-found}), for logs and metrics; the message may change. */
    public String code() { return code; }

    public List<FieldError> errors() { return errors; }
}
