#!/usr/bin/env bash
# The echo benchmark of http-echo.sh for both protocol revisions and both stores, in one run:
# two sample-app servers side by side (profile "benchmark"), one with the memory store and one
# with the Redis store (mcp.docket.store=redis, Redis on 127.0.0.1:6379), each loaded with
# tools/call echo in a 2025-11-25 session and as a stateless 2026-07-28 request. wrk loads one
# variant at a time, alternating round by round, so all see the same machine load. Reports
# requests/s, latency p50/p99 and server CPU time per request, and the session throughput of the
# Redis store relative to the memory store. JAR=... runs another build of sample-app.
#
# Usage: benchmarks/http-echo-revisions.sh [warm-up seconds] [rounds] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${1:-60}
ROUNDS=${2:-3}
DURATION=${3:-10}
MEMORY_PORT=${MEMORY_PORT:-8093}
REDIS_PORT=${REDIS_PORT:-8094}
JAR=${JAR:-sample-app/target/sample-app-0.1.0-SNAPSHOT.jar}

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -pl sample-app -am package -DskipTests

start() {
	java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=benchmark --server.port="$1" \
		--logging.level.root=warn "${@:2}" >"/tmp/mcp-bench-$1.log" 2>&1 &
	echo $!
}
MEMORY=$(start "$MEMORY_PORT")
REDIS=$(start "$REDIS_PORT" --mcp.docket.store=redis --mcp.docket.name="mcp-bench-$$" \
	--mcp.tasks.encryption-key="$(head -c 32 /dev/urandom | base64)")
# the servers are not children of this shell (started in $(...)): wait until they are gone,
# then delete the Redis server's keys (prefix mcp-bench-<pid of this script>)
stop() {
	kill $MEMORY $REDIS 2>/dev/null || true
	while kill -0 $MEMORY 2>/dev/null || kill -0 $REDIS 2>/dev/null; do sleep 0.2; done
	if command -v redis-cli >/dev/null; then
		redis-cli --scan --pattern "mcp-bench-$$:*" | xargs -r redis-cli DEL >/dev/null
	fi
}
trap stop EXIT

session() {
	for _ in $(seq 1 120); do
		curl -s -o /dev/null "http://127.0.0.1:$1/api/reports" && break
		sleep 0.5
	done
	curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
		-H 'Accept: application/json, text/event-stream' "http://127.0.0.1:$1/api/mcp" \
		-d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}' \
		| tr -d '\r' | awk 'tolower($1) == "mcp-session-id:" {print $2}'
}
MEMORY_SESSION=$(session "$MEMORY_PORT")
REDIS_SESSION=$(session "$REDIS_PORT")
[ -n "$MEMORY_SESSION" ] && [ -n "$REDIS_SESSION" ] || { echo "initialize failed"; exit 1; }

# run VARIANT CONNECTIONS SECONDS, VARIANT one of memory-session memory-modern redis-session
# redis-modern: prints "req/s p50 p99 cpu-us-per-request"
run() {
	local store=${1%-*} revision=${1#*-} pid port session script before after out requests
	if [ "$store" = memory ]; then pid=$MEMORY port=$MEMORY_PORT session=$MEMORY_SESSION; else pid=$REDIS port=$REDIS_PORT session=$REDIS_SESSION; fi
	if [ "$revision" = session ]; then script=benchmarks/wrk/echo.lua; else session="" script=benchmarks/wrk/echo-modern.lua; fi
	before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	out=$(MCP_SESSION_ID=$session wrk -t2 -c"$2" -d"$3s" --latency -s "$script" "http://127.0.0.1:$port/api/mcp")
	after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	if echo "$out" | grep -q 'Non-2xx'; then
		echo "non-2xx responses from $1" >&2
		echo "$out" >&2
		exit 1
	fi
	requests=$(echo "$out" | awk '/requests in/ {print $1}')
	echo "$out" | awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" '
		/Requests\/sec/ {rps = $2}
		$1 == "50%" {p50 = $2}
		$1 == "99%" {p99 = $2}
		END {printf "%.0f %s %s %.1f\n", rps, p50, p99, ticks / hz * 1e6 / n}'
}

VARIANTS="memory-session memory-modern redis-session redis-modern"
echo "warming up for ${WARMUP}s (all variants, alternating)"
end=$((SECONDS + WARMUP))
while [ $SECONDS -lt $end ]; do
	for variant in $VARIANTS; do
		echo "  $variant $(run "$variant" 64 5)"
	done
done

results=$(mktemp)
printf '\n%-5s %-15s %-6s %10s %9s %9s %14s\n' conns variant round 'req/s' p50 p99 'cpu us/req'
for round in $(seq 1 "$ROUNDS"); do
	for connections in 16 64; do
		for variant in $VARIANTS; do
			read -r rps p50 p99 cpu <<<"$(run "$variant" "$connections" "$DURATION")"
			printf '%-5s %-15s %-6s %10s %9s %9s %14s\n' "$connections" "$variant" "$round" "$rps" "$p50" "$p99" "$cpu"
			echo "$connections $variant $rps $cpu" >>"$results"
		done
	done
done

echo
awk '{rps[$1" "$2] += $3; cpu[$1" "$2] += $4; n[$1" "$2]++}
	END {
		for (c = 16; c <= 64; c *= 4) {
			for (s = 0; s < 2; s++) {
				store = s == 0 ? "memory" : "redis"
				a = c" "store"-session"; b = c" "store"-modern"
				printf "%d connections, %s store: session %.0f req/s, modern %.0f req/s, modern/session %.1f%%; cpu/request session %.1f us, modern %.1f us\n", \
					c, store, rps[a] / n[a], rps[b] / n[b], 100 * (rps[b] / n[b]) / (rps[a] / n[a]), cpu[a] / n[a], cpu[b] / n[b]
			}
			a = c" memory-session"; b = c" redis-session"
			printf "%d connections, session: redis/memory %.1f%%\n", c, 100 * (rps[b] / n[b]) / (rps[a] / n[a])
		}
	}' "$results"
rm -f "$results"
