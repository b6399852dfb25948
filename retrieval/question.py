"""What a question asks for: the first step of answering it."""

from __future__ import annotations

import re

from partyqa.text.normalize import normalize

_ABOUT_ARTICLE = re.compile(
    r"(?:发布|刊发|印发|发表)(?:日期|时间|于)?|哪天(?:发|印)|信息来源|来源|哪家(?:报|媒体)|记者|作者|通讯员|第几期|哪一期"
)


def asks_about_article(question: str) -> bool:
    """True if the question asks about the article itself (date, outlet, reporter, issue)."""
    return bool(_ABOUT_ARTICLE.search(normalize(question)))
