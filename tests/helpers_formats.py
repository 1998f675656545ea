"""Turn a plain-text plan into the other formats users bring (for the format tests)."""

from __future__ import annotations

import html
from pathlib import Path

PDF_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def to_html(text: str, path: Path) -> Path:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    path.write_text(
        "<html><head><meta charset='utf-8'><title>t</title><style>p{color:red}</style>"
        "<script>var x = '一、不是标题';</script></head><body><nav>首页 | 政策文件</nav>"
        f"<div class='content'>{body}</div><footer>版权所有</footer></body></html>",
        encoding="utf-8",
    )
    return path


def to_docx(text: str, path: Path) -> Path:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        if line.strip():
            doc.add_paragraph(line.strip())
    doc.save(path)
    return path


def to_pdf(text: str, path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("cjk", fname=str(PDF_FONT))
    pdf.set_font("cjk", size=10)
    for line in text.splitlines():
        if line.strip():
            pdf.multi_cell(0, 6, text=line.strip())
            pdf.ln(3)
    pdf.output(str(path))
    return path
