package org.tradeflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tradeflow.TradeflowApplication;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server as {@code ./mvnw spring-boot:run} runs it, in a JVM of its own: profile {@code demo} (demo data
 * and users), no {@code spring.datasource.url}, so its own embedded PostgreSQL keeps its data in the given
 * data directory. Only the application's classes are on its class path, not the tests'.
 */
public final class DefaultServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DefaultServer(Path dataDir, int port, Path log, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** A server with the product's JVM settings, logging to {@code target/<logName>}. */
    public static DefaultServer start(Path dataDir, int port, String logName) throws IOException {
        return start(dataDir, port, Path.of("target", logName), List.of());
    }

    /**
     * A server logging to {@code log}, with extra JVM options (a flight recording, say) before the main class;
     * everything else as {@code ./mvnw spring-boot:run} runs it.
     */
    public static DefaultServer start(Path dataDir, int port, Path log, List<String> jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String applicationClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", applicationClassPath, TradeflowApplication.class.getName(), "--spring.profiles.active=demo"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("TRADEFLOW_DATA_DIR", dataDir.toString(), "SERVER_PORT", String.valueOf(port)));
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        return new DefaultServer(dataDir, port, log, builder.start());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until health says UP; fails at once, with the log, when the server gives up starting. */
    public DefaultServer awaitUp(Duration atMost) {
        await("health UP on port " + port).atMost(atMost).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("the server is running; its log ends:\n%s", logTail(60)).isTrue();
                    return get("/actuator/health", null).body().contains("\"UP\"");
                });
        return this;
    }

    /** {@code credentials} as {@code user:password}, or null for an anonymous call. */
    public HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        return send(request(path, credentials).GET());
    }

    public HttpResponse<String> post(String path, String credentials, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    /** The way an operator connects: the generated password file and the port PostgreSQL wrote into postmaster.pid. */
    public Connection database() throws IOException, SQLException {
        String port = Files.readAllLines(pgData().resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                Files.readString(dataDir.resolve("postgres-password")).strip());
    }

    /** The postmaster of this server's data directory, if one runs. */
    public Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = pgData().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !Path.of(lines.get(1).strip()).equals(pgData())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(process -> process.info().command().orElse("").endsWith("postgres"));
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful anything, as when the machine's OOM killer strikes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as systemd or Ctrl-C would: true when the server stopped within the given time. */
    public boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** CPU time the server's JVM has used so far, all its threads. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU time the server's PostgreSQL (postmaster and its live backends) has used so far. */
    public Duration databaseCpuTime() throws IOException {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return Duration.ZERO;
        }
        return Stream.concat(Stream.of(postmaster.get()), postmaster.get().descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops whatever is left of this server, even when the test failed halfway: the JVM, then a postmaster
     * of its data directory that outlived it.
     */
    public void cleanUp() throws Exception {
        if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
            kill();
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            // its clients died with the JVM, so a smart shutdown is quick
            postmaster.get().destroy();
            try {
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException stuck) {
                postmaster.get().destroyForcibly();
            }
        }
    }

    public List<String> logLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    private String logTail(int lines) {
        try {
            List<String> all = logLines();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    private Path pgData() {
        return dataDir.resolve("postgres");
    }

    private HttpRequest.Builder request(String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
