"""Progress of long work (index builds): the stages, their names, and how progress is shown.

A build calls ``progress(stage, done, total)``. On a terminal the CLI draws bars; anywhere
else (server logs, CI, a pipe) periodic lines are printed, so long runs never go silent.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

#: ``progress(stage, done, total)``: called by index builds as they advance.
Progress = Callable[[str, int, int], None]

#: Chinese labels of the build stages, shared by the CLI, the server log and the chat UI.
STAGE_LABELS = {"read": "读取文章", "embed": "生成向量", "index": "写入索引"}


def line_progress(stream: TextIO | None = None, every_s: float = 5.0, prefix: str = "[partyqa]") -> Progress:
    """A callback printing one line per stage start and end, and at most every ``every_s`` seconds.

    Args:
        stream: Where to print (default: standard error at call time).
        every_s: Least seconds between two lines of the same stage.
        prefix: Text before each line.
    """
    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done in (0, total) or now - last.get(stage, 0.0) >= every_s:
            last[stage] = now
            pct = f" ({100 * done // total}%)" if total else ""
            print(f"{prefix} {STAGE_LABELS.get(stage, stage)} {stage}: {done}/{total}{pct}",
                  file=stream or sys.stderr, flush=True)

    return progress


def terminal_progress() -> Progress:
    """Bars (tqdm) when standard error is a terminal, else :func:`line_progress`."""
    if not sys.stderr.isatty():
        return line_progress()
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def progress(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=STAGE_LABELS.get(stage, stage), unit="项",
                                     file=sys.stderr, leave=True)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return progress
