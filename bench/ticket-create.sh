#!/usr/bin/env bash
# Ticket creation over the REST API (first message, timeline entry, event) against PostgreSQL on
# this machine, with N concurrent connections from wrk (a small C load generator, so that the load
# generator takes as little of the two cores as possible) on the same machine.
# Usage: bench/ticket-create.sh [seconds per level] [N...]   (default: 20 s, N = 1 4 16 64)
source "$(dirname "$0")/common.sh"
seconds=${1:-20}; shift || true
levels=${*:-1 4 16 64}
jar=$(build_jar)
port=18080
db=xiaoer_bench

fresh_database_and_app

# A workspace and a read-write API token, written straight into the fresh database.
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('00000000-0000-0000-0000-00000000b001', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
VALUES ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000b001', 'bench', '$hash', 'READ,WRITE', now());
SQL

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
url="http://127.0.0.1:$port/api/v1/tickets"
script="$ROOT/bench/ticket-create.lua"
export XIAOER_TOKEN=$token
# The JIT compiles the hot paths during the first minute on this machine (C2 was still compiling
# after 20 s): warm up for 60 s before measuring anything.
CLIENTS=warm-up wrk -t2 -c8 -d60s -s "$script" "$url" > /dev/null
printf '%-8s %12s %10s %10s %10s %8s\n' "clients" "tickets/s" "p50 ms" "p99 ms" "max ms" "errors"
for n in $levels; do
  threads=$(( n < 2 ? 1 : 2 ))
  CLIENTS=$n wrk -t$threads -c$n -d3s -s "$script" "$url" > /dev/null
  CLIENTS=$n wrk -t$threads -c$n -d${seconds}s -s "$script" "$url" | tail -1
done
echo "tickets in the database: $(psql_ -d $db -c 'SELECT count(*) FROM tickets')"
echo "app RSS after the run: $(rss_mb $pid) MB; cores: $(nproc); JVM: $("$JAVA" -version 2>&1 | head -1)"
