"""Load on the web service, against a real server on loopback (issue 15). Bounded in
count and time; it starts and stops its own server and sends traffic to 127.0.0.1 only.

For 1 and 2 uvicorn workers (``--workers 1,2``):

1. one batch request of 1,000 employee-days (250 employees of the example roster x
   24-27 March 2025): wall time per request, target <= 100 ms;
2. single-decision requests from 32 concurrent keep-alive clients for ``--duration``
   seconds: requests per second (target >= 1,000), p50 / p99 latency (p99 <= 100 ms),
   errors (target 0);
3. a soak at the same load for ``--soak`` seconds (default 60): errors, and the growth of
   the server's resident memory (all its processes) from the start of the soak to its
   end (target <= 10 %).

The client is a minimal HTTP/1.1 keep-alive client on asyncio streams (an HTTP library
would cost the shared 2 cores more than the server). The machine's two cores are shared
with the client and with anything else running: figures are noisy.

    .venv/bin/python benchmarks/bench_server.py [--workers 1,2] [--duration 10] [--soak 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from flexasn.examples import example_roster

HOST = "127.0.0.1"
CLIENTS = 32
DAYS = [date(2025, 3, 24) + timedelta(days=n) for n in range(4)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


def request(port: int, method: str, path: str, body: bytes = b"") -> bytes:
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes
) -> tuple[int, bytes]:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    length = next(
        int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:")
    )
    return status, await reader.readexactly(length)


def payloads(port: int) -> tuple[list[bytes], bytes]:
    """Single-decision requests (every employee of the example roster on each day) and one
    batch of 1,000 employee-days."""
    roster = example_roster()
    singles = []
    for e in roster.employees:
        opd = roster.opd(e.opd).model_dump(mode="json")
        for day in DAYS:
            body = {"employee": e.model_dump(mode="json"), "opd": opd, "day": day.isoformat()}
            singles.append(request(port, "POST", "/v1/decisions", json.dumps(body).encode()))
    staff = roster.employees[:250]
    batch = {
        "opds": [o.model_dump(mode="json") for o in roster.opds],
        "employees": [e.model_dump(mode="json") for e in staff],
        "days": [d.isoformat() for d in DAYS],
    }
    return singles, request(port, "POST", "/v1/decisions/batch", json.dumps(batch).encode())


def rss_kib(pid: int) -> int:
    """Resident memory of a process and its children (KiB)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += next(int(x.split()[1]) for x in status.splitlines() if x.startswith("VmRSS"))
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total


async def load(port: int, singles: list[bytes], seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(n: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        i = n
        try:
            while time.perf_counter() < stop:
                t = time.perf_counter()
                status, _ = await exchange(reader, writer, singles[i % len(singles)])
                latencies.append(time.perf_counter() - t)
                errors += status != 200
                i += CLIENTS
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(client(n) for n in range(CLIENTS)))
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": len(latencies),
        "per_second": len(latencies) / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
        "errors": errors,
    }


async def batches(port: int, batch: bytes, count: int) -> dict[str, Any]:
    reader, writer = await asyncio.open_connection(HOST, port)
    times = []
    try:
        for _ in range(count):
            t = time.perf_counter()
            status, body = await exchange(reader, writer, batch)
            times.append(time.perf_counter() - t)
            assert status == 200 and json.loads(body)["count"] == 1000, status
    finally:
        writer.close()
    return {
        "first_ms": 1000 * times[0],
        "median_ms": 1000 * statistics.median(times[1:]),
        "max_ms": 1000 * max(times[1:]),
    }


def serve(workers: int, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "flexasn.server", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(
        [*cmd, "--log-level", "warning", "--no-access-log"],
        stdout=subprocess.DEVNULL,
        env=os.environ | {"FLEXASN_SERVER_MAX_BODY_BYTES": str(8 * 1024 * 1024)},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as s:
                s.sendall(request(port, "GET", "/v1/health"))
                if s.recv(100).startswith(b"HTTP/1.1 200"):
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def run(workers: int, duration: float, soak: float) -> dict[str, Any]:
    port = free_port()
    proc = serve(workers, port)
    try:
        singles, batch = payloads(port)
        result: dict[str, Any] = {"workers": workers}
        # warm up: every distinct decision once per worker (the cache fills), then measure
        asyncio.run(load(port, singles, 3))
        result["batch_1000"] = asyncio.run(batches(port, batch, 11))
        result["single"] = asyncio.run(load(port, singles, duration))
        before = rss_kib(proc.pid)
        result["soak"] = asyncio.run(load(port, singles, soak))
        after = rss_kib(proc.pid)
        result["soak"] |= {
            "seconds": soak,
            "rss_start_mib": before / 1024,
            "rss_end_mib": after / 1024,
            "rss_growth_pct": 100 * (after - before) / before,
        }
        return result
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print one JSON object per worker count, then a verdict."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--soak", type=float, default=60.0)
    args = parser.parse_args(argv)
    ok = True
    for workers in (int(w) for w in args.workers.split(",")):
        r = run(workers, min(args.duration, 120), min(args.soak, 300))
        print(json.dumps(r, indent=2))
        ok &= (
            r["batch_1000"]["median_ms"] <= 100
            and r["single"]["per_second"] >= 1000
            and r["single"]["p99_ms"] <= 100
            and r["single"]["errors"] == 0
            and r["soak"]["errors"] == 0
            and r["soak"]["rss_growth_pct"] <= 10
        )
    print("targets met" if ok else "some target missed (see above; the cores are shared)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
