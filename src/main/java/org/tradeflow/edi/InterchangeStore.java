package org.tradeflow.edi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Received interchanges, with their transactions and acknowledgement. */
@Repository
class InterchangeStore {

    private final JdbcTemplate jdbc;

    InterchangeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long nextAcknowledgementControl() {
        return jdbc.queryForObject("select nextval('edi_acknowledgement_control_seq')", Long.class);
    }

    /** The 850 an order came from: its partner, the interchange it came in and that transaction set's ST02. */
    record OrderSource(long orderId, long partnerId, long interchangeId, String controlNumber, byte[] raw) {
    }

    /** Where an order came from by X12 EDI; empty for an order that came otherwise (EDIFACT partners get no outbound documents yet). */
    Optional<OrderSource> sourceOf(String orderNumber) {
        return jdbc.query("""
                select t.order_id, i.partner_id, i.id, t.control_number, i.raw from edi_transaction t
                  join edi_interchange i on i.id = t.interchange_id
                 where t.order_number = ? and i.partner_id is not null and i.syntax = 'X12' order by t.id limit 1""",
                (rs, n) -> new OrderSource(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getBytes(5)), orderNumber)
                .stream().findFirst();
    }

    Optional<Long> find(long partnerId, String controlNumber) {
        return find(partnerId, "X12", controlNumber);
    }

    Optional<Long> find(long partnerId, String syntax, String controlNumber) {
        return jdbc.queryForList("select id from edi_interchange where partner_id = ? and syntax = ? and control_number = ?",
                Long.class, partnerId, syntax, controlNumber).stream().findFirst();
    }

    /** The interchange and its transactions, together; a twin of the same partner and ISA13 fails on the unique key. */
    @Transactional
    long insert(Long partnerId, X12Interchange.Isa isa, String user, Instant receivedAt, String status, List<String> reasons,
                byte[] raw, String acknowledgement, List<InterchangeView.TransactionResult> transactions) {
        return insert("X12", partnerId, bounded(isa.senderQualifier(), 2), bounded(isa.senderId(), 15),
                bounded(isa.controlNumber(), 9), user, receivedAt, status, reasons, raw, acknowledgement, transactions);
    }

    /** An EDIFACT interchange: its UNB sender (qualifier empty when it names none) and control reference (0020). */
    @Transactional
    long insertEdifact(Long partnerId, EdifactInterchange.Unb unb, String user, Instant receivedAt, String status,
                       List<String> reasons, byte[] raw, String acknowledgement,
                       List<InterchangeView.TransactionResult> transactions) {
        return insert("EDIFACT", partnerId, bounded(unb.senderQualifier(), 4), bounded(unb.senderId(), 35),
                bounded(unb.controlReference(), 14), user, receivedAt, status, reasons, raw, acknowledgement, transactions);
    }

    private long insert(String syntax, Long partnerId, String senderQualifier, String senderId, String controlNumber,
                        String user, Instant receivedAt, String status, List<String> reasons, byte[] raw,
                        String acknowledgement, List<InterchangeView.TransactionResult> transactions) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into edi_interchange (partner_id, sender_qualifier, sender_id, control_number, received_by,
                                                 received_at, status, reasons, raw, acknowledgement, syntax)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setObject(1, partnerId);
            insert.setString(2, senderQualifier);
            insert.setString(3, senderId);
            insert.setString(4, controlNumber);
            insert.setString(5, user);
            insert.setTimestamp(6, Timestamp.from(receivedAt));
            insert.setString(7, status);
            insert.setString(8, reasons.isEmpty() ? null : String.join("\n", reasons));
            insert.setBytes(9, raw);
            insert.setString(10, acknowledgement);
            insert.setString(11, syntax);
            return insert;
        }, key);
        long id = key.getKey().longValue();
        for (InterchangeView.TransactionResult transaction : transactions) {
            jdbc.update("""
                    insert into edi_transaction (interchange_id, group_control, control_number, transaction_type, po_number,
                                                 order_id, order_number, rejection)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", id, bounded(transaction.groupControlNumber(), 14),
                    bounded(transaction.controlNumber(), 14), bounded(transaction.type(), 6), bounded(transaction.poNumber(), 64),
                    transaction.orderId(), transaction.orderNumber(), bounded(transaction.rejection(), 2000));
        }
        return id;
    }

    Optional<InterchangeView> view(long id) {
        return jdbc.query("""
                select i.id, p.code, i.sender_qualifier || '/' || i.sender_id, i.control_number, i.received_at, i.received_by,
                       i.status, i.reasons, i.acknowledgement, i.syntax
                  from edi_interchange i left join trading_partner p on p.id = i.partner_id where i.id = ?""",
                (rs, n) -> new InterchangeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getString(8) == null ? List.of() : Arrays.asList(rs.getString(8).split("\n")),
                        transactions(rs.getLong(1)), rs.getString(9), rs.getString(10)), id).stream().findFirst();
    }

    List<Long> ids(String status, int size) {
        return status == null
                ? jdbc.queryForList("select id from edi_interchange order by received_at desc, id desc limit ?", Long.class, size)
                : jdbc.queryForList("select id from edi_interchange where status = ? order by received_at desc, id desc limit ?",
                Long.class, status, size);
    }

    private List<InterchangeView.TransactionResult> transactions(long interchangeId) {
        return jdbc.query("""
                select group_control, control_number, transaction_type, po_number, order_id, order_number, rejection
                  from edi_transaction where interchange_id = ? order by id""",
                (rs, n) -> new InterchangeView.TransactionResult(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7)), interchangeId);
    }

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
