-- EDIFACT trading partners: a partner may be known by its UNB sender (id and qualifier, S002 0004/0007) and the
-- recipient it addresses as us (S003 0010), instead of or beside its X12 identity; it sends ORDERS of one directory
-- version (D96A or D01B) and may want a CONTRL for each interchange.
alter table trading_partner
    alter column isa_qualifier drop not null,
    alter column isa_id drop not null,
    alter column our_isa_qualifier drop not null,
    alter column our_isa_id drop not null,
    alter column gs_id drop not null,
    alter column our_gs_id drop not null,
    alter column x12_version drop not null,
    alter column acknowledgement drop not null,
    add column unb_sender_id        varchar(35),
    add column unb_sender_qualifier varchar(4),
    add column our_unb_id           varchar(35),
    add column edifact_version      varchar(4) check (edifact_version in ('D96A', 'D01B')),
    add column wants_contrl         boolean,
    add constraint trading_partner_x12_identity_whole check (
        (isa_qualifier is null and isa_id is null and our_isa_qualifier is null and our_isa_id is null and gs_id is null
            and our_gs_id is null and x12_version is null and acknowledgement is null)
        or (isa_qualifier is not null and isa_id is not null and our_isa_qualifier is not null and our_isa_id is not null
            and gs_id is not null and our_gs_id is not null and x12_version is not null and acknowledgement is not null)),
    add constraint trading_partner_edifact_identity_whole check (
        (unb_sender_id is null and our_unb_id is null and edifact_version is null and wants_contrl is null
            and unb_sender_qualifier is null)
        or (unb_sender_id is not null and our_unb_id is not null and edifact_version is not null and wants_contrl is not null)),
    add constraint trading_partner_has_identity check (isa_id is not null or unb_sender_id is not null);
-- the UNB sender qualifier is optional: a sender without one is still one sender
create unique index trading_partner_unb_sender_once on trading_partner (unb_sender_id, coalesce(unb_sender_qualifier, ''))
    where unb_sender_id is not null;

-- interchanges of both syntaxes; EDIFACT's identities and control references are longer than X12's
alter table edi_interchange
    add column syntax varchar(7) not null default 'X12' check (syntax in ('X12', 'EDIFACT')),
    alter column sender_qualifier type varchar(4),
    alter column sender_id type varchar(35),
    alter column control_number type varchar(14),
    -- an accepted EDIFACT interchange of a partner that wants no CONTRL (and whose UNB asks for none) is answered without
    alter column acknowledgement drop not null,
    add constraint edi_interchange_x12_acknowledged check (syntax = 'EDIFACT' or acknowledgement is not null);
-- a partner's control number is used once per syntax (ISA13, or the UNB interchange control reference 0020)
drop index edi_interchange_once_per_partner;
create unique index edi_interchange_once_per_partner on edi_interchange (partner_id, syntax, control_number)
    where partner_id is not null;

-- UNG and UNH references (an..14) and message types (ORDERS)
alter table edi_transaction
    alter column group_control type varchar(14),
    alter column control_number type varchar(14),
    alter column transaction_type type varchar(6);
