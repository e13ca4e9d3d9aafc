package org.tradeflow.edi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The documents we send trading partners (V28), and each partner's gap-free control number counter. */
@Repository
class OutboundStore {

    private static final String DOCUMENT = """
            select d.id, p.code, d.document_type, d.source_reference, d.interchange_control, d.group_control,
                   d.transaction_control, d.created_at, d.dropped_at, d.content
              from edi_outbound_document d join trading_partner p on p.id = d.partner_id""";
    private static final RowMapper<OutboundDocument> ROW = (rs, n) -> new OutboundDocument(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
            rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10));

    private final JdbcTemplate jdbc;

    OutboundStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the partner's counter row until the transaction ends (created at the partner's first document): the
     * documents of one partner are made one after the other, on every node.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockCounter(long partnerId) {
        jdbc.update("insert into edi_control_counter (partner_id, last_control) values (?, 0) on conflict do nothing", partnerId);
        jdbc.queryForObject("select last_control from edi_control_counter where partner_id = ? for update", Long.class, partnerId);
    }

    /** The partner's next control number, in the caller's transaction: a rollback gives it back. */
    @Transactional(propagation = Propagation.MANDATORY)
    long nextControl(long partnerId) {
        lockCounter(partnerId);
        return jdbc.queryForObject("""
                update edi_control_counter set last_control = case when last_control = 999999999 then 1 else last_control + 1 end
                 where partner_id = ? returning last_control""", Long.class, partnerId);
    }

    boolean exists(long partnerId, String type, String sourceReference) {
        return !jdbc.queryForList("""
                select 1 from edi_outbound_document where partner_id = ? and document_type = ? and source_reference = ?""",
                Integer.class, partnerId, type, sourceReference).isEmpty();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long insert(long partnerId, String type, String sourceReference, X12Writer.Envelope envelope, String groupControl,
                String transactionControl, String content) {
        return jdbc.queryForObject("""
                insert into edi_outbound_document (partner_id, document_type, source_reference, interchange_control,
                                                   group_control, transaction_control, created_at, content)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, partnerId, type, sourceReference,
                envelope.interchangeControl(), groupControl, transactionControl, Timestamp.from(envelope.at().toInstant()), content);
    }

    Optional<OutboundDocument> get(long id) {
        return jdbc.query(DOCUMENT + " where d.id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first; a null filter matches every document. */
    List<OutboundDocument> search(String partnerCode, String type, String sourceReference, int size) {
        StringBuilder sql = new StringBuilder(DOCUMENT).append(" where true");
        List<Object> args = new ArrayList<>();
        if (partnerCode != null) {
            sql.append(" and p.code = ?");
            args.add(partnerCode);
        }
        if (type != null) {
            sql.append(" and d.document_type = ?");
            args.add(type);
        }
        if (sourceReference != null) {
            sql.append(" and d.source_reference = ?");
            args.add(sourceReference);
        }
        sql.append(" order by d.created_at desc, d.id desc limit ?");
        args.add(size);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Documents not yet in their partner's outbox folder, oldest first. */
    List<Long> notDropped(int limit) {
        return jdbc.queryForList("select id from edi_outbound_document where dropped_at is null order by id limit ?", Long.class, limit);
    }

    void dropped(long id, Instant at) {
        jdbc.update("update edi_outbound_document set dropped_at = ? where id = ? and dropped_at is null", Timestamp.from(at), id);
    }
}
