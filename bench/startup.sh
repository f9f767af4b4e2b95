#!/usr/bin/env bash
# Start-up time to ready on the embedded database, and memory after start, for the two ways of
# starting Xiaoer: `./xiaoer` (the unpacked jar with its JVM start-up cache) and plain `java -jar`.
# Usage: bench/startup.sh [runs]   (default 3)
source "$(dirname "$0")/common.sh"
runs=${1:-3}
jar=$(build_jar)
port=18090
work=$(mktemp -d)
trap 'rm -rf "$work" "$(dirname "$jar")/xiaoer-app"' EXIT

# Starts the command given in an empty or existing ./data, prints the milliseconds until the health
# endpoint answers UP, RSS and heap one second later, then stops it.
measure() {
  local label=$1; shift
  local start pid ms
  start=$(date +%s%3N)
  (cd "$work" && exec "$@" --server.port=$port > "$work/app.log" 2>&1) &
  pid=$!
  ms=$(wait_ready "http://127.0.0.1:$port" "$start")
  sleep 1
  # Each command ends by exec-ing the JVM, so $pid is the JVM's process.
  printf '%-52s %10s %10s %14s\n' "$label" "$ms" "$(rss_mb $pid)" "$(heap_used_mb $pid)"
  kill $pid; wait $pid 2>/dev/null || true
}

printf '%-52s %10s %10s %14s\n' "start" "ready ms" "RSS MB" "heap used MB"
# The launcher prepares its start-up cache on the first launch of a build with a JDK.
rm -rf "$(dirname "$jar")/xiaoer-app"
measure "./xiaoer, first launch of this build (makes cache)" env XIAOER_JAR="$jar" "$ROOT/xiaoer"
for run in $(seq 1 "$runs"); do
  for how in launcher jar; do
    rm -rf "$work/data"
    if [ $how = launcher ]; then
      measure "./xiaoer, first start (demo seeding)" env XIAOER_JAR="$jar" "$ROOT/xiaoer"
      measure "./xiaoer, restart (existing data)" env XIAOER_JAR="$jar" "$ROOT/xiaoer"
    else
      measure "java -jar, first start (demo seeding)" "$JAVA" -jar "$jar" --spring.profiles.active=dev
      measure "java -jar, restart (existing data)" "$JAVA" -jar "$jar" --spring.profiles.active=dev
    fi
  done
done
echo "JVM: $("$JAVA" -version 2>&1 | head -1); java -jar with the JVM's default heap settings, ./xiaoer with its own; cores: $(nproc)"
