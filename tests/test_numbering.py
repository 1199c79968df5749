"""Official numbering computed from the tree."""
import pytest

from models.numbering import chinese_numeral, label, number_tree


@pytest.mark.parametrize("n,text", [(1, "一"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"),
                                    (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
                                    (110, "一百一十"), (115, "一百一十五"), (1000, "一千"),
                                    (1001, "一千零一"), (2305, "二千三百零五")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


def test_labels_by_level():
    assert [label(s, 3) for s in (1, 2, 3, 4, 5)] == ["三、", "（三）", "3.", "（3）", "③"]
    assert label(1, 11) == "十一、" and label(2, 20) == "（二十）"


def tree(spec):
    """spec: list of (name, style, children)."""
    return spec


def number(spec, continuous=False):
    labels = number_tree(spec, lambda n: n[2], lambda n: n[1], continuous, key=lambda n: n[0])
    return labels


def test_depth_styles_and_run_on_level3():
    spec = [("a", "", [("a1", "", [("x1", "", []), ("x2", "", [("y", "", [("z", "", [])])])]),
                       ("a2", "", [("x3", "", [])])]),
            ("b", "", [("b1", "", [("x4", "", [])])])]
    per = number(spec)
    assert [per[k] for k in ("a", "a1", "x1", "x2", "y", "z", "a2", "x3", "b", "b1", "x4")] == \
        ["一、", "（一）", "1.", "2.", "（1）", "①", "（二）", "1.", "二、", "（一）", "1."]
    run_on = number(spec, continuous=True)
    assert [run_on[k] for k in ("x1", "x2", "x3", "x4")] == ["1.", "2.", "3.", "4."]


def test_skipped_level_dash_and_unnumbered():
    spec = [("a", "", [("m1", "3", []), ("m2", "3", [])]),
            ("b", "", [("d1", "dash", []), ("p", "none", []), ("d2", "dash", [])])]
    got = number(spec)
    assert (got["m1"], got["m2"]) == ("1.", "2.")
    assert (got["d1"], got["p"], got["d2"]) == ("——", "", "——")
    assert got["b"] == "二、"


def test_numbering_from_workspace_updates_live(ws):
    p = ws.add_plan("方案")
    a = ws.add_task(p.uuid, "总体要求")
    b = ws.add_task(p.uuid, "重点任务")
    nums = ws.numbers(p.uuid)
    assert (nums[a.id], nums[b.id]) == ("一、", "二、")
    ws.indent_task(b.uuid)
    assert ws.numbers(p.uuid)[b.id] == "（一）"
    for i in range(10):
        ws.add_task(p.uuid, f"第{i}")
    assert ws.numbers(p.uuid)[ws.children(p.uuid)[-1].id] == "十一、"
