#!/usr/bin/env python3
"""Bootstrap and run PlanDesk from a fresh checkout, with nothing but python3.

    python3 dev.py run      # the application on a fresh demo workspace
    python3 dev.py test     # the whole test suite
    python3 dev.py lint     # ruff and mypy (configured in pyproject.toml)
    python3 dev.py bench    # the benchmarks (timings for large synthetic plans)
    python3 dev.py build [--smoke]  # the self-contained folder dist/PlanDesk/ (+ .deb / installer)
    python3 dev.py test-oldest      # the suite once more on the oldest supported PySide6

It creates .venv/, installs the pinned dependencies from pyproject.toml, and on Debian or
Ubuntu installs the system packages it lacks (Qt runtime libraries, CJK fonts, LibreOffice,
Xvfb) with apt-get when it may (as root or with password-less sudo).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# Debian package → a file that shows it is installed.
APT_PACKAGES = {
    "python3-venv": None,
    "libegl1": "/usr/lib/x86_64-linux-gnu/libEGL.so.1",
    "libgl1": "/usr/lib/x86_64-linux-gnu/libGL.so.1",
    "libxkbcommon0": "/usr/lib/x86_64-linux-gnu/libxkbcommon.so.0",
    "libxkbcommon-x11-0": "/usr/lib/x86_64-linux-gnu/libxkbcommon-x11.so.0",
    "libfontconfig1": "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1",
    "libdbus-1-3": "/usr/lib/x86_64-linux-gnu/libdbus-1.so.3",
    "libglib2.0-0": "/usr/lib/x86_64-linux-gnu/libglib-2.0.so.0",
    "libxcb-cursor0": "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0",
    "libxcb-icccm4": "/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4",
    "libxcb-keysyms1": "/usr/lib/x86_64-linux-gnu/libxcb-keysyms.so.1",
    "libxcb-shape0": "/usr/lib/x86_64-linux-gnu/libxcb-shape.so.0",
    "libxcb-randr0": "/usr/lib/x86_64-linux-gnu/libxcb-randr.so.0",
    "libxcb-render-util0": "/usr/lib/x86_64-linux-gnu/libxcb-render-util.so.0",
    "libxcb-image0": "/usr/lib/x86_64-linux-gnu/libxcb-image.so.0",
    "libxcb-xinerama0": "/usr/lib/x86_64-linux-gnu/libxcb-xinerama.so.0",
    "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    # free look-alikes the previews map the official 楷/黑 faces to (reports/fontmap.py)
    "fonts-arphic-ukai": "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "fonts-wqy-zenhei": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
}
BUILD_APT_PACKAGES = {
    "fonts-wqy-microhei": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",   # shipped for charts
    "binutils": "/usr/bin/objdump",                                           # PyInstaller reads ELF
}
# The oldest PySide6 the domestic desktops (glibc 2.28) can run; pyproject.toml's range starts here.
OLDEST_PYSIDE = "PySide6-Essentials==6.9.3"
TEST_APT_PACKAGES = {
    "libreoffice-writer-nogui": "/usr/lib/libreoffice/program/libswdlo.so",
    "libreoffice-calc-nogui": "/usr/lib/libreoffice/program/libscdlo.so",
    "poppler-utils": "/usr/bin/pdftoppm",
    "xvfb": "/usr/bin/Xvfb",
}


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def apt_install(wanted: dict) -> None:
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    missing = [pkg for pkg, probe in wanted.items()
               if (probe and not Path(probe).exists())
               or (pkg == "python3-venv" and not _has_ensurepip())]
    if not missing:
        return
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None or (prefix and subprocess.run(prefix + ["true"], capture_output=True).returncode):
        say("missing system packages (install them, then run again): " + " ".join(missing))
        return
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(prefix + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                   check=True, env=env)


def _has_ensurepip() -> bool:
    try:
        import ensurepip  # noqa: F401
        return True
    except ImportError:
        return False


# the OCR extra too, so that the tests recognise the real scan (about 400 MB installed)
def ensure_venv(extras: str = "test,ocr", venv_dir: Path = VENV, pins: tuple[str, ...] = ()) -> Path:
    """The virtual environment with the project installed; returns its python."""
    py = venv_dir / PY.relative_to(VENV)
    stamp = venv_dir / ".installed"
    spec = (ROOT / "pyproject.toml").read_bytes() + repr((extras, pins)).encode()
    if stamp.exists() and stamp.read_bytes() == spec and py.exists():
        return py
    if not py.exists():
        say(f"creating {venv_dir.name}")
        venv.EnvBuilder(with_pip=True).create(venv_dir)
    say(f"installing Python packages from pyproject.toml into {venv_dir.name}")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-e", f".[{extras}]", *pins], cwd=ROOT, check=True)
    stamp.write_bytes(spec)
    return py


def run_tests(py: Path, rest: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.call([str(py), "-m", "pytest", "-n", "2", "-q", *rest], cwd=ROOT, env=env)


def _run_echoing(cmd: list[str], env: dict) -> tuple[int, list[str]]:
    """Run a benchmark, printing its lines as they come; return its status and lines."""
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    lines = []
    for line in proc.stdout:
        print(line, end="", flush=True)
        lines.append(line)
    return proc.wait(), lines


def _goal(line: str):
    """(name, excess, 0) from `ratio NAME: X (goal Y)` or `ms NAME: X (goal Y)` (at most Y),
    or `rate NAME: X (goal >= Y)` (at least Y): the goal is missed when excess > 0."""
    import re
    m = re.match(r"\s*(ratio|ms|rate) ([\w.-]+): ([\d.]+)\b.*\(goal\s*(>=|≥)?\s*([\d.]+)", line)
    if not m:
        return None
    value, goal = float(m.group(3)), float(m.group(5))
    return (m.group(2), goal - value if m.group(4) else value - goal, 0.0)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    if command == "run":
        apt_install(APT_PACKAGES)
        ensure_venv()
        return subprocess.call([str(PY), "main.py", "--demo", *rest], cwd=ROOT)
    if command == "test":
        apt_install({**APT_PACKAGES, **TEST_APT_PACKAGES})
        return run_tests(ensure_venv(), rest)
    if command == "lint":
        ensure_venv()
        ruff = subprocess.call([str(BIN / "ruff"), "check", ".", *rest], cwd=ROOT)
        mypy = subprocess.call([str(BIN / "mypy")], cwd=ROOT)
        return 1 if ruff or mypy else 0
    if command == "test-oldest":
        apt_install({**APT_PACKAGES, **TEST_APT_PACKAGES})
        return run_tests(ensure_venv(venv_dir=ROOT / ".venv-oldest", pins=(OLDEST_PYSIDE,)), rest)
    if command == "build":
        apt_install({**APT_PACKAGES, **BUILD_APT_PACKAGES})
        py = ensure_venv("test,build")
        return subprocess.call([str(py), str(ROOT / "installer" / "build.py"), *rest], cwd=ROOT)
    if command == "bench":
        apt_install(APT_PACKAGES)
        ensure_venv()
        status, goals = 0, []
        # The benchmarks build large workspaces in the temp folder: give them one to drop.
        with tempfile.TemporaryDirectory(prefix="plandesk-bench-") as tmp:
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=tmp)
            for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
                say(f"== {script.name}")
                code, lines = _run_echoing([str(PY), str(script), *rest], env)
                status |= code
                goals += [g for g in map(_goal, lines) if g]
        over = [name for name, value, goal in goals if value > goal]
        print(f"bench: {len(goals)} goals, {len(over)} over" + (f" ({', '.join(over)})" if over else ""))
        return status
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
