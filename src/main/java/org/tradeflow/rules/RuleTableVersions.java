package org.tradeflow.rules;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The stored versions of the decision tables. */
@Repository
class RuleTableVersions {

    /** "rules" in ASCII, beyond the 32-bit range of the per-table lock keys. */
    private static final long RULE_CHANGES = 0x72_75_6C_65_73L;

    private final NamedParameterJdbcTemplate jdbc;

    RuleTableVersions(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RuleSource> activeSources() {
        return jdbc.query("select table_name, content from rule_table_version where active order by table_name",
                (rs, row) -> new RuleSource(rs.getString("table_name") + ".xlsx", rs.getBytes("content")));
    }

    Optional<RuleSource> source(String tableName, int versionNo) {
        return jdbc.query("select content from rule_table_version where table_name = :name and version_no = :version",
                new MapSqlParameterSource("name", tableName).addValue("version", versionNo),
                (rs, row) -> new RuleSource(tableName + ".xlsx", rs.getBytes("content"))).stream().findFirst();
    }

    Optional<Integer> versionWithChecksum(String tableName, String checksum) {
        return jdbc.queryForList("select version_no from rule_table_version where table_name = :name and checksum = :checksum",
                new MapSqlParameterSource("name", tableName).addValue("checksum", checksum), Integer.class).stream().findFirst();
    }

    boolean hasVersions(String tableName) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from rule_table_version where table_name = :name)",
                new MapSqlParameterSource("name", tableName), Boolean.class));
    }

    /**
     * Stores a version (numbers are per table: 1, 2, 3, ...) and returns its number; content stored before
     * keeps its number. Call within a transaction.
     */
    int add(String tableName, byte[] content, String checksum, String author, String comment) {
        // Serialises version numbering per table across nodes.
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(:name))", new MapSqlParameterSource("name", tableName), Object.class);
        Optional<Integer> known = versionWithChecksum(tableName, checksum);
        if (known.isPresent()) {
            return known.get();
        }
        Integer next = jdbc.queryForObject("select coalesce(max(version_no), 0) + 1 from rule_table_version where table_name = :name",
                new MapSqlParameterSource("name", tableName), Integer.class);
        jdbc.update("""
                insert into rule_table_version (table_name, version_no, checksum, content, author, comment)
                values (:name, :version, :checksum, :content, :author, :comment)""",
                new MapSqlParameterSource("name", tableName).addValue("version", next).addValue("checksum", checksum)
                        .addValue("content", content).addValue("author", author).addValue("comment", comment));
        return next;
    }

    /**
     * Takes the lock every rule change holds until its transaction ends, on every node sharing the database: a
     * key apart from the per-table locks ({@code hashtext} gives a 32-bit number). Take it before those.
     */
    void lockRuleChanges() {
        jdbc.queryForObject("select pg_advisory_xact_lock(:key)", new MapSqlParameterSource("key", RULE_CHANGES), Object.class);
    }

    /** Makes one version the active one of its table; call within a transaction. */
    void activate(String tableName, int versionNo) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("name", tableName).addValue("version", versionNo);
        // The same per-table lock as numbering: two nodes activating at once take turns.
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(:name))", parameters, Object.class);
        jdbc.update("update rule_table_version set active = false where table_name = :name and active", parameters);
        // The database's time, as for created_at (its column default): both times of a version come from one clock,
        // whichever node wrote them.
        jdbc.update("update rule_table_version set active = true, activated_at = now() where table_name = :name and version_no = :version",
                parameters);
    }

    List<TableVersion> list(String tableName) {
        return jdbc.query("""
                select table_name, version_no, checksum, author, comment, created_at, active, activated_at, length(content) as size
                  from rule_table_version where table_name = :name order by version_no desc""",
                new MapSqlParameterSource("name", tableName), RuleTableVersions::version);
    }

    List<TableVersion> active() {
        return jdbc.query("""
                select table_name, version_no, checksum, author, comment, created_at, active, activated_at, length(content) as size
                  from rule_table_version where active order by table_name""", RuleTableVersions::version);
    }

    private static TableVersion version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new TableVersion(rs.getString("table_name"), rs.getInt("version_no"), rs.getString("checksum"),
                rs.getString("author"), rs.getString("comment"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getBoolean("active"), rs.getObject("activated_at", OffsetDateTime.class), rs.getInt("size"));
    }
}
