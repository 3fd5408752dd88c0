#!/usr/bin/env bash
# The finder over HTTP, two builds side by side under the same wrk load (perf/matches.lua, 64
# connections). Both run at once, each on its own copy of the data folder, and are measured in
# turn, round after round, so that a slower minute of this shared machine falls on both alike.
# Each is warmed (30 s on the API, 20 s on the page); every round then measures the JSON API for
# 10 s on each, then the HTML page, the baseline first in odd rounds and the candidate first in
# even ones. Prints wrk's lines for each measurement, then each round's ratio, sorted, and their
# median.
# Usage: perf/matches-side-by-side.sh BASELINE_JAR CANDIDATE_JAR DATA_DIR [PORT] [ROUNDS] [JVM options of both...]
#   The candidate runs on PORT + 1, on DATA_DIR.copy (brought in step by rsync before either starts);
#   CANDIDATE_JVM_OPTIONS, if set, are the candidate's alone: one jar under two settings.
set -euo pipefail
baseline=$1; candidate=$2; data_dir=$3; port=${4:-8096}; rounds=${5:-5}; shift $(( $# > 4 ? 5 : $# ))
jvm_options=("$@")
[ $# = 0 ] && jvm_options=(-Xmx1g -XX:-G1UseAdaptiveIHOP) # as the README recommends
here=$(cd "$(dirname "$0")" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true' EXIT

rsync -a --delete "$data_dir/" "$data_dir.copy/"

start() { # JAR DATA_DIR PORT NAME [JVM options of this build alone...]
  PASSERELLE_DATA_DIR="$2" SERVER_PORT="$3" "$java" "${jvm_options[@]}" "${@:5}" -jar "$1" > "$2.$4.log" 2>&1 &
  pids+=($!)
}

ready() { # PORT
  until curl -sf "http://localhost:$1/actuator/health" | grep -q UP; do
    kill -0 "${pids[@]}" 2>/dev/null || { echo "a build stopped; see $data_dir*.log" >&2; exit 1; }
    sleep 0.5
  done
}

load() { # PORT PATH SECONDS
  wrk -t2 -c64 -d"$3"s --latency -s "$here/matches.lua" "http://localhost:$1" -- "$2"
}

start "$baseline" "$data_dir" "$port" baseline
start "$candidate" "$data_dir.copy" $((port + 1)) candidate ${CANDIDATE_JVM_OPTIONS:-}
ready "$port"; ready $((port + 1))
for at in "$port" $((port + 1)); do
  load "$at" /api/v1/matches 30 > /dev/null; load "$at" / 20 > /dev/null
done

rates=$(mktemp)
for round in $(seq "$rounds"); do
  for target in api page; do
    path=/api/v1/matches; [ $target = page ] && path=/
    order="baseline candidate"; [ $((round % 2)) = 0 ] && order="candidate baseline"
    for name in $order; do
      at=$port; [ $name = candidate ] && at=$((port + 1))
      out=$(load "$at" "$path" 10)
      echo "$out" | grep -E "Requests/sec| 50%| 99%|Non-2xx|Socket errors" | sed "s/^/round $round $name $target: /"
      echo "$round $target $name $(echo "$out" | awk '/Requests\/sec/ { print $2 }')" >> "$rates"
    done
  done
done
for target in api page; do
  ratios=$(awk -v t=$target '$2 == t { rate[$1 " " $3] = $4; rounds[$1] }
    END { for (r in rounds) printf "%.2f\n", rate[r " candidate"] / rate[r " baseline"] }' "$rates" | sort -n)
  echo "ratio $target: median $(echo "$ratios" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')" \
    "(candidate / baseline requests per second, rounds sorted: $(echo $ratios))"
done
rm -f "$rates"
