-- Customer search matches any part of the name (LIKE '%…%'), which a B-tree on the name cannot
-- serve, and lists sort by creation: the index only cost time on every new customer.
DROP INDEX customers_by_workspace;
