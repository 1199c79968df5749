"""Render settings: the practice values of design §4, with the defaults there.

Standard values (page, margins, sizes) are not settings; only what the standard leaves
open or what offices do differently is.  `RenderOptions.from_any` accepts None, a dict
(from the GUI or CLI) or an instance.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from . import units
from .fonts import DEFAULT_FACES, DEFAULT_FALLBACKS

DEFAULT_TABLE_COLUMNS = ["seq", "task", "content", "lead", "support", "deadline"]

# The responsibility annotation as offices write it: （牵头单位：…；配合单位：…）.
DEFAULT_ROLE_LABELS = {
    "lead": "牵头单位",
    "support": "配合单位",
    "responsible": "责任单位",
    "guide": "指导单位",
    "deadline": "完成时限",
}


@dataclass
class RenderOptions:
    fonts: dict = field(default_factory=lambda: dict(DEFAULT_FACES))
    fallbacks: dict = field(default_factory=lambda: dict(DEFAULT_FALLBACKS))
    latin_font: str | None = None        # None: digits in the role face (STD); "Times New Roman" is PRAC
    line_pitch: int = units.LINE
    bold_headings: bool = False          # a local rule, off by default
    sealed_blank_lines: int = 3          # room for the seal above a sealed signature
    blank_after_attachment_title: int = 1
    red_rule_sz: int = units.RED_RULE_SZ
    red_color: str = units.RED
    footer_distance_mm: float = units.FOOTER_DISTANCE_MM
    mark_spacer_mm: float = units.MARK_SPACER_MM
    mark_max_sz: int = units.SZ_XIAOCHU
    preprinted_height_mm: float | None = None   # None: the space the printed header takes
    include_plan: bool = True
    include_division_table: bool = True
    division_table_columns: list = field(default_factory=lambda: list(DEFAULT_TABLE_COLUMNS))
    table_only_assigned: bool = True     # rows only for tasks that carry a responsibility
    role_labels: dict = field(default_factory=lambda: dict(DEFAULT_ROLE_LABELS))
    table_title: str | None = None       # standalone 分工表: None -> plan title + 重点任务分工表
    attachment_label: str | None = None  # standalone 分工表 bound separately: e.g. 附件2
    colophon_even_page: bool | None = None   # None: take the notice's colophon_even_page
    colophon: bool = True                # False: the clerk prints no 版记 on purpose
    title_words: list = field(default_factory=list)   # names titles are never broken inside
    paginate: bool = True                # count pages with LibreOffice for the even colophon page
    soffice_timeout: int = 120

    @classmethod
    def from_any(cls, value=None, **overrides) -> RenderOptions:
        if value is None:
            opts = cls()
        elif isinstance(value, cls):
            opts = replace(value)
        elif isinstance(value, dict):
            known = {f.name for f in fields(cls)}
            unknown = sorted(set(value) - known)
            if unknown:
                raise ValueError("unknown render option(s): " + ", ".join(unknown))
            opts = cls(**{k: v for k, v in value.items() if k not in ("fonts", "fallbacks", "role_labels")})
            opts.fonts.update(value.get("fonts") or {})
            opts.fallbacks.update(value.get("fallbacks") or {})
            opts.role_labels.update(value.get("role_labels") or {})
        else:
            raise TypeError(f"options must be a dict or RenderOptions, not {type(value).__name__}")
        for key, val in overrides.items():
            if val is None:
                continue
            if key == "fonts":
                opts.fonts.update(val)
            else:
                setattr(opts, key, val)
        return opts

    def face(self, role: str) -> str:
        return self.fonts.get(role) or DEFAULT_FACES[role]

    def table_columns_spec(self):
        """None while the columns are the defaults: then they adapt to the plan."""
        spec = list(self.division_table_columns or [])
        return None if spec == DEFAULT_TABLE_COLUMNS else spec
