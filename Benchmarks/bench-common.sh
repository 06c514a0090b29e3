# Shared by Benchmarks/run-http-bench.sh and Benchmarks/run-registry-bench.sh; sourced once ROOT,
# BENCH and NAME (the script's name, for its log lines and its temporary folder) are set.
# Builds the release `ciid` (.build-release) and bench-fill unless HTTP_BENCH_SKIP_BUILD=1, makes
# the temporary folder WORK, and stops the server whose PID is in PID (then removes WORK) on exit.

CIID="$ROOT/.build-release/release/ciid"
FILL="$BENCH/.build/release/bench-fill"

log() { echo "$NAME: $*" >&2; }

command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk (or make deps-bench)"; exit 1; }
command -v curl >/dev/null || { log "curl is missing: apt-get install -y curl"; exit 1; }

if [ "${HTTP_BENCH_SKIP_BUILD:-0}" != 1 ]; then
    log "building ciid (release, scratch path .build-release) and bench-fill"
    (cd "$ROOT" && swift build -c release --product ciid --scratch-path "$ROOT/.build-release" >&2)
    rm -f "$BENCH/.build/release.yaml" "$BENCH/.build/release/description.json"  # see bench.sh
    (cd "$BENCH" && swift build -c release --product bench-fill >&2)
fi

WORK=$(mktemp -d "/tmp/ciid-$NAME.XXXXXX")
PID=""
cleanup() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$PID" 2>/dev/null && kill -9 "$PID" 2>/dev/null || true
        wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# The `done` function of a wrk Lua script: one line `RESULT rps=… p50_us=… p99_us=… requests=… errors=…`.
wrk_done_lua() {
    cat <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50_us=%d p99_us=%d requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
LUA
}
