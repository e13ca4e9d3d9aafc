-- Dunning: the reminders an overdue invoice got, one row a level, as dunning.xlsx decided them on the day; the
-- letter is rendered again from the row whenever it is asked for, so nothing but the figures is stored. The
-- invoice number and account code are copied, as the dunning module never reads the invoicing tables.
create table dunning_notice (
    id                bigserial      primary key,
    invoice_id        bigint         not null references invoice (id),
    invoice_number    varchar(32)    not null,
    account_code      varchar(32)    not null,
    level             integer        not null check (level > 0),
    issued_on         date           not null,
    days_overdue      integer        not null check (days_overdue > 0),
    open_amount       numeric(19, 4) not null check (open_amount > 0),
    currency          varchar(3)     not null,
    fee               numeric(19, 4) not null check (fee >= 0),
    interest_percent  numeric(9, 4)  not null check (interest_percent >= 0),
    interest          numeric(19, 4) not null check (interest >= 0),
    -- the next level is due this many days after issued_on (if the table has one)
    wait_days         integer        not null check (wait_days >= 0),
    blocks_orders     boolean        not null,
    call_customer     boolean        not null,
    rule              varchar(100)   not null,
    -- the finance call a final notice asks for (UserTaskCallCustomer)
    call_outcome      varchar(32),
    call_comment      varchar(2000),
    called_by         varchar(64),
    called_at         timestamptz,
    created_at        timestamptz    not null default now(),
    -- two servers sweeping at once never send a level twice
    constraint dunning_notice_once_per_level unique (invoice_id, level)
);
create index dunning_notice_account_idx on dunning_notice (account_code);

-- A dispute pauses the dunning of an invoice until finance lifts it; lifted disputes stay as history.
create table invoice_dispute (
    id             bigserial    primary key,
    invoice_id     bigint       not null references invoice (id),
    invoice_number varchar(32)  not null,
    account_code   varchar(32)  not null,
    reason         varchar(500) not null,
    disputed_by    varchar(64)  not null,
    disputed_at    timestamptz  not null,
    lifted_by      varchar(64),
    lifted_at      timestamptz,
    constraint invoice_dispute_lifted_together check ((lifted_by is null) = (lifted_at is null))
);
-- at most one open dispute per invoice: a second POST finds it
create unique index invoice_dispute_open_idx on invoice_dispute (invoice_id) where lifted_at is null;
create index invoice_dispute_account_idx on invoice_dispute (account_code) where lifted_at is null;

-- Which invoices hold their account's new orders: those whose latest reminder's row says so and that are not
-- disputed. Derived every time it is asked, never a flag that could drift; whether the invoice is still unpaid is
-- asked of invoicing (a paid invoice blocks nothing, whatever its last reminder said).
create view dunning_block as
select n.account_code, n.invoice_id, n.invoice_number, n.level, n.issued_on
  from dunning_notice n
 where n.blocks_orders
   -- the latest level only (written so that the credit check's account filter reaches dunning_notice_account_idx)
   and not exists (select 1 from dunning_notice later where later.invoice_id = n.invoice_id and later.level > n.level)
   and not exists (select 1 from invoice_dispute d where d.invoice_id = n.invoice_id and d.lifted_at is null);
