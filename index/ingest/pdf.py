"""PDF pages as text with pypdfium2 (PDFium): reading order from character positions, OCR for scans.

A page whose text layer is missing or garbage (fewer than 30 characters, or under 90 %
real characters: ``(cid:n)`` fallbacks, private-use or replacement characters) is rendered
at 200 dpi and read by OCR (:mod:`index.ingest.ocr`). A page holding several headlined
articles is also cut into articles (:func:`index.ingest.pagelayout.split_articles`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from index.ingest.pagelayout import Char, Line, chars_to_lines, page_text, split_articles, with_header
from index.ingest.pdftables import find_tables, rules_of, take_tables
from partyqa.errors import ReadError

MIN_TEXT_CHARS = 30
MIN_TEXT_QUALITY = 0.9
OCR_DPI = 200
#: Font sizes of a text layer are exact: a byline a point smaller than the body is another block.
TEXT_SIZE_TOL = 0.05


@dataclass
class PdfPage:
    """One page: its number (1-based), text in reading order, how it was read, and its articles."""

    number: int
    text: str
    source: str = "text"
    articles: list[str] = field(default_factory=list)


def _chars(page) -> list[Char]:
    """The characters of a page's text layer with top-left boxes and font sizes."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    height = page.get_height()
    out = []
    try:
        for i in range(textpage.count_chars()):
            if raw.FPDFText_IsGenerated(textpage.raw, i):
                continue
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if not code or chr(code) in "\r\n":
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            out.append(Char(left, height - top, right, height - bottom, chr(code),
                            raw.FPDFText_GetFontSize(textpage.raw, i)))
    finally:
        textpage.close()
    return out


def text_quality(chars: list[Char]) -> float:
    """Share of characters that are real text (not private-use, unassigned, control or U+FFFD)."""
    if not chars:
        return 0.0
    bad = sum(1 for c in chars if unicodedata.category(c.text[0]) in ("Co", "Cn", "Cc") or c.text == "\ufffd")
    return 1 - bad / len(chars)


def needs_ocr(chars: list[Char]) -> bool:
    """Tell whether a page must be read by OCR (no usable text layer)."""
    printable = [c for c in chars if c.text.strip()]
    return len(printable) < MIN_TEXT_CHARS or text_quality(printable) < MIN_TEXT_QUALITY


def read_pdf(path: Path, data: bytes, ocr: bool = True) -> list[PdfPage]:
    """Read every page of a PDF.

    Args:
        path: The file (for error messages).
        data: Its bytes.
        ocr: Read pages without a text layer by OCR (else they stay empty).

    Returns:
        The pages in order.

    Raises:
        ReadError: If the file is not a readable PDF (damaged, encrypted) or OCR is missing.
    """
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ReadError(path, f"not a readable PDF ({exc})", user_message=f"{path.name}：PDF 文件已损坏或已加密，无法读取") from None
    pages = []
    try:
        for index in range(len(doc)):
            page = doc[index]
            try:
                pages.append(_read_page(path, page, index + 1, ocr))
            finally:
                page.close()
    finally:
        doc.close()
    return pages


def _read_page(path: Path, page, number: int, ocr: bool) -> PdfPage:
    """One page through its text layer, or through OCR when it has none."""
    chars = _chars(page)
    if not needs_ocr(chars):
        lines, tables = take_tables(chars_to_lines(chars), find_tables(*rules_of(page)))
        return layout_page(number, lines, page.get_height(), "text", TEXT_SIZE_TOL, tables)
    if not ocr:
        return PdfPage(number, "", "none")
    from index.ingest.ocr import ocr_lines

    image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    return layout_page(number, ocr_lines(image, path), image.height, "ocr", 0.35)


def layout_page(number: int, lines: list[Line], height: float, source: str, size_tol: float,
                tables: list[list[Line]] = ()) -> PdfPage:
    """A page from its lines (and ruled tables): reading order, or article by article when headlines split it."""
    header, articles = ("", []) if tables else split_articles(lines, height, size_tol)
    if articles:
        text = "\n".join(([header] if header else []) + articles)
        return PdfPage(number, text, source, with_header(header, articles))
    return PdfPage(number, page_text(lines, size_tol, tables), source)
