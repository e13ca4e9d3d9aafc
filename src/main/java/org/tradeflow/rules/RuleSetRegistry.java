package org.tradeflow.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Holds the live rule set and swaps in a new one when the files on disk change. A change that does not
 * compile is refused with its problems in the log; the previous rules stay live.
 */
@Component
public class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);

    private final RulesProperties properties;
    private final RuleSetCompiler compiler;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    private volatile String lastRefusedChecksum;

    RuleSetRegistry(RulesProperties properties, RuleSetCompiler compiler) throws RuleCompilationException {
        this.properties = properties;
        this.compiler = compiler;
        List<RuleSource> sources = readSources();
        live.set(compiler.compile(sources, checksum(sources)));
        log.info("Rules {} active from {} and {}", live.get().checksum(), properties.decisionTablesDir().toAbsolutePath(),
                properties.drlDir().toAbsolutePath());
    }

    /** The rule set to use for one whole evaluation. */
    public RuleSet current() {
        return live.get();
    }

    @Scheduled(fixedDelayString = "${tradeflow.rules.reload-interval:PT2S}")
    void reloadQuietly() {
        try {
            reloadIfChanged();
        } catch (RuleCompilationException refused) {
            // already logged with its problems
        } catch (RuntimeException e) {
            log.error("Could not check the rule files for changes", e);
        }
    }

    /** Compiles and activates the files on disk if they differ from the live rules; returns the live set. */
    public synchronized RuleSet reloadIfChanged() throws RuleCompilationException {
        List<RuleSource> sources = readSources();
        String checksum = checksum(sources);
        if (checksum.equals(live.get().checksum())) {
            return live.get();
        }
        try {
            RuleSet candidate = compiler.compile(sources, checksum);
            live.set(candidate);
            lastRefusedChecksum = null;
            log.info("Rules {} activated (changed files on disk)", checksum);
            return candidate;
        } catch (RuleCompilationException refused) {
            if (!checksum.equals(lastRefusedChecksum)) {
                lastRefusedChecksum = checksum;
                log.error("Refused rule change {}; rules {} stay live:\n{}", checksum, live.get().checksum(),
                        String.join("\n", refused.problems()));
            }
            throw refused;
        }
    }

    private List<RuleSource> readSources() {
        List<RuleSource> sources = new ArrayList<>();
        sources.addAll(read(properties.decisionTablesDir(), ".xlsx"));
        sources.addAll(read(properties.drlDir(), ".drl"));
        return sources;
    }

    private static List<RuleSource> read(Path dir, String extension) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Rule folder not found: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension))
                    // editors' lock files (~$pricing.xlsx, .~lock.pricing.xlsx#) are not tables
                    .filter(f -> !f.getFileName().toString().startsWith("~") && !f.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .map(f -> new RuleSource(f.getFileName().toString(), readBytes(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String checksum(List<RuleSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : sources) {
                digest.update(source.fileName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.content());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
