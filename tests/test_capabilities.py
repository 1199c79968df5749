"""--version and --check: the version and the optional parts found, said in Chinese."""
import subprocess
import sys
from pathlib import Path

from reports import capabilities

ROOT = Path(__file__).resolve().parents[1]


def test_check_names_each_missing_part_and_what_it_disables(monkeypatch):
    monkeypatch.setattr("reports.pdf.find_soffice", lambda: None)
    monkeypatch.setattr(capabilities.importlib.util, "find_spec", lambda name: None)
    lines = capabilities.report("zh")
    assert lines[0] == f"PlanDesk 规划台账 {capabilities.version()}"
    assert lines[1] == ("未找到 办公软件 LibreOffice：不能使用PDF 预览和打印预览、.doc/.wps/.xls/.et 文件的完整转换、"
                        "版记偶数页排版")
    assert lines[2].startswith("未找到 文字识别组件（OCR）：不能使用扫描件")
    assert len(lines) == 3          # the print preview draws its pages itself (PDFium)


def test_check_says_where_a_part_was_found(monkeypatch, tmp_path):
    soffice = tmp_path / "soffice"
    monkeypatch.setattr("reports.pdf.find_soffice", lambda: str(soffice))
    line = capabilities.report("zh")[1]
    assert line.startswith(f"已找到 办公软件 LibreOffice（{soffice}）")


def test_version_and_check_from_the_command_line():
    version = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)
    assert version.returncode == 0
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{version.stdout.split()[-1]}"' in text
    check = subprocess.run([sys.executable, "main.py", "--check"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert check.returncode == 0 and len(check.stdout.splitlines()) == 3
    assert "LibreOffice" in check.stdout


def test_the_command_line_speaks_english_when_asked(tmp_path):
    missing = tmp_path / "没有.txt"
    zh = subprocess.run([sys.executable, "main.py", "import", str(tmp_path / "a.plandesk"), str(missing)],
                        cwd=ROOT, capture_output=True, text=True, timeout=60)
    en = subprocess.run([sys.executable, "main.py", "--lang", "en", "import", str(tmp_path / "a.plandesk"),
                         str(missing)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert zh.returncode == en.returncode == 2
    assert zh.stderr.startswith("错误：") and "找不到" in zh.stderr
    assert en.stderr.startswith("Error: ") and not any("\u4e00" <= c <= "\u9fff" for c in en.stderr
                                                       .replace(missing.name, ""))
