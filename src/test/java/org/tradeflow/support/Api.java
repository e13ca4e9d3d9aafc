package org.tradeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Real HTTP against the running server, authenticated with HTTP Basic as a demo user. */
@Component
public class Api {

    private final Environment environment;
    private final ObjectMapper objectMapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Api(Environment environment, ObjectMapper objectMapper) {
        this.environment = environment;
        this.objectMapper = objectMapper;
    }

    public Response get(String path) {
        return send("demo", "demo", HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    /** A GET naming what it accepts, the body as bytes (a PDF is no text; {@link #getWithAccept} reads text). */
    public Document getDocument(String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).GET().header("Accept", accept)
                .header("Authorization", basic("demo", "demo"))
                .timeout(Duration.ofSeconds(120)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Document(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Response post(String path, Object body, Map<String, String> headers) {
        return postRaw(path, json(body), headers);
    }

    public Response postRaw(String path, String body, Map<String, String> headers) {
        return send("demo", "demo", HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), withJson(headers));
    }

    public Response postAs(String user, String password, String path, Object body) {
        return send(user, password, HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)), withJson(Map.of()));
    }

    public Response postRawAs(String user, String password, String path, String contentType, String body) {
        return send(user, password, HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), Map.of("Content-Type", contentType));
    }

    public Response postBytesAs(String user, String password, String path, String contentType, byte[] body) {
        return postBytesAs(user, password, path, contentType, body, Map.of());
    }

    public Response postBytesAs(String user, String password, String path, String contentType, byte[] body,
                                Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", contentType);
        return send(user, password, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), all);
    }

    /** A body streamed in chunks, with no Content-Length announcing its size. */
    public Response postStreamAs(String user, String password, String path, String contentType,
                                 java.util.function.Supplier<java.io.InputStream> body) {
        return send(user, password, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofInputStream(body)),
                Map.of("Content-Type", contentType));
    }

    public Response putAs(String user, String password, String path, String contentType, byte[] body) {
        return send(user, password, HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
                Map.of("Content-Type", contentType));
    }

    /** A GET asking for a representation other than JSON (text/csv, application/pdf, ...). */
    public Response getWithAccept(String path, String accept) {
        return send("demo", "demo", HttpRequest.newBuilder(uri(path)).GET(), Map.of("Accept", accept));
    }

    public Response getAs(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    /** Any method with a JSON body (null: none), as the given user. */
    public Response requestAs(String user, String password, String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8);
        return send(user, password, HttpRequest.newBuilder(uri(path)).method(method, publisher),
                body == null ? Map.of() : withJson(Map.of()));
    }

    public Response getAnonymously(String path) {
        return send(null, null, HttpRequest.newBuilder(uri(path)).GET(), Map.of());
    }

    private Response send(String user, String password, HttpRequest.Builder request, Map<String, String> headers) {
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), parse(response.body()), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    public String json(Object body) {
        try {
            return body instanceof String s ? s : objectMapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? objectMapper.nullNode() : objectMapper.readTree(body);
        } catch (IOException notJson) {
            return objectMapper.nullNode();
        }
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return all;
    }

    public record Response(int status, String contentType, String body, JsonNode json,
                           Map<String, java.util.List<String>> headers) {

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Document(int status, String contentType, byte[] body, Map<String, java.util.List<String>> headers) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
