"""Validate the labelled sets of news pages (tests/eval/news, the dev set; tests/eval/fresh, the
held-out set; tests/eval/blind, the blind held-out set; tests/eval/dev2 and tests/eval/dev3, PDF, Word and web pages):
the labels must be true of the pages (a PDF's lines are those of its PDFium text layer, a Word
file's its paragraphs and table cells).

Stdlib + pytest for the label checks: each page is decoded strictly with the charset it declares
and its visible text taken with ``html.parser`` (every tag boundary a line break), so a key can
never be "found" by joining text across elements. ``opencc`` checks the script of the
cross-script questions when it is importable.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from tests.paths import EVAL_DIR

#: set name → the smallest number of questions of each kind it must hold
SETS = {
    "news": {"factual": 40, "paraphrase": 28, "list": 24, "article": 28, "multipart": 20,
             "cross_script": 16, "unanswerable": 40, "followup": 12, "chitchat": 6},
    "fresh": {"factual": 40, "paraphrase": 28, "list": 20, "article": 28, "multipart": 18,
              "cross_script": 12, "unanswerable": 30, "followup": 10, "chitchat": 4},
    "blind": {"factual": 20, "paraphrase": 20, "list": 10, "article": 20, "multipart": 10,
              "cross_script": 6, "unanswerable": 20, "followup": 5, "chitchat": 3},
    "dev2": {"factual": 20, "paraphrase": 20, "list": 10, "article": 20, "multipart": 10,
             "cross_script": 6, "unanswerable": 24, "followup": 6, "chitchat": 3},
    "dev3": {"factual": 16, "paraphrase": 28, "list": 12, "article": 20, "multipart": 12,
             "cross_script": 8, "unanswerable": 28, "followup": 8, "chitchat": 4},
    "dev4": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev5": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev6": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev7": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev8": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev9": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
             "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev10": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
              "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev11": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
              "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev12": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
              "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
    "dev13": {"factual": 20, "paraphrase": 26, "list": 12, "article": 16, "multipart": 12,
              "cross_script": 8, "unanswerable": 34, "followup": 8, "chitchat": 4},
}
FIELDS = {"id", "question", "kind", "doc", "answer_keys", "history"}
NO_DOC_KINDS = {"unanswerable", "chitchat"}
META_FIELDS = {"file", "title", "date", "outlet", "reporters", "correspondents", "authors", "editors", "places"}


def _declared_charset(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    m = re.search(rb'charset\s*=\s*["\']?([A-Za-z0-9_-]+)', raw[:2048])
    if not m:
        return "utf-8"
    name = m.group(1).decode("ascii").lower()
    return {"gb2312": "gbk", "utf8": "utf-8"}.get(name, name)


class _Visible(HTMLParser):
    """Visible text with a line break at every block element; inline tags (a Word page's
    ``<span>`` runs) do not break a line, source line breaks inside a block are spaces."""

    SKIP = {"script", "style", "head", "title", "noscript"}
    BLOCK = {
        "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table",
        "ul", "ol", "hr", "dt", "dd", "header", "footer", "article", "aside", "nav", "section",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _document_text(path) -> str:
    """A PDF's text layer as PDFium gives it, or a Word file's paragraphs and table cells."""
    if path.suffix == ".pdf":
        pdfium = pytest.importorskip("pypdfium2")
        doc = pdfium.PdfDocument(str(path))
        return "\n".join(page.get_textpage().get_text_range() for page in doc)
    docx = pytest.importorskip("docx")
    document = docx.Document(str(path))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _visible_lines(path) -> list[str]:
    if path.suffix in {".pdf", ".docx"}:
        text = _document_text(path)
        lines = (re.sub(r"(?<=[^\x00-\xff]) (?=[^\x00-\xff])", "", line).strip() for line in text.splitlines())
        return [line for line in lines if line]
    raw = path.read_bytes()
    if path.suffix in {".txt", ".md"} and not re.search(rb"charset\s*=", raw[:2048]):
        # a plain-text file declares nothing: valid UTF-8, or else valid GB18030 (a GBK notice)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030")
    else:
        text = raw.decode(_declared_charset(raw))  # strict: a page must be valid in its own charset
    if path.suffix in {".html", ".htm"}:
        parser = _Visible()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    # CJK text carries no spaces of its own: a space a line wrap left between two characters is dropped.
    lines = (re.sub(r"(?<=[^\x00-\xff]) (?=[^\x00-\xff])", "", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


ROWS = {name: _jsonl(EVAL_DIR / name / "questions.jsonl") for name in SETS}
META = {name: _jsonl(EVAL_DIR / name / "metadata.jsonl") for name in SETS}
FILES = {name: sorted(p.name for p in (EVAL_DIR / name / "articles").iterdir() if p.is_file()) for name in SETS}
ALL_ROWS = [(name, row) for name in SETS for row in ROWS[name]]
_LINES: dict[tuple[str, str], list[str]] = {}


def _lines(setname: str, name: str) -> list[str]:
    if (setname, name) not in _LINES:
        _LINES[setname, name] = _visible_lines(EVAL_DIR / setname / "articles" / name)
    return _LINES[setname, name]


def _row_id(case) -> str:
    return f"{case[0]}:{case[1]['id']}"


def _alternatives(element) -> list[str]:
    return [element] if isinstance(element, str) else list(element)


@pytest.mark.parametrize(("setname", "name"), [(s, f) for s in SETS for f in FILES[s]])
def test_every_page_decodes_strictly_with_its_declared_charset(setname, name):
    assert _lines(setname, name), f"{name}: no visible text"


def test_ids_are_unique_across_the_sets():
    dupes = [i for i, n in Counter(r["id"] for _, r in ALL_ROWS).items() if n > 1]
    assert not dupes, f"ids in more than one set: {dupes}"
    names = [n for files in FILES.values() for n in files]
    shared = sorted(n for n, count in Counter(names).items() if count > 1)
    assert not shared, f"page names in more than one set: {shared}"


@pytest.mark.parametrize("setname", SETS)
def test_rows_have_the_fields_and_unique_ids(setname):
    rows = ROWS[setname]
    assert rows
    bad = [r.get("id") for r in rows if set(r) != FIELDS]
    assert not bad, f"rows with other fields: {bad}"
    dupes = [i for i, n in Counter(r["id"] for r in rows).items() if n > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    # A greeting may recur (in another conversation); a question asked about an article may not.
    dupes = [q for q, n in Counter(r["question"].strip() for r in rows if r["kind"] != "chitchat").items() if n > 1]
    assert not dupes, f"duplicate questions: {dupes}"


@pytest.mark.parametrize("setname", SETS)
def test_kinds_are_known_and_each_has_enough_questions(setname):
    minimum = SETS[setname]
    counts = Counter(r["kind"] for r in ROWS[setname])
    assert set(counts) <= set(minimum), f"unknown kinds: {set(counts) - set(minimum)}"
    short = {k: counts[k] for k, n in minimum.items() if counts[k] < n}
    assert not short, f"kinds below their minimum: {short}"


@pytest.mark.parametrize("setname", SETS)
def test_every_article_has_questions_and_every_doc_exists(setname):
    docs = Counter(r["doc"] for r in ROWS[setname] if r["doc"])
    files = FILES[setname]
    assert set(docs) <= set(files), f"unknown docs: {set(docs) - set(files)}"
    thin = [f for f in files if docs[f] < 4]
    assert not thin, f"articles with fewer than 4 questions: {thin}"


@pytest.mark.parametrize("case", [c for c in ALL_ROWS if c[1]["kind"] in NO_DOC_KINDS], ids=_row_id)
def test_questions_without_an_answer_carry_no_doc_or_keys(case):
    _, row = case
    assert row["doc"] is None and row["answer_keys"] == []
    if row["kind"] == "unanswerable":
        assert row["history"] == []


@pytest.mark.parametrize("case", [c for c in ALL_ROWS if c[1]["kind"] not in NO_DOC_KINDS], ids=_row_id)
def test_answer_keys_are_verbatim_in_one_visible_line(case):
    setname, row = case
    keys = row["answer_keys"]
    assert keys, f"{row['id']}: no keys"
    if row["kind"] == "multipart":
        assert len(keys) >= 2
    if row["kind"] == "list":
        assert 2 <= len(keys) <= 4
    assert (len(row["history"]) == 1) == (row["kind"] == "followup")
    lines = _lines(setname, row["doc"])
    for element in keys:
        alts = _alternatives(element)
        assert alts and all(isinstance(a, str) and 0 < len(a) <= 15 for a in alts), f"{row['id']}: {element!r}"
        assert any(a in line for a in alts for line in lines), f"{row['id']}: {element!r} not in {row['doc']}"


def test_visible_lines_join_inline_runs_but_never_blocks(tmp_path):
    page = tmp_path / "p.html"
    html = (
        '<html><head><meta charset="gbk"><title>标题不算</title></head><body>'
        "<p>共有<span>146</span><span>期\r\n课程</span></p><p>下一段</p><script>var a='脚本';</script></body></html>"
    )
    page.write_bytes(html.encode("gbk"))
    assert _visible_lines(page) == ["共有146期课程", "下一段"]
    page.write_bytes(html.encode("utf-8"))  # declares gbk, holds utf-8: refused, not guessed
    with pytest.raises(UnicodeDecodeError):
        _visible_lines(page)


@pytest.mark.parametrize("case", [c for c in ALL_ROWS if c[1]["kind"] == "cross_script"], ids=_row_id)
def test_cross_script_questions_use_the_other_script(case):
    setname, row = case
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s").convert
    doc_traditional = any(t2s(line) != line for line in _lines(setname, row["doc"]) if "。" in line)
    assert (t2s(row["question"]) != row["question"]) != doc_traditional, row["id"]


@pytest.mark.parametrize("setname", SETS)
def test_metadata_labels_one_row_per_page_visible_in_it(setname):
    assert sorted(m["file"] for m in META[setname]) == FILES[setname]
    for m in META[setname]:
        assert set(m) == META_FIELDS, m["file"]
        assert not m["date"] or re.fullmatch(r"\d{4}-\d{2}-\d{2}", m["date"]), m["file"]
        blob = "\n".join(_lines(setname, m["file"]))
        assert re.sub(r"\s+", "", m["title"]) in re.sub(r"\s+", "", blob), f"{m['file']}: title not visible"
        if m["outlet"]:
            assert m["outlet"] in blob, f"{m['file']}: outlet not visible"
        for field in ("reporters", "correspondents", "authors", "editors"):
            for person in m[field]:
                assert person in blob, f"{m['file']}: {field} {person!r} not visible"
