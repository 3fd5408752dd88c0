#!/usr/bin/env bash
# The finder over HTTP, two builds one after the other on the same data folder under the same wrk
# load (perf/matches.lua, 64 connections): each is started, warmed for 30 s, then measured for 30 s
# on the JSON API and 30 s on the HTML page. Prints wrk's lines for each, then the throughput ratio.
# Usage: perf/matches-side-by-side.sh BASELINE_JAR CANDIDATE_JAR DATA_DIR [PORT] [JVM options...]
set -euo pipefail
baseline=$1; candidate=$2; data_dir=$3; port=${4:-8096}; shift $(( $# > 3 ? 4 : 3 ))
jvm_options=("${@:--Xmx1g}")
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
url="http://localhost:$port"

measure() { # JAR NAME: prints "NAME api REQUESTS_PER_S" and "NAME page REQUESTS_PER_S" after wrk's own lines
  local jar=$1 name=$2
  PASSERELLE_DATA_DIR="$data_dir" SERVER_PORT="$port" "$java" "${jvm_options[@]}" -jar "$jar" > "$data_dir.$name.log" 2>&1 &
  local pid=$!
  until curl -sf "$url/actuator/health" | grep -q UP; do
    kill -0 $pid 2>/dev/null || { echo "$name stopped; see $data_dir.$name.log" >&2; exit 1; }
    sleep 0.5
  done
  wrk -t2 -c64 -d30s -s "$here/matches.lua" "$url" > /dev/null
  for target in api page; do
    local path=/api/v1/matches; [ $target = page ] && path=/
    local out; out=$(wrk -t2 -c64 -d30s --latency -s "$here/matches.lua" "$url" -- "$path")
    echo "$out" | grep -E "Requests/sec|p50 |Non-2xx|Socket errors" | sed "s/^/$name $target: /"
    echo "$name $target $(echo "$out" | awk '/Requests\/sec/ { print $2 }')" >> "$data_dir.rates"
  done
  kill $pid; wait $pid 2>/dev/null || true
}

rm -f "$data_dir.rates"
measure "$baseline" baseline
measure "$candidate" candidate
awk '{ rate[$1 " " $2] = $3 } END {
  printf "ratio api %.2f, page %.2f (candidate / baseline requests per second)\n",
    rate["candidate api"] / rate["baseline api"], rate["candidate page"] / rate["baseline page"] }' "$data_dir.rates"
