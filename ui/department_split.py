"""The dialog that splits a wrongly merged department name (国资委财政市场监管局) into the
departments it lists, one a line, with a first guess from the name's own endings."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

# Where one unit's name ends: 局, 委, 办, 厅 … (区市场监管局|区财政局); 委员会 before 委.
_ENDING = re.compile(r".+?(?:委员会|中心|集团|公司|局|委|办|厅|院|署|部|会|所|队|处|站)")


_PREFIX = re.compile(r"^(?:[区市县])")
_SUFFIX = re.compile(r"(?:委员会|局|委|办|厅)$")


def _stem(name: str) -> str:
    """区财政局 → 财政: how a unit is written when names run together."""
    return _SUFFIX.sub("", _PREFIX.sub("", name))


def guess_parts(name: str, known: dict[str, str] | None = None) -> list[str]:
    """国资委财政市场监管局 → 区国资委, 区财政局, 区市场监管局 when the registry knows them
    (``known``: name or alias → the registry's name), else cut at the names' endings."""
    stems = {}
    for alias, full in (known or {}).items():
        stem = _stem(alias)
        if len(stem) >= 2 and full != name:
            stems.setdefault(stem, full)
    parts, i = [], 0
    while i < len(name):
        stem = max((s for s in stems if name.startswith(s, i)), key=len, default=None)
        if stem is not None:
            end = i + len(stem)
            tail = re.match(r"委员会|局|委|办|厅", name[end:])
            parts.append(stems[stem])
            i = end + (len(tail.group(0)) if tail else 0)
            continue
        found = _ENDING.match(name, i)
        j = found.end() if found else len(name)
        # Stop an unknown part where a known unit begins.
        k = next((k for k in range(i + 1, j) if any(name.startswith(s, k) for s in stems)), j)
        parts.append(name[i:k])
        i = k
    return parts if len(parts) > 1 else [name]


class SplitDialog(QDialog):
    def __init__(self, name: str, parent=None, known: dict[str, str] | None = None):
        super().__init__(parent)
        self.setObjectName("split_dialog")
        self.setWindowTitle(self.tr("Split a department"))
        note = QLabel(self.tr("“{name}” lists several departments. Write each one on a line; "
                              "every task of “{name}” gets all of them in its role.").format(
                                  name=name))
        note.setWordWrap(True)
        self.edit = QPlainTextEdit("\n".join(guess_parts(name, known)))
        self.edit.setObjectName("split_parts")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.resize(420, 300)
        self._check()

    def parts(self) -> list[str]:
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(len(self.parts()) >= 2)


def ask_split(parent, name: str, known: dict[str, str] | None = None) -> list[str] | None:
    dialog = SplitDialog(name, parent, known)
    return dialog.parts() if dialog.exec() == QDialog.Accepted else None
