#!/usr/bin/env bash
# Ticket creation over the REST API (first message, timeline entry, event) against PostgreSQL on
# this machine, with N closed-loop clients from a load generator on the same machine.
# Usage: bench/ticket-create.sh [seconds per level] [N...]   (default: 20 s, N = 1 4 16 64)
source "$(dirname "$0")/common.sh"
seconds=${1:-20}; shift || true
levels=${*:-1 4 16 64}
jar=$(build_jar)
port=18080
db=xiaoer_bench
psql_() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }

psql_ -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
log=$(mktemp)
start=$(date +%s%3N)
XIAOER_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db XIAOER_DB_USER=postgres \
XIAOER_SECRET=$(head -c 32 /dev/urandom | base64) XIAOER_PORT=$port \
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" > "$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
echo "ready after $(wait_ready "http://127.0.0.1:$port" "$start") ms (PostgreSQL, production profile)"

# A workspace and a read-write API token, written straight into the fresh database.
token="xo_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
psql_ -d $db <<SQL
INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
VALUES ('00000000-0000-0000-0000-00000000b001', 'Bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1);
INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
VALUES ('00000000-0000-0000-0000-00000000b002', '00000000-0000-0000-0000-00000000b001', 'bench', '$hash', 'READ,WRITE', now());
SQL

body='{"subject":"化肥还没发货 #{n}","body":"我 3 号订的复合肥（订单 {n}）到今天还显示未发货，能不能加急？","requester":{"email":"farmer{n}@example.test","name":"张建国"},"type":"logistics","priority":"high"}'
"$JAVA" "$ROOT/bench/LoadGenerator.java" "http://127.0.0.1:$port/api/v1/tickets" "$token" "$body" "$seconds" $levels
echo "tickets in the database: $(psql_ -d $db -c 'SELECT count(*) FROM tickets')"
echo "app RSS after the run: $(rss_mb $pid) MB; cores: $(nproc); JVM: $("$JAVA" -version 2>&1 | head -1)"
