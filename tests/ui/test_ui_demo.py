"""The demo is built once per version into the cache; each demo opened is a fresh copy."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.workspace import Workspace  # noqa: E402
from ui import demo, features  # noqa: E402


def fake_build(calls):
    def build(path):
        calls.append(path)
        with Workspace.create(path) as ws:
            plan = ws.add_plan("演示计划")
            ws.add_task(plan.uuid, "建设知识产权大厦")
        exchange = path.with_name(path.stem + "-交换")
        exchange.mkdir()
        (exchange / "2023年第一季度-区科技局.xlsx").write_bytes(b"PK")
        return path
    return build


def test_the_demo_is_built_once_and_copied(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    monkeypatch.setitem(features._cache, "demo", fake_build(calls))
    first = demo.make_demo_workspace(tmp_path / "a")
    second = demo.make_demo_workspace(tmp_path / "b")
    assert len(calls) == 1                               # built once, copied twice
    assert first != second and first.name == second.name == demo.DEMO_NAME
    assert (second.parent / "演示工作区-交换" / "2023年第一季度-区科技局.xlsx").is_file()
    assert not list(second.parent.glob("*.lock"))        # not the builder's lock
    with Workspace.open(first) as ws:                    # the copies are independent
        ws.add_plan("只在第一个里")
    with Workspace.open(second) as ws:
        assert [p.title for p in ws.plans()] == ["演示计划"]


def test_a_changed_demo_source_builds_it_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    monkeypatch.setitem(features._cache, "demo", fake_build(calls))
    keys = iter(["aaaa", "bbbb"])
    monkeypatch.setattr(demo, "demo_key", lambda: next(keys))
    demo.make_demo_workspace(tmp_path / "a")
    demo.make_demo_workspace(tmp_path / "b")
    assert len(calls) == 2
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["demo-bbbb"]   # old one gone


def test_the_key_follows_the_sources(tmp_path, monkeypatch):
    (tmp_path / "models").mkdir()
    (tmp_path / "reports").mkdir()
    source = tmp_path / "reports" / "demo.py"
    source.write_text("ROUNDS = 2\n", encoding="utf-8")
    monkeypatch.setattr(demo, "ROOT", tmp_path)
    monkeypatch.setattr(demo, "SAMPLES", tmp_path / "samples")
    (tmp_path / "pyproject.toml").write_text('version = "1"\n', encoding="utf-8")
    before = demo.demo_key()
    assert demo.demo_key() == before
    source.write_text("ROUNDS = 3\n", encoding="utf-8")
    assert demo.demo_key() != before
