"""督办 and 催报 under the office's own head: 版头, the next 发文字号 of its sequence, 版记,
and plain letters while the office has stored no notice."""
from __future__ import annotations

import datetime as dt
import zipfile

from lxml import etree

from models import reminders
from reports.docx.check import check_docx
from reports.office_notice import office_head
from reports.reminder_notice import render_reminder

from test_docx_structure import Docx
from test_reminders import _plan

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TODAY = dt.date(2025, 10, 13)


def paragraphs(path) -> list[tuple[str, set[str]]]:
    """(text, run colours) of every paragraph of the body."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        colours = {c.get(W + "val") for c in p.iter(W + "color")}
        out.append((text, colours))
    return out


def _store_notice(ws, plan, mark: str, number: str, signer: str) -> None:
    ws.save_notice(plan.uuid, {"issuer_mark": mark, "doc_number": number, "signer": signer,
                               "letterhead": "printed", "sealed": True, "date": "2025-03-01",
                               "title": "关于印发《方案》的通知", "cc": "区委办公室"})


def _reminder(ws, plan, rnd, out, head):
    rnd = reminders.set_due_date(ws, plan.uuid, rnd.uuid, "2025-10-10")
    pending = reminders.pending_departments(ws, plan.uuid, rnd.uuid, TODAY)
    return render_reminder(ws.plan(plan.uuid), rnd, pending, out, TODAY, head=head)


def test_without_a_stored_notice_the_reminder_is_a_plain_letter(ws, tmp_path):
    plan, rnd, _ = _plan(ws)
    assert office_head(ws, TODAY) == {}
    out = _reminder(ws, plan, rnd, tmp_path / "催报.docx", office_head(ws, TODAY))
    texts = [t for t, _ in paragraphs(out)]
    assert texts[0].startswith("关于报送")                 # no 版头 above the title
    assert not any("印发" in t for t in texts)


def test_the_reminder_carries_the_offices_head_number_and_colophon(ws, tmp_path):
    plan, rnd, _ = _plan(ws)
    _store_notice(ws, plan, "槐荫区人民政府办公室文件", "槐政办字〔2025〕7号", "槐荫区人民政府办公室")
    head = office_head(ws, TODAY)
    assert head["doc_number"] == "槐政办字〔2025〕8号" and "cc" not in head
    out = _reminder(ws, plan, rnd, tmp_path / "催报.docx", head)
    paras = paragraphs(out)
    texts = [t for t, _ in paras]
    docx = Docx(out)
    mark = docx.run_props(docx.find_p("^槐荫区人民政府办公室文件$"))
    assert mark.color == "FF0000" and mark.east_asia == "方正小标宋简体"    # the red 发文机关标志
    number = docx.res.ppr(docx.find_p("^槐政办字〔2025〕8号$"))
    assert number.border_bottom["color"] == "FF0000"                    # with the red rule
    assert "区市场监管局、区发展改革局：" in texts
    assert any("报送槐荫区人民政府办公室" in t for t in texts)          # replies go to the office
    colophon = [t for t in texts if t.endswith("印发")]
    assert colophon and "槐荫区人民政府办公室" in colophon[-1] and "2025年10月13日印发" in colophon[-1]
    assert not any("区委办公室" in t for t in texts)               # the notice's 抄送 stays there
    assert check_docx(out) == []

    # the number is recorded once written and the next letter takes the one after; a
    # number on a printed letter stays spent, so undo (of the due date here) keeps it
    ws.record_doc_numbers([head["doc_number"]])
    assert office_head(ws, TODAY)["doc_number"] == "槐政办字〔2025〕9号"
    ws.undo()
    assert ws.round(plan.uuid, rnd.name).due_date is None
    assert office_head(ws, TODAY)["doc_number"] == "槐政办字〔2025〕9号"


def test_a_new_year_starts_the_sequence_again_and_a_batch_counts_its_own(ws, tmp_path):
    plan, rnd, _ = _plan(ws)
    _store_notice(ws, plan, "济南市槐荫区督查室文件", "槐督字〔2024〕31号", "济南市槐荫区督查室")
    today = dt.date(2025, 1, 6)
    first = office_head(ws, today)
    assert first["doc_number"] == "槐督字〔2025〕1号"
    assert office_head(ws, today, [first["doc_number"]])["doc_number"] == "槐督字〔2025〕2号"
