#!/usr/bin/env bash
# Prints the newest login codes the demo's SMTP sink received: recipient, time, code.
cd "$(dirname "$0")/../.."
MAIL="${1:-$PWD/demo/mail}"
[ -d "$MAIL" ] || { echo "no mail folder at $MAIL: is the demo running?" >&2; exit 1; }
found=0
for file in $(ls -t "$MAIL"/*.eml 2>/dev/null | head -10); do
    to=$(grep -m1 -i '^To:' "$file" | sed 's/^To: *//I' | tr -d '\r')
    code=$(tr -d '\r' < "$file" | grep -m1 -E '^ +[0-9]{6} *$' | tr -d ' ')
    [ -n "$code" ] || continue
    printf '%s  %-30s %s\n' "$(date -r "$file" +%H:%M:%S)" "$to" "$code"
    found=1
done
[ "$found" = 1 ] || echo "no login code yet: log in on a node's page first"
