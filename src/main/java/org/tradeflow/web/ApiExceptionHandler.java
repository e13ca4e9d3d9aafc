package org.tradeflow.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.tradeflow.business.BusinessException;
import org.tradeflow.business.BusinessException.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every refusal of the REST API is an RFC 9457 problem naming the field or line at fault. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        return problem(problem.status(), problem.title(), problem.getMessage(), problem.errors());
    }

    /** A business rule's refusal: its kind decides the status, its message and fields are the problem's. */
    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Object> businessRefusal(BusinessException refusal) {
        List<FieldError> errors = refusal.errors();
        return switch (refusal.kind()) {
            case INVALID -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", refusal.getMessage(), errors);
            case NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage(), errors);
            case CONFLICT -> problem(HttpStatus.CONFLICT, "Conflict", refusal.getMessage(), errors);
        };
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyFailureException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return problem(HttpStatus.CONFLICT, "Concurrent change", "The resource was changed by another request at the same "
                + "time; read it again and retry", List.of());
    }

    /** The database is out of reach (down, restarting, every connection busy): nothing was done; try again shortly. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "10")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problemBody(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "The database cannot be reached right now; nothing was changed. Try again shortly.", List.of()));
    }

    /** Whatever else goes wrong is still answered as a problem, with details only in the log. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring's own answers (405, 415, 403, ...)
        }
        log.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", "The request could not be completed; "
                + "nothing was changed. The server log has the details.", List.of());
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestTooLargeException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage(), List.of());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "'" + e.getValue() + "' is not a valid value";
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getName() + ": " + message,
                List.of(new FieldError(e.getName(), message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", describe(errors), errors);
    }

    /** Raised instead of MethodArgumentNotValid when a handler also constrains a header or parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> bodyErrors = new ArrayList<>();
        List<FieldError> parameterErrors = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error ->
                        bodyErrors.add(new FieldError(error.getField(), error.getDefaultMessage())));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error ->
                        parameterErrors.add(new FieldError(name, error.getDefaultMessage())));
            }
        }
        if (!bodyErrors.isEmpty()) {
            bodyErrors.sort(Comparator.comparing(FieldError::field));
            return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request", describe(bodyErrors), bodyErrors);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter", describe(parameterErrors), parameterErrors);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return parameter.getParameterName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof RequestTooLargeException tooLarge) {
            return tooLarge(tooLarge);
        }
        JsonProcessingException json = syntaxError(e.getCause());
        if (json == null && e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = mapping instanceof UnrecognizedPropertyException ? "unknown field" : expected(mapping);
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", field + ": " + message,
                    List.of(new FieldError(field, message)));
        }
        if (json == null) {
            json = e.getCause() instanceof JsonProcessingException processing ? processing : null;
        }
        if (json != null) {
            String where = json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr()
                    + ", column " + json.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The body is not valid JSON" + where + ": "
                    + syntaxProblem(json), List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is missing or unreadable", List.of());
    }

    /** What a field needed, in the caller's terms (never the parser's class names). */
    private static String expected(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getOriginalMessage() != null
                && invalid.getOriginalMessage().contains("control character")) {
            return "contains a control character (such as NUL); text must be printable";
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "value has the wrong type";
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
            return "a whole number is expected (like 12), not text or a decimal";
        }
        if (target == java.math.BigDecimal.class || target == double.class || target == Double.class) {
            return "a number is expected (like 2.95)";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false is expected";
        }
        if (target == String.class) {
            return "text is expected (in quotes)";
        }
        if (target == java.time.LocalDate.class) {
            return "a date is expected as YYYY-MM-DD, like 2026-12-24";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants()) + " is expected";
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "a list is expected";
        }
        return "an object is expected";
    }

    /** The JSON syntax error behind a failure, even when Jackson wrapped it with the path it was reading. */
    private static JsonProcessingException syntaxError(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof com.fasterxml.jackson.core.JsonParseException parse) {
                return parse;
            }
            if (t instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                    && (mismatch.getOriginalMessage().contains("end-of-input") || mismatch.getOriginalMessage().contains("Trailing token"))) {
                return mismatch;
            }
        }
        return null;
    }

    private static String syntaxProblem(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Duplicate field")) {
            return "a field appears twice (" + original.replaceFirst("Duplicate field ", "") + ")";
        }
        if (original.contains("end-of-input")) {
            return "the document ends too early";
        }
        if (original.contains("Trailing token")) {
            return "there is more after the JSON document";
        }
        java.util.regex.Matcher unexpected = java.util.regex.Pattern.compile("Unexpected character \\('(.{1,2})'").matcher(original);
        if (unexpected.find()) {
            return "unexpected character '" + unexpected.group(1) + "'";
        }
        if (original.contains("Illegal unquoted character") || original.contains("Illegal character")) {
            return "a control character inside a string (escape it, or leave it out)";
        }
        return "it cannot be read";
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "There is no " + e.getHttpMethod() + " /" + e.getResourcePath()
                + "; the API is described at /v3/api-docs", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", e);
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    static ResponseEntity<Object> problem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problemBody(status, title, detail, errors));
    }

    private static ProblemDetail problemBody(HttpStatus status, String title, String detail, List<FieldError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }
}
