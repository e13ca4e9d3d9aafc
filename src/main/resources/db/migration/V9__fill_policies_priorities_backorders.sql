-- What to do when not everything can ship now, per account (an order may override it).
alter table customer_account
    add column fill_policy   varchar(16) not null default 'SHIP_COMPLETE'
        check (fill_policy in ('SHIP_COMPLETE', 'SHIP_PARTIAL', 'FILL_OR_KILL', 'MIN_FILL_RATE')),
    add column min_fill_rate integer check (min_fill_rate between 1 and 100),
    add column sla           varchar(16) not null default 'STANDARD' check (sla in ('STANDARD', 'PREMIUM'));

alter table sales_order
    add column fill_policy         varchar(16) not null default 'SHIP_COMPLETE'
        check (fill_policy in ('SHIP_COMPLETE', 'SHIP_PARTIAL', 'FILL_OR_KILL', 'MIN_FILL_RATE')),
    add column min_fill_rate       integer check (min_fill_rate between 1 and 100),
    add column urgency             varchar(8)  not null default 'NORMAL' check (urgency in ('NORMAL', 'RUSH')),
    add column allocation_priority integer     not null default 0;

-- Units of a line that will never ship (fill-or-kill, or cancelled by the customer).
alter table order_line
    add column cancelled_quantity integer not null default 0,
    add constraint order_line_cancelled_within_quantity check (cancelled_quantity between 0 and quantity);

-- A shipment not yet dispatched can be cancelled: its reservations are released.
alter table shipment drop constraint shipment_status_check;
alter table shipment add constraint shipment_status_check
    check (status in ('PLANNED', 'REQUESTED', 'DISPATCHED', 'INVOICED', 'CANCELLED'));

-- Returns and the receipt reference (purchase order, delivery note) join the ledger.
alter table stock_movement drop constraint stock_movement_kind_check;
alter table stock_movement add constraint stock_movement_kind_check
    check (kind in ('RECEIPT', 'RESERVATION', 'RELEASE', 'SHIPMENT', 'ADJUSTMENT', 'RETURN'));
alter table stock_movement add column reference varchar(64);

create index sales_order_backordered_idx on sales_order (allocation_priority desc, created_at) where status = 'BACKORDERED';

-- Large orders plan thousands of shipment lines at once: ids come from the sequence fifty at a time so that
-- Hibernate can batch the inserts.
alter sequence shipment_line_id_seq increment by 50;
