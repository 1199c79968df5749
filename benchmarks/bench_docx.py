"""A 2,000-task plan rendered as a notice with its division table, against the floor: raw
lxml writing the same XML (the same elements, attributes and text, built with
etree.SubElement, serialised and zipped with the same other parts).  CPU time in the same
run, the best of three; one line per goal::

    ratio notice_2k: X (goal 1.3)

    .venv/bin/python benchmarks/bench_docx.py [--tasks N] [--out DIR]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.docx import check_docx, render_division_table_docx, render_notice  # noqa: E402
from reports.docx.samples import sample_notice, synthetic_plan  # noqa: E402

GOAL = 1.3


def cpu(fn) -> float:
    best = None
    for _ in range(3):
        t0 = time.process_time()
        fn()
        spent = time.process_time() - t0
        best = spent if best is None else min(best, spent)
    return best


def rebuild(element):
    """The same tree made from scratch with lxml: tag, attributes, text, tail."""
    out = etree.Element(element.tag, dict(element.attrib), nsmap=element.nsmap)
    out.text = element.text

    def copy_children(src, dst):
        for child in src:
            if not isinstance(child.tag, str):
                continue
            made = etree.SubElement(dst, child.tag, dict(child.attrib))
            made.text, made.tail = child.text, child.tail
            copy_children(child, made)

    copy_children(element, out)
    return out


def floor_writer(reference: Path, out: Path):
    """Write `reference`'s package again: document.xml built by raw lxml, the rest copied."""
    with zipfile.ZipFile(reference) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    tree = etree.fromstring(parts["word/document.xml"])

    def write():
        doc = etree.tostring(rebuild(tree), xml_declaration=True, encoding="UTF-8",
                             standalone=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, doc if name == "word/document.xml" else data)
    return write


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    plan = synthetic_plan(args.tasks)
    notice = {**sample_notice(), "attachments": []}
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-docx-"))
    out.mkdir(parents=True, exist_ok=True)
    target = out / "notice.docx"

    ours = cpu(lambda: render_notice(plan, notice, target, {"paginate": False}))
    floor = cpu(floor_writer(target, out / "floor.docx"))
    t0 = time.process_time()
    render_division_table_docx(plan, out / "table.docx")
    table = time.process_time() - t0
    t0 = time.process_time()
    problems = check_docx(target)
    check = time.process_time() - t0

    size = target.stat().st_size / 1e3
    print(f"tasks: {args.tasks}; notice + plan + division table {ours:.2f} s ({size:.0f} kB), "
          f"raw lxml {floor:.2f} s; standalone table {table:.2f} s; "
          f"check_docx {check:.2f} s ({len(problems)} deviations)")
    print(f"ratio notice_{args.tasks // 1000}k: {ours / floor:.2f} (goal {GOAL})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
