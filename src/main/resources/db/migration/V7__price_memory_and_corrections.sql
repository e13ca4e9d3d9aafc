-- Price memory: an account flagged for it keeps the last price it paid for a SKU (the window is in pricing.xlsx).
alter table customer_account add column memorizes_prices boolean not null default false;

-- Severity CORRECTED (a quantity the rules rounded up) is longer than the old eight characters.
alter table order_violation alter column severity type varchar(16);

-- The last confirmed price per account and SKU is looked up on every order of such an account.
create index order_line_product_idx on order_line (product_id, order_id);
