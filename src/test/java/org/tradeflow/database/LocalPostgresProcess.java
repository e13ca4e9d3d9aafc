package org.tradeflow.database;

import java.nio.file.Path;

/**
 * A JVM that starts the embedded PostgreSQL of a data directory and then only waits, to be killed by a test
 * the way a crashing server dies: its postmaster lives on as an orphan.
 */
public final class LocalPostgresProcess {

    static final String READY = "ready on port ";

    private LocalPostgresProcess() {
    }

    public static void main(String[] arguments) throws Exception {
        LocalPostgres postgres = LocalPostgres.start(Path.of(arguments[0]), 0);
        System.out.println(READY + postgres.port());
        System.out.flush();
        // never returns on its own: the test kills this JVM
        while (System.in.read() >= 0) {
            continue;
        }
    }
}
