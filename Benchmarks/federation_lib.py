"""Helpers shared by Benchmarks/federation-bench.py and Benchmarks/growth-bench.py: a federation of
real `ciid serve` processes on loopback, made with `ciid init / join-request / federation admit /
join`, in a temporary folder, every process stopped by PID.

Arrival is read from each node's SQLite database (`replica_checkpoint`, read-only), the figures of
a node from its `/metrics` (over HTTPS with the federation's CA) and from /proc/PID.
"""
import os, random, re, shutil, signal, socket, sqlite3, subprocess, tempfile, time

_handed_out = set()


def _ephemeral_start():
    try:
        return int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port():
    """A port below the kernel's ephemeral range, free now and never handed out before by this
    process: a port from bind(0) lies in the ephemeral range, where every outgoing connection of
    every process also takes its local port, and one could take it before `ciid serve` binds it
    (Tests/ciidTests/FreePort.swift)."""
    top = max(20001, min(_ephemeral_start(), 32768))
    for _ in range(1000):
        port = random.randrange(20000, top)
        if port in _handed_out:
            continue
        _handed_out.add(port)
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            s.close()
    raise SystemExit(f"no free port between 20000 and {top - 1}")


def avs(i):
    """A valid AVS number from the block 756.6…, formatted."""
    first12 = 756_600_000_000 + i
    digits = [int(c) for c in str(first12)]
    total = sum(d if k % 2 == 0 else 3 * d for k, d in enumerate(digits))
    check = (10 - total % 10) % 10
    s = f"{first12}{check}"
    return f"{s[0:3]}.{s[3:7]}.{s[7:11]}.{s[11:13]}"


def members(codes):
    """(node id, dispositif code) of one node per code: `ORP` → `orp-vs`."""
    return [(f"{code.lower()}-vs", code) for code in codes]


_METRIC = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{([^}]*)\})?\s+(\S+)')
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


def parse_metrics(text):
    """The samples of a Prometheus text: a list of (name, {label: value}, float)."""
    samples = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = _METRIC.match(line)
        if not match:
            continue
        labels = dict(_LABEL.findall(match.group(2) or ""))
        try:
            samples.append((match.group(1), labels, float(match.group(3))))
        except ValueError:
            continue
    return samples


def metric(text, name, origin):
    """The value of `name{origin="…"}` in a Prometheus text, 0 when absent."""
    for sample, labels, value in parse_metrics(text):
        if sample == name and labels.get("origin") == origin:
            return value
    return 0.0


def proc_cpu_seconds(pid):
    """User + system CPU seconds of a process so far (/proc/PID/stat)."""
    text = open(f"/proc/{pid}/stat").read()
    fields = text[text.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_rss_mb(pid):
    """Resident set of a process in MB (VmRSS of /proc/PID/status)."""
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Federation:
    """A coordinator `cii-vs` and the dispositif nodes `nodes` ((node id, dispositif code) pairs),
    each admitted by the coordinator and joined, in a temporary folder; `start` runs them."""

    def __init__(self, ciid, nodes, prefix="ciid-fedbench-"):
        self.ciid = ciid
        self.root = tempfile.mkdtemp(prefix=prefix)
        self.procs = {}
        self.connections = {}
        self.nodes = {"cii-vs": (f"{self.root}/cii-vs", free_port())}
        # Each node also listens for members on a port of its own; endpoints are NODE.localhost
        # names (libcurl resolves them to loopback), which the node certificates name.
        try:
            self.run("init", "--data-dir", self.nodes["cii-vs"][0], "--role", "coordinator", "--node-id", "cii-vs",
                     "--listen", f"127.0.0.1:{self.nodes['cii-vs'][1]}", "--federation-listen", f"127.0.0.1:{free_port()}")
            for nid, code in nodes:
                self.nodes[nid] = (f"{self.root}/{nid}", free_port())
                folder, port = self.nodes[nid]
                self.run("init", "--data-dir", folder, "--dispositif", code, "--node-id", nid, "--listen", f"127.0.0.1:{port}",
                         "--federation-listen", f"127.0.0.1:{free_port()}")
                self.run("join-request", "--data-dir", folder, "--output", f"{self.root}/{nid}.req")
                self.run("federation", "admit", "--data-dir", self.nodes["cii-vs"][0], f"{self.root}/{nid}.req", "--output", f"{self.root}/{nid}.adm")
                self.run("join", "--data-dir", folder, f"{self.root}/{nid}.adm")
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def run(self, *args, timeout=3600):
        subprocess.run([self.ciid, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)

    def start(self, key_timeout=60):
        for nid, (folder, _) in self.nodes.items():
            with open(f"{folder}.log", "w") as log:
                self.procs[nid] = subprocess.Popen([self.ciid, "serve", "--data-dir", folder, "--log-level", "warning"], stdout=log, stderr=log)
        deadline = time.time() + key_timeout
        for nid, (folder, _) in self.nodes.items():
            while not os.path.exists(f"{folder}/keys/federation.json"):
                if self.procs[nid].poll() is not None:
                    raise SystemExit(f"{nid} stopped (status {self.procs[nid].returncode}): {self.log_tail(nid)}")
                if time.time() > deadline:
                    raise SystemExit(f"{nid} got no federation key within {key_timeout} s")
                time.sleep(0.05)

    def log_tail(self, nid, lines=5):
        try:
            return " | ".join(open(f"{self.nodes[nid][0]}.log").read().splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self):
        for connection in self.connections.values():
            connection.close()
        self.connections.clear()
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(self.root, ignore_errors=True)

    def db(self, nid):
        connection = sqlite3.connect(f"file:{self.nodes[nid][0]}/node.sqlite?mode=ro", uri=True, timeout=10)
        return connection

    def _kept(self, nid):
        # One read-only connection per node, kept open: a poll over 30 nodes every few
        # milliseconds would otherwise spend its time opening databases. Python's sqlite3 opens no
        # transaction for a SELECT, so each query sees the last commit.
        if nid not in self.connections:
            self.connections[nid] = self.db(nid)
        return self.connections[nid]

    def checkpoint(self, nid, origin):
        row = self._kept(nid).execute("SELECT sequence FROM replica_checkpoint WHERE origin = ?", (origin,)).fetchone()
        return row[0] if row else 0

    def head(self, nid):
        return self._kept(nid).execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]

    def metrics(self, nid):
        folder, port = self.nodes[nid]
        # curl, not urllib: Python does not resolve NODE.localhost, the name the certificate carries.
        return subprocess.run(["curl", "-sf", "--max-time", "10", "--cacert", f"{folder}/federation/ca.crt",
                               f"https://{nid}.localhost:{port}/metrics"], check=True, capture_output=True, text=True).stdout

    def write_csv(self, name, indices):
        path = f"{self.root}/{name}.csv"
        today = time.strftime("%d.%m.%Y")
        with open(path, "w") as f:
            f.write("N° AVS;Début du suivi;Dernier suivi\n")
            for i in indices:
                f.write(f"{avs(i)};01.01.2025;{today}\n")
        return path


_SS_USER = re.compile(r'pid=(\d+)')


def socket_bytes(pids, skip_local_ports=()):
    """TCP bytes of the established connections of processes `pids` now, from the kernel
    (`ss -tinp`: tcp_info's bytes_sent and bytes_received, TLS records and HTTP headers
    included): {(pid, local, peer): (sent, received)}. Connections whose local port is in
    `skip_local_ports` (the nodes' public ports, where this script reads /metrics) are left out.
    A connection closed between two readings takes its bytes with it."""
    text = subprocess.run(["ss", "-tinpH", "state", "established"], capture_output=True, text=True, timeout=30).stdout
    wanted = {str(pid) for pid in pids}
    result = {}
    current = None
    for line in text.splitlines():
        if not line.startswith((" ", "\t")):
            fields = line.split()
            current = None
            owners = _SS_USER.findall(line)
            if len(fields) >= 4 and owners and owners[0] in wanted:
                local, peer = fields[2], fields[3]
                if int(local.rsplit(":", 1)[1]) not in skip_local_ports:
                    current = (int(owners[0]), local, peer)
            continue
        if current is not None:
            sent = re.search(r'\bbytes_sent:(\d+)', line)
            received = re.search(r'\bbytes_received:(\d+)', line)
            result[current] = (int(sent.group(1)) if sent else 0, int(received.group(1)) if received else 0)
            current = None
    return result


def socket_bytes_delta(before, after):
    """{pid: (sent, received)} between two `socket_bytes` readings (new connections count from 0)."""
    totals = {}
    for key, (sent, received) in after.items():
        old_sent, old_received = before.get(key, (0, 0))
        if sent < old_sent or received < old_received:  # the same address pair, a new connection
            old_sent, old_received = 0, 0
        pid_sent, pid_received = totals.get(key[0], (0, 0))
        totals[key[0]] = (pid_sent + sent - old_sent, pid_received + received - old_received)
    return totals
