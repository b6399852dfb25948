"""Typed records passed between the indexing stages: ``Article`` → ``Chunk``."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field


def content_hash(text: str, length: int = 16) -> str:
    """Return a short, stable hex digest of ``text`` (SHA-1, first ``length`` characters)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass
class Section:
    """A headed part of an article, for bulletins that cover several districts.

    Attributes:
        heading: The section heading as displayed.
        start: Character offset of the heading in the article text.
        end: Character offset where the section ends (exclusive).
        district: The district or place the section is about, or "" if none.
    """

    heading: str
    start: int
    end: int
    district: str = ""


@dataclass
class Article:
    """One cleaned article ready for chunking.

    Attributes:
        doc_id: Content hash of the normalized article text (identical articles share it).
        source: File path relative to the indexed folder, used as the display file name.
        text: Cleaned original text; every offset in the index refers to this string.
        title: Headline, or the file stem when none is found.
        date: Publication date as ``YYYY-MM-DD``, or "" when unknown.
        publisher: Newspaper or office that published the article, or "".
        places: Districts and other places the article is about, most prominent first.
        sections: Headed parts of the article (may be empty).
        encoding: Encoding the file was decoded with.
        file_hash: Hash of the raw file bytes (to skip unchanged files).
    """

    doc_id: str
    source: str
    text: str
    title: str = ""
    date: str = ""
    publisher: str = ""
    places: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    encoding: str = "utf-8"
    file_hash: str = ""

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """Rebuild an article from :meth:`to_dict` output."""
        data = dict(data)
        data["sections"] = [Section(**s) for s in data.get("sections", [])]
        return cls(**data)


@dataclass
class Chunk:
    """A passage of an article: the unit that is embedded, searched and cited.

    Attributes:
        id: Content hash of doc id and passage text.
        doc_id: Id of the article the passage comes from.
        ordinal: Position of the chunk within its article (0-based).
        start: Offset of the first character in ``Article.text``.
        end: Offset after the last character in ``Article.text``.
        text: The passage as displayed (original script).
        search_text: The passage normalized for search (simplified script, half-width).
        section: Heading of the section the passage belongs to, or "".
        district: District of that section, else the article's main place, or "".
        title / date / publisher / source: Copied from the article for display.
        places: Places named in the article.
        embed_hash: Hash of the embedding input, to reuse vectors of unchanged text.
    """

    id: str
    doc_id: str
    ordinal: int
    start: int
    end: int
    text: str
    search_text: str
    section: str = ""
    district: str = ""
    title: str = ""
    date: str = ""
    publisher: str = ""
    source: str = ""
    places: list[str] = field(default_factory=list)
    embed_hash: str = ""

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        """Rebuild a chunk from :meth:`to_dict` output."""
        return cls(**data)
