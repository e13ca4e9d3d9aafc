-- Tradeflow application schema. Camunda owns its ACT_* tables; Flyway owns everything here.

create table customer_account (
    id                 bigserial primary key,
    code               varchar(32)    not null unique,
    name               varchar(200)   not null,
    customer_group     varchar(32)    not null,
    tier               varchar(16)    not null,
    region             varchar(32)    not null,
    currency           varchar(3)        not null,
    payment_terms_days integer        not null check (payment_terms_days >= 0),
    credit_limit       numeric(19, 2) not null check (credit_limit >= 0),
    opened_on          date           not null
);

create table product (
    id        bigserial primary key,
    sku       varchar(32)  not null unique,
    name      varchar(200) not null,
    category  varchar(32)  not null,
    pack_size integer      not null check (pack_size > 0),
    active    boolean      not null default true
);

create table product_price (
    product_id bigint         not null references product (id),
    currency   varchar(3)        not null,
    list_price numeric(19, 4) not null check (list_price > 0),
    primary key (product_id, currency)
);

create table warehouse (
    id     bigserial primary key,
    code   varchar(16)  not null unique,
    name   varchar(200) not null,
    region varchar(32)  not null
);

-- Stock is derived from the movement ledger by a trigger; the checks make overselling impossible
-- whatever the application does: available = on_hand - reserved never drops below zero.
create table stock (
    warehouse_id bigint  not null references warehouse (id),
    product_id   bigint  not null references product (id),
    on_hand      integer not null default 0 check (on_hand >= 0),
    reserved     integer not null default 0 check (reserved >= 0),
    primary key (warehouse_id, product_id),
    constraint stock_available_not_negative check (reserved <= on_hand)
);

create table stock_movement (
    id             bigserial primary key,
    warehouse_id   bigint      not null,
    product_id     bigint      not null,
    kind           varchar(16) not null check (kind in ('RECEIPT', 'RESERVATION', 'RELEASE', 'SHIPMENT', 'ADJUSTMENT')),
    on_hand_delta  integer     not null,
    reserved_delta integer     not null,
    order_id       bigint,
    shipment_id    bigint,
    occurred_at    timestamptz not null default now(),
    foreign key (warehouse_id, product_id) references stock (warehouse_id, product_id)
);
create index stock_movement_order_idx on stock_movement (order_id);

create function apply_stock_movement() returns trigger language plpgsql as $$
begin
    update stock
       set on_hand = on_hand + new.on_hand_delta,
           reserved = reserved + new.reserved_delta
     where warehouse_id = new.warehouse_id and product_id = new.product_id;
    return new;
end $$;

create trigger stock_movement_applies after insert on stock_movement
    for each row execute function apply_stock_movement();

create function refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;

create trigger stock_movement_append_only before update or delete on stock_movement
    for each row execute function refuse_change();

create table incoming_supply (
    id           bigserial primary key,
    warehouse_id bigint      not null references warehouse (id),
    product_id   bigint      not null references product (id),
    quantity     integer     not null check (quantity > 0),
    expected_on  date        not null,
    reference    varchar(64) not null
);

create sequence order_number_seq start with 100001;

create table sales_order (
    id                      bigserial primary key,
    order_number            varchar(32)    not null unique,
    account_id              bigint         not null references customer_account (id),
    customer_po_number      varchar(64)    not null,
    requested_delivery_date date,
    status                  varchar(24)    not null,
    currency                varchar(3)        not null,
    net_total               numeric(19, 2) not null,
    rule_set_checksum       varchar(64),
    idempotency_key         varchar(128) unique,
    request_hash            varchar(64)    not null,
    status_reason           varchar(2000),
    created_by              varchar(64)    not null,
    created_at              timestamptz    not null default now(),
    updated_at              timestamptz    not null default now(),
    version                 bigint         not null default 0,
    unique (account_id, customer_po_number)
);
create index sales_order_status_idx on sales_order (status);

create table order_line (
    id           bigserial primary key,
    order_id     bigint         not null references sales_order (id),
    line_no      integer        not null,
    product_id   bigint         not null references product (id),
    quantity     integer        not null check (quantity > 0),
    unit_price   numeric(19, 4),
    net_amount   numeric(19, 2),
    price_source varchar(16),
    price_rule   varchar(200),
    unique (order_id, line_no)
);

create table order_violation (
    id        bigserial primary key,
    order_id  bigint        not null references sales_order (id),
    line_no   integer,
    severity  varchar(8)    not null,
    code      varchar(32)   not null,
    message   varchar(1000) not null,
    rule_name varchar(200)  not null
);

create table shipment (
    id              bigserial primary key,
    shipment_number varchar(40) not null unique,
    order_id        bigint      not null references sales_order (id),
    sequence_no     integer     not null,
    warehouse_id    bigint      not null references warehouse (id),
    status          varchar(16) not null check (status in ('PLANNED', 'REQUESTED', 'DISPATCHED', 'INVOICED')),
    carrier         varchar(64),
    tracking_number varchar(64),
    dispatched_at   timestamptz,
    version         bigint      not null default 0,
    unique (order_id, sequence_no)
);

create table shipment_line (
    id            bigserial primary key,
    shipment_id   bigint  not null references shipment (id),
    order_line_id bigint  not null references order_line (id),
    quantity      integer not null check (quantity > 0)
);

create sequence invoice_number_seq start with 500001;

create table invoice (
    id             bigserial primary key,
    invoice_number varchar(32)    not null unique,
    -- Both null for opening balances taken over from a previous system.
    order_id       bigint         references sales_order (id),
    shipment_id    bigint         unique references shipment (id),
    account_id     bigint         not null references customer_account (id),
    currency       varchar(3)        not null,
    net_total      numeric(19, 2) not null,
    issued_on      date           not null,
    due_on         date           not null,
    status         varchar(16)    not null check (status in ('OPEN', 'PAID'))
);
create index invoice_account_status_idx on invoice (account_id, status);

create table invoice_line (
    id            bigserial primary key,
    invoice_id    bigint         not null references invoice (id),
    order_line_id bigint         not null references order_line (id),
    quantity      integer        not null,
    unit_price    numeric(19, 4) not null,
    net_amount    numeric(19, 2) not null
);

create table audit_event (
    id          bigserial primary key,
    occurred_at timestamptz  not null default now(),
    actor       varchar(64)  not null,
    order_id    bigint,
    action      varchar(64)  not null,
    detail      varchar(4000) not null
);
create index audit_event_order_idx on audit_event (order_id);

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function refuse_change();

-- Transactional outbox: events are written in the business transaction; a relay publishes them later.
create table outbox_event (
    id           bigserial primary key,
    event_type   varchar(64)  not null,
    aggregate_id varchar(64)  not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
