package org.tradeflow.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The PostgreSQL of an installation without an external database, run like a real one: its data directory
 * is {@code <data-dir>/postgres}, its superuser's password is generated once into
 * {@code <data-dir>/postgres-password} (readable by the owner only) and required for every connection
 * (scram-sha-256), every commit is on disk before it is acknowledged, and a start after a crash recovers by
 * itself. One server process at a time owns a data directory ({@code <data-dir>/postgres.lock}).
 */
final class LocalPostgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";
    static final String PASSWORD_FILE = "postgres-password";

    /**
     * Given on the command line, which outranks postgresql.conf and ALTER SYSTEM, so nothing in the data
     * directory can make acknowledged commits volatile again.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "listen_addresses", "localhost",
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on",
            "timezone", "UTC",
            // a week of logs in <data-dir>/postgres/log, one file per weekday, overwritten a week later
            "logging_collector", "on",
            "log_filename", "postgresql-%a.log",
            "log_truncate_on_rotation", "on",
            "log_rotation_age", "1d");

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    /** Long enough for crash recovery of a busy day's WAL. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final PostgresBinaries binaries;
    private final Path pgData;
    private final int port;
    private final String password;
    private final FileChannel lockChannel;
    private boolean running;

    private LocalPostgres(PostgresBinaries binaries, Path pgData, int port, String password, FileChannel lockChannel) {
        this.binaries = binaries;
        this.pgData = pgData;
        this.port = port;
        this.password = password;
        this.lockChannel = lockChannel;
    }

    /** Starts the server of this data directory, initialising, upgrading or recovering it first as needed. */
    static LocalPostgres start(Path dataDir, int requestedPort) throws IOException {
        Path home = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(home);
        FileChannel lockChannel = ownership(home);
        LocalPostgres postgres = null;
        try {
            Path pgData = home.resolve("postgres");
            Password password = Password.in(home.resolve(PASSWORD_FILE));
            postgres = new LocalPostgres(PostgresBinaries.unpacked(), pgData,
                    requestedPort > 0 ? requestedPort : freePort(), password.value(), lockChannel);
            if (Files.exists(pgData.resolve("PG_VERSION"))) {
                postgres.recoverFromCrash();
                postgres.requirePassword(password);
            } else {
                postgres.initialise(password.file());
            }
            postgres.startServer();
            return postgres;
        } catch (IOException | RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            } else {
                lockChannel.close();
            }
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    String username() {
        return SUPERUSER;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    /** Stops the server (fast: open sessions are ended, the last checkpoint written) and gives up the data directory. */
    @Override
    public synchronized void close() throws IOException {
        try {
            if (running && postmasterRuns()) {
                long started = System.nanoTime();
                stopServer();
                log.info("Embedded PostgreSQL stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            } else if (running) {
                log.warn("Embedded PostgreSQL had already stopped (it recovers on the next start)");
            }
            running = false;
        } finally {
            lockChannel.close();
        }
    }

    /**
     * A server killed without shutting down (kill -9, power loss) may leave its postmaster running or its
     * postmaster.pid behind. Only a postmaster that really serves this data directory is stopped, and it can
     * only be an orphan: this process holds the data directory's lock, so no live server owns it.
     */
    private void recoverFromCrash() throws IOException {
        PostmasterPidFile pidFile = PostmasterPidFile.in(pgData).orElse(null);
        if (pidFile == null) {
            return;
        }
        PostmasterPidFile.Holder holder = pidFile.holder(pgData);
        switch (holder) {
            case OUR_POSTMASTER -> {
                log.warn("The PostgreSQL of {} is still running (pid {}), left behind by a server that did not stop; stopping it",
                        pgData, pidFile.pid());
                stopServer();
                awaitExit(pidFile.pid());
            }
            // PostgreSQL replaces a lock file whose process is gone itself, after making sure no backend of the dead
            // server still uses its shared memory: that check must not be bypassed
            case NOBODY -> log.info("Left the stale postmaster.pid (pid {}) to PostgreSQL's own check", pidFile.pid());
            // a reused pid would make PostgreSQL believe its server still runs: the file must go
            case ANOTHER_PROGRAM, ANOTHER_POSTGRES -> {
                log.warn("Removing the postmaster.pid of a PostgreSQL that no longer runs (its pid {} now belongs to {})",
                        pidFile.pid(), holder.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                pidFile.delete();
            }
            case UNKNOWN_POSTGRES -> log.warn("A PostgreSQL with pid {} runs, but which data directory it serves is unknown; "
                    + "leaving {} to PostgreSQL's own check", pidFile.pid(), pidFile.file());
        }
    }

    private void initialise(Path passwordFile) throws IOException {
        if (Files.exists(pgData)) {
            try (var entries = Files.list(pgData)) {
                // an older version created the folder and zonky's lock file before initdb ran
                if (entries.anyMatch(entry -> !entry.getFileName().toString().equals("epg-lock"))) {
                    throw new IllegalStateException(pgData + " is neither empty nor a PostgreSQL data directory");
                }
            }
            PostgresBinaries.deleteRecursively(pgData);
        }
        // initdb writes into a folder beside: a crash halfway leaves no half-made data directory behind
        Path initialising = pgData.resolveSibling(pgData.getFileName() + ".initialising");
        PostgresBinaries.deleteRecursively(initialising);
        run(binaries.command("initdb", "--pgdata=" + initialising, "--username=" + SUPERUSER,
                "--auth=scram-sha-256", "--pwfile=" + passwordFile, "--encoding=UTF8", "--no-instructions"), "");
        Files.move(initialising, pgData, StandardCopyOption.ATOMIC_MOVE);
        log.info("Initialised an embedded PostgreSQL data directory in {}", pgData);
    }

    /**
     * Data directories of earlier versions trust every local user. Their superuser gets the password and
     * their pg_hba.conf scram-sha-256, offline in single-user mode so that no connection is ever trusted; the
     * data stays. A lost password file is replaced the same way.
     */
    private void requirePassword(Password password) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        List<String> required = lines.stream().map(LocalPostgres::withoutTrust).toList();
        if (!password.createdNow() && required.equals(lines)) {
            return;
        }
        log.warn("Setting the embedded PostgreSQL's password (in {}) and requiring it for every connection", password.file());
        String output = run(binaries.command("postgres", "--single", "-D", pgData.toString(),
                        "-c", "log_min_error_statement=panic", "-c", "password_encryption=scram-sha-256", DATABASE),
                "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password.value() + "';\n");
        if (output.contains("ERROR")) {
            throw new IllegalStateException("Could not set the embedded PostgreSQL's password: " + output.replace(password.value(), "***"));
        }
        if (!required.equals(lines)) {
            Path rewritten = Files.createTempFile(pgData, "pg_hba", ".conf");
            Files.write(rewritten, required);
            Files.move(rewritten, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** {@code host all all 127.0.0.1/32 trust} becomes {@code ... scram-sha-256}; comments stay as they are. */
    private static String withoutTrust(String line) {
        int comment = line.indexOf('#');
        String rule = comment < 0 ? line : line.substring(0, comment);
        String[] fields = rule.strip().split("\\s+");
        if (!fields[fields.length - 1].equals("trust")) {
            return line;
        }
        int method = rule.lastIndexOf("trust");
        return line.substring(0, method) + "scram-sha-256" + line.substring(method + "trust".length());
    }

    private void startServer() throws IOException {
        Path logDirectory = Files.createDirectories(pgData.resolve("log"));
        Path startupLog = logDirectory.resolve("startup.log");
        String options = "-p " + port + " " + SETTINGS.entrySet().stream()
                .map(setting -> "-c " + setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining(" "));
        try {
            run(binaries.command("pg_ctl", "start", "-D", pgData.toString(), "-l", startupLog.toString(), "-o", options,
                    "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds()), "-s"), "");
        } catch (IllegalStateException failed) {
            throw new IllegalStateException(failed.getMessage() + "; the last lines of " + startupLog + ":\n"
                    + lastLines(startupLog, 20), failed);
        }
        running = true;
        verifyPassword();
        log.info("Embedded PostgreSQL on port {} with data in {} (fsync, synchronous_commit and full_page_writes on)", port, pgData);
    }

    private void verifyPassword() {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", password);
        try (Connection accepted = DriverManager.getConnection(jdbcUrl(), credentials)) {
            log.debug("The embedded PostgreSQL accepts the password ({})", accepted.getMetaData().getDatabaseProductVersion());
        } catch (SQLException refused) {
            throw new IllegalStateException("The embedded PostgreSQL refuses the password in "
                    + pgData.resolveSibling(PASSWORD_FILE) + " (" + refused.getMessage()
                    + "); delete that file and start again to set a new one", refused);
        }
    }

    /** pg_ctl returns once the pid file is gone, a moment before the process itself. */
    private static void awaitExit(long pid) throws IOException {
        try {
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join());
        } catch (CompletionException stillRunning) {
            throw new IOException("The orphaned PostgreSQL (pid " + pid + ") did not exit", stillRunning);
        }
    }

    private boolean postmasterRuns() throws IOException {
        return PostmasterPidFile.in(pgData).map(pidFile -> pidFile.holder(pgData) == PostmasterPidFile.Holder.OUR_POSTMASTER)
                .orElse(false);
    }

    private void stopServer() throws IOException {
        try {
            run(binaries.command("pg_ctl", "stop", "-D", pgData.toString(), "-m", "fast",
                    "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()), "-s"), "");
        } catch (IllegalStateException notStopped) {
            log.warn("PostgreSQL did not stop in {} s ({}); stopping it immediately (it recovers on the next start)",
                    STOP_TIMEOUT.toSeconds(), notStopped.getMessage());
            run(binaries.command("pg_ctl", "stop", "-D", pgData.toString(), "-m", "immediate", "-w", "-s"), "");
        }
    }

    /** Runs one of the binaries to its end; its output when it fails. */
    private String run(List<String> command, String input) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(command.size(), 3)))
                        + " failed with exit code " + process.exitValue() + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command.get(0), e);
        }
        return output;
    }

    private static FileChannel ownership(Path home) throws IOException {
        FileChannel channel = FileChannel.open(home.resolve("postgres.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("The data directory " + home + " is in use by another running server");
        }
        return channel;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String lastLines(Path file, int count) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }

    /** The superuser's password, generated once and kept where only the owner can read it. */
    record Password(Path file, String value, boolean createdNow) {

        static Password in(Path file) throws IOException {
            if (Files.exists(file)) {
                return new Password(file, Files.readString(file).strip(), false);
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // a temporary file is the owner's alone (rw-------) from its first byte; moved into place when complete
            Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
            Files.writeString(written, value + System.lineSeparator());
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return new Password(file, value, true);
        }
    }
}
