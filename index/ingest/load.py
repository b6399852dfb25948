"""Loading article files into :class:`~index.records.Article` records.

``read → decode → clean → extract metadata``. Unreadable, undecodable and empty files
raise :class:`~index.readers.ReadError`; :func:`load_articles` collects those errors and
goes on with the other files.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from index.ingest.clean import clean_text
from index.ingest.decode import decode_bytes
from index.ingest.files import find_files, is_supported, read_bytes
from index.ingest.metadata import extract_metadata
from partyqa.errors import ReadError
from partyqa.hashing import bytes_hash, content_hash
from partyqa.records import Article
from partyqa.text.normalize import squash


def source_name(path: Path, root: Path | None = None) -> str:
    """Return the display name of a file: its path relative to ``root``, else its name.

    Args:
        path: The article file.
        root: The indexed folder, or ``None``.

    Returns:
        A POSIX-style relative path, or the file name when ``path`` is not under ``root``.
    """
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def load_article(path: Path, root: Path | None = None) -> Article:
    """Read, clean and describe one article file.

    Args:
        path: The article file (``.txt``, ``.md``, ``.markdown``, ``.html``, ``.htm``).
        root: Folder the ``source`` name is made relative to; the file name when omitted.

    Returns:
        The article. ``doc_id`` is the hash of its normalized text (identical articles
        share it), ``file_hash`` the hash of the raw bytes.

    Raises:
        ReadError: If the file cannot be read or decoded, or no text is left after
            cleaning.
    """
    path = Path(path)
    data = read_bytes(path)
    try:
        raw, encoding = decode_bytes(data)
    except ReadError as exc:
        raise ReadError(path, exc.reason) from None
    text = clean_text(raw, path.suffix)
    if not squash(text):
        raise ReadError(path, "no article text left after cleaning")
    source = source_name(path, root)
    meta = extract_metadata(raw, text, source)
    return Article(
        doc_id=content_hash(squash(text)),
        source=source,
        text=text,
        title=meta.title,
        date=meta.date,
        publisher=meta.publisher,
        places=meta.places,
        sections=meta.sections,
        encoding=encoding,
        file_hash=bytes_hash(data),
    )


def load_articles(paths: Iterable[Path]) -> tuple[list[Article], list[ReadError]]:
    """Load every article file under the given files and folders, skipping bad ones.

    Folders are searched recursively for supported files (see
    :func:`~index.readers.find_files`); the ``source`` of an article found in a folder
    is relative to that folder. A path given explicitly that does not exist or has an
    unsupported suffix is reported as an error.

    Args:
        paths: Files and folders.

    Returns:
        The articles loaded (in file order) and the errors of the files that failed.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    for path, root in _files_with_roots(paths, errors):
        try:
            articles.append(load_article(path, root))
        except ReadError as exc:
            errors.append(exc)
    return articles, errors


def _files_with_roots(paths: Iterable[Path], errors: list[ReadError]) -> list[tuple[Path, Path | None]]:
    """Expand paths into ``(file, root)`` pairs, recording errors for bad explicit paths.

    Args:
        paths: Files and folders.
        errors: List that receives a :class:`ReadError` per missing or unsupported path.

    Returns:
        Unique files with the folder they were found in (``None`` for explicit files).
    """
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
            errors.append(
                ReadError(given, "not a supported article file (.txt, .md, .markdown, .html, .htm)")
            )
            continue
        else:
            found = [(given, None)]
        for file, root in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                pairs.append((file, root))
    return pairs
