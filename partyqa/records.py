"""Typed records passed between the stages: ``Article`` → ``Chunk`` → ``Hit`` → ``Answer``/``Citation``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from partyqa.hashing import content_hash

__all__ = ["Answer", "Article", "ArticleFact", "Chunk", "Citation", "Hit", "PageSpan", "Section", "content_hash"]


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


#: Kinds of facts about an article itself (not about its subject).
FACT_KINDS = ("title", "date", "outlet", "reporter", "correspondent", "author", "editor", "photographer", "reviewer",
              "doc_number", "page")


@dataclass
class ArticleFact:
    """A fact about the article itself, with the line of the page it was read from.

    Attributes:
        kind: One of :data:`FACT_KINDS`.
        value: The value as written (a name, a date as ``YYYY-MM-DD``, an outlet, a document
            number ``宽组通〔2024〕9号``, a paper's page ``第A04版``).
        evidence: The line of the page that states it (dateline, byline, source line), as written.
        start / end: Offsets of ``evidence`` in ``Article.text`` (-1 when it is not there).
    """

    kind: str
    value: str
    evidence: str = ""
    start: int = -1
    end: int = -1


@dataclass
class PageSpan:
    """The characters ``Article.text[start:end]`` come from page ``page`` (1-based) of the file."""

    page: int
    start: int
    end: int


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
        encoding: Encoding the file was decoded with (or the format, e.g. ``pdf``).
        file_hash: Hash of the raw file bytes (to skip unchanged files).
        facts: Facts about the article itself (date, outlet, reporters …) with their evidence.
        pages: Which page of the file each part of ``text`` comes from (PDFs; else empty).
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
    facts: list[ArticleFact] = field(default_factory=list)
    pages: list[PageSpan] = field(default_factory=list)

    def people(self, kind: str) -> list[str]:
        """Names of the given fact kind (``reporter``, ``editor`` …), in page order, without repeats."""
        return list(dict.fromkeys(f.value for f in self.facts if f.kind == kind))

    def page_at(self, offset: int) -> int:
        """The page holding character ``offset`` of the text, or 0 when the file has no pages."""
        for span in self.pages:
            if span.start <= offset < span.end:
                return span.page
        return 0

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Article:
        """Rebuild an article from :meth:`to_dict` output."""
        data = dict(data)
        data["sections"] = [Section(**s) for s in data.get("sections", [])]
        data["facts"] = [ArticleFact(**f) for f in data.get("facts", [])]
        data["pages"] = [PageSpan(**p) for p in data.get("pages", [])]
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
        page: Page of the file the passage starts on (1-based; 0 when the file has no pages).
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
    page: int = 0

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        """Rebuild a chunk from :meth:`to_dict` output."""
        return cls(**data)



@dataclass
class Hit:
    """A passage returned by search.

    Attributes:
        chunk_id / doc_id: Ids of the passage and of its article.
        title / publisher / date / source: Article metadata for display.
        section / district: Section heading and district the passage belongs to.
        text: The passage in its original script.
        score: Fused relevance score (higher is better).
        start / end: Character offsets of the passage in the article text.
        dense_score / keyword_score: The component scores (0 when not a candidate).
        page: Page of the file the passage starts on (0 when the file has no pages).
    """

    chunk_id: str
    doc_id: str
    title: str
    publisher: str
    date: str
    section: str
    text: str
    score: float
    start: int
    end: int
    district: str = ""
    source: str = ""
    dense_score: float = 0.0
    keyword_score: float = 0.0
    page: int = 0

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)


@dataclass
class Citation:
    """A numbered source of an answer.

    Attributes:
        n: Citation number as it appears in the answer (``[n]``).
        doc_id / chunk_id: Ids of the cited article and passage.
        title / publisher / date / section / district / source: Display metadata.
        text: The whole cited passage.
        start / end: Offsets of the cited sentence within ``text``.
        passage_start / passage_end: Offsets of ``text`` within the article.
        page: Page of the file the passage starts on (0 when the file has no pages).
        answer_start / answer_end: Offsets in ``text`` of the exact answer (a name, a number
            with its unit, a date) inside the cited sentence; -1 when there is none.
    """

    n: int
    doc_id: str
    chunk_id: str
    title: str
    publisher: str
    date: str
    text: str
    start: int
    end: int
    section: str = ""
    district: str = ""
    source: str = ""
    passage_start: int = 0
    passage_end: int = 0
    page: int = 0
    answer_start: int = -1
    answer_end: int = -1

    @property
    def sentence(self) -> str:
        """The cited sentence."""
        return self.text[self.start : self.end]

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)


@dataclass
class Answer:
    """An answer with its citations.

    Attributes:
        question: The question as asked.
        resolved_question: The question after follow-up resolution (equal to
            ``question`` when it needed none).
        text: Answer text; every claim ends with a ``[n]`` marker.
        found: False when the articles do not contain the answer.
        citations: Numbered sources, in order of first use.
        hits: The closest passages (shown when nothing was found).
        mode: ``extractive``, ``generative`` or ``chat`` (a conversational reply, no articles used).
        note: Extra information for the user (e.g. why a generative answer fell back).
        confidence: How sure the answerer is that the citations state the answer (0–1);
            a refusal carries the confidence of the best candidate it rejected.
    """

    question: str
    resolved_question: str
    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    mode: str = "extractive"
    note: str = ""
    confidence: float = 0.0

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)
