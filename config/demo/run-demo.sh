#!/usr/bin/env bash
# `make demo`: one dispositif node (ORP) with a synthetic population, served over HTTPS on loopback.
# The federation of seven nodes comes with the federation protocol; until then the other
# dispositifs' fingerprints are written into the replica by `ciid dev seed`.
# `make demo-stop` (or Ctrl-C) stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD/demo"
CIID="$PWD/.build/release/ciid"
PIDS="$ROOT/pids"

stop() {
    [ -f "$PIDS" ] || { echo "no demo running"; return 0; }
    while read -r pid; do
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done < "$PIDS"
    rm -f "$PIDS"
    echo "demo stopped"
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi
[ -x "$CIID" ] || { echo "build first: swift build -c release --product ciid" >&2; exit 1; }
stop >/dev/null
rm -rf "$ROOT"
mkdir -p "$ROOT"
NODE="$ROOT/orp"
"$CIID" init --data-dir "$NODE" --role dispositif --dispositif ORP --node-id orp-vs --listen 127.0.0.1:0 >/dev/null
"$CIID" keys generate --data-dir "$NODE" >/dev/null
"$CIID" dev seed --data-dir "$NODE" --people 40000 > "$ROOT/seed.txt"
"$CIID" serve --data-dir "$NODE" --port 0 --port-file "$ROOT/orp.port" 2> "$ROOT/orp.log" &
echo $! > "$PIDS"
for _ in $(seq 100); do [ -s "$ROOT/orp.port" ] && break; sleep 0.1; done
[ -s "$ROOT/orp.port" ] || { echo "the node did not start; see $ROOT/orp.log" >&2; stop; exit 1; }
PORT=$(cat "$ROOT/orp.port")
EXAMPLE=$(grep "known at two" "$ROOT/seed.txt" | awk '{print $NF}')

cat <<MSG

ciid demo — one dispositif node (ORP) on https://127.0.0.1:$PORT
  data folder   $NODE   (status: $CIID status --data-dir $NODE)
  TLS CA        $NODE/tls/ca.crt
  log           $ROOT/orp.log

$(sed -n '1,2p' "$ROOT/seed.txt")
AVS numbers to try (synthetic):
$(sed -n '3,$p' "$ROOT/seed.txt")

By the CLI:
  $CIID check --data-dir $NODE --lang fr $EXAMPLE
Over HTTPS (loopback only until caseworker login exists):
  curl --cacert $NODE/tls/ca.crt -d '{"avs":"$EXAMPLE"}' https://127.0.0.1:$PORT/api/v1/checks
Health and metrics:
  curl --cacert $NODE/tls/ca.crt https://127.0.0.1:$PORT/healthz
  curl --cacert $NODE/tls/ca.crt https://127.0.0.1:$PORT/metrics

Stop with Ctrl-C here, or \`make demo-stop\` from another shell.
MSG
# Without a terminal (a script, CI), leave the node running and return; `make demo-stop` ends it.
[ -t 0 ] || exit 0
trap 'echo; stop; exit 0' INT TERM
wait || true
