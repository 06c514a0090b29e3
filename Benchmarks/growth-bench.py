#!/usr/bin/env python3
"""How the federation's cost grows with its size (issue 15, part of `make bench`; `make bench-growth`
runs it alone).

Usage: growth-bench.py CIID [BENCHMARKS_MD]
       growth-bench.py --report RESULTS_JSON [BENCHMARKS_MD]   (writes the section again from a
                                                                saved run, without running nodes)
GROWTH_BENCH_SIZES, _BASE, _BULK, _ROUNDS, _IDLE_SECONDS change the run; GROWTH_BENCH_NOTE adds a
paragraph under the heading (which binary, say).

For each size (default 3, 7, 15 and 30 `ciid serve` processes: the coordinator and N - 1 dispositif
nodes, release build, on this machine), in a temporary folder:
1. every dispositif node imports BASE people of its own (default 1,000), and the full mesh
   converges: every node holds every origin's set;
2. idle: CPU seconds (/proc/PID/stat) and federation bytes (`/metrics`) of every node over IDLE
   seconds (default 30) with no change: heartbeats, the manifest fetches, the peer loops' polls;
3. one change: ORP imports one more person; time until every other node holds it (ROUNDS rounds,
   default 7), read from each node's `replica_checkpoint`;
4. 100,000 changes: ORP imports BULK (default 100,000) more people; time from the end of the
   import until every other node holds them all, with CPU seconds and bytes per node;
5. resident set (VmRSS) of every node at the end.

Bytes are the bodies of the federation's requests and answers, from every node's
`ciid_federation_sent_bytes_total{peer}` and `ciid_federation_answer_bytes_total{peer}`: what X sent
is what it sent in its requests plus what it answered to the requests of others.

Writes the Markdown section "## Growth of the federation" into BENCHMARKS_MD (replacing it, or
appending it), the plot beside it (benchmarks-growth.svg, plain SVG written here), and the raw
figures to Benchmarks/.data/growth-results.json; prints the section. Every process it starts is
stopped by PID (also on Ctrl-C or SIGTERM); every wait is bounded.
"""
import json, math, os, resource, signal, statistics, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
import federation_lib
from federation_lib import parse_metrics, proc_cpu_seconds, proc_rss_mb, socket_bytes, socket_bytes_delta

SIZES = [int(n) for n in os.environ.get("GROWTH_BENCH_SIZES", "3,7,15,30").split(",")]
BASE = int(os.environ.get("GROWTH_BENCH_BASE", "1000"))
BULK = int(os.environ.get("GROWTH_BENCH_BULK", "100000"))
ROUNDS = int(os.environ.get("GROWTH_BENCH_ROUNDS", "7"))
IDLE = float(os.environ.get("GROWTH_BENCH_IDLE_SECONDS", "30"))
DESIGN_NODES = 156  # DESIGN.md section 6: 26 cantons × 6 dispositifs
AIM_ONE_MS = 500
AIM_BULK_S = 30
CODES = ["ORP", "CMS", "OAI", "OSP", "OASI", "T1"]
ORIGIN = "orp-vs"
HEADING = "## Growth of the federation: 3 to 30 nodes"
RESULTS = os.environ.get("GROWTH_BENCH_RESULTS", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".data", "growth-results.json"))


def node_list(size):
    """The size - 1 dispositif nodes of a federation of `size` processes: the six dispositifs in
    turn (orp-vs, cms-vs, …, then orp2-vs, cms2-vs, …), as a canton running a node per region and
    dispositif would."""
    nodes = []
    for k in range(size - 1):
        code = CODES[k % len(CODES)]
        turn = k // len(CODES) + 1
        nodes.append((f"{code.lower()}{'' if turn == 1 else turn}-vs", code))
    return nodes


def log(text):
    print(f"growth: {text}", file=sys.stderr, flush=True)


def wait_until_held(federation, origin, head, receivers, started, timeout, interval):
    """Seconds after `started` at which each receiver held `origin`'s sequence `head`."""
    arrived = {}
    while len(arrived) < len(receivers):
        for nid in receivers:
            if nid not in arrived and federation.checkpoint(nid, origin) >= head:
                arrived[nid] = time.monotonic() - started
        if len(arrived) == len(receivers):
            break
        if time.monotonic() - started > timeout:
            missing = sorted(set(receivers) - set(arrived))
            raise SystemExit(f"{len(missing)} nodes did not hold {origin}'s sequence {head} within {timeout:.0f} s: {', '.join(missing[:5])}")
        time.sleep(interval)
    return arrived


def snapshot(federation):
    """CPU seconds of every node, and its federation byte counters, now."""
    cpu = {nid: proc_cpu_seconds(proc.pid) for nid, proc in federation.procs.items()}
    public_ports = {port for _, port in federation.nodes.values()}
    wire = socket_bytes([proc.pid for proc in federation.procs.values()], public_ports)
    counters = {}
    for nid in federation.nodes:
        sent, answered = {}, {}
        for name, labels, value in parse_metrics(federation.metrics(nid)):
            if name == "ciid_federation_sent_bytes_total":
                sent[labels.get("peer", "")] = value
            elif name == "ciid_federation_answer_bytes_total":
                answered[labels.get("peer", "")] = value
        counters[nid] = (sent, answered)
    return {"time": time.monotonic(), "cpu": cpu, "counters": counters, "wire": wire}


def wire_per_node(federation, before, after):
    """(sent, received) TCP bytes of every node's federation connections between two snapshots."""
    totals = socket_bytes_delta(before["wire"], after["wire"])
    return {nid: totals.get(proc.pid, (0, 0)) for nid, proc in federation.procs.items()}


def bytes_per_node(before, after):
    """(sent, received) federation body bytes of every node between two snapshots, or None when
    the nodes have no byte counters (a ciid before issue 15)."""
    def delta(nid, which, peer):
        now = after["counters"][nid][which].get(peer, 0.0)
        then = before["counters"][nid][which].get(peer, 0.0)
        return now - then

    if not any(after["counters"][nid][0] for nid in after["counters"]):
        return None
    nodes = list(after["counters"])
    result = {}
    for x in nodes:
        sent = sum(delta(x, 0, peer) for peer in after["counters"][x][0])  # its requests
        received = sum(delta(x, 1, peer) for peer in after["counters"][x][1])  # answers to them
        for y in nodes:
            if y != x:
                sent += delta(y, 1, x)  # its answers to y's requests
                received += delta(y, 0, x)  # y's requests to it
        result[x] = (sent, received)
    return result


def cpu_per_node(before, after):
    return {nid: after["cpu"][nid] - before["cpu"][nid] for nid in after["cpu"]}


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(ciid, size):
    """Every figure of one federation of `size` processes."""
    nodes = node_list(size)
    r = {"size": size, "base": BASE, "bulk": BULK, "rounds": ROUNDS, "idle_seconds": IDLE}
    started = time.monotonic()
    federation = federation_lib.Federation(ciid, nodes, prefix=f"ciid-growth{size}-")
    try:
        r["setup_s"] = time.monotonic() - started
        federation.start(key_timeout=120 + 4 * size)
        dispositifs = [nid for nid, _ in nodes]
        log(f"{size} nodes: started; each dispositif imports {BASE} people")
        people = {}
        for k, nid in enumerate(dispositifs):
            people[nid] = list(range(k * 1_000_000, k * 1_000_000 + BASE))
            federation.run("import", "--data-dir", federation.nodes[nid][0], federation.write_csv(f"{nid}-base", people[nid]))
        imported = time.monotonic()
        heads = {nid: federation.head(nid) for nid in dispositifs}
        deadline = imported + 120 + 10 * size
        while True:
            behind = [(n, o) for o in dispositifs for n in federation.nodes if n != o and federation.checkpoint(n, o) < heads[o]]
            if not behind:
                break
            if time.monotonic() > deadline:
                raise SystemExit(f"{size} nodes: the mesh did not converge ({len(behind)} pairs behind, e.g. {behind[0]})")
            time.sleep(0.1)
        r["converge_s"] = time.monotonic() - imported
        log(f"{size} nodes: converged in {r['converge_s']:.1f} s; idle for {IDLE:.0f} s")

        # Idle: nothing changes; what remains is the heartbeats, manifest fetches and the peer loops.
        time.sleep(5)
        before = snapshot(federation)
        time.sleep(IDLE)
        after = snapshot(federation)
        span = after["time"] - before["time"]
        r["idle_cpu"] = {nid: cpu / span for nid, cpu in cpu_per_node(before, after).items()}
        idle_bytes = bytes_per_node(before, after)
        r["idle_bytes"] = {nid: (s / span, rcv / span) for nid, (s, rcv) in idle_bytes.items()} if idle_bytes else None
        r["idle_wire"] = {nid: (s / span, rcv / span) for nid, (s, rcv) in wire_per_node(federation, before, after).items()}
        r["idle_rss_mb"] = {nid: proc_rss_mb(proc.pid) for nid, proc in federation.procs.items()}

        # One change, several rounds.
        log(f"{size} nodes: {ROUNDS} rounds of one change")
        receivers = [nid for nid in federation.nodes if nid != ORIGIN]
        origin_folder = federation.nodes[ORIGIN][0]
        rounds = []
        for k in range(ROUNDS):
            people[ORIGIN].append(900_000_000 // 4 + k)  # a new person each round
            csv = federation.write_csv(f"one-{k}", people[ORIGIN])
            federation.run("import", "--data-dir", origin_folder, csv)
            done = time.monotonic()
            arrived = wait_until_held(federation, ORIGIN, federation.head(ORIGIN), receivers, done, 60, 0.002)
            rounds.append(sorted(arrived.values()))
            time.sleep(0.5 + 0.1 * k)  # rounds start at different phases of the peers' 100 ms polls
        r["one_all_s"] = [times[-1] for times in rounds]
        r["one_first_s"] = [times[0] for times in rounds]
        r["one_median_node_s"] = [statistics.median(times) for times in rounds]

        # 100,000 changes from one origin.
        log(f"{size} nodes: {BULK:,} changes from {ORIGIN}")
        time.sleep(2)
        people[ORIGIN].extend(range(200_000_000, 200_000_000 + BULK))
        csv = federation.write_csv("bulk", people[ORIGIN])
        before = snapshot(federation)
        children = children_cpu()
        import_started = time.monotonic()
        federation.run("import", "--data-dir", origin_folder, csv)
        done = time.monotonic()
        r["bulk_import_s"] = done - import_started
        r["bulk_import_cpu_s"] = children_cpu() - children
        head = federation.head(ORIGIN)
        mine = own_cpu()
        arrived = wait_until_held(federation, ORIGIN, head, receivers, done, 600, 0.02)
        r["bulk_poller_cpu_s"] = own_cpu() - mine
        after = snapshot(federation)
        r["bulk_arrival_s"] = arrived
        r["bulk_all_s"] = max(arrived.values())
        r["bulk_span_s"] = after["time"] - before["time"]
        r["bulk_cpu_s"] = cpu_per_node(before, after)
        r["bulk_bytes"] = bytes_per_node(before, after)
        r["bulk_wire"] = wire_per_node(federation, before, after)
        r["rss_mb"] = {nid: proc_rss_mb(proc.pid) for nid, proc in federation.procs.items()}
        r["holds"] = {"origin_own": len(people[ORIGIN]), "per_other_dispositif": BASE}
        r["load"] = open("/proc/loadavg").read().split()[:3]
        log(f"{size} nodes: one change median {statistics.median(r['one_all_s']) * 1000:.0f} ms, "
            f"{BULK:,} changes {r['bulk_all_s']:.1f} s")
        return r
    finally:
        federation.stop()


# ---------------------------------------------------------------- the report


def fit_power(xs, ys):
    """y ≈ a · x^p by least squares on logarithms: (a, p), or None when a value is not positive."""
    if len(xs) < 2 or any(y <= 0 for y in ys):
        return None
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    sxx = sum((x - mx) ** 2 for x in lx)
    if sxx == 0:
        return None
    p = sum((x - mx) * (y - my) for x, y in zip(lx, ly)) / sxx
    return math.exp(my - p * mx), p


def fit_linear(xs, ys):
    """y ≈ a + b · x by least squares: (a, b)."""
    mx, my = statistics.mean(xs), statistics.mean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0.0
    return my - b * mx, b


def fit_quadratic(xs, ys):
    """y ≈ a + b · x + c · x² by least squares (normal equations): (a, b, c)."""
    m = [[sum(x ** (i + j) for x in xs) for j in range(3)] for i in range(3)]
    v = [sum(y * x ** i for x, y in zip(xs, ys)) for i in range(3)]
    for k in range(3):  # Gaussian elimination with partial pivoting
        pivot = max(range(k, 3), key=lambda i: abs(m[i][k]))
        m[k], m[pivot], v[k], v[pivot] = m[pivot], m[k], v[pivot], v[k]
        if m[k][k] == 0:
            return None
        for i in range(k + 1, 3):
            f = m[i][k] / m[k][k]
            m[i] = [a - f * b for a, b in zip(m[i], m[k])]
            v[i] -= f * v[k]
    c = [0.0, 0.0, 0.0]
    for i in (2, 1, 0):
        c[i] = (v[i] - sum(m[i][j] * c[j] for j in range(i + 1, 3))) / m[i][i]
    return tuple(c)


def extrapolate(xs, ys, x, p):
    """y at x: a straight line through the sizes measured (least squares) when y grows at most
    linearly (p < 1.4), a parabola when it grows faster; None without a fit."""
    if p is None or len(xs) < 2:
        return None
    if p < 1.4 or len(xs) < 3:
        a, b = fit_linear(xs, ys)
        return a + b * x
    q = fit_quadratic(xs, ys)
    return None if q is None else q[0] + q[1] * x + q[2] * x * x


def growth_word(p):
    if p is None:
        return "—"
    if p < 0.5:
        return "flat"
    if p < 1.4:
        return "linear"
    if p < 2.4:
        return "quadratic"
    return "faster than quadratic"


def med(values):
    values = list(values)
    return statistics.median(values) if values else float("nan")


def series(results):
    """The figures of the table and the plot, by key: one value per size."""
    s = {"n": [r["size"] for r in results]}

    def others(r, table):
        return [v for nid, v in table.items() if nid != ORIGIN]

    s["one_median_ms"] = [med(r["one_all_s"]) * 1000 for r in results]
    s["one_max_ms"] = [max(r["one_all_s"]) * 1000 for r in results]
    s["one_first_ms"] = [med(r["one_first_s"]) * 1000 for r in results]
    s["bulk_s"] = [r["bulk_all_s"] for r in results]
    s["bulk_first_s"] = [min(r["bulk_arrival_s"].values()) for r in results]
    s["bulk_import_s"] = [r["bulk_import_s"] for r in results]
    s["bulk_origin_cpu_s"] = [r["bulk_cpu_s"][ORIGIN] for r in results]
    s["bulk_receiver_cpu_s"] = [med(others(r, r["bulk_cpu_s"])) for r in results]
    s["bulk_total_cpu_s"] = [sum(r["bulk_cpu_s"].values()) for r in results]
    # The same, less what the node spends idle over as long (heartbeats, polls): the changes' own cost.
    s["bulk_origin_net_cpu_s"] = [max(0.0, r["bulk_cpu_s"][ORIGIN] - r["idle_cpu"][ORIGIN] * r["bulk_span_s"]) for r in results]
    s["bulk_receiver_net_cpu_s"] = [med(max(0.0, cpu - r["idle_cpu"][nid] * r["bulk_span_s"]) for nid, cpu in r["bulk_cpu_s"].items() if nid != ORIGIN) for r in results]
    s["idle_cpu_pct"] = [med(r["idle_cpu"].values()) * 100 for r in results]
    s["idle_cpu_max_pct"] = [max(r["idle_cpu"].values()) * 100 for r in results]
    s["idle_cpu_coordinator_pct"] = [r["idle_cpu"]["cii-vs"] * 100 for r in results]
    s["idle_total_cores"] = [sum(r["idle_cpu"].values()) for r in results]
    s["rss_mb"] = [med(r["rss_mb"].values()) for r in results]
    s["rss_max_mb"] = [max(r["rss_mb"].values()) for r in results]
    s["idle_rss_mb"] = [med(r["idle_rss_mb"].values()) for r in results]
    s["wire_origin_sent_mb"] = [r["bulk_wire"][ORIGIN][0] / 1e6 for r in results]
    s["wire_receiver_received_mb"] = [med(v[1] for v in others(r, r["bulk_wire"])) / 1e6 for r in results]
    s["wire_bulk_total_mb"] = [sum(v[0] for v in r["bulk_wire"].values()) / 1e6 for r in results]
    s["wire_idle_kbs"] = [med(v[0] + v[1] for v in r["idle_wire"].values()) / 1e3 for r in results]
    s["wire_idle_max_kbs"] = [max(v[0] + v[1] for v in r["idle_wire"].values()) / 1e3 for r in results]
    s["wire_idle_total_kbs"] = [sum(v[0] for v in r["idle_wire"].values()) / 1e3 for r in results]
    have_bytes = all(r["bulk_bytes"] and r["idle_bytes"] for r in results)
    s["have_bytes"] = have_bytes
    if have_bytes:
        s["bulk_origin_sent_mb"] = [r["bulk_bytes"][ORIGIN][0] / 1e6 for r in results]
        s["bulk_receiver_received_mb"] = [med(v[1] for v in others(r, r["bulk_bytes"])) / 1e6 for r in results]
        s["bulk_total_mb"] = [sum(v[0] for v in r["bulk_bytes"].values()) / 1e6 for r in results]
        s["idle_sent_kbs"] = [med(v[0] for v in r["idle_bytes"].values()) / 1e3 for r in results]
        s["idle_received_kbs"] = [med(v[1] for v in r["idle_bytes"].values()) / 1e3 for r in results]
        s["idle_max_kbs"] = [max(v[0] + v[1] for v in r["idle_bytes"].values()) / 1e3 for r in results]
        s["idle_total_kbs"] = [sum(v[0] for v in r["idle_bytes"].values()) / 1e3 for r in results]
    return s


def nice_ceiling(value):
    """The smallest of 1, 2, 4, 5, 8 × 10^k at or above `value`: axes ticked in quarters of it."""
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 4, 5, 8, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def svg_plot(s):
    """Six small panels (one figure each against the number of nodes), plain SVG."""
    panels = [
        ("One change to every node (ms)", [("median", s["one_median_ms"], "#1f77b4"), ("max", s["one_max_ms"], "#ff7f0e")], AIM_ONE_MS),
        (f"{BULK:,} changes to every node (s)", [("all nodes", s["bulk_s"], "#1f77b4"), ("origin CPU", s["bulk_origin_cpu_s"], "#2ca02c")], AIM_BULK_S),
        ("Idle CPU per node (% of a core)", [("median", s["idle_cpu_pct"], "#1f77b4"), ("max", s["idle_cpu_max_pct"], "#ff7f0e")], None),
        ("Idle CPU, whole federation (cores)", [("sum", s["idle_total_cores"], "#1f77b4")], None),
        ("Resident set per node (MB)", [("median", s["rss_mb"], "#1f77b4"), ("max", s["rss_max_mb"], "#ff7f0e")], None),
    ]
    panels.append(("TCP bytes per node", [(f"origin sent, {BULK // 1000}k changes (MB)", s["wire_origin_sent_mb"], "#1f77b4"),
                                          ("idle sent+received (kB/s, median)", s["wire_idle_kbs"], "#ff7f0e")], None))
    width, height, columns = 330, 230, 3
    rows = (len(panels) + columns - 1) // columns
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width * columns}" height="{height * rows + 30}" '
           f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="18" font-size="13">Growth of a ciid federation with its number of nodes (all on one 2-core machine); dashed: aim</text>']
    xmax = max(s["n"]) * 1.05
    for index, (title, lines, aim) in enumerate(panels):
        ox, oy = (index % columns) * width, 30 + (index // columns) * height
        left, top, pw, ph = ox + 45, oy + 22, width - 65, height - 75
        values = [v for _, ys, _ in lines for v in ys if v == v] + ([aim] if aim else [])
        ymax = nice_ceiling(max(values) * 1.05) if values and max(values) > 0 else 1
        out.append(f'<text x="{ox + 10}" y="{oy + 14}" font-weight="bold">{title}</text>')
        out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>')

        def px(x):
            return left + pw * x / xmax

        def py(y):
            return top + ph - ph * y / ymax

        for n in s["n"]:
            out.append(f'<line x1="{px(n):.1f}" y1="{top + ph}" x2="{px(n):.1f}" y2="{top + ph + 4}" stroke="#999"/>')
            out.append(f'<text x="{px(n):.1f}" y="{top + ph + 15}" text-anchor="middle">{n}</text>')
        out.append(f'<text x="{left + pw / 2}" y="{top + ph + 28}" text-anchor="middle" fill="#555">nodes</text>')
        for k in range(5):
            y = ymax * k / 4
            out.append(f'<line x1="{left - 3}" y1="{py(y):.1f}" x2="{left + pw}" y2="{py(y):.1f}" stroke="#eee"/>')
            label = f"{y:,.0f}" if y == int(y) else f"{y:.3g}"
            out.append(f'<text x="{left - 5}" y="{py(y) + 4:.1f}" text-anchor="end">{label}</text>')
        if aim:
            out.append(f'<line x1="{left}" y1="{py(aim):.1f}" x2="{left + pw}" y2="{py(aim):.1f}" stroke="#d62728" stroke-dasharray="5,4"/>')
        for k, (name, ys, colour) in enumerate(lines):
            points = " ".join(f"{px(n):.1f},{py(y):.1f}" for n, y in zip(s["n"], ys) if y == y)
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
            for n, y in zip(s["n"], ys):
                if y == y:
                    out.append(f'<circle cx="{px(n):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
            out.append(f'<rect x="{left + 6}" y="{top + 6 + 14 * k}" width="10" height="3" fill="{colour}"/>')
            out.append(f'<text x="{left + 20}" y="{top + 11 + 14 * k}">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def fmt(value, digits=0):
    if value is None or value != value:
        return "—"
    return f"{value:,.{digits}f}"


def section(results, machine):
    s = series(results)
    n = s["n"]
    sizes = ", ".join(str(x) for x in n)
    last = results[-1]
    lines = [HEADING, ""]
    lines.append(
        f"Run {machine['date']} on {machine['cores']} × {machine['cpu']}, load average {machine['load_start']} at the start and "
        f"{machine['load_end']} at the end (the lead's quiet re-run of `make bench` replaces these figures); command "
        f"`python3 Benchmarks/growth-bench.py .build-release/release/ciid docs/benchmarks.md` (`make bench-growth`, also part of "
        f"`make bench`), {machine['duration_s'] / 60:.0f} min."
    )
    if os.environ.get("GROWTH_BENCH_NOTE"):
        lines += ["", os.environ["GROWTH_BENCH_NOTE"]]
    lines.append("")
    lines.append(
        f"Federations of {sizes} real `ciid serve` processes (release build): the coordinator `cii-vs` and N − 1 dispositif "
        f"nodes (the six dispositifs in turn: `orp-vs`, `cms-vs`, …, `orp2-vs`, …), HTTPS with mutual TLS on loopback, "
        f"the real configuration's intervals (peer loops poll every 100 ms, heartbeat every 5 s, manifest fetch every 2 s, "
        f"digests every 300 s). **All N processes share this machine's {machine['cores']} cores**: a federation of "
        f"separate machines gives each node what here is divided among N. "
        f"Each dispositif imports {BASE:,} people of its own, then the mesh converges (every node holds every origin's set). "
        f"Idle: CPU (/proc/PID/stat) and bytes over {IDLE:.0f} s with no change. One change: `orp-vs` imports one more "
        f"person, timed from the end of the import until the last node's `replica_checkpoint` holds it ({ROUNDS} rounds). "
        f"{BULK:,} changes: `orp-vs` imports {BULK:,} more people; timed from the end of the import "
        f"({fmt(med(s['bulk_import_s']), 1)} s, median over the sizes) until the last node holds them all. "
        f"At the end each node holds about (N − 2) × {BASE:,} + {BULK + BASE + ROUNDS:,} replica entries "
        f"({fmt((last['size'] - 2) * BASE + BULK + BASE + ROUNDS)} at {last['size']} nodes). "
        f"TCP bytes are what the kernel counted on each node's federation connections (`ss -tinp`: tcp_info's "
        f"bytes_sent and bytes_received, TLS records and HTTP headers included; a connection closed within the window "
        f"is missed, but the peers' connections are kept alive); the other bytes are the bodies of federation requests "
        f"and answers (`ciid_federation_sent_bytes_total` and `ciid_federation_answer_bytes_total` of every node)."
    )
    lines.append("")
    lines.append(f"![growth plot](benchmarks-growth.svg)")
    lines.append("")
    header = "| figure | " + " | ".join(f"{x} nodes" for x in n) + " | growth (fit y ∝ N^p) | at 156 nodes (extrapolated) | aim |"
    lines += [header, "|---|" + "---|" * len(n) + "---|---|---|"]

    def row(label, key, digits=0, aim="", unit=""):
        ys = s[key]
        fit = fit_power(n, ys)
        growth = f"{growth_word(fit[1])} (p = {fit[1]:.2f})" if fit else "—"
        at_156 = extrapolate(n, ys, DESIGN_NODES, fit[1] if fit else None)
        at = f"{fmt(at_156, digits)}{unit}" if at_156 is not None and at_156 >= 0 else "—"
        lines.append(f"| {label} | " + " | ".join(f"{fmt(y, digits)}{unit}" for y in ys) + f" | {growth} | {at} | {aim} |")

    def verdict(values, limit):
        return "met" if all(v < limit for v in values) else "**not met**"

    row("one change to every node, median of rounds", "one_median_ms", 0, f"< {AIM_ONE_MS} ms at 30: {verdict(s['one_median_ms'][-1:] + s['one_max_ms'][-1:], AIM_ONE_MS)}", " ms")
    row("one change to every node, max of rounds", "one_max_ms", 0, "", " ms")
    row(f"{BULK:,} changes to every node", "bulk_s", 1, f"< {AIM_BULK_S} s at 30: {verdict(s['bulk_s'][-1:], AIM_BULK_S)}", " s")
    row(f"{BULK:,} changes to the first node", "bulk_first_s", 1, "", " s")
    row(f"CPU of the origin's `ciid serve`, {BULK:,} changes", "bulk_origin_cpu_s", 1, "", " s")
    row(f"the same, less its idle CPU over as long", "bulk_origin_net_cpu_s", 1, "", " s")
    row(f"CPU per receiving node, {BULK:,} changes (median)", "bulk_receiver_cpu_s", 2, "", " s")
    row(f"the same, less its idle CPU over as long", "bulk_receiver_net_cpu_s", 2, "", " s")
    row(f"CPU of all nodes, {BULK:,} changes", "bulk_total_cpu_s", 1, "", " s")
    row(f"TCP bytes sent by the origin, {BULK:,} changes", "wire_origin_sent_mb", 1, "", " MB")
    row(f"TCP bytes received per node, {BULK:,} changes (median)", "wire_receiver_received_mb", 2, "", " MB")
    row(f"TCP bytes sent by all nodes, {BULK:,} changes", "wire_bulk_total_mb", 1, "", " MB")
    row("idle: TCP bytes sent + received per node (median)", "wire_idle_kbs", 2, "", " kB/s")
    row("idle: TCP bytes sent + received per node (max)", "wire_idle_max_kbs", 2, "", " kB/s")
    row("idle: TCP bytes sent, whole federation", "wire_idle_total_kbs", 1, "", " kB/s")
    if s["have_bytes"]:
        row(f"bytes sent by the origin, {BULK:,} changes", "bulk_origin_sent_mb", 1, "", " MB")
        row(f"bytes received per node, {BULK:,} changes (median)", "bulk_receiver_received_mb", 2, "", " MB")
        row("idle: bytes sent per node (median)", "idle_sent_kbs", 2, "", " kB/s")
        row("idle: bytes received per node (median)", "idle_received_kbs", 2, "", " kB/s")
        row("idle: bytes sent, whole federation", "idle_total_kbs", 1, "", " kB/s")
    row("idle CPU per node (median)", "idle_cpu_pct", 2, "", " %")
    row("idle CPU per node (max)", "idle_cpu_max_pct", 2, "", " %")
    row("idle CPU of the coordinator", "idle_cpu_coordinator_pct", 2, "", " %")
    row("idle CPU, whole federation", "idle_total_cores", 3, "", " cores")
    row("resident set per node at the end (median)", "rss_mb", 0, "", " MB")
    row("resident set per node at the end (max)", "rss_max_mb", 0, "", " MB")
    row("resident set per node, idle before the changes (median)", "idle_rss_mb", 0, "", " MB")
    lines.append("")
    lines.append("Load average (1 min) at the end of each size: " + ", ".join(f"{r['load'][0]} ({r['size']} nodes)" for r in results) + ".")
    lines.append("")
    lines.append(
        "Idle CPU is in % of one core over the idle window; p is the slope of log y against log N over the sizes measured "
        "(p ≈ 1 linear, ≈ 2 quadratic); the extrapolation to the design's 156 nodes is a straight line fitted "
        "to the sizes measured when p < 1.4, a parabola when p ≥ 1.4. "
        f"The setup of the largest federation (`ciid init`, `join-request`, `admit`, `join` per node) took {fmt(last['setup_s'], 0)} s "
        f"and its first full exchange ({BASE:,} people from each of the {last['size'] - 1} dispositifs to every node) {fmt(last['converge_s'], 1)} s. "
        "The one-change rounds are timed from the end of the `ciid import` process, which exits a little after its "
        "transaction commits: the first peers sometimes hold the change already."
    )
    lines.append("")
    lines += analysis(s)
    return "\n".join(lines), s


def analysis(s):
    """What grows how, and what a relay would save, in sentences computed from the fits."""
    n = s["n"]
    if len(n) < 2:
        return []
    words = {}
    for key, label in [("one_median_ms", "one change's time to every node"), ("bulk_s", f"the {BULK:,} changes' time to every node"),
                       ("bulk_origin_net_cpu_s", "the origin's CPU for them"), ("wire_origin_sent_mb", "the origin's bytes"),
                       ("bulk_receiver_net_cpu_s", "a receiver's CPU for them"), ("wire_receiver_received_mb", "a receiver's bytes"),
                       ("idle_cpu_pct", "a node's idle CPU"), ("wire_idle_kbs", "a node's idle bytes"),
                       ("idle_total_cores", "the federation's idle CPU"), ("wire_idle_total_kbs", "the federation's idle bytes"),
                       ("rss_mb", "a node's resident set")]:
        fit = fit_power(n, s[key])
        words.setdefault(growth_word(fit[1]) if fit else "—", []).append(f"{label} (p = {fit[1]:.2f})" if fit else label)
    out = ["**What grows how** (fit over the sizes measured): " + "; ".join(f"{word}: {', '.join(items)}" for word, items in words.items()) + "."]
    out.append("")
    # Per recipient, at the largest size: what the origin pays for each peer (its whole CPU over the
    # push, idle work included, so at most that).
    cpu_per_peer = s["bulk_origin_cpu_s"][-1] / (n[-1] - 1)
    mb_per_peer = s["wire_origin_sent_mb"][-1] / (n[-1] - 1)
    idle_a, idle_per_peer = fit_linear(n, s["idle_cpu_pct"])
    kbs_a, kbs_per_peer = fit_linear(n, s["wire_idle_kbs"])
    uplink = 12.5  # MB/s: a 100 Mbit/s link
    def peers_within(cost_per_peer, budget):
        return int(budget / cost_per_peer) + 1 if cost_per_peer > 0 else None
    cpu_nodes = peers_within(cpu_per_peer, AIM_BULK_S)
    link_nodes = peers_within(mb_per_peer / uplink, AIM_BULK_S)
    out.append(
        f"**On separate machines, and where a relay would pay.** Here all nodes share {os.cpu_count()} cores, so the times above "
        f"include every receiver's work; on a federation of separate machines the origin is what grows. Per peer, "
        f"the origin spent at most {fmt(cpu_per_peer, 3)} s of CPU and sent {fmt(mb_per_peer, 2)} MB for {BULK:,} changes "
        f"(its CPU over the whole push at {n[-1]} nodes, idle work included, and its TCP bytes, divided by its "
        f"{n[-1] - 1} peers). On its own machine, with these costs it reaches "
        f"{AIM_BULK_S} s of CPU at about {fmt(cpu_nodes) if cpu_nodes else '—'} nodes, and a 100 Mbit/s uplink carries the "
        f"sealed copies within {AIM_BULK_S} s up to about {fmt(link_nodes) if link_nodes else '—'} nodes "
        f"(at {DESIGN_NODES} nodes: {fmt(cpu_per_peer * (DESIGN_NODES - 1), 1)} s of CPU, "
        f"{fmt(mb_per_peer * (DESIGN_NODES - 1), 0)} MB, {fmt(mb_per_peer * (DESIGN_NODES - 1) / uplink, 1)} s at 100 Mbit/s). "
        f"Idle, a node pays about {fmt(idle_per_peer, 3)} % of a core and {fmt(kbs_per_peer, 2)} kB/s per peer "
        f"(heartbeats every 5 s each way, the peer loops' waits), {fmt(idle_a + idle_per_peer * DESIGN_NODES, 1)} % and "
        f"{fmt(kbs_a + kbs_per_peer * DESIGN_NODES, 0)} kB/s at {DESIGN_NODES} nodes. A relay that forwards the batches "
        "sealed per recipient (it cannot read them; only the origin signs) takes the N − 1 connections, requests and "
        "heartbeats off the origin, but not the bytes: the origin still uploads one sealed copy per recipient. Only a "
        "batch encrypted once and its key sealed per recipient, forwarded down a fan-out tree, cuts the origin's bytes "
        "from (N − 1) copies to about one: it pays from the size where the uplink, not the CPU, bounds the push."
    )
    out.append("")
    return out


def write_outputs(results, machine, output):
    text, s = section(results, machine)
    if output:
        folder = os.path.dirname(os.path.abspath(output))
        with open(os.path.join(folder, "benchmarks-growth.svg"), "w", encoding="utf-8") as f:
            f.write(svg_plot(s))
        doc = open(output, encoding="utf-8").read() if os.path.exists(output) else "# Benchmarks\n"
        if HEADING in doc:
            before, rest = doc.split(HEADING, 1)
            after = rest.split("\n## ", 1)
            doc = before + text + ("\n## " + after[1] if len(after) > 1 else "")
        else:
            doc = doc.rstrip("\n") + "\n\n" + text
        with open(output, "w", encoding="utf-8") as f:
            f.write(doc)
    print(text)


def machine_info():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cores": os.cpu_count(), "cpu": cpu,
            "load_start": " ".join(open("/proc/loadavg").read().split()[:3])}


def interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "--report":
        saved = json.load(open(sys.argv[2], encoding="utf-8"))
        write_outputs(saved["results"], saved["machine"], sys.argv[3] if len(sys.argv) > 3 else None)
        return
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    ciid = os.path.abspath(sys.argv[1])
    output = sys.argv[2] if len(sys.argv) > 2 else None
    # SIGTERM ends the run like Ctrl-C: the `finally` of each federation stops its nodes.
    signal.signal(signal.SIGTERM, interrupted)
    machine = machine_info()
    started = time.monotonic()
    results = []
    for size in SIZES:
        results.append(measure(ciid, size))
        os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
        with open(RESULTS, "w", encoding="utf-8") as f:
            json.dump({"machine": machine, "results": results}, f, indent=1)
    machine["load_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
    machine["duration_s"] = time.monotonic() - started
    with open(RESULTS, "w", encoding="utf-8") as f:
        json.dump({"machine": machine, "results": results}, f, indent=1)
    write_outputs(results, machine, output)


if __name__ == "__main__":
    main()
