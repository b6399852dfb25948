"""Loading files into :class:`~partyqa.records.Article` records.

Text files: ``read → decode → clean → metadata``. PDF, Word and image files: their reader
(:mod:`index.ingest.documents`) gives text per page, each page is cleaned and the page of
every part of the text is kept (``Article.pages``). An e-paper page holding several
headlined articles becomes several articles (:func:`load_file`).

The lines that state the article's publication facts (dateline, byline, source line) stay in
the text: those that cleaning removed as debris, or that stood outside the main content of a
web page, open the text as a compact header block, each line as written, and every
``ArticleFact`` points at its line. Unreadable, undecodable and empty files raise
:class:`~partyqa.errors.ReadError`; :func:`load_articles` collects those errors and goes on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from index.ingest.clean import clean_text
from index.ingest.decode import decode_bytes
from index.ingest.files import SUPPORTED_SUFFIXES, file_kind, find_files, is_supported, read_bytes
from index.ingest.metadata import ArticleMeta, extract_metadata
from index.ingest.metadata.sections import extract_sections
from partyqa.errors import ReadError
from partyqa.hashing import bytes_hash, content_hash
from partyqa.records import Article, ArticleFact, PageSpan
from partyqa.text.normalize import squash

_PAGE_BREAK = "\n\n"


def source_name(path: Path, root: Path | None = None) -> str:
    """Return the display name of a file: its path relative to ``root``, else its name."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def load_file(path: Path, root: Path | None = None) -> list[Article]:
    """Read, clean and describe one file: one article, or one per article of an e-paper page.

    Args:
        path: A supported file (see :data:`~index.ingest.files.SUPPORTED_SUFFIXES`).
        root: Folder the ``source`` name is made relative to; the file name when omitted.

    Returns:
        The articles, in page order. ``doc_id`` is the hash of the normalized text,
        ``file_hash`` the hash of the raw bytes (shared by the articles of one file).

    Raises:
        ReadError: If the file cannot be read, converted or decoded, or no text is left.
    """
    path = Path(path)
    data = read_bytes(path)
    source = source_name(path, root)
    if file_kind(path) == "text":
        try:
            raw, encoding = decode_bytes(data)
        except ReadError as exc:
            raise ReadError(path, exc.reason) from None
        text = clean_text(raw, path.suffix)
        if not squash(text):
            raise ReadError(path, "no article text left after cleaning")
        return [_article(raw, text, [], source, encoding, data)]
    from index.ingest.documents import read_document

    document = read_document(path, data)
    articles = []
    raws = [_PAGE_BREAK.join(page.text for page in part) for part in document.articles]
    # The articles cut from one e-paper page share its editor: the 责任编辑 line at the page's foot
    # names the page's editor, whichever article the layout put it with.
    shared = _editor_lines("\n".join(raws)) if len(raws) > 1 else []
    for part, raw in zip(document.articles, raws, strict=True):
        text, spans = _clean_pages(part)
        missing = [line for line in shared if line not in raw]
        if missing and not _editor_lines(raw):
            raw = "\n".join([raw, *missing])
            text = "\n".join([text, *missing])
        if squash(text):
            articles.append(_article(raw, text, spans, source, document.format, data))
    if not articles:
        raise ReadError(path, "no text found (an empty document, or a scan the OCR could not read)")
    return articles


@cache
def _editor_label() -> re.Pattern:
    """An editor's label opening a line (责任编辑：, 编辑：), from ``byline_roles.txt``."""
    from partyqa.resources import data_lines

    labels = [w for line in data_lines("byline_roles.txt") for w, kind in [line.split("\t")] if kind == "editor"]
    return re.compile(r"^\s*(?:" + "|".join(sorted(map(re.escape, labels), key=len, reverse=True)) + r")\s*[:：]")


def _editor_lines(text: str) -> list[str]:
    """Lines of ``text`` that open with an editor's label (责任编辑：…, 编辑：…), as written."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if _editor_label().match(line)))


def load_article(path: Path, root: Path | None = None) -> Article:
    """Read one file as one article (the first article of a split e-paper page).

    Raises:
        ReadError: See :func:`load_file`.
    """
    return load_file(path, root)[0]


def _clean_pages(pages) -> tuple[str, list[PageSpan]]:
    """Clean every page and join them, recording which page each part of the text comes from."""
    parts: list[str] = []
    spans: list[PageSpan] = []
    pos = 0
    for page in pages:
        cleaned = clean_text(page.text, ".txt")
        if not cleaned:
            continue
        if parts:
            parts.append(_PAGE_BREAK)
            pos += len(_PAGE_BREAK)
        parts.append(cleaned)
        if page.number > 0:
            spans.append(PageSpan(page.number, pos, pos + len(cleaned)))
        pos += len(cleaned)
    return "".join(parts), spans


def _article(raw: str, body: str, spans: list[PageSpan], source: str, encoding: str, data: bytes) -> Article:
    """Build the article: metadata, header block of evidence lines, fact offsets, sections."""
    name = source if file_kind(source) == "text" else Path(source).with_suffix(".txt").name
    meta = extract_metadata(raw, body, name)
    header = _header_block(body, meta)
    text = f"{header}\n\n{body}" if header else body
    shift = len(text) - len(body)
    pages = [PageSpan(s.page, s.start + shift, s.end + shift) for s in spans]
    if pages and shift:
        pages[0].start = 0
    facts = [_located(fact, text) for fact in meta.facts]
    return Article(
        doc_id=content_hash(squash(text)),
        source=source,
        text=text,
        title=meta.title,
        date=meta.date,
        publisher=meta.publisher,
        places=meta.places,
        sections=extract_sections(text, meta.places) if meta.sections else [],
        encoding=encoding,
        file_hash=bytes_hash(data),
        facts=facts,
        pages=pages,
    )


def _header_block(body: str, meta: ArticleMeta) -> str:
    """The evidence lines (title first) that the cleaned body does not hold, one per line."""
    lines: list[str] = []
    squashed = squash(body)
    for fact in meta.facts:
        evidence = fact.evidence.strip()
        if not evidence or any(evidence in line for line in lines):  # a part of a line kept already
            continue
        if fact.kind == "title":
            if squash(evidence) not in squashed[: len(squash(evidence)) + 200]:
                lines.append(evidence)
        elif evidence not in body:
            lines.append(evidence)
    return "\n".join(lines)


def _located(fact: ArticleFact, text: str) -> ArticleFact:
    """The fact with ``start``/``end`` set to where its evidence stands in ``text`` (-1 when absent)."""
    start = text.find(fact.evidence) if fact.evidence else -1
    end = start + len(fact.evidence) if start >= 0 else -1
    return ArticleFact(fact.kind, fact.value, fact.evidence, start, end)


def load_articles(paths: Iterable[Path]) -> tuple[list[Article], list[ReadError]]:
    """Load every article file under the given files and folders, skipping bad ones.

    Folders are searched recursively for supported files; the ``source`` of an article
    found in a folder is relative to that folder. A path given explicitly that does not
    exist or has an unsupported suffix is reported as an error.

    Returns:
        The articles loaded (in file order) and the errors of the files that failed.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    for path, root in _files_with_roots(paths, errors):
        try:
            articles.extend(load_file(path, root))
        except ReadError as exc:
            errors.append(exc)
    return articles, errors


def _files_with_roots(paths: Iterable[Path], errors: list[ReadError]) -> list[tuple[Path, Path | None]]:
    """Expand paths into unique ``(file, root)`` pairs, recording errors for bad explicit paths."""
    pairs: list[tuple[Path, Path | None]] = []
    seen: set[Path] = set()
    for given in paths:
        given = Path(given)
        if given.is_dir():
            found = [(f, given) for f in find_files([given])]
        elif not given.exists():
            errors.append(ReadError(given, "no such file or folder"))
            continue
        elif not is_supported(given):
            errors.append(ReadError(given, f"not a supported file ({' '.join(SUPPORTED_SUFFIXES)})",
                                    user_message=f"{given.name}：不支持的文件类型"))
            continue
        else:
            found = [(given, None)]
        for file, root in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                pairs.append((file, root))
    return pairs
