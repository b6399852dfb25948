"""Convex fusion of dense and keyword scores (retrieval.search.Searcher._fuse)."""

import pytest

from retrieval.search import FusionParams, Searcher


def fuse(dense, keyword, alpha=0.5, method="convex"):
    searcher = Searcher.__new__(Searcher)
    searcher.fusion = FusionParams(method=method, alpha=alpha)
    return searcher._fuse(set(dense) | set(keyword), dense, keyword, method)


DENSE = {1: 0.90, 2: 0.89, 3: 0.87, 4: 0.86}
KEYWORD = {2: 9.0, 3: 4.0, 5: 6.0}


def order(scores):
    return sorted(scores, key=lambda r: (-scores[r], r))


def test_scores_lie_on_zero_one_best_one_worst_zero():
    scores = fuse(DENSE, KEYWORD)
    assert set(scores) == {1, 2, 3, 4, 5}
    assert max(scores.values()) == pytest.approx(1.0) and min(scores.values()) == pytest.approx(0.0)
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_alpha_one_is_dense_order_and_zero_is_keyword_order():
    assert order(fuse(DENSE, KEYWORD, alpha=1.0))[:4] == [1, 2, 3, 4]
    assert order(fuse(DENSE, KEYWORD, alpha=0.0))[:3] == [2, 5, 3]


def test_found_by_both_beats_found_by_one():
    # 2 is second by dense and first by keyword; 1 is first by dense only; 5 by keyword only.
    assert order(fuse(DENSE, KEYWORD))[0] == 2


def test_missing_dense_candidate_counts_as_the_lowest_cosine():
    # 5 (keyword only) gets the dense score of 4, the lowest dense candidate; 4 (dense only) gets
    # keyword 0, below every keyword candidate.
    dense_only = fuse(DENSE, KEYWORD, alpha=1.0)
    assert dense_only[5] == pytest.approx(dense_only[4])
    keyword_only = fuse(DENSE, KEYWORD, alpha=0.0)
    assert keyword_only[4] == pytest.approx(keyword_only[1])
    assert keyword_only[4] < keyword_only[3]


def test_no_keyword_match_falls_back_to_dense_order():
    assert order(fuse(DENSE, {})) == [1, 2, 3, 4]


def test_equal_scores_do_not_divide_by_zero():
    scores = fuse({1: 0.9, 2: 0.9}, {1: 3.0, 2: 3.0})
    assert scores == {1: 1.0, 2: 1.0}


def test_rrf_and_single_methods_untouched():
    assert fuse(DENSE, KEYWORD, method="dense")[5] == 0.0
    assert fuse(DENSE, KEYWORD, method="bm25")[2] == 9.0
    rrf = fuse(DENSE, KEYWORD, method="rrf")
    assert order(rrf)[0] == 2
