"""Quality floors on the project's labelled sets (tests/eval/sets.json), real model.

Each set runs on its own index, as ``partyqa eval`` runs it. The floors are set just under
what the current system measures, so a regression fails CI. Raise them as quality rises;
never lower them to make a change pass.
"""

import json

import pytest

from retrieval.eval.report import format_report
from retrieval.eval.run import open_set_engine, run_set
from retrieval.eval.sets import load_sets

pytestmark = pytest.mark.e2e

# 2026-12-02 02:00 UTC (dense and keyword scores now standardized before fusion, see
# bench/RESULTS-fusion.md), bundled / news / fresh / blind: hybrid hit@1 0.934 / 0.789 / 0.801 /
# 0.800; answerable 0.978 / 0.959 / 0.914 / 0.882; refused 0.955 / 0.918 / 0.944 / 0.792.
# Measured 2026-12-01 04:55 UTC with `partyqa eval --retriever all` (bundled / news / fresh / blind;
# the same at 08:08 UTC but news answerable 0.962 and blind 0.891 answerable, 0.750 refused):
# hybrid hit@1 0.926 / 0.789 / 0.806 / 0.800, hit@5 1.000 / 0.970 / 0.984 / 0.991; answerable
# 0.978 / 0.959 / 0.914 / 0.900; unanswerable refused 0.909 / 0.898 / 0.944 / 0.708; chit-chat
# handled - / 1.000 / 1.000 / 1.000.
# Floors sit about two questions under each figure (one for kinds of 16 or fewer questions), so a
# real regression fails while a machine's last-digit differences in the embeddings do not; a floor
# is never lowered. The answer model is fitted on every set but blind and dev5; the blind set is held out
# and its failures are never read, so its floors guard what the rules reach on pages nobody tuned
# them for. dev5's rules were read from its failures, but the answer model is not fitted on it.
# 2026-12-02 14:05 UTC (stop 26, commit 73725b4): answer and kind floors raised to about two
# questions (one for kinds of 16 or fewer) under what every set now measures, where that is higher
# than before; the figures are in bench/RESULTS-answers.md, stop 26. Retrieval floors unchanged.
FLOORS = {
    "bundled": {
        "hybrid_hit@1": 0.92, "hybrid_hit@5": 0.98,
        "answerable_accuracy": 0.96, "refusal_accuracy": 0.86,
        "kind:factual": 0.95, "kind:paraphrase": 0.92, "kind:followup": 0.93, "kind:traditional": 0.92,
    },
    "news": {
        "hybrid_hit@1": 0.78, "hybrid_hit@5": 0.96,
        "answerable_accuracy": 0.95, "refusal_accuracy": 0.89, "chat_accuracy": 1.0,
        "kind:factual": 0.94, "kind:paraphrase": 0.83, "kind:list": 0.84, "kind:article": 0.96,
        "kind:multipart": 0.96, "kind:cross_script": 0.95, "kind:followup": 0.85,
    },
    "fresh": {
        "hybrid_hit@1": 0.79, "hybrid_hit@5": 0.97,
        "answerable_accuracy": 0.92, "refusal_accuracy": 0.91, "chat_accuracy": 1.0,
        "kind:factual": 0.91, "kind:paraphrase": 0.76, "kind:list": 0.83, "kind:article": 0.88,
        "kind:multipart": 0.9, "kind:cross_script": 0.93, "kind:followup": 0.91,
    },
    "blind": {
        "hybrid_hit@1": 0.78, "hybrid_hit@5": 0.97,
        "answerable_accuracy": 0.88, "refusal_accuracy": 0.7, "chat_accuracy": 1.0,
        "kind:factual": 0.79, "kind:paraphrase": 0.79, "kind:list": 0.83, "kind:article": 0.87,
        "kind:multipart": 0.91, "kind:cross_script": 0.75, "kind:followup": 0.66,
    },
    # dev2 (PDF e-paper pages, Word files; measured 2026-12-01 04:55 UTC): hybrid hit@1 0.731,
    # hit@5 0.981; answerable 0.913, refused 0.893, chat 1.000; factual 0.950, paraphrase 0.833,
    # list 0.917, article 1.000, multipart 0.917, cross-script 0.875, follow-up 0.875.
    "dev2": {
        "hybrid_hit@1": 0.71, "hybrid_hit@5": 0.96,
        "answerable_accuracy": 0.91, "refusal_accuracy": 0.85, "chat_accuracy": 1.0,
        "kind:factual": 0.9, "kind:paraphrase": 0.74, "kind:list": 0.83, "kind:article": 0.9,
        "kind:multipart": 0.91, "kind:cross_script": 0.75, "kind:followup": 0.75,
    },
    # dev3 (e-paper pages with side stories and briefs, Word files, GBK and Big5 pages, far
    # paraphrases; measured 2026-12-01 04:55 UTC): hybrid hit@1 0.798, hit@5 0.981; answerable
    # 0.875, refused 0.821, chat 1.000; factual 1.000, paraphrase 0.750, list 0.667, article 1.000,
    # multipart 1.000, cross-script 0.875, follow-up 0.875.
    "dev3": {
        "hybrid_hit@1": 0.77, "hybrid_hit@5": 0.96,
        "answerable_accuracy": 0.89, "refusal_accuracy": 0.78, "chat_accuracy": 1.0,
        "kind:factual": 0.93, "kind:paraphrase": 0.67, "kind:list": 0.83, "kind:article": 0.9,
        "kind:multipart": 0.91, "kind:cross_script": 0.87, "kind:followup": 0.75,
    },
    # dev4 (a GBK plain-text notice, PDF e-paper page and report, Word files, an app page saved as
    # Markdown, GB18030 and Big5 pages; measured held out at 03:55 UTC: answerable 0.686, refused
    # 0.588; now, 2026-12-01 04:55 UTC): hybrid hit@1 0.696, hit@5 0.980; answerable 0.784, refused
    # 0.765, chat 1.000; factual 0.950, paraphrase 0.538, list 0.667, article 1.000, multipart 0.833,
    # cross-script 0.875, follow-up 0.750.
    # dev4 again at 2026-12-01 08:08 UTC: answerable 0.814, refused 0.824; factual 1.000, paraphrase
    # 0.577, follow-up 0.875.
    "dev4": {
        "hybrid_hit@1": 0.67, "hybrid_hit@5": 0.96,
        "answerable_accuracy": 0.85, "refusal_accuracy": 0.82, "chat_accuracy": 1.0,
        "kind:factual": 0.93, "kind:paraphrase": 0.57, "kind:list": 0.74, "kind:article": 0.93,
        "kind:multipart": 0.83, "kind:cross_script": 0.87, "kind:followup": 0.75,
    },
    # dev5 (a GB2312 plan notice, PDF e-paper page and report, Word material and bulletin, a WeChat
    # post as text, a GB18030 county text, a news client's page as Markdown, a Big5 Hong Kong page,
    # a wire repost, a digital-paper page; measured held out at 06:35 UTC: answerable 0.794,
    # refused 0.559; now, 2026-12-01 08:08 UTC, with the answer model not fitted on it): hybrid
    # hit@1 0.774, hit@5 0.980; answerable 0.833, refused 0.765, chat 1.000; factual 0.900,
    # paraphrase 0.577, list 0.917, article 0.875, multipart 1.000, cross-script 0.875, follow-up 1.000.
    "dev5": {
        "hybrid_hit@1": 0.75, "hybrid_hit@5": 0.96,
        "answerable_accuracy": 0.88, "refusal_accuracy": 0.79, "chat_accuracy": 1.0,
        "kind:factual": 0.85, "kind:paraphrase": 0.61, "kind:list": 0.91, "kind:article": 0.93,
        "kind:multipart": 0.91, "kind:cross_script": 0.75, "kind:followup": 0.87,
    },
    # dev6 (an e-paper page, a GBK work summary, a two-column PDF page with a side brief, Word
    # bulletin and exchange material, a WeChat text, a Big5 wire reprint, a GB2312 portal page, a PDF
    # report, a Markdown client page, a county text, a digital-paper page; measured held out at
    # 2026-12-02 01:19 UTC: answerable 0.765, refused 0.588, chat 0.750; now, 02:00 UTC, with the
    # answer model not fitted on it): hybrid hit@1 0.618, hit@5 0.951; answerable 0.794, refused
    # 0.735, chat 1.000; factual 0.900, paraphrase 0.692, list 0.500, article 0.938, multipart 0.917,
    # cross-script 0.750, follow-up 0.875.
    "dev6": {
        "hybrid_hit@1": 0.59, "hybrid_hit@5": 0.93,
        "answerable_accuracy": 0.86, "refusal_accuracy": 0.82, "chat_accuracy": 1.0,
        "kind:factual": 0.85, "kind:paraphrase": 0.65, "kind:list": 0.74, "kind:article": 0.93,
        "kind:multipart": 0.83, "kind:cross_script": 0.87, "kind:followup": 0.75,
    },
    # dev7 (two e-paper pages, two GBK portal pages, a two-column PDF page and a PDF report, Word
    # bulletin and exchange material with tables, two Big5 wire reprints, two Markdown client pages;
    # measured held out at 2026-12-02 03:38 UTC: answerable 0.735, refused 0.794, chat 0.250; now,
    # 04:36 UTC, after this session's rules, its failures read): hybrid hit@1 0.706, hit@5 0.931;
    # answerable 0.833, refused 0.941, chat 1.000; factual 1.000, paraphrase 0.615, list 0.917,
    # article 0.938, multipart 0.750, cross-script 1.000, follow-up 0.750. Again at 08:52 UTC (stop 25):
    # hybrid hit@1 0.696 (one first hit moved when its e-paper page got its headline as title),
    # answerable 0.882, refused 0.941; paraphrase 0.692, article 1.000, multipart 0.833, follow-up 0.875.
    "dev7": {
        "hybrid_hit@1": 0.68, "hybrid_hit@5": 0.91,
        "answerable_accuracy": 0.87, "refusal_accuracy": 0.91, "chat_accuracy": 1.0,
        "kind:factual": 0.9, "kind:paraphrase": 0.61, "kind:list": 0.83, "kind:article": 0.93,
        "kind:multipart": 0.83, "kind:cross_script": 0.87, "kind:followup": 0.75,
    },
    # dev8 (an e-paper page, a GBK portal work summary and a GBK evening-paper page, two Big5 pages,
    # a two-column PDF page and a two-page PDF report, a Word bulletin, a WeChat post, a provincial
    # portal reprint, a BOM .txt from a government site, a Markdown news client; measured held out at
    # 2026-12-03 07:50 UTC on b81b298: answerable 0.775, refused 0.882, chat 1.000; now, 08:26 UTC,
    # after this session's rules, its failures read): hybrid hit@1 0.686, hit@5 0.941; answerable
    # 0.843, refused 0.971, chat 1.000; factual 0.950, paraphrase 0.615, list 0.833, article 0.938,
    # multipart 0.917, cross-script 1.000, follow-up 0.875.
    # Again at stop 30 (2026-12-03 10:42 UTC, c802220): answerable 0.882, refused 0.971; factual
    # 1.000, paraphrase 0.692, follow-up 1.000.
    # Again at stop 32 (2026-12-03 16:40 UTC, a5302cf): answerable 0.902, multipart 1.000.
    "dev8": {
        "hybrid_hit@1": 0.65, "hybrid_hit@5": 0.92,
        "answerable_accuracy": 0.88, "refusal_accuracy": 0.94, "chat_accuracy": 1.0,
        "kind:factual": 0.95, "kind:paraphrase": 0.65, "kind:list": 0.8, "kind:article": 0.9,
        "kind:multipart": 0.95, "kind:cross_script": 0.87, "kind:followup": 0.87,
    },
    # dev9 (a GBK portal page with its disclosure table, a Big5 reprint, a two-column PDF evening
    # paper, Word bulletin and exchange material with tables, a WeChat post, a wire reprint, a
    # GB18030 notice, a Markdown client page, a PDF report, a provincial reprint, a GBK evening
    # paper; measured held out at 2026-12-03 09:40 UTC on a2572a2: answerable 0.814, refused 0.706,
    # paraphrase 0.538, follow-up 0.625; after stop 30's rules, its failures read, 10:42 UTC on
    # c802220): hybrid hit@1 0.706, hit@5 0.931; answerable 0.882, refused 0.941, chat 1.000;
    # factual 1.000, paraphrase 0.654, list 0.917, article 1.000, multipart 1.000, cross-script
    # 1.000, follow-up 0.750.
    # Again at stop 31 (2026-12-03 13:41 UTC): answerable 0.902, follow-up 0.875.
    "dev9": {
        "hybrid_hit@1": 0.68, "hybrid_hit@5": 0.91,
        "answerable_accuracy": 0.88, "refusal_accuracy": 0.91, "chat_accuracy": 1.0,
        "kind:factual": 0.95, "kind:paraphrase": 0.61, "kind:list": 0.83, "kind:article": 0.93,
        "kind:multipart": 0.91, "kind:cross_script": 0.87, "kind:followup": 0.87,
    },
    # dev10 (a city daily's digital-paper page, a Big5 county reprint, a two-column PDF e-paper
    # page, Word exchange material and a Word bulletin with tables, a Markdown client page, a
    # GB18030 work-plan notice, a GBK portal work summary, a WeChat post, a two-page PDF report with
    # a bordered-cell table, a wire reprint, a Big5 evening paper; measured held out at 2026-12-03
    # 12:42 UTC on b1f5185: answerable 0.676, refused 0.676, chat 0.250, paraphrase 0.385; after stop
    # 31's rules, its failures read, 14:16 UTC on be3c0d8): hybrid hit@1 0.696, hit@5 0.951;
    # answerable 0.814, refused 0.971, chat 1.000; factual 1.000, paraphrase 0.423, list 0.917,
    # article 1.000, multipart 0.917, cross-script 1.000, follow-up 0.750.
    # Again at stop 32 (2026-12-03 16:40 UTC): hybrid hit@1 0.725, hit@5 0.961, answerable 0.824,
    # paraphrase 0.462.
    "dev10": {
        "hybrid_hit@1": 0.70, "hybrid_hit@5": 0.94,
        "answerable_accuracy": 0.80, "refusal_accuracy": 0.94, "chat_accuracy": 1.0,
        "kind:factual": 0.95, "kind:paraphrase": 0.42, "kind:list": 0.87, "kind:article": 0.93,
        "kind:multipart": 0.87, "kind:cross_script": 0.87, "kind:followup": 0.74,
    },
    # dev11 (a provincial portal reprint, a GBK county 政务公开 page, a three-column PDF e-paper
    # page, a Word 述职报告 with a table, a Big5 Hong Kong reprint of a 中通社 story, a WeChat post as
    # text, a GB18030 组工网 page, a GBK Markdown app page, a two-page PDF report with a bordered
    # table, a Word bulletin with a table, a 中新网 wire reprint, a Big5 evening paper; measured held
    # out at 2026-12-03 15:55 UTC on ed9697f: answerable 0.755, refused 0.794, chat 1.000, paraphrase
    # 0.423; after stop 32's rules, its failures read, 17:05 UTC on 4e6c094): hybrid hit@1 0.745,
    # hit@5 0.971; answerable 0.833, refused 0.941, chat 1.000; factual 1.000, paraphrase 0.500,
    # list 0.917, article 1.000, multipart 0.917, cross-script 1.000, follow-up 0.750.
    "dev11": {
        "hybrid_hit@1": 0.72, "hybrid_hit@5": 0.95,
        "answerable_accuracy": 0.80, "refusal_accuracy": 0.91, "chat_accuracy": 1.0,
        "kind:factual": 0.95, "kind:paraphrase": 0.46, "kind:list": 0.87, "kind:article": 0.93,
        "kind:multipart": 0.87, "kind:cross_script": 0.95, "kind:followup": 0.74,
    },
    # dev12 (a 公示 name list, a TV transcript, a Q&A interview, a Macau Big5 reprint, a
    # traditional-script WeChat repost, PDF reports and e-paper pages, Word files; held out at
    # 2026-12-03 17:57 UTC on 543fbf7: answerable 0.725, refused 0.882, chat 1.000, paraphrase 0.385;
    # after stop 33's rules, its failures read, 19:09 UTC on 543a213): hybrid hit@1 0.667, hit@5
    # 0.931; answerable 0.784, refused 1.000, chat 1.000; factual 1.000, paraphrase 0.423, list
    # 0.917, article 0.812, multipart 0.917, cross-script 1.000, follow-up 0.750.
    "dev12": {
        "hybrid_hit@1": 0.64, "hybrid_hit@5": 0.91,
        "answerable_accuracy": 0.76, "refusal_accuracy": 0.94, "chat_accuracy": 1.0,
        "kind:factual": 0.95, "kind:paraphrase": 0.38, "kind:list": 0.83, "kind:article": 0.75,
        "kind:multipart": 0.83, "kind:cross_script": 0.87, "kind:followup": 0.62,
    },
}


@pytest.fixture(scope="module")
def sets():
    return load_sets()


@pytest.fixture(scope="module")
def reports(engine, e2e_config, sets):
    bundled = run_set(engine, sets["bundled"], ("bm25", "dense", "hybrid"))
    news = run_set(open_set_engine(e2e_config, sets["news"], embedder=engine.embedder), sets["news"])
    fresh = run_set(open_set_engine(e2e_config, sets["fresh"], embedder=engine.embedder), sets["fresh"])
    blind = run_set(open_set_engine(e2e_config, sets["blind"], embedder=engine.embedder), sets["blind"])
    dev2 = run_set(open_set_engine(e2e_config, sets["dev2"], embedder=engine.embedder), sets["dev2"])
    dev3 = run_set(open_set_engine(e2e_config, sets["dev3"], embedder=engine.embedder), sets["dev3"])
    dev4 = run_set(open_set_engine(e2e_config, sets["dev4"], embedder=engine.embedder), sets["dev4"])
    dev5 = run_set(open_set_engine(e2e_config, sets["dev5"], embedder=engine.embedder), sets["dev5"])
    dev6 = run_set(open_set_engine(e2e_config, sets["dev6"], embedder=engine.embedder), sets["dev6"])
    dev7 = run_set(open_set_engine(e2e_config, sets["dev7"], embedder=engine.embedder), sets["dev7"])
    dev8 = run_set(open_set_engine(e2e_config, sets["dev8"], embedder=engine.embedder), sets["dev8"])
    dev9 = run_set(open_set_engine(e2e_config, sets["dev9"], embedder=engine.embedder), sets["dev9"])
    dev10 = run_set(open_set_engine(e2e_config, sets["dev10"], embedder=engine.embedder), sets["dev10"])
    dev11 = run_set(open_set_engine(e2e_config, sets["dev11"], embedder=engine.embedder), sets["dev11"])
    dev12 = run_set(open_set_engine(e2e_config, sets["dev12"], embedder=engine.embedder), sets["dev12"])
    return {"bundled": bundled, "news": news, "fresh": fresh, "blind": blind, "dev2": dev2, "dev3": dev3,
            "dev4": dev4, "dev5": dev5, "dev6": dev6, "dev7": dev7, "dev8": dev8, "dev9": dev9, "dev10": dev10,
            "dev11": dev11, "dev12": dev12}


def test_report_shape(reports, tmp_path):
    report = reports["bundled"]
    assert report["questions"] >= 120
    assert set(report["retrieval"]) == {"bm25", "dense", "hybrid"}
    assert {"factual", "paraphrase", "followup", "traditional"} <= set(report["retrieval"]["hybrid"])
    assert reports["news"]["questions"] >= 200
    assert reports["fresh"]["questions"] >= 200
    assert reports["blind"]["questions"] >= 130
    assert reports["dev2"]["questions"] >= 130
    assert reports["dev3"]["questions"] >= 130
    assert reports["dev4"]["questions"] >= 130
    assert reports["dev5"]["questions"] >= 130
    assert reports["dev6"]["questions"] >= 130
    assert reports["dev7"]["questions"] >= 130
    assert reports["dev8"]["questions"] >= 130
    assert reports["dev9"]["questions"] >= 130
    assert reports["dev10"]["questions"] >= 130
    assert reports["dev11"]["questions"] >= 130
    assert reports["dev12"]["questions"] >= 130
    for rep in reports.values():
        text = format_report(rep)
        assert "hybrid hit@1" in text and "unanswerable refused" in text and "confidence curve" in text
        curve = rep["curve"]
        assert curve[0]["threshold"] == 0.0 and curve[-1]["threshold"] == 1.0
        assert all(a["coverage"] >= b["coverage"] for a, b in zip(curve, curve[1:]))
        assert all(a["refusal"] <= b["refusal"] for a, b in zip(curve, curve[1:]))
        (tmp_path / f"{rep['set']}.json").write_text(json.dumps(rep, ensure_ascii=False))


def test_hybrid_beats_both_parts(reports):
    r = reports["bundled"]["retrieval"]
    for metric in ("hit@1", "hit@5"):
        assert r["hybrid"]["all"][metric] >= r["bm25"]["all"][metric], metric
        assert r["hybrid"]["all"][metric] >= r["dense"]["all"][metric], metric
    assert r["hybrid"]["all"]["hit@1"] > max(r["bm25"]["all"]["hit@1"], r["dense"]["all"]["hit@1"])


def _measured(report: dict) -> dict:
    hybrid = report["retrieval"]["hybrid"]["all"]
    answers = report["answers"]
    out = {"hybrid_hit@1": hybrid["hit@1"], "hybrid_hit@5": hybrid["hit@5"]}
    out.update({k: answers["all"][k] for k in ("answerable_accuracy", "refusal_accuracy", "chat_accuracy")})
    out.update({f"kind:{k}": v["accuracy"] for k, v in answers.items() if k != "all"})
    return out


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floors(reports, name):
    measured = _measured(reports[name])
    low = {k: (measured.get(k), floor) for k, floor in FLOORS[name].items()
           if measured.get(k) is None or measured[k] < floor}
    assert not low, f"{name}: below floor (measured, floor): {low}"


def test_no_greeting_or_thanks_is_answered_from_the_articles(reports):
    chats = [row for name in ("news", "fresh", "blind", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9",
                                 "dev10", "dev11", "dev12")
             for row in reports[name]["items"] if row["kind"] == "chitchat"]
    assert chats
    assert all(row["mode"] == "chat" and not row["citations"] for row in chats), chats
