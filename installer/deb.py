"""A .deb laid out by the UOS/deepin store rules: everything under /opt/apps/<appid>/,
desktop entry, MIME type and icon in entries/, an `info` file, no maintainer scripts."""
from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

APP_ID = "cn.plandesk.ledger"
HERE = Path(__file__).resolve().parent


def build_deb(bundle: Path, dist: Path, version: str, arch: str = "amd64") -> Path:
    out = dist / f"{APP_ID}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="plandesk-deb-") as tmp:
        root = Path(tmp)
        app = root / "opt" / "apps" / APP_ID
        shutil.copytree(bundle, app / "files" / "PlanDesk", symlinks=True)
        entries = app / "entries"
        exec_path = f"/opt/apps/{APP_ID}/files/PlanDesk/PlanDesk"
        desktop = (HERE / "linux" / "plandesk.desktop").read_text(encoding="utf-8")
        desktop = desktop.replace("Exec=PlanDesk", f"Exec={exec_path}").replace("Icon=plandesk", f"Icon={APP_ID}")
        _write(entries / "applications" / f"{APP_ID}.desktop", desktop)
        _copy(HERE / "linux" / "plandesk-mime.xml", entries / "mime" / "packages" / f"{APP_ID}.xml")
        _copy(HERE / "linux" / "plandesk.svg", entries / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")
        info = {"appid": APP_ID, "name": "PlanDesk 规划台账", "version": version, "arch": [arch],
                "permissions": {"autostart": False, "notification": False, "trayicon": False,
                                "clipboard": True, "account": False, "bluetooth": False,
                                "camera": False, "audio_record": False, "installed_apps": False}}
        _write(app / "info", json.dumps(info, ensure_ascii=False, indent=2) + "\n")
        size_kb = sum(f.stat().st_size for f in app.rglob("*") if f.is_file()) // 1024
        control = (f"Package: {APP_ID}\nVersion: {version}\nArchitecture: {arch}\n"
                   "Maintainer: PlanDesk <plandesk@localhost>\nSection: office\nPriority: optional\n"
                   f"Installed-Size: {size_kb}\nDepends: libc6 (>= 2.28)\n"
                   "Description: PlanDesk 规划台账 — plans, tasks and responsibilities for district offices\n"
                   " An offline desktop ledger of plans, their task breakdown, departments' roles and\n"
                   " progress, with official notices in GB/T 9704-2012 and Excel exchange workbooks.\n")
        _write(root / "DEBIAN" / "control", control)
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(out)],
                       check=True, stdout=subprocess.DEVNULL)
    return out


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
