"""Typed records returned by retrieval: ``Hit`` → ``Answer``/``Citation``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
        mode: ``extractive`` or ``generative``.
        note: Extra information for the user (e.g. why a generative answer fell back).
    """

    question: str
    resolved_question: str
    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    mode: str = "extractive"
    note: str = ""

    def to_dict(self) -> dict:
        """Return a JSON-serializable dict."""
        return asdict(self)
