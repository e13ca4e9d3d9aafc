-- Indexes for the queries every order runs (HotQueryIndexTest explains each one), and a status column that
-- holds exactly the statuses the API knows.

-- Invoices of an order (read model, credit exposure) and what each order line has been invoiced so far.
create index invoice_order_idx on invoice (order_id);
create index invoice_line_order_line_idx on invoice_line (order_line_id);
create index invoice_line_invoice_idx on invoice_line (invoice_id);

-- A shipment's lines (dispatch, invoicing, the read model).
create index shipment_line_shipment_idx on shipment_line (shipment_id);

-- Why an order stopped: its policy violations.
create index order_violation_order_idx on order_violation (order_id);

-- What a shipment took out of (or brought back into) a product's stock: returns are checked against it.
create index stock_movement_shipment_product_idx on stock_movement (shipment_id, product_id) where shipment_id is not null;

-- The backorders a receipt wakes, highest priority first: a partly shipped order waits for its rest too.
drop index sales_order_backordered_idx;
create index sales_order_open_backorder_idx on sales_order (allocation_priority desc, created_at, id)
    where status in ('BACKORDERED', 'PARTIALLY_SHIPPED');

-- An account's open orders (credit exposure) and the order list filtered by account.
create index sales_order_account_status_idx on sales_order (account_id, status);

-- Events the relay has yet to publish, oldest first.
create index outbox_event_unpublished_idx on outbox_event (id) where published_at is null;

-- Exactly the values of org.tradeflow.order.OrderStatus (OrderStatusCheckTest compares them).
alter table sales_order add constraint sales_order_status_check check (status in (
    'RECEIVED', 'ON_HOLD', 'AWAITING_APPROVAL', 'CREDIT_HOLD', 'ALLOCATED', 'BACKORDERED', 'PARTIALLY_SHIPPED',
    'SHIPPED', 'INVOICED', 'PAID', 'CLOSED', 'REJECTED', 'CANCELLED'));
