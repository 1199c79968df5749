"""One workbook per department, in one go, as a clerk sends a round out."""
import subprocess
import sys
from pathlib import Path

import openpyxl

from reports.xlsx import export_for_departments, plan_departments, read_return
from test_xlsx_helpers import ROUND, office

__all__ = ["office"]
ROOT = Path(__file__).resolve().parent.parent


def test_every_department_gets_its_own_rows(office, tmp_path):
    ws, plan = office
    departments = plan_departments(ws, plan)
    results = export_for_departments(ws, plan, ROUND, tmp_path)
    assert [r["department"] for r in results] == departments
    for r in results:
        sheet = openpyxl.load_workbook(r["path"]).worksheets[0]
        assert r["department"] in str(sheet["A2"].value or "") + str(sheet["A3"].value or "")
        report = read_return(ws, r["path"])          # an untouched return: valid, no change
        assert report.ok and not report.changes
    out = [e for e in ws.exchanges(plan) if e["direction"] == "out"]
    assert sorted(e["department"] for e in out) == sorted(departments)
    assert ws.undo_label() == f"发出工作簿给 {len(departments)} 个部门"
    ws.undo()
    assert [e for e in ws.exchanges(plan) if e["direction"] == "out"] == []


def test_cli_all_departments_into_a_folder(office, tmp_path):
    ws, plan = office
    path = ws.path
    ws.close()
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "exchange", "export", str(path),
                        "--round", ROUND, "--all-departments", "--out", str(tmp_path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert len(list(tmp_path.glob("*.xlsx"))) >= 2
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "exchange", "export", str(path),
                        "--round", ROUND, "--all-departments", "--out", str(tmp_path / "nope")],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2 and "文件夹不存在" in r.stderr
