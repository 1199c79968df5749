"""Small input files that explode: each refused within seconds, without large memory, with
one Chinese line and no traceback, by the command a clerk would run.

The files are made here: a 15 KB workbook with one stray cell at XFD1048576, an impossible
reference in a hidden sheet, a .docx that inflates to tens of MB, a damaged deflate
stream, a .docx of 100,000 paragraphs. Each command runs in its own process, which reports
how much its memory grew while it ran.
"""
from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from reports.importer.reader import cap_warnings

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[1]
MAX_SECONDS, MAX_GROWTH_MB = 10, 500

# the command in a child process; prints how much its peak memory grew (ru_maxrss, KB)
_RUNNER = """
import resource, sys
sys.path.insert(0, {root!r})
from cli import run as main
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    code = main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("GROWTH_KB", after - before)
sys.exit(code)
"""


def run_cli(*args) -> tuple[int, list[str], float, float]:
    """(exit status, stderr lines, seconds, memory growth in MB) of one command."""
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", _RUNNER.format(root=str(ROOT)), *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)
    seconds = time.monotonic() - started
    growth = next(int(line.split()[1]) for line in proc.stdout.splitlines() if line.startswith("GROWTH_KB"))
    lines = [line for line in proc.stderr.splitlines() if line.strip() and not line.startswith("解析")]
    return proc.returncode, lines, seconds, growth / 1024


def assert_refused(args, *expect: str) -> str:
    code, lines, seconds, growth = run_cli(*args)
    text = "\n".join(lines)
    assert code == 2 and "Traceback" not in text, text
    assert len(lines) == 1, text
    assert all(word in lines[0] for word in expect), lines[0]
    assert seconds < MAX_SECONDS and growth < MAX_GROWTH_MB, (seconds, growth)
    return lines[0]


def _rewrite(path: Path, part: str, edit) -> None:
    """Replace one part of a zip container with ``edit(old bytes)``."""
    with zipfile.ZipFile(path) as src:
        items = [(info, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in items:
            out.writestr(info.filename, edit(data) if info.filename == part else data)


def stray_cell_workbook(path: Path, ref: str, hidden: bool) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "分工表"
    ws.append(["序号", "重点任务", "牵头单位"])
    ws.append([1, "建设智慧交通平台", "区交通局"])
    other = wb.create_sheet("备用")
    other["A1"] = "x"
    if hidden:
        other.sheet_state = "hidden"
    wb.save(path)
    sheet = "xl/worksheets/sheet2.xml" if hidden else "xl/worksheets/sheet1.xml"
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    cell = f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>stray</t></is></c></row>'.encode()
    _rewrite(path, sheet, lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>"))
    return path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    ws = tmp_path_factory.mktemp("ws") / "台账.plandesk"
    assert run_cli("new", ws)[0] == 0
    return ws


@pytest.mark.parametrize("ref, hidden", [("XFD1048576", False), ("ZZZZ1048577", True)])
@pytest.mark.slow   # a process per command, files made on the fly
def test_a_stray_cell_far_away_is_refused_by_import_and_exchange_import(tmp_path, workspace, ref, hidden):
    book = stray_cell_workbook(tmp_path / "分工表.xlsx", ref, hidden)
    assert book.stat().st_size < 16 * 1024
    line = assert_refused(["import", workspace, book], "分工表.xlsx", "范围异常")
    assert ref in line or "1048576" in line
    assert_refused(["exchange", "import", workspace, book], "分工表.xlsx")


@pytest.mark.slow   # a process per command, files made on the fly
def test_a_docx_that_inflates_far_beyond_its_size(tmp_path, workspace):
    """Under 1 MB on disk, 280 MB of XML once inflated (written in chunks, never held)."""
    blank = tmp_path / "blank.docx"
    docx.Document().save(blank)
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info.filename, src.read(info))
                continue
            head, tail = src.read(info).split(b"<w:body>")
            with out.open("word/document.xml", "w", force_zip64=True) as part:
                part.write(head + b"<w:body>")
                chunk = b"<w:p><w:r><w:t>" + b"x" * 4000 + b"</w:t></w:r></w:p>"
                for _ in range(280 * 256):
                    part.write(chunk)
                part.write(tail)
    assert path.stat().st_size < 1024 * 1024
    assert_refused(["import", workspace, path], "炸弹.docx", "压缩炸弹")


def _damage_deflate(path: Path, part: str) -> None:
    """Overwrite bytes in the middle of ``part``'s compressed data."""
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(part)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))


@pytest.mark.slow   # a process per command, files made on the fly
def test_a_damaged_deflate_stream_is_a_damaged_file(tmp_path, workspace):
    document = docx.Document()
    for n in range(300):
        document.add_paragraph(f"（{n + 1}）推进第{n * 7919 % 1000}项重点任务，由区第{n % 17}局负责。")
    path = tmp_path / "损坏.docx"
    document.save(path)
    _damage_deflate(path, "word/document.xml")
    assert_refused(["import", workspace, path], "损坏.docx", "已损坏")
    book = tmp_path / "损坏.xlsx"
    wb = openpyxl.Workbook()
    for n in range(400):
        wb.active.append([n, f"任务{n * 7919 % 1000}", f"区第{n % 17}局"])
    wb.save(book)
    _damage_deflate(book, "xl/worksheets/sheet1.xml")
    assert_refused(["exchange", "import", workspace, book], "损坏.xlsx", "损坏")


@pytest.mark.slow   # a process per command, files made on the fly
def test_a_docx_of_a_hundred_thousand_paragraphs(tmp_path, workspace):
    path = tmp_path / "十万段.docx"
    docx.Document().save(path)
    body = b"".join(f"<w:p><w:r><w:t>（{n}）第{n}段</w:t></w:r></w:p>".encode() for n in range(100_000))
    _rewrite(path, "word/document.xml", lambda xml: xml.replace(b"<w:body>", b"<w:body>" + body))
    assert_refused(["import", workspace, path], "十万段.docx", "段落过多")


def test_warnings_are_capped_with_a_count_of_the_rest():
    plan = {"warnings": [{"line": n, "message": f"第{n}条"} for n in range(1, 2858)]}
    capped = cap_warnings(plan)["warnings"]
    assert len(capped) == 101
    assert capped[-1]["code"] == "container.warnings_capped"
    assert capped[-1]["message"] == "另有 2757 条提示未列出（共 2857 条）。"
    assert cap_warnings({"warnings": [{"line": 1, "message": "一条"}]})["warnings"] == [
        {"line": 1, "message": "一条"}]


def test_a_scan_in_a_zip_is_not_mistaken(tmp_path):
    """A zip of pictures (not a document) is refused as such, without unpacking it all."""
    path = tmp_path / "扫描件.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("page1.png", io.BytesIO(b"\x89PNG" + b"\x00" * 100).getvalue())
    from reports.importer import PlanImportError, parse_file
    with pytest.raises(PlanImportError) as error:
        parse_file(path)
    assert error.value.code == "container.zip_not_document"
