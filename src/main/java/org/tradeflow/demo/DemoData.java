package org.tradeflow.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.inventory.StockLedger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the demo company once into an empty database: accounts across groups, tiers, regions and currencies,
 * a catalog of real wholesale items (UCI Online Retail data set, CC BY 4.0), three warehouses with stock and
 * incoming supply, and an opening balance that brings one account close to its credit limit.
 */
@Component
@Profile("demo")
@Order(2)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** The data set prices in GBP; the demo sells in EUR and USD. */
    private static final BigDecimal EUR_PER_GBP = new BigDecimal("1.17");
    private static final BigDecimal USD_PER_GBP = new BigDecimal("1.27");
    /** Demo costs: a wholesaler's typical 45 % gross margin on list. */
    private static final BigDecimal COST_SHARE_OF_LIST = new BigDecimal("0.55");
    private static final long DEMO_DATA_LOCK = 0x7472616465L;

    private final JdbcTemplate jdbc;
    private final StockLedger ledger;
    private final Clock clock;

    DemoData(JdbcTemplate jdbc, StockLedger ledger, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        // Two nodes starting together against one database: the second waits here, then finds the data.
        jdbc.queryForObject("select pg_advisory_xact_lock(" + DEMO_DATA_LOCK + ")", Object.class);
        Integer accounts = jdbc.queryForObject("select count(*) from customer_account", Integer.class);
        if (accounts != null && accounts > 0) {
            billingAddresses(); // a demo database from before invoices named them
            tradingPartners(); // and from before EDI
            edifactPartner(); // and from before EDIFACT
            partnerLocations(); // and from before partners' ship-to locations
            return;
        }
        LocalDate today = LocalDate.now(clock);
        account("ACME-DE", "Acme Handels GmbH", "DEALER", "GOLD", "EU-CENTRAL", "EUR", 30, "50000", today.minusYears(6));
        account("ALPINE-AT", "Alpine Geschenke KG", "DEALER", "SILVER", "EU-CENTRAL", "EUR", 30, "20000", today.minusYears(2));
        account("NORD-SE", "Nordic Interiors AB", "WHOLESALE", "SILVER", "EU-NORTH", "EUR", 45, "30000", today.minusYears(4));
        account("BRIT-UK", "Britannia Gifts Ltd", "WHOLESALE", "GOLD", "UK", "EUR", 30, "60000", today.minusYears(8));
        account("HUDSON-US", "Hudson Home Supply Inc", "WHOLESALE", "GOLD", "US-EAST", "USD", 30, "80000", today.minusYears(5));
        account("PACIFIC-US", "Pacific Party Co", "DEALER", "BRONZE", "US-WEST", "USD", 15, "5000", today.minusYears(1));
        account("LONESTAR-US", "Lone Star Retail LLC", "RETAIL-CHAIN", "SILVER", "US-SOUTH", "USD", 60, "40000", today.minusDays(10));
        billingAddresses();
        // Acme pays on 2/10 net 30: two percent off when paid within ten days.
        jdbc.update("update customer_account set early_payment_percent = 2, early_payment_days = 10 where code = 'ACME-DE'");
        // Nordic Interiors negotiated price memory: it keeps the last price it paid (window in pricing.xlsx).
        jdbc.update("update customer_account set memorizes_prices = true where code = 'NORD-SE'");
        // Fill policies and service levels the order desk knows from the contracts.
        jdbc.update("update customer_account set sla = 'PREMIUM' where code in ('ACME-DE', 'BRIT-UK')");
        jdbc.update("update customer_account set fill_policy = 'SHIP_PARTIAL', accepts_substitutes = true where code = 'HUDSON-US'");
        jdbc.update("update customer_account set fill_policy = 'FILL_OR_KILL' where code = 'PACIFIC-US'");
        jdbc.update("update customer_account set fill_policy = 'MIN_FILL_RATE', min_fill_rate = 80 where code = 'NORD-SE'");

        // Acme also delivers to its Stockholm store (another ship-to region); Britannia to its Leeds depot.
        address("ACME-DE", "STORE-STHLM", "Acme Store Stockholm", "Drottninggatan 53", "111 21", "Stockholm", "SE", "EU-NORTH");
        address("ACME-DE", "STORE-WIEN", "Acme Store Wien", "Mariahilfer Strasse 77", "1060", "Wien", "AT", "EU-CENTRAL");
        address("BRIT-UK", "DEPOT-LEEDS", "Britannia Gifts Leeds depot", "Kirkstall Road 210", "LS4 2AZ", "Leeds", "GB", "UK");

        warehouse("WH-DE", "Hamburg distribution centre", "EU-CENTRAL", "DISTRIBUTION_CENTRE", "Europe/Berlin", "15:00", 1);
        warehouse("WH-NL", "Rotterdam 3PL", "EU-NORTH", "THIRD_PARTY", "Europe/Amsterdam", "12:00", 2);
        warehouse("WH-US", "Newark distribution centre", "US-EAST", "DISTRIBUTION_CENTRE", "America/New_York", "16:00", 1);
        // The lighting supplier ships directly when our own warehouses are out (its stock feed arrives as receipts).
        warehouse("DS-LUMA", "Lumalite supplier drop-ship", "EU-CENTRAL", "DROP_SHIP", "Europe/Berlin", "11:00", 3);

        List<String[]> products = readProducts();
        for (int i = 0; i < products.size(); i++) {
            String[] p = products.get(i);
            long productId = product(p[0], p[1], p[2], Integer.parseInt(p[3]), new BigDecimal(p[4]));
            int pack = Integer.parseInt(p[3]);
            // Deterministic, varied stock: some items are scarce in one warehouse, a few only in one region.
            stock("WH-DE", productId, pack * (40 + (i * 7) % 60));
            stock("WH-NL", productId, i % 5 == 0 ? 0 : pack * (10 + (i * 3) % 25));
            stock("WH-US", productId, i % 7 == 0 ? 0 : pack * (30 + (i * 11) % 50));
            if ("LIGHTING".equals(p[2])) {
                stock("DS-LUMA", productId, pack * 200);
            }
            if (i % 4 == 0) {
                jdbc.update("""
                        insert into incoming_supply (warehouse_id, product_id, quantity, expected_on, reference)
                        values ((select id from warehouse where code = ?), ?, ?, ?, ?)""",
                        i % 8 == 0 ? "WH-DE" : "WH-US", productId, pack * 50, today.plusDays(7 + i % 21), "PO-DEMO-" + (7000 + i));
            }
        }
        // The chocolate bottle is being replaced by the Scottie dog one.
        jdbc.update("update product set discontinued = true, substitute_sku = '22111' where sku = '22112'");
        // An opening balance from the previous system: Pacific Party Co is close to its 5,000 USD limit.
        jdbc.update("""
                insert into invoice (invoice_number, account_id, currency, net_total, tax_total, gross_total, issued_on, due_on, status)
                values ('OB-2024-0042', (select id from customer_account where code = 'PACIFIC-US'), 'USD', 4650.00, 0, 4650.00, ?, ?, 'OPEN')""",
                today.minusDays(20), today.minusDays(5));
        tradingPartners();
        edifactPartner();
        partnerLocations();
        log.info("Demo data loaded: 7 accounts, {} products, 3 warehouses and a drop-ship supplier", products.size());
    }

    private void account(String code, String name, String group, String tier, String region, String currency,
                         int termsDays, String creditLimit, LocalDate openedOn) {
        jdbc.update("""
                insert into customer_account (code, name, customer_group, tier, region, currency, payment_terms_days, credit_limit, opened_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", code, name, group, tier, region, currency, termsDays,
                new BigDecimal(creditLimit), openedOn);
    }

    /**
     * Two EDI trading partners: Hudson Home Supply (HUDSON-US) sends 004010 purchase orders as ZZ/HUDSONHOME, Lone Star
     * Retail (LONESTAR-US) 005010 ones as 01/078742090 (a DUNS number); both address us as ZZ/TRADEFLOW and want a 997.
     * Their part numbers map to our SKUs, a case (CA) holding as many selling units as our pack.
     */
    private void tradingPartners() {
        Integer partners = jdbc.queryForObject("select count(*) from trading_partner", Integer.class);
        if (partners != null && partners > 0) {
            return;
        }
        partner("HUDSON", "HUDSON-US", "ZZ", "HUDSONHOME", "HUDSONHOME", "004010");
        partner("LONESTAR", "LONESTAR-US", "01", "078742090", "078742090", "005010");
        item("HUDSON", "HH-HEART-TL", "85123A", "CA", 6);
        item("HUDSON", "HH-HEART-TL", "85123A", "EA", 1);
        item("HUDSON", "HH-CAKESTAND", "22423", "EA", 1);
        item("HUDSON", "HH-WARMER-BAB", "22834", "PK", 12);
        item("LONESTAR", "LS-100234", "85123A", "CA", 6);
        item("LONESTAR", "LS-100871", "22086", "PK", 6);
    }

    /**
     * An EDIFACT trading partner: EUROHANDEL sends ORDERS D96A for Britannia Gifts (BRIT-UK) as UNB sender SENDER1
     * (qualifier 14) to us as RECEIVER1 and wants a CONTRL, as the public sample smooks ORDERS_D96A does; its EAN item
     * numbers (LIN 7140, type SRS) map to our SKUs, one piece (PCE) being one selling unit.
     */
    private void edifactPartner() {
        Integer known = jdbc.queryForObject("select count(*) from trading_partner where code = 'EUROHANDEL'", Integer.class);
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("""
                insert into trading_partner (code, account_code, unb_sender_id, unb_sender_qualifier, our_unb_id, edifact_version,
                                             wants_contrl)
                values ('EUROHANDEL', 'BRIT-UK', 'SENDER1', '14', 'RECEIVER1', 'D96A', true)""");
        item("EUROHANDEL", "4000862141404", "85123A", "EA", 1);
        item("EUROHANDEL", "4000862141405", "22423", "EA", 1);
        item("EUROHANDEL", "4000862141406", "22834", "EA", 1);
        item("EUROHANDEL", "4000862141407", "22086", "CA", 6);
    }

    /**
     * The stores and depots the demo partners ship to, as their 850s name them in N1*ST: Hudson's Newark depot by its own
     * number (92), its Boston store by GLN (UL) and its Philadelphia store by DUNS+4 (9); Lone Star's Houston depot
     * (9) and Austin store (92). Each is a delivery address of the partner's account.
     */
    private void partnerLocations() {
        Integer locations = jdbc.queryForObject("select count(*) from trading_partner_location", Integer.class);
        if (locations != null && locations > 0) {
            return;
        }
        if (!addressExists("HUDSON-US", "DEPOT-NEWARK")) {
            address("HUDSON-US", "DEPOT-NEWARK", "Hudson Home Supply Newark depot", "1 Port Street", "07114", "Newark", "US", "US-EAST");
            address("HUDSON-US", "STORE-BOSTON", "Hudson Home Supply Boston", "100 Boylston Street", "02116", "Boston", "US", "US-EAST");
            address("HUDSON-US", "STORE-PHILLY", "Hudson Home Supply Philadelphia", "1500 Market Street", "19102", "Philadelphia", "US", "US-EAST");
        }
        if (!addressExists("LONESTAR-US", "DEPOT-HOUSTON")) {
            address("LONESTAR-US", "DEPOT-HOUSTON", "Lone Star Retail Houston depot", "8000 Harrisburg Boulevard", "77012", "Houston", "US", "US-SOUTH");
            address("LONESTAR-US", "STORE-AUSTIN", "Lone Star Retail Austin", "600 Congress Avenue", "78701", "Austin", "US", "US-SOUTH");
        }
        location("HUDSON", "92", "NWK01", "DEPOT-NEWARK");
        location("HUDSON", "UL", "0614141000012", "STORE-BOSTON");
        location("HUDSON", "9", "0003947268292", "STORE-PHILLY");
        location("LONESTAR", "9", "1223334445", "DEPOT-HOUSTON");
        location("LONESTAR", "92", "100", "STORE-AUSTIN");
    }

    private boolean addressExists(String accountCode, String code) {
        Integer found = jdbc.queryForObject("""
                select count(*) from customer_address a join customer_account c on c.id = a.account_id
                 where c.code = ? and a.code = ?""", Integer.class, accountCode, code);
        return found != null && found > 0;
    }

    private void location(String partner, String qualifier, String locationId, String addressCode) {
        jdbc.update("""
                insert into trading_partner_location (partner_id, qualifier, location_id, address_code)
                values ((select id from trading_partner where code = ?), ?, ?, ?)""", partner, qualifier, locationId, addressCode);
    }

    private void partner(String code, String accountCode, String qualifier, String isaId, String gsId, String version) {
        jdbc.update("""
                insert into trading_partner (code, account_code, isa_qualifier, isa_id, our_isa_qualifier, our_isa_id, gs_id,
                                             our_gs_id, x12_version, acknowledgement)
                values (?, ?, ?, ?, 'ZZ', 'TRADEFLOW', ?, 'TRADEFLOW', ?, '997')""", code, accountCode, qualifier, isaId, gsId, version);
    }

    private void item(String partner, String buyerPartNumber, String sku, String unit, int packFactor) {
        jdbc.update("""
                insert into trading_partner_item (partner_id, buyer_part_number, sku, unit_of_measure, pack_factor)
                values ((select id from trading_partner where code = ?), ?, ?, ?, ?)""", partner, buyerPartNumber, sku, unit, packFactor);
    }

    /** Where each demo account is billed (and its VAT id); only an account without a billing address gets one. */
    private void billingAddresses() {
        billing("ACME-DE", "Industriestrasse 12", "20097", "Hamburg", "DE", "DE811128135");
        billing("ALPINE-AT", "Getreidegasse 9", "5020", "Salzburg", "AT", "ATU12345675");
        billing("NORD-SE", "Sveavagen 44", "111 34", "Stockholm", "SE", "SE556036079301");
        billing("BRIT-UK", "Deansgate 120", "M3 2QJ", "Manchester", "GB", "GB980780684");
        billing("HUDSON-US", "350 Fifth Avenue", "10118", "New York", "US", null);
        billing("PACIFIC-US", "1 Market Street", "94105", "San Francisco", "US", null);
        billing("LONESTAR-US", "500 Commerce Street", "75202", "Dallas", "US", null);
    }

    private void billing(String accountCode, String street, String postalCode, String city, String country, String vatId) {
        jdbc.update("""
                update customer_account set street = ?, postal_code = ?, city = ?, country = ?, vat_id = ?
                 where code = ? and country is null""", street, postalCode, city, country, vatId, accountCode);
    }

    private void address(String accountCode, String code, String name, String street, String postalCode, String city,
                         String country, String region) {
        jdbc.update("""
                insert into customer_address (account_id, code, name, street, postal_code, city, country, region)
                values ((select id from customer_account where code = ?), ?, ?, ?, ?, ?, ?, ?)""",
                accountCode, code, name, street, postalCode, city, country, region);
    }

    private void warehouse(String code, String name, String region, String kind, String timeZone, String cutOff,
                           int handlingDays) {
        jdbc.update("""
                insert into warehouse (code, name, region, kind, time_zone, cut_off, handling_days)
                values (?, ?, ?, ?, ?, cast(? as time), ?)""", code, name, region, kind, timeZone, cutOff, handlingDays);
    }

    private long product(String sku, String name, String category, int packSize, BigDecimal gbpPrice) {
        Long id = jdbc.queryForObject("insert into product (sku, name, category, pack_size) values (?, ?, ?, ?) returning id",
                Long.class, sku, name, category, packSize);
        BigDecimal eur = gbpPrice.multiply(EUR_PER_GBP).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal usd = gbpPrice.multiply(USD_PER_GBP).setScale(2, RoundingMode.HALF_EVEN);
        jdbc.update("insert into product_price (product_id, currency, list_price, unit_cost) values (?, 'EUR', ?, ?), (?, 'USD', ?, ?)",
                id, eur, eur.multiply(COST_SHARE_OF_LIST), id, usd, usd.multiply(COST_SHARE_OF_LIST));
        return id;
    }

    private void stock(String warehouseCode, long productId, int quantity) {
        Long warehouseId = jdbc.queryForObject("select id from warehouse where code = ?", Long.class, warehouseCode);
        jdbc.update("insert into stock (warehouse_id, product_id) values (?, ?)", warehouseId, productId);
        if (quantity > 0) {
            ledger.receive(new StockLedger.StockKey(warehouseId, productId), quantity);
        }
    }

    private static List<String[]> readProducts() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/products.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                // sku,"name",category,pack_size,list_price_gbp — names are quoted and hold no quotes
                int open = line.indexOf('"');
                int close = line.lastIndexOf('"');
                String sku = line.substring(0, open - 1);
                String name = line.substring(open + 1, close);
                String[] rest = line.substring(close + 2).split(",");
                rows.add(new String[]{sku, name, rest[0], rest[1], rest[2]});
            }
        }
        return rows;
    }
}
