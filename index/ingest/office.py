"""Word documents: .docx with python-docx; .doc and .wps through a converter found on the machine.

.docx: paragraphs in order, headings as their own lines, tables as one line per row with the
cells joined by `` | `` (merged cells once). .doc (Word 97–2003) and .wps (Kingsoft WPS, the
same binary format) are converted by the first tool found of ``antiword`` (Debian package
``antiword``, small and fast), ``catdoc``, LibreOffice ``soffice`` (best fidelity, slow) and
``wvText``; without any of them the file is skipped with an error naming the package to install.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from partyqa.errors import ReadError

CELL_SEPARATOR = " | "
DOC_CONVERTERS = ("antiword", "catdoc", "soffice", "wvText")
CONVERT_TIMEOUT_S = 120
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(path: Path, data: bytes) -> str:
    """The text of a .docx: one line per paragraph, heading or table row.

    Raises:
        ReadError: If the file is not a readable .docx.
    """
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(path, f"not a readable .docx ({exc})", user_message=f"{path.name}：Word 文件已损坏，无法读取") from None
    lines: list[str] = []
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            lines.extend(_table_rows(item))
        else:
            text = item.text.strip()
            if text:
                lines.append(text)
    return "\n".join(lines)


def _table_rows(table) -> list[str]:
    """A table as lines: cells of a row joined by :data:`CELL_SEPARATOR`, merged cells once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append(CELL_SEPARATOR.join(cells))
    return rows


def find_converter() -> str:
    """The first .doc/.wps converter installed (see :data:`DOC_CONVERTERS`), or ""."""
    for name in DOC_CONVERTERS:
        if shutil.which(name) or (name == "soffice" and shutil.which("libreoffice")):
            return name
    return ""


def read_doc(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a .doc or .wps file and the converter that read it.

    Raises:
        ReadError: If no converter is installed (the message names the Debian package), or
            the conversion fails.
    """
    tool = find_converter()
    if not tool:
        raise ReadError(
            path,
            "no .doc/.wps converter installed (looked for antiword, catdoc, soffice, wvText); "
            "install one, e.g. apt-get install antiword",
            user_message=f"{path.name}：服务器未安装 .doc/.wps 转换工具（antiword），无法读取，请另存为 .docx 或 PDF 后上传",
        )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.doc"
        src.write_bytes(data)
        try:
            if tool == "soffice":
                text = _soffice(src, Path(tmp))
            else:
                text = _run_text_tool(tool, src, Path(tmp))
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise ReadError(path, f"{tool} could not convert the file ({type(exc).__name__})",
                            user_message=f"{path.name}：文件无法转换，可能已损坏") from None
    return _normalize_rows(text), tool


def _run_text_tool(tool: str, src: Path, tmp: Path) -> str:
    """Run antiword, catdoc or wvText and return its UTF-8 text."""
    if tool == "wvText":
        out = tmp / "out.txt"
        subprocess.run(["wvText", str(src), str(out)], check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
        return out.read_text("utf-8", "replace")
    command = {"antiword": ["antiword", "-m", "UTF-8.txt", "-w", "0", str(src)],
               "catdoc": ["catdoc", "-d", "utf-8", "-w", str(src)]}[tool]
    done = subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    return done.stdout.decode("utf-8", "replace")


def _soffice(src: Path, tmp: Path) -> str:
    """Convert with LibreOffice to .docx (own profile folder: parallel runs share no lock) and read it."""
    exe = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "docx",
                    "--outdir", str(tmp), str(src)], check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    out = tmp / "in.docx"
    return read_docx(out, out.read_bytes())


def _normalize_rows(text: str) -> str:
    """Table rows as ``a | b | c`` whatever the converter wrote (antiword ``|a |b |``, catdoc tabs, wvText BEL)."""
    out = []
    for line in text.replace("\x07\x07", "\n").replace("\x07", "\t").splitlines():
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            line = CELL_SEPARATOR.join(c.strip() for c in stripped.strip("|").split("|"))
        elif "\t" in line:
            line = CELL_SEPARATOR.join(c.strip() for c in line.split("\t") if c.strip())
        if line.strip():
            out.append(line.strip())
    return "\n".join(out)
