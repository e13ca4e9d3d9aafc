package org.tradeflow.edi;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.account.AddressRepository;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;
import org.tradeflow.business.StateConflict;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sets up trading partners: their X12 identity, the buyer part numbers they order by and the ship-to locations they
 * name. Every field is checked as X12 carries it (lengths, characters no delimiter can be), the account, SKUs and
 * addresses must exist; a partner code or ISA sender taken, or an item or location twice, is a conflict.
 */
@Service
class TradingPartnerAdmin {

    /** Partner codes: ours, for folders and URLs too. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,31}");
    /** ISA05/07, N103: X12 identifiers (letters and digits). */
    private static final Pattern QUALIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern LOCATION_QUALIFIER = Pattern.compile("[A-Z0-9]{1,2}");
    /** ISA06/08, GS02/03, part numbers, location ids: X12 basic characters no delimiter is taken from, no padding. */
    private static final String SAFE = "[A-Za-z0-9.,&()/_#'+=@-]";
    private static final Pattern ISA_ID = Pattern.compile(SAFE + "(?:[A-Za-z0-9 .,&()/_#'+=@-]{0,13}" + SAFE + ")?");
    private static final Pattern GS_ID = Pattern.compile(SAFE + "[A-Za-z0-9 .,&()/_#'+=@-]{0,13}" + SAFE);
    private static final Pattern PART_NUMBER = Pattern.compile(SAFE + "(?:[A-Za-z0-9 .,&()/_#'+=@-]{0,46}" + SAFE + ")?");
    private static final Pattern LOCATION_ID = Pattern.compile(SAFE + "[A-Za-z0-9 .,&()/_#'+=@-]{0,78}" + SAFE);
    private static final Set<String> VERSIONS = Set.of("004010", "005010");
    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("997", "999");
    private static final Set<String> UNITS = Set.of("CA", "EA", "PK");
    /** Far beyond any partner's catalogue or store network. */
    static final int MAX_ENTRIES = 10_000;

    private final JdbcTemplate jdbc;
    private final AccountRepository accounts;
    private final AddressRepository addresses;
    private final ProductRepository products;

    TradingPartnerAdmin(JdbcTemplate jdbc, AccountRepository accounts, AddressRepository addresses, ProductRepository products) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.addresses = addresses;
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<PartnerView> list() {
        return jdbc.queryForList("select code from trading_partner order by code", String.class).stream().map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public PartnerView get(String code) {
        List<PartnerView> found = jdbc.query("""
                select id, code, account_code, isa_qualifier, isa_id, our_isa_qualifier, our_isa_id, gs_id, our_gs_id,
                       x12_version, acknowledgement, active from trading_partner where code = ?""",
                (rs, n) -> {
                    long id = rs.getLong(1);
                    return new PartnerView(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getBoolean(12), items(id), locations(id));
                }, code);
        return found.stream().findFirst().orElseThrow(() -> new PartnerNotFound(code));
    }

    @Transactional
    public PartnerView create(PartnerRequest request) {
        if (request == null) {
            throw new InvalidInput("body", "is missing: send the partner as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        check(errors, "code", request.code(), CODE, "capitals, digits, '-' and '_', at most 32");
        settings(request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (jdbc.queryForObject("select count(*) from trading_partner where code = ?", Integer.class, request.code()) > 0) {
            throw new StateConflict("edi-partner.exists", "Trading partner " + request.code() + " exists already");
        }
        senderFree(request, null);
        try {
            jdbc.update("""
                    insert into trading_partner (code, account_code, isa_qualifier, isa_id, our_isa_qualifier, our_isa_id, gs_id,
                                                 our_gs_id, x12_version, acknowledgement, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", request.code(), request.accountCode(), request.isaQualifier(),
                    request.isaId(), request.ourIsaQualifier(), request.ourIsaId(), request.gsId(), request.ourGsId(),
                    request.version(), acknowledgement(request), request.active() == null || request.active());
        } catch (DuplicateKeyException taken) {
            throw new StateConflict("edi-partner.exists", "Trading partner " + request.code() + " or its ISA sender "
                    + request.isaQualifier() + "/" + request.isaId() + " exists already");
        }
        return get(request.code());
    }

    @Transactional
    public PartnerView update(String code, PartnerRequest request) {
        long id = lock(code);
        if (request == null) {
            throw new InvalidInput("body", "is missing: send the partner's settings as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.code() != null && !request.code().equals(code)) {
            errors.add(new FieldError("code", "cannot be changed (the partner is " + code + "); leave it out"));
        }
        settings(request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        senderFree(request, id);
        String account = jdbc.queryForObject("select account_code from trading_partner where id = ?", String.class, id);
        if (!account.equals(request.accountCode())) {
            // its locations are addresses of the account it ordered for
            List<PartnerView.Location> locations = locations(id);
            for (int i = 0; i < locations.size(); i++) {
                if (addresses.findByAccountCodeAndCode(request.accountCode(), locations.get(i).addressCode()).isEmpty()) {
                    errors.add(new FieldError("accountCode", "account " + request.accountCode() + " has no delivery address '"
                            + locations.get(i).addressCode() + "' the partner's location " + locations.get(i).qualifier() + "/"
                            + locations.get(i).locationId() + " ships to; change the locations first"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
        try {
            jdbc.update("""
                    update trading_partner set account_code = ?, isa_qualifier = ?, isa_id = ?, our_isa_qualifier = ?,
                           our_isa_id = ?, gs_id = ?, our_gs_id = ?, x12_version = ?, acknowledgement = ?, active = ? where id = ?""",
                    request.accountCode(), request.isaQualifier(), request.isaId(), request.ourIsaQualifier(), request.ourIsaId(),
                    request.gsId(), request.ourGsId(), request.version(), acknowledgement(request),
                    request.active() == null || request.active(), id);
        } catch (DuplicateKeyException taken) {
            throw senderTaken(request);
        }
        return get(code);
    }

    @Transactional
    public PartnerView replaceItems(String code, List<PartnerView.Item> items) {
        long id = lock(code);
        if (items == null) {
            throw new InvalidInput("items", "is missing: send the list of cross-references (empty for none)");
        }
        if (items.size() > MAX_ENTRIES) {
            throw new InvalidInput("items", "at most " + MAX_ENTRIES + " cross-references, got " + items.size());
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PartnerView.Item item = items.get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                errors.add(new FieldError(at, "is null"));
                continue;
            }
            check(errors, at + ".buyerPartNumber", item.buyerPartNumber(), PART_NUMBER, "1 to 48 characters X12 carries "
                    + "(letters, digits, space inside, . , & ( ) / _ # ' + = @ -)");
            if (item.unitOfMeasure() == null || !UNITS.contains(item.unitOfMeasure())) {
                errors.add(new FieldError(at + ".unitOfMeasure", "must be CA, EA or PK"));
            }
            if (item.sku() == null || item.sku().isBlank() || item.sku().length() > 32) {
                errors.add(new FieldError(at + ".sku", "must be one of our SKUs"));
            }
            if (item.packFactor() == null || item.packFactor() < 1 || item.packFactor() > 10_000) {
                errors.add(new FieldError(at + ".packFactor", "must be a whole number from 1 to 10000"));
            }
        }
        Set<String> skus = items.stream().filter(item -> item != null && item.sku() != null).map(PartnerView.Item::sku)
                .collect(Collectors.toSet());
        Set<String> known = products.findBySkuIn(skus).stream().map(Product::getSku).collect(Collectors.toSet());
        for (int i = 0; i < items.size(); i++) {
            PartnerView.Item item = items.get(i);
            if (item != null && item.sku() != null && !item.sku().isBlank() && item.sku().length() <= 32 && !known.contains(item.sku())) {
                errors.add(new FieldError("items[" + i + "].sku", "no product '" + item.sku() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(items.get(i).buyerPartNumber() + " " + items.get(i).unitOfMeasure(), i);
            if (first != null) {
                throw new StateConflict("edi-partner.duplicate-item", "items[" + i + "]: buyer part number '"
                        + items.get(i).buyerPartNumber() + "' in " + items.get(i).unitOfMeasure() + " is items[" + first + "] already");
            }
        }
        jdbc.update("delete from trading_partner_item where partner_id = ?", id);
        jdbc.batchUpdate("""
                insert into trading_partner_item (partner_id, buyer_part_number, sku, unit_of_measure, pack_factor)
                values (?, ?, ?, ?, ?)""", items, 500, (ps, item) -> {
            ps.setLong(1, id);
            ps.setString(2, item.buyerPartNumber());
            ps.setString(3, item.sku());
            ps.setString(4, item.unitOfMeasure());
            ps.setInt(5, item.packFactor());
        });
        return get(code);
    }

    @Transactional
    public PartnerView replaceLocations(String code, List<PartnerView.Location> locations) {
        long id = lock(code);
        if (locations == null) {
            throw new InvalidInput("locations", "is missing: send the list of ship-to locations (empty for none)");
        }
        if (locations.size() > MAX_ENTRIES) {
            throw new InvalidInput("locations", "at most " + MAX_ENTRIES + " locations, got " + locations.size());
        }
        String account = jdbc.queryForObject("select account_code from trading_partner where id = ?", String.class, id);
        Set<String> addressCodes = addresses.findByAccountCode(account).stream().map(a -> a.getCode()).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            PartnerView.Location location = locations.get(i);
            String at = "locations[" + i + "]";
            if (location == null) {
                errors.add(new FieldError(at, "is null"));
                continue;
            }
            check(errors, at + ".qualifier", location.qualifier(), LOCATION_QUALIFIER, "an N103 code: 1 or 2 capitals or digits "
                    + "(UL, 92, 9, ...)");
            check(errors, at + ".locationId", location.locationId(), LOCATION_ID, "2 to 80 characters X12 carries "
                    + "(letters, digits, space inside, . , & ( ) / _ # ' + = @ -)");
            if (location.addressCode() == null || !addressCodes.contains(location.addressCode())) {
                errors.add(new FieldError(at + ".addressCode", "account " + account + " has no delivery address '"
                        + location.addressCode() + "'"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            Integer first = seen.putIfAbsent(locations.get(i).qualifier() + " " + locations.get(i).locationId(), i);
            if (first != null) {
                throw new StateConflict("edi-partner.duplicate-location", "locations[" + i + "]: ship-to '"
                        + locations.get(i).locationId() + "' (" + locations.get(i).qualifier() + ") is locations[" + first + "] already");
            }
        }
        jdbc.update("delete from trading_partner_location where partner_id = ?", id);
        jdbc.batchUpdate("""
                insert into trading_partner_location (partner_id, qualifier, location_id, address_code) values (?, ?, ?, ?)""",
                locations, 500, (ps, location) -> {
                    ps.setLong(1, id);
                    ps.setString(2, location.qualifier());
                    ps.setString(3, location.locationId());
                    ps.setString(4, location.addressCode());
                });
        return get(code);
    }

    private List<PartnerView.Item> items(long partnerId) {
        return jdbc.query("""
                select buyer_part_number, unit_of_measure, sku, pack_factor from trading_partner_item
                 where partner_id = ? order by buyer_part_number, unit_of_measure""",
                (rs, n) -> new PartnerView.Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), partnerId);
    }

    private List<PartnerView.Location> locations(long partnerId) {
        return jdbc.query("""
                select qualifier, location_id, address_code from trading_partner_location
                 where partner_id = ? order by qualifier, location_id""",
                (rs, n) -> new PartnerView.Location(rs.getString(1), rs.getString(2), rs.getString(3)), partnerId);
    }

    /** The partner's id, its row locked against a concurrent change. */
    private long lock(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new PartnerNotFound(code);
        }
        return jdbc.queryForList("select id from trading_partner where code = ? for update", Long.class, code).stream()
                .findFirst().orElseThrow(() -> new PartnerNotFound(code));
    }

    private void settings(PartnerRequest request, List<FieldError> errors) {
        if (request.accountCode() == null || request.accountCode().isBlank() || request.accountCode().length() > 32
                || accounts.findByCode(request.accountCode()).isEmpty()) {
            errors.add(new FieldError("accountCode", "no account '" + request.accountCode() + "'"));
        }
        check(errors, "isaQualifier", request.isaQualifier(), QUALIFIER, "an ISA05 qualifier: 2 capitals or digits (ZZ, 01, 12, 14)");
        check(errors, "isaId", request.isaId(), ISA_ID, "an ISA06 id: 1 to 15 characters X12 carries, no padding");
        check(errors, "ourIsaQualifier", request.ourIsaQualifier(), QUALIFIER, "an ISA07 qualifier: 2 capitals or digits");
        check(errors, "ourIsaId", request.ourIsaId(), ISA_ID, "an ISA08 id: 1 to 15 characters X12 carries, no padding");
        check(errors, "gsId", request.gsId(), GS_ID, "a GS02 code: 2 to 15 characters X12 carries");
        check(errors, "ourGsId", request.ourGsId(), GS_ID, "a GS03 code: 2 to 15 characters X12 carries");
        if (request.version() == null || !VERSIONS.contains(request.version())) {
            errors.add(new FieldError("version", "must be 004010 or 005010"));
        }
        if (request.acknowledgement() != null && !ACKNOWLEDGEMENTS.contains(request.acknowledgement())) {
            errors.add(new FieldError("acknowledgement", "must be 997 or 999"));
        }
    }

    private void senderFree(PartnerRequest request, Long self) {
        List<String> holders = jdbc.queryForList("""
                select code from trading_partner where isa_qualifier = ? and isa_id = ? and id is distinct from ?""",
                String.class, request.isaQualifier(), request.isaId(), self);
        if (!holders.isEmpty()) {
            throw new StateConflict("edi-partner.sender-taken", "ISA sender " + request.isaQualifier() + "/" + request.isaId()
                    + " is trading partner " + holders.get(0) + "'s");
        }
    }

    private static StateConflict senderTaken(PartnerRequest request) {
        return new StateConflict("edi-partner.sender-taken", "ISA sender " + request.isaQualifier() + "/" + request.isaId()
                + " is another trading partner's");
    }

    private static String acknowledgement(PartnerRequest request) {
        return request.acknowledgement() == null ? "997" : request.acknowledgement();
    }

    private static void check(List<FieldError> errors, String field, String value, Pattern pattern, String rule) {
        if (value == null || value.length() > 100 || !pattern.matcher(value).matches()) {
            errors.add(new FieldError(field, "must be " + rule));
        }
    }

    static final class PartnerNotFound extends NotFound {
        PartnerNotFound(String code) {
            super("edi-partner.not-found", "No trading partner " + (code == null || code.length() > 40 ? "with that code" : code));
        }
    }
}
