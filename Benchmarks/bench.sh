#!/usr/bin/env bash
# `make bench`: runs every benchmark of ciid and writes docs/benchmarks.md.
#
# 1. builds bench-fill and the cached replicas of 100k, 1M and 5M entries (Benchmarks/.data,
#    git-ignored, reused by later runs: remove the folder to rebuild them);
# 2. runs the in-process benchmarks with ordo-one/benchmark (Fingerprint, Check, Import, Memory),
#    each beside its ceiling in the same run;
# 3. runs Benchmarks/run-http-bench.sh (wrk against a release `ciid serve`, beside a bare route);
# 4. writes docs/benchmarks.md (Benchmarks/report.py);
# 5. appends the replication figures between real nodes (Benchmarks/federation-bench.py);
# 6. the growth of the federation with 3, 7, 15 and 30 real nodes (Benchmarks/growth-bench.py,
#    its section and docs/benchmarks-growth.svg; `make bench-growth` runs this part alone);
# 7. the registry's search, case read and document figures (Benchmarks/run-registry-bench.sh,
#    written by Benchmarks/registry-report.py; `make bench-registry` runs this part alone).
# Needs: swift, python3, wrk, curl, ss (Debian: apt-get install -y wrk curl python3 iproute2; the
# Makefile's deps-bench installs them and libjemalloc-dev).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
DATA="$BENCH/.data"
mkdir -p "$DATA"
OUT=$(mktemp -d /tmp/ciid-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
started=$(date +%s)

{
    echo "| | |"
    echo "|---|---|"
    echo "| date | $(date -u '+%Y-%m-%d %H:%M UTC') |"
    echo "| command | \`make bench\` (\`bash Benchmarks/bench.sh\`) |"
    echo "| cores | $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') |"
    echo "| memory | $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |"
    echo "| kernel | $(uname -sr) |"
    echo "| swift | $(swift --version 2>/dev/null | head -1) |"
    echo "| load average at the start | $(cut -d' ' -f1-3 /proc/loadavg) (anything else running on the 2 cores shows in every figure) |"
    echo "| commit | $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (with uncommitted changes to Sources)') |"
} >"$OUT/machine.md"

echo "== bench-fill and the cached replicas ($DATA)"
# SwiftPM keeps the build plan of this package while the manifests are unchanged and then misses
# source files added to the main package since: drop the plan (not the compiled objects).
rm -f "$BENCH/.build/release.yaml" "$BENCH/.build/release/description.json"
(cd "$BENCH" && swift build -c release --product bench-fill)
"$BENCH/.build/release/bench-fill" prepare 100000 1000000 5000000

echo "== in-process benchmarks (ordo-one/benchmark)"
(cd "$BENCH" && swift package --allow-writing-to-package-directory benchmark --no-progress --format markdown) | tee "$OUT/plugin.md"

echo "== HTTPS benchmark (wrk)"
http_status=0
bash "$BENCH/run-http-bench.sh" "$OUT/http.txt" || { http_status=$?; rm -f "$OUT/http.txt"; echo "the HTTPS benchmark failed (status $http_status)"; }
[ -f "$OUT/http.txt" ] && cat "$OUT/http.txt"

echo "| load average at the end | $(cut -d' ' -f1-3 /proc/loadavg) |" >>"$OUT/machine.md"
echo "| duration of the run | $(($(date +%s) - started)) s, builds included |" >>"$OUT/machine.md"
mkdir -p "$ROOT/docs"
python3 "$BENCH/report.py" "$OUT/plugin.md" "$OUT/http.txt" "$OUT/machine.md" "$DATA" "$ROOT/docs/benchmarks.md"
cp "$OUT/plugin.md" "$DATA/last-plugin-output.md"

echo "== replication between real nodes (federation-bench.py)"
python3 "$BENCH/federation-bench.py" "$ROOT/.build-release/release/ciid" | tee "$OUT/federation.md"
{ echo; cat "$OUT/federation.md"; } >>"$ROOT/docs/benchmarks.md"
echo "== growth of the federation, 3 to 30 nodes (growth-bench.py)"
growth_status=0
python3 "$BENCH/growth-bench.py" "$ROOT/.build-release/release/ciid" "$ROOT/docs/benchmarks.md" || { growth_status=$?; echo "the growth benchmark failed (status $growth_status)"; }
echo "== the registry on the coordinator (run-registry-bench.sh)"
registry_status=0
HTTP_BENCH_SKIP_BUILD=1 bash "$BENCH/run-registry-bench.sh" "$OUT/registry.txt" || { registry_status=$?; echo "the registry benchmark failed (status $registry_status)"; }
[ "$registry_status" = 0 ] && python3 "$BENCH/registry-report.py" "$OUT/registry.txt" "$ROOT/docs/benchmarks.md"
echo "== wrote $ROOT/docs/benchmarks.md"
[ "$http_status" = 0 ] || exit "$http_status"
[ "$growth_status" = 0 ] || exit "$growth_status"
exit "$registry_status"
