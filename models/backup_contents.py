"""What a backup holds, read for the clerk choosing one: how many plans and tasks.

The file is opened read-only and immutable (a backup is never written again), so reading
it takes no lock and leaves no journal beside it.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path


def backup_counts(path: Path) -> tuple[int, int] | None:
    """(plans, tasks) in the backup at ``path``; None when it cannot be read."""
    try:
        conn = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
        tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
        return plans, tasks
    except sqlite3.Error:
        return None
    finally:
        conn.close()
