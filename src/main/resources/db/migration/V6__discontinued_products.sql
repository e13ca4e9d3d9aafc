-- A discontinued product stays in the catalog (old orders refer to it) and names what to order instead.
alter table product add column discontinued boolean not null default false;
alter table product add column substitute_sku varchar(32) references product (sku);
