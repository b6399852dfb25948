"""The folders keep their roles: query-time code never loads ingest-only code or heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.paths import REPO

QUERY_TIME = ["retrieval.engine", "retrieval.search", "retrieval.answer.extractive", "retrieval.followup",
              "retrieval.filters", "retrieval.question", "app.api.routes", "app.ui.render"]


def _loaded_after_import(modules: list[str]) -> list[str]:
    code = ("import json, sys\n" + "".join(f"import {m}\n" for m in modules)
            + "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_query_time_modules_do_not_import_ingest_code():
    loaded = _loaded_after_import(QUERY_TIME)
    assert not [m for m in loaded if m.startswith("index.ingest")]


def test_heavy_libraries_are_imported_lazily():
    loaded = _loaded_after_import(QUERY_TIME + ["index.embed", "index.store", "app.server", "app.cli"])
    assert not {"torch", "sentence_transformers", "faiss", "onnxruntime", "gradio"} & set(loaded)
