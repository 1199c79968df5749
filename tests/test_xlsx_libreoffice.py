"""A return re-saved by LibreOffice Calc (another real tool) is still accepted."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from reports.xlsx import apply_return, export_exchange, read_return
from test_xlsx_helpers import C_PERCENT, C_STATUS, C_TEXT
from test_xlsx_helpers import GEO, ROUND, fill, key_rows, office

__all__ = ["office"]
pytestmark = pytest.mark.usefixtures("return_reader")   # each reader of returns
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def calc_available() -> bool:
    if not SOFFICE:
        return False
    if shutil.which("dpkg"):   # Debian ships Calc apart; Writer alone cannot open a workbook
        return any(subprocess.run(["dpkg", "-s", name], capture_output=True).returncode == 0
                   for name in ("libreoffice-calc", "libreoffice-calc-nogui"))
    return True


@pytest.mark.slow
@pytest.mark.skipif(not calc_available(), reason="LibreOffice Calc is not installed")
def test_return_resaved_by_libreoffice_calc(office, tmp_path):
    ws, plan = office
    sent = tmp_path / "sent.xlsx"
    export_exchange(ws, plan, ROUND, sent, department="区市场监管局")
    row = key_rows(sent)[GEO]
    filled = fill(sent, tmp_path / "filled.xlsx", {f"{C_TEXT}{row}": "已完成主体工程", f"{C_STATUS}{row}": "推进中",
                                                   f"{C_PERCENT}{row}": 80})
    outdir = tmp_path / "lo"
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir),
                    str(filled)], check=True, capture_output=True, timeout=180)
    resaved = outdir / "filled.xlsx"
    assert resaved.read_bytes() != filled.read_bytes()
    report = read_return(ws, resaved)
    assert report.errors == [], report.errors
    assert {(c.field, c.new) for c in report.changes} == {
        ("text", "已完成主体工程"), ("status", "in_progress"), ("percent", 80)}
    apply_return(ws, report)
    assert ws.progress(GEO)[0]["percent"] == 80
