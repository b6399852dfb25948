"""Readers of the binary formats (PDF, Word, images): text per page, cut into articles where a page holds several."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from index.ingest.files import file_kind
from partyqa.errors import ReadError


@dataclass
class PageText:
    """The text of one page of a file (number 1-based)."""

    number: int
    text: str


@dataclass
class Document:
    """A binary file's text: ``articles`` is a list of articles, each a list of page texts.

    Attributes:
        format: What read it (``pdf``, ``pdf+ocr``, ``docx``, ``doc:antiword``, ``image+ocr``),
            stored as the article's ``encoding``.
    """

    format: str
    articles: list[list[PageText]] = field(default_factory=list)


def read_document(path: Path, data: bytes) -> Document:
    """Read a PDF, Word or image file.

    A file whose every page holds several headlined articles (a newspaper page) gives one
    article per headline; otherwise the whole file is one article.

    Raises:
        ReadError: If the file cannot be read or converted (the reason names what is missing).
    """
    kind = file_kind(path)
    if kind == "pdf":
        from index.ingest.pdf import read_pdf

        pages = read_pdf(path, data)
        fmt = "pdf+ocr" if any(p.source == "ocr" for p in pages) else "pdf"
        if len(pages) == 1 and pages[0].articles:
            return Document(fmt, [[PageText(1, text)] for text in pages[0].articles])
        return Document(fmt, [[PageText(p.number, p.text) for p in pages]])
    if kind == "docx":
        from index.ingest.office import read_docx

        return Document("docx", [[PageText(0, read_docx(path, data))]])
    if kind == "doc":
        from index.ingest.office import read_doc

        text, tool = read_doc(path, data)
        return Document(f"doc:{tool}", [[PageText(0, text)]])
    if kind == "image":
        from index.ingest.ocr import read_image

        page = read_image(path, data)
        if page.articles:
            return Document("image+ocr", [[PageText(1, t)] for t in page.articles])
        return Document("image+ocr", [[PageText(1, page.text)]])
    raise ReadError(path, "not a supported file", user_message=f"{path.name}：不支持的文件类型")
