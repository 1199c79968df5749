"""Recognise a workspace file from its first bytes, before SQLite touches it.

SQLite would happily "open" an empty or truncated file and may write to it; we read the
100-byte header ourselves so that a wrong file is refused without a single byte changed.
"""
from __future__ import annotations

import os
import struct
from pathlib import Path

from .errors import NewerWorkspace, NotAWorkspace

SQLITE_MAGIC = b"SQLite format 3\x00"
# PRAGMA application_id of every PlanDesk workspace ("PDSK").
APPLICATION_ID = 0x5044534B


def describe_foreign(head: bytes) -> str:
    """A short guess at what a non-SQLite file is, for the error message."""
    if head.startswith(b"PK\x03\x04"):
        return "它是一个 ZIP 包（如 .xlsx/.docx 文件）"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "它是旧版 Office 文件（.xls/.doc）"
    if head.startswith(b"%PDF"):
        return "它是 PDF 文件"
    return "文件头不是 SQLite 数据库"


def check_header(path: Path, newest_schema: int) -> int:
    """Validate a workspace file's header; return its schema version (user_version).

    Raises NotAWorkspace or NewerWorkspace with a one-line message naming the file.
    """
    name = str(path)
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as e:
        raise NotAWorkspace(f"{name}: 无法读取（{e.strerror or e}）") from e
    if size == 0:
        raise NotAWorkspace(f"{name}: 文件是空的，不是 PlanDesk 工作区")
    if not head.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(f"{name}: 不是 PlanDesk 工作区（{describe_foreign(head)}）")
    if len(head) < 100:
        raise NotAWorkspace(f"{name}: 文件不完整（只有 {size} 字节），不是有效的工作区")
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count, = struct.unpack(">I", head[28:32])
    change_counter, = struct.unpack(">I", head[24:28])
    valid_for, = struct.unpack(">I", head[92:96])
    user_version, = struct.unpack(">I", head[60:64])
    app_id, = struct.unpack(">I", head[68:72])
    if page_size < 512 or page_size & (page_size - 1):
        raise NotAWorkspace(f"{name}: 文件头已损坏（页大小 {page_size}）")
    # The in-header page count is trustworthy only when valid_for matches the counter.
    if valid_for == change_counter and page_count and size < page_count * page_size:
        raise NotAWorkspace(
            f"{name}: 文件被截断（应有 {page_count * page_size} 字节，实际 {size} 字节），"
            "请从备份恢复")
    if app_id != APPLICATION_ID:
        raise NotAWorkspace(f"{name}: 这是一个 SQLite 数据库，但不是 PlanDesk 工作区")
    if user_version > newest_schema:
        raise NewerWorkspace(
            f"{name}: 该工作区由更新版本的 PlanDesk 创建（结构版本 {user_version}，"
            f"本程序支持到 {newest_schema}），请升级 PlanDesk 后再打开；文件未作任何改动")
    return user_version
