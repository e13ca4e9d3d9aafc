-- EDI (X12) trading partners and the interchanges they send. A partner orders for one of our accounts and is known
-- by its interchange sender (ISA05/ISA06) and the receiver it addresses (ISA07/ISA08 = us); its buyer part numbers
-- map to our SKUs, with how many of our selling units its unit of measure (CA, EA, PK) holds.
create table trading_partner (
    id                 bigserial primary key,
    code               varchar(32)  not null unique,
    account_code       varchar(32)  not null,
    isa_qualifier      varchar(2)   not null,
    isa_id             varchar(15)  not null,
    our_isa_qualifier  varchar(2)   not null,
    our_isa_id         varchar(15)  not null,
    gs_id              varchar(15)  not null,
    our_gs_id          varchar(15)  not null,
    x12_version        varchar(6)   not null check (x12_version in ('004010', '005010')),
    acknowledgement    varchar(3)   not null check (acknowledgement in ('997', '999')),
    active             boolean      not null default true,
    constraint trading_partner_sender_once unique (isa_qualifier, isa_id)
);

create table trading_partner_item (
    id                 bigserial primary key,
    partner_id         bigint       not null references trading_partner (id),
    buyer_part_number  varchar(48)  not null,
    sku                varchar(32)  not null,
    unit_of_measure    varchar(2)   not null check (unit_of_measure in ('CA', 'EA', 'PK')),
    -- our selling units in one of the partner's units
    pack_factor        integer      not null check (pack_factor between 1 and 10000),
    constraint trading_partner_item_once unique (partner_id, buyer_part_number, unit_of_measure)
);

-- Every interchange read far enough to name its sender and control number, accepted or quarantined with its reasons.
create table edi_interchange (
    id                 bigserial primary key,
    -- null when the sender is no partner of ours (quarantined as REJECTED)
    partner_id         bigint       references trading_partner (id),
    sender_qualifier   varchar(2)   not null,
    sender_id          varchar(15)  not null,
    control_number     varchar(9)   not null,
    received_by        varchar(64)  not null,
    received_at        timestamptz  not null,
    status             varchar(20)  not null check (status in ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'REJECTED')),
    reasons            text,
    raw                bytea        not null check (octet_length(raw) <= 10485760),
    acknowledgement    text         not null
);
-- a partner's control number is used once: the same one again is a replay, answered with the first acknowledgement
create unique index edi_interchange_once_per_partner on edi_interchange (partner_id, control_number) where partner_id is not null;
create index edi_interchange_status_idx on edi_interchange (status, received_at desc);

create table edi_transaction (
    id                 bigserial primary key,
    interchange_id     bigint       not null references edi_interchange (id),
    group_control      varchar(9),
    control_number     varchar(9)   not null,
    transaction_type   varchar(3)   not null,
    po_number          varchar(64),
    order_id           bigint,
    order_number       varchar(32),
    rejection          varchar(2000),
    constraint edi_transaction_order_or_reason check ((order_id is null) <> (rejection is null))
);
create index edi_transaction_interchange_idx on edi_transaction (interchange_id);
-- ISA13 of the acknowledgements we send
create sequence edi_acknowledgement_control_seq;
