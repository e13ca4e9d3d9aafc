package org.tradeflow.web;

import org.springframework.http.HttpStatus;
import org.tradeflow.business.BusinessException.FieldError;

import java.util.List;

/**
 * A request the API refuses, with what a caller needs to fix it. Thrown before anything is written, or
 * inside the transaction that is then rolled back, so a refused request changes nothing.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem invalid(String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", detail, errors);
    }

    public static ApiProblem invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", what, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public HttpStatus status() { return status; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
}
