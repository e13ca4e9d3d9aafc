-- EDI documents we send trading partners: 997 acknowledgements, 855 order acknowledgements, 856 ship notices and 810
-- invoices. Each is made once per partner, type and what it tells about (the order, shipment or invoice number; the
-- inbound interchange's id for a 997), so an event delivered again makes no second document.
create table edi_outbound_document (
    id                   bigserial    primary key,
    partner_id           bigint       not null references trading_partner (id),
    document_type        varchar(3)   not null check (document_type in ('997', '855', '856', '810')),
    source_reference     varchar(64)  not null,
    interchange_control  varchar(9)   not null,
    group_control        varchar(9),
    transaction_control  varchar(9),
    created_at           timestamptz  not null,
    content              text         not null,
    -- when the document was written to the partner's outbox folder; null until then (a job retries)
    dropped_at           timestamptz,
    constraint edi_outbound_document_once unique (partner_id, document_type, source_reference),
    constraint edi_outbound_document_control_once unique (partner_id, interchange_control)
);
create index edi_outbound_document_newest_idx on edi_outbound_document (partner_id, created_at desc, id desc);
create index edi_outbound_document_not_dropped_idx on edi_outbound_document (id) where dropped_at is null;

-- The ISA13/GS06 of what we send a partner, without gaps: a sequence skips a number whenever a transaction that drew
-- one rolls back, a partner's translator then asks for the "missing" interchange. The row is incremented in the
-- document's own transaction; its lock makes two nodes take turns, a rollback gives the number back.
create table edi_control_counter (
    partner_id    bigint  primary key references trading_partner (id),
    last_control  bigint  not null check (last_control between 0 and 999999999)
);
-- edi_acknowledgement_control_seq stays for the TA1s and 997s we answer senders we do not know.

-- Every order's events ask whether it came by EDI.
create index edi_transaction_order_number_idx on edi_transaction (order_number) where order_number is not null;
