"""The attack of issue 11, replayed against a real server on 127.0.0.1: no breach.

Runs ``bench/attack.py`` (its own server: a temporary data folder, a copy of the bundled
articles, the real model), which replays items 1-13 of the attack report and restarts the
server on damaged indexes and a moved articles folder. Takes several minutes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.e2e


def test_the_attack_finds_no_breach(tmp_path, shared_models_dir):
    cmd = [sys.executable, str(REPO / "bench" / "attack.py"), "--models-dir", str(shared_models_dir),
           "--out", str(tmp_path)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTYQA_") or k == "PARTYQA_BACKEND"}
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=3600, check=False)
    assert (tmp_path / "attack.json").exists(), done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((tmp_path / "attack.json").read_text(encoding="utf-8"))
    breaches = [f"item {r['item']}: {r['name']} — {r['detail']}" for r in report["results"] if not r["ok"]]
    assert done.returncode == 0 and report["breaches"] == 0, "\n".join(breaches) + "\n" + done.stdout[-3000:]
    assert {r["item"] for r in report["results"]} >= {str(i) for i in range(1, 14)}
