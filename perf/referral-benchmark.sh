#!/usr/bin/env bash
# Durable referral transitions against a plain single-row insert, side by side in one JMH run
# (docs/performance.md). Usage: perf/referral-benchmark.sh [JMH options...]   e.g. -t 4
# PostgreSQL: the machine's (127.0.0.1:5432, database test), on a database made for the run.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java_home=$(./mvnw --version | sed -n "s/^Java version: .*runtime: //p")
exec "$java_home/bin/java" ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  org.openjdk.jmh.Main ReferralTransitionBenchmark "$@"
