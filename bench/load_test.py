"""Load test of the real server: concurrent ``POST /api/ask`` for a fixed duration.

By default it starts ``partyqa serve`` on a free port of 127.0.0.1 with a temporary
``PARTYQA_DATA_DIR`` (the converted model is linked in from ``--models-dir`` so it is not
converted again) and a copy of the bundled articles; the server builds its index on first
start. With ``--url`` it attaches to a running server instead; only loopback addresses are
accepted. ``--concurrency`` workers each send questions of ``tests/eval/questions.jsonl``
(with follow-up history) back to back until ``--duration`` seconds have passed; then it
reports requests, errors (non-200 answers, malformed bodies, transport errors), latency
p50/p95/p99 and throughput, and for a server it started, the server's peak RSS and CPU use.

Command line::

    python bench/load_test.py --concurrency 20 --duration 60
    python bench/load_test.py --url http://127.0.0.1:7860
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.launch import ServerProcess, start_server, wait_healthy

OUT_DIR = REPO / "bench" / "out"
QUESTIONS = REPO / "tests" / "eval" / "questions.jsonl"


# ---------------------------------------------------------------------- server
def check_loopback(url: str) -> str:
    """Return ``url`` without a trailing slash if its host is a loopback address.

    Raises:
        ValueError: For any other host.
    """
    host = urlparse(url).hostname or ""
    try:
        ok = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        ok = False
    if not ok:
        raise ValueError(f"refusing to load-test {url!r}: only loopback addresses (127.0.0.1, ::1) are allowed")
    return url.rstrip("/")


def start(args) -> ServerProcess:
    """Start ``partyqa serve`` on the chosen articles, or attach to ``--url``."""
    if args.url:
        return ServerProcess(check_loopback(args.url))
    env = {"PARTYQA_BACKEND": args.backend} if args.backend else None
    return start_server(args.articles, models_dir=args.models_dir, env=env, ignore=("*.md",),
                        timeout=args.start_timeout, prefix="pq-load-")


def proc_stats(pid: int) -> dict:
    """RSS, peak RSS (MiB) and CPU seconds of a process, from ``/proc``."""
    out: dict = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                out[line.split(":")[0]] = round(int(line.split()[1]) / 1024, 1)
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        out["cpu_s"] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        pass
    return out


# ---------------------------------------------------------------------- load
@dataclass
class Sample:
    """One request: when it started (s since the run began), how long it took, and its outcome."""

    start: float
    seconds: float
    ok: bool
    error: str = ""


@dataclass
class LoadRun:
    """Everything the workers recorded."""

    samples: list[Sample] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, sample: Sample) -> None:
        """Record a sample (thread-safe)."""
        with self.lock:
            self.samples.append(sample)


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    """Request bodies for ``/api/ask`` from the eval set (question and history)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{"question": r["question"], "history": r.get("history", [])} for r in rows]


def ask_once(client, url: str, body: dict) -> tuple[bool, str]:
    """Send one ``POST /api/ask``; success means 200 and a body with an ``answer``."""
    import httpx

    try:
        resp = client.post(f"{url}/api/ask", json=body)
    except httpx.HTTPError as exc:
        return False, f"{type(exc).__name__}: {exc}"
    if resp.status_code != 200:
        return False, f"HTTP {resp.status_code}: {resp.text[:200]}"
    try:
        ok = isinstance(resp.json().get("answer"), str)
    except ValueError:
        ok = False
    return ok, "" if ok else "malformed body"


def worker(wid: int, url: str, bodies: list[dict], t0: float, end: float, run: LoadRun, timeout: float) -> None:
    """Send requests back to back until ``end`` (a ``perf_counter`` time)."""
    import httpx

    i = wid * 7
    with httpx.Client(timeout=timeout, trust_env=False) as client:
        while time.perf_counter() < end:
            body = bodies[i % len(bodies)]
            i += 1
            start = time.perf_counter()
            ok, err = ask_once(client, url, body)
            run.add(Sample(start - t0, time.perf_counter() - start, ok, err))


def run_load(url: str, concurrency: int, duration: float, timeout: float) -> tuple[LoadRun, float]:
    """Run ``concurrency`` workers for ``duration`` seconds; returns the samples and the wall time."""
    bodies = load_questions()
    run = LoadRun()
    t0 = time.perf_counter()
    end = t0 + duration
    threads = [threading.Thread(target=worker, args=(w, url, bodies, t0, end, run, timeout), daemon=True)
               for w in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=duration + timeout + 30)
    return run, time.perf_counter() - t0


def warm_up(url: str, n: int) -> None:
    """Send ``n`` sequential questions before measuring (first-request costs)."""
    import httpx

    bodies = load_questions()
    with httpx.Client(timeout=120, trust_env=False) as client:
        for body in bodies[:n]:
            ask_once(client, url, body)


def summarize(run: LoadRun, wall: float, concurrency: int, duration: float) -> dict:
    """Totals, latency percentiles (all requests) and throughput."""
    lat = np.asarray([s.seconds for s in run.samples]) * 1000
    errors = [s for s in run.samples if not s.ok]
    pct = (lambda q: round(float(np.percentile(lat, q)), 1)) if len(lat) else (lambda q: None)
    return {"concurrency": concurrency, "duration_s": duration, "wall_s": round(wall, 1),
            "requests": len(run.samples), "errors": len(errors),
            "error_examples": sorted({e.error for e in errors})[:5],
            "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
            "max_ms": round(float(lat.max()), 1) if len(lat) else None,
            "throughput_rps": round(len(run.samples) / wall, 2) if wall else None}


def _backend_label(requested: str | None, started: int | None) -> str:
    """Which embedding backend the server was asked to use."""
    if not started:
        return "as configured by the running server"
    if requested:
        return requested
    from partyqa.config import Config

    return f"partyqa default ({getattr(Config.from_env(), 'backend', 'torch')})"


def markdown(result: dict) -> str:
    """The RESULTS.md section for the load test."""
    r = result
    lines = ["## Load test of the server (`bench/load_test.py`)", ""]
    if "error" in r:
        return "\n".join(lines + [f"Not run: {r['error']}", ""]) + "\n"
    server = r.get("server", {})
    started = ""
    if r.get("startup_s"):
        started = f" (healthy {r['startup_s']} s after launch, index of the bundled articles built at start)"
    intro = (f"Target: {r['target']}{started}; embedding backend: {r.get('backend', '?')}. "
             f"{r['concurrency']} concurrent clients sent `POST /api/ask` back to back for {r['duration_s']:.0f} s "
             f"(questions of the eval set, follow-ups with history, after {r['warmup']} warm-up requests). "
             "Client and server on the same shared 2-core machine; 1-minute load average before/after: "
             f"{r['load_average_1min'][0]} / {r['load_average_1min'][1]}.")
    row = (f"| {r['requests']:,} | {r['errors']} | {r['throughput_rps']} req/s | {r['p50_ms']} ms | "
           f"{r['p95_ms']} ms | {r['p99_ms']} ms | {r['max_ms']} ms | {server.get('VmHWM', '–')} MiB | "
           f"{server.get('cpu_cores_busy', '–')} cores busy |")
    lines += [intro, "",
              "| requests | errors | throughput | p50 | p95 | p99 | max | server peak RSS | server CPU |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|", row, ""]
    if r.get("error_examples"):
        lines += ["Errors seen: " + "; ".join(r["error_examples"]), ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    p = argparse.ArgumentParser(description="Concurrent /api/ask load test against a loopback partyqa server.")
    p.add_argument("--url", default=None, help="attach to this server (loopback only) instead of starting one")
    p.add_argument("--concurrency", type=int, default=20)
    p.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    p.add_argument("--warmup", type=int, default=5, help="sequential warm-up requests")
    p.add_argument("--request-timeout", type=float, default=120.0)
    p.add_argument("--articles", type=Path, default=REPO / "data" / "articles", help="corpus of a started server")
    p.add_argument("--models-dir", type=Path, default=OUT_DIR / "models", help="converted-model cache to link in")
    p.add_argument("--start-timeout", type=float, default=600.0)
    p.add_argument("--backend", default=None, help="PARTYQA_BACKEND for a started server (default: partyqa's default)")
    p.add_argument("--out", type=Path, default=OUT_DIR)
    args = p.parse_args(argv)
    if not 1 <= args.concurrency <= 200 or not 0 < args.duration <= 1800:
        p.error("--concurrency must be 1-200 and --duration 0-1800 s")
    args.out.mkdir(parents=True, exist_ok=True)
    result = run(args)
    (args.out / "load_test.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (args.out / "load_test.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    if result.get("errors"):
        sys.exit(1)


def run(args) -> dict:
    """Start or attach, warm up, load, measure, stop."""
    try:
        server = start(args)
    except (RuntimeError, ValueError) as exc:
        return {"error": str(exc)}
    try:
        wait_healthy(server, 30)
        warm_up(server.url, args.warmup)
        pid = server.process.pid if server.process else None
        before = proc_stats(pid) if pid else {}
        load_before = os.getloadavg()[0]
        samples, wall = run_load(server.url, args.concurrency, args.duration, args.request_timeout)
        result = summarize(samples, wall, args.concurrency, args.duration)
        result.update(target=("server started by the script on the bundled articles" if pid else server.url),
                      warmup=args.warmup, startup_s=server.startup_seconds, backend=_backend_label(args.backend, pid),
                      load_average_1min=[round(load_before, 2), round(os.getloadavg()[0], 2)])
        if "using torch, because" in server.log(tail=None):
            result["backend"] += ": fell back to torch (see the server log)"
        if pid:
            after = proc_stats(pid)
            result["server"] = {**after, "cpu_cores_busy": round((after.get("cpu_s", 0) - before.get("cpu_s", 0)) / wall, 2)}
        return result
    finally:
        server.stop()


if __name__ == "__main__":
    main()
