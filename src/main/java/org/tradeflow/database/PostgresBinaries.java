package org.tradeflow.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The PostgreSQL binaries that zonky ships as a Maven artifact, unpacked once per version into the user's
 * cache ({@code ~/.cache/tradeflow/postgres}), which every server of that user shares. Not into a shared
 * temporary folder: another local user could plant binaries there for us to run. Only the binaries come from
 * zonky: its {@code EmbeddedPostgres} is a test fixture (no durability, trust authentication, its own shutdown
 * hook), so {@link LocalPostgres} runs the server itself.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    private static final String COMPLETE = ".complete";

    private final Path directory;
    /** PostgreSQL refuses to run as root; zonky's binaries then run in a user namespace of their own. */
    private final boolean inUserNamespace = LinuxUtils.isUnshareAvailable();

    private PostgresBinaries(Path directory) {
        this.directory = directory;
    }

    static synchronized PostgresBinaries unpacked() throws IOException {
        byte[] archive = archive();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "tradeflow", "postgres");
        Path directory = cache.resolve(sha256(archive).substring(0, 16));
        if (!Files.exists(directory.resolve(COMPLETE))) {
            Files.createDirectories(cache);
            // Unpacked beside and moved into place at once: a second process never sees half the files.
            Path unpacking = Files.createTempDirectory(cache, "unpacking-");
            try {
                log.info("Unpacking the PostgreSQL binaries into {}", directory);
                unpack(archive, unpacking);
                Files.createFile(unpacking.resolve(COMPLETE));
                Files.move(unpacking, directory, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherProcessWasFaster) {
                log.debug("The PostgreSQL binaries were unpacked by another process meanwhile");
            } finally {
                deleteRecursively(unpacking);
            }
        }
        return new PostgresBinaries(directory);
    }

    /** The command line that runs one of the binaries ({@code initdb}, {@code pg_ctl}, {@code postgres}). */
    List<String> command(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (inUserNamespace) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(directory.resolve("bin").resolve(WINDOWS ? program + ".exe" : program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static byte[] archive() throws IOException {
        String system = WINDOWS ? "Windows" : System.getProperty("os.name").startsWith("Mac") ? "Darwin" : "Linux";
        String architecture = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system,
                architecture.equals("amd64") ? "x86_64" : architecture)) {
            return archive.readAllBytes();
        }
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("The PostgreSQL archive has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.copy(target.resolve(entry.getLinkName()), path);
                } else {
                    Files.copy(tar, path);
                    if (posix) {
                        Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                    }
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] inOrder = PosixFilePermission.values(); // OWNER_READ ... OTHERS_EXECUTE, bit 8 down to 0
        for (int bit = 0; bit < inOrder.length; bit++) {
            if ((mode & (1 << (inOrder.length - 1 - bit))) != 0) {
                permissions.add(inOrder[bit]);
            }
        }
        return permissions;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
