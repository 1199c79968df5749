"""Reading what a recipient typed: our own checks, since Excel's validation is advisory."""
from __future__ import annotations

from models.entities import STATUSES

from .exchange_format import STATUS_BY_LABEL, canon

_WIDE = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


class BadValue(ValueError):
    """The one-line reason a cell cannot be taken."""


def status_code(value) -> str:
    """未启动/推进中/已完成 (or the internal code) → code; "" when empty."""
    text = canon(value)
    if not text:
        return ""
    if text in STATUS_BY_LABEL:
        return STATUS_BY_LABEL[text]
    if text in STATUSES:
        return text
    raise BadValue(f"完成状态“{text}”无效，应为 未启动、推进中 或 已完成")


def percent_value(value, number_format: str = "General") -> float | None:
    """A percentage 0–100 from a number, "60", "60%" or a cell formatted as percent."""
    if value is None or canon(value) == "":
        return None
    if isinstance(value, bool):
        raise BadValue(f"完成百分比“{value}”不是数字")
    if isinstance(value, (int, float)):
        number = float(value)
        if "%" in (number_format or ""):
            number *= 100   # Excel stores 60% as 0.6
    else:
        # "60%" and "60" both mean sixty per cent.
        text = canon(value).translate(_WIDE).replace(" ", "")
        try:
            number = float(text.rstrip("%"))
        except ValueError:
            raise BadValue(f"完成百分比“{canon(value)}”不是数字") from None
    if number != number or not 0 <= number <= 100:   # NaN or out of range
        raise BadValue(f"完成百分比 {number:g} 超出 0–100 的范围")
    return round(number, 2)


def same(field: str, a, b) -> bool:
    """Equal as the clerk would judge: numbers within rounding, text by canonical form."""
    if field == "percent":
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - float(b)) < 0.005
    return canon(a) == canon(b)
