"""Read a plan document of any common format into its decoded text.

The decoded text is the "original" every quote and offset refers to: the file's characters for text files,
the visible text in reading order for HTML (``html_text``), DOCX (``docx_text``, list numbers written out),
Excel (``xlsx_text``) and PDF (``pdf_text``); tables as `` | ``-separated rows, one per line.
Control characters and NULs are removed and lone CR / VT / FF become line ends at decoding
(``limits.clean_text``), before any offset exists. Files that are not regular files (FIFOs, sockets,
devices), symbolic-link loops, unreadable files and archives that would unpack past
``MAX_UNPACKED_MB`` (or with a compression ratio above ``MAX_ZIP_RATIO``) are refused with the reason.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes
from plangraph.ingest.errors import UnreadableFile
from plangraph.ingest.limits import clean_text

TEXT_SUFFIXES = {".txt", ".md", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".xlsx", ".pdf"}
# older office formats a plan often comes in: what to do with them
SAVE_AS = {".doc": ".docx", ".wps": ".docx", ".rtf": ".docx", ".xls": ".xlsx", ".et": ".xlsx", ".ofd": ".pdf"}
CANDIDATE_ENCODINGS = ("utf-8", "gb18030", "big5")
MAX_UNPACKED_MB = 100.0  # total uncompressed size of a .docx's or .xlsx's members
MAX_ZIP_RATIO = 200  # uncompressed / compressed size of one member (text XML compresses ~10-30x)
MAX_ZIP_MEMBERS = 10_000


@dataclass(frozen=True)
class SourceText:
    """A decoded document: its text, the format it came from and the encoding used."""

    path: Path
    text: str
    format: str
    encoding: str
    sha256: str = ""


def read_document(path: Path | str, *, max_mb: float = 20.0) -> SourceText:
    """Read ``path`` into a :class:`SourceText`, or raise :class:`UnreadableFile` saying why."""
    path = Path(path)
    size = _regular_file_size(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnreadableFile(path, unsupported_message(suffix))
    if size == 0:
        raise UnreadableFile(path, "the file is empty")
    if size > max_mb * 1024 * 1024:
        raise UnreadableFile(path, f"the file is {size / 1048576:.1f} MB, above the {max_mb:g} MB limit "
                                   "(PLANGRAPH_MAX_FILE_MB)")
    data = read_bytes(path)
    if suffix == ".docx":
        text, fmt, enc = _read_docx(path, data), "docx", "zip/xml"
    elif suffix == ".xlsx":
        text, fmt, enc = _read_xlsx(path, data), "xlsx", "zip/xml"
    elif suffix == ".pdf":
        text, fmt, enc = _read_pdf(path, data), "pdf", "pdf"
    elif suffix in HTML_SUFFIXES:
        from plangraph.ingest.html_text import html_to_text

        raw, enc = decode_bytes(path, data, html=True)
        text, fmt = html_to_text(raw), "html"
    else:
        text, enc = decode_bytes(path, data)
        fmt = "text"
    text = clean_text(text)
    if not text.strip():
        hint = " (a scanned PDF has no text layer: run OCR on it first, e.g. ocrmypdf)" if fmt == "pdf" else ""
        raise UnreadableFile(path, "no visible text in the document" + hint)
    return SourceText(path, text, fmt, enc, hashlib.sha256(data).hexdigest())


def unsupported_message(suffix: str) -> str:
    """Why a file type is refused, and what to do (an older office format: save it in the newer one)."""
    message = f"unsupported file type {suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED))}"
    if suffix in SAVE_AS:
        message += f" (open it in Word/WPS/Excel and save it as {SAVE_AS[suffix]})"
    return message


def _regular_file_size(path: Path) -> int:
    """The size of ``path``, or ``UnreadableFile`` saying truly why it cannot be read as a file."""
    try:
        st = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(path, "symbolic link loop") from None
        if exc.errno == errno.ENOENT:
            reason = "broken symbolic link" if path.is_symlink() else "no such file"
            raise UnreadableFile(path, reason) from None
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror})") from None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    if stat.S_ISDIR(st.st_mode) and not os.access(path, os.R_OK | os.X_OK):
        raise UnreadableFile(path, "a folder that cannot be listed (permission denied)")
    for test, kind in kinds:
        if test(st.st_mode):
            raise UnreadableFile(path, f"{kind}, not a regular file")
    return st.st_size


def read_bytes(path: Path) -> bytes:
    """The file's bytes; ``UnreadableFile`` on a permission or I/O error (never blocks on a FIFO)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnreadableFile(path, "not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror})") from None
    finally:
        os.close(fd)


def decode_bytes(path: Path, data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode text bytes as UTF-8 (with or without BOM), GB18030/GBK or Big5."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(path, data, "utf-16"), "utf-16"
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(path, data, utf16), utf16
    if _looks_binary(data):
        raise UnreadableFile(path, "binary data, not a text document")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    decodable = [enc for enc in CANDIDATE_ENCODINGS[1:] if _decodes(data, enc)]
    if len(decodable) == 1:
        return data.decode(decodable[0]), decodable[0]
    if decodable:
        guess = from_bytes(data, cp_isolation=list(decodable)).best()
        enc = guess.encoding.replace("_", "-") if guess else decodable[0]
        enc = "gb18030" if enc in ("gbk", "gb2312") else enc
        return data.decode(enc if enc in decodable else decodable[0]), enc
    if _truncated_utf8(data, utf8_error):
        raise UnreadableFile(path, f"truncated multibyte sequence at byte {utf8_error.start} (incomplete UTF-8)")
    raise UnreadableFile(
        path, f"cannot decode the text as UTF-8, GB18030 or Big5 (first bad byte at {utf8_error.start})"
    )


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(path, f"invalid {encoding} at byte {exc.start}") from exc


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _truncated_utf8(data: bytes, error: UnicodeDecodeError) -> bool:
    """The only UTF-8 error is an incomplete sequence at the very end of the data."""
    return error.reason == "unexpected end of data" and _decodes(data[: error.start], "utf-8")


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the data is UTF-16 without a byte-order mark: NULs (the high bytes
    of ASCII characters) mostly in one half of the byte pairs, a strict decode, and printable text; else None."""
    head = data[:8192]
    if len(head) < 4 or len(data) % 2:
        return None
    for nuls, other, encoding in ((head[1::2], head[0::2], "utf-16-le"), (head[0::2], head[1::2], "utf-16-be")):
        if nuls.count(0) < len(nuls) * 0.05 or other.count(0) * 4 > nuls.count(0):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(1 for c in text[:4096] if c.isprintable() or c in "\t\r\n")
        if printable >= 0.95 * min(len(text), 4096):
            return encoding
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _read_docx(path: Path, data: bytes) -> str:
    from docx import Document
    from plangraph.ingest.docx_text import docx_to_text

    _check_archive(path, data)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip/xml errors of several kinds
        raise UnreadableFile(path, f"not a readable .docx file ({type(exc).__name__})") from exc
    return docx_to_text(doc)


def _read_xlsx(path: Path, data: bytes) -> str:
    from plangraph.ingest.xlsx_text import xlsx_to_text

    _check_archive(path, data)
    try:
        return xlsx_to_text(data)
    except Exception as exc:  # openpyxl raises zip/xml/value errors of several kinds
        raise UnreadableFile(path, f"not a readable .xlsx file ({type(exc).__name__})") from exc


def _check_archive(path: Path, data: bytes) -> None:
    """Refuse a zip archive that would unpack past the limits, from its directory (before unpacking)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(path, f"not a readable {path.suffix.lower()} file ({type(exc).__name__})") from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise UnreadableFile(path, f"the archive holds {len(members)} members, above {MAX_ZIP_MEMBERS}")
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_MB * 1048576:
        raise UnreadableFile(path, f"the archive would unpack to {total / 1048576:.0f} MB, above the "
                                   f"{MAX_UNPACKED_MB:g} MB limit (a zip bomb?)")
    for m in members:
        if m.file_size > 1048576 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
            raise UnreadableFile(path, f"archive member {m.filename[:60]} expands {m.file_size // max(m.compress_size, 1)}"
                                       f"x, above the {MAX_ZIP_RATIO}x limit (a zip bomb?)")


def _read_pdf(path: Path, data: bytes) -> str:
    """Paragraphs and ruled tables of every page (``pdf_text``); a file pdfplumber cannot parse is refused."""
    from plangraph.ingest.pdf_text import pdf_to_text

    try:
        return pdf_to_text(data)
    except Exception as exc:  # pdfminer / pdfplumber raise many parser error types
        raise UnreadableFile(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
