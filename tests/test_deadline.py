"""Deadline texts and the dates they mean."""
import pytest

from models.deadline import parse_deadline


@pytest.mark.parametrize("text,year,date,kind", [
    ("2025年底前", None, "2025-12-31", "by"),
    ("2022年10月底前", None, "2022-10-31", "by"),
    ("6月底前", 2023, "2023-06-30", "by"),
    ("6月底前", None, None, ""),
    ("到2025年", None, "2025-12-31", "by"),
    ("2024年6月30日前", None, "2024-06-30", "by"),
    ("2023年上半年", None, "2023-06-30", "by"),
    ("第三季度", 2024, "2024-09-30", "by"),
    ("10月中旬", 2024, "2024-10-20", "by"),
    ("长期坚持", 2024, None, "ongoing"),
    ("持续推进", None, None, "ongoing"),
    ("每年2月底前", 2024, "2024-02-29", "recurring"),
    ("2022—2025年", None, "2025-12-31", "by"),
    ("2月30日前", 2023, None, ""),
    ("", 2023, None, ""),
])
def test_parse(text, year, date, kind):
    d = parse_deadline(text, year)
    assert (d.text, d.date, d.kind) == (text, date, kind)


def test_fullwidth_digits():
    assert parse_deadline("２０２３年底前").date == "2023-12-31"
