"""Replay the attack of issue 11 (items 1-13) against a real partyqa server on 127.0.0.1.

The script starts ``python -m app.server`` from this checkout in a temporary folder of its
own (data directory, a copy of ``data/articles``, Gradio's temporary folder), attacks it
only over 127.0.0.1, restarts it on damaged indexes and moved folders, and reports every
check as ``ok`` or ``BREACH``. It exits 1 when anything was breached.

Command line::

    python bench/attack.py --models-dir var/models          # report on stdout, JSON in bench/out/
    python bench/attack.py --models-dir var/models --keep   # keep the server's folder for inspection

The quadratic-cleaning payloads of item 3 are included so that the merged cleaning code is
checked too: what counts is that a normal upload and questions are not held up by them.
The server runs with ``PARTYQA_READ_TIMEOUT_S=20``, ``PARTYQA_MAX_QUEUED_BYTES`` of 600 KB
and ``PARTYQA_UPLOAD_WAIT_S=2`` so that the run stays short and a 450 KB upload shows the
queue bound and the background job; every other setting is the default.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.launch import ServerProcess, free_port, wait_healthy
from bench import attack_checks as checks
from bench.attack_checks import Check

OUT_DIR = REPO / "bench" / "out"
#: Settings of the attacked server beyond the defaults (see the module docstring).
SERVER_ENV = {"PARTYQA_READ_TIMEOUT_S": "20", "PARTYQA_MAX_QUEUED_BYTES": str(600 * 1024),
              "PARTYQA_UPLOAD_WAIT_S": "2"}


class Target:
    """A partyqa server process in a folder of its own, restartable with other settings.

    Args:
        models_dir: Converted-model cache, linked as ``<data dir>/models``.
        root: The folder (a new temporary one by default).
    """

    def __init__(self, models_dir: Path | None, root: Path | None = None):
        self.root = root or Path(tempfile.mkdtemp(prefix="pq-attack-"))
        self.data_dir = self.root / "data"
        self.articles_dir = self.root / "articles"
        self.gradio_dir = self.root / "gradio"
        self.secret_dir = self.root / "outside"
        for folder in (self.data_dir, self.gradio_dir, self.secret_dir):
            folder.mkdir(parents=True, exist_ok=True)
        if not self.articles_dir.exists():
            shutil.copytree(REPO / "data" / "articles", self.articles_dir, ignore=shutil.ignore_patterns("*.md"))
        if models_dir is not None and not (self.data_dir / "models").exists():
            Path(models_dir).mkdir(parents=True, exist_ok=True)
            (self.data_dir / "models").symlink_to(Path(models_dir).resolve(), target_is_directory=True)
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.overrides: dict[str, str] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self, **overrides: str) -> dict[str, str]:
        """The server's environment: this folder, loopback, :data:`SERVER_ENV`, ``overrides``."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PARTYQA_", "GRADIO_"))}
        env.update({"PARTYQA_DATA_DIR": str(self.data_dir), "PARTYQA_ARTICLES_DIR": str(self.articles_dir),
                    "PARTYQA_HOST": "127.0.0.1", "PARTYQA_PORT": str(self.port), "PYTHONUNBUFFERED": "1",
                    "GRADIO_ANALYTICS_ENABLED": "False", "GRADIO_TEMP_DIR": str(self.gradio_dir),
                    "NO_PROXY": "127.0.0.1,localhost", **SERVER_ENV})
        for var in ("PARTYQA_BACKEND", "PARTYQA_TEST_MODELS_DIR"):
            if os.environ.get(var):
                env[var] = os.environ[var]
        env.update(self.overrides)
        env.update(overrides)
        return env

    def start(self, timeout: float = 600.0) -> float:
        """Start the server and wait until ``/api/health`` answers; returns the seconds it took."""
        started = time.monotonic()
        with (self.root / "server.log").open("ab") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "app.server"], cwd=REPO, env=self.env(),
                                            stdout=log, stderr=subprocess.STDOUT)
        wait_healthy(ServerProcess(self.url, self.process, self.root), timeout)
        return round(time.monotonic() - started, 1)

    def start_fails(self, timeout: float = 300.0, **overrides: str) -> tuple[int | None, str]:
        """Start a server that should refuse to start.

        Returns:
            Its exit status (None when it started and answered instead: it is stopped) and its output.
        """
        import httpx

        port = free_port()
        log = self.root / f"refused-{port}.log"
        with log.open("wb") as out:
            proc = subprocess.Popen([sys.executable, "-m", "app.server"], cwd=REPO, stdout=out,
                                    stderr=subprocess.STDOUT, env=self.env(PARTYQA_PORT=str(port), **overrides))
        deadline, status = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                status = proc.returncode
                break
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2, trust_env=False).status_code < 500:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        return status, log.read_text(encoding="utf-8", errors="replace")

    def cli(self, *args: str, timeout: float = 600.0) -> subprocess.CompletedProcess:
        """Run ``partyqa`` (this checkout) with the server's settings."""
        return subprocess.run([sys.executable, "-m", "app.cli", *args], cwd=REPO, capture_output=True, text=True,
                              env=self.env(), timeout=timeout, check=False)

    def stop(self) -> None:
        """Stop the server (SIGINT, then SIGKILL)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            return ""


def run(models_dir: Path | None, keep: bool = False) -> dict:
    """Start a server, run every check, stop it; returns the report."""
    target = Target(models_dir)
    results: list[Check] = []
    began = time.monotonic()
    try:
        startup = target.start()
        for check in checks.live_checks(target):
            results.extend(check)
            _print_new(results)
        for check in checks.restart_checks(target):
            results.extend(check)
            _print_new(results)
    except Exception as exc:  # the run itself failed: that is reported, never a silent pass
        results.append(Check("-", "the attack run completed", False, f"{type(exc).__name__}: {exc}\n{target.log()}"))
        _print_new(results)
        startup = None
    finally:
        target.stop()
        if not keep:
            shutil.rmtree(target.root, ignore_errors=True)
    breaches = [r for r in results if not r.ok]
    return {"server": "python -m app.server on 127.0.0.1 (this checkout)", "startup_s": startup,
            "settings": SERVER_ENV, "seconds": round(time.monotonic() - began, 1), "checks": len(results),
            "breaches": len(breaches), "results": [asdict(r) for r in results],
            "root": str(target.root) if keep else None}


_printed = 0


def _print_new(results: list[Check]) -> None:
    global _printed
    for r in results[_printed:]:
        status = "ok    " if r.ok else "BREACH"
        print(f"[{status}] item {r.item:>3}: {r.name}" + (f" — {r.detail}" if r.detail else ""), flush=True)
    _printed = len(results)


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    p = argparse.ArgumentParser(description="Replay the attack of issue 11 against a loopback partyqa server.")
    p.add_argument("--models-dir", type=Path, default=None, help="converted-model cache to link in")
    p.add_argument("--out", type=Path, default=OUT_DIR)
    p.add_argument("--keep", action="store_true", help="keep the server's temporary folder")
    args = p.parse_args(argv)
    report = run(args.models_dir, keep=args.keep)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "attack.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\n{report['checks']} checks in {report['seconds']} s; breaches: {report['breaches']}")
    sys.exit(1 if report["breaches"] else 0)


if __name__ == "__main__":
    main()
