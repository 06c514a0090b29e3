#!/usr/bin/env python3
"""Writes the registry's section of docs/benchmarks.md from Benchmarks/run-registry-bench.sh's results.

Usage: registry-report.py RESULTS_FILE BENCHMARKS_MD

Replaces the section "## The registry on the coordinator" of BENCHMARKS_MD (or appends it), so that
`make bench-registry` can refresh this section alone; `make bench` writes it with the rest.
"""
import os, platform, subprocess, sys, time

results_path, output = sys.argv[1], sys.argv[2]
r = {}
for line in open(results_path, encoding="utf-8"):
    if "=" in line:
        key, value = line.strip().split("=", 1)
        r[key] = value


def f(key):
    return float(r.get(key, 0) or 0)


def ratio(ours, ceiling):
    return f"{ours / ceiling:.2f}×" if ceiling else "—"


def verdict(ok):
    return "met" if ok else "**not met**"


cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip()
        break
lines = [
    "## The registry on the coordinator",
    "",
    f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {os.cpu_count()} × {cpu}, "
    f"load average at the end {open('/proc/loadavg').read().split()[0]}; command `make bench-registry` "
    "(`bash Benchmarks/run-registry-bench.sh`, also part of `make bench`).",
    "",
    f"A real `ciid serve` coordinator (release build) whose registry holds {int(f('cases')):,} synthetic case periods "
    f"(the 2023 profile of `ciid dev registry`, written by `bench-fill registry`: {r.get('fill', '?').replace('wrote ', '')}; "
    f"registry database {r.get('registry_mb', '?')} MB), a bureau session, HTTPS on loopback. "
    f"`wrk --latency -d{r.get('duration', '?')}` with 1 connection (1 thread) and with 8 (2 threads), {r.get('rounds', '?')} rounds, means; "
    "wrk shares the 2 cores with the server. Every search and case read is audited (the answer waits for the audit's fsync, "
    "as in production). Searches rotate over 1 000 requests: surname prefix + region, surname + first-name prefixes, "
    "dispositif + status + 30-day announcement range sorted by date, birth date, and the AVS number in a POST body. "
    "Case reads rotate over 1 000 random case ids (every tab). The ceiling is `GET /healthz` of the same server and TLS.",
    "",
    "| figure | connections | ours | ceiling (same run) | ratio | aim | |",
    "|---|---|---|---|---|---|---|",
]
for c in r.get("connections", "1 8").split():
    k = f"_c{c}_"
    aim = c == "1"
    lines += [
        f"| search p99 | {c} | {f('search' + k + 'p99_us') / 1000:.2f} ms | {f('bare' + k + 'p99_us') / 1000:.2f} ms | {ratio(f('search' + k + 'p99_us'), f('bare' + k + 'p99_us'))} | {'≤ 10 ms' if aim else ''} | {verdict(f('search' + k + 'p99_us') <= 10000) if aim else ''} |",
        f"| search p50 | {c} | {f('search' + k + 'p50_us') / 1000:.2f} ms | {f('bare' + k + 'p50_us') / 1000:.2f} ms | {ratio(f('search' + k + 'p50_us'), f('bare' + k + 'p50_us'))} | | |",
        f"| search throughput | {c} | {f('search' + k + 'rps'):,.0f} req/s | {f('bare' + k + 'rps'):,.0f} req/s | {ratio(f('search' + k + 'rps'), f('bare' + k + 'rps'))} | | |",
        f"| whole case read p99 | {c} | {f('read' + k + 'p99_us') / 1000:.2f} ms | {f('bare' + k + 'p99_us') / 1000:.2f} ms | {ratio(f('read' + k + 'p99_us'), f('bare' + k + 'p99_us'))} | {'≤ 5 ms' if aim else ''} | {verdict(f('read' + k + 'p99_us') <= 5000) if aim else ''} |",
        f"| whole case read p50 | {c} | {f('read' + k + 'p50_us') / 1000:.2f} ms | {f('bare' + k + 'p50_us') / 1000:.2f} ms | {ratio(f('read' + k + 'p50_us'), f('bare' + k + 'p50_us'))} | | |",
        f"| case read throughput | {c} | {f('read' + k + 'rps'):,.0f} req/s | {f('bare' + k + 'rps'):,.0f} req/s | {ratio(f('read' + k + 'rps'), f('bare' + k + 'rps'))} | | |",
    ]
lines += [
    "",
    "The aims are judged with one connection: the latency a caseworker meets when the registry is far from "
    "saturation (the bureau and the coordinators send a few requests a second; the server answers hundreds). "
    "With 8 connections wrk keeps both cores busy, so the latency there is mostly queueing behind other requests: "
    "its throughput is the registry's capacity.",
    "",
    f"Socket errors and non-2xx answers during the load: {r.get('errors', '?')}.",
    "",
    f"A {r.get('document_mb', '?')} MB document (a PDF header, then random bytes) uploaded through "
    "`POST /api/v1/registry/cases/1/documents` and downloaded back (compared byte for byte) with curl, 5 rounds, medians. "
    "The ceiling is the raw rate of encrypting the same size with secretstream in 64 KiB chunks and writing it to a file, "
    "then fsync (`bench-fill raw-encrypt-write`, median of 5, same run). The server's resident set is sampled every 20 ms: "
    "round 1 is the server's first transfer (cold: the allocator's per-thread arenas grow once, whatever the size), "
    "rounds 2 to 5 are measured from what round 1 left (warm).",
    "",
    "| figure | ours | ceiling (same run) | ratio | aim | |",
    "|---|---|---|---|---|---|",
    f"| upload | {f('upload_mbps'):.0f} MB/s | {f('raw_encrypt_write_mbps'):.0f} MB/s | {ratio(f('upload_mbps'), f('raw_encrypt_write_mbps'))} | ≥ 0.5× | {verdict(f('upload_mbps') >= 0.5 * f('raw_encrypt_write_mbps'))} |",
    f"| download | {f('download_mbps'):.0f} MB/s | {f('raw_encrypt_write_mbps'):.0f} MB/s | {ratio(f('download_mbps'), f('raw_encrypt_write_mbps'))} | ≥ 0.5× | {verdict(f('download_mbps') >= 0.5 * f('raw_encrypt_write_mbps'))} |",
    f"| resident set growth, rounds 2 to 5 (peak) | {f('rss_peak_mb') - f('rss_warm_mb'):.0f} MB ({r.get('rss_warm_mb', '?')} → {r.get('rss_peak_mb', '?')} MB) | | | < 10 MB | {verdict(f('rss_peak_mb') - f('rss_warm_mb') < 10)} |",
    f"| resident set growth, round 1 from cold (peak) | {f('rss_cold_peak_mb') - f('rss_before_mb'):.0f} MB ({r.get('rss_before_mb', '?')} → {r.get('rss_cold_peak_mb', '?')} MB) | | | < 10 MB | {verdict(f('rss_cold_peak_mb') - f('rss_before_mb') < 10)} |",
    f"| resident set after the 5 rounds (100 MB each way) | {r.get('rss_after_mb', '?')} MB ({f('rss_after_mb') - f('rss_before_mb'):+.0f} MB from the start) | | | | |",
    "",
]
section = "\n".join(lines)
text = open(output, encoding="utf-8").read() if os.path.exists(output) else "# Benchmarks\n"
heading = "## The registry on the coordinator"
if heading in text:
    before, rest = text.split(heading, 1)
    after = rest.split("\n## ", 1)
    text = before + section + ("\n## " + after[1] if len(after) > 1 else "")
else:
    text = text.rstrip("\n") + "\n\n" + section
open(output, "w", encoding="utf-8").write(text)
print(section)
