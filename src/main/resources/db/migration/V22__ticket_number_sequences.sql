-- Ticket numbers now come from one sequence per workspace (made by TicketNumbers on a workspace's
-- first ticket, starting after its highest number), so the counter rows are no longer used.
DROP TABLE ticket_counters;
