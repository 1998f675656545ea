"""A task's printed deadline gives the years the year filter and facet use."""

from __future__ import annotations

import pytest
from plangraph.ingest.years import deadline_years


@pytest.mark.parametrize(("printed", "years"), [
    ("2025年底前", [2025]),
    ("2024年6月底前、2025年底前", [2024, 2025]),
    ("2026 年 12 月", [2026]),
    ("二〇二五年底前", [2025]),
    ("长期坚持", []),
    ("持续推进,每年12月底前报送", []),
    ("第20250号", []),
    (2027, [2027]),
    (None, []),
])  # fmt: skip
def test_deadline_years(printed, years) -> None:
    assert deadline_years(printed) == years
