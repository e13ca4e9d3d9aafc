-- Where a trading partner's 850 sends goods: the ship-to it names in N1*ST (N103 qualifier, N104 id: 'UL' a GLN,
-- '92' assigned by the buyer, '9' a DUNS+4, ...) is one of its account's delivery addresses (customer_address.code).
create table trading_partner_location (
    id                 bigserial primary key,
    partner_id         bigint       not null references trading_partner (id),
    qualifier          varchar(2)   not null,
    location_id        varchar(80)  not null,
    address_code       varchar(32)  not null,
    constraint trading_partner_location_once unique (partner_id, qualifier, location_id)
);
