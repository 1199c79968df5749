"""Every container a clerk is sent: .doc/.wps, text PDF, scans and images, old workbooks.

Real files are read from ../shared/corpus (never copied); each form also has a synthetic
document made here (tests/container_docs.py), converted by LibreOffice where it is needed.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from reports.importer import PlanImportError, parse_file
from reports.importer.containers import libreoffice, scan
from reports.importer.containers.pdf import read_pdf
from reports.pdf import convert_to_pdf

from container_docs import CORPUS, TABLE, long_table_docx, plan_docx

DOC = CORPUS / "01_hainan_nongji_butie_shishi_fangan_2024.doc"
PDF = CORPUS / "02_hainan_nongji_butie_shishi_fangan_2024.pdf"
SCAN = CORPUS / "03_nyncb_nongji_youji_youbu_yijian_SCANNED.pdf"

needs_lo = pytest.mark.skipif(not libreoffice.available(), reason="LibreOffice converts the synthetic files")


def tree(plan) -> list[tuple[int, str]]:
    out = []

    def walk(tasks, depth):
        for t in tasks:
            out.append((depth, (t.get("source_label") or "") + t["title"]))
            walk(t["children"], depth + 1)
    walk(plan["tasks"], 0)
    return out


def find(plan, title_part):
    def walk(tasks):
        for t in tasks:
            if title_part in t["title"]:
                return t
            hit = walk(t["children"])
            if hit:
                return hit
        return None
    return walk(plan["tasks"])


def messages(plan) -> str:
    return "\n".join(w["message"] for w in plan["warnings"])


@pytest.fixture
def no_libreoffice(monkeypatch):
    monkeypatch.setattr(libreoffice, "available", lambda: False)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """The synthetic plan as .docx, and (with LibreOffice) as .pdf and .doc."""
    folder = tmp_path_factory.mktemp("synthetic")
    files = {"docx": plan_docx(folder / "方案.docx")}
    if libreoffice.available():
        files["pdf"] = convert_to_pdf(files["docx"], folder / "方案.pdf")
        files["doc"] = libreoffice.convert(files["docx"], "docx", "doc", folder / "doc")
    return files


# --- the real WPS .doc and the same plan as a text PDF ------------------------------------

@pytest.mark.slow
@needs_lo
def test_real_wps_doc_through_libreoffice_reads_like_its_pdf():
    doc, pdf = parse_file(DOC), parse_file(PDF)
    assert doc["title"] == pdf["title"] == "2024—2026年海南省农机购置与应用补贴实施方案"
    assert tree(doc) == tree(pdf)
    assert (1, "（三）在政策实施方面着力提升监督服务效能") in tree(pdf)
    assert [t["title"] for t in pdf["tasks"]][:3] == ["总体要求", "实施重点", "补贴范围和补贴机具"]


def test_real_wps_doc_read_natively_without_libreoffice(no_libreoffice):
    plan = parse_file(DOC)
    assert plan["title"] == "2024—2026年海南省农机购置与应用补贴实施方案"
    assert plan["issuer"] == "海南省农业农村厅 海南省财政厅"
    assert (2, "2.农机新产品") in tree(plan)
    assert "未找到 LibreOffice" in plan["warnings"][0]["message"]
    # the same tree as the text PDF of the same plan
    assert tree(plan) == tree(parse_file(PDF))


def test_real_text_pdf_joins_wrapped_lines_and_drops_page_numbers():
    plan = parse_file(PDF)
    task = find(plan, "在补贴标准方面着力做到有升有降")
    # the paragraph ran over a page break: one text, no page number inside it
    assert "履带式收获机补贴额。对保有量明显过多" in task["text"]
    assert not any(line.strip("— -").isdigit() for line in task["text"].split("\n"))
    blocks, meta, _ = read_pdf(PDF, PDF.name)
    assert len(meta["page_starts"]) == 11 and meta["page_starts"] == sorted(meta["page_starts"])
    assert {b.page for b in blocks if hasattr(b, "text")} == set(range(1, 12))
    first = next(b for b in blocks if getattr(b, "text", "").startswith("一、总体要求"))
    assert first.page == 1 and first.page_line > 1


# --- synthetic: .docx -> .pdf / .doc by LibreOffice -----------------------------------------

@pytest.mark.slow
@needs_lo
def test_synthetic_pdf_tables_furniture_wraps_and_a_label_cut_by_a_page_break(synthetic):
    plan = parse_file(synthetic["pdf"])
    assert plan["title"] == "测试区2025年城市更新实施方案"
    traffic = find(plan, "推进城市交通治理")
    assert traffic["roles"]["lead"] == ["区交通局"]
    assert "公共交通分担率达到30%" in traffic["text"]
    flood = find(plan, "加强城市防洪排涝")   # "（牵头部" / page break / "门：市交通委、市水务局）"
    assert set(flood["roles"]["lead"] + flood["roles"]["support"]) == {"市交通委", "市水务局"}
    everything = str(plan)
    assert "测试区人民政府办公室" not in everything and "— 1 —" not in everything
    # the ruled table: one task per row, its cells in their columns, the merged cell repeated
    rows = {t["title"]: t for t in find(plan, "任务分工")["children"]}
    for _, task, lead, support, deadline in TABLE[1:]:
        assert rows[task]["roles"]["lead"] == [lead]
        assert rows[task]["roles"]["support"] == support.split("、")
        assert rows[task]["deadline"]["text"] == deadline
    assert flood["source"]["page"] == 1 and find(plan, "实施老旧小区改造")["source"]["page"] == 2
    blocks, _, _ = read_pdf(synthetic["pdf"], "方案.pdf")
    table = next(b for b in blocks if hasattr(b, "rows"))
    assert [cells for _, cells in table.rows][0] == TABLE[0] and table.page == 2


@pytest.mark.slow
@needs_lo
def test_a_ruled_table_over_several_pages_is_one_table_without_its_repeated_header(tmp_path):
    pdf = convert_to_pdf(long_table_docx(tmp_path / "分工表.docx"), tmp_path / "分工表.pdf")
    blocks, meta, _ = read_pdf(pdf, pdf.name)
    tables = [b for b in blocks if hasattr(b, "rows")]
    assert len(meta["page_starts"]) >= 2 and len(tables) == 1
    rows = [cells for _, cells in tables[0].rows]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "完成时限"] and len(rows) == 46
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 46)]
    plan = parse_file(pdf)
    assert [t["roles"]["lead"] for t in plan["tasks"]][:3] == [["区第2局"], ["区第3局"], ["区第4局"]]
    assert len(plan["tasks"]) == 45


@pytest.mark.slow
@needs_lo
def test_synthetic_doc_and_wps_through_libreoffice_and_natively(synthetic, tmp_path, monkeypatch):
    wps = tmp_path / "方案.wps"
    shutil.copyfile(synthetic["doc"], wps)
    full = parse_file(wps)
    flood = find(full, "加强城市防洪排涝")   # LibreOffice made two paragraphs at the page break
    assert set(flood["roles"]["lead"] + flood["roles"]["support"]) == {"市交通委", "市水务局"}
    rows = {t["title"]: t["roles"] for t in find(full, "任务分工")["children"]}
    assert rows["完善排水管网"] == {"lead": ["区水务局"], "support": ["区住房城乡建设局"],
                                "responsible": [], "guide": []}
    monkeypatch.setattr(libreoffice, "available", lambda: False)
    native = parse_file(synthetic["doc"])
    assert [t for t in tree(native) if t[0] == 0] == [t for t in tree(full) if t[0] == 0]
    native_rows = {t["title"]: t["roles"] for t in find(native, "任务分工")["children"]}
    assert native_rows["建设智慧交通平台"]["support"] == ["区大数据局", "区公安分局"]
    assert find(native, "实施老旧小区改造")["roles"]["responsible"] == ["区住房城乡建设局"]


def test_a_note_cut_into_two_word_paragraphs_is_one_note(tmp_path):
    import docx
    document = docx.Document()
    for text in ("测试区2025年工作要点", "一、重点任务", "（一）完善排水防涝设施（牵头部", "门：市交通委、市水务局）",
                 "（二）推进老旧小区改造。（责任单", "位：区住房城乡建设局）", "（三）实施绿化工程（2025年）。"):
        document.add_paragraph(text)
    path = tmp_path / "要点.docx"
    document.save(path)
    plan = parse_file(path)
    first, second, third = plan["tasks"][0]["children"]
    assert set(first["roles"]["lead"] + first["roles"]["support"]) == {"市交通委", "市水务局"}
    assert second["roles"]["responsible"] + second["roles"]["lead"] == ["区住房城乡建设局"]
    assert third["title"].startswith("实施绿化工程")


def test_libreoffice_failure_falls_back_to_the_text(monkeypatch):
    def broken(*args, **kwargs):
        raise libreoffice.ConversionFailed(libreoffice.msg("container.libreoffice_timeout", seconds=90))
    monkeypatch.setattr(libreoffice, "available", lambda: True)
    monkeypatch.setattr(libreoffice, "convert", broken)
    plan = parse_file(DOC)
    assert "超时 90 秒" in plan["warnings"][0]["message"]
    assert plan["title"] == "2024—2026年海南省农机购置与应用补贴实施方案"


# --- scans and images ------------------------------------------------------------------

def test_scan_without_ocr_says_so_in_one_chinese_line(monkeypatch):
    monkeypatch.setattr(scan, "ocr_available", lambda: False)
    with pytest.raises(PlanImportError) as error:
        parse_file(SCAN)
    assert error.value.code == "container.scan_no_ocr"
    line = str(error.value)
    assert line.startswith(SCAN.name + "：这是扫描件（8 页图片") and "\n" not in line
    assert 'pip install "plandesk[ocr]"' in line


@needs_lo
def test_a_pdf_with_text_pages_and_a_scanned_page_reads_the_text_and_names_the_scan(
        synthetic, monkeypatch, tmp_path):
    import pypdfium2 as pdfium
    monkeypatch.setattr(scan, "ocr_available", lambda: False)
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(pdfium.PdfDocument(str(synthetic["pdf"])))
    mixed.import_pages(pdfium.PdfDocument(str(SCAN)), [0])
    path = tmp_path / "附扫描件.pdf"
    mixed.save(str(path))
    plan = parse_file(path)
    assert plan["title"] == "测试区2025年城市更新实施方案"
    assert plan["warnings"][0]["code"] == "container.scan_pages_skipped"
    assert plan["warnings"][0]["message"].startswith("第 3 页是扫描图片")


@pytest.mark.slow
@needs_lo
def test_a_password_protected_pdf_is_refused(synthetic, tmp_path):
    import subprocess
    from reports.pdf import find_soffice, soffice_env
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"123"}}')
    subprocess.run([find_soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", options, "--outdir", str(tmp_path), str(synthetic["docx"])],
                   capture_output=True, timeout=180, env=soffice_env(), check=True)
    with pytest.raises(PlanImportError) as error:
        parse_file(tmp_path / "方案.pdf")
    assert error.value.code == "container.pdf_encrypted"


def test_image_without_ocr_says_so(monkeypatch, tmp_path):
    from PIL import Image
    monkeypatch.setattr(scan, "ocr_available", lambda: False)
    picture = tmp_path / "通知.jpg"
    Image.new("RGB", (40, 40), "white").save(picture)
    with pytest.raises(PlanImportError) as error:
        parse_file(picture)
    assert error.value.code == "container.image_no_ocr"


ocr = pytest.mark.skipif(not scan.ocr_available(), reason="the OCR extra is not installed")


def _first_page(source: Path, out: Path) -> Path:
    import pypdfium2 as pdfium
    src, new = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    new.import_pages(src, [0])
    new.save(str(out))
    return out


@pytest.mark.slow
@ocr
def test_real_scan_recognised_offline(tmp_path):
    import os
    qt_env = {key: os.environ.get(key) for key in scan._QT_ENV}
    plan = parse_file(_first_page(SCAN, tmp_path / "扫描件第1页.pdf"))   # one page: 3–15 s
    assert {key: os.environ.get(key) for key in scan._QT_ENV} == qt_env   # OpenCV's Qt hidden
    assert "优机优补" in plan["title"] and "有进有出" in plan["title"]
    assert tree(plan)[0] == (0, "一、总体要求")
    assert "扫描全能王" not in str(plan)         # the scanner's mark at the foot of the page
    assert "文字由扫描件识别" in plan["warnings"][0]["message"]


@pytest.mark.slow
@ocr
@needs_lo
def test_synthetic_page_image_recognised(synthetic, tmp_path):
    import pypdfium2 as pdfium
    page = pdfium.PdfDocument(str(synthetic["pdf"]))[0]
    image = tmp_path / "方案.png"
    page.render(scale=150 / 72).to_pil().save(image)
    plan = parse_file(image)
    titles = [title for _, title in tree(plan)]
    assert "一、总体要求" in titles and "（一）推进城市交通治理" in titles


# --- old workbooks ---------------------------------------------------------------------

def _division_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append(["测试区城市更新重点任务分工表"])
    for row in TABLE:
        ws.append(row)
    ws.merge_cells("C4:C5")
    wb.save(path)
    return path


@pytest.mark.slow
@needs_lo
def test_old_xls_and_et_workbooks_feed_the_division_table_import(tmp_path, monkeypatch):
    work = tmp_path / "lo"
    work.mkdir()
    xls = libreoffice.convert(_division_xlsx(tmp_path / "分工表.xlsx"), "xlsx", "xls", work)
    et = tmp_path / "分工表.et"
    shutil.copyfile(xls, et)
    for reader in ("libreoffice", "xlrd"):
        if reader == "xlrd":
            monkeypatch.setattr(libreoffice, "available", lambda: False)
        plan = parse_file(et)
        assert plan["title"] == "测试区城市更新重点任务分工表" and plan["source_file"] == "分工表.et"
        roles = {t["title"]: t["roles"] for t in plan["tasks"]}
        assert roles["完善排水管网"]["lead"] == ["区水务局"], reader   # the merged cell
        assert roles["建设智慧交通平台"]["support"] == ["区大数据局", "区公安分局"]


def test_a_returned_exchange_workbook_is_redirected(tmp_path):
    from models.workspace import Workspace
    from reports.xlsx import export_exchange
    ws = Workspace.memory()
    try:
        plan = ws.insert_plan_tree(parse_file(PDF), source_file=PDF.name)["plan"]
        out = tmp_path / "WS returned.xlsx"
        export_exchange(ws, plan.uuid, "2025年第一季度", out)
    finally:
        ws.close()
    with pytest.raises(PlanImportError) as error:
        parse_file(out)
    assert error.value.code == "container.returned_workbook"
    assert "exchange import" in str(error.value) and "不是新计划" in str(error.value)


def test_a_plain_workbook_is_still_a_plan(tmp_path):
    plan = parse_file(_division_xlsx(tmp_path / "分工表.xlsx"))
    assert [t["title"] for t in plan["tasks"]] == [row[1] for row in TABLE[1:]]
