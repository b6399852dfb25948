"""OCR of scanned PDFs and photos with the real RapidOCR models (slow: seconds per page)."""

from __future__ import annotations

import io
import random

import pytest

from index.ingest.documents import read_document
from index.ingest.load import load_file
from tests.docmetrics import DOCS, char_accuracy, truth

pytestmark = pytest.mark.e2e


def _scan(name: str, crop: float = 1.0):
    """A page of a text PDF as a noisy, slightly rotated greyscale scan (PIL image)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    doc = pdfium.PdfDocument(str(DOCS / name))
    image = doc[0].render(scale=150 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    if crop < 1:
        image = image.crop((0, 0, image.width, int(image.height * crop)))
    image = image.rotate(1.2, expand=True, fillcolor=235, resample=Image.BICUBIC).filter(ImageFilter.GaussianBlur(0.6))
    rng = random.Random(3)
    noise = Image.frombytes("L", image.size, bytes(rng.randrange(0, 40) for _ in range(image.width * image.height)))
    return Image.eval(Image.blend(image, noise, 0.12), lambda v: min(255, v + 20))


def test_scanned_pdf_is_read_by_ocr(tmp_path):
    pytest.importorskip("rapidocr")
    scan = _scan("onecol.pdf", crop=0.45)
    path = tmp_path / "scan.pdf"
    scan.save(path, "PDF", resolution=150)  # a PDF without a text layer
    document = read_document(path, path.read_bytes())
    assert document.format == "pdf+ocr"
    expected = truth("onecol.pdf")["pages"][0][:-1]  # the crop leaves out the page footer
    assert char_accuracy(document.articles[0][0].text, "\n".join(expected)) >= 0.90


def test_photo_is_read_by_ocr(tmp_path):
    pytest.importorskip("rapidocr")
    buffer = io.BytesIO()
    _scan("twocol.pdf", crop=0.3).save(buffer, "JPEG", quality=60)
    path = tmp_path / "photo.jpg"
    path.write_bytes(buffer.getvalue())
    article = load_file(path)[0]
    assert article.encoding == "image+ocr" and article.pages[0].page == 1
    assert article.title == truth("twocol.pdf")["pages"][0][0]
