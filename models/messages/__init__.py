"""Messages as codes with arguments, rendered once in the clerk's language.

The domain and the file readers never build sentences for the clerk. They raise a
``PlanDeskError`` or return a ``Message``: a code such as ``"import.empty_file"`` with its
arguments. One catalog turns it into text — Chinese by default (the CLI always, the GUI
unless the clerk chose English):

    raise PlanDeskError("import.empty_file", file="要点.docx")
    str(error)                       # "要点.docx：文件是空的，没有可导入的内容。"
    render(error.message, "en")      # "要点.docx: the file is empty; there is nothing to import."

Each area of the code keeps its own codes in a module of this package (``store.py``,
``importer.py`` …), listed in ``_AREAS``; a code is ``area.name``. ``tests/test_messages.py``
checks every entry: both languages present, the same placeholders, no Latin words in the
Chinese text.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from collections.abc import Mapping

_CODE = re.compile(r"[a-z_]+\.[a-z0-9_.]+")

# The catalog modules, in one explicit list: a broken module fails at import, never hides.
_AREAS = ("common", "store", "container", "importer", "exchange", "docx", "chain", "app", "system",
          "status")

LANGUAGES = ("zh", "en")
_language = "zh"


@dataclass(frozen=True)
class Message:
    """A code and its arguments: what happened, and where (file, sheet!cell, line, page)."""
    code: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        return render(self, lang)

    def __str__(self) -> str:
        return render(self)


def msg(code: str, **args: Any) -> Message:
    return Message(code, args)


@cache
def catalog() -> dict[str, tuple[str, str]]:
    """code -> (Chinese, English), merged from the area modules."""
    merged: dict[str, tuple[str, str]] = {}
    for area in _AREAS:
        for name, pair in _area(area).items():
            code = f"{area}.{name}"
            if code in merged:
                raise RuntimeError(f"duplicate message code {code}")
            merged[code] = pair
    return merged


@cache
def _area(area: str) -> Mapping[str, tuple[str, str]]:
    """One area's messages, its module imported when a code of it is first rendered."""
    if area not in _AREAS:
        return {}
    return importlib.import_module(f"{__name__}.{area}").MESSAGES


def texts(code: str) -> tuple[str, str] | None:
    """(Chinese, English) of ``code``, or None for a code without text."""
    area, _, name = code.partition(".")
    return _area(area).get(name)


def set_language(lang: str) -> None:
    """The language ``str()`` of a message uses (the GUI sets it from the settings)."""
    global _language
    _language = lang if lang in LANGUAGES else "zh"


def language() -> str:
    return _language


def render(message: Message, lang: str | None = None) -> str:
    lang = lang or _language
    pair = texts(message.code)
    if pair is None:
        # A code without text is a bug; still show the clerk something readable.
        pair = _area("common")["unknown"]
        args: Mapping[str, Any] = {"code": message.code}
    else:
        args = {k: _arg_text(v, lang) for k, v in message.args.items()}
    text = pair[0] if lang == "zh" else pair[1]
    try:
        return " ".join(text.format(**args).split())
    except (KeyError, IndexError, ValueError):
        return " ".join(text.split())


def _arg_text(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return render(value, lang)
    if isinstance(value, (list, tuple)) and not isinstance(value, str):
        sep = "、" if lang == "zh" else ", "
        return sep.join(str(_arg_text(v, lang)) for v in value)
    return value


class PlanDeskError(Exception):
    """Everything the CLI reports as one line and the GUI shows as one line.

    Subclasses say which kind of failure it is; the text always comes from the catalog.
    """

    def __init__(self, code: str | Message, **args: Any):
        if isinstance(code, Message):
            self.message = code
        elif _CODE.fullmatch(code):
            self.message = Message(code, args)
        else:
            # Older call sites pass finished Chinese text; it is shown as is.
            self.message = Message("common.text", {"text": code})
        super().__init__(self.message.code)

    @property
    def code(self) -> str:
        return self.message.code

    def __str__(self) -> str:
        return render(self.message)

    def render(self, lang: str | None = None) -> str:
        return render(self.message, lang)
