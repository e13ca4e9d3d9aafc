package org.tradeflow.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} a PostgreSQL leaves in its data directory while it runs (first line its process
 * id, second line its data directory), checked against the process table before anyone acts on it.
 */
record PostmasterPidFile(Path file, long pid, Optional<Path> dataDirectory) {

    static final String NAME = "postmaster.pid";

    /** Who holds the pid file's process id now. */
    enum Holder {
        /** No process has that id: the server died with its machine or was killed. */
        NOBODY,
        /** The id was reused by a program that is not PostgreSQL. */
        ANOTHER_PROGRAM,
        /**
         * The id was reused by a PostgreSQL process that is not the postmaster of this data directory: one
         * serving another directory, or a backend (whose title replaces its arguments). None of our business.
         */
        ANOTHER_POSTGRES,
        /** The postmaster of this very data directory still runs. */
        OUR_POSTMASTER,
        /** A PostgreSQL whose arguments this platform does not show: left to PostgreSQL's own interlock. */
        UNKNOWN_POSTGRES
    }

    static Optional<PostmasterPidFile> in(Path pgData) throws IOException {
        Path file = pgData.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException garbled) {
            pid = -1;
        }
        Optional<Path> dataDirectory = lines.size() > 1 && !lines.get(1).isBlank()
                ? Optional.of(Path.of(lines.get(1).trim())) : Optional.empty();
        return Optional.of(new PostmasterPidFile(file, pid, dataDirectory));
    }

    Holder holder(Path pgData) {
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty()) {
            return Holder.NOBODY;
        }
        // A process whose program we may not read belongs to another user, so it cannot be the postmaster of
        // our data directory (PostgreSQL runs only as the owner of its data directory).
        ProcessHandle.Info info = process.get().info();
        String program = info.command().map(command -> Path.of(command).getFileName().toString()).orElse("");
        if (!program.equals("postgres") && !program.equals("postgres.exe")) {
            return Holder.ANOTHER_PROGRAM;
        }
        Optional<String[]> arguments = info.arguments();
        if (arguments.isEmpty()) {
            return Holder.UNKNOWN_POSTGRES;
        }
        boolean ours = dataDirectoryArgument(arguments.get()).map(served -> sameDirectory(served, pgData)).orElse(false)
                && dataDirectory.map(written -> sameDirectory(written, pgData)).orElse(false);
        return ours ? Holder.OUR_POSTMASTER : Holder.ANOTHER_POSTGRES;
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The postmaster is started as {@code postgres -D <data directory> ...}. */
    private static Optional<Path> dataDirectoryArgument(String[] arguments) {
        for (int i = 0; i < arguments.length - 1; i++) {
            if (arguments[i].equals("-D")) {
                return Optional.of(Path.of(arguments[i + 1]));
            }
        }
        return Optional.empty();
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException notThere) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
