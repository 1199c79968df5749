"""PDF through LibreOffice (soffice --headless), for previews and page counting.

Each conversion runs with its own throw-away user profile: a clerk's running
LibreOffice (or a second conversion) would otherwise block or be blocked by the profile
lock.  Blank pages inserted by odd/even section starts are kept (IsSkipEmptyPages=false),
so page counts and parity are right.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from models.messages import PlanDeskError

from . import fontmap
from .atomic import atomic_path
from .soffice import find_soffice

PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


class PdfUnavailable(PlanDeskError, RuntimeError):
    """LibreOffice is not installed, or the conversion failed or timed out."""


def available() -> bool:
    return find_soffice() is not None


def convert_to_pdf(docx_path, pdf_path=None, timeout: float = 120) -> Path:
    """Convert `docx_path` to PDF (next to it unless `pdf_path`); returns the PDF path."""
    src = Path(docx_path)
    if not src.is_file():
        raise FileNotFoundError(src)
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(
            "未找到 LibreOffice（soffice），无法生成 PDF。请安装 LibreOffice，"
            "或设置环境变量 PLANDESK_SOFFICE 指向 soffice 程序。")
    dest = Path(pdf_path) if pdf_path else src.with_suffix(".pdf")
    dest.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="plandesk-lo-") as work:
        profile = Path(work, "profile").as_uri()
        outdir = Path(work, "out")
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", PDF_FILTER,
               "--outdir", str(outdir), str(src.resolve())]
        try:
            proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=timeout, env=_env(Path(work)))
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice 转换 PDF 超时（{timeout:g} 秒）：{src.name}") from exc
        produced = outdir / (src.stem + ".pdf")
        if proc.returncode != 0 or not produced.exists():
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()
            raise PdfUnavailable(f"LibreOffice 未能把 {src.name} 转换为 PDF：{detail[-300:] or proc.returncode}")
        with atomic_path(dest) as tmp:
            shutil.copyfile(produced, tmp)
    return dest


def _env(work: Path | None = None) -> dict:
    env = dict(os.environ)
    env.setdefault("HOME", tempfile.gettempdir())
    env.pop("SAL_USE_VCLPLUGIN", None)
    if work is not None:
        conf = fontmap.write_config(work)
        if conf is not None:
            env["FONTCONFIG_FILE"] = str(conf)   # for this soffice only, never the system's
    return env


soffice_env = _env   # for every other headless soffice run (importing old Office files)


_PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_COUNT_RE = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", re.S)


def page_count(pdf) -> int:
    """Number of pages of a PDF written by LibreOffice (no object streams)."""
    data = Path(pdf).read_bytes()
    counts = [int(m.group(1)) for m in _COUNT_RE.finditer(data)]
    if counts:
        return max(counts)
    return len(_PAGE_RE.findall(data))


def embedded_fonts(pdf) -> list[str]:
    """Base font names in the PDF (subset prefixes removed): shows font substitution."""
    data = Path(pdf).read_bytes()
    names = {re.sub(rb"^[A-Z]{6}\+", b"", m.group(1)).decode("latin-1")
             for m in re.finditer(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", data)}
    return sorted(names)


def font_note(pdf_path, requested=None):
    """The clerk's line saying which official faces the PDF drew with look-alikes, or
    None when every face was there (read from the fonts embedded in the PDF)."""
    from models.messages import msg

    pairs = fontmap.substitutions(embedded_fonts(pdf_path), requested)
    if not pairs:
        return None
    faces = "、".join(f"{official}→{used}" for official, used in pairs)
    return str(msg("docx.fonts_substituted", faces=faces))
