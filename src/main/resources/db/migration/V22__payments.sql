-- Payments received from customers and what each paid of which invoice. A bank reference books once per account
-- (a statement line imported twice, or a payment posted by two people, is refused by the unique key); what a
-- payment did not settle stays on it as the account's unapplied credit.
alter table invoice drop constraint invoice_status_check;
alter table invoice add constraint invoice_status_check check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID'));

-- An early-payment discount taken settles the rest of the invoice without cash.
alter table invoice add column discount_taken numeric(19, 4) not null default 0 check (discount_taken >= 0);
alter table invoice drop constraint invoice_paid_at_most_gross;
alter table invoice add constraint invoice_settled_at_most_gross check (amount_paid + discount_taken <= gross_total);

create table payment (
    id          bigserial primary key,
    account_id  bigint         not null references customer_account (id),
    amount      numeric(19, 4) not null check (amount > 0),
    currency    varchar(3)     not null,
    value_date  date           not null,
    reference   varchar(140)   not null,
    unapplied   numeric(19, 4) not null check (unapplied >= 0),
    refunded    numeric(19, 4) not null default 0 check (refunded >= 0),
    received_by varchar(64)    not null,
    received_at timestamptz    not null default now(),
    constraint payment_reference_once_per_account unique (account_id, reference),
    constraint payment_unapplied_at_most_amount check (unapplied + refunded <= amount)
);

create table payment_allocation (
    payment_id bigint         not null references payment (id),
    invoice_id bigint         not null references invoice (id),
    amount     numeric(19, 4) not null check (amount > 0),
    discount   numeric(19, 4) not null default 0 check (discount >= 0),
    primary key (payment_id, invoice_id)
);
create index payment_allocation_invoice_idx on payment_allocation (invoice_id);

-- An account's unpaid invoices, oldest due first: where a payment without allocations goes.
create index invoice_unpaid_idx on invoice (account_id, due_on, id) where status <> 'PAID';

-- Unapplied credit paid back to the customer, under the reference of our outgoing transfer (once per payment).
create table payment_refund (
    id          bigserial primary key,
    payment_id  bigint         not null references payment (id),
    amount      numeric(19, 4) not null check (amount > 0),
    reference   varchar(140)   not null,
    refunded_on date           not null,
    refunded_by varchar(64)    not null,
    constraint payment_refund_reference_once unique (payment_id, reference)
);
