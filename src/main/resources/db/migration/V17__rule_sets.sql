-- Every rule set that ever went live, under the checksum orders and quotes carry (sales_order.rule_set_checksum):
-- its members in compile order, each with the DRL text that compiled and, for a decision table, the table version
-- it was generated from. Recorded by every node before it swaps a set live; went_live_* tell the first time.
create table rule_set (
    checksum     varchar(64) primary key,
    went_live_at timestamptz not null default now(),
    went_live_by varchar(64) not null
);

create table rule_set_member (
    checksum         varchar(64)  not null references rule_set (checksum),
    position         integer      not null,
    source_name      varchar(100) not null,
    -- null for the hand-written DRL of rules/
    table_name       varchar(64),
    table_version_id bigint       references rule_table_version (id),
    drl              text         not null,
    primary key (checksum, position),
    unique (checksum, source_name),
    check ((table_name is null) = (table_version_id is null))
);

create index rule_set_member_table_version_idx on rule_set_member (table_version_id);

-- An old checksum must keep naming exactly what decided: the rows are never changed or removed.
create function rule_set_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'rule sets are append-only: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger rule_set_append_only before update or delete or truncate on rule_set
    for each statement execute function rule_set_is_append_only();
create trigger rule_set_member_append_only before update or delete or truncate on rule_set_member
    for each statement execute function rule_set_is_append_only();
