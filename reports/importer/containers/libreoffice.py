"""Converting an old Office file through LibreOffice (soffice --headless), when installed.

LibreOffice reads .doc/.wps and .xls/.et with their numbering, tables and merged cells, so
a converted .docx/.xlsx goes through the same readers as one saved by Word or Excel. Each
conversion has its own throw-away profile (a running LibreOffice or a second conversion
would otherwise lock it) and a time limit. The source is copied under a neutral name with
the extension of its real format: LibreOffice picks its import filter by extension, and a
WPS ".wps" is a Word 97 file, not a Works one.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from models.messages import Message, msg

from ...pdf import soffice_env
from ...soffice import find_soffice

TIMEOUT_S = 90


class ConversionFailed(RuntimeError):
    def __init__(self, reason: Message):
        super().__init__(str(reason))
        self.reason = reason


def available() -> bool:
    return find_soffice() is not None


def convert(source: Path, source_ext: str, target_ext: str, workdir: Path, timeout: float = TIMEOUT_S) -> Path:
    """Convert ``source`` (read as ``source_ext``) to ``target_ext`` inside ``workdir``."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionFailed(msg("common.text", text="LibreOffice"))
    workdir.mkdir(parents=True, exist_ok=True)
    original = workdir / f"source.{source_ext}"
    shutil.copyfile(source, original)
    outdir = workdir / "out"
    cmd = [soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless",
           "--norestore", "--nologo", "--nodefault", "--nolockcheck",
           "--convert-to", target_ext, "--outdir", str(outdir), str(original)]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                              env=soffice_env(), check=False)
    except subprocess.TimeoutExpired:
        raise ConversionFailed(msg("container.libreoffice_timeout", seconds=int(timeout))) from None
    except OSError as error:
        raise ConversionFailed(msg("common.text", text=error.strerror or str(error))) from None
    produced = outdir / f"source.{target_ext}"
    if proc.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
        raise ConversionFailed(msg("container.libreoffice_error", code=proc.returncode))
    return produced
