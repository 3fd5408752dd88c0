#!/usr/bin/env bash
# Each query of the engine's benchmark mix timed alone, the best of eight: which kinds of query the
# time goes to, and the slowest (docs/performance.md). Not the benchmark of record: JMH is.
# Usage: perf/query-times.sh [SERVICES] [typical|selective] [SLOWEST] [BUILD]
#   BUILD: another checkout built with ./mvnw test-compile: its engine answers this checkout's queries
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java_home=$(./mvnw --version | sed -n "s/^Java version: .*runtime: //p")
build=${4:-.}
exec "$java_home/bin/java" -Xmx12g -XX:+UseParallelGC \
  -cp "target/test-classes:$build/target/classes:$(cat target/test-classpath.txt)" \
  ca.passerelle.matching.QueryTimes "${1:-250000}" "${2:-typical}" "${3:-20}"
