-- One record of Idempotency-Keys for every intake (orders, goods receipts, the channels to come): a key belongs
-- to the caller that chose it and to the intake it was sent to, and remembers the request it came with (its
-- fingerprint) and what answered it (an order id, a receipt reference).
create table idempotency_key (
    scope       varchar(32)  not null,
    caller      varchar(100) not null,
    key         varchar(128) not null,
    fingerprint varchar(64)  not null,
    result_ref  varchar(64),
    created_at  timestamptz  not null default now(),
    primary key (scope, caller, key)
);

-- Keys were stored as "<caller>/<key>"; user names hold no '/', keys may.
insert into idempotency_key (scope, caller, key, fingerprint, result_ref, created_at)
select 'order', split_part(idempotency_key, '/', 1), substr(idempotency_key, strpos(idempotency_key, '/') + 1),
       request_hash, id::text, created_at
  from sales_order where idempotency_key is not null;

insert into idempotency_key (scope, caller, key, fingerprint, result_ref, created_at)
select 'receipt', split_part(idempotency_key, '/', 1), substr(idempotency_key, strpos(idempotency_key, '/') + 1),
       request_hash, reference, booked_at
  from goods_receipt;

-- The order keeps its request hash: a resubmitted customer PO is still compared with it.
alter table sales_order drop column idempotency_key;
drop table goods_receipt;
