-- The unit price a customer's order names (an EDI buyer's PO104 or PRI, or the REST field expectedUnitPrice): a price
-- of ours that differs is a PRICE_MISMATCH violation, and an order desk correction compares it again.
alter table order_line add column expected_unit_price numeric(19, 4);
