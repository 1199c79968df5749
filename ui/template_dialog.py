"""Reporting templates from above: import one, correct its columns and rows, preview and
fill it for a round. Every correction is an undoable edit kept with the template, written
as an op on the database thread (``run_op``) like the import and the filling."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget)

from models.messages import PlanDeskError, msg
from models.read_plans import round_names
from models.templates import (FIELD_LABELS, confirm_all, confirm_row, map_column, template,
                              templates)

from .chain_common import item, plan_combo, t, table
from .worker import KeepsJobs, run_op

UNCERTAIN = QColor("#fff2b3")


def _import(ctx, ws, path: Path, plan_uuid: str) -> dict:
    from reports.template.fill import import_template
    return import_template(ws, path, plan_uuid)


def _fill(ctx, ws, template_uuid: str, round_name: str, path: Path) -> dict:
    from reports.template.fill import fill_template
    return fill_template(ws, template_uuid, round_name, path)


def _map_column(ctx, ws, template_uuid: str, letter: str, field: str) -> dict:
    return map_column(ws, template_uuid, letter, field)


def _confirm_all(ctx, ws, template_uuid: str) -> dict:
    return confirm_all(ws, template_uuid)


def _confirm_row(ctx, ws, template_uuid: str, sheet_row: int, task_uuid: str | None) -> dict:
    return confirm_row(ws, template_uuid, sheet_row, task_uuid)


class TemplateDialog(QDialog, KeepsJobs):
    """Reading, matching, the clerk's corrections and filling run on the database thread
    (``run_op``); each correction's op returns the template as it now reads."""

    def __init__(self, session, plan_uuid: str | None = None, parent=None):
        super().__init__(parent)
        self.session, self.ws = session, session.ws
        self.jobs: list = []
        self.setWindowTitle(t("ui_templates"))
        self.resize(980, 680)
        self.current: dict | None = None
        self.chooser = QComboBox()
        self.plans = plan_combo(self.ws, plan_uuid)
        importer = QPushButton(t("ui_import_template"))
        importer.clicked.connect(lambda: self.import_file())
        top = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.chooser, 1)
        row.addWidget(importer)
        top.addRow(t("ui_templates"), row)
        top.addRow(t("ui_template_for"), self.plans)
        self.columns = table([t("ui_col_column"), t("ui_col_header"), t("ui_col_field")])
        self.rows = table([t("ui_col_row"), t("ui_col_text"), t("ui_col_task"), t("ui_col_match")])
        self.round = QComboBox()
        self.round.setEditable(True)
        self.cells = table([t("ui_col_cell"), t("ui_col_field"), t("ui_col_value")])
        self.message = QLabel()
        self.message.setWordWrap(True)
        confirm = QPushButton(t("ui_confirm_rows"))
        confirm.clicked.connect(self.confirm_rows)
        preview = QPushButton(t("ui_preview"))
        preview.clicked.connect(self.show_preview)
        fill = QPushButton(t("ui_fill"))
        fill.clicked.connect(lambda: self.fill())
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(t("ui_round")))
        bottom.addWidget(self.round, 1)
        bottom.addWidget(confirm)
        bottom.addWidget(preview)
        bottom.addWidget(fill)
        split = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(QLabel(t("ui_columns")))
        lv.addWidget(self.columns)
        lv.addWidget(QLabel(t("ui_rows")))
        lv.addWidget(self.rows)
        split.addWidget(left)
        split.addWidget(self.cells)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self._fill_chooser()

    def _fill_chooser(self, select: str | None = None) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for tpl in templates(self.ws):
            self.chooser.addItem(tpl["title"] or tpl["file_name"], tpl["uuid"])
            if tpl["uuid"] == select:
                self.chooser.setCurrentIndex(self.chooser.count() - 1)
        self.chooser.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        uuid = self.chooser.currentData()
        self.current = template(self.ws, uuid) if uuid else None
        self._show()

    def _show(self) -> None:
        tpl = self.current
        self.columns.setRowCount(0)
        self.rows.setRowCount(0)
        self.round.clear()
        if tpl is None:
            return
        reading = tpl["reading"]
        self.columns.setRowCount(len(reading["columns"]))
        for r, col in enumerate(reading["columns"]):
            self.columns.setItem(r, 0, item(col["letter"]))
            self.columns.setItem(r, 1, item(col["header"]))
            box = QComboBox()
            box.addItem("—", "ignore")
            for field in FIELD_LABELS:
                if field != "ignore":
                    box.addItem(t(f"field_{field}"), field)
            box.setCurrentIndex(max(0, box.findData(col["field"] or "ignore")))
            box.currentIndexChanged.connect(
                lambda _i, b=box, letter=col["letter"]: self.set_field(letter, b.currentData()))
            self.columns.setCellWidget(r, 2, box)
        titles = {x.uuid: f"{n}{x.title}" for x, n in self._numbered(tpl["plan_uuid"])}
        self.rows.setRowCount(len(reading["rows"]))
        for r, row in enumerate(reading["rows"]):
            self.rows.setItem(r, 0, item(row["row"]))
            self.rows.setItem(r, 1, item(f"{row['label']}{row['text']}"))
            box = QComboBox()
            box.addItem(t("ui_no_task"), None)
            for uuid in dict.fromkeys([row.get("task"), *row.get("candidates", [])]):
                if uuid in titles:
                    box.addItem(titles[uuid], uuid)
            box.setCurrentIndex(max(0, box.findData(row.get("task"))))
            box.activated.connect(
                lambda _i, b=box, n=row["row"]: self.set_task(n, b.currentData()))
            self.rows.setCellWidget(r, 2, box)
            self.rows.setItem(r, 3, item(t("match_" + row.get("match", "none"))))
            if row.get("match") == "uncertain":
                for c in (0, 1, 3):
                    self.rows.item(r, c).setBackground(UNCERTAIN)
        self.round.addItems(list(reversed(round_names(self.ws))))

    def _numbered(self, plan_uuid):
        if not plan_uuid:
            return []
        numbers = self.ws.numbers(plan_uuid)
        return [(x, numbers[x.id]) for x in self.ws.tasks(plan_uuid)]

    # ---- edits -----------------------------------------------------------------------
    def _run(self, fn, *args, on_success):
        """Start ``fn`` as an op of this dialog; returns its job (None when busy)."""
        if self.session.busy:
            self.message.setText(str(msg("app.busy")))
            return None
        job = run_op(self.session, fn, *args, parent=self, title=t("ui_templates"),
                     on_success=on_success,
                     on_failure=lambda failure: self.message.setText(failure.message))
        self._keep(job)
        return job

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, t("ui_import_template"), "",
                                                  "Excel (*.xlsx *.xlsm)")
            if not path:
                return
        self._run(_import, Path(path), self.plans.currentData(),
                  on_success=lambda tpl: self._fill_chooser(tpl["uuid"]))

    def set_field(self, letter: str, field: str):
        """The clerk's field for a column; returns the op's job."""
        if not self.current:
            return None
        return self._run(_map_column, self.current["uuid"], letter, field,
                         on_success=self._read)

    def confirm_rows(self):
        """Take every proposal still to confirm (after the clerk looked at the yellow rows)."""
        if not self.current:
            return None
        return self._run(_confirm_all, self.current["uuid"],
                         on_success=lambda tpl: self._read(tpl, show=True))

    def set_task(self, sheet_row: int, task_uuid: str | None):
        if not self.current:
            return None
        return self._run(_confirm_row, self.current["uuid"], sheet_row, task_uuid,
                         on_success=lambda tpl: self._read(tpl, show=True))

    def _read(self, tpl: dict, show: bool = False) -> None:
        """The template as the op left it; the rows are shown again when they changed."""
        if self.current is None or tpl["uuid"] != self.current["uuid"]:
            return              # another template was chosen meanwhile
        self.current = tpl
        if show:
            self._show()

    # ---- filling ---------------------------------------------------------------------
    def show_preview(self) -> list:
        from reports.template.fill import preview
        self.cells.setRowCount(0)
        if not self.current or not self.round.currentText().strip():
            return []
        try:
            cells, left_out = preview(self.ws, self.current, self.round.currentText().strip())
        except PlanDeskError as e:
            self.message.setText(str(e))
            return []
        self.cells.setRowCount(len(cells))
        for r, c in enumerate(cells):
            self.cells.setItem(r, 0, item(c.address))
            self.cells.setItem(r, 1, item(t(f"field_{c.field}")))
            self.cells.setItem(r, 2, item(c.new))
        self.message.setText("" if not left_out else str(msg(
            "chain.template_left_out", rows=[str(x["row"]) for x in left_out])))
        return cells

    def fill(self, path: str | None = None) -> None:
        if not self.current or not self.round.currentText().strip():
            return
        if path is None:
            suggested = Path(self.current["file_name"]).stem + "（已填）.xlsx"
            path, _ = QFileDialog.getSaveFileName(self, t("ui_fill"), suggested, "Excel (*.xlsx)")
            if not path:
                return
        self._run(_fill, self.current["uuid"], self.round.currentText().strip(), Path(path),
                  on_success=lambda result: self.message.setText(
                      t("ui_filled", cells=result["cells"], file=path)))

