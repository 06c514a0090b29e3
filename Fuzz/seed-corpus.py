#!/usr/bin/env python3
"""Writes the seed inputs of every fuzz target into OUT/<Target>/, taken from the tests' own
inputs (AVS numbers, CSV exports, configuration texts) or built the way ciid builds them
(batches, signed manifests, join requests, admissions, audit lines, form bodies).

    python3 Fuzz/seed-corpus.py OUT

The committed corpora (Fuzz/Corpus/<Target>/) are these seeds after fuzzing, minimised with
libFuzzer's -merge=1 (see Fuzz/fuzz.sh)."""

import base64, glob, hashlib, json, os, re, struct, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1]
KNOWN = "756.9217.0769.85"  # the import tests' known (valid, synthetic) number
OTHER = "756.1234.5678.97"


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def swift_unescape(text):
    text = re.sub(r"\\u\{([0-9A-Fa-f]+)\}", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace(r"\n", "\n").replace(r"\r", "\r").replace(r"\t", "\t").replace(r"\"", '"').replace("\\\\", "\\")


def test_sources(folder):
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", folder, "*.swift"))):
        with open(path, encoding="utf-8") as f:
            yield f.read()


# AVS numbers: every string literal of the tests that starts like one.
numbers = set()
for source in test_sources("*"):
    numbers.update(re.findall(r'"(75\d[0-9 .\-]{6,16})"', source))
for index, number in enumerate(sorted(numbers)):
    write("FuzzAVS", "test-%02d" % index, number)

# CSV exports: the literal texts the import tests parse, AVS interpolations filled in.
index = 0
for source in test_sources("CIIImportTests"):
    for literal in re.findall(r'parse\("((?:[^"\\]|\\.)*)"', source):
        text = re.sub(r"\\\((first|Fixture\.known)\.formatted\)", KNOWN, literal)
        text = re.sub(r"\\\([^)]*\)", OTHER, text)
        write("FuzzCSV", "test-%02d" % index, swift_unescape(text))
        index += 1
write("FuzzCSV", "windows-1252", "N° AVS;Début;Fin;Gestionnaire\n%s;01.02.2020;10.03.2025;Zoë\n" % KNOWN, )
with open(os.path.join(OUT, "FuzzCSV", "windows-1252"), "wb") as f:
    f.write(("N° AVS;Début;Fin;Gestionnaire\r\n%s;01.02.2020;10.03.2025;Zoë\r\n" % KNOWN).encode("cp1252"))
write("FuzzCSV", "quoted", 'AHV-Nummer,Beginn,Ende,Dossier\n"%s","2021-05-06","","D-1, ""a"""\n' % KNOWN)

# Configuration: the example file and the tests' texts.
with open(os.path.join(ROOT, "config", "dispositif.example.conf"), encoding="utf-8") as f:
    write("FuzzConfig", "dispositif.example.conf", f.read())
index = 0
for source in test_sources("CIICoreTests"):
    for block in re.findall(r'"""\n(.*?)\n\s*"""', source, re.S):
        if "[node]" in block:
            write("FuzzConfig", "test-%02d" % index, "\n".join(line.strip() for line in block.split("\n")) + "\n")
            index += 1
    for literal in re.findall(r'\("(\[node\](?:[^"\\]|\\.)*)"', source):
        write("FuzzConfig", "test-%02d" % index, swift_unescape(literal))
        index += 1


# Batches: the wire form (Sources/CIIFederation/Batch/Batch+wire.swift), version 3 (issue 15):
# changes in groups of one epoch and width; a change of a 16-byte epoch carries 16 bytes.
def batch(origin, dispositif, recipient, after, through, changes, reset=False, generation=0, end=False, version=3):
    out = b"CIIB" + bytes([version, (1 if reset else 0) | (2 if end else 0)])
    for text in (origin, dispositif, recipient):
        out += bytes([len(text)]) + text.encode()
    out += struct.pack("<QQQI", after, through, generation, len(changes))
    groups = []
    for kind, epoch, seed, day, width in changes:
        if not groups or groups[-1][0] != (epoch, width):
            groups.append(((epoch, width), []))
        groups[-1][1].append((kind, seed, day))
    for (epoch, width), members in groups:
        out += struct.pack("<HBI", epoch, width, len(members))
        for kind, seed, day in members:
            out += bytes([kind]) + hashlib.sha256(seed.encode()).digest()[:width]
            if kind == 1:
                out += struct.pack("<H", day)
    return out


write("FuzzBatch", "empty", batch("orp-vs", "ORP", "cms-vs", 0, 0, []))
write("FuzzBatch", "upserts", batch("orp-vs", "ORP", "cms-vs", 3, 5, [(1, 1, "a", 20000, 32), (1, 2, "b", 20100, 16), (2, 1, "c", 0, 32)], end=True))
write("FuzzBatch", "reset", batch("cms-vs", "CMS", "oai-vs", 0, 2, [(1, 2, "d", 19000, 16), (1, 2, "e", 19500, 16)], reset=True, generation=4))
write("FuzzBatch", "version-1", batch("orp-vs", "ORP", "cms-vs", 0, 0, [], version=1))
write("FuzzBatch", "version-2", batch("orp-vs", "ORP", "cms-vs", 0, 0, [], version=2))

# Signed keys for manifests, join requests and admissions (python3-cryptography, Ed25519).
try:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization

    def keypair(seed):
        key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed.encode()).digest())
        public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return key, base64.b64encode(public).decode()

    def sign(key, data):
        return base64.b64encode(key.sign(data)).decode()
except ImportError:  # unsigned seeds still reach everything before the signature check
    def keypair(seed):
        return None, base64.b64encode(hashlib.sha256(seed.encode()).digest()).decode()

    def sign(key, data):
        return base64.b64encode(bytes(64)).decode()


def canonical(fields):
    return b"".join(struct.pack(">I", len(f.encode())) + f.encode() for f in fields)


def b64key(seed):
    return base64.b64encode(hashlib.sha256(seed.encode()).digest()).decode()


coordinator, coordinator_public = keypair("coordinator")
manifest = {
    "version": 3,
    "coordinator": "cii-vs",
    "expiresAt": 1900000000,
    "members": [
        {"id": "cii-vs", "role": "coordinator", "endpoint": "https://cii.example.ch:8443", "signingKey": coordinator_public, "boxKey": b64key("box-cii")},
        {"id": "orp-vs", "role": "dispositif", "dispositif": "ORP", "endpoint": "https://orp.example.ch:8443",
         "federationEndpoint": "https://orp.example.ch:9443", "signingKey": b64key("sign-orp"), "boxKey": b64key("box-orp"), "tlsPublicKey": "MCowBQYDK2VwAyEA"},
    ],
    "epochs": [{"epoch": 1, "keyID": "0123abcd", "sealed": {"orp-vs": base64.b64encode(bytes(80)).decode()}}],
}
manifest_bytes = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
write("FuzzManifest", "manifest-json", manifest_bytes)
write("FuzzManifest", "signed", json.dumps({"manifest": base64.b64encode(manifest_bytes).decode(), "signature": sign(coordinator, manifest_bytes)}))
write("FuzzManifest", "minimal", json.dumps({"version": 1, "coordinator": "cii-vs", "members": [], "epochs": []}))

node, node_public = keypair("node")
request = {"format": "ciid-join-request-v2", "id": "orp-vs", "role": "dispositif", "dispositif": "ORP",
           "endpoint": "https://orp.example.ch:8443", "federationEndpoint": "https://orp.example.ch:9443",
           "signingKey": node_public, "boxKey": b64key("box-orp"), "tlsPublicKey": "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n"}
request["signature"] = sign(node, canonical([request[k] for k in ("format", "id", "role", "dispositif", "endpoint", "federationEndpoint", "signingKey", "boxKey", "tlsPublicKey")]))
write("FuzzJoinRequest", "signed", json.dumps(request, indent=2, sort_keys=True))
write("FuzzJoinRequest", "version-1", json.dumps(dict(request, format="ciid-join-request-v1")))

certificate = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
admission = {"format": "ciid-admission-v2", "node": "orp-vs",
             "coordinator": {"id": "cii-vs", "endpoint": "https://cii.example.ch:8443", "signingKey": coordinator_public},
             "caCertificate": certificate, "certificate": certificate}
admission["signature"] = sign(coordinator, canonical([admission["format"], "orp-vs", "cii-vs", "https://cii.example.ch:8443", coordinator_public, certificate, certificate]))
write("FuzzAdmission", "signed", json.dumps(admission, indent=2, sort_keys=True))
write("FuzzAdmission", "version-1", json.dumps(dict(admission, format="ciid-admission-v1")))

# Audit lines, written as AuditEntry+encoding.swift writes them (the MAC is not checked).
def audit_line(seq, kind, actor, subject, outcome, details, prev=bytes(32)):
    body = '{"seq":%d,"time":"2026-11-23T10:00:00.123Z","kind":%s,"actor":%s,"subject":%s,"outcome":%s,"details":{%s},"prev":"%s"' % (
        seq, json.dumps(kind), json.dumps(actor), "null" if subject is None else json.dumps(subject), json.dumps(outcome),
        ",".join("%s:%s" % (json.dumps(k), json.dumps(v, ensure_ascii=False)) for k, v in details), prev.hex())
    mac = hashlib.blake2b(body.encode(), digest_size=32, key=b"k" * 32).hexdigest()
    return body + ',"mac":"%s"}' % mac


write("FuzzAudit", "check", audit_line(7, "check", "account:12", None, "ok", [("fingerprint", "ab" * 8), ("matches", "2")]))
write("FuzzAudit", "escapes", audit_line(8, "login", "account:3", "account:3", "refused", [("reason", 'a "quoted" \\ text\twith é')], bytes(range(32))))

# Form bodies, as the login and second-factor pages receive them.
write("FuzzForm", "login", "email=anne.muster%40orp.example.ch&password=correct+horse%21&next=%2Fcheck")
write("FuzzForm", "code", "code=123456&remember=on&code=654321")
write("FuzzForm", "odd", "=&a&%zz=%E2%82%AC&b==c")
