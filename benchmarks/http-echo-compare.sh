#!/usr/bin/env bash
# The echo benchmark of http-echo.sh, comparing two builds of sample-app in one run: both
# servers run side by side (profile "benchmark"), and wrk loads one at a time, alternating
# between them round by round, so both see the same machine load. Reports requests/s,
# latency p50/p99 and server CPU time per request of MCP tools/call echo.
#
# Usage: benchmarks/http-echo-compare.sh OLD_JAR NEW_JAR [warm-up seconds] [rounds] [seconds per run]
set -euo pipefail
cd "$(dirname "$0")/.."

OLD_JAR=$1
NEW_JAR=$2
WARMUP=${3:-60}
ROUNDS=${4:-3}
DURATION=${5:-10}
OLD_PORT=${OLD_PORT:-8091}
NEW_PORT=${NEW_PORT:-8092}

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }

start() {
	java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$1" --spring.profiles.active=benchmark --server.port="$2" \
		--logging.level.root=warn >"/tmp/mcp-bench-$2.log" 2>&1 &
	echo $!
}
OLD=$(start "$OLD_JAR" "$OLD_PORT")
NEW=$(start "$NEW_JAR" "$NEW_PORT")
trap 'kill $OLD $NEW 2>/dev/null; wait $OLD $NEW 2>/dev/null || true' EXIT

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
OLD_SESSION=$(session "$OLD_PORT")
NEW_SESSION=$(session "$NEW_PORT")
[ -n "$OLD_SESSION" ] && [ -n "$NEW_SESSION" ] || { echo "initialize failed"; exit 1; }

# run VARIANT CONNECTIONS SECONDS: prints "req/s p50 p99 cpu-us-per-request"
run() {
	local pid port session before after out requests
	if [ "$1" = old ]; then pid=$OLD port=$OLD_PORT session=$OLD_SESSION; else pid=$NEW port=$NEW_PORT session=$NEW_SESSION; fi
	before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	out=$(MCP_SESSION_ID=$session wrk -t2 -c"$2" -d"$3s" --latency -s benchmarks/wrk/echo.lua "http://127.0.0.1:$port/api/mcp")
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

echo "warming up for ${WARMUP}s (both variants, alternating)"
end=$((SECONDS + WARMUP))
while [ $SECONDS -lt $end ]; do
	echo "  old $(run old 64 10) | new $(run new 64 10)"
done

results=$(mktemp)
printf '\n%-5s %-7s %-6s %10s %9s %9s %14s\n' conns variant round 'req/s' p50 p99 'cpu us/req'
for round in $(seq 1 "$ROUNDS"); do
	for connections in 16 64; do
		for variant in old new; do
			read -r rps p50 p99 cpu <<<"$(run "$variant" "$connections" "$DURATION")"
			printf '%-5s %-7s %-6s %10s %9s %9s %14s\n' "$connections" "$variant" "$round" "$rps" "$p50" "$p99" "$cpu"
			echo "$connections $variant $rps $cpu" >>"$results"
		done
	done
done

echo
awk '{rps[$1" "$2] += $3; cpu[$1" "$2] += $4; n[$1" "$2]++}
	END {
		for (c = 16; c <= 64; c *= 4) {
			o = rps[c" old"] / n[c" old"]; w = rps[c" new"] / n[c" new"]
			printf "%d connections: old %.0f req/s, new %.0f req/s, new/old %.1f%%; cpu/request old %.1f us, new %.1f us\n", \
				c, o, w, 100 * w / o, cpu[c" old"] / n[c" old"], cpu[c" new"] / n[c" new"]
		}
	}' "$results"
rm -f "$results"
