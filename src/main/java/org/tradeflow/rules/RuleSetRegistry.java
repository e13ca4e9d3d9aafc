package org.tradeflow.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.rules.DecisionTableInspector.InspectedTable;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Holds the live rule set: the active version of every decision table (stored in PostgreSQL) plus the
 * hand-written DRL. A table change, uploaded or dropped into the folder, is checked (locked code rows, safe
 * values, compilation) before it is stored and activated; a refused change leaves the live rules untouched.
 * Every node rebuilds its rules when the active versions in the database change.
 * <p>
 * Whatever path makes rules live or evaluates them (upload, preview, folder, rollback, start-up, another
 * node's change) goes through {@link #verified}: {@link #check checked} tables only (the compiler takes nothing
 * else, and a table reaches Drools only as its canonical workbook), compiled, and every table's scenarios run.
 * Versions stored before a check existed are checked again each time they are built, and so is a combination of
 * versions two nodes activated at once; one that fails never becomes live.
 */
@Component
public class RuleSetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RuleSetRegistry.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    static final String FOLDER_AUTHOR = "decision-tables folder";
    /** Who made a rule set live when a node took it up at start-up or from another node's change. */
    static final String STARTUP = "node start-up";
    static final String REFRESH = "another node's change";

    private final RulesProperties properties;
    private final RuleSetCompiler compiler;
    private final RuleTableVersions versions;
    private final RuleSets ruleSets;
    private final TransactionTemplate transaction;
    private final List<ScenarioRunner> scenarioRunners;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    /** Folder files already looked at, by table: a refused file is reported once, not every poll. */
    private final Map<String, String> folderChecksums = new ConcurrentHashMap<>();
    /** The active versions and DRL last compared with the live rules by {@link #refreshFromDatabase()}. */
    private String lastCheckedKey;

    RuleSetRegistry(RulesProperties properties, RuleSetCompiler compiler, RuleTableVersions versions, RuleSets ruleSets,
                    TransactionTemplate transaction, List<ScenarioRunner> scenarioRunners) throws RuleChangeRefusedException {
        this.properties = properties;
        this.compiler = compiler;
        this.versions = versions;
        this.ruleSets = ruleSets;
        this.transaction = transaction;
        this.scenarioRunners = List.copyOf(scenarioRunners);
        live.set(startWithStoredOrReleasedTables());
        log.info("Rules {} active: {}", live.get().checksum(), versions.active().stream()
                .map(v -> v.table() + " v" + v.version()).toList());
    }

    /** The rule set to use for one whole evaluation. */
    public RuleSet current() {
        return live.get();
    }

    /**
     * The live rules with one table replaced, after every check a change gets (header, values, compilation,
     * and the Scenarios sheets of all tables); nothing is stored.
     */
    public RuleSet candidate(String table, byte[] content) throws RuleChangeRefusedException {
        InspectedTable changed = check(table, content);
        List<InspectedTable> tables = new ArrayList<>(checkStored(versions.activeSources().stream()
                .filter(source -> !tableName(source).equals(table)).toList(), table));
        tables.add(changed);
        return verified(tables, table);
    }

    /** Checks a new version of a table and, if it passes, stores and activates it. */
    public synchronized TableVersion propose(String table, byte[] content, String author, String comment)
            throws RuleChangeRefusedException {
        String checksum = sha256(content);
        Change change = whileNoOtherNodeChangesRules(() -> {
            RuleSet candidate = candidate(table, content);
            int number = versions.add(table, content, checksum, author, comment);
            versions.activate(table, number);
            ruleSets.record(candidate, author);
            return new Change(candidate, number);
        });
        live.set(change.rules());
        log.info("{} v{} activated by {} ({}); rules {} live", table, change.version(), author, comment, change.rules().checksum());
        return versionInfo(table, change.version());
    }

    /**
     * Makes an earlier version of a table the active one again, after the checks a new version gets: it may have
     * been stored before one of them existed, and the other tables may have changed since.
     */
    public synchronized TableVersion activate(String table, int version, String author)
            throws RuleChangeRefusedException {
        RuleSource source = versions.source(table, version).orElseThrow(() ->
                new RuleChangeRefusedException(table, List.of("there is no version " + version + " of table " + table)));
        Change change = whileNoOtherNodeChangesRules(() -> {
            RuleSet candidate = candidate(table, source.content());
            versions.activate(table, version);
            ruleSets.record(candidate, author);
            return new Change(candidate, version);
        });
        live.set(change.rules());
        log.info("{} v{} re-activated by {}; rules {} live", table, version, author, change.rules().checksum());
        return versionInfo(table, version);
    }

    /**
     * Checks and stores a change in one transaction that holds the database-wide lock of rule changes: a change on
     * one node waits for one on another, and is then checked against the versions it will really go live with,
     * not against those another node is replacing at the same moment.
     */
    private Change whileNoOtherNodeChangesRules(CheckedChange change) throws RuleChangeRefusedException {
        try {
            return transaction.execute(status -> {
                versions.lockRuleChanges();
                try {
                    return change.checkAndStore();
                } catch (RuleChangeRefusedException refused) {
                    throw new RefusedWithinTransaction(refused); // rolls back whatever was stored
                }
            });
        } catch (RefusedWithinTransaction refused) {
            throw refused.refusal;
        }
    }

    private interface CheckedChange {
        Change checkAndStore() throws RuleChangeRefusedException;
    }

    private record Change(RuleSet rules, int version) {
    }

    private static final class RefusedWithinTransaction extends RuntimeException {
        private final RuleChangeRefusedException refusal;

        RefusedWithinTransaction(RuleChangeRefusedException refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    public List<TableVersion> versions(String table) {
        return versions.list(table);
    }

    public List<TableVersion> activeVersions() {
        return versions.active();
    }

    public Optional<byte[]> content(String table, int version) {
        return versions.source(table, version).map(RuleSource::content);
    }

    /** The rule set that went live under a checksum, such as an order's: its table versions and the DRL that compiled. */
    public StoredRuleSet stored(String checksum) {
        return ruleSets.find(checksum).orElseThrow(() -> new RuleSetNotFound(checksum));
    }

    @Scheduled(fixedDelayString = "${tradeflow.rules.reload-interval:PT2S}")
    void poll() {
        try {
            importChangedFolderTables();
            refreshFromDatabase();
        } catch (RuntimeException e) {
            log.error("Could not check the rules for changes", e);
        }
    }

    /** Swaps in the active versions another node (or an earlier call) stored, if they differ from the live set. */
    synchronized RuleSet refreshFromDatabase() {
        // The poll runs every few seconds: compare the active versions' checksums before loading their bytes.
        List<RuleSource> drl = read(properties.drlDir(), ".drl");
        String activeKey = versions.active().stream().map(v -> v.table() + ":" + v.checksum())
                .collect(Collectors.joining(",")) + "|" + checksum(drl);
        if (activeKey.equals(lastCheckedKey)) {
            return live.get();
        }
        lastCheckedKey = activeKey;
        List<RuleSource> tables = versions.activeSources();
        if (!checksum(sources(tables)).equals(live.get().filesChecksum())) {
            try {
                RuleSet refreshed = verified(checkStored(tables, "the active versions"), "the active versions");
                recordBeforeGoingLive(refreshed);
                live.set(refreshed);
                log.info("Rules {} activated from the database", live.get().checksum());
            } catch (RuleChangeRefusedException e) {
                // e.g. two nodes each changed a table, checked against the other's old version: together they fail
                log.error("The active rule versions ({}) fail the checks, do not compile or fail a scenario here; rules {} "
                        + "stay live:\n{}", versions.active().stream().map(v -> v.table() + " v" + v.version()).toList(),
                        live.get().checksum(), String.join("\n", e.problems()));
            }
        }
        return live.get();
    }

    /**
     * Stores the set this node is about to make live, in a transaction of its own: it may differ from what the node
     * that changed a table stored (say, another release's hand-written DRL). Should the database refuse, the set does
     * not go live, and the next poll tries again.
     */
    private void recordBeforeGoingLive(RuleSet rules) {
        try {
            transaction.executeWithoutResult(status -> ruleSets.record(rules, REFRESH));
        } catch (RuntimeException e) {
            lastCheckedKey = null;
            throw e;
        }
    }

    /** A spreadsheet dropped into the folder becomes a new version if it passes the checks. */
    synchronized void importChangedFolderTables() {
        for (RuleSource file : folderTables()) {
            String table = tableName(file);
            String checksum = sha256(file.content());
            if (checksum.equals(folderChecksums.get(table)) || versions.versionWithChecksum(table, checksum).isPresent()) {
                continue;
            }
            try {
                propose(table, file.content(), FOLDER_AUTHOR, "changed in " + properties.decisionTablesDir());
                folderChecksums.put(table, checksum);
            } catch (RuleChangeRefusedException refused) {
                folderChecksums.put(table, checksum); // reported once; a new save of the file is looked at again
                log.error("Refused {} from the folder; the live rules stay:\n{}", file.fileName(),
                        String.join("\n", refused.problems()));
            }
        }
    }

    /**
     * The active versions from the database, plus the folder's tables the database has never seen (first
     * start, or a table new in this release; they become version 1 once everything compiles). A release may
     * also change a table's code rows and the Java they call, so that the stored versions no longer compile:
     * then the folder's tables, which ship with the release, become the active versions after the usual checks
     * (the older versions stay listed).
     */
    private RuleSet startWithStoredOrReleasedTables() throws RuleChangeRefusedException {
        List<RuleSource> neverSeen = new ArrayList<>();
        List<InspectedTable> newTables = new ArrayList<>();
        for (RuleSource file : folderTables()) {
            if (!versions.hasVersions(tableName(file))) {
                newTables.add(check(tableName(file), file.content()));
                neverSeen.add(file);
            }
        }
        try {
            List<InspectedTable> tables = new ArrayList<>(checkStored(versions.activeSources(), "the active versions"));
            tables.addAll(newTables);
            RuleSet rules = verified(tables, "the active versions");
            activateFolderTables(neverSeen, "first import", rules);
            return rules;
        } catch (RuleChangeRefusedException outdated) {
            log.warn("The active rule versions fail the checks, do not compile or fail a scenario with this release; "
                    + "adopting the tables of {}:\n{}", properties.decisionTablesDir(), String.join("\n", outdated.problems()));
        }
        List<RuleSource> released = folderTables();
        List<InspectedTable> releasedTables = new ArrayList<>();
        for (RuleSource file : released) {
            releasedTables.add(check(tableName(file), file.content()));
        }
        RuleSet rules = verified(releasedTables, "the tables of " + properties.decisionTablesDir());
        activateFolderTables(released, "adopted with a new release", rules);
        return rules;
    }

    /** Stores and activates the folder's tables, and the rule set they are part of, in one transaction. */
    private void activateFolderTables(List<RuleSource> files, String comment, RuleSet rules) {
        transaction.executeWithoutResult(status -> {
            files.forEach(file -> {
                String table = tableName(file);
                String checksum = sha256(file.content());
                versions.activate(table, versions.add(table, file.content(), checksum, FOLDER_AUTHOR, comment));
                folderChecksums.put(table, checksum);
            });
            ruleSets.record(rules, STARTUP);
        });
    }

    /**
     * The one check every table gets before it may be compiled: a known table name, its approved header, and the
     * inspector's checks of every cell; the table in the only form the compiler takes.
     */
    private InspectedTable check(String table, byte[] content) throws RuleChangeRefusedException {
        return check(properties.drlDir(), table, content);
    }

    /** {@link #check(String, byte[])} against the approved headers in {@code drlDir/approved}. */
    static InspectedTable check(Path drlDir, String table, byte[] content) throws RuleChangeRefusedException {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new RuleChangeRefusedException(table, List.of("a table name is lower-case letters, digits and '-'"));
        }
        Path approvedFile = drlDir.resolve("approved").resolve(table + ".header");
        if (!Files.isRegularFile(approvedFile)) {
            throw new RuleChangeRefusedException(table, List.of("there is no approved header for table " + table
                    + " (rules/approved/" + table + ".header); new tables are added by developers"));
        }
        return DecisionTableInspector.inspect(table, content, readLines(approvedFile));
    }

    /** Stored versions, checked like a change; {@code change} names what is refused when one of them fails. */
    private List<InspectedTable> checkStored(List<RuleSource> stored, String change) throws RuleChangeRefusedException {
        List<InspectedTable> tables = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (RuleSource source : stored) {
            try {
                tables.add(check(tableName(source), source.content()));
            } catch (RuleChangeRefusedException refused) {
                refused.problems().forEach(problem -> problems.add("the active version of " + source.fileName() + ": " + problem));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleChangeRefusedException(change, problems);
        }
        return tables;
    }

    /**
     * The one way to rules that may go live or be previewed, whichever path asks (upload, preview, folder, rollback,
     * start-up, another node's change): checked tables, compiled, and every scenario of every table passing.
     * {@code change} names what is refused when a scenario fails.
     */
    private RuleSet verified(List<InspectedTable> tables, String change) throws RuleChangeRefusedException {
        RuleSet rules = build(tables);
        List<String> failures = new ArrayList<>();
        for (InspectedTable inspected : tables) {
            for (Scenario scenario : inspected.scenarios()) {
                for (ScenarioRunner runner : scenarioRunners) {
                    if (runner.tables().contains(scenario.table())) {
                        try {
                            runner.run(rules, scenario).ifPresent(failure -> failures.add(scenario.where() + ": " + failure));
                        } catch (RuntimeException unreadable) {
                            failures.add(scenario.where() + ": the scenario cannot be run (" + unreadable.getMessage() + ")");
                        }
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new RuleChangeRefusedException(change, failures);
        }
        return rules;
    }

    /** Compiles checked tables (in file-name order) and the hand-written DRL; the files' checksum sums what was read. */
    private RuleSet build(List<InspectedTable> tables) throws RuleChangeRefusedException {
        List<InspectedTable> sorted = tables.stream().sorted(Comparator.comparing(InspectedTable::fileName)).toList();
        List<RuleSource> drl = read(properties.drlDir(), ".drl");
        List<RuleSource> files = new ArrayList<>(sorted.stream().map(InspectedTable::source).toList());
        files.addAll(drl);
        try {
            return compiler.compile(sorted, drl, checksum(files));
        } catch (RuleCompilationException e) {
            throw new RuleChangeRefusedException("the rules", e.problems());
        }
    }

    private TableVersion versionInfo(String table, int version) {
        return versions.list(table).stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    /** Tables plus the hand-written DRL, in a stable order so that every node computes the same checksum. */
    private List<RuleSource> sources(List<RuleSource> tables) {
        List<RuleSource> sources = new ArrayList<>(tables.stream().sorted(Comparator.comparing(RuleSource::fileName)).toList());
        sources.addAll(read(properties.drlDir(), ".drl"));
        return sources;
    }

    private List<RuleSource> folderTables() {
        return read(properties.decisionTablesDir(), ".xlsx");
    }

    private static String tableName(RuleSource source) {
        return source.fileName().replaceFirst("\\.xlsx$", "");
    }

    static List<RuleSource> read(Path dir, String extension) {
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

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
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

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
