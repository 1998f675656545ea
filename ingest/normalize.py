"""One normalised text for every later stage, with a map back to the original characters.

Steps, in order: drop control characters and the CR of CRLF, fold full-width ASCII (digits, letters, punctuation) and the ideographic space to half-width,
drop pinyin annotations inserted after characters (``自(zì)治區``), convert traditional to simplified with
OpenCC (``tw2sp``, Taiwan vocabulary included, for traditional documents; ``t2s`` for simplified ones, where
tw2sp would rewrite mainland words), apply the reviewed converter fixes of
``data/normalization.yaml``, and drop web boilerplate lines. Each step records, for every output character,
the span of original characters it came from, so :meth:`NormText.span` maps any span back exactly.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import opencc
from plangraph.ingest.yamldata import load_yaml

DATA = Path(__file__).parent / "data" / "normalization.yaml"

_PINYIN_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（]([a-z" + _PINYIN_VOWELS + r"]{1,7})[)）]"
)
# the CR of CRLF, and control characters a reader may have let through (NUL, C0 except TAB/LF, DEL, C1)
_DROPPED = re.compile(r"\r(?=\n)|[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_CHUNK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaffA-Za-z0-9]+")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_yaml(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _rules()["boilerplate_lines"]))


@lru_cache(maxsize=4)
def converter(config: str = "tw2sp") -> opencc.OpenCC:
    """A cached OpenCC converter (``tw2sp`` for documents, ``t2s`` for short user queries)."""
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Convert a short string (a query, a name) to simplified Chinese with the document rules."""
    return NormText(text).text


@dataclass
class _Mapped:
    """Text plus, per character, the original span ``[starts[i], ends[i])`` it came from."""

    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def identity(cls, text: str) -> _Mapped:
        return cls(text, list(range(len(text))), list(range(1, len(text) + 1)))

    def replace_blocks(self, blocks: list[tuple[int, int, str]]) -> _Mapped:
        """Replace non-overlapping ``(start, end, new)`` blocks (sorted) of this text (itself when none)."""
        if not blocks:
            return self
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for a, b, new in blocks:
            out.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            if new:
                if b - a == len(new):
                    starts.extend(self.starts[a:b])
                    ends.extend(self.ends[a:b])
                else:
                    lo = self.starts[a] if a < b else (self.ends[a - 1] if a else 0)
                    hi = self.ends[b - 1] if a < b else lo
                    starts.extend([lo] * len(new))
                    ends.extend([hi] * len(new))
                out.append(new)
            pos = b
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return _Mapped("".join(out), starts, ends)


def _strip_pinyin(m: _Mapped) -> _Mapped:
    return m.replace_blocks([(x.start(), x.end(), "") for x in _PINYIN.finditer(m.text)])


# full-width ASCII (U+FF01–U+FF5E) to half-width and the ideographic space to a space, one character each
_HALF_WIDTH = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}


def _fold_width(m: _Mapped) -> _Mapped:
    """Full-width characters to half-width: one ``str.replace`` per full-width character present (outputs are
    ASCII, never inputs, so the order does not matter; much faster than ``str.translate`` with a dict)."""
    text = m.text
    for wide in _HALF_WIDTH.keys() & set(text):
        text = text.replace(wide, _HALF_WIDTH[wide])
    return _Mapped(text, m.starts, m.ends)


def _align_chunk(chunk: str, converted: str, base: int) -> list[tuple[int, int, str]]:
    """Blocks turning ``chunk`` (at ``base``) into ``converted``, as small as a char-level diff allows."""
    cc = converter("t2s")
    charwise = "".join(_convert_each(list(chunk), cc))
    if len(charwise) != len(chunk):  # never expected; fall back to one block
        return [(base, base + len(chunk), converted)]
    ops = SequenceMatcher(None, charwise, converted, autojunk=False).get_opcodes()
    changed = [k for k, op in enumerate(ops) if op[0] != "equal"]
    if not changed:
        return []
    first, last = ops[changed[0]], ops[changed[-1]]
    blocks = []
    for _tag, i1, i2, j1, _j2 in ops[: changed[0]] + ops[changed[-1] + 1 :]:
        blocks.extend((base + i1 + k, base + i1 + k + 1, converted[j1 + k]) for k in range(i2 - i1))
    blocks.append((base + first[1], base + last[2], converted[first[3] : last[4]]))
    return sorted(blocks)


@lru_cache(maxsize=1)
def _keep_mainland() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _rules()["keep_mainland"]))


def _convert_each(pieces: list[str], cc: opencc.OpenCC) -> list[str]:
    """``[cc.convert(p) for p in pieces]`` in one call: no dictionary phrase spans a line break, so pieces
    joined by newlines convert exactly as they do one by one."""
    if not pieces:
        return []
    out = cc.convert("\n".join(pieces)).split("\n")
    return out if len(out) == len(pieces) else [cc.convert(p) for p in pieces]


def _converted_blocks(piece: str, converted: str, base: int) -> list[tuple[int, int, str]]:
    if converted == piece:
        return []
    if len(converted) == len(piece):
        return [(base + i, base + i + 1, c) for i, c in enumerate(converted) if c != piece[i]]
    return _align_chunk(piece, converted, base)


def _convert_script(m: _Mapped, traditional: bool) -> _Mapped:
    """t2s for simplified documents; tw2sp (Taiwan vocabulary) for traditional ones, minus ``keep_mainland``."""
    t2s = converter("t2s")
    if not traditional:
        chunks = list(_CHUNK.finditer(m.text))
        converted = _convert_each([x.group() for x in chunks], t2s)
        blocks = [b for x, c in zip(chunks, converted, strict=True) if c != x.group()
                  for b in _converted_blocks(x.group(), c, x.start())]
        return m.replace_blocks(blocks)
    tw2sp, keep = converter("tw2sp"), _keep_mainland()
    chunks = list(_CHUNK.finditer(m.text))
    charwise = iter(_convert_each([c for x in chunks for c in x.group()], t2s))  # each character alone
    pieces: list[tuple[str, int, bool]] = []  # (piece, offset, by t2s rather than tw2sp), in text order
    for x in chunks:
        chunk, pos = x.group(), 0
        for k in keep.finditer("".join(next(charwise) for _ in chunk)):
            pieces.append((chunk[pos : k.start()], x.start() + pos, False))
            pieces.append((chunk[k.start() : k.end()], x.start() + k.start(), True))
            pos = k.end()
        pieces.append((chunk[pos:], x.start() + pos, False))
    by_t2s = iter(_convert_each([p for p, _, simple in pieces if simple], t2s))
    by_tw2sp = iter(_convert_each([p for p, _, simple in pieces if not simple], tw2sp))
    blocks = [b for piece, base, simple in pieces
              for b in _converted_blocks(piece, next(by_t2s if simple else by_tw2sp), base)]
    return m.replace_blocks(blocks)


def _is_traditional(text: str) -> bool:
    """True when more than 5% of the CJK characters change under OpenCC t2s."""
    sample = _NOT_CJK.sub("", text)[:20000]
    if not sample:
        return False
    converted = converter("t2s").convert(sample)
    changed = 0 if converted == sample else sum(map(operator.ne, sample, converted))
    return changed / len(sample) > 0.05


@lru_cache(maxsize=1)
def _fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    fixes = _rules()["converter_fixes"]
    return re.compile("|".join(re.escape(f["from"]) for f in fixes)), {f["from"]: f["to"] for f in fixes}


def _apply_fixes(m: _Mapped) -> _Mapped:
    pattern, table = _fixes()
    return m.replace_blocks([(x.start(), x.end(), table[x.group()]) for x in pattern.finditer(m.text)])


def _drop_boilerplate(m: _Mapped) -> _Mapped:
    pattern = _boilerplate()
    blocks = []
    pos = 0
    for line in m.text.splitlines(keepends=True):
        body = line.strip()
        if body and pattern.fullmatch(body):
            blocks.append((pos, pos + len(line.rstrip("\r\n")), ""))
        pos += len(line)
    return m.replace_blocks(blocks)


@dataclass
class NormText:
    """The normalised, simplified text of a document and its map back to the original."""

    original: str
    text: str = field(init=False)
    script: str = field(init=False)
    _starts: list[int] = field(init=False, repr=False)
    _ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        m = _Mapped.identity(self.original)
        m = m.replace_blocks([(x.start(), x.end(), "") for x in _DROPPED.finditer(m.text)])
        m = _fold_width(m)
        m = _strip_pinyin(m)
        traditional = _is_traditional(m.text)
        self.script = "traditional" if traditional else "simplified"
        m = _convert_script(m, traditional)
        m = _apply_fixes(m)
        m = _drop_boilerplate(m)
        self.text, self._starts, self._ends = m.text, m.starts, m.ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)``."""
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.original)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def quote(self, start: int, end: int) -> dict:
        """``{"quote", "start", "end"}`` in the original text for a normalised span."""
        s, e = self.span(start, end)
        return {"quote": self.original[s:e], "start": s, "end": e}
