"""The workspace file: opening, creating, migrating, locking, operations and undo.

A ``Store`` owns one SQLite connection. Every edit runs inside ``operation(label)``:
one transaction, committed at once (no "Save" to forget), recorded as one undo step.
Domain methods live in the mixins of ``workspace.py``; this module knows nothing of plans.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager, suppress
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import undo
from .backup import take_backup
from .errors import (DamagedWorkspace, InvalidEdit, NewerWorkspace, NotAWorkspace, NotFound,
                     ReadOnlyWorkspace, StorageError, WorkspaceError)
from .fileformat import APPLICATION_ID, check_header, restore_hint, wal_pending
from .lock import WriterLock
from .messages import Message, msg
from .storage_errors import is_damage, is_storage, message_for, storage_errors
from .schema import KNOWN_MIGRATIONS, SCHEMA_VERSION, create_schema, migrations

if TYPE_CHECKING:
    from .entities import Change

EXTENSION = ".plandesk"
# What the WAL is cut back to after a checkpoint, and free pages left for the next edits.
WAL_LIMIT = 8 * 1024 * 1024
FREE_PAGES_KEPT = 256


def _is_schema_mismatch(e: sqlite3.Error) -> bool:
    text = str(e)
    return any(k in text for k in ("no such column", "no such table", "has no column",
                                   "NOT NULL constraint", "values for"))


def new_uuid() -> str:
    """A random (version 4) UUID in its usual text form, as ``str(uuid.uuid4())`` gives it,
    made directly: an import makes one per task, and the uuid module loads platform."""
    b = bytearray(os.urandom(16))
    b[6] = b[6] & 0x0F | 0x40          # version 4
    b[8] = b[8] & 0x3F | 0x80          # the RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_uuids(n: int) -> list[str]:
    """``n`` keys as ``new_uuid`` makes them, from one read of random bytes."""
    data = bytearray(os.urandom(16 * n))
    out = []
    for i in range(0, 16 * n, 16):
        data[i + 6] = data[i + 6] & 0x0F | 0x40
        data[i + 8] = data[i + 8] & 0x3F | 0x80
        h = data[i:i + 16].hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def looks_like_network_path(path: Path) -> bool:
    """WAL needs shared memory that network file systems do not provide."""
    s = str(path)
    return s.startswith("\\\\") or s.startswith("//")


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Read without writing a byte, even in a read-only folder or on a CD."""
    conn = None
    try:
        conn = _connect(f"{path.as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as e:
        if conn is not None:
            conn.close()
        if not is_storage(e):
            raise
        if wal_pending(path):
            # Its last changes wait in the WAL, which SQLite cannot read without writing.
            raise StorageError("store.wal_read_only", file=str(path), wal=f"{path.name}-wal") from e
    # No shared-memory file can be made beside it, and no WAL holds anything more.
    return _connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)


def _connect(target: str, uri: bool = False) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (sqlite-utils nests savepoints).
    # check_same_thread=False: the GUI hands its workspace to one database thread for long
    # operations (ui.worker.run_op), holding its own use of it meanwhile.
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout=5000")
    conn.execute("PRAGMA recursive_triggers=ON")     # as sqlite-utils' Database sets it
    return conn


class Store:
    """An open workspace file. Use ``Workspace.open``/``create``/``memory``."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, readonly: bool,
                 lock: WriterLock | None):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self._lock = lock
        self._op_depth = 0
        self._op_tables: set[str] = set()
        self._batch: list[Change] | None = None   # inside batch(): the steps' changes
        self._listeners: list[Callable[[Change], None]] = []
        self._holding = 0                  # hold_changes() calls not yet released
        self._held: list[Change] = []
        self._held_lock = threading.Lock()
        self.notes: list[str] = []   # things the clerk should know about this file
        if path is not None and looks_like_network_path(path):
            self.notes.append(str(msg("store.network_share")))

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, path, *, exist_ok: bool = False):
        """Create a new, empty workspace file atomically and open it for writing."""
        path = Path(path).absolute()
        if path.exists():
            if exist_ok:
                return cls.open(path)
            raise WorkspaceError("store.exists", file=str(path))
        if not path.parent.is_dir():
            raise WorkspaceError("store.folder_missing", folder=str(path.parent))
        tmp = path.with_name(f".{path.name}.{os.getpid()}.creating")
        try:
            with storage_errors(path):
                cls._create_file(tmp)
                os.replace(tmp, path)
        finally:
            # Nothing half-written stays behind when the disk or the folder refused.
            for leftover in (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                with suppress(OSError):
                    leftover.unlink(missing_ok=True)
        return cls.open(path)

    @staticmethod
    def _create_file(tmp: Path) -> None:
        # Python's open says why a folder refuses (read-only, permission); SQLite cannot.
        with open(tmp, "xb"):
            pass
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            # Before the first write: the space the undo log gives back can be returned.
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=DELETE")
            create_schema(conn)
            undo.install_triggers(conn)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()

    @classmethod
    def open(cls, path, *, readonly: bool = False, create: bool = False):
        """Open a workspace; refuse anything that is not one, leaving it byte-identical."""
        path = Path(path).absolute()
        if not path.exists():
            if create and not readonly:
                return cls.create(path)
            raise NotAWorkspace("common.file_not_found", file=str(path))
        if path.is_dir():
            raise NotAWorkspace("store.is_folder", file=str(path))
        check_header(path, SCHEMA_VERSION)
        with storage_errors(path):
            return cls._open_checked(path, readonly)

    @classmethod
    def _open_checked(cls, path: Path, readonly: bool):
        lock = None
        if not readonly:
            lock = WriterLock(path)
            lock.acquire()
        try:
            conn = _connect_readonly(path) if readonly else _connect(str(path))
            try:
                cls._verify(conn, path)
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise NewerWorkspace("store.newer", file=str(path))
                store = cls(conn, path, readonly, lock)
                if not readonly:
                    store._prepare_for_writing(version)
                elif version < SCHEMA_VERSION:
                    raise WorkspaceError("store.old_schema_readonly", file=str(path))
                return store
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock:
                lock.release()
            raise

    @classmethod
    def memory(cls):
        """A throw-away in-memory workspace (tests, previews)."""
        conn = _connect(":memory:")
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        store = cls(conn, None, False, None)
        store._prepare_for_writing(0)
        return store

    @staticmethod
    def _verify(conn: sqlite3.Connection, path: Path) -> None:
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as e:
            if not is_damage(e):
                raise StorageError(message_for(e, path)) from e
            raise DamagedWorkspace("store.damaged", file=str(path), reason=str(e),
                                   command=restore_hint(path)) from e
        if problems != ["ok"]:
            raise DamagedWorkspace("store.damaged", file=str(path), reason=problems[0],
                                   command=restore_hint(path))
        if app_id != APPLICATION_ID:
            raise NotAWorkspace("store.foreign_sqlite", file=str(path))
        if "_sqlite_migrations" in tables:
            applied = [r[0] for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set='plandesk'")]
            unknown = [n for n in applied if n not in KNOWN_MIGRATIONS]
            if unknown:
                raise NewerWorkspace("store.newer_migration", file=str(path), name=unknown[0])

    @property
    def db(self):
        """sqlite-utils' view of the connection, for the migrations (imported only then)."""
        from sqlite_utils import Database
        return Database(self.conn)

    def _prepare_for_writing(self, version: int) -> None:
        c = self.conn
        if self.path is not None:
            c.execute("PRAGMA journal_mode=WAL")
        c.execute("PRAGMA synchronous=FULL")
        c.execute("PRAGMA foreign_keys=ON")
        c.execute(f"PRAGMA journal_size_limit={WAL_LIMIT}")
        backed_up = False
        # Up to date (its migrations were checked by name in _verify): nothing to run.
        pending = version != SCHEMA_VERSION and migrations.pending(self.db)
        if pending:
            if self.path is not None and version > 0:
                take_backup(c, self.path, f"before-upgrade-v{version}")
                backed_up = True
            # Nothing a migration writes may reach the undo log: no step would cover it.
            self._in_transaction(lambda: undo.drop_triggers(c))
            # Migrations run with foreign keys off (they are ignored inside a transaction).
            c.execute("PRAGMA foreign_keys=OFF")
            migrations.apply(self.db)
            c.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            c.execute("PRAGMA foreign_keys=ON")
        if self.path is not None:
            self._make_incremental(backed_up)

        def finish():
            undo.install_triggers(c)      # new tables and columns are logged from now on
            undo.forget_orphans(c)
        self._in_transaction(finish)

    def _in_transaction(self, fn: Callable[[], object]) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            fn()
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _make_incremental(self, backed_up: bool) -> None:
        """Turn on incremental vacuum in a file created without it (needs one VACUUM)."""
        c = self.conn
        if self.path is None or c.execute("PRAGMA auto_vacuum").fetchone()[0] == 2:
            return
        try:
            if not backed_up:
                take_backup(c, self.path, "before-compact")
            c.execute("PRAGMA auto_vacuum=INCREMENTAL")
            c.execute("VACUUM")       # atomic: on failure the file is as it was
        except (sqlite3.OperationalError, OSError, StorageError):
            pass                      # a full disk or a busy reader: tried at the next opening

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if not self.readonly and self.path is not None:
                # Fold the WAL back so the single file can be copied to a USB stick.
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.DatabaseError:
            pass
        self.conn.close()
        self.conn = None  # type: ignore[assignment]  # closed: any further use is a bug
        with self._held_lock:
            self._held = []               # nobody may read a closed workspace's changes
        if self._lock:
            self._lock.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ---- operations ----------------------------------------------------------------
    @contextmanager
    def operation(self, label: str | Message):
        """One edit: a transaction committed at the end, and one undo step.

        ``label`` names the step in the undo menu: a message such as
        ``msg("store.op.add_task", title=…)``, rendered in the clerk's language when shown.
        Nested operations join the outermost one (one step, one commit).
        """
        if self._op_depth:
            self._op_depth += 1
            try:
                yield self
            finally:
                self._op_depth -= 1
            return
        if self.readonly:
            raise ReadOnlyWorkspace("store.readonly")
        c = self.conn
        batched = self._batch is not None
        with storage_errors(self.path or ":memory:"):
            c.execute("SAVEPOINT plandesk_step" if batched else "BEGIN IMMEDIATE")
        self._op_depth = 1
        change = None
        try:
            first = undo.last_seq(c)
            yield self
            step_label = undo.as_label(label)
            if undo.record_step(c, step_label, first):
                change = undo.change_in(c, step_label, "do", first + 1, undo.last_seq(c))
                undo.clear_redo(c)
                undo.prune(c)
            with storage_errors(self.path or ":memory:"):
                c.execute("RELEASE plandesk_step" if batched else "COMMIT")
        except BaseException as e:
            if batched and c.in_transaction:
                c.execute("ROLLBACK TO plandesk_step")     # this step only; the batch goes on
                c.execute("RELEASE plandesk_step")
            elif c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error) and is_storage(e):
                # Disk full or read-only in the middle of the edit: nothing of it was kept.
                raise StorageError(message_for(e, self.path)) from e
            raise
        finally:
            self._op_depth = 0
        if change and self._batch is not None:
            self._batch.append(change)         # told once the batch is committed
        elif change:
            self._give_back_space()
            self._notify(change)

    @contextmanager
    def batch(self):
        """Several operations kept together or not at all: each stays its own undo step,
        but nothing is committed unless the whole batch ends well (a 汇总 whose roll-up
        cannot be written keeps none of its returns)."""
        if self._batch is not None or self._op_depth:
            # A programming slip, never the clerk's: still said in the clerk's words.
            raise InvalidEdit("store.batch_nested")
        if self.readonly:
            raise ReadOnlyWorkspace("store.readonly")
        c = self.conn
        with storage_errors(self.path or ":memory:"):
            c.execute("BEGIN IMMEDIATE")
        self._batch = []
        try:
            yield self
            with storage_errors(self.path or ":memory:"):
                c.execute("COMMIT")
        except BaseException as e:
            if c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error) and is_storage(e):
                raise StorageError(message_for(e, self.path)) from e
            raise
        finally:
            changes, self._batch = self._batch or [], None
        if changes:
            self._give_back_space()
        for change in changes:
            self._notify(change)

    def _replay(self, stack: str) -> str | None:
        if self.readonly:
            raise ReadOnlyWorkspace("store.readonly")
        c = self.conn
        with storage_errors(self.path):
            c.execute("BEGIN IMMEDIATE")
        try:
            replayed = undo.replay(c, stack)
            c.execute("COMMIT")
        except (sqlite3.OperationalError, sqlite3.IntegrityError) as e:
            # The step's SQL no longer fits the schema (a migration renamed or dropped
            # what it names): that history cannot be replayed, so it is dropped.
            if c.in_transaction:
                c.execute("ROLLBACK")
            if not _is_schema_mismatch(e):
                raise
            self._in_transaction(lambda: undo.forget_history(c))
            raise WorkspaceError("store.undo_stale") from e
        except BaseException as e:
            if c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(e, sqlite3.Error) and is_storage(e):
                raise StorageError(message_for(e, self.path)) from e
            raise
        if replayed is None:
            return None
        label, inverse = replayed
        self._notify(undo.change_of(label, stack, inverse))
        return label.render()

    def undo(self) -> str | None:
        """Undo the last operation; returns its label, or None when there is nothing to undo."""
        return self._replay("undo")

    def redo(self) -> str | None:
        return self._replay("redo")

    def undo_label(self) -> str | None:
        """The name of the step undo would reverse, in the clerk's language."""
        step = undo.top(self.conn, "undo")
        return step.label.render() if step else None

    def step_size(self, stack: str = "undo") -> int:
        """How many rows undoing (or redoing) the top step rewrites: 0 when there is none."""
        step = undo.top(self.conn, stack)
        return step.last - step.first + 1 if step else 0

    def redo_label(self) -> str | None:
        step = undo.top(self.conn, "redo")
        return step.label.render() if step else None

    def _give_back_space(self) -> None:
        """Return free pages to the file system once they are a good part of the file."""
        if self.path is None:
            return
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        if free >= FREE_PAGES_KEPT and free * 4 >= pages:
            # Its own transaction after the edit's; each step frees one page, and only
            # executescript steps it to the end.
            try:
                self.conn.executescript("PRAGMA incremental_vacuum")
            except sqlite3.Error:
                pass          # the pages stay free for the next edits

    def undo_count(self) -> int:
        """How many operations can be undone."""
        return self.all("SELECT count(*) FROM _undo_steps WHERE stack='undo'")[0][0]

    def forget_history(self) -> None:
        """Drop every undo and redo step (what came before is not the clerk's to undo)."""
        self._in_transaction(lambda: undo.forget_history(self.conn))

    def bulk_backup(self, reason: str, spare: Path | None = None) -> Path | None:
        """Backup before a bulk change (import, exchange merge, restore).

        ``spare`` is a backup the rotation must not remove (the one being restored).
        """
        if self.path is None:
            return None
        return take_backup(self.conn, self.path, reason, spare)

    # ---- change notification ---------------------------------------------------------
    def add_listener(self, fn: Callable[[Change], None]) -> None:
        self._listeners.append(fn)

    def remove_listener(self, fn) -> None:
        if fn in self._listeners:
            self._listeners.remove(fn)

    def hold_changes(self) -> None:
        """Keep the changes made from now on, whichever thread makes them, until
        ``release_changes``: a window hands its workspace to another thread for a long
        edit and its listeners must hear of it on their own thread."""
        with self._held_lock:
            self._holding += 1

    def release_changes(self) -> None:
        """Tell the listeners the kept changes, in order, on the calling thread."""
        with self._held_lock:
            self._holding = max(0, self._holding - 1)
            if self._holding:
                return
            held, self._held = self._held, []
        for change in held:
            self._tell(change)

    def _notify(self, change: Change) -> None:
        with self._held_lock:
            if self._holding:
                self._held.append(change)
                return
        self._tell(change)

    def _tell(self, change: Change) -> None:
        for fn in list(self._listeners):
            fn(change)

    # ---- small helpers for the mixins ------------------------------------------------
    def one(self, sql: str, params=()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def all(self, sql: str, params=()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def id_of(self, table: str, uuid: str, what: str) -> int:
        if isinstance(uuid, int):
            return uuid
        row = self.one(f"SELECT id FROM {table} WHERE uuid=?", (uuid,))
        if row is None:
            raise NotFound("store.not_found.item", what=what, ref=uuid)
        return row[0]

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.one("SELECT value FROM meta WHERE key=?", (key,))
        return row[0] if row else default

    @property
    def workspace_uuid(self) -> str:
        return self.meta("workspace_uuid") or ""
