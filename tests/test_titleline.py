"""The hand-written title-line matcher reads exactly as the multiline regex it replaces (kept here as the oracle)."""

from __future__ import annotations

import random
import re

import pytest
from plangraph.ingest.model import title_key
from plangraph.ingest.titleline import title_line_end

TITLE = "某市计量发展实施方案(2024—2026年)"


def oracle(text: str, title: str) -> int | None:
    key = title_key(title)
    if len(key) < 4:
        return None
    pattern = re.compile(r"^[ \t\u3000《]*" + r"[\s《》<>〈〉“”()（）]*".join(re.escape(c) for c in key)
                         + r"[》\s]*(?:[(（][^()（）\n]{0,30}[)）])?[ \t\u3000]*$", re.M)
    last = None
    for m in pattern.finditer(text):
        last = m.end()
    return last


@pytest.mark.parametrize("text", [
    "某市计量发展实施方案(2024—2026年)\n正文",
    "首页\n  《某市计量发展实施方案\n(2024—2026年)》\n正文",
    "某市计量发展实施方案(2024—2026年)(共计121项)  \n正文",
    "某市计量发展实施方案(2024—2026年)(注释超过三十个字符的一段很长很长很长很长很长很长很长很长的说明)\n",
    "某市计量发展实施方案(2024—2026年)\n\n\n",
    "印发某市计量发展实施方案(2024—2026年)的通知\n",
    "某市计量发展实施方案(2024—2026年)\n某市计量发展实施方案(2024—2026年)",
    "",
])
def test_matches_the_regex_it_replaces(text: str) -> None:
    assert title_line_end(text, TITLE) == oracle(text, TITLE)


def test_last_line_printing_only_the_title() -> None:
    text = "某市计量发展实施方案\n封面\n《某市计量\n发展实施方案》(共5项)\n一、总体要求"
    assert title_line_end(text, "某市计量发展实施方案") == text.index("\n一")
    assert title_line_end("正文", None) is None
    assert title_line_end("方案\n", "方案") is None  # keys under 4 characters are not looked for


def test_random_layouts_agree_with_the_regex() -> None:
    rnd = random.Random(14)
    key = "计量方案年"
    seps = [" ", "\t", "\u3000", "\n", "《", "》", "<", "〈", "“", "(", ")", "（", "）", "\xa0"]

    def piece() -> str:
        out = [rnd.choice([" ", "《", "\u3000", ""])]
        for k, c in enumerate(key):
            if k and rnd.random() < 0.3:
                out.append("".join(rnd.choice(seps) for _ in range(rnd.randint(1, 3))))
            out.append("x" if rnd.random() < 0.03 else c)
        out.append("".join(rnd.choice(["》", " ", "\n"]) for _ in range(rnd.randint(0, 3))))
        if rnd.random() < 0.5:
            out.append(rnd.choice("(（") + "".join(rnd.choice("共计12项)）(\n") for _ in range(rnd.randint(0, 35)))
                       + rnd.choice([")", "）", ""]))
        return "".join(out) + rnd.choice([" ", "\t", ""])

    for _ in range(3000):
        text = "".join(rnd.choice([piece(), "\n", "正文", " "]) for _ in range(rnd.randint(1, 5)))
        assert title_line_end(text, key) == oracle(text, key), repr(text)
