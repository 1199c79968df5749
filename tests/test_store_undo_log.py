"""The typed undo log: rows named by columns, bounded in bytes, kept across migrations."""
import sqlite3

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import models.store as store_module
from models import undo
from models.errors import InvalidEdit
from models.messages import set_language
from models.schema import migrations as real_migrations
from models.workspace import Workspace


def changes(ws):
    seen = []
    ws.add_listener(seen.append)
    return seen


@pytest.mark.parametrize("old_text", ["见附件 VALUES(1, 2) 的说明", "原文写作 VALUES(-3,'x') 与 WHERE rowid=1"])
def test_edit_names_the_edited_row_whatever_the_old_text(tmp_path, old_text):
    with Workspace.create(tmp_path / "ws.plandesk") as ws:
        plan = ws.add_plan("方案")
        first = ws.add_task(plan.uuid, "第一项")
        task = ws.add_task(plan.uuid, "旧标题", text=old_text)
        assert task.id != first.id
        seen = changes(ws)
        ws.edit_task(task.uuid, title="新标题")
        assert seen[-1].rows == {"tasks": frozenset({task.id})}
        ws.undo()
        assert seen[-1].rows == {"tasks": frozenset({task.id})}
        assert ws.task(task.uuid).title == "旧标题"
        ws.delete_task(task.uuid)
        ws.undo()                                   # the row comes back by an INSERT
        assert seen[-1].rows == {"tasks": frozenset({task.id})}
        assert ws.task(task.uuid).text == old_text


def test_undo_labels_are_codes_rendered_in_the_clerks_language():
    ws = Workspace.memory()
    plan = ws.add_plan("方案")
    task = ws.add_task(plan.uuid, "建设产业大厦")
    ws.add_department("区财政局")
    ws.assign(task.uuid, "区财政局", "lead")
    assert ws.undo_label() == "设置“区财政局”为“建设产业大厦”的牵头单位"
    code, = ws.one("SELECT code FROM _undo_steps WHERE stack='undo' ORDER BY id DESC LIMIT 1")
    assert code == "store.op.assign"
    try:
        set_language("en")
        assert ws.undo_label() == "Make “区财政局” the lead department of “建设产业大厦”"
        assert ws.undo() == "Make “区财政局” the lead department of “建设产业大厦”"
        assert ws.redo_label().startswith("Make ")
        ws.undo()
        assert ws.undo_label() == "Add the task “建设产业大厦”"
        # A label given as finished text is shown as it was given.
        with ws.operation("批量修改"):
            ws.add_task(plan.uuid, "另一项")
        assert ws.undo_label() == "批量修改"
    finally:
        set_language("zh")


def big_plan(n: int, seed: int) -> dict:
    text = "推进知识产权强区建设，完善工作机制。" * 12
    return {"title": f"大计划{seed}", "tasks": [
        {"title": f"任务{seed}-{i}", "text": text, "roles": {}} for i in range(n)]}


def test_log_stays_within_its_byte_budget_and_the_file_is_bounded(tmp_path, monkeypatch):
    budget = 400_000
    monkeypatch.setattr(undo, "MAX_BYTES", budget)
    path = tmp_path / "ws.plandesk"
    sizes = []
    with Workspace.create(path) as ws:
        assert ws.one("PRAGMA auto_vacuum")[0] == 2          # incremental
        for cycle in range(5):
            plan = ws.insert_plan_tree(big_plan(300, cycle), backup=False)["plan"]
            ws.delete_plan(plan.uuid)
            newest = ws.one("SELECT bytes FROM _undo_steps ORDER BY id DESC LIMIT 1")[0]
            assert newest > budget / 2                       # deleting a plan logs its rows
            assert undo.log_bytes(ws.conn) <= budget + newest
            ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            sizes.append(path.stat().st_size)
        assert ws.undo() is not None                         # the newest step is kept
        assert len(ws.plans()) == 1
    # Five cycles take no more room than two: the trimmed log's pages are reused or given back.
    assert sizes[-1] <= sizes[1] * 1.2, sizes
    assert path.stat().st_size < 3 * 1024 * 1024


def test_trimming_gives_space_back_to_the_file_system(tmp_path, monkeypatch):
    monkeypatch.setattr(undo, "MAX_BYTES", 100_000)
    monkeypatch.setattr(store_module, "FREE_PAGES_KEPT", 16)
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        plan = ws.insert_plan_tree(big_plan(400, 0), backup=False)["plan"]
        ws.delete_plan(plan.uuid)                   # the whole plan is now in the log
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        full = path.stat().st_size
        for i in range(3):                          # small edits push the big step out
            ws.add_plan(f"小计划{i}")
        assert ws.one("SELECT count(*) FROM _undo_steps")[0] == 3
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert path.stat().st_size < full / 2, (full, path.stat().st_size)


def with_test_migration(monkeypatch):
    """The shipped migrations plus one that adds a column and writes to every task."""
    extended = Migrations("plandesk")
    extended._migrations = list(real_migrations._migrations)

    @extended(name="m900_test_task_note")
    def m900(db: Database) -> None:
        db.conn.execute("ALTER TABLE tasks ADD COLUMN note TEXT NOT NULL DEFAULT ''")
        db.conn.execute("UPDATE tasks SET note='迁移时写入'")
        db.conn.execute("CREATE TABLE attachments (id INTEGER PRIMARY KEY, task_id INTEGER, name TEXT)")

    monkeypatch.setattr(store_module, "migrations", extended)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(extended._migrations))
    monkeypatch.setattr(store_module, "KNOWN_MIGRATIONS", [m.name for m in extended._migrations])


def title(ws, task_id: int) -> str:
    return ws.one("SELECT title FROM tasks WHERE id=?", (task_id,))[0]


def uncovered_log_rows(ws) -> int:
    return ws.one("SELECT count(*) FROM _undo_log WHERE NOT EXISTS (SELECT 1 FROM _undo_steps "
                  "WHERE seq BETWEEN first_seq AND last_seq)")[0]


def test_history_survives_a_migration_that_adds_a_column(tmp_path, monkeypatch):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        plan = ws.add_plan("方案")
        kept = ws.add_task(plan.uuid, "保留的任务")
        added = ws.add_task(plan.uuid, "后加的任务")
        ws.edit_task(kept.uuid, title="改过的标题")
        steps = ws.undo_count()
    with_test_migration(monkeypatch)
    with Workspace.open(path) as ws:
        assert ws.one("SELECT note FROM tasks WHERE id=?", (kept.id,))[0] == "迁移时写入"
        assert ws.undo_count() == steps                      # the history was not dropped
        assert uncovered_log_rows(ws) == 0                   # the migration's writes left no rows
        assert ws.undo() == "修改任务“保留的任务”"
        assert title(ws, kept.id) == "保留的任务"
        ws.undo()
        assert ws.one("SELECT count(*) FROM tasks")[0] == 1
        ws.redo()
        assert title(ws, added.id) == "后加的任务"
        # The new column and the new table are undone like the others.
        with ws.operation("写备注"):
            ws.conn.execute("UPDATE tasks SET note='新备注' WHERE id=?", (kept.id,))
            ws.conn.execute("INSERT INTO attachments(task_id, name) VALUES (?, '附件.pdf')", (kept.id,))
        ws.undo()
        assert ws.one("SELECT note FROM tasks WHERE id=?", (kept.id,))[0] == "迁移时写入"
        assert ws.one("SELECT count(*) FROM attachments")[0] == 0


def test_history_of_the_first_log_format_is_converted(tmp_path):
    """A workspace of schema 2 whose log holds bare SQL still undoes after the upgrade."""
    path = tmp_path / "v2.plandesk"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id={store_module.APPLICATION_ID}")
    real_migrations.apply(Database(conn), stop_before="m003_typed_undo_log")
    conn.execute("PRAGMA user_version=2")
    c = conn.execute
    c("INSERT INTO meta VALUES ('workspace_uuid', 'old-uuid')")
    c("INSERT INTO plans(id, uuid, title) VALUES (1, 'p-1', '方案')")
    c("INSERT INTO tasks(id, uuid, plan_id, position, title, text) VALUES (1, 't-1', 1, 0, '甲', '')")
    c("INSERT INTO tasks(id, uuid, plan_id, position, title, text) VALUES (2, 't-2', 1, 1, '新标题', 'VALUES(1, 2)')")
    # What the first triggers wrote for: adding task 2, then renaming it.
    c("INSERT INTO _undo_log(seq, sql) VALUES (1, 'DELETE FROM tasks WHERE rowid=2')")
    c("INSERT INTO _undo_log(seq, sql) VALUES (2, 'UPDATE tasks SET uuid=''t-2'',plan_id=1,"
      "parent_id=NULL,position=1,title=''旧标题'',text=''VALUES(1, 2)'',label_style='''',"
      "deadline_text='''',deadline_date=NULL,deadline_kind='''',status='''',implements=NULL,"
      "source_line=NULL WHERE rowid=2')")
    c("INSERT INTO _undo_steps(stack, label, first_seq, last_seq) VALUES ('undo', '添加任务“旧标题”', 1, 1)")
    c("INSERT INTO _undo_steps(stack, label, first_seq, last_seq) VALUES ('undo', '修改任务“旧标题”', 2, 2)")
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.workspace_uuid == "old-uuid"
        seen = changes(ws)
        assert ws.undo() == "修改任务“旧标题”"
        assert seen[-1].rows == {"tasks": frozenset({2})}
        assert ws.task("t-2").title == "旧标题"
        assert ws.undo() == "添加任务“旧标题”"
        assert [t.uuid for t in ws.tasks("p-1")] == ["t-1"]
        assert ws.one("PRAGMA auto_vacuum")[0] == 2         # converted once, after a backup


def test_a_step_the_schema_no_longer_fits_is_dropped_with_a_clear_line(tmp_path):
    path = tmp_path / "ws.plandesk"
    with Workspace.create(path) as ws:
        plan = ws.add_plan("方案")
        task = ws.add_task(plan.uuid, "任务")
        ws.edit_task(task.uuid, title="改名")
        # As a migration that drops a column would leave it.
        undo.drop_triggers(ws.conn)
        ws.conn.execute("ALTER TABLE tasks DROP COLUMN implements")
        undo.install_triggers(ws.conn)
        with pytest.raises(store_module.WorkspaceError) as err:
            ws.undo()
        assert "无法撤销" in str(err.value)
        assert ws.undo_count() == 0
        assert ws.one("SELECT title FROM tasks WHERE id=?", (task.id,))[0] == "改名"


def _big_plan(tasks: int) -> dict:
    return {"title": "大方案", "tasks": [
        {"title": f"第{i}项", "roles": {"lead": ["区财政局"], "support": ["区科技局", "区商务局"]},
         "targets": [{"metric": "专利拥有量", "value": i, "unit": "件"}]} for i in range(tasks)]}


def test_a_bulk_import_logs_the_same_entries_as_the_triggers(monkeypatch):
    """An import of thousands of rows writes its undo entries in one statement per table:
    the log holds what the per-row triggers would have written, and undo removes it all."""
    logs = []
    for bulk_rows in (undo.BULK_ROWS, 10 ** 9):          # bulk, then row by row
        monkeypatch.setattr(undo, "BULK_ROWS", bulk_rows)
        ws = Workspace.memory()
        ws.add_task(ws.add_plan("已有方案").uuid, "已有的一项")
        seen = changes(ws)
        ws.insert_plan_tree(_big_plan(600), backup=False)
        logs.append(ws.conn.execute("SELECT seq, tbl, row_id, sql FROM _undo_log ORDER BY seq")
                    .fetchall())
        assert len(seen[-1].rows["assignments"]) == 1800 and len(seen[-1].rows["targets"]) == 600
        # the triggers are back: a later edit is logged and undone as before
        ws.add_task(ws.plans()[0].uuid, "后加的一项")
        ws.undo()
        ws.undo()
        assert [p.title for p in ws.plans()] == ["已有方案"]
        assert ws.one("SELECT count(*) FROM tasks")[0] == 1
        ws.close()
    assert [tuple(r) for r in logs[0]] == [tuple(r) for r in logs[1]]
    assert sum(1 for r in logs[0] if r[1] == "tasks") == 601


def test_a_batch_keeps_each_step_or_none_of_them(ws):
    heard = []
    ws.add_listener(heard.append)
    steps = ws.undo_count()
    with ws.batch():
        ws.add_plan("第一份")
        with pytest.raises(InvalidEdit):
            with ws.operation("失败的一步"):
                ws.add_plan("不该留下")
                raise InvalidEdit("common.file_not_found", file="报回.xlsx")
        ws.add_plan("第二份")
        assert heard == []                       # told once the batch is committed
    assert [p.title for p in ws.plans()] == ["第一份", "第二份"]
    assert ws.undo_count() == steps + 2 and len(heard) == 2
    ws.undo()
    assert [p.title for p in ws.plans()] == ["第一份"]

    with pytest.raises(OSError):
        with ws.batch():
            ws.add_plan("第三份")
            raise OSError(28, "No space left on device", "汇总.xlsx")
    assert [p.title for p in ws.plans()] == ["第一份"] and ws.undo_count() == steps + 1
    assert len(heard) == 3                       # the undo; nothing of the failed batch

    # A batch inside a batch or an operation is refused, in the clerk's words, and the
    # outer work goes on untouched.
    with ws.batch():
        with pytest.raises(InvalidEdit, match="这项工作须单独进行"):
            with ws.batch():
                pass
        with ws.operation("一步"):
            with pytest.raises(InvalidEdit, match="这项工作须单独进行"):
                with ws.batch():
                    pass
        ws.add_plan("第四份")
    assert [p.title for p in ws.plans()][-1] == "第四份"


def test_a_new_file_has_the_schema_sqlite_utils_gives_it(tmp_path):
    """A new workspace is made without sqlite-utils: the same tables, indexes and triggers,
    and the same record of applied migrations, as when its Migrations run them."""
    made = Workspace.create(tmp_path / "new.plandesk")
    made.close()
    conn = sqlite3.connect(tmp_path / "by-sqlite-utils.sqlite", isolation_level=None)
    real_migrations.apply(Database(conn))
    undo.install_triggers(conn)
    fresh = sqlite3.connect(tmp_path / "new.plandesk")

    def schema(c):
        return sorted(c.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                "WHERE name NOT LIKE 'sqlite_autoindex%'").fetchall())

    def applied(c):
        return c.execute("SELECT id, migration_set, name FROM _sqlite_migrations ORDER BY id").fetchall()
    assert schema(fresh) == schema(conn)
    assert applied(fresh) == applied(conn) and len(applied(fresh)) == len(real_migrations.steps)
    assert real_migrations.pending(Database(fresh)) == []
    fresh.close()
    conn.close()
