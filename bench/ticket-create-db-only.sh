#!/usr/bin/env bash
# The database's own ceiling for ticket creation: pgbench replays the SQL of one ticket creation
# (bench/ticket-create-db-only.sql) with N clients against a fresh schema made by Xiaoer's own
# migrations, without the application. Run it beside bench/ticket-create.sh to see how the two
# cores divide between PostgreSQL and the application, and to compare machines.
# Usage: bench/ticket-create-db-only.sh [seconds] [N...]   (default: 20 s, N = 16)
source "$(dirname "$0")/common.sh"
seconds=${1:-20}; shift || true
levels=${*:-16}
jar=$(build_jar)
db=xiaoer_bench_sql
psql_ -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
# The schema comes from the application's migrations: start it once with the context only.
XIAOER_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db XIAOER_DB_USER=postgres XIAOER_SECRET=$(head -c 32 /dev/urandom | base64) \
  "$JAVA" -Dspring.context.exit=onRefresh -Dserver.port=0 -jar "$jar" > /dev/null
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('00000000-0000-0000-0000-00000000b001', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
CREATE SEQUENCE ticket_numbers_bench START WITH 1001;
SQL
script="$ROOT/bench/ticket-create-db-only.sql"
pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 8 -j 2 -T 20 -f "$script" $db > /dev/null
printf '%-8s %12s %10s\n' "clients" "tickets/s" "avg ms"
for n in $levels; do
  pgbench -h 127.0.0.1 -U postgres -n -M prepared -c "$n" -j 2 -T "$seconds" -f "$script" $db 2>&1 \
    | awk -v n="$n" '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%-8s %12.0f %10.2f\n", n, tps, lat}'
done
psql_ -d test -c "DROP DATABASE $db WITH (FORCE)"
