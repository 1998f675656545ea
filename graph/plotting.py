"""matplotlib set-up for Chinese labels (notebooks): a CJK font from Debian ``fonts-noto-cjk``."""

from __future__ import annotations

from pathlib import Path

# preferred families, simplified Chinese first; the Debian package ships them all in one .ttc collection
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "Source Han Sans SC", "Noto Sans SC")
CJK_FONT_FILES = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
)


class MissingCJKFont(RuntimeError):
    """No CJK font is installed, so Chinese labels would render as empty boxes."""


def _available_families() -> set[str]:
    from matplotlib import font_manager

    return {f.name for f in font_manager.fontManager.ttflist}


def cjk_font_family() -> str:
    """The first installed family of ``CJK_FAMILIES`` (registering the Debian font file if matplotlib missed it)."""
    from matplotlib import font_manager

    families = _available_families()
    for family in CJK_FAMILIES:
        if family in families:
            return family
    for path in CJK_FONT_FILES:
        if path.is_file():
            font_manager.fontManager.addfont(str(path))
    families = _available_families()
    for family in CJK_FAMILIES:
        if family in families:
            return family
    raise MissingCJKFont(
        "no CJK font found for matplotlib (looked for " + ", ".join(CJK_FAMILIES) + "); install the Debian "
        "package fonts-noto-cjk (apt-get install fonts-noto-cjk) or run `make system-deps`"
    )


def use_cjk_font() -> str:
    """Make matplotlib draw text in a CJK font (sans-serif fallback kept); returns the family name."""
    import matplotlib as mpl

    family = cjk_font_family()
    mpl.rcParams["font.family"] = "sans-serif"
    mpl.rcParams["font.sans-serif"] = [family, *[f for f in mpl.rcParams["font.sans-serif"] if f != family]]
    mpl.rcParams["axes.unicode_minus"] = False  # the CJK fonts lack U+2212
    return family


def markdown_table(rows: list[dict], columns: list[str] | None = None, *, max_rows: int = 50) -> str:
    """Rows of dicts as a Markdown table (for ``IPython.display.Markdown`` in the notebooks)."""
    if not rows:
        return "*(无数据 · no rows)*"
    columns = columns or list(rows[0])

    def cell(value: object) -> str:
        if isinstance(value, float):
            value = f"{value:.3g}"
        return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r.get(c)) for c in columns) + " |" for r in rows[:max_rows]]
    if len(rows) > max_rows:
        lines.append(f"\n… {len(rows) - max_rows} more rows")
    return "\n".join(lines)
