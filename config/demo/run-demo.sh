#!/usr/bin/env bash
# `make demo`: a whole federation on this machine — the coordinator and the six dispositif nodes
# (ORP, CMS, OAI, OSP, OASI, T1) on loopback, each with its own data folder, keys, TLS certificate
# from the federation CA, configuration and two ports (caseworkers on BASE+n, the members-only
# federation listener on BASE+10+n), reached by a host name of its own (orp-vs.localhost: libcurl
# and browsers resolve *.localhost to 127.0.0.1, and each certificate names only its node's
# host); admitted, started, fed with its share of a
# synthetic population (40,000 people, AVS numbers 756.9999.xxxx.xx), and converged. A local SMTP
# sink (config/demo/smtp-sink.py) receives the login codes of the demo accounts in demo/mail/.
# `make demo-stop` (or Ctrl-C in the terminal that runs it) stops everything.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD/demo"
CIID="${CIID:-$PWD/.build/release/ciid}"
PIDS="$ROOT/pids"
BASE="${DEMO_PORT_BASE:-18440}"
FEDERATION_BASE=$((BASE + 10))
PEOPLE="${DEMO_PEOPLE:-40000}"
REGISTRY_CASES="${DEMO_REGISTRY_CASES:-48}"
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
for offset in 0 1 2 3 4 5 6 7 10 11 12 13 14 15 16; do
    if in_use $((BASE + offset)); then echo "port $((BASE + offset)) is in use: set DEMO_PORT_BASE to another first port" >&2; exit 1; fi
done
rm -rf "$ROOT"
mkdir -p "$ROOT/exports"

echo "creating the federation in $ROOT …"
"$CIID" init --data-dir "$ROOT/cii-vs" --role coordinator --node-id cii-vs --listen "127.0.0.1:$BASE" \
    --federation-listen "127.0.0.1:$FEDERATION_BASE" --endpoint "https://cii-vs.localhost:$BASE" \
    --federation-endpoint "https://cii-vs.localhost:$FEDERATION_BASE" > /dev/null
port=$BASE
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    port=$((port + 1))
    federation_port=$((port + 10))
    "$CIID" init --data-dir "$ROOT/$id" --dispositif "$code" --node-id "$id" --listen "127.0.0.1:$port" \
        --federation-listen "127.0.0.1:$federation_port" > /dev/null
    "$CIID" join-request --data-dir "$ROOT/$id" --endpoint "https://$id.localhost:$port" \
        --federation-endpoint "https://$id.localhost:$federation_port" --output "$ROOT/$id.request" > /dev/null
    "$CIID" federation admit --data-dir "$ROOT/cii-vs" "$ROOT/$id.request" --output "$ROOT/$id.admission" > /dev/null
    "$CIID" join --data-dir "$ROOT/$id" "$ROOT/$id.admission" > /dev/null
done

NODES=(cii-vs orp-vs cms-vs oai-vs osp-vs oasi-vs t1-vs)
: > "$PIDS"
MAIL_PORT=$((BASE + 7))
/usr/bin/python3 config/demo/smtp-sink.py --port "$MAIL_PORT" --maildir "$ROOT/mail" > "$ROOT/smtp-sink.log" 2>&1 &
echo $! >> "$PIDS"
for _ in $(seq 100); do grep -q listening "$ROOT/smtp-sink.log" && break; sleep 0.1; done
grep -q listening "$ROOT/smtp-sink.log" || { echo "the SMTP sink did not start; see $ROOT/smtp-sink.log" >&2; stop; exit 1; }
port=$BASE
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    port=$((port + 1))
    cat >> "$ROOT/$id/ciid.conf" <<CONF

# Added by the demo: login codes go to the local SMTP sink (files in $ROOT/mail).
[mail]
relay = smtp://127.0.0.1:$MAIL_PORT
security = none
from = ciid@$id.demo
CONF
    sed -i "s|^# public_url = .*|public_url = https://$id.localhost:$port|" "$ROOT/$id/ciid.conf"
done
# The coordinator's logins (the registry's roles) get their codes from the same sink.
cat >> "$ROOT/cii-vs/ciid.conf" <<CONF

# Added by the demo: login codes go to the local SMTP sink (files in $ROOT/mail).
[mail]
relay = smtp://127.0.0.1:$MAIL_PORT
security = none
from = ciid@cii-vs.demo
CONF
sed -i "s|^# public_url = .*|public_url = https://cii-vs.localhost:$BASE|" "$ROOT/cii-vs/ciid.conf"
echo "writing $REGISTRY_CASES synthetic cases into the coordinator's MX-CII registry …"
"$CIID" dev registry --data-dir "$ROOT/cii-vs" --cases "$REGISTRY_CASES" --year "$(date +%Y)" > /dev/null
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

# Demo accounts: one caseworker per dispositif (named in the exports as <code>-1, so the overlap
# alerts of that caseworker's people reach them) and an admin at ORP.
ACCOUNTS="$ROOT/accounts.txt"
: > "$ACCOUNTS"
add_account() { # ID EMAIL NAME LANGUAGE ROLE CASEWORKER [more options of ciid user add]
    local out
    out=$("$CIID" user add --data-dir "$ROOT/$1" --email "$2" --name "$3" --language "$4" --role "$5" ${6:+--caseworker "$6"} "${@:7}")
    printf '  %-9s %-30s %-11s %-3s %s\n' "$1" "$2" "$5" "$4" "$(echo "$out" | awk '/one-time password/ {print $NF}')" >> "$ACCOUNTS"
}
add_account orp-vs anne.muster@orp.demo "Anne Muster" fr caseworker orp-1
add_account orp-vs admin@orp.demo "Admin ORP" fr admin ""
add_account cms-vs claire.favre@cms.demo "Claire Favre" fr caseworker cms-1
add_account oai-vs beat.imboden@oai.demo "Beat Imboden" de caseworker oai-1
add_account osp-vs lea.bonvin@osp.demo "Léa Bonvin" fr caseworker osp-1
add_account oasi-vs marc.rey@oasi.demo "Marc Rey" fr caseworker oasi-1
add_account t1-vs sandra.zenhaeusern@t1.demo "Sandra Zenhäusern" de caseworker t1-1
# The coordinator's registry: the bureau, and the CII respondent of ORP Sion (entry 15 of the
# synthetic directory: seven entries per region, Sion third, ORP first).
add_account cii-vs bureau@cii.demo "Bureau CII" fr bureau ""
add_account cii-vs respondent.orp.sion@cii.demo "Répondant ORP Sion" fr respondent "" --collaborator 15
add_account cii-vs coordination.sion@cii.demo "Coordination régionale Sion" fr coordinator "" --region SIO

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

  node      role          URL                               data folder
MSG
printf '  %-9s %-13s %-33s %s\n' cii-vs coordinator "https://cii-vs.localhost:$BASE" "$ROOT/cii-vs"
port=$BASE
for code in "${CODES[@]}"; do
    id="$(echo "$code" | tr 'A-Z' 'a-z')-vs"
    port=$((port + 1))
    printf '  %-9s %-13s %-33s %s   (%s people)\n' "$id" "$code" "https://$id.localhost:$port" "$ROOT/$id" "${OWN[$id]}"
done
cat <<MSG

AVS numbers to try (synthetic):
  $(grep "known at two" "$ROOT/population.txt")
  $(grep "known at one" "$ROOT/population.txt")
  $(grep "known nowhere" "$ROOT/population.txt")

Log in as a caseworker: open a node's URL (accept the demo certificate, or import
$ROOT/cii-vs/federation/ca.crt into the browser), then use one of these accounts.
The password below works once; the page then asks for your own (12 characters or more).
  node      e-mail                         role        lang one-time password
$(cat "$ACCOUNTS")
Login codes arrive by SMTP in $ROOT/mail/ (one .eml file each); to read the newest ones:
  bash config/demo/codes.sh
Anne Muster (ORP) has overlap alerts waiting: another dispositif follows some of her people.

Ask from the command line as $ASK would (answered locally, from its replica):
  $CIID check --data-dir $ROOT/$ASK --lang fr $TWO
Watch the federation:
  $CIID status --data-dir $ROOT/orp-vs          (peers, lag, replica by origin)
  $CIID overlaps --data-dir $ROOT/orp-vs        (other dispositifs following ORP's people)
  curl --cacert $ROOT/orp-vs/tls/ca.crt https://orp-vs.localhost:$((BASE + 1))/metrics
  $CIID audit verify --data-dir $ROOT/orp-vs     (the hash chain of every login and check)
The JSON API needs an API token: \`$CIID token create --data-dir $ROOT/$ASK --name test\`, then
  curl --cacert $ROOT/$ASK/tls/ca.crt -H "Authorization: Bearer <token>" -d '{"avs":"$ONE"}' https://$ASK.localhost:$ASK_PORT/api/v1/checks
The coordinator holds a synthetic MX-CII registry of $REGISTRY_CASES cases (the 2023 report's profile);
the bureau, the respondent and the regional coordinator above log in at https://cii-vs.localhost:$BASE
(their cases, search, every tab of a case, documents, the bureau's lists and the annual report).
This year's annual report from the command line:
  $CIID report annual --data-dir $ROOT/cii-vs --year $(date +%Y) --output $ROOT/report-$(date +%Y).html
Logs: $ROOT/*.log

Stop with Ctrl-C here, or \`make demo-stop\` from another shell.
MSG
# Without a terminal (a script, CI), leave the nodes running and return; `make demo-stop` ends them.
[ -t 0 ] || exit 0
trap 'echo; stop; exit 0' INT TERM
wait || true
