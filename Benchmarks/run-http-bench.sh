#!/usr/bin/env bash
# HTTPS check throughput and latency of a real `ciid serve` (release build) holding a replica of
# 1,000,000 entries, measured with wrk on loopback, beside a bare route of the same server, same
# TLS, same run: `POST /bench/echo` (served with --bench-route: decodes the same JSON body and
# answers a small fixed JSON), or `GET /healthz` when the binary has no such route.
#
# Usage: Benchmarks/run-http-bench.sh [RESULTS_FILE]
# Writes `key=value` lines to RESULTS_FILE (default: standard output); progress goes to stderr.
# Settings (environment): HTTP_BENCH_ENTRIES (1000000), HTTP_BENCH_DURATION (10s),
# HTTP_BENCH_ROUNDS (3: check and bare route alternate, the figures are the means),
# HTTP_BENCH_SKIP_BUILD (1 to use the binaries already built), HTTP_BENCH_PROFILE (0: no perf profile).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
RESULTS=${1:-/dev/stdout}
ENTRIES=${HTTP_BENCH_ENTRIES:-1000000}
DURATION=${HTTP_BENCH_DURATION:-10s}
ROUNDS=${HTTP_BENCH_ROUNDS:-3}

NAME=run-http-bench
# shellcheck source=Benchmarks/bench-common.sh
source "$BENCH/bench-common.sh"
NODE="$WORK/node"

log "setting up a node with $ENTRIES replica entries in $WORK"
"$CIID" init --data-dir "$NODE" --role dispositif --dispositif ORP --node-id orp-vs --listen 127.0.0.1:0 >/dev/null
"$CIID" keys generate --data-dir "$NODE" >/dev/null
"$FILL" node "$NODE" "$ENTRIES" "$WORK/bodies.lua" >&2
# The check API needs an API token; lift the token's rate limits so that wrk measures the server.
sed -i -e 's/^token_checks_per_minute = .*/token_checks_per_minute = 10000000/' \
       -e 's/^token_checks_per_day = .*/token_checks_per_day = 1000000000/' "$NODE/ciid.conf"
TOKEN=$("$CIID" token create --data-dir "$NODE" --name bench | grep '^ciid_') || { log "no API token"; exit 1; }

# Starts the server; with --bench-route first, without it if this binary does not know the flag.
start_server() {
    rm -f "$NODE/port"
    "$CIID" serve --data-dir "$NODE" --port 0 --port-file "$NODE/port" --log-level warning "$@" >"$WORK/serve.log" 2>&1 &
    PID=$!
    for _ in $(seq 1 300); do
        [ -s "$NODE/port" ] && return 0
        kill -0 "$PID" 2>/dev/null || { wait "$PID" 2>/dev/null || true; PID=""; return 1; }
        sleep 0.1
    done
    log "the server did not listen within 30 s"; cat "$WORK/serve.log" >&2; exit 1
}
start_server --bench-route || { log "no --bench-route in this binary: serving without it"; start_server || { cat "$WORK/serve.log" >&2; exit 1; }; }
PORT=$(tr -d '[:space:]' <"$NODE/port")
URL="https://127.0.0.1:$PORT"
log "ciid serve (pid $PID) listens on $URL"

# One request of each kind first: the check must answer 200 with its JSON, or nothing is measured.
sample=$(sed -n 2p "$WORK/bodies.lua" | sed -e "s/^ *'//" -e "s/',\$//")
answer=$(curl -sk -w ' %{http_code}' -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$sample" "$URL/api/v1/checks")
case "$answer" in *'"known"'*' 200') ;; *) log "the check route answered: $answer"; exit 1 ;; esac
if [ "$(curl -sk -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$sample" "$URL/bench/echo")" = 200 ]; then
    BARE_METHOD=POST BARE_PATH=/bench/echo
else
    BARE_METHOD=GET BARE_PATH=/healthz
fi
log "bare route for the ceiling: $BARE_METHOD $BARE_PATH"

# A wrk script per route: the request bodies rotate over 1,000 people, about half of them known.
script() { # METHOD PATH FILE
    {
        cat "$WORK/bodies.lua"
        cat <<EOF
local i = 0
local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer $TOKEN" }
request = function()
  i = i + 1
  if "$1" == "GET" then return wrk.format("GET", "$2", headers) end
  return wrk.format("POST", "$2", headers, bodies[(i % #bodies) + 1])
end
EOF
        wrk_done_lua
    } >"$3"
}
script POST /api/v1/checks "$WORK/check.lua"
script "$BARE_METHOD" "$BARE_PATH" "$WORK/bare.lua"

# The server's CPU time so far (user + system), in clock ticks.
server_ticks() { awk '{ print $14 + $15 }' "/proc/$PID/stat"; }

run_wrk() { # SCRIPT DURATION -> "rps p50 p99 errors cpu_us_per_request"
    local line before after
    before=$(server_ticks)
    line=$(wrk -t2 -c32 -d"$2" --latency -s "$1" "$URL" | tee -a "$WORK/wrk.log" | grep '^RESULT') || { log "wrk failed"; cat "$WORK/wrk.log" >&2; exit 1; }
    after=$(server_ticks)
    echo "$line" | sed -E 's/.*rps=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) requests=([0-9]+) errors=([0-9]+)/\1 \2 \3 \5 \4/' |
        awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '{ printf "%s %s %s %s %.1f\n", $1, $2, $3, $4, ticks / hz * 1e6 / $5 }'
}

log "warming up (3 s)"
run_wrk "$WORK/check.lua" 3s >/dev/null
declare -a C_RPS C_P50 C_P99 C_CPU B_RPS B_P50 B_P99 B_CPU
errors=0
for round in $(seq 1 "$ROUNDS"); do
    read -r rps p50 p99 err cpu < <(run_wrk "$WORK/check.lua" "$DURATION")
    C_RPS+=("$rps"); C_P50+=("$p50"); C_P99+=("$p99"); C_CPU+=("$cpu"); errors=$((errors + err))
    log "round $round: check  $rps req/s, p50 $p50 µs, p99 $p99 µs, server CPU $cpu µs/request, $err errors"
    read -r rps p50 p99 err cpu < <(run_wrk "$WORK/bare.lua" "$DURATION")
    B_RPS+=("$rps"); B_P50+=("$p50"); B_P99+=("$p99"); B_CPU+=("$cpu"); errors=$((errors + err))
    log "round $round: bare   $rps req/s, p50 $p50 µs, p99 $p99 µs, server CPU $cpu µs/request, $err errors"
done
mean() { printf '%s\n' "$@" | awk '{ s += $1 } END { printf "%.0f", s / NR }'; }
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status")

# Where the server's CPU goes: `perf record` of the server during one more run of each route
# (HTTP_BENCH_PROFILE=0 skips it; nothing is profiled without perf), the symbols with the largest
# share of the server's samples (self time, demangled), for docs/benchmarks.md.
profile() { # SCRIPT NAME
    local data="$WORK/$2.perf"
    perf record -q -F 999 -o "$data" -p "$PID" -- sleep 6 >/dev/null 2>&1 &
    local recorder=$!
    sleep 0.5
    wrk -t2 -c32 -d5s -s "$1" "$URL" >/dev/null 2>&1 || true
    wait "$recorder" || true
    perf report -i "$data" --stdio --no-children --sort symbol --percent-limit 1.2 2>/dev/null |
        grep -E '^ +[0-9.]+%' | head -15 |
        sed -E 's/^ +([0-9.]+)% +\[[^]]*\] +/\1 /' |
        { command -v swift >/dev/null && swift demangle --simplified --compact || cat; } |
        awk -v name="$2" '{ share = $1; $1 = ""; sub(/^ /, ""); printf "%s_profile=%s|%s\n", name, share, substr($0, 1, 110) }' || true
}
PROFILES=""
if [ "${HTTP_BENCH_PROFILE:-1}" != 0 ] && command -v perf >/dev/null; then
    log "profiling the server (perf record, 5 s per route)"
    PROFILES=$(profile "$WORK/check.lua" check; profile "$WORK/bare.lua" bare)
fi

{
    echo "entries=$ENTRIES"
    echo "duration=$DURATION"
    echo "rounds=$ROUNDS"
    echo "bare_route=$BARE_METHOD $BARE_PATH"
    echo "check_rps=$(mean "${C_RPS[@]}")"
    echo "check_p50_us=$(mean "${C_P50[@]}")"
    echo "check_p99_us=$(mean "${C_P99[@]}")"
    echo "bare_rps=$(mean "${B_RPS[@]}")"
    echo "bare_p50_us=$(mean "${B_P50[@]}")"
    echo "bare_p99_us=$(mean "${B_P99[@]}")"
    echo "check_cpu_us=$(mean "${C_CPU[@]}")"
    echo "bare_cpu_us=$(mean "${B_CPU[@]}")"
    echo "check_rps_rounds=${C_RPS[*]}"
    echo "bare_rps_rounds=${B_RPS[*]}"
    echo "errors=$errors"
    echo "server_rss_mb=$((rss_kb / 1024))"
    echo "database_mb=$(($(stat -c %s "$NODE/node.sqlite") / 1000000))"
    [ -z "$PROFILES" ] || echo "$PROFILES"
} >"$RESULTS"
log "done"
