"""Document metadata: title (also inside a 印发通知), issuer, date, 文号, level, jurisdiction, period and the
higher plans the document says it implements."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plangraph.ingest.model import doc_id_for, title_key  # noqa: F401  (the one id rule; re-exported)

DOC_TYPES = r"规划|方案|意见|通知|办法|计划|纲要|决定|条例|规定|细则|要点|战略|指南|实施意见|工作方案|行动方案"
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*\d{1,4}\s*号")
DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
FIELD = re.compile(r"^\s*[•·*\-]?\s*(发布时间|发文日期|成文日期|颁布时间|发布日期|印发日期|发文部门|发布单位|发文机关|"
                   r"发文单位|发布机构|文号|发文字号|政策级别|标题|名称|中文名)\s*[:：]\s*(.+?)\s*$")
WRAPPER = re.compile(r"^(?P<issuer>.{0,40}?)关于印发(?P<inner>.+?)的通知$")
CITED = re.compile(r"《(?P<title>[^《》]{4,80})》\s*(?:\((?P<num>[^()]{0,30}?〔\d{4}〕\d+号)\))?")
IMPLEMENT_CUES = re.compile(r"贯彻|落实|依据|根据|按照|实施|执行")
PERIOD = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*[-—–~至]+\s*((?:19|20)\d{2})\s*年?\s*[)）]")
PLACE = re.compile(r"^(.{2,12}?(?:自治区|自治州|特别行政区|省|市|自治县|县|区|盟|州))")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
LEVEL_WORDS = {"国家级": "national", "省级": "provincial", "市级": "municipal", "县级": "county", "区级": "county"}
NATIONAL_ISSUERS = re.compile(r"^(国务院|中共中央|全国人大|国家|中华人民共和国|.{0,8}部$|.{0,8}总局$|.{0,8}委员会$)")
DEPARTMENT = re.compile(r"(厅|局|委员会|委|办公室|办)$")


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
    return re.sub(r"\s+", "", title).strip("《》")


def _fields(lines: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        m = FIELD.match(line)
        if m and m.group(1) not in out:
            out[m.group(1)] = m.group(2)
    return out


def _date(text: str) -> str | None:
    m = DATE.search(text)
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


def _title_line(lines: list[str]) -> tuple[str | None, str | None]:
    """(plan title, wrapper title) from the first lines of the front matter."""
    for i, line in enumerate(lines[:12]):
        if FIELD.match(line) or line.endswith((":", "：")):
            continue
        # a wrapper title may be broken over two lines
        candidate = line + (lines[i + 1] if i + 1 < len(lines) and not WRAPPER.match(line) else "")
        for text in (line, candidate):
            m = WRAPPER.match(re.sub(r"\s+", "", text))
            if m:
                return _clean_title(m.group("inner")), re.sub(r"\s+", "", text)
        if re.search(rf"({DOC_TYPES})[)）]?$", line) and len(line) <= 80 and "。" not in line:
            return _clean_title(line), None
    return None, None


def title_line_end(text: str, title: str | None) -> int | None:
    """End offset of the last line of ``text`` that prints only ``title`` (spaces, 《》 and a trailing
    parenthesis such as ``(共计121项)`` or a 文号 aside), or None."""
    if not title:
        return None
    key = title_key(title)
    if len(key) < 4:
        return None
    chars = [re.escape(c) for c in key]
    pattern = re.compile(r"^[ \t\u3000《]*" + r"[\s《》<>〈〉“”()（）]*".join(chars)
                         + r"[》\s]*(?:[(（][^()（）\n]{0,30}[)）])?[ \t\u3000]*$", re.M)
    last = None
    for m in pattern.finditer(text):
        last = m.end()
    return last


def extract_metadata(text: str, front_end: int, body_end: int) -> DocumentMeta:
    """Metadata of the normalised document ``text``; ``front_end`` is where the outline starts."""
    meta = DocumentMeta()
    front = text[:front_end]
    front_lines = [ln.strip() for ln in front.splitlines() if ln.strip()]
    tail_lines = [ln.strip() for ln in text[body_end:].splitlines() if ln.strip()]
    fields = _fields(front_lines + tail_lines)

    meta.title, meta.wrapper_title = _title_line(front_lines)
    if meta.wrapper_title:   # a notice wraps the plan: the plan's own title line usually follows
        for line in front_lines:
            if title_key(line) == title_key(meta.title):
                meta.title = _clean_title(line)
                break
    if not meta.title:
        meta.title = _title_from_mentions(text, body_end)
    if not meta.title and fields.get("标题"):
        meta.title = fields["标题"]

    meta.issuer = _issuer(fields, front_lines, tail_lines, meta)
    meta.issued_on = _date(fields.get("发布时间") or fields.get("成文日期") or fields.get("发文日期")
                           or fields.get("颁布时间") or fields.get("发布日期") or fields.get("印发日期") or "")
    if not meta.issued_on:
        meta.issued_on = _signature_date(front_lines, tail_lines, meta.issuer)
    number = fields.get("文号") or fields.get("发文字号")
    if not number:
        number = next((ln for ln in front_lines if DOC_NUMBER.fullmatch(ln)), None)
    meta.doc_number = re.sub(r"\s+", "", number) if number else None
    meta.jurisdiction = _jurisdiction(meta.issuer, meta.title)
    meta.level = _level(fields.get("政策级别"), meta.issuer, meta.jurisdiction)
    meta.implements = _implements(text, front_end, body_end, [meta.title, meta.wrapper_title])
    meta.period = _period(meta.title, meta.wrapper_title, meta.implements)
    return meta


def _title_from_mentions(text: str, body_end: int) -> str | None:
    """A press summary names the plan as 《X》(下称/以下简称《…》); a trailing link names it 解读:《X》."""
    m = re.search(r"《([^《》]{6,80}(?:<[^<>]+>[^《》]*)?)》\s*[(（](?:下称|以下简称|简称)", text)
    if m:
        return _clean_title(m.group(1))
    m = re.search(r"解读[^《\n]{0,12}[:：]?\s*《([^《》]{6,80})》", text[body_end:])
    if m:
        return _clean_title(m.group(1))
    return None


def _issuer(fields: dict[str, str], front: list[str], tail: list[str], meta: DocumentMeta) -> str | None:
    for key in ("发文部门", "发布单位", "发文机关", "发文单位", "发布机构"):
        if fields.get(key):
            return fields[key].strip()
    for lines in (tail, front):
        for i, line in enumerate(lines):
            signed = any(DATE.fullmatch(x.strip("()（）")) for x in lines[i + 1 : i + 3])
            if signed and re.fullmatch(r"[\u4e00-\u9fff()]{2,30}", line) and (
                DEPARTMENT.search(line) or line.endswith(("政府", "院"))
            ):
                return line
    for title in (meta.wrapper_title, meta.title):
        if title and "关于" in title:
            prefix = title.split("关于", 1)[0]
            if 2 <= len(prefix) <= 30:
                return prefix
    return None


def _signature_date(front: list[str], tail: list[str], issuer: str | None) -> str | None:
    for lines in (tail, front):
        for i, line in enumerate(lines):
            if issuer and line == issuer:
                for nxt in lines[i + 1 : i + 3]:
                    if DATE.fullmatch(nxt.strip("()（）")):
                        return _date(nxt)
    for line in front:
        m = re.search(r"于\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*印发", line)
        if m:
            return _date(m.group(1))
    return None


def _jurisdiction(issuer: str | None, title: str | None) -> str | None:
    for name in (issuer, title):
        if not name:
            continue
        if NATIONAL_ISSUERS.match(name) and not PLACE.match(name.replace("国家", "")):
            return "全国"
        m = PLACE.match(name)
        if m:
            return m.group(1)
    return None


def _level(printed: str | None, issuer: str | None, jurisdiction: str | None) -> str | None:
    if printed:
        for word, level in LEVEL_WORDS.items():
            if word in printed:
                return level
    if jurisdiction == "全国":
        return "national"
    if not jurisdiction:
        return None
    rest = (issuer or "")[len(jurisdiction):]
    department = bool(rest) and not rest.startswith(("人民政府", "政府", "委员会办公厅", "办公厅", "人民政府办公"))
    if jurisdiction.endswith(("省", "自治区")) or jurisdiction in MUNICIPALITIES:
        return "provincial-department" if department else "provincial"
    if jurisdiction.endswith(("县", "区", "旗")) and not jurisdiction.endswith("自治区"):
        return "county"
    return "municipal-department" if department else "municipal"


def _implements(text: str, front_end: int, body_end: int, own_titles: list[str | None]) -> list[dict]:
    """Plans cited with an implementing cue (贯彻落实《…》…) in the preamble or the commentary,
    except the document itself (``own_titles``)."""
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
                title = _clean_title(m.group("title"))
                wrapped = WRAPPER.match(title)
                title = _clean_title(wrapped.group("inner")) if wrapped else title
                number = m.group("num")
                if not re.search(rf"({DOC_TYPES})", title) or title in ("规划", "意见", "方案"):
                    continue
                if re.fullmatch(r".{0,4}(本|该)?(规划|意见|方案|工作方案|实施意见)", title):
                    continue   # 《规划》, 《工作方案》: abbreviations defined elsewhere
                key = title_key(title)
                if key in seen or (number and number in seen) or any(k and k in key for k in own_keys):
                    continue
                seen.update({key, number} - {None})
                start = lo + sentence.start() + m.start()
                out.append({"title": title, "doc_number": number, "title_key": key,
                            "start": start, "end": lo + sentence.start() + m.end()})
    return out


def _period(*sources) -> list[int] | None:
    for src in sources:
        items = src if isinstance(src, list) else [src]
        for item in items:
            title = item.get("title") if isinstance(item, dict) else item
            m = PERIOD.search(title or "")
            if m:
                return [int(m.group(1)), int(m.group(2))]
    return None
