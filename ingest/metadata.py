"""Document metadata: title (also inside a 印发通知), issuer, date, 文号, level, jurisdiction, period and the
higher plans the document says it implements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from plangraph.ingest.model import doc_id_for, title_key  # noqa: F401  (the one id rule; re-exported)
from plangraph.ingest.tables import header_role
from plangraph.ingest.titleline import title_line_end
from plangraph.ingest.yamldata import load_yaml
from plangraph.ingest.years import five_year_plan_end, title_year


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    """The reviewed word lists of ``ingest/data/metadata.yaml`` (loaded once)."""
    return load_yaml(resources.files(__package__).joinpath("data/metadata.yaml").read_text(encoding="utf-8"))


_V = vocabulary()
DOC_TYPES = "|".join(sorted(_V["doc_types"], key=len, reverse=True))
_BRACKETS = r"〔\[【(（［"
_CLOSE = r"〕\]】)）］"
DOC_NUMBER = re.compile(rf"[\u4e00-\u9fff]{{1,12}}\s*[{_BRACKETS}]\s*(?:19|20)\d{{2}}\s*[{_CLOSE}]\s*第?\s*\d{{1,4}}\s*号")
DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
_CN_ZERO = "〇○零OＯ"   # zero as signatures print it: 〇, the circle ○, 零, a letter O (full width before normalising)
CN_DATE = re.compile(rf"([{_CN_ZERO}一二三四五六七八九]{{4}})年([一二三四五六七八九十]{{1,3}})月([一二三四五六七八九十]{{1,3}})日")
WRAPPER = re.compile(r"^(?P<issuer>.{0,90}?)(?:关于印发(?P<inner>.+?)的通知|印发《(?P<quoted>[^《》]+)》(?:的通知)?)$")
CITED = re.compile(r"《(?P<title>[^《》]{4,80})》\s*(?:\((?P<num>[^()]{0,30}?〔\d{4}〕\d+号)(?:[,，;；][^()]{0,30})?\))?")
IMPLEMENT_CUES = re.compile(r"贯彻|落实|依据|根据|按照|实施|执行")
# The document a notice issues (现将《A》《B》印发给你们; 《A》已经市政府同意,现印发给你们): never one it implements.
ISSUED_AFTER = re.compile(r"(?:\s*[(（][^()（）]{0,40}[)）])?[、和及\s]*(?:《[^《》]*》[、和及\s]*)*"
                          r"(?:(?:已经?|业经)[^。]{0,40}?(?:同意|通过)[,，]?\s*)?(?:现(?:予以?|将其)?印发|予以印发|印发给)")
PERIOD = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*[-—–~至]+\s*((?:19|20)\d{2})\s*年?\s*[)）]")
BARE_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–~至]+\s*((?:19|20)\d{2})\s*年")   # 2024—2025年节能降碳行动方案
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
LEVEL_WORDS = {"国家级": "national", "省级": "provincial", "市级": "municipal", "县级": "county", "区级": "county"}
NATIONAL_ISSUERS = re.compile(r"^(国务院|中共中央|全国人大|中华人民共和国|国家[\u4e00-\u9fff]{2,12}(局|委|委员会|部|署)$|"
                              r"[\u4e00-\u9fff]{1,8}部$|[\u4e00-\u9fff]{1,8}总局$)")
AGENCY_END = re.compile(rf"(?:{'|'.join(sorted(_V['agency_endings'], key=len, reverse=True))})$")
GOVERNMENT = re.compile(r"(人民政府|政府|行政公署|国务院)(办公厅|办公室|办)?$")
_CHROME = [re.compile(p) for p in _V["chrome_lines"]]
_LABELS = {kind: labels for kind, labels in _V["fields"].items()}
_ALL_LABELS = sorted({lab for labels in _LABELS.values() for lab in labels}, key=len, reverse=True)
_ANY_LABEL = "|".join(r"\s*".join(lab) for lab in _ALL_LABELS)
_LABEL_RE = re.compile(rf"(?<![\u4e00-\u9fff])((?:{_ANY_LABEL})(?:\s*[/／]\s*(?:{_ANY_LABEL}))?)(?:\s*[:：]\s*|\s+|$)")
_MARKER = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}\s*[、.](?!\d)|第[一二三四五六七八九十]+[章条])")
_CN_DIGITS = {**dict.fromkeys(_CN_ZERO, 0), "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass
class DocumentMeta:
    title: str | None = None
    wrapper_title: str | None = None
    issuer: str | None = None
    issued_on: str | None = None
    doc_number: str | None = None
    level: str | None = None
    jurisdiction: str | None = None
    period: list[int] | None = None
    implements: list[dict] = field(default_factory=list)   # {title, doc_number, title_key, start, end}


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", "", title).strip("《》〈〉")


_FILE_EXTENSION = re.compile(r"\.(?:" + "|".join(_V["file_extensions"]) + r")$", re.IGNORECASE)


def _strip_line(line: str) -> str:
    """A front line without HTML tags, list bullets, a leading site-category tag (``【政策文件】``, or in quotes
    and spaced off before the issuer: ``“信息公开” 某市人民政府…``) and the extension of a file name
    (``…责任分解表.docx``)."""
    line = re.sub(r"</?[A-Za-z!][^<>]{0,200}>", "", line)
    line = line.strip().lstrip("•·*-").strip()
    line = _FILE_EXTENSION.sub("", line) if "." in line[-6:] else line
    quoted = re.match(r"^[“\"][^“”\"]{2,16}[”\"]\s+", line)
    if quoted and _opens_with_agency(line[quoted.end():]):
        line = line[quoted.end():]
    return re.sub(r"^【[^【】]{1,20}】\s*(?=\S{6})", "", line)


def _opens_with_agency(s: str) -> bool:
    """Whether ``s`` opens with a Party committee or a place (as an issuer's name does)."""
    return s.startswith(("中共", "中国共产党", "国务院")) or bool(_leading_place(s[:20]))


# ------------------------------------------------------------------------------------------------ fields


def _label_kind(label: str) -> str:
    label = re.split(r"[/／]", re.sub(r"\s+", "", label))[-1]   # 备注/文号: the last label names the value
    return next(kind for kind, labels in _LABELS.items() if label in labels)


def _fields(lines: list[str]) -> dict[str, str]:
    """Values of metadata labels, by kind (issued, published, number, issuer, publisher, title); labels may sit
    two to a line (``发布机构: X 主题分类: Y``) or alone on a line with the value on the next."""
    out: dict[str, str] = {}
    for i, line in enumerate(lines):
        hits = [m for m in _LABEL_RE.finditer(line) if m.start() == 0 or line[m.start() - 1] in " \t\u3000"]
        if not hits or hits[0].start() != 0:
            continue
        for j, m in enumerate(hits):
            end = hits[j + 1].start() if j + 1 < len(hits) else len(line)
            value = line[m.end() : end].strip().strip("|").strip()   # a pipe row: 发布机构 | X |
            if not value and j + 1 == len(hits) and m.end() == len(line.rstrip()) and i + 1 < len(lines):
                nxt = lines[i + 1]
                value = "" if _LABEL_RE.match(nxt) else nxt.strip()
            kind = _label_kind(m.group(1))
            if value and kind not in out:
                out[kind] = value
            elif value and kind == "issued" and "issued" in out:
                pass
    return out


# ------------------------------------------------------------------------------------------------- dates


def _cn_int(s: str) -> int:
    if all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    if s.startswith("十"):
        return 10 + (_CN_DIGITS[s[1]] if len(s) > 1 else 0)
    tens, _, units = s.partition("十")
    return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[units] if units else 0)


def parse_date(text: str) -> str | None:
    """The first date printed in ``text`` as ISO ``YYYY-MM-DD``: 2023年3月28日, 2023-03-28, 2023/3/28,
    二〇二三年三月二十八日."""
    m = DATE.search(text)
    c = CN_DATE.search(text)
    if c and (not m or c.start() < m.start()):
        y, mo, d = _cn_int(c.group(1)), _cn_int(c.group(2)), _cn_int(c.group(3))
    elif m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_date = parse_date
_DATE_LINE = re.compile(r"^[(（]?\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
                        rf"[{_CN_ZERO}一二三四五六七八九]{{4}}年[一二三四五六七八九十]{{1,3}}月[一二三四五六七八九十]{{1,3}}日)\s*[)）]?$")


def _is_date_line(line: str) -> bool:
    """A line that prints only a date in words (a signature date; an ISO stamp is a web timestamp)."""
    return bool(_DATE_LINE.match(line.strip()))


# ------------------------------------------------------------------------------------------------- title


def _is_chrome(line: str) -> bool:
    return any(p.fullmatch(line) for p in _CHROME)


_GLUE = "—–-－―~～:：、|｜"   # a dash or colon gluing a 文号 or a label to a title: never part of a name
_SENTENCE = re.compile(r"[。,，;；:：!！?？]")
_LIST_NUMBER = re.compile(r"\d{1,2}\s*[.、](?=(?:19|20)\d{2}年)")   # 2.2025年…任务分解: an item of an annex list
_CONTINUATIONS = tuple(_V["title_continuations"])
_ROW_NUMBER = re.compile(r"\d{1,3}")   # a flattened table's row number, alone on its line
_PAIRS = ("《》", "〈〉", "<>")
_TITLE_LINES = 4   # a title is printed over at most four lines
_FRAGMENT = 40     # the longest line that a title goes on after


def _balanced(s: str) -> bool:
    return all(s.count(a) == s.count(b) for a, b in _PAIRS)


def _bound(joined: str, line: str) -> bool:
    """Whether ``line`` cannot stand without the lines above (``joined``): it opens with a continuation word
    (``的实施意见``), closes a bracket it did not open (``措施》实施方案``), or a bracket above is still open."""
    return line.startswith(_CONTINUATIONS) or not _balanced(joined) or any(
        b in line and (a not in line or line.index(b) < line.index(a)) for a, b in _PAIRS)


def _title_shape(line: str) -> str | None:
    """``line`` without spaces when it reads as a title: ends with a document type (before an optional
    parenthesis), no sentence punctuation, no numbering marker, not a label line."""
    s = re.sub(r"\s+", "", line)
    if (m := DOC_NUMBER.match(s)) and len(s) > m.end() + 5:   # 京政办发〔2016〕26号《…》, 某政办〔2019〕1号—区…
        s = s[m.end():].lstrip(_GLUE)
    if s.startswith("《") and s.endswith("》") and s.count("《") == 1:
        s = s[1:-1]
    if not 5 <= len(s) <= 150 or _MARKER.match(s) or _LIST_NUMBER.match(s) or _LABEL_RE.match(line.strip()):
        return None
    if s.startswith(_CONTINUATIONS) or not _balanced(s):   # 的实施意见, 措施》实施方案: the end of a longer title
        return None
    body = re.sub(r"(?:[(（][^()（）]{0,40}[)）]){1,2}$", "", s)   # …计划(2021-2022年)(18页): period, page count
    if _SENTENCE.search(body):
        return None
    kind = re.search(rf"(?:{DOC_TYPES})》?$", body)
    if not kind or kind.start() < 2:   # a bare 重点工作任务 / 工作要点 is a heading or a table header
        return None
    return s


_TITLE_PARENTHESIS = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*[-—–~至]+\s*(?:19|20)\d{2}\s*年?|" + "|".join(_V["title_parentheses"]) + r")\s*")
_TITLE_PARENTHESIS_LINE = re.compile(r"[(（](?:" + _TITLE_PARENTHESIS.pattern + r")[)）]")  # (2023—2025年) under a title


def _drop_aside(title: str) -> str:
    """Drop a trailing parenthesis that is not part of the title: ``(共计121项)``, ``(苏政办发〔2022〕50号)``;
    a plan period ``(2021—2025年)``, a year ``(2023年)`` or a status ``(试行)`` stays (``title_parentheses``)."""
    m = re.search(r"[(（]([^()（）]{0,40})[)）]$", title)
    if m and not _TITLE_PARENTHESIS.fullmatch(m.group(1)):
        return title[: m.start()]
    return title


_INNER_MARKS = str.maketrans("〈〉<>", "《》《》")


def _citations(lines: list[str]) -> str:
    """The front lines that cite in 《》, blanks dropped and inner 〈〉 / <> read as 《》 (see :func:`_cited_in`)."""
    return "\n".join(re.sub(r"\s+", "", line).translate(_INNER_MARKS) for line in lines if "《" in line)


def _cited_in(title: str, citations: str) -> bool:
    """Whether the front lines (their :func:`_citations`) cite ``title`` whole in 《》 (a notice naming the plan it
    issues), blanks aside and 《》 inside it printed as 〈〉 or <> or not."""
    return re.sub(r"\s+", "", f"《{title}》").translate(_INNER_MARKS) in citations


def _one_line_title(line: str) -> str | None:
    """A page flattened onto one line: the title is its opening up to the first document-type word that is
    followed by a space or a 文号 (``河南省人民政府 关于…的通知 豫政〔2023〕5号 …``)."""
    m = re.match(rf"^(.{{4,60}}?关于.{{2,80}}?(?:{DOC_TYPES}))(?=\s|[{_BRACKETS}]|$)", line)
    if m and not re.search(r"[。,，;；:：]", m.group(1)):
        return re.sub(r"\s+", "", m.group(1))
    return None


def _title_before_text(line: str) -> str | None:
    """A title with the body run on after a space (``某省教育厅2018年工作要点 2018年,全省教育工作…``): the opening
    before a space that reads as a title, when what follows reads as a sentence. Not a plan the sentence cites
    (``为贯彻落实《…意见》 (闽政〔2014〕3号),…``)."""
    for gap in re.finditer(r"\s+", line[:152]):
        head, rest = line[: gap.start()], line[gap.end() :]
        if _SENTENCE.search(head):
            return None
        if _SENTENCE.search(rest[:60]) and not head.endswith("》") and (title := _title_shape(head)):
            return title
    return None


def _titles(lines: list[str], front_lines: int = 0) -> tuple[str | None, str | None, str | None, list[str]]:
    """(plan title, wrapper title, headline, notice titles) from the (stripped) front lines, up to the first
    numbered heading; a cover note's numbered paragraphs are passed over after a wrapper or before the outline's
    start (the first ``front_lines`` lines)."""
    candidates: list[str] = []
    wrapper = None
    skip = -1
    first = True
    citations = _citations(lines)
    for i, line in enumerate(lines):
        if i <= skip:
            continue
        if not line or _is_chrome(line):
            continue
        if _MARKER.match(line) and not ((wrapper or i < front_lines) and not candidates and _cover_note(lines, i)):
            break   # the body starts (a cover note's own 一、二、 after a wrapper is passed over)
        if _table_header(line) or (candidates and _ROW_NUMBER.fullmatch(line)):
            break   # a table starts (序号 / 项目内容 / 牵头单位, or a row's bare number after the title): no title in its cells
        if len(line) > 150:
            one = (_one_line_title(line) if first else None) or (None if candidates else _title_before_text(line))
            if one and WRAPPER.match(one):
                wrapper = wrapper or one
            elif one:
                candidates.append(one)
            first = False
            continue
        first = False
        shaped = _title_shape(line) or (None if candidates or wrapper else _title_before_text(line))
        over = _title_over_lines(lines, i, shaped, citations)
        if over:
            shaped, skip = over
        if not shaped:
            continue
        after = lines[max(skip, i) + 1] if max(skip, i) + 1 < len(lines) else ""
        if _TITLE_PARENTHESIS_LINE.fullmatch(after) and not shaped.endswith((")", "）")):   # 行动计划 / (2023—2025年)
            shaped += re.sub(r"\s+", "", after)
            skip = max(skip, i) + 1
        bare = _drop_aside(shaped)   # …的通知(粤府〔2021〕22号): the number is no part of the title
        if WRAPPER.match(bare):
            wrapper = wrapper or bare
            continue
        candidates.append(shaped)
    headline = None
    plain = []
    for c in candidates:
        if "印发" in c and "关于" not in c:   # a news headline: 省政府印发…通知
            headline = headline or c
        else:
            plain.append(c)
    title = _drop_aside(plain[-1]) if plain else None
    if title is None and headline:   # only a web headline (省政府印发2020年…责任分解通知): the plan it names
        m = re.search(r"印发(?P<inner>.{4,}?)(?:的)?通知$", headline)
        title = _clean_title(m.group("inner")) if m else None
    if wrapper:
        w = WRAPPER.match(wrapper)
        inner = _clean_title(w.group("inner") or w.group("quoted"))
        if not title or (title_key(inner) not in title_key(title) and title_key(title) not in title_key(inner)
                         and not _cited_in(title, citations)):   # a title the notice cites in 《》 is the plan's own
            title = inner
    notices = [c for c in plain if "关于" in c]
    return title, wrapper, headline, notices


def _title_over_lines(lines: list[str], i: int, shaped: str | None, citations: str) -> tuple[str, int] | None:
    """A title printed over the (stripped) ``lines[i]`` and up to three short lines below it: the first
    join that reads as a title, and the index of its last line. Each line goes on from the lines above when it
    cannot stand alone (:func:`_bound`), when the line above breaks off at a continuation word (``关于印发…的`` /
    ``通知``), or when the page cites the join whole in 《》; the first two lines also join when the first opens
    like a title (关于, a place or an agency: ``芜湖市`` / ``关于…的实施细则``). A line that can stand alone and is a
    title of its own (with a place, or after a line that only breaks off at 的) is not joined. A notice's title
    that has opened 关于印发 goes on to its 通知 (``某旗人民政府办公室`` / ``关于印发2022年《政府工作报告》`` /
    ``重点任务分工的通知``) over lines that are no title of their own; when no line brings the 通知, the first join
    that reads as a title stands."""
    line = lines[i]
    if len(line) > _FRAGMENT or _SENTENCE.search(line) or _LABEL_RE.match(line) or _is_date_line(line):
        return None
    joined = line
    pending: tuple[str, int] | None = None
    opened = False
    for j in range(i + 1, min(i + _TITLE_LINES, len(lines))):
        nxt = lines[j]
        if _MARKER.match(nxt) or _is_chrome(nxt) or _is_date_line(nxt):
            return pending
        bound = (_bound(joined, nxt) or _unfinished(joined) or _notice_tail(joined, nxt)
                 or (_open_notice(joined) and ("通知" in nxt or not _title_shape(nxt))))
        # 洞头区大力提升… / 全面落实…实施方案; a join so opened goes on until it reads as a title (国务院办公厅关于落实… /
        # 关于全面深化…加快推进… / 若干意见…分工的通知)
        opens = not bound and not shaped and pending is None and (opened if j > i + 1 else (
            "关于" in line or "关于" in nxt[:4] or _is_place_or_agency(line, nxt) or bool(_leading_place(line))))
        opened = opens and "关于" in joined + nxt[:4]   # only a 关于 title goes on (not 中共某区委 / 某区人民政府)
        # 全面推进乡村振兴 / 加快…的实施方案, cited whole
        vouched = opens or (not bound and bool(citations) and _cited_in(joined + nxt, citations))
        if not (bound or vouched or joined.endswith(_CONTINUATIONS)):
            return pending
        if not bound and _title_shape(nxt) and (not vouched or _leading_place(nxt)):
            return pending   # the next line is a title of its own
        title = _title_shape(joined + nxt)
        if title and not _open_notice(title) and not _unfinished(title):
            return title, j
        pending = pending or ((title, j) if title else None)
        joined += nxt
        if len(nxt) > _FRAGMENT or _SENTENCE.search(nxt):
            return pending
    return pending


_NOTICE_SUBJECTS = tuple(_V["notice_subjects"])


def _unfinished(s: str) -> bool:
    """Whether ``s`` is a 关于 title that so far ends in the plan it cites (``国务院关于落实《…规划纲要》``): such a
    title always goes on to a document type of its own (``…主要目标和任务工作分工的通知``)."""
    return bool(re.search(r"关于(?!印发).*》$", s))


def _notice_tail(joined: str, line: str) -> bool:
    """Whether ``line`` is the end of a notice's title begun above: it closes with 通知 but names no subject
    (关于, 印发: ``有关政策措施分工的通知``), and the line above does."""
    return (re.sub(r"[(（][^()（）]{0,40}[)）]$", "", line).endswith("通知") and not line.startswith(_CONTINUATIONS)
            and not any(w in line for w in _NOTICE_SUBJECTS) and any(w in joined for w in _NOTICE_SUBJECTS))


def _table_header(line: str) -> bool:
    """Whether ``line`` opens a table's header: its first cell (a line of its own when the table is flattened
    one cell per line, else before ``|`` or a tab) heads the row-number column (序号, 编号)."""
    first = re.split(r"[|｜\t]|\s{2,}", line.strip(), maxsplit=1)[0].strip()
    return len(first) <= 4 and header_role(first) == "number"


def _open_notice(s: str) -> bool:
    """Whether ``s`` opens a notice's title (关于印发) that its 通知 has not closed yet."""
    return bool(re.search(r"关于印发(?!.*通知)", s))


def _cover_note(lines: list[str], i: int) -> bool:
    """A numbered paragraph of a wrapper's cover note: a long sentence, not a heading."""
    return len(lines[i]) > 40 and bool(re.search(r"[,，。]", lines[i]))


def _is_place_or_agency(line: str, nxt: str = "") -> bool:
    """Whether ``line`` is a place or an agency alone, as an issuer printed over a title (``芜湖市`` / ``关于…``). A
    unit named without its place (``县交通局``) is a table cell, unless the line below opens a title's words (关于,
    印发, a year: ``县教育局`` / ``2024年工作要点``)."""
    s = re.sub(r"\s+", "", line)
    if re.fullmatch(r"[\u4e00-\u9fff]{2,12}(?:省|市|自治区|自治州|县|区|旗|盟)", s):
        return True
    if not AGENCY_END.search(s):
        return False
    bare_unit = s[0] in _TIER_CHARS and len(s) <= 8 and not _leading_place(s)
    return not bare_unit or bool(re.match(rf"(?:{'|'.join(_NOTICE_SUBJECTS)}|(?:19|20)\d{{2}}年|《)", nxt))


def extract_metadata(text: str, front_end: int, body_end: int) -> DocumentMeta:
    """Metadata of the normalised document ``text``; ``front_end`` is where the outline starts, ``body_end``
    where the plan body ends (a signature, a commentary)."""
    meta = DocumentMeta()
    head = text[: max(front_end, min(len(text), 3000))]
    lines = [ln.strip() for ln in head.splitlines() if ln.strip()]
    tail_lines = [ln.strip() for ln in text[body_end:].splitlines() if ln.strip()]
    stripped = [_strip_line(ln) for ln in lines]
    fields = _fields(stripped + [_strip_line(ln) for ln in tail_lines])

    front_lines = sum(1 for ln in text[:front_end].splitlines() if ln.strip())
    meta.title, meta.wrapper_title, headline, notices = _titles(stripped, front_lines)
    labelled = _labelled_title(fields)
    if not meta.title and not meta.wrapper_title and labelled:   # no title line printed: 标题: / 名称: | … |
        meta.title, meta.wrapper_title, *_ = _titles([labelled])
    if not meta.title:
        meta.title = _title_from_mentions(text, front_end, body_end)
    lead_issuer = None
    if not meta.title and not meta.wrapper_title:   # a news page: 近日,X印发了《Y》
        quoted, lead_issuer = _document_in_lead(text[: min(front_end, 600)])
        if quoted:
            meta.title, meta.wrapper_title, *_ = _titles([quoted])
    meta.issuer = _with_place(_issuer(fields, lines, tail_lines, meta, notices), fields, lines + tail_lines)
    meta.issuer = meta.issuer or lead_issuer
    meta.issued_on = _issued_on(fields, lines, tail_lines, text)
    meta.doc_number = _doc_number(fields, lines, meta)
    meta.implements = _implements(text, front_end, body_end, [meta.title, meta.wrapper_title])
    meta.period = _plan_period(meta, lines)
    printed_level = next((v for k, v in LEVEL_WORDS.items() if k in text[:front_end + 200] and "政策级别" in text[:front_end + 200]), None)
    zone = _development_zone(meta, text[:front_end + 400], text)
    if zone:
        meta.jurisdiction, meta.level = (zone if isinstance(zone, str) else None), "development-zone"
        return meta
    tier, department = _tier(meta, headline, lines, text, printed_level)
    meta.jurisdiction = _jurisdiction(meta, text, tier)
    if tier is None and meta.jurisdiction:
        tier = _place_tier(meta.jurisdiction)
    meta.level = _level_name(tier, department)
    return meta


# A news lead naming the plan unquoted: 近日,国务院发布关于落实《政府工作报告》重点工作部门分工的意见,…
_ISSUED_IN_LEAD = re.compile(rf"(?:^|[,，。\n])(?:{'|'.join(_V['lead_time_words'])})?(?P<issuer>[\u4e00-\u9fff]{{2,12}}?)?"
                             rf"(?:印发|发布|出台|公布|颁布)了?(?P<title>关于[^,，。;；:：!！?？\n]{{2,80}}?(?:{DOC_TYPES}))"
                             r"(?=[,，。;；(（\s])")


# A news lead quoting the document it reports: 近日,中共某市委办公厅、某市人民政府办公厅印发了《某市…实施方案》
_DOC_IN_LEAD = re.compile(rf"(?:^|[,，。:：\n])(?:{'|'.join(_V['lead_time_words'])})?[,，]?(?P<issuer>[\u4e00-\u9fff、]{{2,40}}?)?"
                          rf"(?:联合)?(?:印发|发布|出台|公布|颁布)了\s*《(?P<title>[^《》\n]{{6,80}}?(?:{DOC_TYPES}))》")


def _document_in_lead(lead: str) -> tuple[str | None, str | None]:
    """(the quoted document, its issuer) when a news lead reports it issued (``…印发了《X》``, ``…发布了《X关于印发Y的
    通知》``); the issuer only when every 、-joined name before the verb is an agency."""
    m = _DOC_IN_LEAD.search(lead)
    if not m:
        return None, None
    names = (m.group("issuer") or "").split("、")
    issuer = m.group("issuer") if all(len(n) >= 3 and AGENCY_END.search(n) for n in names) else None
    return _clean_title(m.group("title")), issuer


def _labelled_title(fields: dict[str, str]) -> str | None:
    """The value of a title label (``标题:``, ``名称: | … |``) without its table pipes and blanks."""
    value = re.sub(r"\s+", "", (fields.get("title") or "")).strip("|｜")
    return value.split("|")[0] or None


def _title_from_mentions(text: str, body_start: int, body_end: int) -> str | None:
    """A press summary names the plan as 《X》(下称/以下简称《…》), and so does a notice whose plan follows without
    its title (现将《X》(以下简称《方案》)印发给你们); a trailing link names it 解读:《X》; a news lead names it
    unquoted after its issuer (国务院发布关于…的意见,)."""
    m = re.search(r"(?:制定|印发|出台|发布|公布|颁布|现将)了?\s*《([^《》]{6,80}(?:<[^<>]+>[^《》]*)?)》\s*[(（](?:下称|以下简称|简称)",
                  text)
    if m:
        return _clean_title(m.group(1))
    m = re.search(r"解读[^《\n]{0,12}[:：]?\s*《([^《》]{6,80})》", text[body_end:])
    if m:
        return _clean_title(m.group(1))
    m = _ISSUED_IN_LEAD.search(text[:min(body_start, 600)])
    if m:
        issuer = m.group("issuer") or ""
        return (issuer if AGENCY_END.search(issuer) else "") + re.sub(r"\s+", "", m.group("title"))
    return None


def _issuer(fields: dict[str, str], lines: list[str], tail: list[str], meta: DocumentMeta,
            notices: list[str] = ()) -> str | None:
    """The signature (an agency line followed by a date line), else the agency before 关于 in the wrapper or
    title, else the agency opening the title (``谯城区教育局2025年…``), else an issuer label. A publisher or
    source label (发布机构, 来源) is not the issuer."""
    for block in (tail, lines):
        for i, line in enumerate(block):
            name = re.sub(r"\s+", "", line)
            if (re.fullmatch(r"[\u4e00-\u9fff()]{2,30}", name) and AGENCY_END.search(name)
                    and any(_is_date_line(x) for x in block[i + 1 : i + 3])):
                return _agencies_of(line.split()) or name   # 某厅 某厅: joint signatures on one line
    labelled = _labelled_title(fields)   # 名称: | 市人民政府办公室关于印发…的通知 |
    for title in (meta.wrapper_title, meta.title, labelled, *notices):
        if title and ("关于" in title or "印发《" in title):
            prefix = re.sub(r"^[\W_]+", "", re.split(r"关于|印发《", title, maxsplit=1)[0])   # —区人民政府办公室
            if 2 <= len(prefix) <= 90 and AGENCY_END.search(prefix):
                return _joint_issuers(prefix, lines)
    if meta.title:
        m = re.match(r"^([\u4e00-\u9fff]{2,20}?(?:局|厅|委员会|委|办公室|办公厅|人民政府|政府|管委会))"
                     r"(?=(?:[(（][\u4e00-\u9fff]{2,20}[)）])?(?:(?:19|20)\d{2}年|关于))", meta.title)   # 某省教育厅(省委教育工委)2018年…
        if m:
            return m.group(1)
    value = fields.get("issuer")
    return re.split(r"\s", value.strip())[0] if value else None


def _joint_issuers(prefix: str, lines: list[str]) -> str:
    """Joint issuers run together in ``prefix`` but spaced apart on the page (``中共某区委办公室 某区人民政府办公室``):
    the agencies joined with 、 (as ``中共山东省委、山东省人民政府``). A name spaced inside (``某市人民政府 办公室``,
    ``某 市 财 政 局``) is one agency: every part must be a full agency name (:func:`_agencies_of`)."""
    pattern = re.compile(r"\s*".join(map(re.escape, prefix)))
    for line in lines:
        m = pattern.search(line)
        if not m:
            continue
        return _agencies_of(m.group().split()) or prefix
    return prefix


def _agencies_of(parts: list[str]) -> str | None:
    """Two or more spaced parts that are each a full agency name, joined with 、 (else None: one agency)."""
    if len(parts) > 1 and all(len(p) >= 4 and AGENCY_END.search(p) and p not in _V["agency_endings"] for p in parts):
        return "、".join(parts)
    return None


_TIER_CHARS = "".join(w for words in _V["tier_words"].values() for w in words if len(w) == 1)   # 省市州盟区县旗


def _with_place(issuer: str | None, fields: dict[str, str], lines: list[str]) -> str | None:
    """An issuer printed without its place (``区人民政府办公室``) as a page label names the same agency with it
    (``发布机构: 下陆区政府办公室``), or as a line of its own does (a signature whose date is garbled:
    ``某市某区人民政府办公室``); 人民政府 and 政府 are one word here. Otherwise ``issuer`` unchanged."""
    if not issuer or issuer[0] not in _TIER_CHARS or _leading_place(issuer):
        return issuer
    names = [re.split(r"\s", (fields.get(kind) or "").strip())[0] for kind in ("issuer", "publisher")]
    names += [s for line in lines if re.fullmatch(r"[\u4e00-\u9fff()]{4,30}", s := re.sub(r"\s+", "", line))]
    return next((name for name in names if _same_agency_with_place(name, issuer)), issuer)


def _same_agency_with_place(name: str, issuer: str) -> bool:
    """Whether ``name`` is ``issuer`` (``区人民政府办公室``) after a place of its tier (``某市下陆区政府办公室``)."""
    full, bare = name.replace("人民政府", "政府"), issuer.replace("人民政府", "政府")
    head = full[: len(full) - len(bare) + 1]
    if len(full) <= len(bare) or not full.endswith(bare[1:]) or not head.endswith(bare[0]):
        return False
    place = _leading_place(head)
    return bool(place) and head.endswith(place)


def _issued_on(fields: dict[str, str], lines: list[str], tail: list[str], text: str) -> str | None:
    """A signed date: an issue-date label (成文日期, 发文日期), a date line under the signature or alone in
    the front, ``于…印发``. Page dates (发布日期, 时间, a stamp beside a view counter) are never used."""
    if fields.get("issued"):
        d = parse_date(fields["issued"])
        if d:
            return d
    for block in (tail, lines):
        for line in block:
            if _is_date_line(line):
                return parse_date(line)
    m = re.search(r"于\s*((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*印发", text[:3000])
    return parse_date(m.group(1)) if m else None


def _doc_number(fields: dict[str, str], lines: list[str], meta: DocumentMeta) -> str | None:
    """The 文号 from its label, a line that prints only it (maybe in brackets), or right after the title on a
    page flattened onto one line."""
    value = fields.get("number")
    if value:
        m = DOC_NUMBER.search(value)
        return re.sub(r"\s+", "", m.group()) if m else None
    m = DOC_NUMBER.search(fields.get("remark") or "")   # 备注: 某政办〔2025〕1号
    if m:
        return re.sub(r"\s+", "", m.group())
    for line in lines:
        m = DOC_NUMBER.fullmatch(line.strip().strip("()（）"))
        if m:
            return re.sub(r"\s+", "", m.group())
    title = meta.wrapper_title or meta.title
    if title:
        for line in lines:
            squashed = re.sub(r"\s+", "", line)
            m = DOC_NUMBER.match(squashed)
            if m and title_key(title)[:8] in title_key(squashed[m.end() :]):
                return m.group()   # 京政办发〔2016〕26号《…》: the number opens the title line
            at = squashed.find(title_key(title)[:12])
            if at >= 0:
                after = at + len(title)
                after += squashed.startswith(("(", "（"), after)  # …的通知(粤府〔2021〕22号)
                m = DOC_NUMBER.match(squashed, after)
                if m:
                    return m.group()
    return None


# ------------------------------------------------------------------------------------ level, jurisdiction

_TIER_WORDS = {tier: words for tier, words in _V["tier_words"].items()}


def _place_tier(place: str) -> str | None:
    from plangraph.ingest.places import resolve_place, tier_of

    if place == "全国":
        return "national"
    if place in MUNICIPALITIES:
        return "provincial"
    found = resolve_place(place)
    if found is not None:
        return found.level if found.level in ("national", "provincial", "municipal", "county") else None
    return tier_of(None, place)


def _leading_place(name: str | None) -> str | None:
    """The most specific known place at the start of ``name`` (``北京市大兴区人民政府办公室`` → 大兴区;
    ``池州市贵池区…`` → 贵池区; ``中共黟县县委`` → 黟县). Only full names count (池州 alone is not read as a place)."""
    from plangraph.ingest.places import names_place, resolve_place

    if not name:
        return None
    name = re.sub(r"^(?:中国共产党|中共)", "", name.lstrip("《"))  # 中共某某县委: the Party committee of the place
    best, pos = None, 0
    while True:
        found = None
        for m in re.finditer(r"特别行政区|自治区|自治州|自治县|[省市县区旗盟州]", name[pos : pos + 14]):
            cand = name[pos : pos + m.end()]
            place = resolve_place(cand) if len(cand) >= 2 else None
            if place is not None and names_place(cand, place):
                found = cand
                break
        if not found:
            return best
        best, pos = found, pos + len(found)


def _issuer_tier(issuer: str | None) -> tuple[str | None, bool]:
    if not issuer:
        return None, False
    if NATIONAL_ISSUERS.match(issuer):
        return "national", not issuer.startswith(("国务院", "中共中央", "全国人大"))
    place = _leading_place(issuer)
    rest = issuer[len(place):] if place else issuer
    tier = _place_tier(place) if place else next(
        (t for t, words in _TIER_WORDS.items() if any(rest.startswith(w) for w in words)), None)
    if place is None and tier:
        rest = rest[1:]
    department = bool(rest) and not GOVERNMENT.search(rest) and not rest.startswith(("人民政府", "政府", "委员会办公厅"))
    return tier, department


def _tier(meta: DocumentMeta, headline: str | None, lines: list[str], text: str,
          printed: str | None) -> tuple[str | None, bool]:
    """The government tier and whether a department issued the document: from the issuer, a printed policy
    level, the title's place or tier word, the addressees, then the units and scope words of the text."""
    tier, department = _issuer_tier(meta.issuer)
    if tier:
        return tier, department
    if printed:
        return printed, False
    for title in (meta.title, meta.wrapper_title):
        place = _leading_place(title)
        if place:
            return _place_tier(place), False
    for title in (meta.title, meta.wrapper_title, headline):
        if not title:
            continue
        bare = re.sub(r"^(?:(?:19|20)\d{2}年)?[《〈]?", "", title)
        for t, words in _TIER_WORDS.items():
            if any(re.match(rf"{w}(?:人民)?(?:政府|委|《|〈|党委)", bare) for w in words):
                return _speaker_tier(text, t), False
    addressed = _addressee_tier(lines)
    if addressed[0]:
        return addressed
    return _tier_by_votes(text), False


_TIER_RANK = {"national": 0, "provincial": 1, "municipal": 2, "county": 3}
_SPEAKER = re.compile(r"(?:我|本)([省市县])(?![场域级])")   # 我县, 本县: the government that writes the text


def _speaker_tier(text: str, titled: str) -> str:
    """``titled`` (the tier a title's word names: ``2023年省政府民生实事项目实施计划``), unless the text speaks of
    itself only as a lower government (我县, 本县, never 我省): the title then names a higher government's
    programme that the lower one carries out, and the lower one is the author."""
    said = {"provincial": 0, "municipal": 0, "county": 0}
    for m in _SPEAKER.finditer(text):
        said[{"省": "provincial", "市": "municipal", "县": "county"}[m.group(1)]] += 1
    lower = [t for t, n in said.items() if n and _TIER_RANK[t] > _TIER_RANK[titled]]
    if said.get(titled) or not lower:
        return titled
    return max(lower, key=lambda t: (said[t], _TIER_RANK[t]))


def _addressee_tier(lines: list[str]) -> tuple[str | None, bool]:
    for line in lines[:40]:
        s = re.sub(r"\s+", "", line)
        if not (s.startswith("各") and s.endswith((":", "："))):
            continue
        for tier, phrases in _V["addressees"].items():
            if any(p in s for p in phrases):
                department = "人民政府" not in s and "政府" not in s and "行政公署" not in s
                return tier, department
    return None, False


def _tier_by_votes(text: str) -> str | None:
    """The tier most units of the text belong to (省财政厅 / 市教育局 / 县教育局), else a scope word (全省)."""
    votes = {"provincial": 0, "municipal": 0, "county": 0}
    for m in re.finditer(r"(?<![全我本各该外分地城社])([省市县区])[\u4e00-\u9fff]{1,8}?(?:厅|局|委|办)(?![\u4e00-\u9fff]?长)", text):
        votes[{"省": "provincial", "市": "municipal", "县": "county", "区": "county"}[m.group(1)]] += 1
    for m in re.finditer(r"(?:全|我|本)([省市县区])", text):
        votes[{"省": "provincial", "市": "municipal", "县": "county", "区": "county"}[m.group(1)]] += 1
    best = max(votes, key=votes.get)
    return best if votes[best] else None


@lru_cache(maxsize=1)
def _place_index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Known place names (full names; short names of provinces) → (full name, tier), and a regex that finds
    the short province names (full names are found by their endings, see :func:`_place_mentions`)."""
    from plangraph.ingest.places import all_places

    names: dict[str, tuple[str, str]] = {}
    short: dict[str, tuple[str, str]] = {}
    for p in all_places():
        if p.level not in ("provincial", "municipal", "county"):
            continue
        if len(p.name) >= 3:
            names.setdefault(p.name, (p.name, p.level))
        if p.level == "provincial" and p.short_name and len(p.short_name) >= 2:
            short.setdefault(p.short_name, (p.name, "provincial"))
    names.update({k: v for k, v in short.items() if k not in names})
    pattern = re.compile("|".join(re.escape(n) for n in sorted(short, key=len, reverse=True)))
    return pattern, names


_MEDIA = re.compile("|".join(map(re.escape, _V["media_words"])))   # 浙江日报 names a newspaper, no jurisdiction


def _place_mentions(text: str) -> list[str]:
    """Place names in ``text``: the longest known name ending at each place suffix, and short province names."""
    short_re, names = _place_index()
    found = [m.group() for m in short_re.finditer(text) if not _MEDIA.match(text, m.end())]
    for m in re.finditer(r"特别行政区|自治区|自治州|自治县|[省市县区州盟旗]", text):
        end = m.end()
        for start in range(max(0, end - 12), end - 2):
            cand = text[start:end]
            if cand in names:
                found.append(cand)
                break
    return found


def _jurisdiction(meta: DocumentMeta, text: str, tier: str | None) -> str | None:
    """The place of the issuer or title; else the place of that tier the text names most."""
    if tier == "national":
        return "全国"
    for name in (meta.issuer, meta.title, meta.wrapper_title):
        place = _leading_place(name)
        if place:
            return place
    if tier in (None, "provincial"):
        abbr = re.search(rf"(?:中央)?(?:驻|在)([{''.join(_V['province_abbreviations'])}])(?:各|有关|单位|机构)", text)
        if abbr:
            return _V["province_abbreviations"][abbr.group(1)]
    _pattern, names = _place_index()
    counts: dict[str, int] = {}
    mentions = _place_mentions(text[:20000])   # the opening pages name the place; bounded for long plans
    for mention in mentions:
        full, place_tier = names[mention]
        if tier is None or place_tier == tier:
            counts[full] = counts.get(full, 0) + 1
    if not counts:
        return _province_of_places(mentions) if tier == "provincial" else None
    return max(counts, key=lambda k: (counts[k], -text.find(k)))


def _province_of_places(mentions: list[str]) -> str | None:
    """The province a provincial text never names but whose cities and counties it lists (武汉市、襄阳市…可吸入
    颗粒物年均浓度下降18%): the province of most of the (two or more) places, when it holds more than half of them."""
    from plangraph.ingest.places import resolve_place

    provinces = [p.province for m in mentions if (p := resolve_place(m)) is not None and p.level != "provincial"
                 and p.province]
    if len(provinces) < 2:
        return None
    best = max(set(provinces), key=provinces.count)
    return best if provinces.count(best) * 2 > len(provinces) else None


_ZONE = re.compile(rf"^(?:(?:19|20)\d{{2}}年)?([\u4e00-\u9fff]{{0,12}}?(?:{'|'.join(_V['zone_words'])}))(?:管委会|管理委员会|工委|党工委)")


_ZONE_WORDS = "|".join(_V["zone_words"])
_ZONE_TITLE = re.compile(rf"^(?:(?:19|20)\d{{2}}年)?(?P<name>(?:(?!关于)[\u4e00-\u9fff]){{2,8}}?)?(?:{_ZONE_WORDS})(?!管委会|管理委员会)")
_ZONE_APPROVED = re.compile(r"经[\u4e00-\u9fff]{0,12}?(?:管委会|管理委员会)[\u4e00-\u9fff]{0,8}?同意")   # 已经区管委会研究同意
_ZONE_DEFINED = re.compile(rf"[(（](?:以下简称|以下称|简称)[:：]?[“\"]?([\u4e00-\u9fff]{{2,10}}?(?:{_ZONE_WORDS}))[”\"]?[)）]")


def _development_zone(meta: DocumentMeta, front: str, text: str) -> str | bool | None:
    """The zone when a development zone's administration issues the document (``铜陵经开区管委会``), or approves
    it (``经区管委会研究同意``) and the title opens with the zone's name (``新乡高新区…``). When the title opens with
    a bare zone word (``2025年开发区重点工作清单``) and no issuer is printed: the zone the text defines a short
    name for (``(以下称东湖高新区)``), else True (the zone is not named)."""
    for name in (meta.issuer, meta.wrapper_title, meta.title):
        m = _ZONE.match(name or "")
        if m:
            return m.group(1)
    m = _ZONE_TITLE.match(meta.title or "")
    if meta.issuer or not m:
        return None
    if not m.group("name"):
        defined = _ZONE_DEFINED.search(text[:20000])
        return defined.group(1) if defined else True
    zone = m.group()
    if _ZONE_APPROVED.search(front) and not _leading_place(zone):   # 浦东新区 is a district, not a zone
        return zone
    return None


def _level_name(tier: str | None, department: bool) -> str | None:
    if tier is None:
        return None
    if tier == "national":
        return "national"
    return f"{tier}-department" if department else tier


# A cited plan's title ends with a document type, before closing marks and a parenthesis (…规划(2021—2035年)》).
_CITED_PLAN = re.compile(rf"(?:{DOC_TYPES})[》>〉]*(?:[(（][^()（）]{{0,30}}[)）])?[》>〉]*$")


def _implements(text: str, front_end: int, body_end: int, own_titles: list[str | None]) -> list[dict]:
    """Plans cited with an implementing cue (贯彻落实《…》…) in the preamble or the commentary, except the
    document itself: its own titles (``own_titles``), a title the page prints on a line of its own, a title
    the notice issues (现将《…》印发)."""
    own_keys = [title_key(t) for t in own_titles if t]
    out: list[dict] = []
    seen: set[str] = set()
    spans = [(0, front_end + 400)]
    if body_end < len(text):
        spans.append((body_end, len(text)))
    for lo, hi in spans:
        for sentence in re.finditer(r"[^。\n]+", text[lo:hi]):
            if not IMPLEMENT_CUES.search(sentence.group()):
                continue
            for m in CITED.finditer(sentence.group()):
                if ISSUED_AFTER.match(sentence.group(), m.end()):
                    continue
                title = _clean_title(m.group("title"))
                wrapped = WRAPPER.match(title) or WRAPPER.match(title.translate(_INNER_MARKS))   # 印发<关于…>的通知
                title = _clean_title(wrapped.group("inner") or wrapped.group("quoted")) if wrapped else title
                number = m.group("num")
                if not _CITED_PLAN.search(title) or title in ("规划", "意见", "方案"):
                    continue   # 《…落实推进情况表》: a form to fill in, not a plan
                if re.fullmatch(r".{0,4}(本|该)?(规划|意见|方案|工作方案|实施意见)", title):
                    continue   # 《规划》, 《工作方案》: abbreviations defined elsewhere
                key = title_key(title)
                if key in seen or (number and number in seen) or any(k and k in key for k in own_keys):
                    continue
                if title_line_end(text, title) is not None:
                    continue   # printed as a title on this page: the document itself (or one it carries)
                seen.update({key, number} - {None})
                start = lo + sentence.start() + m.start()
                out.append({"title": title, "doc_number": number, "title_key": key,
                            "start": start, "end": lo + sentence.start() + m.end()})
    return out


def _period_below_title(lines: list[str], title: str | None) -> list[int] | None:
    """The period printed alone on the line under the title (``…行动方案`` then ``（2021—2025年）``)."""
    for line, below in pairwise(lines):
        if title and title in _strip_line(line):
            below = _strip_line(below)
            return _period(below) if PERIOD.fullmatch(below) else None
    return None


_FIVE_YEAR_ORDINAL = re.compile(r"第(十[一二三四五六七八九])个五年")   # 第十一个五年规划纲要: the 十一五 plan


def _plan_period(meta: DocumentMeta, lines: list[str]) -> list[int] | None:
    """The plan's own period: printed in its title (``(2021—2025年)``, ``2024—2025年…``) or alone under it, else
    the one year its title names (``2023年…工作要点`` → [2023, 2023]), else the period of the notice's title or of
    the plan it implements (``贯彻落实《…规划(2021—2035年)》工作方案``)."""
    own = _period(meta.title) or _period_below_title(lines, meta.title)
    if own:
        return own
    five = five_year_plan_end(_FIVE_YEAR_ORDINAL.sub(r"\1五", meta.title or ""))   # “十四五”…规划 → 2021–2025
    if five:
        return [five - 4, five]
    year = title_year(meta.title)
    if year is not None:
        return [year, year]
    return _period(meta.wrapper_title, meta.implements)


def _period(*sources) -> list[int] | None:
    for src in sources:
        items = src if isinstance(src, list) else [src]
        for item in items:
            title = item.get("title") if isinstance(item, dict) else item
            m = PERIOD.search(title or "") or BARE_PERIOD.search(title or "")
            if m and int(m.group(1)) < int(m.group(2)):
                return [int(m.group(1)), int(m.group(2))]
    return None
