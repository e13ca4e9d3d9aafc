package org.tradeflow.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.inventory.StockLedger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data of each test's own, written through the same ledger the application uses. */
@Component
public class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final StockLedger ledger;
    private final TransactionTemplate transaction;

    Fixtures(JdbcTemplate jdbc, StockLedger ledger, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.transaction = transaction;
    }

    /** A unique customer PO number, so tests never collide on the account + PO idempotency rule. */
    public static String poNumber() {
        return "PO-T" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new GIFTS product (few rules apply) listed at 10.00 EUR / 12.00 USD, pack of 1, with this stock. */
    public String product(Map<String, Integer> stockByWarehouse) {
        return product(stockByWarehouse, "10.00");
    }

    public String product(Map<String, Integer> stockByWarehouse, String eurListPrice) {
        return product(stockByWarehouse, eurListPrice, null);
    }

    /** With a unit cost in EUR, so the margin floor applies. */
    public String product(Map<String, Integer> stockByWarehouse, String eurListPrice, String eurUnitCost) {
        return product("GIFTS", stockByWarehouse, eurListPrice, eurUnitCost);
    }

    /** A product of another category (routing and policy rows differ by category), pack of 1. */
    public String productIn(String category, Map<String, Integer> stockByWarehouse) {
        return product(category, stockByWarehouse, "10.00", null);
    }

    private String product(String category, Map<String, Integer> stockByWarehouse, String eurListPrice, String eurUnitCost) {
        String sku = "T" + System.nanoTime() % 1_000_000_000L + SEQUENCE.incrementAndGet();
        transaction.executeWithoutResult(status -> {
            Long productId = jdbc.queryForObject(
                    "insert into product (sku, name, category, pack_size) values (?, ?, ?, 1) returning id",
                    Long.class, sku, "Test item " + sku, category);
            jdbc.update("insert into product_price (product_id, currency, list_price, unit_cost) values (?, 'EUR', ?, ?), (?, 'USD', ?, null)",
                    productId, new BigDecimal(eurListPrice), eurUnitCost == null ? null : new BigDecimal(eurUnitCost),
                    productId, new BigDecimal("12.00"));
            for (String warehouse : new String[]{"WH-DE", "WH-NL", "WH-US", "DS-LUMA"}) {
                Long warehouseId = jdbc.queryForObject("select id from warehouse where code = ?", Long.class, warehouse);
                jdbc.update("insert into stock (warehouse_id, product_id) values (?, ?)", warehouseId, productId);
                int quantity = stockByWarehouse.getOrDefault(warehouse, 0);
                if (quantity > 0) {
                    ledger.receive(new StockLedger.StockKey(warehouseId, productId), quantity);
                }
            }
        });
        return sku;
    }

    /**
     * Many new GIFTS products at once (listed at this EUR price and 12.00 USD, pack of 1), each with this stock, written
     * in a few set-based statements: the receipts still go into the ledger, whose trigger books them. Their SKUs, in order.
     */
    public java.util.List<String> products(int count, Map<String, Integer> stockByWarehouse, String eurListPrice) {
        String prefix = "B" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet() + "-";
        return transaction.execute(status -> {
            java.util.List<Long> ids = jdbc.queryForList("""
                    insert into product (sku, name, category, pack_size)
                    select ? || lpad(n::text, 5, '0'), 'Test item ' || ? || n, 'GIFTS', 1 from generate_series(1, ?) n
                    returning id""", Long.class, prefix, prefix, count);
            Long[] idArray = ids.toArray(Long[]::new);
            java.sql.Array productIds = jdbc.execute((java.sql.Connection c) -> c.createArrayOf("bigint", idArray));
            jdbc.update("""
                    insert into product_price (product_id, currency, list_price)
                    select id, c.currency, c.price from unnest(?) id
                     cross join (values ('EUR', ?::numeric), ('USD', 12.00)) c (currency, price)""",
                    productIds, new BigDecimal(eurListPrice));
            jdbc.update("insert into stock (warehouse_id, product_id) select w.id, p from warehouse w cross join unnest(?) p",
                    productIds);
            stockByWarehouse.forEach((warehouse, quantity) -> jdbc.update("""
                    insert into stock_movement (warehouse_id, product_id, kind, on_hand_delta, reserved_delta)
                    select (select id from warehouse where code = ?), p, 'RECEIPT', ?, 0 from unnest(?) p""",
                    warehouse, quantity, productIds));
            return jdbc.queryForList("select sku from product where id = any(?) order by sku", String.class, productIds);
        });
    }

    /**
     * A new account with the terms, group, region and limit of a demo account, so that a test's open orders never
     * eat into the credit another test relies on. Returns its code.
     */
    public String accountLike(String demoAccount) {
        String code = "T-" + (System.nanoTime() % 1_000_000_000L) + "-" + SEQUENCE.incrementAndGet();
        jdbc.update("""
                insert into customer_account (code, name, customer_group, tier, region, currency, payment_terms_days,
                                              credit_limit, opened_on, memorizes_prices, fill_policy, min_fill_rate, sla,
                                              accepts_substitutes, early_payment_percent, early_payment_days, street,
                                              postal_code, city, country, vat_id)
                select ?, 'Test account like ' || code, customer_group, tier, region, currency, payment_terms_days,
                       credit_limit, opened_on, memorizes_prices, fill_policy, min_fill_rate, sla, accepts_substitutes,
                       early_payment_percent, early_payment_days, street, postal_code, city, country, vat_id
                  from customer_account where code = ?""", code, demoAccount);
        return code;
    }

    /** A new account like a demo account, with a credit limit of its own. */
    public String accountLike(String demoAccount, String creditLimit) {
        String code = accountLike(demoAccount);
        jdbc.update("update customer_account set credit_limit = ? where code = ?", new BigDecimal(creditLimit), code);
        return code;
    }

    /** Goods arriving in a warehouse, booked through the ledger. */
    public void receive(String sku, String warehouse, int quantity) {
        transaction.executeWithoutResult(status -> ledger.receive(new StockLedger.StockKey(
                jdbc.queryForObject("select id from warehouse where code = ?", Long.class, warehouse),
                jdbc.queryForObject("select id from product where sku = ?", Long.class, sku)), quantity));
    }

    public Stock stock(String sku) {
        return jdbc.queryForObject("""
                select coalesce(sum(s.on_hand), 0) as on_hand, coalesce(sum(s.reserved), 0) as reserved,
                       (select coalesce(sum(m.on_hand_delta), 0) from stock_movement m where m.product_id = p.id) as ledger_on_hand,
                       (select coalesce(sum(m.reserved_delta), 0) from stock_movement m where m.product_id = p.id) as ledger_reserved,
                       (select count(*) from stock s2 where s2.product_id = p.id and s2.reserved > s2.on_hand) as oversold_rows
                  from product p join stock s on s.product_id = p.id where p.sku = ? group by p.id""",
                (rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("ledger_on_hand"),
                        rs.getInt("ledger_reserved"), rs.getInt("oversold_rows")), sku);
    }

    public int onHand(String sku, String warehouse) {
        return stockRow(sku, warehouse).onHand();
    }

    public int reserved(String sku, String warehouse) {
        return stockRow(sku, warehouse).reserved();
    }

    private Stock stockRow(String sku, String warehouse) {
        return jdbc.queryForObject("""
                select s.on_hand, s.reserved from stock s
                  join product p on p.id = s.product_id join warehouse w on w.id = s.warehouse_id
                 where p.sku = ? and w.code = ?""",
                (rs, row) -> new Stock(rs.getInt("on_hand"), rs.getInt("reserved"), 0, 0, 0), sku, warehouse);
    }

    /** The catalog names a product to ship instead of another. */
    public void substitute(String sku, String substituteSku) {
        jdbc.update("update product set substitute_sku = ? where sku = ?", substituteSku, sku);
    }

    /** An unpaid invoice taken over from a previous system (no order, no tax), due on a day of the test's choosing. */
    public long openingBalance(String accountCode, String amount, java.time.LocalDate dueOn) {
        return jdbc.queryForObject("""
                insert into invoice (invoice_number, account_id, currency, net_total, tax_total, gross_total, issued_on, due_on, status)
                select 'OB-T' || nextval('invoice_id_seq'), id, currency, ?, 0, ?, ? - 30, ?, 'OPEN' from customer_account where code = ?
                returning id""", Long.class, new BigDecimal(amount), new BigDecimal(amount), dueOn, dueOn, accountCode);
    }

    /** Which tax rate of tax.xlsx a product takes: STANDARD, REDUCED, ZERO or EXEMPT. */
    public void taxCategory(String sku, String taxCategory) {
        jdbc.update("update product set tax_category = ? where sku = ?", taxCategory, sku);
    }

    /** A purchase-order line on its way to a warehouse. */
    public void incoming(String sku, String warehouse, int quantity, java.time.LocalDate expectedOn, String reference) {
        jdbc.update("""
                insert into incoming_supply (warehouse_id, product_id, quantity, expected_on, reference)
                values ((select id from warehouse where code = ?), (select id from product where sku = ?), ?, ?, ?)""",
                warehouse, sku, quantity, expectedOn, reference);
    }

    /** A list price change, as the catalog team would make it. */
    public void listPrice(String sku, String currency, String price) {
        jdbc.update("update product_price set list_price = ? where currency = ? and product_id = (select id from product where sku = ?)",
                new BigDecimal(price), currency, sku);
    }

    /** The catalog stops selling a product in a currency. */
    public void dropListPrice(String sku, String currency) {
        jdbc.update("delete from product_price where currency = ? and product_id = (select id from product where sku = ?)",
                currency, sku);
    }

    public int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    /** Stock of one SKU over all warehouses, next to what its ledger adds up to. */
    public record Stock(int onHand, int reserved, int ledgerOnHand, int ledgerReserved, int oversoldRows) {
    }
}
