#!/usr/bin/env bash
# Start-up time to ready on the embedded database, and memory after start.
# Usage: bench/startup.sh [runs]   (default 3)
source "$(dirname "$0")/common.sh"
runs=${1:-3}
jar=$(build_jar)
port=18090
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-28s %10s %10s %14s\n' "start" "ready ms" "RSS MB" "heap used MB"
for run in $(seq 1 "$runs"); do
  for kind in "first start (demo seeding)" "restart (existing data)"; do
    [ "$kind" = "first start (demo seeding)" ] && rm -rf "$work/data"
    start=$(date +%s%3N)
    (cd "$work" && exec "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$jar" --spring.profiles.active=dev \
        --server.port=$port > "$work/app.log" 2>&1) &
    pid=$!
    ms=$(wait_ready "http://127.0.0.1:$port" "$start")
    sleep 1
    printf '%-28s %10s %10s %14s\n' "$kind" "$ms" "$(rss_mb $pid)" "$(heap_used_mb $pid)"
    kill $pid; wait $pid 2>/dev/null || true
  done
done
echo "JVM: $("$JAVA" -version 2>&1 | head -1); default heap settings; cores: $(nproc)"
