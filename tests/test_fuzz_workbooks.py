"""Fuzzing returned and foreign workbooks: any damage to their XML parts is either read or
refused with one line (exit status 2) — never an unhandled exception, never a changed
workspace. PLANDESK_FUZZ_EXAMPLES sets the number of cases (CI runs a bounded number;
an attack run sets thousands)."""
from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cli
from progress_filling import fill_progress

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "samples" / "huaiyin_2022_ip_county_work_plan_notice.txt"
EXAMPLES = int(os.environ.get("PLANDESK_FUZZ_EXAMPLES", "60"))
ROUND = "2025年第一季度"

pytestmark = pytest.mark.reliability


def _cli(*args) -> int:
    return cli.run([str(a) for a in args])


@pytest.fixture(scope="module")
def exchange(tmp_path_factory):
    """A workspace, the workbook sent to one department and that workbook filled in."""
    folder = tmp_path_factory.mktemp("fuzz")
    ws, sent, filled = folder / "区.plandesk", folder / "sent.xlsx", folder / "filled.xlsx"
    assert _cli("import", ws, SEED) == 0
    assert _cli("exchange", "export", ws, "--round", ROUND, "--department", "区市场监管局",
                "--out", sent) == 0
    fill_progress(sent, filled, "已完成调研，形成初稿。")
    return ws, filled.read_bytes()


def _mutate(data: bytes, draw) -> bytes:
    """The workbook with one zip member damaged in one of the ways files get damaged."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    target = draw(st.sampled_from(names))
    how = draw(st.sampled_from(["flip", "truncate", "cut_element", "ref", "number", "drop", "junk"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            part = src.read(name)
            if name == target:
                if how == "drop":
                    continue
                part = _damage(part, how, draw)
            dst.writestr(name, part)
    return out.getvalue()


def _damage(part: bytes, how: str, draw) -> bytes:
    n = len(part)
    at = draw(st.integers(0, max(n - 1, 0)))
    if how == "flip":
        return part[:at] + draw(st.binary(min_size=1, max_size=8)) + part[at + 1:]
    if how == "truncate":
        return part[:at]
    if how == "cut_element":
        start = part.find(b"<", at)
        end = part.find(b">", start)
        return part if start < 0 or end < 0 else part[:start] + part[end + 1:]
    if how == "ref":
        ref = draw(st.sampled_from([b"XFD1048576", b"ZZZZ1048577", b"A0", b"A1:XFD1048576", b"", b"B-1"]))
        i = part.find(b' r="', at)
        if i < 0:
            i = part.find(b' ref="')
        if i < 0:
            return part
        j = part.find(b'"', part.find(b'"', i) + 1)
        return part[:part.find(b'"', i) + 1] + ref + part[j:]
    if how == "number":
        value = draw(st.sampled_from([b"1e308", b"-1", b"NaN", b"99999999999999999999", b"0x10", b"\xef\xbc\x96"]))
        i = part.find(b"<v>", at)
        return part if i < 0 else part[:i + 3] + value + part[part.find(b"</v>", i):]
    return part[:at] + draw(st.sampled_from([b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"&a;", b"\x00\xff",
                                             b"<c r=\"A1\" t=\"s\"><v>999999</v></c>"])) + part[at:]


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
@pytest.mark.usefixtures("return_reader")    # each reader of returns
def test_damaged_returns_are_read_or_refused_and_the_workspace_is_untouched(exchange, tmp_path, data, capsys):
    ws, filled = exchange
    before = ws.read_bytes()
    bad = tmp_path / "return.xlsx"
    bad.write_bytes(_mutate(filled, data.draw))
    status = _cli("exchange", "import", ws, bad, "--dry-run")
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Traceback" not in err
    if status == 2:
        assert len(err.strip().splitlines()) == 1, err
    assert ws.read_bytes() == before


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_foreign_tables_are_read_or_refused(exchange, tmp_path, data, capsys):
    ws, filled = exchange
    table = tmp_path / "分工表.xlsx"
    table.write_bytes(_mutate(_foreign_table(), data.draw))
    status = _cli("import", tmp_path / "new.plandesk", table, "--dry-run")
    err = capsys.readouterr().err
    assert status in (0, 2), err
    assert "Traceback" not in err


def _foreign_table() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["关于做好2025年重点工作的任务分工表"])
    sheet.append(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    sheet.append([1, "推进知识产权强县建设", "区市场监管局", "区科技局、区财政局", "2025年底前"])
    sheet.append([2, "完善知识产权保护体系", "区法院", "区检察院", "长期坚持"])
    sheet.merge_cells("A1:E1")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
