-- Amounts keep every minor unit of their currency (three for KWD, BHD, ...), not just two.
alter table sales_order alter column net_total type numeric(19, 4);
alter table order_line alter column net_amount type numeric(19, 4);
alter table invoice alter column net_total type numeric(19, 4);
alter table invoice_line alter column net_amount type numeric(19, 4);

-- Idempotency keys belong to the caller that chose them: "<user>/<key>".
alter table sales_order alter column idempotency_key type varchar(200);
