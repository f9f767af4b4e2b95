#!/usr/bin/env bash
# Live chat on one node with PostgreSQL: (1) hold many visitor connections and report the memory
# each costs the server; (2) at fewer connections, send messages at a fixed total rate and report
# the time from sending until the server acknowledges the stored message, and until a signed-in
# agent's page hears of it (visitor → agent), with several agents' pages open. The load generator
# (bench/ChatLoad.java, JDK only) runs on the same machine. Each load visitor sends far more than a
# person types, so the per-visitor flood limit is lifted for the run.
# Usage: bench/chat-load.sh [held connections] [connections] [messages/s] [seconds] [agents' pages]
#        (default: 10000 1000 2000 20 10; 0 held connections skips the first part)
source "$(dirname "$0")/common.sh"
held=${1:-10000}; connections=${2:-1000}; rate=${3:-2000}; seconds=${4:-20}; agents=${5:-10}
jar=$(build_jar)
port=18085
db=xiaoer_bench_chat
fresh_database_and_app --xiaoer.chat.flood.messages=1000000
workspace=00000000-0000-0000-0000-00000000c001
psql_ -d $db -c "INSERT INTO workspaces (id, name, default_language, time_zone, currency, created_at, version)
  VALUES ('$workspace', 'Chat bench shop', 'zh-CN', 'Asia/Shanghai', 'CNY', now(), 1)"
# An agent, signed in through the sign-in page like a browser, whose session opens the agents' pages.
psql_ -d $db -c "INSERT INTO api_tokens (id, workspace_id, name, token_hash, scopes, created_at)
  VALUES ('00000000-0000-0000-0000-00000000c002', '$workspace', 'bench', '$hash',
  'READ,WRITE', now())"
password="bench-agent-$(head -c 12 /dev/urandom | base64 | tr -d '=+/')"
curl -fs -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"agent@bench.example\",\"displayName\":\"Bench agent\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/agents"
jar_=$(mktemp)
csrf=$(curl -fs -c "$jar_" "http://127.0.0.1:$port/login" | sed -n 's/.*name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar_" -c "$jar_" --data-urlencode "username=agent@bench.example" \
  --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$port/login"
session="XIAOER_SESSION=$(awk '$6 == "XIAOER_SESSION" {print $7}' "$jar_")"
rm -f "$jar_"
url="ws://127.0.0.1:$port/chat/ws"
load() { "$JAVA" -Xss256k "$ROOT/bench/ChatLoad.java" "$url" "$workspace" "$@"; }

# Warm-up: the JIT compiles the message path (a minute at up to 300 messages/s, with the agents'
# pages open: without them the compiler recompiled the fan-out, and still took a third of the
# server's CPU, during the measured run). Then the tables' statistics, as autovacuum would have them
# on a database in use: on tables seconds old the planner looked threads up through the wrong
# index, scanning every chat of the workspace.
agents_url="ws://127.0.0.1:$port/agent/ws"
load $(( connections / 5 + 1 )) $(( rate / 2 < 300 ? rate / 2 + 1 : 300 )) 60 "$agents" "$agents_url" "$session" > /dev/null
psql_ -d $db -c "ANALYZE" > /dev/null
sleep 2
if [ "$held" -gt 0 ]; then
  before=$(rss_mb $pid)
  echo "== $held connections held for 20 s (server RSS before: $before MB)"
  load "$held" 0 20 &
  loader=$!
  sleep 15
  after=$(rss_mb $pid)
  wait $loader || true
  echo "server RSS with $held connections: $after MB, about $(( (after - before) * 1024 / held )) KB per connection"
  sleep 3
fi
echo "== $connections connections, $rate messages/s for $seconds s, $agents agents' pages open"
load "$connections" "$rate" "$seconds" "$agents" "$agents_url" "$session"
echo "server RSS after: $(rss_mb $pid) MB; cores: $(nproc); JVM: $("$JAVA" -version 2>&1 | head -1)"
