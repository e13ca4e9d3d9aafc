-- Return authorisations (RMAs) and their lines. An RMA number is unique but not gap-free (it comes from a
-- sequence, like RMA-2026-000123). What returns.xlsx decided stays on the RMA: the row, the fee and whether the
-- goods are inspected and a sales manager approves, so a later change of the table does not change an RMA.
create sequence rma_number_seq;

create table return_authorisation (
    id                     bigserial primary key,
    rma_number             varchar(32)   not null unique,
    order_id               bigint        not null references sales_order (id),
    account_id             bigint        not null references customer_account (id),
    reason_code            varchar(32)   not null,
    reason_note            varchar(500),
    status                 varchar(20)   not null check (status in ('REQUESTED', 'AWAITING_APPROVAL', 'AUTHORISED',
                                'REJECTED', 'RECEIVED', 'INSPECTED', 'CREDIT_REQUESTED', 'CREDITED', 'EXPIRED')),
    requested_by           varchar(64)   not null,
    requested_at           timestamptz   not null,
    restocking_fee_percent numeric(5, 2) not null default 0 check (restocking_fee_percent >= 0 and restocking_fee_percent < 100),
    inspection_required    boolean       not null,
    approval_required      boolean       not null,
    decided_by_rule        varchar(200)  not null,
    rule_set_checksum      varchar(64)   not null,
    approved_by            varchar(64),
    approval_comment       varchar(500),
    authorised_at          timestamptz,
    expires_at             timestamptz,
    received_at            timestamptz,
    inspected_at           timestamptz,
    credit_requested_at    timestamptz,
    closed_at              timestamptz
);
create index return_authorisation_order_idx on return_authorisation (order_id);

create table return_line (
    return_id          bigint      not null references return_authorisation (id),
    line_no            integer     not null check (line_no > 0),
    order_line_id      bigint      not null references order_line (id),
    quantity_requested integer     not null check (quantity_requested > 0),
    quantity_received  integer     not null default 0 check (quantity_received >= 0),
    outcome            varchar(20) check (outcome in ('RESTOCK', 'SCRAP', 'RETURN_TO_VENDOR')),
    quantity_accepted  integer     check (quantity_accepted >= 0),
    primary key (return_id, line_no),
    constraint return_line_once_per_order_line unique (return_id, order_line_id),
    constraint return_line_received_at_most_requested check (quantity_received <= quantity_requested),
    constraint return_line_accepted_at_most_received check (quantity_accepted is null or quantity_accepted <= quantity_received)
);
create index return_line_order_line_idx on return_line (order_line_id);
