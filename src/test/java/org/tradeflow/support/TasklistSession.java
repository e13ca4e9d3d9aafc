package org.tradeflow.support;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A person signed in to Tasklist: the webapp's own login, session cookie and CSRF token, calling the engine API
 * the Tasklist pages call ({@code /camunda/api/engine/engine/default/...}).
 */
public final class TasklistSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final ObjectMapper objectMapper = new ObjectMapper();

    private TasklistSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static TasklistSession signIn(int port, String user, String password) {
        TasklistSession session = new TasklistSession("http://localhost:" + port);
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
        HttpResponse<String> login = session.send(HttpRequest.newBuilder(URI.create(session.base
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " failed: " + login.statusCode() + " " + login.body());
        }
        // the login starts a new session, which gets a CSRF token of its own on its first read
        session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default")).GET());
        return session;
    }

    /** POST to the engine API as Tasklist does, with the session's CSRF token. */
    public HttpResponse<String> post(String enginePath, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> get(String enginePath) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath)).GET());
    }

    /** The session cookie the webapp gave this browser. */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private String csrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
