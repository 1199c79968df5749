"""Render a 2,000-task plan as a notice with its division table; print the time.

    .venv/bin/python benchmarks/bench_docx.py [--tasks N] [--paginate] [--out DIR]

Goal: under 5 s without --paginate (the LibreOffice page count comes on top).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.docx import check_docx, render_division_table_docx, render_notice  # noqa: E402
from reports.docx.samples import sample_notice, synthetic_plan  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=2000)
    ap.add_argument("--paginate", action="store_true", help="also count pages with LibreOffice")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()

    plan = synthetic_plan(args.tasks)
    notice = {**sample_notice(), "attachments": []}
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-docx-"))
    out.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    result = render_notice(plan, notice, out / "notice.docx", {"paginate": args.paginate})
    t1 = time.perf_counter()
    render_division_table_docx(plan, out / "table.docx")
    t2 = time.perf_counter()
    problems = check_docx(out / "notice.docx")
    t3 = time.perf_counter()

    size = (out / "notice.docx").stat().st_size / 1e3
    print(f"tasks: {args.tasks}")
    print(f"notice + plan + division table: {t1 - t0:.2f} s ({size:.0f} kB)"
          + (f", {result.pages} pages" if result.pages else ""))
    print(f"standalone division table:      {t2 - t1:.2f} s")
    print(f"check_docx:                     {t3 - t2:.2f} s ({len(problems)} deviations)")
    print(f"files in {out}")
    return 0 if (t1 - t0) < 5 or args.paginate else 1


if __name__ == "__main__":
    raise SystemExit(main())
