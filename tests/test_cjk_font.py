"""graph.plotting makes matplotlib render Chinese labels in a CJK font (not DejaVu's empty boxes)."""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from plangraph.graph.plotting import CJK_FAMILIES, use_cjk_font  # noqa: E402

LABEL = "浙江省市场监督管理局"


def test_use_cjk_font_returns_an_installed_cjk_family() -> None:
    family = use_cjk_font()
    assert family in CJK_FAMILIES
    assert matplotlib.rcParams["font.sans-serif"][0] == family


def test_chinese_label_is_drawn_with_noto_sans_cjk(tmp_path: Path) -> None:
    use_cjk_font()
    fig, ax = plt.subplots(figsize=(3, 1))
    text = ax.text(0.1, 0.5, LABEL)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font" would fail the test
        fig.savefig(tmp_path / "label.png")
    plt.close(fig)
    path = font_manager.findfont(text.get_fontproperties(), fallback_to_default=False)
    assert "NotoSansCJK" in Path(path).name
    assert "DejaVu" not in path
    assert text.get_fontname().startswith("Noto Sans CJK")
    assert (tmp_path / "label.png").stat().st_size > 0


def test_every_glyph_of_the_label_exists_in_the_font() -> None:
    from matplotlib.ft2font import FT2Font

    use_cjk_font()
    prop = font_manager.FontProperties(family=["sans-serif"])
    font = FT2Font(font_manager.findfont(prop, fallback_to_default=False))
    assert all(font.get_char_index(ord(ch)) != 0 for ch in LABEL)
