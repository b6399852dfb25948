"""Plain-text tables of an evaluation report: retrieval by kind, answers by kind, the curve."""

from __future__ import annotations


def _cell(value, width: int = 9) -> str:
    return f"{value:>{width}.3f}" if isinstance(value, float) else f"{'-':>{width}}"


def format_report(report: dict) -> str:
    """The tables of one set's report."""
    lines = [f"labelled set: {report['set']} ({report['questions']} questions) {report.get('about', '')}".rstrip()]
    names = list(report["retrieval"])
    if names:
        lines += ["", "retrieval (answerable questions; a hit is one passage holding every key)"]
        kinds = list(report["retrieval"][names[0]])
        cols = [(n, m) for n in names for m in ("hit@1", "hit@5", "mrr@10")]
        lines.append(f"{'kind':<13}{'n':>4}  " + "  ".join(f"{n + ' ' + m:>14}" for n, m in cols))
        for kind in kinds:
            first = report["retrieval"][names[0]][kind]
            cells = "  ".join(f"{report['retrieval'][n][kind][m]:>14.3f}" for n, m in cols)
            lines.append(f"{kind:<13}{first['n']:>4}  {cells}")
    answers = report["answers"]
    overall = answers["all"]
    lines += ["", "answers (accuracy: the fact stated with a citation holding it / a refusal / a chat reply)",
              f"{'kind':<13}{'n':>4}  {'accuracy':>9}  {'answered':>9}"]
    for kind, s in answers.items():
        if kind != "all":
            lines.append(f"{kind:<13}{s['n']:>4}  {_cell(s['accuracy'])}  {_cell(s['answered'])}")
    lines.append(f"{'all':<13}{overall['n']:>4}  {_cell(overall['accuracy'])}")
    lines.append(f"answerable accuracy {_cell(overall['answerable_accuracy'], 0)}   "
                 f"states the fact {_cell(overall.get('states_fact'), 0)}   "
                 f"unanswerable refused {_cell(overall['refusal_accuracy'], 0)}   "
                 f"chit-chat handled {_cell(overall['chat_accuracy'], 0)}")
    curve = report.get("curve") or []
    if curve:
        lines += ["", "confidence curve (answers kept only at confidence ≥ threshold)",
                  f"{'threshold':>9}  {'coverage':>9}  {'precision':>9}  {'refusal':>9}"]
        for point in curve[::2]:
            lines.append(f"{point['threshold']:>9.2f}  {point['coverage']:>9.3f}  {point['precision']:>9.3f}  "
                         f"{point['refusal']:>9.3f}")
    return "\n".join(lines)
