#!/usr/bin/env bash
# Seconds from launching the Passerelle jar to /actuator/health answering UP.
# Usage: perf/startup.sh DATA_DIR [PORT] [extra environment assignments...]
set -euo pipefail
data_dir=$1; port=${2:-8095}; shift $(( $# > 1 ? 2 : 1 ))
jar=$(ls "$(dirname "$0")"/../target/passerelle-*.jar | head -n 1)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
start=$(date +%s.%N)
env "$@" PASSERELLE_DATA_DIR="$data_dir" SERVER_PORT="$port" "$java" -jar "$jar" > "$data_dir.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" | grep -q UP; do
  kill -0 $pid 2>/dev/null || { echo "Passerelle stopped; see $data_dir.log" >&2; exit 1; }
  sleep 0.05
done
echo "ready in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s"
