package org.tradeflow.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Errors raised outside the controllers (a filter, the servlet container, a webapp's sendError) are answered as
 * problems too, never as the framework's default error JSON, and without internals.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = switch (status) {
            case NOT_FOUND -> "There is no " + (uri == null ? "such resource" : String.valueOf(uri))
                    + "; the API is described at /v3/api-docs";
            case FORBIDDEN -> "This request is not allowed" + (uri == null ? "" : " (" + uri + ")");
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            default -> status.is5xxServerError() ? "The request could not be completed; nothing was changed. "
                    + "The server log has the details." : status.getReasonPhrase();
        };
        return ApiExceptionHandler.problem(status, status.getReasonPhrase(), detail, List.of());
    }
}
