#!/usr/bin/env bash
# Benchmark of the Redis docket: no-op tasks per second end to end and submit->start
# latency p50/p99, with one and two worker processes, beside redis-benchmark figures from
# the same machine (the ceiling). Needs Redis on 127.0.0.1:6379 (or --port N).
#
# Usage: benchmarks/redis-docket.sh [--workers 1,2] [--warmup 10] [--seconds 15]
#        [--latency-rate 1000,5000] [--latency-seconds 10] [--concurrency 16] [--window 2000]
#        [--submitters 4] [--port 6379]
# (--submitters: threads submitting in the closed loop; --concurrency: each worker's
# mcp.worker.concurrency; --window: tasks in flight)
# Not a test: it takes about two minutes and wants the machine to itself.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MODULE=benchmarks
PORT=6379
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
	if [ "${args[$i]}" = "--port" ]; then PORT=${args[$((i + 1))]}; fi
done

CLASSPATH_FILE=$(mktemp)
trap 'rm -f "$CLASSPATH_FILE"' EXIT
./mvnw -q -B -ntp -pl "$MODULE" -am package -DskipTests
./mvnw -q -B -ntp -pl "$MODULE" -am dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" \
	-Dmdep.includeScope=runtime

if command -v redis-benchmark >/dev/null 2>&1; then
	rb() {
		redis-benchmark -h 127.0.0.1 -p "$PORT" -q "$@" | tr '\r' '\n' | grep 'requests per second' | sed 's/^ *//'
	}
	echo "== redis-benchmark on this machine (the ceiling), unpipelined"
	echo "-- 50 clients"
	rb -n 200000 -c 50 -t ping_mbulk,set,get,lpush
	rb -n 100000 -c 50 xadd mcp-bench:stream MAXLEN '~' 1000 '*' t x
	rb -n 100000 -c 50 eval "redis.call('HSET', KEYS[1], 'a', ARGV[1]) return redis.call('HGETALL', KEYS[1])" \
		1 mcp-bench:eval x
	echo "-- 1 client"
	rb -n 50000 -c 1 -t ping_mbulk,set
	redis-cli -h 127.0.0.1 -p "$PORT" del "key:__rand_int__" mylist mcp-bench:stream mcp-bench:eval >/dev/null
else
	echo "(redis-benchmark not found: apt-get install redis-tools)"
fi

echo
echo "== Redis docket, end to end"
# The project's own modules come from their target/classes, never from a local repository
DEPENDENCIES=$(tr ':' '\n' <"$CLASSPATH_FILE" | grep -v '/dev/mcpspring/' | paste -sd: -)
java -Xmx1g -cp "$MODULE/target/classes:mcp-spring-boot-autoconfigure/target/classes:$DEPENDENCIES" \
	dev.mcpspring.benchmarks.RedisDocketBenchmark run "$@"
