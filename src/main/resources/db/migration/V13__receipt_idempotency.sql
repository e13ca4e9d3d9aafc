-- A warehouse system that retries a receipt after a timeout must not book the goods twice.
create table goods_receipt (
    id              bigserial primary key,
    idempotency_key varchar(200) not null unique,
    request_hash    varchar(64)  not null,
    warehouse_code  varchar(16)  not null,
    reference       varchar(64)  not null,
    booked_by       varchar(64)  not null,
    booked_at       timestamptz  not null default now()
);
