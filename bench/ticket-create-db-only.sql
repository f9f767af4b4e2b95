-- The statements Xiaoer sends to PostgreSQL to create one ticket for a new customer (see
-- TicketManagement.create), replayed by pgbench without the application: the database's share of
-- the work on its own, to compare machines and to see how much of the two cores the database needs.
\set n random(1, 2000000000)
SELECT nextval('ticket_numbers_bench') AS num \gset
BEGIN;
SELECT i.customer_id, c.name FROM customer_identities i JOIN customers c ON c.id = i.customer_id
  WHERE i.workspace_id = '00000000-0000-0000-0000-00000000b001' AND i.identity_type = 'EMAIL' AND i.identity = 'db' || :n || '@example.test';
SELECT gen_random_uuid() AS cid, gen_random_uuid() AS tid \gset
INSERT INTO customers (id, workspace_id, name, email, phone, language, tier, notes, created_at, updated_at, version)
  VALUES (:cid::uuid, '00000000-0000-0000-0000-00000000b001', '张建国', 'db' || :n || '@example.test', NULL, NULL, NULL, NULL, now(), now(), 1);
INSERT INTO customer_identities (workspace_id, identity_type, identity, customer_id, created_at)
  VALUES ('00000000-0000-0000-0000-00000000b001', 'EMAIL', 'db' || :n || '@example.test', :cid::uuid, now()) ON CONFLICT DO NOTHING;
INSERT INTO tickets (id, workspace_id, number, subject, type, priority, status, channel, requester_id, created_at, updated_at, version)
  VALUES (:tid::uuid, '00000000-0000-0000-0000-00000000b001', :num, '化肥还没发货 #' || :n, 'LOGISTICS', 'HIGH', 'NEW', 'API', :cid::uuid, now(), now(), 1);
INSERT INTO ticket_timeline (id, workspace_id, ticket_id, kind, actor_type, actor_id, actor_name, body, created_at)
  VALUES (gen_random_uuid(), '00000000-0000-0000-0000-00000000b001', :tid::uuid, 'MESSAGE', 'CUSTOMER', :cid::uuid, '张建国',
          '我 3 号订的复合肥（订单）到今天还显示未发货，能不能加急？', now());
COMMIT;
