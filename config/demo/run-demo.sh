#!/usr/bin/env bash
# `make demo`: a whole federation on this machine — the coordinator and the six dispositif nodes
# (ORP, CMS, OAI, OSP, OASI, T1) on loopback, each with its own data folder, keys, TLS certificate
# from the federation CA, configuration and port; admitted, started, fed with its share of a
# synthetic population (40,000 people, AVS numbers 756.9999.xxxx.xx), and converged.
# `make demo-stop` (or Ctrl-C in the terminal that runs it) stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD/demo"
CIID="${CIID:-$PWD/.build/release/ciid}"
PIDS="$ROOT/pids"
BASE="${DEMO_PORT_BASE:-18440}"
PEOPLE="${DEMO_PEOPLE:-40000}"
CODES=(ORP CMS OAI OSP OASI T1)

stop() {
    [ -f "$PIDS" ] || { echo "no demo running"; return 0; }
    while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done < "$PIDS"
    while read -r pid; do
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done < "$PIDS"
    rm -f "$PIDS"
    echo "demo stopped"
}

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
status_number() { "$CIID" status --data-dir "$1" | awk -v key="$2" '$0 ~ "^"key {print $(NF-1); exit}'; }

if [ "${1:-}" = stop ]; then stop; exit 0; fi
[ -x "$CIID" ] || { echo "build first: swift build -c release --product ciid" >&2; exit 1; }
stop >/dev/null
for offset in 0 1 2 3 4 5 6; do
    if in_use $((BASE + offset)); then echo "port $((BASE + offset)) is in use: set DEMO_PORT_BASE to another first port" >&2; exit 1; fi
done
rm -rf "$ROOT"
mkdir -p "$ROOT/exports"

echo "creating the federation in $ROOT …"
"$CIID" init --data-dir "$ROOT/cii-vs" --role coordinator --node-id cii-vs --listen "127.0.0.1:$BASE" > /dev/null
port=$BASE
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    port=$((port + 1))
    "$CIID" init --data-dir "$ROOT/$id" --dispositif "$code" --node-id "$id" --listen "127.0.0.1:$port" > /dev/null
    "$CIID" join-request --data-dir "$ROOT/$id" --output "$ROOT/$id.request" > /dev/null
    "$CIID" federation admit --data-dir "$ROOT/cii-vs" "$ROOT/$id.request" --output "$ROOT/$id.admission" > /dev/null
    "$CIID" join --data-dir "$ROOT/$id" "$ROOT/$id.admission" > /dev/null
done

NODES=(cii-vs orp-vs cms-vs oai-vs osp-vs oasi-vs t1-vs)
: > "$PIDS"
for id in "${NODES[@]}"; do
    "$CIID" serve --data-dir "$ROOT/$id" --log-level notice > /dev/null 2> "$ROOT/$id.log" &
    echo $! >> "$PIDS"
done
for id in "${NODES[@]}"; do
    for _ in $(seq 300); do [ -s "$ROOT/$id/keys/federation.json" ] && break; sleep 0.1; done
    [ -s "$ROOT/$id/keys/federation.json" ] || { echo "$id got no federation key; see $ROOT/$id.log" >&2; stop; exit 1; }
done

echo "importing $PEOPLE synthetic people …"
"$CIID" dev population --people "$PEOPLE" --output-dir "$ROOT/exports" > "$ROOT/population.txt"
declare -A OWN
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    "$CIID" import --data-dir "$ROOT/$id" "$ROOT/exports/$code.csv" > "$ROOT/$id.import.txt"
    OWN[$id]=$(status_number "$ROOT/$id" "own set")
done
TOTAL=0
for id in "${!OWN[@]}"; do TOTAL=$((TOTAL + OWN[$id])); done

echo "waiting for the seven nodes to converge …"
for id in "${NODES[@]}"; do
    expected=$((TOTAL - ${OWN[$id]:-0}))
    for _ in $(seq 600); do [ "$(status_number "$ROOT/$id" "replica")" = "$expected" ] && break; sleep 0.1; done
    [ "$(status_number "$ROOT/$id" "replica")" = "$expected" ] || echo "warning: $id holds $(status_number "$ROOT/$id" "replica") of $expected fingerprints; see $ROOT/$id.log" >&2
done

TWO=$(awk '/known at two/ {print $NF}' "$ROOT/population.txt")
ONE=$(awk '/known at one/ {print $NF}' "$ROOT/population.txt")
NONE=$(awk '/known nowhere/ {print $NF}' "$ROOT/population.txt")
# Ask at a dispositif that does not follow the first person itself.
ASK=orp-vs
for code in "${CODES[@]}"; do
    if ! grep "known at two" "$ROOT/population.txt" | grep -q "[(, ]$code[,)]"; then ASK="$(echo "$code" | tr 'A-Z' 'a-z')-vs"; break; fi
done
ASK_PORT=$(awk -F: '/^listen/ {print $2}' "$ROOT/$ASK/ciid.conf" | tr -d ' ')
cat <<MSG

ciid demo: a federation of seven nodes on loopback, converged.

  node      role          URL                        data folder
  cii-vs    coordinator   https://localhost:$BASE      $ROOT/cii-vs
MSG
port=$BASE
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    port=$((port + 1))
    printf '  %-9s %-13s https://localhost:%-9s %s   (%s people)\n' "$id" "$code" "$port" "$ROOT/$id" "${OWN[$id]}"
done
cat <<MSG

AVS numbers to try (synthetic):
  $(grep "known at two" "$ROOT/population.txt")
  $(grep "known at one" "$ROOT/population.txt")
  $(grep "known nowhere" "$ROOT/population.txt")

Ask as a caseworker of $ASK would (answered locally, from its replica):
  $CIID check --data-dir $ROOT/$ASK --lang fr $TWO
  curl --cacert $ROOT/$ASK/tls/ca.crt -d '{"avs":"$ONE"}' https://localhost:$ASK_PORT/api/v1/checks
Watch the federation:
  $CIID status --data-dir $ROOT/orp-vs          (peers, lag, replica by origin)
  $CIID overlaps --data-dir $ROOT/orp-vs        (other dispositifs following ORP's people)
  curl --cacert $ROOT/orp-vs/tls/ca.crt https://localhost:$((BASE + 1))/metrics
Caseworker login (e-mail codes) and the MX-CII registry come with later releases; the check API
answers on loopback only until then. Logs: $ROOT/*.log

Stop with Ctrl-C here, or \`make demo-stop\` from another shell.
MSG
# Without a terminal (a script, CI), leave the nodes running and return; `make demo-stop` ends them.
[ -t 0 ] || exit 0
trap 'echo; stop; exit 0' INT TERM
wait || true
