#!/usr/bin/env python3
"""Runs schemathesis against a running `ciid serve` coordinator over HTTPS.

Usage: schemathesis_run.py DATA_DIR PORT OPENAPI_YAML

Opens a bureau session directly in DATA_DIR/access.sqlite for the account with id 1 (the login
itself is tested elsewhere; the session token is stored hashed with BLAKE2b-256, as ciid does),
seeds one case (id 1) through the API, then runs schemathesis with the checks the issue asks for:
no 5xx, every response matching its documented status, content type and schema. Exit code is
schemathesis's. The token and the seeded AVS number are never printed.
"""
import hashlib
import json
import secrets
import sqlite3
import ssl
import subprocess
import sys
import time
import urllib.request

data_dir, port, spec = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"https://localhost:{port}"
ca = f"{data_dir}/tls/ca.crt"

token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
db = sqlite3.connect(f"{data_dir}/access.sqlite", timeout=10)
now = time.time()
db.execute("UPDATE account SET must_change_password = 0 WHERE id = 1")
db.execute(
    "INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
    (hashlib.blake2b(token.encode(), digest_size=32).digest(), 1, csrf, now, now),
)
db.commit()
db.close()

headers = {"Cookie": f"__Host-ciid-session={token}", "X-CSRF-Token": csrf, "Content-Type": "application/json"}
context = ssl.create_default_context(cafile=ca)


def call(method, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method, headers=headers)
    with urllib.request.urlopen(request, context=context, timeout=10) as response:
        return response.status


def avs(seed):
    digits = [7, 5, 6] + [int(c) for c in f"{seed:09d}"]
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    digits.append((10 - total % 10) % 10)
    text = "".join(map(str, digits))
    return f"{text[:3]}.{text[3:7]}.{text[7:11]}.{text[11:]}"


call("POST", "/api/v1/registry/collaborators", {
    "name": "Alice Favre", "dispositif": "ORP", "region": "SIO", "phone": "027 000 00 01",
    "email": "alice@orp.example", "function": "respondent"})
call("PUT", "/api/v1/registry/document-codes/RAP", {"labelFR": "Rapport", "labelDE": "Bericht"})
call("POST", "/api/v1/registry/cases", {
    "person": {"avs": avs(100000042), "surname": "Müller", "firstName": "Zoé", "birthDate": "1983-05-02",
               "sex": "F", "language": "fr", "education": "none"},
    "announcement": {"region": "SIO", "announcedOn": "2025-03-01", "ageGroup": "adult", "dispositif": "ORP"}})

result = subprocess.run([
    sys.executable, "-m", "schemathesis.cli", "run", spec, "--url", base,
    "-H", f"Cookie: __Host-ciid-session={token}", "-H", f"X-CSRF-Token: {csrf}",
    "--tls-verify", ca,
    "--checks", "not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance",
    "--max-examples", sys.argv[4] if len(sys.argv) > 4 else "15", "--workers", "1", "--generation-deterministic",
    "--no-color",
], capture_output=True, text=True)
print(result.stdout.replace(token, "<token>").replace(csrf, "<csrf>")[-6000:])
print(result.stderr.replace(token, "<token>").replace(csrf, "<csrf>")[-2000:], file=sys.stderr)
sys.exit(result.returncode)
