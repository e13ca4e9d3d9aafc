-- What it takes a warehouse to ship: its kind, its cut-off time in its own time zone, and handling days.
alter table warehouse
    add column kind          varchar(24) not null default 'DISTRIBUTION_CENTRE'
        check (kind in ('DISTRIBUTION_CENTRE', 'THIRD_PARTY', 'DROP_SHIP')),
    add column time_zone     varchar(40) not null default 'UTC',
    add column cut_off       time        not null default '15:00',
    add column handling_days integer     not null default 1 check (handling_days >= 0);

-- Availability answers "what arrives when" per warehouse and product.
create index incoming_supply_stock_idx on incoming_supply (product_id, warehouse_id, expected_on);
