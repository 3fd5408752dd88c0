#!/usr/bin/env bash
# The matching engine against PostgreSQL, side by side in one JMH run (docs/performance.md).
# Usage: perf/matching-benchmark.sh [JMH options...]   e.g. -p services=250000
# PostgreSQL: the machine's (127.0.0.1:5432, database test) unless JAVA_OPTS holds -Dbench.db=...
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java_home=$(./mvnw --version | sed -n "s/^Java version: .*runtime: //p")
exec "$java_home/bin/java" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main MatchingBenchmark "$@"
