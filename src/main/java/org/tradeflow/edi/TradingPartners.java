package org.tradeflow.edi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The trading partners we take interchanges from, known by their ISA sender, and their item cross-references. */
@Repository
class TradingPartners {

    private final JdbcTemplate jdbc;

    TradingPartners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A partner: who it orders for, how it is addressed and addresses us, its X12 version and acknowledgement. */
    record Partner(long id, String code, String accountCode, String isaQualifier, String isaId, String ourIsaQualifier,
                   String ourIsaId, String gsId, String ourGsId, String version, String acknowledgement, boolean active) {
    }

    /** How many of our selling units of the SKU one of the partner's units (CA, EA, PK) of its part number holds. */
    record Item(String buyerPartNumber, String unitOfMeasure, String sku, int packFactor) {
    }

    private static final String PARTNER = """
            select id, code, account_code, isa_qualifier, isa_id, our_isa_qualifier, our_isa_id, gs_id, our_gs_id,
                   x12_version, acknowledgement, active
              from trading_partner""";

    /** Every partner's code: the drop folders. */
    List<String> codes() {
        return jdbc.queryForList("select code from trading_partner order by code", String.class);
    }

    Optional<Partner> bySender(String qualifier, String id) {
        return jdbc.query(PARTNER + " where isa_qualifier = ? and isa_id = ?", TradingPartners::partner, qualifier, id)
                .stream().findFirst();
    }

    Optional<Partner> byId(long id) {
        return jdbc.query(PARTNER + " where id = ?", TradingPartners::partner, id).stream().findFirst();
    }

    Optional<Partner> byCode(String code) {
        return jdbc.query(PARTNER + " where code = ?", TradingPartners::partner, code).stream().findFirst();
    }

    private static Partner partner(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Partner(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getBoolean(12));
    }

    /** The partner's cross-reference for one of our SKUs (a substitute it never ordered), its smallest unit first. */
    Optional<Item> itemForSku(long partnerId, String sku) {
        return jdbc.query("""
                select buyer_part_number, unit_of_measure, sku, pack_factor from trading_partner_item
                 where partner_id = ? and sku = ? order by pack_factor, id limit 1""",
                (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), partnerId, sku)
                .stream().findFirst();
    }

    /** An EDIFACT partner: its UNB sender (id, qualifier or null), the recipient id it addresses us as, its version. */
    record EdifactPartner(long id, String code, String accountCode, String senderId, String senderQualifier,
                          String ourRecipientId, String version, boolean wantsContrl, boolean active) {
    }

    /** The partner sending as this UNB sender id and qualifier (null when the UNB names none). */
    Optional<EdifactPartner> byUnbSender(String qualifier, String id) {
        return jdbc.query("""
                select id, code, account_code, unb_sender_id, unb_sender_qualifier, our_unb_id, edifact_version, wants_contrl,
                       active
                  from trading_partner where unb_sender_id = ? and coalesce(unb_sender_qualifier, '') = ?""",
                (rs, n) -> new EdifactPartner(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9)),
                id, qualifier == null ? "" : qualifier).stream().findFirst();
    }

    /**
     * The partner's cross-references for the buyer part numbers of one purchase order, in every unit, read in one query
     * however many lines it has.
     */
    CrossReference crossReference(long partnerId, Collection<String> buyerPartNumbers) {
        List<Item> items = buyerPartNumbers.isEmpty() ? List.of() : jdbc.query("""
                select buyer_part_number, unit_of_measure, sku, pack_factor from trading_partner_item
                 where partner_id = ? and buyer_part_number = any (?)""",
                (rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                partnerId, buyerPartNumbers.stream().map(TradingPartners::partnerNumber).distinct().toArray(String[]::new));
        return new CrossReference(items);
    }

    /** A partner's cross-references for the part numbers of one purchase order. */
    static final class CrossReference {

        private final Map<List<String>, Item> byNumberAndUnit = new HashMap<>();

        private CrossReference(List<Item> items) {
            items.forEach(item -> byNumberAndUnit.put(List.of(item.buyerPartNumber(), item.unitOfMeasure()), item));
        }

        /** The first of these part numbers (in the order given) that has a cross-reference in this unit. */
        Optional<Item> first(Collection<String> buyerPartNumbers, String unitOfMeasure) {
            return buyerPartNumbers.stream().map(number -> byNumberAndUnit.get(List.of(number, unitOfMeasure)))
                    .filter(Objects::nonNull).findFirst();
        }
    }

    /** The delivery address code (of the partner's account) a ship-to location id (N103/N104) stands for. */
    Optional<String> location(long partnerId, String qualifier, String locationId) {
        if (qualifier.length() > 2 || locationId.length() > 80) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                select address_code from trading_partner_location where partner_id = ? and qualifier = ? and location_id = ?""",
                String.class, partnerId, qualifier, locationId).stream().findFirst();
    }

    private static String partnerNumber(String partNumber) {
        return partNumber.length() > 48 ? partNumber.substring(0, 48) : partNumber;
    }
}
