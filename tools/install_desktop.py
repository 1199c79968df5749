"""Install PlanDesk as a desktop application for the current user on Linux: a menu entry
and the .plandesk file type, so a double-click on a workspace opens it.

    python3 tools/install_desktop.py            # ~/.local/share/applications, mime/packages
    python3 tools/install_desktop.py --remove

The entry and the file type are the ones the .deb package installs (installer/linux); here
the entry starts this checkout's main.py with the Python running this script (use the
project's .venv/bin/python) and shows the icon from the checkout. The desktop's caches are
refreshed when the freedesktop tools (update-desktop-database, update-mime-database,
xdg-mime) are installed.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "installer" / "linux"
DESKTOP_NAME = "plandesk.desktop"
MIME_NAME = "plandesk-mime.xml"
MIME_TYPE = "application/x-plandesk"


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def desktop_entry(python: str, main: Path) -> str:
    text = (SOURCE / DESKTOP_NAME).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={python} {main} %f", text)
    return re.sub(r"(?m)^Icon=.*$", lambda _: f"Icon={SOURCE / 'plandesk.svg'}", text)


def _run(*cmd: str) -> None:
    if shutil.which(cmd[0]):
        subprocess.run(cmd, check=False, capture_output=True)


def install(home: Path, python: str = sys.executable) -> list[Path]:
    apps, mime = home / "applications", home / "mime" / "packages"
    apps.mkdir(parents=True, exist_ok=True)
    mime.mkdir(parents=True, exist_ok=True)
    entry = apps / DESKTOP_NAME
    entry.write_text(desktop_entry(python, ROOT / "main.py"), encoding="utf-8")
    types = mime / MIME_NAME
    shutil.copyfile(SOURCE / MIME_NAME, types)
    _run("update-desktop-database", str(apps))
    _run("update-mime-database", str(home / "mime"))
    _run("xdg-mime", "default", DESKTOP_NAME, MIME_TYPE)
    return [entry, types]


def remove(home: Path) -> None:
    for path in (home / "applications" / DESKTOP_NAME, home / "mime" / "packages" / MIME_NAME):
        path.unlink(missing_ok=True)
    _run("update-desktop-database", str(home / "applications"))
    _run("update-mime-database", str(home / "mime"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true")
    args = parser.parse_args(argv)
    if args.remove:
        remove(data_home())
    else:
        for path in install(data_home()):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
