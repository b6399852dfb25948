"""Reading speed per format, OCR speed, and cleaning time on hostile inputs.

* pages/s for text PDFs (``tests/data/docs/onecol.pdf`` repeated into a 40-page file), .docx,
  .doc (through the installed converter) and web pages (the news dev set);
* OCR pages/s on a rendered, noised scan of one page (``--ocr-pages``, default 2);
* seconds to clean hostile inputs that made the old regex/stdlib-parser cleaning quadratic:
  ``<a `` repeated in 48 KB of HTML, ``<!--`` and ``<script>`` repeated in a .txt, and
  each payload at 2× and 4× the size (linear work doubles with the size; quadratic work
  quadruples).

Command line::

    python bench/ingest_speed.py                 # table on stdout
    python bench/ingest_speed.py --json out.json --ocr-pages 0
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.ingest.clean import clean_text
from index.ingest.load import load_file
from tests.docmetrics import DOCS, char_accuracy, truth

NEWS = REPO / "tests" / "eval" / "news" / "articles"
HOSTILE_KB = 48


def _timed(fn, repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def pdf_pages_per_s(tmp: Path, pages: int = 40) -> float:
    """Pages/s reading a text PDF of ``pages`` pages (onecol.pdf repeated)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(DOCS / "onecol.pdf"))
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(src)
    path = tmp / "big.pdf"
    out.save(str(path))
    n = len(out)
    out.close()
    src.close()
    return n / _timed(lambda: load_file(path))


def office_files_per_s() -> dict:
    """Files/s for .docx and .doc (the converter found on the machine)."""
    out = {"docx_files_per_s": round(1 / _timed(lambda: load_file(DOCS / "report.docx"), 5), 1)}
    try:
        out["doc_files_per_s"] = round(1 / _timed(lambda: load_file(DOCS / "report.doc"), 3), 1)
    except Exception as exc:
        out["doc_files_per_s"] = f"n/a ({type(exc).__name__})"
    return out


def web_pages_per_s() -> float:
    """Pages/s loading the news dev set (decode, clean, metadata, places)."""
    files = sorted(p for p in NEWS.iterdir() if p.is_file())
    load_file(files[0])  # jieba, OpenCC and the place dictionary load once
    return len(files) / _timed(lambda: [load_file(p) for p in files])


def ocr_pages_per_s(tmp: Path, pages: int) -> dict:
    """OCR pages/s and accuracy on a rendered, noised scan of a generated page."""
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    doc = pdfium.PdfDocument(str(DOCS / "onecol.pdf"))
    image = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    image = image.rotate(1.0, expand=True, fillcolor=235).filter(ImageFilter.GaussianBlur(0.7))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=50)
    path = tmp / "scan.jpg"
    path.write_bytes(buffer.getvalue())
    load_file(path)  # engine start-up (models load once)
    seconds = _timed(lambda: load_file(path), pages)
    text = load_file(path)[0].text
    page = "\n".join(truth("onecol.pdf")["pages"][0][:-1])  # the page footer is debris
    return {"ocr_pages_per_s": round(1 / seconds, 3), "ocr_s_per_page": round(seconds, 2),
            "ocr_char_accuracy_vs_page": round(char_accuracy(text, page), 3)}


HOSTILE = {
    "html_open_a": (".html", "<a "),
    "txt_open_comment": (".txt", "<!--"),
    "txt_open_script": (".txt", "<script>"),
    "txt_open_tag_attr": (".txt", "<p class=x "),
    "html_nested_div": (".html", "<div>"),
}


def hostile_payload(unit: str, kb: int) -> str:
    """``unit`` repeated to ``kb`` kilobytes between two lines of real text.

    A ``>`` closes the run (without it, an HTML parser rightly reads the rest of the page as
    attributes of the last unclosed tag, as browsers do).
    """
    body = unit * (kb * 1024 // len(unit.encode()))
    return f"天桥区党建工作推进会召开。\n{body}>\n会议要求各街道抓好落实。"


def hostile_seconds() -> dict:
    """Seconds to clean each hostile payload at 1×, 2× and 4× of 48 KB."""
    out = {}
    for name, (suffix, unit) in HOSTILE.items():
        out[name] = {f"{k * HOSTILE_KB}KB": round(_timed(lambda u=unit, s=suffix, n=k: clean_text(
            hostile_payload(u, n * HOSTILE_KB), s)), 4) for k in (1, 2, 4)}
    return out


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--ocr-pages", type=int, default=2, help="pages to OCR (0 skips OCR)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = {"pdf_text_pages_per_s": round(pdf_pages_per_s(Path(tmp)), 1),
                  **office_files_per_s(),
                  "web_pages_per_s": round(web_pages_per_s(), 1)}
        if args.ocr_pages:
            result.update(ocr_pages_per_s(Path(tmp), args.ocr_pages))
    result["hostile_clean_seconds"] = hostile_seconds()
    for key, value in result.items():
        print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
