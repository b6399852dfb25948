"""Extracting title, date, outlet, people, document number, paper page, places and sections
from an article.

Publication facts live in the page around the article (header, footer, the first and last
body lines: see :mod:`.page`), often in lines that cleaning removes as debris, so
:func:`extract_metadata` reads the page lines of the raw file. Every fact keeps the line it
was read from (:class:`~partyqa.records.ArticleFact`), so the loader can keep that line in
the article text and answers can cite it. Labels and names are matched in simplified script;
values are returned as written (``濟南日報``), place names simplified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from index.ingest.metadata.dates import choose_date, epaper_banner, parse_dates, url_date
from index.ingest.metadata.marks import document_number, paper_page
from index.ingest.metadata.page import BODY, FOOTER, Page, front_matter, page_lines
from index.ingest.metadata.people import bylines, signature, wechat_account
from index.ingest.metadata.publisher import (
    RANK_ACCOUNT,
    RANK_ISSUER,
    RANK_META,
    RANK_NAME,
    RANK_PAPER,
    RANK_SOURCE,
    RANK_WIRE,
    dateline_outlet,
    issuer,
    issuer_label_alone,
    labelled_source,
    masthead_paper,
    publisher_in_line,
    source_line,
)
from index.ingest.metadata.sections import extract_sections
from index.ingest.metadata.title import extract_title, issue_title
from partyqa.records import ArticleFact, Section
from partyqa.text.normalize import normalize
from partyqa.text.places import extract_places

_EDGE_BODY_LINES = 3
_MAX_BYLINE_LINE = 60


@dataclass
class ArticleMeta:
    """Metadata of one article.

    Attributes:
        title: Headline, or the file stem when none is found.
        date: Publication date as ``YYYY-MM-DD``, or "".
        publisher: The outlet as written in the text, or "".
        places: Places named in the article (simplified script), those in the title first.
        sections: Headed parts about different districts (bulletins), else empty.
        facts: Title, date, outlet, people, document number and paper page with the page line
            each was read from
            (offsets are set by the loader once the article text is final).
    """

    title: str
    date: str = ""
    publisher: str = ""
    places: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    facts: list[ArticleFact] = field(default_factory=list)


def extract_metadata(raw_text: str, clean_text: str, source_name: str, page: Page | None = None) -> ArticleMeta:
    """Extract the metadata of an article.

    Args:
        raw_text: The decoded file content (for PDF and Word files, their extracted text).
        clean_text: The cleaned article text (places and sections are read from it).
        source_name: File name or relative path (selects HTML/Markdown handling; the stem is
            the last-resort title).
        page: The page lines, when the caller has them already.

    Returns:
        The article's metadata.
    """
    page = page or page_lines(raw_text, source_name)
    near = _near_lines(page)
    date, date_line = choose_date([(ln.text, ok and (ln.link < 0.5 or epaper_banner(ln.text))) for ln, ok in near])
    if not date or _address_only(date_line):
        # The front matter records the page's own address; an address on the page may be a
        # related story's (相关阅读 - [标题](…/2024-07/20/…)).
        fm_date, fm_line = _front_matter_date(raw_text)
        if fm_date:
            date, date_line = fm_date, fm_line
    outlet, outlet_line = _outlet(page, near)
    places = extract_places("\n".join(line for line in (clean_text, outlet_line, page.title) if line),
                            with_ancestors=True)
    sections = extract_sections(clean_text, places)
    title, title_line = "", ""
    if len(sections) >= 2:
        title = issue_title([ln.text for ln in page.lines])
        title_line = title
    if not title:
        title, title_line = extract_title(page, raw_text, source_name, clean_text)
    facts = [ArticleFact("title", title, title_line)] if title_line else []
    if date:
        facts.append(ArticleFact("date", date, date_line))
    if outlet:
        facts.append(ArticleFact("outlet", outlet, outlet_line))
    facts.extend(_people(near))
    for kind, (value, line) in (("doc_number", document_number(near)), ("page", paper_page(near))):
        if value:
            facts.append(ArticleFact(kind, value, line))
    return ArticleMeta(
        title=title,
        date=date,
        publisher=outlet,
        places=_title_places_first(places, title),
        sections=sections,
        facts=facts,
    )


def _near_lines(page: Page):
    """``(line, near)`` for every line: near are header/footer lines and the first/last body lines."""
    body = [i for i, ln in enumerate(page.lines) if ln.zone == BODY]
    edge = set(body[:_EDGE_BODY_LINES] + body[-_EDGE_BODY_LINES:])
    # A paragraph opening with the paper's dateline and its byline group (本报讯（记者 …）) is the
    # story's opening wherever a page's columns put it.
    edge |= {i for i in body[_EDGE_BODY_LINES:] if _BYLINED_DATELINE.match(page.lines[i].text.strip())}
    return [(ln, ln.zone != BODY or i in edge) for i, ln in enumerate(page.lines)]


_BYLINED_DATELINE = re.compile(r"^(?:本报|[\u4e00-\u9fff]{2,8}(?:网|社|台|报))?[\u4e00-\u9fff]{0,6}(?:\d{1,2}月\d{1,2}日)?(?:讯|电)\s*[（(]")


def _outlet(page: Page, near) -> tuple[str, str]:
    """The outlet and its evidence line, by the preferences of :mod:`.publisher`."""
    best: tuple[int, str, str] = (0, "", "")

    def offer(rank: int, value: str, line: str) -> None:
        nonlocal best
        if value and rank > best[0]:
            best = (rank, value, line)

    masthead = [page.title] + [ln.text for ln, ok in near if ok and ln.zone != BODY]
    # A WeChat post (原创 作者 账号 日期) is published by its account: a 来源 line among its closing
    # credits names the body that supplied the story, not the outlet.
    account = any(wechat_account(ln.text) for ln, ok in near if ok and ln.zone != FOOTER)
    for at, (ln, ok) in enumerate(near):
        if not ok or ln.link >= 0.5:
            continue
        rank, value = labelled_source(ln.text)
        if not rank and issuer_label_alone(ln.text) and at + 1 < len(near) and near[at + 1][1]:
            # a disclosure table's cells on lines of their own: 发布机构 / 中共…工作委员会
            rank, value = labelled_source(f"{ln.text.strip()}：{near[at + 1][0].text.strip()}")
        if rank == RANK_SOURCE and account and ln.zone == FOOTER:
            rank = RANK_META
        offer(RANK_META if ln.synthetic and rank else rank, value, ln.text)
        wire = dateline_outlet(ln.text)
        if wire == "本报":
            paper = masthead_paper(masthead)
            offer(RANK_PAPER, paper, _dateline_text(ln.text))
        elif wire:
            offer(RANK_WIRE, wire, _dateline_text(ln.text))
        offer(RANK_ACCOUNT, wechat_account(ln.text), ln.text)
        if ln.zone != BODY or len(ln.text) <= _MAX_BYLINE_LINE:
            offer(RANK_ACCOUNT, source_line(ln.text), ln.text)
            offer(RANK_ISSUER, issuer(ln.text), ln.text)
    if not best[1]:
        for ln, ok in near:
            if ok and not ln.synthetic and ln.zone != BODY:
                offer(RANK_NAME, publisher_in_line(ln.text), ln.text)
    return best[1], best[2]


def _dateline_text(line: str) -> str:
    """The dateline at the start of a body line, up to its closing bracket (or the whole short line)."""
    for closer in "）)":
        k = line.find(closer)
        if 0 <= k < 60:
            return line[: k + 1].strip()
    return line.strip()[:40]


def _people(near) -> list[ArticleFact]:
    """People facts from the byline forms of :mod:`.people`, first evidence per name and kind."""
    facts: list[ArticleFact] = []
    seen: set[tuple[str, str]] = set()
    for ln, ok in near:
        short = len(ln.text) <= _MAX_BYLINE_LINE  # a byline line of its own, wherever it stands
        if not (ok or short) or ln.synthetic or ln.link >= 0.5:
            continue
        in_body = ln.zone == BODY and not short
        signed = signature(ln.text) if ok and short else None  # a report signed under its title
        for byline in [signed] if signed else bylines(ln.text, in_body=in_body):
            key = (byline.kind, normalize(byline.name))
            if key not in seen:
                seen.add(key)
                facts.append(ArticleFact(byline.kind, byline.name, byline.evidence))
    return facts


#: Front-matter keys that give the publication date, and keys that give the page's address
#: (a ``saved:`` or ``created:`` date is when the file was made, not when the story ran).
_FM_DATE_KEYS = ("date", "published", "pubdate", "publish_date", "publication_date")
_FM_URL_KEYS = ("url", "link", "source_url", "original_url", "canonical", "source")


def _address_only(line: str) -> bool:
    """True if ``line`` dates the page only by a date in an address (no date written out)."""
    # …/2024/10/15/… is a date in an address too, not one written out
    return bool(line) and bool(url_date(line)) and not parse_dates(re.sub(r"(?:https?://|www\.|/)\S*", "", line))


def _front_matter_date(raw_text: str) -> tuple[str, str]:
    """The publication date a Markdown front matter gives: its date field, else a full date in
    the address it records (``url: …/2023-06/20/content_4127.html``); ``("", "")`` if none."""
    fields = front_matter(raw_text)
    for key in _FM_DATE_KEYS:
        found = parse_dates(fields.get(key, ""))
        if found:
            return found[0][1], f"{key}: {fields[key]}"
    for key in _FM_URL_KEYS:
        date = url_date(fields.get(key, ""))
        if date:
            return date, f"{key}: {fields[key]}"
    return "", ""


def _title_places_first(places: list[str], title: str) -> list[str]:
    """Move the places named in the title to the front (the article's main places)."""
    simplified = normalize(title)
    return sorted(places, key=lambda place: place not in simplified)


__all__ = ["ArticleMeta", "extract_metadata"]
