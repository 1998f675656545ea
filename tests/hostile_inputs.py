"""The hostile inputs of the hostile-input suite: name → writer. Each writes one file (or entry) in a folder.

Plans here are SHORT texts written for the tests; the hostile part is the encoding, container, size or the
names they carry."""

from __future__ import annotations

import io
import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

PLAN = ("{title}\n某市人民政府办公室\n2024年3月1日\n一、主要任务\n(一)完善计量服务体系。开展相关工作。(责任单位:{unit}、市科技局)\n"
        "(二)加强标准化建设。到2025年建成10个平台。(责任单位:市市场监管局)\n")


TRADITIONAL = ("某市第八號實施方案\n某市人民政府辦公室\n2024年3月1日\n一、主要任務\n(一)完善計量服務體系。開展相關工作。"
               "(責任單位:市發展改革委、市科技局)\n(二)加強標準化建設。到2025年建成10個平臺。(責任單位:市市場監管局)\n")


def plan(title: str = "某市计量发展实施方案", unit: str = "市发展改革委") -> str:
    return PLAN.format(title=title, unit=unit)


def _text(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(text.encode(encoding))


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _zip(name: str, members: dict[str, bytes]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        with zipfile.ZipFile(folder / name, "w", zipfile.ZIP_DEFLATED) as z:
            for member, data in members.items():
                z.writestr(member, data)
    return write


def _zip_bomb(folder: Path) -> None:
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(40):
                member.write(chunk)


def _many_members(folder: Path) -> None:
    with zipfile.ZipFile(folder / "members.docx", "w", zipfile.ZIP_STORED) as z:
        for i in range(12_000):
            z.writestr(f"m{i}", b"")


def _docx(name: str, paragraphs: list[str]) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        from docx import Document

        doc = Document()
        for p in paragraphs:
            doc.add_paragraph(p)
        doc.save(folder / name)
    return write


def _truncated_docx(folder: Path) -> None:
    buf = io.BytesIO()
    from docx import Document

    doc = Document()
    doc.add_paragraph(plan())
    doc.save(buf)
    (folder / "truncated.docx").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def _pdf(name: str, text: str | None, password: str | None = None) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        from fpdf import FPDF

        pdf = FPDF()
        if password:
            pdf.set_encryption(owner_password="owner", user_password=password)
        pdf.add_page()
        if text:
            pdf.set_font("helvetica", size=12)
            pdf.multi_cell(0, 10, text)
        pdf.output(str(folder / name))
    return write


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")


def _loop(folder: Path) -> None:
    (folder / "loop.txt").symlink_to(folder / "loop.txt")


def _broken(folder: Path) -> None:
    (folder / "broken.txt").symlink_to(folder / "nowhere.txt")


def _sparse(folder: Path) -> None:
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(30 * 1048576)


def _random(folder: Path) -> None:
    (folder / "random.txt").write_bytes(random.Random(3).randbytes(20000))


LONG_LINE = "加强计量服务体系建设" * 500_000  # 5 MB of UTF-8 on one line
INJECTIONS = ["市科技局'}) MATCH (n) DETACH DELETE n //", '市科技局"}) DETACH DELETE n', "市科技局`) DELETE n //",
              "市科技局\\'; DROP GRAPH plangraph", "市{科技}局$x", "<script>alert(1)</script>市局"]

HOSTILE: dict[str, Callable[[Path], None]] = {
    "binary": _bytes("binary.txt", bytes(range(256)) * 40),
    "random-bytes": _random,
    "nul-only": _bytes("nuls.txt", b"\0" * 4096),
    "nul-inside-plan": _bytes("nul-inside.txt", plan().encode()[:30] + b"\0" + plan().encode()[30:]),
    "empty": _bytes("empty.txt", b""),
    "whitespace-only": _text("blank.txt", " \n\t\n　\n"),
    "bom-only": _bytes("bom.txt", b"\xef\xbb\xbf"),
    "elf-binary": _bytes("program.txt", b"\x7fELF\x02\x01\x01" + bytes(5000)),
    "png-image": _bytes("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    "utf16le-no-bom": _text("u16le.txt", plan("某市第一号实施方案"), "utf-16-le"),
    "utf16be-no-bom": _text("u16be.txt", plan("某市第二号实施方案"), "utf-16-be"),
    "utf16-bom": _text("u16bom.txt", plan("某市第三号实施方案"), "utf-16"),
    "cr-only-lines": _text("cr.txt", plan("某市第四号实施方案").replace("\n", "\r")),
    "crlf-lines": _text("crlf.txt", plan("某市第五号实施方案").replace("\n", "\r\n")),
    "form-feeds": _text("ff.txt", plan("某市第六号实施方案").replace("\n一、", "\f一、")),
    "truncated-utf8": _bytes("cut.txt", plan().encode()[:-1]),
    "invalid-utf8": _bytes("badutf8.txt", b"\xff\xfe\xfa" * 10 + bytes(range(128, 256))),
    "latin1": _text("latin1.txt", "Plan für Stadt\nÄnderung ç é\n", "latin-1"),
    "gb18030": _text("gb.txt", plan("某市第七号实施方案"), "gb18030"),
    "big5": _text("big5.txt", TRADITIONAL, "big5"),
    "control-in-unit": _text("soh.txt", plan("某市第九号实施方案", "\x01市市场监管局")),
    "tab-in-unit": _text("tab.txt", plan("某市第十号实施方案", "\t市市场监管局")),
    "cr-in-unit": _text("crunit.txt", plan("某市第十一号实施方案", "市市场监管局\r")),
    "10000-char-unit": _text("longunit.txt", plan("某市第十二号实施方案", "某" * 10_000 + "局")),
    "50000-char-title": _text("longtitle.txt", plan("某" * 50_000 + "实施方案")),
    "zero-width-in-unit": _text("zw.txt", plan("某市第十三号实施方案", "市\u200b科技\u200d局")),
    "bidi-override-in-unit": _text("bidi.txt", plan("某市第十四号实施方案", "市\u202e局技科")),
    "emoji-in-unit": _text("emoji.txt", plan("某市第十五号实施方案", "市科技局😀")),
    "c1-controls": _text("c1.txt", plan("某市第十六号实施方案", "市\x85科\x9b技局")),
    **{f"injection-{i}": _text(f"inject{i}.txt", plan(f"某市第{20 + i}号实施方案", s)) for i, s in enumerate(INJECTIONS)},
    "injection-title": _text("injtitle.txt", plan("MATCH (n) DETACH DELETE n 实施方案")),
    "5mb-single-line": _text("longline.txt", LONG_LINE),
    "numbered-lines": _text("numbered.txt", "某市工作方案\n" + "".join(f"{i}.开展工作{i}。\n" for i in range(1, 20001))),
    "repeated-resp-lines": _text("resp.txt", "某市工作方案\n一、任务\n" + "(责任单位:市科技局、市财政局)\n" * 5000),
    "brackets-line": _text("brackets.txt", "某市工作方案\n一、任务\n" + "(" * 5000 + "\n"),
    "only-a-title": _text("title.txt", "某市计量发展实施方案\n"),
    "numbers-only": _text("numbers.txt", "\n".join(str(i) for i in range(2000))),
    "json-as-txt": _text("data.txt", '{"a": [1, 2, {"b": null}]}\n'),
    "markdown": _text("plan.md", "# 某市第十七号实施方案\n\n" + plan("某市第十七号实施方案")),
    "html-deep": _text("deep.html", "<html><body>" + "<div>" * 20000 + "某市工作方案" + "</div>" * 20000 + "</body></html>"),
    "html-script-only": _text("script.html", "<html><script>var a='一、主要任务';</script></html>"),
    "html-entities-bomb": _text("entities.html", '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                                                   "<html><body>&b;&b;&b;</body></html>"),
    "html-many-paragraphs": _text("paras.html", "<html><body>" + "<p>段落。</p>" * 20000 + "</body></html>"),
    "html-plan": _text("plan.html", "<html><body>" + "".join(f"<p>{x}</p>" for x in plan("某市第十八号实施方案").splitlines())
                       + "<script>alert(1)</script></body></html>"),
    "svg-as-html": _text("pic.html", "<svg xmlns='http://www.w3.org/2000/svg'><text>一、任务</text></svg>"),
    "docx-zip-bomb": _zip_bomb,
    "docx-many-members": _many_members,
    "docx-not-a-zip": _text("notzip.docx", "this is not a zip"),
    "docx-empty-zip": _zip("emptyzip.docx", {"readme.txt": b"hi"}),
    "docx-ole-encrypted": _bytes("encrypted.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)),
    "docx-truncated": _truncated_docx,
    "docx-plan": _docx("plan.docx", plan("某市第十九号实施方案").splitlines()),
    "docx-no-text": _docx("blank.docx", []),
    "pdf-not-a-pdf": _text("fake.pdf", "plain text pretending"),
    "pdf-header-only": _bytes("header.pdf", b"%PDF-1.4\n"),
    "pdf-textless": _pdf("textless.pdf", None),
    "pdf-encrypted": _pdf("encrypted.pdf", "Plan 2025", password="secret"),
    "unsupported-suffix": _text("plan.exe", plan()),
    "no-suffix": _text("README", plan()),
    "fifo": _fifo,
    "symlink-loop": _loop,
    "broken-symlink": _broken,
    "over-size-limit": _sparse,
}
