"""What the command line prints when a command fails: one line, never a traceback."""
from __future__ import annotations

import pytest

import cli
from cli import import_cmd
from models import applog


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_LOG_DIR", str(tmp_path / "log"))
    applog.shutdown()
    yield tmp_path / "log"
    applog.shutdown()


def test_a_bug_prints_one_line_with_the_log_and_exits_1(tmp_path, log_dir, monkeypatch, capsys):
    plan = tmp_path / "要点.txt"
    plan.write_text("一、总体要求\n", encoding="utf-8")

    def broken(path):
        raise ValueError("unexpected state in the parser")
    monkeypatch.setattr(import_cmd, "parse_any", broken)
    status = cli.run(["import", str(tmp_path / "ws.plandesk"), str(plan)])
    err = capsys.readouterr().err
    assert status == 1
    log = log_dir / applog.LOG_NAME
    assert err == f"错误：程序出现意外错误，已记录到日志：{log}\n"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ValueError: unexpected state in the parser" in text
    assert "main.py import" in text
    assert not (tmp_path / "ws.plandesk").exists()


def test_a_planDesk_error_is_one_line_and_exits_2(tmp_path, log_dir, capsys):
    missing = tmp_path / "没有这个文件.docx"
    status = cli.run(["import", str(tmp_path / "ws.plandesk"), str(missing)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("错误：") and err.count("\n") == 1
    assert err.endswith(f"{missing.name}：找不到该文件，请确认路径是否正确。\n")
    assert not (log_dir / applog.LOG_NAME).exists()     # a clerk's mistake is not a crash


def test_a_file_error_names_the_file(tmp_path, log_dir, monkeypatch, capsys):
    plan = tmp_path / "要点.txt"
    plan.write_text("一、总体要求\n", encoding="utf-8")

    def full(path):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(import_cmd, "parse_any", full)
    status = cli.run(["import", str(tmp_path / "ws.plandesk"), str(plan)])
    assert status == 2
    assert capsys.readouterr().err == f"错误：{plan}：磁盘空间已满，未写入任何内容。请清理磁盘后重试。\n"


def test_a_file_error_a_library_wrapped_is_still_a_file_error(tmp_path, log_dir, monkeypatch,
                                                              capsys):
    plan = tmp_path / "要点.txt"
    plan.write_text("一、总体要求\n", encoding="utf-8")

    class WriterError(Exception):
        """What a writing library raises for an OSError it caught."""

    def full(path):
        try:
            raise OSError(28, "No space left on device", str(path))
        except OSError as e:
            raise WriterError(e)     # noqa: B904 - as the library does: a new error
    monkeypatch.setattr(import_cmd, "parse_any", full)
    status = cli.run(["import", str(tmp_path / "ws.plandesk"), str(plan)])
    assert status == 2
    assert capsys.readouterr().err == f"错误：{plan}：磁盘空间已满，未写入任何内容。请清理磁盘后重试。\n"
    assert not (log_dir / applog.LOG_NAME).exists()
