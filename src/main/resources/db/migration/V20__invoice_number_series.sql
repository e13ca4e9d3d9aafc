-- Invoice numbers without gaps, per series and year (tax law in most of Europe wants an unbroken sequence): a
-- sequence skips a number whenever a transaction that drew one rolls back (a failed or retried invoicing job),
-- so each series and year has a counter row instead, incremented in the invoice's own transaction. Its row lock
-- makes invoices of one series wait for each other's commit; a rollback gives the number back.
create table document_number_series (
    series      varchar(8) not null,
    year        integer    not null check (year between 2000 and 9999),
    last_number bigint     not null check (last_number > 0),
    primary key (series, year)
);

-- Numbers drawn from it so far (INV-500001 on) stay as they are; new invoices are INV-2026-000001 and on.
drop sequence invoice_number_seq;

-- An account's invoices by due date (the API's due range; statements, ageing and dunning to come).
create index invoice_account_due_idx on invoice (account_id, due_on);
