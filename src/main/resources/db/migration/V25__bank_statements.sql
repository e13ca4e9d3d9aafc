-- Bank statements (camt.053) imported by finance: one row per statement of one of our bank accounts, known by the
-- bank's statement id (imported again, it is answered with the first import and books nothing), and one row per
-- booked credit on it with what became of it: matched to an invoice and booked as a payment at import, left for a
-- person (a Match payment task, processes/match-payment.bpmn), matched by that person, or ignored with a reason.
create table bank_statement (
    id            bigserial primary key,
    message_id    varchar(35),
    statement_id  varchar(35)  not null,
    account_iban  varchar(34)  not null,
    -- what the statement says, canonically hashed: the same id with other entries is refused, never merged
    fingerprint   varchar(64)  not null,
    imported_by   varchar(64)  not null,
    imported_at   timestamptz  not null,
    entry_count   integer      not null check (entry_count >= 0),
    -- entries that are no booked credit (debits, pending entries): counted, never stored
    skipped_count integer      not null check (skipped_count >= 0),
    constraint bank_statement_once_per_account unique (account_iban, statement_id)
);

create table bank_statement_entry (
    id             bigserial primary key,
    statement_id   bigint         not null references bank_statement (id),
    -- the entry's place in the file (Ntry[n]), so that finance finds it in the bank's own view
    line_no        integer        not null check (line_no > 0),
    amount         numeric(19, 4) not null check (amount > 0),
    currency       varchar(3)     not null,
    value_date     date           not null,
    bank_reference varchar(140)   not null,
    payer_name     varchar(140),
    remittance     varchar(500),
    status         varchar(16)    not null check (status in ('MATCHED', 'UNMATCHED', 'MATCHED_BY_HAND', 'IGNORED')),
    -- how it was matched, or why it was not
    match_note     varchar(500),
    payment_id     bigint references payment (id),
    account_code   varchar(32),
    invoice_number varchar(32),
    decided_by     varchar(64),
    decided_at     timestamptz,
    decision_comment varchar(2000),
    constraint bank_statement_entry_line_once unique (statement_id, line_no),
    constraint bank_statement_entry_booked check ((status in ('MATCHED', 'MATCHED_BY_HAND')) = (payment_id is not null)),
    constraint bank_statement_entry_ignored_with_reason check (status <> 'IGNORED' or decision_comment is not null)
);
-- A credit without an invoice number is matched by amount: the open invoices owing exactly that much, and those
-- still within their early-payment discount period (owing that much less the discount).
create index invoice_unpaid_amount_idx on invoice (currency, (gross_total - amount_paid - discount_taken - amount_credited))
    where status <> 'PAID' and document_type = 'INVOICE';
create index invoice_discount_open_idx on invoice (currency, discount_due_on)
    where status <> 'PAID' and document_type = 'INVOICE' and discount_percent is not null;
