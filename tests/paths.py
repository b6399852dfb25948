"""Where the tests find the repository's data."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "data" / "articles"
EVAL_DIR = REPO / "tests" / "eval"
