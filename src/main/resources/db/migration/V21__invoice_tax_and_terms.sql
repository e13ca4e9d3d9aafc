-- What an invoice needs besides its lines: who is billed where (the account's billing address and VAT id), the
-- terms it is paid on (net days and an early-payment discount such as 2/10 net 30), the tax category of each
-- product, and the tax tax.xlsx decided for each line, summed per category and rate.
alter table customer_account
    add column street                   varchar(200),
    add column postal_code              varchar(16),
    add column city                     varchar(100),
    add column country                  varchar(2),
    add column vat_id                   varchar(32),
    add column early_payment_percent    numeric(5, 2) check (early_payment_percent > 0 and early_payment_percent < 100),
    add column early_payment_days       integer check (early_payment_days > 0),
    add constraint early_payment_terms_complete check ((early_payment_percent is null) = (early_payment_days is null)),
    add constraint early_payment_before_net check (early_payment_days is null or early_payment_days < payment_terms_days);

alter table product add column tax_category varchar(16) not null default 'STANDARD'
    check (tax_category in ('STANDARD', 'REDUCED', 'ZERO', 'EXEMPT'));

-- Invoices issued before tax was computed keep a gross total equal to their net total.
alter table invoice
    add column tax_total             numeric(19, 4),
    add column gross_total           numeric(19, 4),
    add column amount_paid           numeric(19, 4) not null default 0 check (amount_paid >= 0),
    -- who was billed and where the goods went, as they were when the invoice was issued
    add column buyer_name            varchar(200),
    add column buyer_street          varchar(200),
    add column buyer_postal_code     varchar(16),
    add column buyer_city            varchar(100),
    add column buyer_country         varchar(2),
    add column buyer_vat_id          varchar(32),
    add column ship_to_name          varchar(200),
    add column ship_to_street        varchar(200),
    add column ship_to_postal_code   varchar(16),
    add column ship_to_city          varchar(100),
    add column ship_to_country       varchar(2),
    add column delivered_on          date,
    add column discount_percent      numeric(5, 2),
    add column discount_due_on       date,
    add column rule_set_checksum     varchar(64);
update invoice set tax_total = 0, gross_total = net_total;
alter table invoice
    alter column tax_total set not null,
    alter column gross_total set not null,
    add constraint invoice_gross_is_net_plus_tax check (gross_total = net_total + tax_total),
    add constraint invoice_paid_at_most_gross check (amount_paid <= gross_total),
    add constraint invoice_discount_terms_complete check ((discount_percent is null) = (discount_due_on is null));

alter table invoice_line
    add column tax_category varchar(2),
    add column tax_rate     numeric(7, 4),
    add column tax_amount   numeric(19, 4),
    add column tax_rule     varchar(200);

-- The tax summary: one row per category and rate, tax computed on the summed base (EN 16931 BR-CO-17).
create table invoice_tax (
    invoice_id            bigint         not null references invoice (id),
    category              varchar(2)     not null check (category in ('S', 'Z', 'E', 'AE', 'K', 'G', 'O')),
    rate                  numeric(7, 4)  not null check (rate >= 0),
    taxable_amount        numeric(19, 4) not null,
    tax_amount            numeric(19, 4) not null,
    exemption_reason_code varchar(32),
    exemption_reason      varchar(200),
    primary key (invoice_id, category, rate)
);
