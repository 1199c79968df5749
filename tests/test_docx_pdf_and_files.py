"""PDF conversion errors, atomic writes, department lists, no Qt, speed."""
import subprocess
import sys
import time
import zipfile

import pytest

from reports import pdf
from reports.docx import (render_department_tasks, render_division_table_docx,
                          render_notice)
from reports.docx import document as document_module
from reports.docx.samples import sample_notice, sample_plan, shandong_plan, synthetic_plan
from reports.docx.standalone import department_tasks


def test_pdf_unavailable_without_soffice(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    with pytest.raises(pdf.PdfUnavailable, match="LibreOffice"):
        pdf.convert_to_pdf(src)
    assert not pdf.available()


def test_pdf_missing_input(tmp_path):
    with pytest.raises(FileNotFoundError):
        pdf.convert_to_pdf(tmp_path / "missing.docx")


def test_pdf_timeout_is_reported(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    real_run = subprocess.run

    def slow(cmd, **kw):
        if cmd[0] != "/usr/bin/soffice":       # the font map asks fontconfig first
            return real_run(cmd, **kw)
        assert any(a.startswith("-env:UserInstallation=file:///") for a in cmd)
        assert any("IsSkipEmptyPages" in a for a in cmd)
        raise subprocess.TimeoutExpired(cmd, kw["timeout"])

    monkeypatch.setattr(pdf.subprocess, "run", slow)
    src = tmp_path / "a.docx"
    src.write_bytes(b"x")
    with pytest.raises(pdf.PdfUnavailable, match="超时"):
        pdf.convert_to_pdf(src, timeout=3)


def test_page_count_of_a_small_pdf(tmp_path):
    body = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            b"2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n"
            b"3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n"
            b"4 0 obj <</Type/Page /Parent 2 0 R>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF")
    (tmp_path / "a.pdf").write_bytes(body)
    assert pdf.page_count(tmp_path / "a.pdf") == 2


def test_render_without_soffice_warns_and_still_writes(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    result = render_notice(sample_plan(), sample_notice(), tmp_path / "n.docx")
    assert result.path.exists() and result.pages is None
    assert any("LibreOffice" in w and "偶数页" in w for w in result.warnings)


def test_writes_are_atomic(monkeypatch, tmp_path):
    out = tmp_path / "n.docx"
    out.write_bytes(b"the previous version")

    def broken_save(self, path):
        with open(path, "wb") as f:
            f.write(b"half a file")
        raise OSError("disk full")

    monkeypatch.setattr(document_module.docx.document.Document, "save", broken_save)
    with pytest.raises(OSError):
        render_notice(sample_plan(), sample_notice(), out, {"paginate": False})
    assert out.read_bytes() == b"the previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["n.docx"]


def test_overwrite_leaves_no_temp_files(tmp_path):
    for _ in range(2):
        render_division_table_docx(shandong_plan(), tmp_path / "t.docx")
    assert [p.name for p in tmp_path.iterdir()] == ["t.docx"]
    assert zipfile.ZipFile(tmp_path / "t.docx").testzip() is None


def test_department_tasks_grouped_by_role(tmp_path):
    tasks = department_tasks(shandong_plan())
    assert list(tasks)[:3] == ["省编办", "省知识产权局", "省工商局"]
    assert len(tasks["省编办"]["lead"]) == 3
    assert [path for path, _t in tasks["省知识产权局"]["lead"]] == ["二（一）2（1）", "二（一）2（2）"]
    [one] = render_department_tasks(shandong_plan(), tmp_path / "all.docx",
                                    departments=["省编办", "省统计局", "不存在的局"])
    from docx import Document
    text = "\n".join(p.text for p in Document(one).paragraphs)
    assert "一、省编办" in text and "二、省统计局" in text and "三、不存在的局" in text
    assert "（一）牵头的任务（3项）" in text
    assert "1.【方案一（一）1】积极探索知识产权管理体制机制改革。（牵头单位：省编办；" in text
    assert "本方案未给该单位分配任务。" in text


def test_one_file_per_department(tmp_path):
    paths = render_department_tasks(sample_plan(), tmp_path / "out", one_file_per_department=True)
    names = sorted(p.name for p in paths)
    assert "区市场监管局.docx" in names and len(names) == len(department_tasks(sample_plan()))
    paths = render_department_tasks(shandong_plan(), tmp_path / "分工.docx", departments=["省编办"],
                                    one_file_per_department=True)
    assert [p.name for p in paths] == ["分工_省编办.docx"]


def test_no_qt_import():
    code = ("import sys, reports.docx, reports.docx.check, reports.pdf, reports.docx.standalone;"
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_large_plan_renders_in_linear_time(tmp_path):
    plan = synthetic_plan(2000)
    notice = {**sample_notice(), "attachments": []}
    start = time.perf_counter()
    render_notice(plan, notice, tmp_path / "big.docx", {"paginate": False})
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"2,000 tasks took {elapsed:.1f} s"
