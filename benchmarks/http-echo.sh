#!/usr/bin/env bash
# Load benchmark of the MCP endpoint against a plain Spring MVC controller in the same
# application (sample-app, profile "benchmark"): tools/call echo over real HTTP with a
# session, at 16 and 64 concurrent connections, variants alternating in the same run.
# Reports requests/s, latency p50/p99 and server CPU time per request. Needs wrk.
#
# Usage: benchmarks/http-echo.sh [warm-up seconds] [rounds] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."

WARMUP=${1:-90}
ROUNDS=${2:-3}
DURATION=${3:-10}
PORT=${PORT:-8089}
BASE="http://127.0.0.1:$PORT/api"
JAR=sample-app/target/sample-app-0.1.0-SNAPSHOT.jar

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }
[ -f "$JAR" ] || ./mvnw -q -B -pl sample-app -am package -DskipTests

java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$JAR" --spring.profiles.active=benchmark --server.port="$PORT" \
	--logging.level.root=warn >/tmp/mcp-bench-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
	curl -s -o /dev/null "$BASE/reports" && break
	sleep 0.5
done

export MCP_SESSION_ID
MCP_SESSION_ID=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
	-H 'Accept: application/json, text/event-stream' "$BASE/mcp" \
	-d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"wrk","version":"1"}}}' \
	| tr -d '\r' | awk 'tolower($1) == "mcp-session-id:" {print $2}')
[ -n "$MCP_SESSION_ID" ] || { echo "initialize failed"; exit 1; }

cpu_ticks() {
	awk '{print $14 + $15}' "/proc/$SERVER/stat"
}

# run NAME URL CONNECTIONS SECONDS: prints "req/s p50 p99 cpu-us-per-request"
run() {
	local url=$2 connections=$3 seconds=$4 before after out requests
	before=$(cpu_ticks)
	if [ "$1" = baseline ]; then
		out=$(MCP_SESSION_ID= wrk -t2 -c"$connections" -d"${seconds}s" --latency -s benchmarks/wrk/echo.lua "$url")
	else
		out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s benchmarks/wrk/echo.lua "$url")
	fi
	after=$(cpu_ticks)
	if echo "$out" | grep -q 'Non-2xx'; then
		echo "non-2xx responses from $url" >&2
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

echo "warming up for ${WARMUP}s (both endpoints, alternating)"
end=$((SECONDS + WARMUP))
while [ $SECONDS -lt $end ]; do
	echo "  mcp $(run mcp "$BASE/mcp" 64 10) | baseline $(run baseline "$BASE/bench/echo" 64 10)"
done

printf '\n%-5s %-9s %-6s %10s %9s %9s %14s\n' conns endpoint round 'req/s' p50 p99 'cpu us/req'
for connections in 16 64; do
	for round in $(seq 1 "$ROUNDS"); do
		for endpoint in mcp baseline; do
			url="$BASE/mcp"
			[ "$endpoint" = baseline ] && url="$BASE/bench/echo"
			read -r rps p50 p99 cpu <<<"$(run "$endpoint" "$url" "$connections" "$DURATION")"
			printf '%-5s %-9s %-6s %10s %9s %9s %14s\n' "$connections" "$endpoint" "$round" "$rps" "$p50" "$p99" "$cpu"
			echo "$connections $endpoint $rps $cpu" >>/tmp/mcp-bench-results.$$
		done
	done
done

echo
awk '{rps[$1" "$2] += $3; cpu[$1" "$2] += $4; n[$1" "$2]++}
	END {
		for (c = 16; c <= 64; c *= 4) {
			m = rps[c" mcp"] / n[c" mcp"]; b = rps[c" baseline"] / n[c" baseline"]
			printf "%d connections: mcp %.0f req/s, baseline %.0f req/s, ratio %.1f%%; cpu/request mcp %.1f us, baseline %.1f us\n", \
				c, m, b, 100 * m / b, cpu[c" mcp"] / n[c" mcp"], cpu[c" baseline"] / n[c" baseline"]
		}
	}' /tmp/mcp-bench-results.$$
rm -f /tmp/mcp-bench-results.$$
