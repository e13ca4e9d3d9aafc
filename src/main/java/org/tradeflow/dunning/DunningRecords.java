package org.tradeflow.dunning;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;

/** Dunning's own tables (V26): the notices sent, the disputes, and the view of what blocks an account's orders. */
@Repository
class DunningRecords {

    private static final RowMapper<DunningNotice> NOTICE = (rs, row) -> new DunningNotice(rs.getLong("invoice_id"),
            rs.getString("invoice_number"), rs.getString("account_code"), rs.getInt("level"),
            rs.getObject("issued_on", java.time.LocalDate.class), rs.getInt("days_overdue"), rs.getBigDecimal("open_amount"),
            rs.getString("currency"), rs.getBigDecimal("fee"), rs.getBigDecimal("interest_percent"), rs.getBigDecimal("interest"),
            rs.getInt("wait_days"), rs.getBoolean("blocks_orders"), rs.getBoolean("call_customer"), rs.getString("rule"),
            rs.getString("call_outcome"), rs.getString("call_comment"), rs.getString("called_by"), instant(rs.getTimestamp("called_at")));
    private static final RowMapper<InvoiceDispute> DISPUTE = (rs, row) -> new InvoiceDispute(rs.getLong("invoice_id"),
            rs.getString("invoice_number"), rs.getString("account_code"), rs.getString("reason"), rs.getString("disputed_by"),
            instant(rs.getTimestamp("disputed_at")), rs.getString("lifted_by"), instant(rs.getTimestamp("lifted_at")));

    private final NamedParameterJdbcTemplate jdbc;

    DunningRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a notice; false when this level of the invoice was recorded already (by another server's run). */
    boolean insert(DunningNotice notice) {
        return jdbc.update("""
                insert into dunning_notice (invoice_id, invoice_number, account_code, level, issued_on, days_overdue, open_amount,
                                            currency, fee, interest_percent, interest, wait_days, blocks_orders, call_customer, rule)
                values (:invoiceId, :invoiceNumber, :accountCode, :level, :issuedOn, :daysOverdue, :openAmount, :currency, :fee,
                        :interestPercent, :interest, :waitDays, :blocksOrders, :callCustomer, :rule)
                on conflict (invoice_id, level) do nothing""", new MapSqlParameterSource()
                .addValue("invoiceId", notice.invoiceId()).addValue("invoiceNumber", notice.invoiceNumber())
                .addValue("accountCode", notice.accountCode()).addValue("level", notice.level())
                .addValue("issuedOn", notice.issuedOn()).addValue("daysOverdue", notice.daysOverdue())
                .addValue("openAmount", notice.openAmount()).addValue("currency", notice.currency())
                .addValue("fee", notice.fee()).addValue("interestPercent", notice.interestPercent())
                .addValue("interest", notice.interest()).addValue("waitDays", notice.waitDays())
                .addValue("blocksOrders", notice.blocksOrders()).addValue("callCustomer", notice.callCustomer())
                .addValue("rule", notice.rule())) == 1;
    }

    /** The invoice's notices, first level first. */
    List<DunningNotice> notices(long invoiceId) {
        return jdbc.query("select * from dunning_notice where invoice_id = :id order by level", Map.of("id", invoiceId), NOTICE);
    }

    Optional<DunningNotice> latest(long invoiceId) {
        return jdbc.query("select * from dunning_notice where invoice_id = :id order by level desc limit 1",
                Map.of("id", invoiceId), NOTICE).stream().findFirst();
    }

    /** Of these invoices, the latest notice of each that has one. */
    Map<Long, DunningNotice> latest(Collection<Long> invoiceIds) {
        Map<Long, DunningNotice> latest = new HashMap<>();
        if (!invoiceIds.isEmpty()) {
            jdbc.query("""
                    select distinct on (invoice_id) * from dunning_notice where invoice_id in (:ids)
                     order by invoice_id, level desc""", Map.of("ids", invoiceIds), NOTICE)
                    .forEach(notice -> latest.put(notice.invoiceId(), notice));
        }
        return latest;
    }

    /** Of these invoices, those with an open dispute. */
    Set<Long> disputed(Collection<Long> invoiceIds) {
        return invoiceIds.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList(
                "select invoice_id from invoice_dispute where invoice_id in (:ids) and lifted_at is null",
                Map.of("ids", invoiceIds), Long.class));
    }

    void recordCall(long invoiceId, int level, String outcome, String comment, String by, Instant at) {
        jdbc.update("""
                update dunning_notice set call_outcome = :outcome, call_comment = :comment, called_by = :by, called_at = :at
                 where invoice_id = :invoiceId and level = :level""", new MapSqlParameterSource()
                .addValue("outcome", outcome).addValue("comment", comment).addValue("by", by)
                .addValue("at", Timestamp.from(at)).addValue("invoiceId", invoiceId).addValue("level", level));
    }

    Optional<InvoiceDispute> openDispute(long invoiceId) {
        return jdbc.query("select * from invoice_dispute where invoice_id = :id and lifted_at is null",
                Map.of("id", invoiceId), DISPUTE).stream().findFirst();
    }

    /** Opens a dispute; false when one is open already (a concurrent call opened it). */
    boolean openDispute(InvoiceDispute dispute) {
        return jdbc.update("""
                insert into invoice_dispute (invoice_id, invoice_number, account_code, reason, disputed_by, disputed_at)
                values (:invoiceId, :invoiceNumber, :accountCode, :reason, :by, :at)
                on conflict (invoice_id) where lifted_at is null do nothing""", new MapSqlParameterSource()
                .addValue("invoiceId", dispute.invoiceId()).addValue("invoiceNumber", dispute.invoiceNumber())
                .addValue("accountCode", dispute.accountCode()).addValue("reason", dispute.reason())
                .addValue("by", dispute.disputedBy()).addValue("at", Timestamp.from(dispute.disputedAt()))) == 1;
    }

    /** Lifts the open dispute; false when none was open. */
    boolean liftDispute(long invoiceId, String by, Instant at) {
        return jdbc.update("""
                update invoice_dispute set lifted_by = :by, lifted_at = :at where invoice_id = :invoiceId and lifted_at is null""",
                new MapSqlParameterSource().addValue("by", by).addValue("at", Timestamp.from(at)).addValue("invoiceId", invoiceId)) == 1;
    }

    /** Invoices of the account with an open dispute. */
    List<Long> disputedInvoiceIds(String accountCode) {
        return jdbc.queryForList("select invoice_id from invoice_dispute where account_code = :code and lifted_at is null",
                Map.of("code", accountCode), Long.class);
    }

    /** What the view dunning_block says holds the account's orders: invoice id to invoice number and level, lowest id first. */
    List<Block> blocks(String accountCode) {
        return jdbc.query("select invoice_id, invoice_number, level from dunning_block where account_code = :code order by invoice_id",
                Map.of("code", accountCode), (rs, row) -> new Block(rs.getLong("invoice_id"), rs.getString("invoice_number"), rs.getInt("level")));
    }

    /** The account's invoices that got a final notice (finance calls about them), invoice number to id. */
    Map<String, Long> finalNotices(String accountCode) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select invoice_number, invoice_id from dunning_notice where account_code = :code and call_customer",
                Map.of("code", accountCode), rs -> {
                    ids.put(rs.getString("invoice_number"), rs.getLong("invoice_id"));
                });
        return ids;
    }

    record Block(long invoiceId, String invoiceNumber, int level) {
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
