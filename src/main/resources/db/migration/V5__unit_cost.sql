-- What a unit costs us in each selling currency: the margin floor compares prices with it. Null = unknown.
alter table product_price add column unit_cost numeric(19, 4) check (unit_cost >= 0);
