"""exchange export / import / consolidate on the command line."""
from __future__ import annotations

from cli import run
from models.workspace import Workspace
from test_xlsx_helpers import C_PERCENT, C_STATUS, C_TEXT
from test_xlsx_helpers import GEO, PROTECTION, ROUND, build_workspace, fill, key_rows, sha


def workspace(tmp_path):
    ws, plan = build_workspace(tmp_path / "ws.plandesk")
    ws.close()
    return str(tmp_path / "ws.plandesk"), plan


def test_export_import_and_import_again(tmp_path, capsys):
    ws_path, plan = workspace(tmp_path)
    sent = tmp_path / "sent.xlsx"
    assert run(["exchange", "export", ws_path, "--round", ROUND, "--department", "区市场监管局",
                "--out", str(sent)]) == 0
    assert "3 项需填报" in capsys.readouterr().err
    rows = key_rows(sent)
    back = fill(sent, tmp_path / "back.xlsx", {f"{C_STATUS}{rows[GEO]}": "推进中", f"{C_PERCENT}{rows[GEO]}": 30})

    before = sha(ws_path)
    assert run(["exchange", "import", ws_path, str(back), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"修改 分工及进展!{C_STATUS}{rows[GEO]}" in out and "完成状态：（空） → 推进中" in out
    assert sha(ws_path) == before

    assert run(["exchange", "import", ws_path, str(back)]) == 0
    assert "已导入 1 项任务的进展" in capsys.readouterr().err
    with Workspace.open(ws_path, readonly=True) as ws:
        assert ws.progress(GEO)[0]["percent"] == 30
    after = sha(ws_path)
    assert run(["exchange", "import", ws_path, str(back)]) == 0
    captured = capsys.readouterr()
    assert "已导入过" in captured.err and "不再重复导入" in captured.out
    assert sha(ws_path) == after


def test_import_with_errors_exits_2_applies_nothing_and_records_the_refusal(tmp_path, capsys):
    ws_path, plan = workspace(tmp_path)
    sent = tmp_path / "sent.xlsx"
    assert run(["exchange", "export", ws_path, "--plan", "1", "--round", ROUND,
                "--department", "区司法局", "--out", str(sent)]) == 0
    rows = key_rows(sent)
    good = fill(sent, tmp_path / "good.xlsx", {f"{C_STATUS}{rows[PROTECTION]}": "已完成"})
    bad = fill(sent, tmp_path / "bad.xlsx", {f"{C_STATUS}{rows[PROTECTION]}": "done!", f"B{rows[PROTECTION]}": "x"})
    before = sha(ws_path)
    capsys.readouterr()
    assert run(["exchange", "import", ws_path, str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert f"错误 分工及进展!{C_STATUS}{rows[PROTECTION]}：完成状态“done!”无效" in captured.out
    assert f"错误 分工及进展!B{rows[PROTECTION]}：锁定的单元格“重点任务”被改动" in captured.out
    last = captured.err.strip().splitlines()
    assert last[-1].startswith("错误：bad.xlsx 有错误，未导入任何文件")
    assert "bad.xlsx 有错误的行；确认后加 --accept-valid 可只导入无误的行" in last[-2]
    with Workspace.open(ws_path, readonly=True) as ws:
        assert ws.progress(PROTECTION) == []          # the good file waits with the bad one
        incoming = [e for e in ws.exchanges() if e["direction"] == "in"]
    assert [(e["file_name"], e["summary"]["refused"], e["summary"]["error_count"]) for e in incoming] \
        == [("bad.xlsx", True, 2)]
    assert before != sha(ws_path)


def test_conflicts_need_the_flag(tmp_path, capsys):
    ws_path, plan = workspace(tmp_path)
    sent = tmp_path / "sent.xlsx"
    run(["exchange", "export", ws_path, "--round", ROUND, "--department", "区市场监管局", "--out", str(sent)])
    with Workspace.open(ws_path) as ws:
        ws.record_progress(GEO, ROUND, "区市场监管局", "in_progress", 20, "电话报告")
    rows = key_rows(sent)
    back = fill(sent, tmp_path / "back.xlsx", {f"{C_TEXT}{rows[GEO]}": "书面报告"})
    assert run(["exchange", "import", ws_path, str(back)]) == 0
    captured = capsys.readouterr()
    assert "冲突 分工及进展!G" in captured.out and "--overwrite-conflicts" in captured.err
    assert run(["exchange", "import", ws_path, str(back), "--overwrite-conflicts"]) == 0
    with Workspace.open(ws_path, readonly=True) as ws:
        assert ws.progress(GEO)[0]["text"] == "书面报告"


def test_consolidate_command(tmp_path, capsys):
    ws_path, plan = workspace(tmp_path)
    files = []
    for name in ("区市场监管局", "区财政局"):
        out = tmp_path / f"{name}.xlsx"
        assert run(["exchange", "export", ws_path, "--round", ROUND, "--department", name,
                    "--out", str(out)]) == 0
        files.append(str(out))
    total = tmp_path / "sum.xlsx"
    assert run(["exchange", "consolidate", ws_path, *files, "--out", str(total)]) == 0
    out = capsys.readouterr().out
    assert "未报送（4）：区发展改革局、区科技局、区教育局、区司法局" in out
    assert total.exists()


def test_bad_options_are_one_line(tmp_path, capsys):
    ws_path, _ = workspace(tmp_path)
    assert run(["exchange", "export", ws_path, "--round", ROUND, "--out", str(tmp_path / "x.docx")]) == 2
    assert run(["exchange", "export", ws_path, "--round", ROUND, "--plan", "7",
                "--out", str(tmp_path / "x.xlsx")]) == 2
    assert run(["exchange", "import", ws_path, str(tmp_path / "missing.xlsx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3 and all(line.startswith("错误：") for line in err)
    assert "没有第 7 个计划" in err[1] and "missing.xlsx" in err[2]
