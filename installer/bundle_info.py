"""Facts the build needs: the version, and the CJK font shipped for the charts."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A free CJK face with a compact file, shipped so charts draw Chinese on a machine whose
# fonts matplotlib cannot use (the Qt window uses the system's fonts).
_CHART_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


def _version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version\s*=\s*"([^"]+)"', text, re.M).group(1)


VERSION = _version()


def font_files() -> list[Path]:
    for name in _CHART_FONTS:
        if Path(name).exists():
            return [Path(name)]
    return []
