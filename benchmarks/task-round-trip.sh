#!/usr/bin/env bash
# Task round trips over HTTP on both protocol revisions and both stores, in one run: two
# sample-app servers side by side (profile "benchmark", which adds the no-op task tool
# "noop"), one with the memory store and one with the Redis store (Redis on 127.0.0.1:6379).
# TaskRoundTripBenchmark keeps a fixed number of tasks in flight (one per driver thread) and
# times each from tools/call sent to the result in hand: on 2026-07-28 a stateless
# tools/call, then tasks/get until completed (result inline); on 2025-11-25 a session per
# thread, tools/call with params.task, tasks/get until completed, then tasks/result. The
# driver polls every 5 ms on both. The four variants alternate window by window. Reports
# tasks/s, p50/p99/max and server CPU time per task.
#
# Usage: [MVN_OFFLINE=-o] benchmarks/task-round-trip.sh [warm-up seconds] [rounds] [seconds per window]
#        [in flight]
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${1:-60}
ROUNDS=${2:-3}
DURATION=${3:-20}
IN_FLIGHT=${4:-100}
MEMORY_PORT=${MEMORY_PORT:-8095}
REDIS_PORT=${REDIS_PORT:-8096}
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar
DOCKET=bench-rt-$$

CLASSPATH_FILE=$(mktemp)
./mvnw -q -B -ntp ${MVN_OFFLINE:-} -pl sample-app,benchmarks -am package -DskipTests
./mvnw -q -B -ntp ${MVN_OFFLINE:-} -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" \
	-Dmdep.includeScope=runtime

SERVER_ARGS=(--mcp.tasks.max-active-per-owner=10000 --mcp.tasks.max-active-anonymous=10000
	--mcp.worker.concurrency=32 --mcp.docket.default-ttl=30s --mcp.docket.capacity=1000000)
start() {
	java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=benchmark --server.port="$1" \
		--logging.level.root=warn "${SERVER_ARGS[@]}" "${@:2}" >"/tmp/mcp-bench-$1.log" 2>&1 &
	echo $!
}
MEMORY=$(start "$MEMORY_PORT")
REDIS=$(start "$REDIS_PORT" --mcp.docket.store=redis --mcp.docket.name="$DOCKET" \
	--mcp.tasks.encryption-key="$(openssl rand -base64 32)")
cleanup() {
	kill "$MEMORY" "$REDIS" 2>/dev/null || true
	wait "$MEMORY" "$REDIS" 2>/dev/null || true
	redis-cli --scan --pattern "$DOCKET:*" | xargs -r redis-cli del >/dev/null
	rm -f "$CLASSPATH_FILE"
}
trap cleanup EXIT

for port in "$MEMORY_PORT" "$REDIS_PORT"; do
	for _ in $(seq 1 120); do
		curl -s -o /dev/null "http://127.0.0.1:$port/api/reports" && break
		sleep 0.5
	done
done

java -Xms512m -Xmx512m -cp "benchmarks/target/classes:$(cat "$CLASSPATH_FILE")" \
	dev.mcpspring.benchmarks.TaskRoundTripBenchmark \
	"http://127.0.0.1:$MEMORY_PORT/api/mcp" "$MEMORY" "http://127.0.0.1:$REDIS_PORT/api/mcp" "$REDIS" \
	"$WARMUP" "$ROUNDS" "$DURATION" "$IN_FLIGHT"
echo
echo "heap after the run (jcmd GC.heap_info, used):"
for pid in "$MEMORY" "$REDIS"; do
	echo "  $pid $(jcmd "$pid" GC.heap_info 2>/dev/null | grep -m1 -i 'used' | sed 's/^ *//')"
done
echo "redis keys of the run: $(redis-cli --scan --pattern "$DOCKET:*" | wc -l)"
