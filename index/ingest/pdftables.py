"""Ruled tables of a PDF page: grids of thin lines whose cells are read row by row.

Without this, a table is read column by column (each column is a block of one width) and the
heading after it can be pulled into its middle. Lines inside a grid leave the reading flow and
come back as one block with one line per row, cells joined by `` | ``. Cells drawn as bordered
rectangles count as their four edges. Tables ruled with horizontal lines only (三线表) are not
detected.
"""

from __future__ import annotations

import bisect
import statistics
from collections.abc import Sequence

from index.ingest.pagelayout import Line, join_lines

CELL_SEPARATOR = " | "
_THIN = 2.5
_MIN_H_RULE = 20.0
_MIN_V_RULE = 8.0
_TOL = 2.0
_MAX_RULES = 1500  # pages drawn with thousands of paths (maps, charts) are not searched


Box = tuple[float, float, float, float]


def rules_of(page) -> tuple[list[Box], list[Box]]:
    """Boxes ``(x0, top, x1, bottom)`` of a pypdfium2 page's path objects (top-left origin), and
    apart from them the stroked rectangles (table cells drawn with their border, as Word, WPS
    and report tools do), which ``find_tables`` reads as their four edges."""
    import pypdfium2.raw as raw

    height = page.get_height()
    rules: list[Box] = []
    boxes: list[Box] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=5):
        left, bottom, right, top = obj.get_bounds()
        box = (left, height - top, right, height - bottom)
        if box[2] - box[0] > _THIN and box[3] - box[1] > _THIN and _stroked_rectangle(obj, raw):
            boxes.append(box)
        else:
            rules.append(box)
        if len(rules) + 4 * len(boxes) > _MAX_RULES:
            return [], []
    return rules, boxes


def box_edges(box: Box) -> list[Box]:
    """The four edges of a rectangle as boxes of no thickness."""
    x0, y0, x1, y1 = box
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


def _stroked_rectangle(obj, raw) -> bool:
    """True for a path that is a stroked outline of four straight sides (a cell border), not a
    filled shape, a curve or a drawing."""
    import ctypes

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not raw.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)) or not stroke.value:
        return False
    count = raw.FPDFPath_CountSegments(obj.raw)
    if count not in (4, 5):
        return False
    kinds = [raw.FPDFPathSegment_GetType(raw.FPDFPath_GetPathSegment(obj.raw, k)) for k in range(count)]
    return kinds[0] == raw.FPDF_SEGMENT_MOVETO and all(k == raw.FPDF_SEGMENT_LINETO for k in kinds[1:])


def find_tables(rules: Sequence[Box], boxes: Sequence[Box] = ()) -> list[tuple[list[float], list[float]]]:
    """Grids of connected thin rules and box edges: ``(column x positions, row y positions)`` per table."""
    lines = [(r, False) for r in rules] + [(e, True) for box in boxes for e in box_edges(box)]
    hs = [(r, edge) for r, edge in lines if r[3] - r[1] <= _THIN and r[2] - r[0] >= _MIN_H_RULE]
    vs = [(r, edge) for r, edge in lines if r[2] - r[0] <= _THIN and r[3] - r[1] >= _MIN_V_RULE]
    segs = [r for r, _ in hs + vs]
    from_box = [edge for _, edge in hs + vs]
    parent = list(range(len(segs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(segs):
        for j in range(i + 1, len(segs)):
            b = segs[j]
            if a[0] - _TOL <= b[2] and b[0] - _TOL <= a[2] and a[1] - _TOL <= b[3] and b[1] - _TOL <= a[3]:
                parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(segs)):
        groups.setdefault(find(i), []).append(i)
    tables = []
    for members in groups.values():
        xs = _distinct((segs[i][0] + segs[i][2]) / 2 for i in members if i >= len(hs))
        ys = _distinct((segs[i][1] + segs[i][3]) / 2 for i in members if i < len(hs))
        # A grid made only of boxes' edges is a table when it has two rows and two columns of
        # cells at least: one box alone frames a side note, not a table.
        least = 3 if all(from_box[i] for i in members) else 2
        if len(xs) >= least and len(ys) >= least:
            tables.append((xs, ys))
    return tables


def _distinct(values) -> list[float]:
    """Sorted values with near-duplicates (within the tolerance) merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _TOL:
            out.append(v)
    return out


def take_tables(lines: list[Line], tables) -> tuple[list[Line], list[list[Line]]]:
    """Move the lines inside each table out of ``lines``: the rest, and one list of row lines per table."""
    rest, out = list(lines), []
    for xs, ys in tables:
        cells: dict[tuple[int, int], list[Line]] = {}
        keep = []
        for ln in rest:
            cx, cy = ln.x0 + min(2.0, (ln.x1 - ln.x0) / 2), (ln.top + ln.bottom) / 2
            if xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]:
                cells.setdefault((bisect.bisect(ys, cy) - 1, bisect.bisect(xs, cx) - 1), []).append(ln)
            else:
                keep.append(ln)
        if not cells:
            continue
        rest = keep
        size = statistics.median(ln.size for group in cells.values() for ln in group)
        rows = []
        for r in range(len(ys) - 1):
            texts = [join_lines([ln.text for ln in sorted(cells.get((r, c), []), key=lambda ln: (ln.top, ln.x0))])
                     for c in range(len(xs) - 1)]
            if any(texts):
                rows.append(Line(xs[0], ys[r], xs[-1], ys[r + 1], CELL_SEPARATOR.join(t for t in texts if t), size))
        out.append(rows)
    return rest, out
