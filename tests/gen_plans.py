"""A tiny generator of short synthetic plans for store/batch tests (written for the tests, no real text).

Each plan: a title naming a generated city, two sections, a few numbered tasks with a ``(责任单位:…)`` line,
one quantitative target and a milestone year; plans after the first cite the first (so links exist).
"""

from __future__ import annotations

import random
from pathlib import Path

CITIES = ("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸")
UNITS = ("市发展改革委", "市科技局", "市工业和信息化局", "市市场监管局", "市财政局", "市生态环境局", "市教育局")
ACTIONS = ("完善计量服务体系", "推进数字化改造", "加强标准化建设", "提升检验检测能力", "培育创新平台")
NUMERALS = "一二三四五六七八九十"


def plan_text(i: int, rng: random.Random) -> str:
    """The text of synthetic plan ``i``: unique title, 2 sections, 2–4 tasks each."""
    city = CITIES[i % 10] + CITIES[(i // 10) % 10] + CITIES[(i // 100) % 10] + "市"
    lines = [f"{city}第{i}号计量发展实施方案", f"{city}人民政府办公室", "2024年3月1日"]
    if i:
        lines.append("为贯彻落实《甲甲甲市第0号计量发展实施方案》,结合本市实际,制定本方案。")
    lines.append("一、总体目标")
    lines.append(f"到2027年,全市计量技术机构达到{10 + i % 50}家。")
    for s in range(2):
        lines.append(f"{NUMERALS[s + 1]}、主要任务{s + 1}")
        for t in range(rng.randint(2, 4)):
            lead, *co = rng.sample(UNITS, 3)
            lines.append(f"({NUMERALS[t]}){rng.choice(ACTIONS)}{i}-{s}-{t}。开展相关工作。"
                         f"(责任单位:{lead}、{'、'.join(co)})")
    return "\n".join(lines) + "\n"


def write_plans(folder: Path, n: int, *, seed: int = 1) -> list[Path]:
    """Write ``n`` plans as UTF-8 ``plan-NNNN.txt`` files in ``folder``; their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"plan-{i:04d}.txt"
        path.write_text(plan_text(i, rng), encoding="utf-8")
        paths.append(path)
    return paths
