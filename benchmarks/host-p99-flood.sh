#!/usr/bin/env bash
# The host application's latency while an MCP client floods the server with slow calls:
# for each build of sample-app, p99 of its own GET /api/reports (wrk, 8 connections),
# first quiet, then while bursts of 300 MCP requests (half tasks/result on a 10-minute
# long_job task, half direct slow_count calls of 10 minutes) are sent every 5 s and
# abandoned by the client after 2 s. The variants run one after the other.
#
# Usage: benchmarks/host-p99-flood.sh JAR... (each JAR a sample-app build)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8093}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
BASE="http://127.0.0.1:$PORT/api"
H=(-H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream')

command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install wrk)"; exit 1; }

measure() {
	local out
	out=$(wrk -t1 -c8 -d"${SECONDS_PER_RUN}s" --latency --timeout 2s "$BASE/reports")
	echo "$out" | awk '
		/Requests\/sec/ {rps = $2}
		$1 == "50%" {p50 = $2}
		$1 == "99%" {p99 = $2}
		/Socket errors/ {errors = $0}
		END {printf "%s req/s, p50 %s, p99 %s %s\n", rps, p50, p99, errors}'
}

flood() {
	local session task
	session=$(curl -s -D - -o /dev/null "${H[@]}" "$BASE/mcp" \
		-d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"flood","version":"1"}}}' \
		| tr -d '\r' | awk 'tolower($1) == "mcp-session-id:" {print $2}')
	task=$(curl -s "${H[@]}" -H "Mcp-Session-Id: $session" "$BASE/mcp" \
		-d '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"long_job","arguments":{"seconds":600},"task":{}}}' \
		| grep -o '"taskId":"[^"]*"' | head -1 | cut -d'"' -f4)
	while true; do
		for i in $(seq 1 150); do
			curl -s -o /dev/null --max-time 2 "${H[@]}" -H "Mcp-Session-Id: $session" "$BASE/mcp" \
				-d "{\"jsonrpc\":\"2.0\",\"id\":$((i + 10)),\"method\":\"tasks/result\",\"params\":{\"taskId\":\"$task\"}}" &
			curl -s -o /dev/null --max-time 2 "${H[@]}" -H "Mcp-Session-Id: $session" "$BASE/mcp" \
				-d "{\"jsonrpc\":\"2.0\",\"id\":$((i + 1000)),\"method\":\"tools/call\",\"params\":{\"name\":\"slow_count\",\"arguments\":{\"count\":600,\"delay_ms\":1000}}}" &
		done
		sleep 5
	done
}

for jar in "$@"; do
	java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "$jar" --server.port="$PORT" --logging.level.root=warn \
		>/tmp/mcp-flood-server.log 2>&1 &
	server=$!
	for _ in $(seq 1 120); do
		curl -s -o /dev/null "$BASE/reports" && break
		sleep 0.5
	done
	wrk -t1 -c8 -d10s "$BASE/reports" >/dev/null
	echo "$jar"
	echo "  quiet:   $(measure)"
	flood >/dev/null 2>&1 &
	flooder=$!
	sleep 4
	echo "  flooded: $(measure)"
	kill $flooder 2>/dev/null || true
	wait $flooder 2>/dev/null || true
	kill -9 $server
	wait $server 2>/dev/null || true
	sleep 3
done
