"""Article metadata accuracy on a labelled set of news pages (``tests/eval/news``, the dev set, or
``tests/eval/fresh``, the held-out set).

Every file of ``tests/eval/<set>/articles`` is read by the product's own loader
(:func:`index.ingest.load.load_article`) and compared with ``metadata.jsonl``:

* ``title``, ``date``, ``outlet`` (``Article.publisher``): exact after normalizing (t2s, half-width,
  whitespace dropped), so the traditional-script labels of n16/n33 compare with either script;
* ``author`` / ``reporter`` / ``correspondent`` / ``editor``: the set of names of that kind in
  ``Article.facts`` equals the labelled set (an empty set matches an empty set);
* ``places``: share of labelled places found in ``Article.places`` (recall).

Command line::

    python bench/metadata_accuracy.py            # table on stdout (news set)
    python bench/metadata_accuracy.py --set fresh
    python bench/metadata_accuracy.py --json out.json --verbose
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.ingest.load import load_article
from partyqa.text.normalize import squash

NEWS = REPO / "tests" / "eval" / "news"
FIELDS = ("title", "date", "outlet", "author", "reporter", "correspondent", "editor")
PEOPLE = {"author": "authors", "reporter": "reporters", "correspondent": "correspondents", "editor": "editors"}


def load_gold(folder: Path = NEWS) -> list[dict]:
    """The labelled rows of ``metadata.jsonl``."""
    lines = (folder / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_article(article, gold: dict) -> dict:
    """Per-field correctness (bool) and place recall (float) of one article against its labels."""
    row = {
        "title": squash(article.title) == squash(gold["title"]),
        "date": article.date == gold["date"],
        "outlet": squash(article.publisher) == squash(gold["outlet"]),
    }
    for kind, key in PEOPLE.items():
        row[kind] = {squash(n) for n in article.people(kind)} == {squash(n) for n in gold[key]}
    found = {squash(p) for p in article.places}
    want = [squash(p) for p in gold["places"]]
    row["places"] = sum(p in found for p in want) / len(want) if want else 1.0
    return row


def evaluate(folder: Path = NEWS, verbose: bool = False) -> dict:
    """Accuracy per field over the dev set, with the failures."""
    rows, failures = [], []
    for gold in load_gold(folder):
        article = load_article(folder / "articles" / gold["file"])
        row = score_article(article, gold)
        rows.append(row)
        for field in FIELDS:
            if not row[field]:
                got = {
                    "title": article.title, "date": article.date, "outlet": article.publisher,
                }.get(field) or article.people(field)
                want = gold.get(field) or gold.get(PEOPLE.get(field, ""), "")
                failures.append({"file": gold["file"], "field": field, "got": got, "want": want})
        if verbose and row["places"] < 1:
            failures.append({"file": gold["file"], "field": "places", "got": article.places, "want": gold["places"]})
    n = len(rows)
    summary = {field: round(sum(r[field] for r in rows) / n, 3) for field in FIELDS}
    summary["places_recall"] = round(sum(r["places"] for r in rows) / n, 3)
    return {"n": n, "accuracy": summary, "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, help="write the result here")
    parser.add_argument("--verbose", action="store_true", help="list every failure (places too)")
    parser.add_argument("--set", default="news", choices=("news", "fresh", "blind", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13"), help="labelled set (default: news)")
    args = parser.parse_args()
    result = evaluate(REPO / "tests" / "eval" / args.set, verbose=args.verbose)
    print(f"| field | accuracy (n={result['n']}) |\n|---|---|")
    for field, value in result["accuracy"].items():
        print(f"| {field} | {value:.3f} |")
    if args.set == "blind" and not args.verbose:
        print(f"\n{len(result['failures'])} failures not shown: the blind set's failures are not read "
              "by whoever changes the extractors (tests/eval/blind/NOTES.md); --verbose shows them")
    elif result["failures"]:
        print("\nfailures:")
        for f in result["failures"]:
            print(f"  {f['file'][:3]} {f['field']}: got {f['got']!r} want {f['want']!r}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
