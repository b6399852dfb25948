"""Extracting title, date, publisher, places and sections from an article.

Metadata often lives in lines that cleaning removes as debris (``發布日期:2020-06-30``,
``信息來源:濟南日報``, a ``| 洛阳日报 | 洛阳晚报 |`` navigation bar), so
:func:`extract_metadata` looks at both the raw decoded text (converted to plain text) and
the cleaned text. Labels, dates and names are matched in simplified script; values are
returned as written (``濟南日報``), except place names, which are returned simplified.

Everything here is heuristic and general: a date labelled ``发布日期`` beats a date in
the header, which beats a date/weekday banner (often the crawl date); a labelled source
beats a newspaper or office name in the header, which beats one in the footer; places
are found with ``jieba`` part-of-speech segmentation plus a stoplist of generic words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from index.ingest.metadata.dates import extract_date
from index.ingest.metadata.header import front_matter_lines, header_and_footer, html_meta_lines, plain_lines
from index.ingest.metadata.publisher import extract_publisher
from index.ingest.metadata.sections import extract_sections
from index.ingest.metadata.title import extract_title
from partyqa.records import Section
from partyqa.text.normalize import normalize
from partyqa.text.places import extract_places


@dataclass
class ArticleMeta:
    """Metadata of one article.

    Attributes:
        title: Headline, or the file stem when none is found.
        date: Publication date as ``YYYY-MM-DD``, or "".
        publisher: Newspaper or office as written in the text, or "".
        places: Places named in the article (simplified script): those in the title
            first, then most frequent first.
        sections: Headed parts about different districts (bulletins), else empty.
    """

    title: str
    date: str = ""
    publisher: str = ""
    places: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def extract_metadata(raw_text: str, clean_text: str, source_name: str) -> ArticleMeta:
    """Extract the metadata of an article.

    Args:
        raw_text: The decoded file content, before cleaning.
        clean_text: The cleaned article text (offsets of sections refer to it).
        source_name: File name or relative path; its suffix selects HTML/Markdown
            handling and its stem is the fallback title.

    Returns:
        The article's metadata.
    """
    suffix = Path(source_name).suffix.lower()
    raw_lines = plain_lines(raw_text, suffix)
    header, footer = header_and_footer(raw_lines)
    if suffix in (".md", ".markdown"):
        header = front_matter_lines(raw_text) + header
    elif suffix in (".html", ".htm"):
        header = html_meta_lines(raw_text) + header
    places = extract_places(clean_text)
    sections = extract_sections(clean_text, places)
    publisher = extract_publisher(header, footer)
    title = extract_title(raw_text, clean_text, source_name, raw_lines, has_sections=len(sections) >= 2)
    return ArticleMeta(
        title=title,
        date=extract_date(header, footer),
        publisher=publisher,
        places=_title_places_first(places, title),
        sections=sections,
    )


def _title_places_first(places: list[str], title: str) -> list[str]:
    """Move the places named in the title to the front (the article's main places).

    Args:
        places: Places, most frequent first.
        title: The article title.

    Returns:
        The same places, those in the title first, otherwise in the same order.
    """
    simplified = normalize(title)
    return sorted(places, key=lambda place: place not in simplified)
