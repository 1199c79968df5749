"""Whatever comes in, the importer answers with a plan or a PlanImportError — nothing else."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reports.importer import PlanImportError, parse_file, parse_text
from reports.importer.responsibility import parse_responsibility, split_units
from reports.importer.table import parse_table_rows
from reports.importer.targets import find_targets

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
# the characters plans are made of, so random text often looks like a plan
PIECES = list("一二三四五六七八九十（）()、，。：；1234567890.．—①②\t\n <>/p") + [
    "牵头", "配合", "负责", "参加", "责任单位：", "牵头单位：", "完成时限：", "年底前", "各区、县级市", "局",
    "附件", "关于印发", "的通知", "〔2022〕", "号", "排在第一位的为牵头单位，下同", "不再列出", "<p>", "</p>",
    "达到", "万件", "%以上", "——", "方案", "要点", "\r\n"]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def either_plan_or_refusal(call):
    try:
        plan = call()
    except PlanImportError as error:
        assert "\n" not in str(error)
        return None
    assert isinstance(plan["tasks"], list) and plan["tasks"]
    return plan


@FAST
@given(st.lists(st.sampled_from(PIECES), max_size=120).map("".join))
def test_random_plan_like_text(text):
    either_plan_or_refusal(lambda: parse_text(text, "random.txt"))


@FAST
@given(st.text(max_size=400))
def test_random_unicode_text(text):
    either_plan_or_refusal(lambda: parse_text(text, "random.txt"))


@FAST
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 20000), st.integers(0, 20000))
def test_truncated_and_cut_seed_documents(text, start, length):
    either_plan_or_refusal(lambda: parse_text(text[start:start + length], "cut.txt"))


@FAST
@given(st.binary(max_size=600))
def test_random_bytes_as_a_file(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    either_plan_or_refusal(lambda: parse_file(path))


@FAST
@given(st.sampled_from(SEED_TEXTS), st.integers(1, 4000), st.sampled_from(["gb18030", "utf-16", "utf-8"]))
def test_truncated_encoded_files(tmp_path_factory, text, cut, encoding):
    path = tmp_path_factory.mktemp("cut") / "cut.txt"
    path.write_bytes(text.encode(encoding)[:cut])
    either_plan_or_refusal(lambda: parse_file(path))


@FAST
@given(st.lists(st.lists(st.sampled_from(PIECES + [""]).map(str), max_size=6), max_size=8))
def test_random_table_rows(rows):
    either_plan_or_refusal(lambda: parse_table_rows(rows, "rows.xlsx"))


@FAST
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_helpers_never_raise(text):
    roles, _ = parse_responsibility(text)
    assert set(roles) == {"lead", "support", "responsible", "guide"}
    assert all(unit for unit in split_units(text))
    for target in find_targets(text):
        assert isinstance(target["value"], (int, float))


DOCX = Path(__file__).parent / "data" / "import" / "h4_docx_autonumber.docx"


@settings(max_examples=60, deadline=None)
@given(st.integers(4, 40000), st.binary(min_size=0, max_size=8))
def test_truncated_or_damaged_docx(tmp_path_factory, cut, noise):
    data = DOCX.read_bytes()
    path = tmp_path_factory.mktemp("docx") / "damaged.docx"
    path.write_bytes(data[:cut] + noise + data[cut + len(noise):] if cut < len(data) else data[:cut])
    either_plan_or_refusal(lambda: parse_file(path))
