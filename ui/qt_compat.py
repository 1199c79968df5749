"""What differs across the supported PySide6 range (6.9.3 – 6.11.x; see pyproject.toml)."""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel


@contextmanager
def rows_filter_change(proxy: QSortFilterProxyModel):
    """Change what a proxy filters: Qt 6.10+ re-filters only the rows, older Qt re-filters all."""
    if hasattr(proxy, "endFilterChange"):
        proxy.beginFilterChange()
        yield
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        yield
        proxy.invalidateFilter()
