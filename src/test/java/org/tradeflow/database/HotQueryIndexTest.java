package org.tradeflow.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.support.IntegrationTest;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queries every order runs can be served by an index (V16). The test database holds too few rows for the
 * planner to prefer an index over reading a table, so each query is explained with sequential scans priced out:
 * the plan must then name the index, which fails when the index is missing or the query no longer fits it.
 */
class HotQueryIndexTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invoices of an order                | invoice_order_idx                   | select invoice_number from invoice where order_id = 1 order by id
            an account's invoices by due date   | invoice_account_due_idx             | select invoice_number from invoice where account_id = 1 and due_on <= date '2026-12-31'
            invoiced so far per order line      | invoice_line_order_line_idx         | select order_line_id, sum(quantity) from invoice_line where order_line_id in (select id from order_line where order_id = 1) group by order_line_id
            lines of a shipment                 | shipment_line_shipment_idx          | select order_line_id, quantity from shipment_line where shipment_id = 1
            violations of an order              | order_violation_order_idx           | select code, message from order_violation where order_id = 1
            returns from a shipment             | stock_movement_shipment_product_idx | select coalesce(sum(on_hand_delta), 0) from stock_movement where shipment_id = 1 and product_id = 2 and kind = 'RETURN'
            movements of an order               | stock_movement_order_idx            | select kind, reserved_delta from stock_movement where order_id = 1
            returns booked from an order        | stock_movement_order_idx            | select shipment_id, product_id, sum(on_hand_delta) from stock_movement where order_id = 1 and kind = 'RETURN' group by shipment_id, product_id
            open returns of an order            | return_authorisation_order_idx      | select l.order_line_id, sum(l.quantity - l.received) from return_line l join return_authorisation r on r.id = l.return_id where r.order_id = 1 and r.status in ('REQUESTED', 'AUTHORISED') group by l.order_line_id
            a return by its RMA number          | return_authorisation_rma_number_key | select id from return_authorisation where rma_number = 'RMA-2026-000001'
            paid orders to close                | sales_order_status_idx              | select id from sales_order where status = 'PAID' and updated_at < now() and id > 0 order by id limit 500
            a payment by its bank reference     | payment_reference_once_per_account  | select id from payment where account_id = 1 and reference = 'WIRE-1'
            payments applied to an invoice      | payment_allocation_invoice_idx      | select payment_id, amount from payment_allocation where invoice_id = 1
            backorders a receipt wakes          | sales_order_open_backorder_idx      | select o.order_number from sales_order o where o.status in ('BACKORDERED', 'PARTIALLY_SHIPPED') and exists (select 1 from order_line l where l.order_id = o.id and l.product_id in (1, 2)) order by o.allocation_priority desc, o.created_at, o.id
            open orders of an account (credit)  | sales_order_account_status_idx      | select sum(net_total) from sales_order where account_id = 1 and id <> 2 and status in ('RECEIVED', 'ALLOCATED', 'BACKORDERED')
            what dunning holds (credit)         | dunning_notice_account_idx          | select invoice_id, level from dunning_block where account_code = 'ACME-DE'
            events not yet published            | outbox_event_unpublished_idx        | select id, event_type, payload from outbox_event where published_at is null order by id limit 100
            did the order come by EDI           | edi_transaction_order_number_idx    | select t.order_id, i.partner_id from edi_transaction t join edi_interchange i on i.id = t.interchange_id where t.order_number = 'SO-1' and i.partner_id is not null order by t.id limit 1
            EDI documents not yet dropped       | edi_outbound_document_not_dropped_idx | select id from edi_outbound_document where dropped_at is null order by id limit 100
            """)
    void hotQueryUsesItsIndex(String useCase, String index, String sql) {
        String plan = transaction.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain (costs off) " + sql, String.class));
        });
        System.out.println(useCase + ":\n" + plan);
        assertThat(plan).as(useCase).contains(index);
    }

    @Test
    void orderStatusColumnHoldsExactlyTheApiStatuses() {
        String definition = jdbc.queryForObject("""
                select pg_get_constraintdef(oid) from pg_constraint
                 where conrelid = 'sales_order'::regclass and conname = 'sales_order_status_check'""", String.class);
        Matcher quoted = Pattern.compile("'([A-Z_]+)'").matcher(definition);
        List<String> allowed = quoted.results().map(m -> m.group(1)).toList();

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
    }
}
