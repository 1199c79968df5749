"""The 发文信息 of a plan's 印发通知 — header, number, title, addressees, signer, dates,
colophon — edited before the notice is rendered, checked as the clerk types against
``reports.docx.validate_notice`` (GB/T 9704), and saved in the workspace (one undo step).
"""
from __future__ import annotations


from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QScrollArea,
                               QVBoxLayout, QWidget)

from . import features

_MARK_KEYS = ("copy_number", "secrecy", "urgency", "signers", "direction")
_TEXT_KEYS = ("issuer_mark", "doc_number", "title", "addressees", "signer", "note", "cc",
              "printer")


def default_notice(ws, plan_uuid: str) -> dict:
    """The form's first draft: what the workspace knows (reports.notice_meta), with the
    attachments the notice will carry written out so the clerk sees and can rename them."""
    from reports.notice_meta import default_attachments, notice_for
    notice = notice_for(ws, plan_uuid)
    notice.setdefault("attachments", default_attachments(ws.plan(plan_uuid)))
    return notice


class NoticeDialog(QDialog):
    def __init__(self, parent, notice: dict):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Notice details"))
        self.resize(640, 620)
        self.fields: dict[str, QLineEdit] = {}
        page = QWidget()
        form = QFormLayout(page)
        self.letterhead = QComboBox()
        for code, text in (("printed", self.tr("Red header printed with the document")),
                           ("preprinted", self.tr("Paper with a preprinted red header")),
                           ("none", self.tr("No red header"))):
            self.letterhead.addItem(text, code)
        self.letterhead.setCurrentIndex(max(0, self.letterhead.findData(
            notice.get("letterhead", "printed"))))
        form.addRow(self.tr("Letterhead"), self.letterhead)
        self._marks(form, notice)
        labels = {"issuer_mark": self.tr("Issuer mark"), "doc_number": self.tr("Document number"),
                  "title": self.tr("Title"), "addressees": self.tr("Addressees"),
                  "signer": self.tr("Signed by"), "note": self.tr("Note"), "cc": self.tr("Copies to"),
                  "printer": self.tr("Printing office")}
        for key in _TEXT_KEYS:
            edit = QLineEdit(str(notice.get(key) or ""))
            edit.textChanged.connect(self._validate)
            self.fields[key] = edit
            form.addRow(labels[key], edit)
        self._signers(form, notice)
        self.fields["doc_number"].setPlaceholderText("济槐政字〔2022〕16号")
        self.fields["addressees"].setPlaceholderText("各街道办事处，区政府各部门：")
        self.attachments = QPlainTextEdit("\n".join(notice.get("attachments") or []))
        self.attachments.setFixedHeight(60)
        self.attachments.textChanged.connect(self._validate)
        form.addRow(self.tr("Attachments (one per line)"), self.attachments)
        self.date = QDateEdit(QDate.fromString(notice.get("date") or "", "yyyy-MM-dd")
                              if notice.get("date") else QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Date"), self.date)
        self.print_date = QDateEdit(QDate.fromString(notice.get("print_date") or "", "yyyy-MM-dd")
                                    if notice.get("print_date") else self.date.date())
        self.print_date.setCalendarPopup(True)
        self.print_date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("Printing date"), self.print_date)
        self.sealed = QCheckBox(self.tr("Sealed"))
        self.sealed.setChecked(bool(notice.get("sealed", True)))
        form.addRow("", self.sealed)
        for w in (self.date, self.print_date):
            w.dateChanged.connect(self._validate)
        self._extra = {k: v for k, v in notice.items()
                       if k not in (*_TEXT_KEYS, *_MARK_KEYS, "letterhead", "attachments", "date",
                                    "print_date", "sealed")}
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        self.problems = QLabel(self)
        self.problems.setObjectName("notice_problems")
        self.problems.setWordWrap(True)
        self.problems.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.problems.setStyleSheet("color: #c62828;")
        self.problems.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # The warnings get a space of their own, there from the start and never resized:
        # the fields above do not move under the clerk's mouse as warnings come and go.
        self.problems_area = QScrollArea(self)
        self.problems_area.setObjectName("notice_problems_area")
        self.problems_area.setWidgetResizable(True)
        self.problems_area.setWidget(self.problems)
        self.problems_area.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.problems_area.setFrameShape(QScrollArea.NoFrame)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problems_area)
        layout.addWidget(buttons)
        self._validate()

    def _marks(self, form, notice: dict) -> None:
        """份号, 密级和保密期限, 紧急程度: the marks above the red header (GB/T 9704 7.2)."""
        self.copy_number = QLineEdit(str(notice.get("copy_number") or ""))
        self.copy_number.setObjectName("notice_copy_number")
        self.copy_number.setPlaceholderText("000123")
        self.copy_number.setMaxLength(6)
        # 密级 and its 保密期限, printed as 机密★1年: a level from the list, a term typed.
        level, _star, term = str(notice.get("secrecy") or "").partition("★")
        self.secrecy = QComboBox()
        self.secrecy.setObjectName("notice_secrecy")
        for text, value in ((self.tr("Not classified"), ""), (self.tr("Secret"), "秘密"),
                            (self.tr("Confidential"), "机密"), (self.tr("Top secret"), "绝密")):
            self.secrecy.addItem(text, value)
        known = self.secrecy.findData(level)
        self.secrecy.setCurrentIndex(max(0, known))
        self.secrecy_term = QLineEdit(term if known >= 0 else str(notice.get("secrecy") or ""))
        self.secrecy_term.setObjectName("notice_secrecy_term")
        self.secrecy_term.setPlaceholderText(self.tr("term, as 1年 or 6个月 (optional)"))
        secrecy = QWidget()
        row = QHBoxLayout(secrecy)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.secrecy)
        row.addWidget(QLabel("★"))
        row.addWidget(self.secrecy_term, 1)
        self.urgency = QComboBox()
        self.urgency.setObjectName("notice_urgency")
        for text, value in ((self.tr("Not urgent"), ""), (self.tr("Urgent"), "加急"),
                            (self.tr("Extra urgent"), "特急")):
            self.urgency.addItem(text, value)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(notice.get("urgency") or "")))
        form.addRow(self.tr("Copy number"), self.copy_number)
        form.addRow(self.tr("Classification"), secrecy)
        form.addRow(self.tr("Urgency"), self.urgency)
        self.copy_number.textChanged.connect(self._validate)
        self.secrecy.currentIndexChanged.connect(self._validate)
        self.secrecy_term.textChanged.connect(self._validate)
        self.urgency.currentIndexChanged.connect(self._validate)

    def _signers(self, form, notice: dict) -> None:
        """签发人 of a 上行文: naming them makes the notice one, as ``render notice`` does."""
        names = notice.get("signers") or ""
        self.signers = QLineEdit("，".join(names) if isinstance(names, list) else str(names))
        self.signers.setObjectName("notice_signers")
        self.signers.setPlaceholderText("张三，李四")
        self.upward = QCheckBox(self.tr("Upward document (number on the left, approvers on "
                                        "the right)"))
        self.upward.setObjectName("notice_upward")
        self.upward.setChecked(notice.get("direction") == "up")
        self.signers.textChanged.connect(
            lambda text: self.upward.setChecked(True) if text.strip() else None)
        self.signers.textChanged.connect(self._validate)
        self.upward.toggled.connect(self._validate)
        row, _role = form.getWidgetPosition(self.fields["doc_number"])
        form.insertRow(row + 1, self.tr("Approved for issue by"), self.signers)
        form.insertRow(row + 2, "", self.upward)

    def notice(self) -> dict:
        data = dict(self._extra)
        data["letterhead"] = self.letterhead.currentData()
        data["copy_number"] = self.copy_number.text().strip()
        level, term = self.secrecy.currentData(), self.secrecy_term.text().strip()
        data["secrecy"] = f"{level}★{term}" if level and term else level or term
        data["urgency"] = self.urgency.currentData()
        data["signers"] = self.signers.text().strip()
        data["direction"] = "up" if self.upward.isChecked() else "down"
        for key, edit in self.fields.items():
            data[key] = edit.text().strip()
        data["attachments"] = [a.strip() for a in self.attachments.toPlainText().splitlines()
                               if a.strip()]
        data["date"] = self.date.date().toString("yyyy-MM-dd")
        data["print_date"] = self.print_date.date().toString("yyyy-MM-dd") if data["printer"] else ""
        data["sealed"] = self.sealed.isChecked()
        return data

    def _validate(self) -> None:
        validate = _validator()
        problems = validate(self.notice()) if validate else []
        self.problems.setText("\n".join(f"• {p}" for p in problems))


def _validator():
    if not features.available("notice_docx"):
        return None
    try:
        from reports.docx import validate_notice
    except ImportError:
        return None
    return validate_notice


def edit_notice(parent, session, plan_uuid: str) -> dict | None:
    """Show the dialog; on Save store the details (if changed) and return them."""
    ws = session.ws
    stored = ws.notice(plan_uuid)
    d = NoticeDialog(parent, default_notice(ws, plan_uuid))
    # What the form says before the clerk touches it: the stored details with the
    # defaults filled in (an emptied 印发机关 shows the issuer's office again), so
    # saving an untouched form adds no undo step.
    untouched = d.notice()
    if d.exec() != QDialog.Accepted:
        return None
    data = d.notice()
    if data != stored and not (stored and data == untouched) and not ws.readonly:
        session.edit(ws.save_notice, plan_uuid, data)
    return data
