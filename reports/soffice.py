"""Where LibreOffice's soffice is: a PATH lookup and the usual places, nothing imported or
run, so the window can ask at start-up whether PDF output is possible."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

_CANDIDATES = {
    "win32": [r"C:\Program Files\LibreOffice\program\soffice.exe",
              r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"],
    "darwin": ["/Applications/LibreOffice.app/Contents/MacOS/soffice"],
}


def find_soffice() -> str | None:
    """The soffice executable: $PLANDESK_SOFFICE, then PATH, then the usual places."""
    env = os.environ.get("PLANDESK_SOFFICE")
    if env and Path(env).exists():
        return env
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _CANDIDATES.get(sys.platform, []):
        if Path(candidate).exists():
            return candidate
    return None


def available() -> bool:
    return find_soffice() is not None
