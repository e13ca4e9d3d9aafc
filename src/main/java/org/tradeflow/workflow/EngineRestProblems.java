package org.tradeflow.workflow;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tradeflow.business.BusinessException;

import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Engine REST answers every refusal as an RFC 9457 problem, like the rest of the API, with the status that
 * says what happened: a task someone else completed first is 409 (or 404 once it is gone), a refused decision
 * 400, a missing permission 403, the database out of reach 503. The engine's own exception mappers would
 * answer most of these 500 with its internal messages. The problem also carries {@code message}, the field
 * engine REST clients read.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestProblems {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);
    private static final Pattern ENGINE_CODE = Pattern.compile("^ENGINE-\\d+\\s+");
    /** How the engine says that what a call names does not exist (as opposed to a parameter left out). */
    private static final Pattern MISSING = Pattern.compile("(?i)cannot find|does not exist|no .* found|not found");
    /** Ahead of the engine's own mappers, which have the default priority. */
    private static final int AHEAD_OF_THE_ENGINE = 1000;

    @Bean
    ResourceConfigCustomizer engineRestProblemMappers() {
        return config -> config.register(EngineErrors.class).register(RestErrors.class).register(JsonSyntaxErrors.class)
                .register(JsonMappingErrors.class).register(OtherErrors.class);
    }

    static Response problem(Throwable e) {
        BusinessException refusal = businessRefusal(e);
        if (refusal != null) {
            // a step the completion ran (a delegate) refused it for a business reason: the task stays, and the message says why
            return switch (refusal.kind()) {
                case INVALID -> problem(422, "Invalid request", refusal.getMessage());
                case NOT_FOUND -> problem(404, "Not found", refusal.getMessage());
                case CONFLICT -> problem(409, "Conflict", refusal.getMessage());
            };
        }
        if (e instanceof WebApplicationException web && !(e instanceof RestException)) {
            return problem(web.getResponse().getStatus(), web.getResponse().getStatusInfo().getReasonPhrase(),
                    "The request cannot be served: " + web.getResponse().getStatusInfo().getReasonPhrase());
        }
        if (e instanceof RestException rest && rest.getCause() instanceof ProcessEngineException engine
                && (rest.getStatus() == null || rest.getStatus().getStatusCode() >= 500)) {
            // the resources wrap the engine's refusal as a 500 "Cannot complete task ...": its cause says what happened
            return problem(engine, clean(rest.getMessage()));
        }
        if (e instanceof RestException rest) {
            int status = rest.getStatus() == null ? 400 : rest.getStatus().getStatusCode();
            return problem(status, status >= 500 ? "Unexpected error" : "Invalid request", clean(rest.getMessage()));
        }
        if (e instanceof ProcessEngineException engine) {
            return problem(engine, clean(engine.getMessage()));
        }
        if (e instanceof JsonParseException || e instanceof JsonMappingException) {
            return problem(400, "Malformed JSON", "The request body is not the JSON this call expects");
        }
        return unexpected(e);
    }

    /** An engine refusal, with the message the resource gave it (which names the task or instance). */
    private static Response problem(ProcessEngineException e, String detail) {
        if (e instanceof OptimisticLockingException) {
            return problem(409, "Concurrent change", "Someone else changed this task or process at the same moment "
                    + "(a task completed twice, say); read it again and retry");
        }
        if (e instanceof NotFoundException || (e instanceof NullValueException && MISSING.matcher(detail).find())) {
            return problem(404, "Not found", detail);
        }
        if (e instanceof NullValueException) {
            return problem(400, "Invalid request", detail); // a parameter the call needs was not given
        }
        if (e instanceof AuthorizationException) {
            return problem(403, "Forbidden", detail);
        }
        if (e instanceof BadUserRequestException || e instanceof FormException) {
            return problem(400, "Invalid request", detail);
        }
        return unexpected(e);
    }

    private static Response unexpected(Throwable e) {
        if (databaseUnreachable(e)) {
            return problem(503, "Service unavailable", "The database cannot be reached; try again shortly");
        }
        log.error("Engine REST request failed", e);
        return problem(500, "Unexpected error", "The request could not be completed; nothing was changed. "
                + "The server log has the details.");
    }

    private static Response problem(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    private static BusinessException businessRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusinessException refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The engine's message without its log code; ours are written for people already. */
    private static String clean(String message) {
        return message == null ? "" : ENGINE_CODE.matcher(message).replaceFirst("");
    }

    @Priority(AHEAD_OF_THE_ENGINE)
    static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return problem(e);
        }
    }

    @Priority(AHEAD_OF_THE_ENGINE)
    static final class RestErrors implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return problem(e);
        }
    }

    @Priority(AHEAD_OF_THE_ENGINE)
    static final class JsonSyntaxErrors implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException e) {
            return problem(e);
        }
    }

    @Priority(AHEAD_OF_THE_ENGINE)
    static final class JsonMappingErrors implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return problem(e);
        }
    }

    @Priority(AHEAD_OF_THE_ENGINE)
    static final class OtherErrors implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return problem(e);
        }
    }
}
