#!/usr/bin/env bash
# HSDS API and directory page latency of a running Passerelle: one connection (latency), then
# eight (throughput), 15 s each, over a sample of service ids.
# Usage: perf/hsds-latency.sh BASE_URL IDS_FILE
set -euo pipefail
base=$1; ids=$2; here=$(dirname "$0")
run() {
  local name=$1; shift
  for connections in 1 8; do
    printf '%-40s c=%d  ' "$name" "$connections"
    wrk -t1 -c"$connections" -d15s --latency "$@" | awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} /Requests\/sec/ {rps=$2} /Non-2xx/ {err=$NF}
      END { printf "p50 %s  p99 %s  %s req/s  non-2xx %s\n", p50, p99, rps, (err == "" ? 0 : err) }'
  done
}
run "GET /hsds/services (50 per page)" "$base/hsds/services?per_page=50&page=17"
run "GET /hsds/services/{id} (full)" -s "$here/random-ids.lua" "$base" -- "$ids" /hsds/services/
run "GET /hsds/service_at_locations?full=true (10)" "$base/hsds/service_at_locations?full=true&per_page=10&page=3"
run "GET /hsds/services?search=legal" "$base/hsds/services?search=legal&per_page=50"
run "GET /services/{id} (page, French)" -s "$here/random-ids.lua" "$base" -- "$ids" /services/ "?lang=fr"
run "GET /services?domain=health&province=QC" "$base/services?domain=health&province=QC&lang=fr"
run "GET /services?q=refuge (page, French)" "$base/services?q=refuge&lang=fr"
