#!/usr/bin/env bash
# The registry's figures (issue 13) through the HTTPS API of a real `ciid serve` coordinator
# (release build) holding 100,000 synthetic case periods, each beside a ceiling of the same run:
# - search (a mix of surname prefix + region, surname + first name, dispositif + status + date
#   range, birth date, and AVS number in a POST body) and reading a whole case (all tabs, audited),
#   measured with wrk beside the bare `GET /healthz` of the same server and TLS;
# - uploading and downloading a 20 MB document, beside the raw rate of encrypting the same bytes
#   with secretstream in 64 KiB chunks and writing them to a file (bench-fill raw-encrypt-write),
#   with the server's resident set before, during (peak) and after.
#
# Usage: Benchmarks/run-registry-bench.sh [RESULTS_FILE]   (key=value lines; progress on stderr)
# Settings: REGISTRY_BENCH_CASES (100000), REGISTRY_BENCH_DURATION (10s), REGISTRY_BENCH_ROUNDS
# (3), REGISTRY_BENCH_CONNECTIONS ("1 8": one run per number of connections: 1 is the latency a
# user meets on a registry far from saturation, 8 saturates the 2 cores), REGISTRY_BENCH_DOCUMENTS (0 to skip the document part),
# HTTP_BENCH_SKIP_BUILD (1 to use the binaries already built).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
RESULTS=${1:-/dev/stdout}
CASES=${REGISTRY_BENCH_CASES:-100000}
DURATION=${REGISTRY_BENCH_DURATION:-10s}
ROUNDS=${REGISTRY_BENCH_ROUNDS:-3}
CONNECTIONS=${REGISTRY_BENCH_CONNECTIONS:-1 8}
DOC_MB=20

NAME=run-registry-bench
# shellcheck source=Benchmarks/bench-common.sh
source "$BENCH/bench-common.sh"
NODE="$WORK/cii"

log "a coordinator with $CASES case periods in $WORK"
"$CIID" init --data-dir "$NODE" --role coordinator --node-id cii-vs --listen 127.0.0.1:0 --federation-listen 127.0.0.1:0 \
    --endpoint https://localhost:8443 --federation-endpoint https://localhost:8444 >/dev/null
"$CIID" user add --data-dir "$NODE" --email bureau@cii.test --name Bureau --role bureau >/dev/null
fill_line=$("$FILL" registry "$NODE" "$CASES" "$WORK/requests.lua")
log "$fill_line"

# A bureau session straight into access.sqlite (the login is measured elsewhere), as
# Tests/registry/schemathesis_run.py does; the token never leaves this folder.
read -r TOKEN CSRF < <(python3 - "$NODE" <<'EOF'
import hashlib, secrets, sqlite3, sys, time
token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
db = sqlite3.connect(f"{sys.argv[1]}/access.sqlite", timeout=10)
db.execute("UPDATE account SET must_change_password = 0 WHERE id = 1")
db.execute("INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
           (hashlib.blake2b(token.encode(), digest_size=32).digest(), 1, csrf, time.time(), time.time()))
db.commit()
print(token, csrf)
EOF
)

rm -f "$NODE/port"
"$CIID" serve --data-dir "$NODE" --port 0 --federation-port 0 --port-file "$NODE/port" --log-level warning >"$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do [ -s "$NODE/port" ] && break; kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }; sleep 0.1; done
PORT=$(tr -d '[:space:]' <"$NODE/port")
URL="https://localhost:$PORT"
log "ciid serve (pid $PID) listens on $URL"
CURL=(curl -sk -H "Cookie: __Host-ciid-session=$TOKEN" -H "X-CSRF-Token: $CSRF")

# Every kind of request once: each must answer 200, or nothing is measured.
check() { # METHOD PATH BODY
    local code
    if [ "$1" = POST ]; then code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$3" "$URL$2")
    else code=$("${CURL[@]}" -o /dev/null -w '%{http_code}' "$URL$2"); fi
    [ "$code" = 200 ] || { log "$1 $2 answered $code"; exit 1; }
}
python3 - "$WORK/requests.lua" >"$WORK/samples.txt" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
for table in ("searches", "reads"):
    body = text.split(table + " = {", 1)[1].split("\n}", 1)[0]
    for line in body.strip().split(",\n")[:5]:
        m = re.match(r'\s*\{"(\w+)","([^"]+)",(.*)\}', line)
        print(m.group(1), m.group(2), m.group(3).strip("'\"") or "-")
EOF
while read -r method path body; do check "$method" "$path" "$body"; done <"$WORK/samples.txt"

script() { # TABLE FILE
    {
        cat "$WORK/requests.lua"
        cat <<EOF
local list = $1
local i = 0
local get = { ["Cookie"] = "__Host-ciid-session=$TOKEN" }
local post = { ["Cookie"] = "__Host-ciid-session=$TOKEN", ["X-CSRF-Token"] = "$CSRF", ["Content-Type"] = "application/json" }
request = function()
  i = i + 1
  local r = list[(i % #list) + 1]
  if r[1] == "GET" then return wrk.format("GET", r[2], get) end
  return wrk.format("POST", r[2], post, r[3])
end
EOF
        wrk_done_lua
    } >"$2"
}
script searches "$WORK/search.lua"
script reads "$WORK/read.lua"
script '{ { "GET", "/healthz", "" } }' "$WORK/bare.lua"

run_wrk() { # SCRIPT DURATION CONNECTIONS -> "rps p50 p99 errors"
    local line
    line=$(wrk -t"$(( $3 < 2 ? 1 : 2 ))" -c"$3" -d"$2" --latency -s "$1" "$URL" | tee -a "$WORK/wrk.log" | grep '^RESULT') || { log "wrk failed"; cat "$WORK/wrk.log" >&2; exit 1; }
    echo "$line" | sed -E 's/.*rps=([0-9.]+) p50_us=([0-9]+) p99_us=([0-9]+) requests=([0-9]+) errors=([0-9]+)/\1 \2 \3 \5/'
}
log "warming up (3 s)"
run_wrk "$WORK/search.lua" 3s 8 >/dev/null
run_wrk "$WORK/read.lua" 3s 8 >/dev/null
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$PID/status"; }
declare -A SUM
errors=0
for round in $(seq 1 "$ROUNDS"); do
    for c in $CONNECTIONS; do
        for kind in search read bare; do
            read -r rps p50 p99 err < <(run_wrk "$WORK/$kind.lua" "$DURATION" "$c")
            SUM[${kind}_c${c}_rps]=$(awk -v a="${SUM[${kind}_c${c}_rps]:-0}" -v b="$rps" 'BEGIN { print a + b }')
            SUM[${kind}_c${c}_p50]=$((${SUM[${kind}_c${c}_p50]:-0} + p50))
            SUM[${kind}_c${c}_p99]=$((${SUM[${kind}_c${c}_p99]:-0} + p99))
            errors=$((errors + err))
            log "round $round, $c connection(s): $kind $rps req/s, p50 $p50 µs, p99 $p99 µs, $err errors"
        done
    done
done

declare -a UP DOWN
rss_before=$(rss_kb) rss_peak=0 rss_after=0 rss_cold_peak=0 rss_warm=0 RAW=0
if [ "${REGISTRY_BENCH_DOCUMENTS:-1}" != 0 ]; then
# Documents: a 20 MB PDF (a PDF header, then random bytes) into case 1, then back.
peak_watch() { # samples the resident set every 20 ms into $WORK/peak until killed
    local peak=0 now
    while kill -0 "$PID" 2>/dev/null; do now=$(rss_kb); [ "$now" -gt "$peak" ] && { peak=$now; echo "$peak" >"$WORK/peak"; }; sleep 0.02; done
}
{ printf '%%PDF-1.7\n'; head -c $((DOC_MB * 1000000 - 9)) /dev/urandom; } >"$WORK/doc.pdf"
raw_line=$("$FILL" raw-encrypt-write "$DOC_MB" "$WORK")
RAW=${raw_line#raw_encrypt_write_mbps=}
"${CURL[@]}" -o /dev/null -X PUT -H 'Content-Type: application/json' -d '{"labelFR":"Procuration","labelDE":"Vollmacht"}' "$URL/api/v1/registry/document-codes/PROC"
doc_round() { # ROUND: one upload and one download, their rates appended to UP and DOWN
    local etag code seconds vault
    etag=$("${CURL[@]}" -D - -o /dev/null "$URL/api/v1/registry/cases/1" | awk 'tolower($1) == "etag:" { print $2 }' | tr -d '\r')
    read -r code seconds < <("${CURL[@]}" -o "$WORK/upload.json" -w '%{http_code} %{time_total}\n' -H "If-Match: $etag" -H 'Expect:' \
        -H 'Content-Type: application/octet-stream' --data-binary @"$WORK/doc.pdf" \
        "$URL/api/v1/registry/cases/1/documents?designation=Bench%20$1&code=PROC")
    [ "$code" = 201 ] || { log "upload answered $code: $(head -c 300 "$WORK/upload.json")"; return 1; }
    UP+=("$(awk -v m="$DOC_MB" -v s="$seconds" 'BEGIN { printf "%.1f", m / s }')")
    vault=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"][-1]["vaultID"])' "$WORK/upload.json")
    read -r code seconds < <("${CURL[@]}" -o "$WORK/back.pdf" -w '%{http_code} %{time_total}\n' "$URL/api/v1/registry/cases/1/documents/$vault")
    [ "$code" = 200 ] && cmp -s "$WORK/doc.pdf" "$WORK/back.pdf" || { log "download answered $code or other bytes"; return 1; }
    DOWN+=("$(awk -v m="$DOC_MB" -v s="$seconds" 'BEGIN { printf "%.1f", m / s }')")
    log "document round $1: upload ${UP[-1]} MB/s, download ${DOWN[-1]} MB/s, resident set $(($(rss_kb) / 1024)) MB"
}
# Round 1 is the server's first transfer (cold: its allocator's arenas grow once); rounds 2 to 5
# are measured again from the resident set left after round 1 (warm).
rss_before=$(rss_kb)
echo "$rss_before" >"$WORK/peak"
peak_watch &
WATCH=$!
doc_round 1 || { kill "$WATCH"; exit 1; }
kill "$WATCH" 2>/dev/null || true
wait "$WATCH" 2>/dev/null || true
rss_cold_peak=$(cat "$WORK/peak")
rss_warm=$(rss_kb)
echo "$rss_warm" >"$WORK/peak"
peak_watch &
WATCH=$!
for round in 2 3 4 5; do doc_round "$round" || { kill "$WATCH"; exit 1; }; done
kill "$WATCH" 2>/dev/null || true
wait "$WATCH" 2>/dev/null || true
rss_after=$(rss_kb)
rss_peak=$(cat "$WORK/peak")
fi
median() { [ $# -gt 0 ] || { echo 0; return; }; printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%.0f", a[int((NR + 1) / 2)] }'; }
mean() { awk -v s="$1" -v n="$ROUNDS" 'BEGIN { printf "%.0f", s / n }'; }

{
    echo "cases=$CASES"
    echo "fill=$fill_line"
    echo "duration=$DURATION"
    echo "rounds=$ROUNDS"
    echo "connections=$CONNECTIONS"
    for c in $CONNECTIONS; do
        for kind in search read bare; do
            echo "${kind}_c${c}_rps=$(mean "${SUM[${kind}_c${c}_rps]}")"
            echo "${kind}_c${c}_p50_us=$(mean "${SUM[${kind}_c${c}_p50]}")"
            echo "${kind}_c${c}_p99_us=$(mean "${SUM[${kind}_c${c}_p99]}")"
        done
    done
    echo "errors=$errors"
    echo "document_mb=$DOC_MB"
    echo "raw_encrypt_write_mbps=$RAW"
    echo "upload_mbps=$(median "${UP[@]}")"
    echo "download_mbps=$(median "${DOWN[@]}")"
    echo "rss_before_mb=$((rss_before / 1024))"
    echo "rss_cold_peak_mb=$((rss_cold_peak / 1024))"
    echo "rss_warm_mb=$((rss_warm / 1024))"
    echo "rss_peak_mb=$((rss_peak / 1024))"
    echo "rss_after_mb=$((rss_after / 1024))"
    echo "registry_mb=$(($(stat -c %s "$NODE/registry.sqlite") / 1000000))"
} >"$RESULTS"
log "done"
