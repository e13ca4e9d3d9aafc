-- Why each line has its price: the winning offer and what the other candidates would have given.
alter table order_line add column price_explanation varchar(2000);
