-- An account may agree in advance that a backordered product is replaced by its catalog substitute.
alter table customer_account add column accepts_substitutes boolean not null default false;
