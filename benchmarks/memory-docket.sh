#!/usr/bin/env bash
# Benchmark of the in-memory docket and worker: no-op tasks per second end to end (a
# burst, all in flight) and submit->start latency p50/p99 (at a steady 20,000 tasks/s,
# and one task at a time). Not a test: it wants the machine to itself.
#
# Usage: benchmarks/memory-docket.sh [tasks per round] [rounds] [worker concurrency]
set -euo pipefail
cd "$(dirname "$0")/.."

CLASSPATH_FILE=$(mktemp)
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -ntp -pl benchmarks -am package -DskipTests
./mvnw -q -B -ntp -pl benchmarks -am dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" \
	-Dmdep.includeScope=runtime
java ${JAVA_OPTS:--Xms2g -Xmx2g} -cp "benchmarks/target/classes:$(cat "$CLASSPATH_FILE")" \
	dev.mcpspring.benchmarks.DocketBenchmark "${1:-200000}" "${2:-8}" "${3:-10}"
