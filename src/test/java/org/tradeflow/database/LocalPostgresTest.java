package org.tradeflow.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL of the default run, as an operator meets it: durable, password-protected, and
 * starting first time after a crash without touching anybody else's processes.
 */
class LocalPostgresTest {

    @TempDir
    Path dataDir;

    /** Closed last-in first-out after each test. */
    private final Deque<AutoCloseable> cleanUp = new ArrayDeque<>();

    @AfterEach
    void stopEverythingStarted() throws Exception {
        while (!cleanUp.isEmpty()) {
            cleanUp.pop().close();
        }
    }

    @Test
    void everyCommitIsOnDiskBeforeItIsAcknowledged() throws Exception {
        LocalPostgres postgres = started(dataDir);

        assertThat(setting(postgres, "fsync")).isEqualTo("on");
        assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
    }

    @Test
    void everyConnectionNeedsTheGeneratedPassword() throws Exception {
        LocalPostgres postgres = started(dataDir);
        Path passwordFile = dataDir.resolve(LocalPostgres.PASSWORD_FILE);

        assertThat(Files.readString(passwordFile).strip()).isEqualTo(postgres.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        assertThat(Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")))
                .isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }

    @Test
    void theSamePasswordServesEveryLaterStart() throws Exception {
        LocalPostgres first = LocalPostgres.start(dataDir, 0);
        String password = first.password();
        first.close();

        LocalPostgres second = started(dataDir);

        assertThat(second.password()).isEqualTo(password);
        assertThat(count(second, "select 1")).isEqualTo(1);
    }

    @Test
    void aLostPasswordFileIsReplacedByANewPasswordOnTheNextStart() throws Exception {
        LocalPostgres first = LocalPostgres.start(dataDir, 0);
        String lost = first.password();
        first.close();
        Files.delete(dataDir.resolve(LocalPostgres.PASSWORD_FILE));

        LocalPostgres restarted = started(dataDir);

        assertThat(restarted.password()).isNotEqualTo(lost).isEqualTo(Files.readString(dataDir.resolve(LocalPostgres.PASSWORD_FILE)).strip());
        assertThat(count(restarted, "select 1")).isEqualTo(1);
        assertThatThrownBy(() -> DriverManager.getConnection(restarted.jdbcUrl(), "postgres", lost)).isInstanceOf(SQLException.class);
    }

    @Test
    void aRestartAfterTheServerWasKilledStopsItsOrphanedPostmasterAndStartsFirstTime() throws Exception {
        Process killed = startInAnotherJvm(dataDir);
        PostmasterPidFile orphan = PostmasterPidFile.in(dataDir.resolve("postgres")).orElseThrow();
        try (Connection connection = connect(dataDir, orphan)) {
            connection.createStatement().execute("create table acknowledged (id int); insert into acknowledged values (1)");
        }
        killed.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive)).as("the orphaned postmaster").contains(true);

        LocalPostgres restarted = started(dataDir);

        assertThat(ProcessHandle.of(orphan.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(count(restarted, "select count(*) from acknowledged")).isEqualTo(1);
    }

    @Test
    void aStalePidFileWhosePidAnotherProgramReusedIsRemovedAndTheProgramLeftAlone() throws Exception {
        LocalPostgres.start(dataDir, 0).close();
        Process otherProgram = new ProcessBuilder("sleep", "600").start();
        cleanUp.push(otherProgram::destroyForcibly);
        writePidFile(dataDir, otherProgram.pid());

        LocalPostgres restarted = started(dataDir);

        assertThat(otherProgram.isAlive()).isTrue();
        assertThat(count(restarted, "select 1")).isEqualTo(1);
    }

    @Test
    void aStalePidFileOfAServerThatIsGoneIsLeftToPostgresWhichStartsAnyway() throws Exception {
        LocalPostgres.start(dataDir, 0).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        writePidFile(dataDir, gone.pid());

        LocalPostgres restarted = started(dataDir);

        assertThat(count(restarted, "select 1")).isEqualTo(1);
    }

    @Test
    void aPostgresServingAnotherDataDirectoryUnderTheStalePidIsLeftRunning(@TempDir Path foreignData) throws Exception {
        LocalPostgres.start(dataDir, 0).close();
        Path foreignPgData = foreignData.resolve("postgres");
        EmbeddedPostgres foreign = EmbeddedPostgres.builder().setDataDirectory(foreignPgData).start();
        cleanUp.push(foreign);
        writePidFile(dataDir, PostmasterPidFile.in(foreignPgData).orElseThrow().pid());

        LocalPostgres restarted = started(dataDir);

        assertThat(count(restarted, "select 1")).isEqualTo(1);
        try (Connection foreignConnection = foreign.getPostgresDatabase().getConnection()) {
            assertThat(foreignConnection.isValid(5)).as("the other PostgreSQL still answers").isTrue();
        }
    }

    @Test
    void anOlderDataDirectoryThatTrustedEveryLocalUserGetsThePasswordAndKeepsItsData() throws Exception {
        // how earlier versions ran: zonky's test server, initialised with trust authentication and no password
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start();
             Connection connection = older.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create table acknowledged (id int); insert into acknowledged values (1), (2)");
        }
        assertThat(dataDir.resolve(LocalPostgres.PASSWORD_FILE)).doesNotExist();

        LocalPostgres upgraded = started(dataDir);

        assertThat(count(upgraded, "select count(*) from acknowledged")).isEqualTo(2);
        assertThat(dataDir.resolve(LocalPostgres.PASSWORD_FILE)).exists();
        assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
        assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust\\s*$");
    }

    @Test
    void aDataDirectoryServesOneServerAtATime() throws Exception {
        started(dataDir);

        assertThatThrownBy(() -> LocalPostgres.start(dataDir, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another running server");
    }

    private LocalPostgres started(Path dataDir) throws IOException {
        LocalPostgres postgres = LocalPostgres.start(dataDir, 0);
        cleanUp.push(postgres);
        return postgres;
    }

    /** A server JVM of its own on this data directory, cleaned up by the test; returns once PostgreSQL answers. */
    private Process startInAnotherJvm(Path dataDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalPostgresProcess.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
        cleanUp.push(() -> {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            // whatever postmaster is left serves this test's data directory only
            PostmasterPidFile.in(dataDir.resolve("postgres")).flatMap(pidFile -> ProcessHandle.of(pidFile.pid()))
                    .filter(handle -> handle.info().command().orElse("").endsWith("postgres"))
                    .ifPresent(ProcessHandle::destroyForcibly);
        });
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(LocalPostgresProcess.READY)) {
                return process;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The server JVM ended before PostgreSQL answered:\n" + seen);
    }

    private static Connection connect(Path dataDir, PostmasterPidFile pidFile) throws IOException, SQLException {
        String port = Files.readAllLines(pidFile.file()).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres",
                Files.readString(dataDir.resolve(LocalPostgres.PASSWORD_FILE)).strip());
    }

    /** A postmaster.pid as a server that died would leave it, naming this data directory and the given pid. */
    private static void writePidFile(Path dataDir, long pid) throws IOException {
        Path pgData = dataDir.resolve("postgres");
        Files.writeString(pgData.resolve(PostmasterPidFile.NAME),
                pid + "\n" + pgData + "\n1767225600\n5432\n/tmp\nlocalhost\n  5432001  12345\nready   \n");
    }

    private static String setting(LocalPostgres postgres, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             ResultSet result = connection.createStatement().executeQuery("show " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    private static long count(LocalPostgres postgres, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
