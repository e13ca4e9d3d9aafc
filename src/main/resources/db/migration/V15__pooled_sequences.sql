-- Orders, their lines and violations, shipments and invoices take their ids fifty at a time (Hibernate's pooled
-- optimizer, allocationSize 50), so that the lines of a large order are inserted in batches instead of one
-- statement each. A plain insert that takes its id from the column default still gets a unique one.
alter sequence sales_order_id_seq increment by 50;
alter sequence order_line_id_seq increment by 50;
alter sequence order_violation_id_seq increment by 50;
alter sequence shipment_id_seq increment by 50;
alter sequence invoice_id_seq increment by 50;
alter sequence invoice_line_id_seq increment by 50;
