"""OCR of scanned pages and photos with RapidOCR (PP-OCR Chinese models shipped inside the wheel).

Nothing is downloaded at run time: the ``rapidocr`` wheel bundles its detection, direction
and recognition models (ONNX, run by onnxruntime). Boxes come back as :class:`Line` s; a slight
rotation of the scan is measured from the top edges of the wide boxes and undone before the
lines are ordered, so neighbouring lines of a tilted page do not mix.
"""

from __future__ import annotations

import math
import statistics
from functools import lru_cache
from pathlib import Path

from index.ingest.pagelayout import Line
from partyqa.errors import ReadError

_MIN_SKEW_BOX = 100


@lru_cache(maxsize=1)
def _engine():
    """The RapidOCR engine (models load once, a few seconds).

    The bundled model files are named explicitly: rapidocr downloads a model whenever the
    configured file is missing, so naming them makes a broken install fail instead of
    reaching for the network.
    """
    import logging

    import rapidocr
    from rapidocr import RapidOCR

    models = Path(rapidocr.__file__).parent / "models"
    engine = RapidOCR(params={
        "Global.log_level": "warning",
        "Det.model_path": str(models / "PP-OCRv6_det_small.onnx"),
        "Rec.model_path": str(models / "PP-OCRv6_rec_small.onnx"),
        "Cls.model_path": str(models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
    })
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return engine


def ocr_lines(image, path: Path | None = None) -> list[Line]:
    """Read the text lines of an image.

    Args:
        image: A PIL image (any mode).
        path: The file the image comes from (for error messages).

    Returns:
        The lines with boxes in deskewed pixel coordinates, in no particular order.

    Raises:
        ReadError: If the OCR engine is not installed.
    """
    import numpy as np

    try:
        engine = _engine()
    except ImportError:
        raise ReadError(path, "OCR is not installed (pip install rapidocr onnxruntime)",
                        user_message="无法识别扫描件：未安装文字识别组件 rapidocr") from None
    result = engine(np.asarray(image.convert("RGB")))
    if result.boxes is None or result.txts is None:
        return []
    quads = [[(float(x), float(y)) for x, y in box] for box in result.boxes]
    angles = [math.atan2(q[1][1] - q[0][1], q[1][0] - q[0][0]) for q in quads if q[1][0] - q[0][0] > _MIN_SKEW_BOX]
    angle = statistics.median(angles) if angles else 0.0
    cos, sin = math.cos(-angle), math.sin(-angle)
    lines = []
    for quad, text in zip(quads, result.txts):
        points = [(x * cos - y * sin, x * sin + y * cos) for x, y in quad]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        lines.append(Line(min(xs), min(ys), max(xs), max(ys), text, max(ys) - min(ys)))
    return lines


def read_image(path: Path, data: bytes):
    """OCR a photo or scan (.png/.jpg) into a :class:`~index.ingest.pdf.PdfPage` (number 1).

    Raises:
        ReadError: If the bytes are not an image or OCR is missing.
    """
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    from index.ingest.pdf import layout_page

    try:
        image = ImageOps.exif_transpose(Image.open(io.BytesIO(data)))
        image.load()
    except (UnidentifiedImageError, OSError) as exc:
        raise ReadError(path, f"not a readable image ({exc})", user_message=f"{path.name}：图片无法读取") from None
    return layout_page(1, ocr_lines(image, path), image.height, "ocr", 0.35)
