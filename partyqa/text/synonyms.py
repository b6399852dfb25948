"""Words that mean the same in questions and articles (``partyqa/data/synonyms.txt``)."""

from __future__ import annotations

from functools import lru_cache

from partyqa.resources import data_lines


@lru_cache(maxsize=1)
def _groups() -> tuple[tuple[str, ...], dict[str, int]]:
    groups = tuple(tuple(line.split()) for line in data_lines("synonyms.txt"))
    index: dict[str, int] = {}
    for n, group in enumerate(groups):
        for word in group:
            index.setdefault(word, n)
    return groups, index


@lru_cache(maxsize=8192)
def variants(term: str) -> tuple[str, ...]:
    """``term`` and the forms it takes when a word in it is replaced by an equivalent.

    ``非公企业党组织`` → ``非公企业党组织``, ``私营企业党组织``, ``非公企业党的组织`` …; a term
    with no listed word gives only itself. One replacement at a time, longest words first.
    """
    groups, index = _groups()
    out = [term]
    for word in sorted(index, key=len, reverse=True):
        at = term.find(word)
        if at < 0 or (len(word) < 2 and word != term):
            continue
        for other in groups[index[word]]:
            if other != word:
                out.append(term[:at] + other + term[at + len(word):])
    return tuple(dict.fromkeys(out))


def present(term: str, text: str) -> bool:
    """True if ``term`` or one of its :func:`variants` occurs in (normalized) ``text``."""
    return any(v in text for v in variants(term))
