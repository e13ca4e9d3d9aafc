-- Where an account's goods go: its delivery addresses, each in a ship-to region the routing table knows.
create table customer_address (
    id          bigserial primary key,
    account_id  bigint       not null references customer_account (id),
    code        varchar(32)  not null,
    name        varchar(200) not null,
    street      varchar(200) not null,
    postal_code varchar(16)  not null,
    city        varchar(100) not null,
    country     varchar(2)   not null,
    region      varchar(32)  not null,
    unique (account_id, code)
);

-- A line may go to another address than the account's main one; shipments go to one address each.
alter table order_line
    add column ship_to        varchar(32),
    add column ship_to_region varchar(32);
alter table shipment add column ship_to varchar(32);
