-- Returns (RMA): a customer asks to send goods back (processes/return-authorisation.bpmn); returns.xlsx decides the
-- window, inspection, approval and restocking fee; an authorised return has an RMA number, and only goods against
-- an RMA are booked back at the warehouse. The accepted value is credited on credit notes (one per invoice billed).
create table return_authorisation (
    id                     bigserial primary key,
    rma_number             varchar(24) unique,
    order_id               bigint        not null references sales_order (id),
    reason_code            varchar(32)   not null,
    comment                varchar(2000),
    status                 varchar(16)   not null
        check (status in ('REQUESTED', 'AUTHORISED', 'REJECTED', 'RECEIVED', 'CREDITED', 'CLOSED')),
    -- what returns.xlsx decided, kept as it was on the day
    rule                   varchar(200)  not null,
    window_days            int           not null,
    days_since_delivery    int           not null,
    needs_inspection       boolean       not null,
    needs_approval         boolean       not null,
    restocking_fee_percent numeric(7, 4) not null check (restocking_fee_percent between 0 and 100),
    requested_by           varchar(64)   not null,
    requested_at           timestamptz   not null,
    decided_by             varchar(64),
    decided_at             timestamptz,
    decision_comment       varchar(2000),
    inspected_by           varchar(64),
    inspected_at           timestamptz,
    inspection_comment     varchar(2000),
    closed_reason          varchar(500),
    -- an RMA number only once authorised
    constraint return_authorised_has_rma check ((rma_number is null) = (status in ('REQUESTED', 'REJECTED')))
);
create index return_authorisation_order_idx on return_authorisation (order_id);

create table return_line (
    id                 bigserial primary key,
    return_id          bigint not null references return_authorisation (id),
    order_line_id      bigint not null references order_line (id),
    quantity           int    not null check (quantity > 0),
    received           int    not null default 0 check (received between 0 and quantity),
    -- the inspection's outcome; what is not refused is credited
    restocked          int    not null default 0 check (restocked >= 0),
    scrapped           int    not null default 0 check (scrapped >= 0),
    returned_to_vendor int    not null default 0 check (returned_to_vendor >= 0),
    refused            int    not null default 0 check (refused >= 0),
    constraint return_line_outcome_at_most_received check (restocked + scrapped + returned_to_vendor + refused <= received),
    unique (return_id, order_line_id)
);

-- Goods booked back at a warehouse against an RMA, from one shipment (whose invoice the credit corrects).
create table return_receipt (
    id             bigserial primary key,
    return_line_id bigint      not null references return_line (id),
    shipment_id    bigint      not null references shipment (id),
    warehouse_id   bigint      not null references warehouse (id),
    quantity       int         not null check (quantity > 0),
    received_by    varchar(64) not null,
    received_at    timestamptz not null
);
create index return_receipt_line_idx on return_receipt (return_line_id);

create table return_credit_note (
    return_id      bigint      not null references return_authorisation (id),
    invoice_number varchar(32) not null,
    primary key (return_id, invoice_number)
);
