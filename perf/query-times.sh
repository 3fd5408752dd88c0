#!/usr/bin/env bash
# Each query of the engine's benchmark mix timed alone, the best of eight: which kinds of query the
# time goes to, and the slowest (docs/performance.md). Not the benchmark of record: JMH is.
# Usage: perf/query-times.sh [SERVICES] [typical|selective] [SLOWEST] [BUILD]
#   BUILD: another checkout built with ./mvnw test-compile: both engines answer this checkout's
#   queries side by side, in one JVM, query by query in turn, and each kind's ratio is printed
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java_home=$(./mvnw --version | sed -n "s/^Java version: .*runtime: //p")
other=()
heap=12g
if [ -n "${4:-}" ]; then
  other=("$(cd "$4" && pwd)/target/classes")
  heap=20g
fi
exec "$java_home/bin/java" -Xmx$heap -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  ca.passerelle.matching.QueryTimes "${1:-250000}" "${2:-typical}" "${3:-20}" "${other[@]}"
