package org.tradeflow.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public API's OpenAPI document ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}).
 * <p>
 * Refusals are documented where they arise, not per controller: every call can meet 401 (no or wrong
 * credentials) and 503 (database out of reach); every GET 400 (an unknown or invalid parameter); every call with
 * a body 400 (malformed), 413 (too large), 415 (not JSON) and 422 (a field fails a check); every path with an id
 * 404. 403 and 409 are declared by the operations that meet them (roles, state), from the responses defined here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_JSON = "application/problem+json";

    /** Response name (as in {@code #/components/responses/Conflict}) by status. */
    private static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

    static {
        PROBLEMS.put("400", "BadRequest");
        PROBLEMS.put("401", "Unauthorized");
        PROBLEMS.put("403", "Forbidden");
        PROBLEMS.put("404", "NotFound");
        PROBLEMS.put("409", "Conflict");
        PROBLEMS.put("413", "PayloadTooLarge");
        PROBLEMS.put("415", "UnsupportedMediaType");
        PROBLEMS.put("422", "UnprocessableContent");
        PROBLEMS.put("503", "ServiceUnavailable");
    }

    private static final Map<String, String> MEANING = Map.of(
            "400", "Malformed JSON, a field of the wrong type or unknown, an invalid or unknown query parameter (named in errors)",
            "401", "No credentials, or wrong ones (HTTP Basic)",
            "403", "Signed in, but without a role this call needs (the detail names the roles)",
            "404", "No such resource (or no such path)",
            "409", "The resource's current state forbids this (already shipped, changed concurrently, a PO submitted with other content)",
            "413", "The body exceeds the request size limit",
            "415", "The body is not of a content type this call takes",
            "422", "A field fails a check or a business rule (unknown account or SKU, date out of range); each is named in errors",
            "503", "The database cannot be reached; nothing was changed. Retry after the Retry-After seconds");

    @Bean
    OpenAPI tradeflowApi() {
        Components components = new Components().addSecuritySchemes("basic",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
        components.addSchemas("Problem", problemSchema());
        PROBLEMS.forEach((status, name) -> components.addResponses(name, new ApiResponse().description(MEANING.get(status))
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
        return new OpenAPI()
                .info(new Info().title("Tradeflow API").version("v1")
                        .description("Orders, price quotes, catalog, accounts, availability, order desk changes, goods "
                                + "receipts, stock counts, dispatch confirmations and decision tables. Errors are "
                                + "application/problem+json (RFC 9457); a refused request changes nothing. Amounts carry "
                                + "their currency's decimals; instants are UTC with milliseconds (2026-12-02T09:15:00.120Z)."))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("JSON path (lines[2].sku), parameter or header"));
        error.addProperty("message", new StringSchema());
        error.setRequired(List.of("field", "message"));
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(error));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }

    /** Adds the refusals every operation can meet, and marks every property of a response as always present. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                add(responses, "401");
                add(responses, "503");
                if (method == PathItem.HttpMethod.GET) {
                    add(responses, "400");
                }
                if (operation.getRequestBody() != null) {
                    List.of("400", "413", "415", "422").forEach(status -> add(responses, status));
                }
                if (path.contains("{")) {
                    add(responses, "404");
                }
                if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                    add(responses, "400");
                }
                operation.setResponses(sorted(responses));
            }));
            alwaysPresent(api);
        };
    }

    private static void add(ApiResponses responses, String status) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status)));
        }
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    /**
     * Responses write every property (null when there is nothing), so every property of a schema reachable from a
     * response is required; request schemas keep what their checks require.
     */
    private static void alwaysPresent(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Deque<String> todo = new ArrayDeque<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> operation.getResponses().values()
                .forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().values().forEach(media -> refs(media.getSchema(), todo));
                    }
                })));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema<?> schema = schemas.get(name);
            if (schema == null || name.equals("Problem") || !seen.add(name)) {
                continue;
            }
            if (schema.getProperties() != null) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
                schema.getProperties().values().forEach(property -> refs(property, todo));
            }
        }
    }

    private static void refs(Schema<?> schema, Deque<String> todo) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null) {
            todo.push(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        refs(schema.getItems(), todo);
    }

}
