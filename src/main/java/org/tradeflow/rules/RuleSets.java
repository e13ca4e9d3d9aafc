package org.tradeflow.rules;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tradeflow.rules.RuleSet.Member;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Every rule set that went live, under its checksum; append-only (the database refuses changes). */
@Repository
class RuleSets {

    private final NamedParameterJdbcTemplate jdbc;

    RuleSets(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a rule set about to go live, unless it is stored already (another node, or an earlier time it was live).
     * Call within the transaction that stores its table versions: a table member names its version by file checksum,
     * and a version that is not there fails the insert.
     */
    void record(RuleSet rules, String by) {
        MapSqlParameterSource set = new MapSqlParameterSource("checksum", rules.checksum()).addValue("by", by);
        int inserted = jdbc.update("""
                insert into rule_set (checksum, went_live_by) values (:checksum, :by)
                on conflict (checksum) do nothing""", set);
        if (inserted == 0) {
            return; // the members were stored with the set, in the same transaction
        }
        List<Member> members = rules.members();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[members.size()];
        for (int position = 0; position < members.size(); position++) {
            Member member = members.get(position);
            rows[position] = new MapSqlParameterSource("checksum", rules.checksum()).addValue("position", position + 1)
                    .addValue("source", member.sourceName()).addValue("table", member.table())
                    .addValue("tableChecksum", member.tableChecksum()).addValue("drl", member.drl());
        }
        jdbc.batchUpdate("""
                insert into rule_set_member (checksum, position, source_name, table_name, table_version_id, drl)
                values (:checksum, :position, :source, cast(:table as varchar),
                        (select id from rule_table_version where table_name = :table and checksum = :tableChecksum), :drl)""", rows);
    }

    Optional<StoredRuleSet> find(String checksum) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("checksum", checksum);
        List<StoredRuleSet.Member> members = jdbc.query("""
                select m.position, m.source_name, m.table_name, v.version_no, v.checksum as table_checksum, m.drl
                  from rule_set_member m left join rule_table_version v on v.id = m.table_version_id
                 where m.checksum = :checksum order by m.position""", parameters,
                (rs, row) -> new StoredRuleSet.Member(rs.getInt("position"), rs.getString("source_name"),
                        rs.getString("table_name"), rs.getObject("version_no", Integer.class), rs.getString("table_checksum"),
                        rs.getString("drl")));
        return jdbc.query("select checksum, went_live_at, went_live_by from rule_set where checksum = :checksum", parameters,
                (rs, row) -> new StoredRuleSet(rs.getString("checksum"), rs.getObject("went_live_at", OffsetDateTime.class),
                        rs.getString("went_live_by"), members)).stream().findFirst();
    }
}
