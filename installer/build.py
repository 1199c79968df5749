"""Build the self-contained PlanDesk folder (PyInstaller one-folder), check it, package it.

    python3 dev.py build            # dist/PlanDesk/ (+ the .deb on Linux, the installer on Windows)
    python3 dev.py build --smoke    # and run the frozen program through a clerk's first steps

Called by dev.py inside the project's virtual environment.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "PlanDesk"
sys.path.insert(0, str(HERE))

from bundle_info import VERSION  # noqa: E402


def say(text: str) -> None:
    print(f"[build] {text}", flush=True)


def executable(name: str = "PlanDesk") -> Path:
    return BUNDLE / (f"{name}.exe" if os.name == "nt" else name)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build() -> Path:
    work = ROOT / "build" / "pyinstaller"
    env = dict(os.environ)
    if os.name == "nt":
        env["PLANDESK_VERSION_FILE"] = str(write_version_file(work))
    say(f"PyInstaller, version {VERSION}")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(work), str(HERE / "plandesk.spec")],
                   cwd=ROOT, check=True, env=env)
    say(f"dist/PlanDesk: {folder_size(BUNDLE) / 2**20:.0f} MB in {time.monotonic() - started:.0f} s")
    return BUNDLE


def write_version_file(work: Path) -> Path:
    """The Windows version resource (file properties; antivirus programs look for it)."""
    parts = [int(p) for p in VERSION.split(".")[:3]] + [0]
    text = (HERE / "windows" / "version_info.txt").read_text(encoding="utf-8")
    text = text.replace("{VERSION_TUPLE}", ", ".join(map(str, parts[:4]))).replace("{VERSION}", VERSION)
    work.mkdir(parents=True, exist_ok=True)
    out = work / "version_info.txt"
    out.write_text(text, encoding="utf-8")
    return out


def windows_installer() -> Path | None:
    """The per-user installer (Inno Setup), when ISCC is installed on this Windows machine."""
    iscc = shutil.which("ISCC") or next((p for p in (
        Path(os.environ.get("ProgramFiles(x86)", "")) / "Inno Setup 6" / "ISCC.exe",
        Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6" / "ISCC.exe",
    ) if p.exists()), None)
    if not iscc:
        say("Inno Setup (ISCC) not found: dist/PlanDesk/ built, no installer")
        return None
    subprocess.run([str(iscc), f"/DAppVersion={VERSION}", f"/DBundle={BUNDLE}", f"/O{DIST}",
                    str(HERE / "windows" / "plandesk.iss")], check=True)
    return DIST / f"PlanDesk-{VERSION}-setup.exe"


def main(argv: list[str]) -> int:
    build()
    if sys.platform.startswith("linux"):
        from deb import build_deb
        say(f"package: {build_deb(BUNDLE, DIST, VERSION).name}")
    elif os.name == "nt":
        windows_installer()
    if "--smoke" in argv:
        from smoke import smoke
        return smoke(executable())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
