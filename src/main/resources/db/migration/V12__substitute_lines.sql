-- A line created by a substitution names the line it replaces (such lines are not substituted again and do
-- not teach price memory the substitute's price).
alter table order_line add column substitute_for integer;
