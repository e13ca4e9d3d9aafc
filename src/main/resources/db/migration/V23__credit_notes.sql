-- Credit notes: the same document as an invoice (EN 16931 treats them as one model), in a series of their own
-- (CRN), always correcting one invoice of the account. Its amounts are positive and mean credit; what of it is
-- applied to the account's invoices is recorded per invoice, so an invoice is settled by cash, discount or credit.
alter table invoice
    add column document_type       varchar(12)    not null default 'INVOICE' check (document_type in ('INVOICE', 'CREDIT_NOTE')),
    add column credited_invoice_id bigint references invoice (id),
    add column credit_reason       varchar(500),
    -- what issued it (a return's RMA, a price correction): one credit note each, however often it is asked for
    add column source_reference    varchar(64),
    -- of an invoice: credit notes applied to it; of a credit note: how much of it was applied to invoices
    add column amount_credited     numeric(19, 4) not null default 0 check (amount_credited >= 0),
    add column amount_applied      numeric(19, 4) not null default 0 check (amount_applied >= 0),
    add constraint credit_note_corrects_an_invoice check ((document_type = 'CREDIT_NOTE') = (credited_invoice_id is not null)),
    add constraint credit_note_settles_nothing check (document_type = 'INVOICE'
        or (amount_paid = 0 and discount_taken = 0 and amount_credited = 0)),
    add constraint invoice_applies_nothing check (document_type = 'CREDIT_NOTE' or amount_applied = 0),
    add constraint credit_note_applied_at_most_gross check (amount_applied <= gross_total),
    add constraint credit_note_once_per_source unique (document_type, source_reference);

alter table invoice drop constraint invoice_settled_at_most_gross;
alter table invoice add constraint invoice_settled_at_most_gross check (amount_paid + discount_taken + amount_credited <= gross_total);
alter table invoice drop constraint invoice_status_check;
-- a credit note is OPEN while it has credit left, APPLIED when all of it went to invoices
alter table invoice add constraint invoice_status_check check (status in ('OPEN', 'PARTIALLY_PAID', 'PAID', 'APPLIED'));

-- A credit note line takes back part of a line's value (a restocking fee, say), shown as a line allowance.
alter table invoice_line
    add column allowance_amount numeric(19, 4) check (allowance_amount > 0),
    add column allowance_reason varchar(200),
    add constraint invoice_line_allowance_explained check ((allowance_amount is null) = (allowance_reason is null));

create table credit_note_application (
    credit_note_id bigint         not null references invoice (id),
    invoice_id     bigint         not null references invoice (id),
    amount         numeric(19, 4) not null check (amount > 0),
    applied_on     date           not null,
    primary key (credit_note_id, invoice_id)
);
create index credit_note_application_invoice_idx on credit_note_application (invoice_id);
-- an invoice's credit notes (what they credited so far, before another price correction)
create index invoice_credited_invoice_idx on invoice (credited_invoice_id) where credited_invoice_id is not null;
-- credit notes with credit left, oldest first: what a new invoice of the account is settled with
create index credit_note_open_idx on invoice (account_id, id) where document_type = 'CREDIT_NOTE' and status = 'OPEN';

-- Price corrections: credit for a price dispute without goods, asked for by the order desk and decided by a sales
-- manager (processes/price-correction.bpmn); approved, it becomes a credit note.
create table price_correction (
    id              bigserial primary key,
    invoice_id      bigint       not null references invoice (id),
    reason          varchar(500) not null,
    status          varchar(16)  not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by    varchar(64)  not null,
    requested_at    timestamptz  not null,
    decided_by      varchar(64),
    decision_comment varchar(2000),
    credit_note_id  bigint references invoice (id)
);
create index price_correction_invoice_idx on price_correction (invoice_id);

create table price_correction_line (
    price_correction_id bigint         not null references price_correction (id),
    order_line_id       bigint         not null,
    quantity            integer        not null check (quantity > 0),
    corrected_price     numeric(19, 4) not null check (corrected_price >= 0),
    primary key (price_correction_id, order_line_id)
);
