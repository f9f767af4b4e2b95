# Shared by the bench scripts: a JDK >= 21, the application jar, and waiting for readiness.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    if [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then JAVA_HOME="${candidate%/}"; break; fi
  done
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

jar_path() { ls "$ROOT"/target/xiaoer-*.jar 2>/dev/null | grep -v original | head -1; }
build_jar() {
  if [ -z "$(jar_path)" ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  fi
  jar_path
}

# Polls the health endpoint until it answers UP; prints the milliseconds it took since $2 (epoch ms).
wait_ready() {
  local url=$1 since=$2
  for _ in $(seq 1 1200); do
    if curl -fs "$url/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      echo $(( $(date +%s%3N) - since ))
      return 0
    fi
    sleep 0.05
  done
  echo "not ready after 60 s" >&2
  return 1
}

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
heap_used_mb() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null | awk '/used/ && /garbage-first heap|heap/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); printf "%.0f", v/1024; exit}}'
}

psql_() { psql -h 127.0.0.1 -U postgres -qAt "$@"; }

# For the benches on PostgreSQL: with $jar, $db and $port set, makes database $db afresh, starts
# Xiaoer on it in the production profile (start_app again restarts it after a kill: $pid, its log
# in $log) and makes an API token's secret ($token) and the hash to store for it ($hash).
# BENCH_JAVA_OPTS adds JVM options to the server (a JFR recording, another collector); arguments
# given to either function go to the application.
start_app() {
  local since
  since=$(date +%s%3N)
  XIAOER_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db XIAOER_DB_USER=postgres \
  XIAOER_SECRET=$(head -c 32 /dev/urandom | base64) XIAOER_PORT=$port \
    "$JAVA" --enable-native-access=ALL-UNNAMED ${BENCH_JAVA_OPTS:-} -jar "$jar" "$@" > "$log" 2>&1 &
  pid=$!
  echo "ready after $(wait_ready "http://127.0.0.1:$port" "$since") ms"
}
fresh_database_and_app() {
  psql_ -d test -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  log=$(mktemp)
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
  start_app "$@"
  token="xo_bench$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  hash=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
}
