-- Every accepted version of every decision table, with who changed it, when and why. Exactly one version
-- per table is active; every node builds its rules from the active versions.
create table rule_table_version (
    id          bigserial primary key,
    table_name  varchar(64)   not null,
    version_no  integer       not null,
    checksum    varchar(64)   not null,
    content     bytea         not null,
    author      varchar(64)   not null,
    comment     varchar(1000) not null,
    created_at  timestamptz   not null default now(),
    active      boolean       not null default false,
    activated_at timestamptz,
    unique (table_name, version_no),
    unique (table_name, checksum)
);

create unique index rule_table_version_one_active on rule_table_version (table_name) where active;
