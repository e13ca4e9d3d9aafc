package org.tradeflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.tradeflow.business.BusinessException.FieldError;

import java.io.IOException;
import java.util.List;

/** Writes an RFC 9457 problem from a servlet filter, where no controller advice runs. */
public final class Problems {

    /** Writes problems as the API does: extra members such as "errors" at the top level. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Problems() {
    }

    /** {@code field} names the parameter or header at fault, or is null. */
    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String field)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (field != null) {
            String message = detail.startsWith(field + ": ") ? detail.substring(field.length() + 2) : detail;
            problem.setProperty("errors", List.of(new FieldError(field, message)));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
