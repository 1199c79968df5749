"""parse_file: a .txt or .docx file -> the plan dict, refusing what is not a plan file."""

from __future__ import annotations

import os
from pathlib import Path

from .decoding import MAX_TEXT_BYTES, decode_bytes, refuse_known_binary, sniff_kind
from .errors import PlanImportError
from .plan import assemble, parse_text


def parse_file(path) -> dict:
    """Read a plan from ``path`` (.txt in UTF-8/GB18030/UTF-16, or .docx).

    The file's content decides how it is read (a .docx renamed .txt still works); anything
    unreadable, empty, binary, too large or without a plan in it raises PlanImportError
    with one line naming the file.
    """
    path = Path(os.fspath(path))
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise PlanImportError(name, "is a folder, not a file")
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(16)
            if size == 0:
                raise PlanImportError(name, "is empty")
            if sniff_kind(head) == "zip":
                from .docx_reader import read_docx  # python-docx only when a .docx comes in
                blocks, meta = read_docx(path, name)
                return assemble(blocks, meta, name)
            refuse_known_binary(head, name)
            if size > MAX_TEXT_BYTES:
                raise PlanImportError(
                    name, f"is too large ({size / 1048576:.1f} MB; the limit is 20 MB of text)")
            handle.seek(0)
            data = handle.read()
    except FileNotFoundError:
        raise PlanImportError(name, "does not exist") from None
    except PermissionError:
        raise PlanImportError(name, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise PlanImportError(name, "is a folder, not a file") from None
    except OSError as error:
        raise PlanImportError(name, f"cannot be read ({error.strerror or error})") from None
    return parse_text(decode_bytes(data, name), name)
