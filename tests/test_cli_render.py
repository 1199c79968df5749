"""render notice / table and check-docx from the command line, on imported seed plans."""
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from models.dump import plan_dict
from models.workspace import Workspace
from reports.docx import check_docx, render_notice
from reports.importer import parse_file
from reports.notice_meta import notice_for

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"


def run(*args):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("seed", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_notice_for_each_seed_passes_check_docx(tmp_path, seed):
    with Workspace.create(tmp_path / "ws.plandesk") as ws:
        plan = ws.insert_plan_tree(parse_file(SAMPLES / seed), seed)["plan"]
        notice = notice_for(ws, plan.uuid, {"doc_number": "槐知〔2025〕3号", "date": "2025-03-01",
                                            "issuer_mark": "济南市槐荫区市场监督管理局文件",
                                            "signer": "济南市槐荫区市场监督管理局",
                                            "addressees": "各街道办事处，区直各部门",
                                            "cc": "区委办公室，区政府办公室。",
                                            "printer": "济南市槐荫区市场监督管理局办公室"})
        out = tmp_path / "notice.docx"
        render_notice(plan_dict(ws, plan.uuid), notice, out, {"paginate": False})
    assert check_docx(out) == []


def test_cli_render_notice_saves_metadata_and_suggests_next_number(tmp_path):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, SAMPLES / "huaiyin_2022_ip_county_work_plan_notice.txt").returncode == 0
    out = tmp_path / "notice.docx"
    r = run("render", "notice", ws, "--out", out, "--cc", "区委各部门，区人大常委会办公室。",
            "--printer", "济南市槐荫区人民政府办公室")
    assert r.returncode == 0, r.stderr
    r = run("check-docx", out)
    assert r.returncode == 0 and "符合" in r.stdout
    # The notice's metadata is stored; a second plan gets the office's next number.
    assert run("import", ws, SAMPLES / "shandong_2021_ip_work_points.txt").returncode == 0
    with Workspace.open(ws) as w:
        first, second = w.plans()
        assert w.notice(first.uuid)["doc_number"] == "济槐政字〔2022〕16号"
        suggested = notice_for(w, second.uuid)
    assert suggested["doc_number"].startswith("济槐政字〔") and suggested["doc_number"].endswith("号")
    assert suggested["printer"] == "济南市槐荫区人民政府办公室"
    assert suggested["title"] == "关于印发《2021年山东省市场监督管理局知识产权工作要点》的通知"


@pytest.mark.parametrize("flag,value,words", [
    ("--doc-number", "济槐政字[2022]16号", "六角括号"),
    ("--doc-number", "济槐政字〔2022〕016号", "0"),
    ("--date", "2022-02-30", "日期"),
    ("--title", " ", "标题"),
])
def test_bad_metadata_is_refused_in_one_line(tmp_path, flag, value, words):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, SAMPLES / "huaiyin_2022_ip_county_work_plan_notice.txt").returncode == 0
    before = run("dump", ws).stdout
    out = tmp_path / "n.docx"
    r = run("render", "notice", ws, "--out", out, flag, value)
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and words in r.stderr
    assert not out.exists()
    assert json.loads(run("dump", ws).stdout) == json.loads(before)


def test_render_table_both_formats_and_wrong_suffix(tmp_path):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, SAMPLES / "huaiyin_2022_ip_county_work_plan_notice.txt").returncode == 0
    for name in ("t.docx", "t.xlsx"):
        r = run("render", "table", ws, "--out", tmp_path / name)
        assert r.returncode == 0, r.stderr
        assert (tmp_path / name).stat().st_size > 1000
    r = run("render", "table", ws, "--out", tmp_path / "t.pdf")
    assert r.returncode == 2 and ".docx" in r.stderr


def test_check_docx_reports_deviations_of_a_plain_document(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("一、总体要求")
    d.save(tmp_path / "plain.docx")
    r = run("check-docx", tmp_path / "plain.docx")
    assert r.returncode == 1 and len(r.stdout.splitlines()) >= 3
    (tmp_path / "fake.docx").write_text("not a zip")
    r = run("check-docx", tmp_path / "fake.docx")
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_cli_render_request_and_upward_report_options(tmp_path):
    ws = tmp_path / "ws.plandesk"
    assert run("import", ws, SAMPLES / "huaiyin_2022_ip_county_work_plan_notice.txt").returncode == 0
    out = tmp_path / "q.docx"
    args = ["render", "request", ws, "--out", out, "--title", "济南市槐荫区人民政府关于申请专项资金的请示",
            "--signers", "王某", "--contact", "张三，0531-87654321", "--date", "2025-05-06"]
    r = run(*args, "--addressees", "济南市人民政府，济南市财政局")
    assert r.returncode == 2 and "只主送一个上级机关" in r.stderr and not out.exists()
    r = run(*args, "--addressees", "济南市人民政府")
    assert r.returncode == 0, r.stderr
    assert check_docx(out) == []
    colophon = docx.Document(str(out)).tables[-1].rows[-1].cells[0].text
    assert colophon.startswith("济南市槐荫区人民政府办公室\t2025年5月6日印发")   # the issuer's office
    texts = [p.text for p in docx.Document(str(out)).paragraphs if p.text.strip()]
    assert texts[1].startswith("\t济槐政字〔2025〕") and texts[1].endswith("签发人：王某")
    assert "（联系人：张三，0531-87654321）" in texts and "妥否，请批示。" in texts
