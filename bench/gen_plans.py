"""A small generator of synthetic Chinese plans with their truth (standard library only).

Each plan has a header (a 关于印发…的通知 wrapper, a field block or a bare title with a date), an 总体要求 part
with goals, tasks in one of three layouts (二、主要任务 → (一) groups → 1. tasks; several 二、三、sections of
(一)(二) tasks; a flat 重点任务 list), a responsibility line per task in one of the printed forms
(责任单位 list with the 列第一位 convention, 牵头/配合 labels, 「A牵头，B、C配合」, a lead alone) and a closing
保障措施 part without responsible units. Sentences are written for this generator (no real plan is copied).

    python bench/gen_plans.py --out DIR --n 200 [--seed 3] [--tasks 6]

``truth.jsonl`` beside the plans lists, per plan, every task's title, lead and co-responsible units as printed.
Used by ``tests/test_generated_truth.py`` (a sample) and by ``bench/scale.py`` when the shared generator is absent.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PROVINCES = {
    "浙江省": ["杭州市", "宁波市", "温州市"], "安徽省": ["合肥市", "芜湖市", "铜陵市"], "四川省": ["成都市", "绵阳市"],
    "河南省": ["郑州市", "洛阳市"], "甘肃省": ["兰州市", "天水市"], "广东省": ["广州市", "佛山市"],
}  # fmt: skip
# (provincial form, municipal form) of a department, printed after the place prefix 省 / 市
DEPARTMENTS = [
    ("市场监管局", "市场监管局"), ("科技厅", "科技局"), ("财政厅", "财政局"), ("发展改革委", "发展改革委"),
    ("工业和信息化厅", "工业和信息化局"), ("生态环境厅", "生态环境局"), ("教育厅", "教育局"),
    ("住房城乡建设厅", "住房城乡建设局"), ("交通运输厅", "交通运输局"), ("商务厅", "商务局"), ("统计局", "统计局"),
    ("农业农村厅", "农业农村局"),
]  # fmt: skip
THEMES = {
    "计量": (["计量基础能力", "计量标准体系", "计量检定服务", "计量器具监管"],
           ["完善量值传递溯源体系，提升计量检定校准能力。", "加强计量器具监督检查，规范计量行为。"]),
    "标准化": (["标准体系", "团体标准", "标准化试点", "标准国际化"],
            ["鼓励企业参与标准制定，推动标准与产业协同发展。", "开展标准化试点示范，推广先进标准。"]),
    "质量": (["质量基础设施", "品牌建设", "质量提升行动", "质量监督"],
           ["实施质量提升行动，培育一批质量标杆企业。", "完善质量基础设施一站式服务。"]),
    "数字化": (["数据共享平台", "数字化转型", "智慧监管", "信息化建设"],
            ["推进监管数据归集共享，提升数字化监管水平。", "建设统一的数据平台，推动业务协同。"]),
}  # fmt: skip
VERBS = ["加强", "完善", "推进", "提升", "深化", "健全", "优化"]
COMMON = ["建立健全工作机制，明确职责分工。", "加强部门协同，形成工作合力。", "定期开展评估，及时总结推广经验。",
          "加大政策支持力度，落实各项保障措施。"]  # fmt: skip
SAFEGUARDS = ["加强组织领导", "强化资金保障", "加强宣传引导", "强化督促检查"]
CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def units(self, level: str) -> tuple[str, list[str]]:
        prefix, idx = ("省", 0) if level == "provincial" else ("市", 1)
        picks = self.rng.sample(range(len(DEPARTMENTS)), self.rng.choice([1, 2, 2, 3, 3, 4]))
        names = [prefix + DEPARTMENTS[i][idx] for i in picks]
        return names[0], names[1:]

    def responsibility(self, lead: str, co: list[str], first: bool) -> str:
        fmt = self.rng.choices(["list", "labels", "inline"], [6, 3, 2])[0] if co else self.rng.choice(
            ["list", "lead_only"])
        if fmt == "list":
            return "（责任单位：" + "、".join([lead, *co]) + ("。列第一位的为牵头单位，下同" if first else "") + "）"
        if fmt == "labels":
            return f"（牵头单位：{lead}；配合单位：{'、'.join(co)}）"
        if fmt == "lead_only":
            return f"（牵头单位：{lead}）"
        return f"（{lead}牵头，{'、'.join(co)}配合）"

    def plan(self, place: str, level: str, theme: str, title: str, n_tasks: int) -> tuple[str, list[dict]]:
        rng = self.rng
        objects, sentences = THEMES[theme]
        gov = place + "人民政府"
        issuer = gov + ("办公厅" if level == "provincial" else "办公室")
        year = rng.choice([2022, 2023, 2024])
        header = rng.choice(["wrapper", "fields", "plain"])
        lines: list[str] = []
        if header == "wrapper":
            lines += [f"{issuer}关于印发{title}的通知", "", "各有关单位：", f"    《{title}》已经政府同意，现印发给你们，请认真贯彻落实。",
                      "", issuer, f"{year}年5月8日", "", title, ""]
        elif header == "fields":
            lines += [title, f"发布时间:{year}-05-08", f"发文部门:{issuer}", ""]
        else:
            lines += [title, f"（{year}年5月8日）", ""]
        lines.append(f"为推动{theme}工作高质量发展，结合实际，制定本方案。")
        lines += ["一、总体要求", f"（一）指导思想。{rng.choice(COMMON)}",
                  f"（二）主要目标。到{year + 3}年，{theme}工作水平明显提升。"]
        truth: list[dict] = []
        first = [True]

        def task(marker: str) -> str:
            head = rng.choice(VERBS) + rng.choice(objects)
            body = "".join(rng.sample(sentences + COMMON, rng.randint(2, 3)))
            lead, co = self.units(level)
            resp = self.responsibility(lead, co, first[0])
            first[0] = False
            truth.append({"title": head, "lead": lead, "co": co})
            return f"{marker}{head}。{body}{resp}"

        layout = rng.choice(["groups", "sections", "flat"])
        sec = 1
        if layout == "groups":
            sec += 1
            lines.append(f"{cn(sec)}、主要任务")
            groups = 2 if n_tasks >= 4 else 1
            k = 0
            for g in range(1, groups + 1):
                lines.append(f"（{cn(g)}）{rng.choice(VERBS)}{rng.choice(objects)}")
                count = n_tasks // groups + (1 if g <= n_tasks % groups else 0)
                for _ in range(count):
                    k += 1
                    lines.append(task(f"{k}."))
        elif layout == "sections":
            left = n_tasks
            while left > 0:
                count = min(left, rng.randint(2, 4))
                left -= count
                sec += 1
                lines.append(f"{cn(sec)}、{rng.choice(VERBS)}{rng.choice(objects)}")
                lines += [task(f"（{cn(i)}）") for i in range(1, count + 1)]
        else:
            sec += 1
            lines.append(f"{cn(sec)}、重点任务")
            lines += [task(f"{i}.") for i in range(1, n_tasks + 1)]
        sec += 1
        lines.append(f"{cn(sec)}、保障措施")
        for i, head in enumerate(rng.sample(SAFEGUARDS, 2), start=1):
            lines.append(f"（{cn(i)}）{head}。{rng.choice(COMMON)}")
            truth.append({"title": head, "lead": None, "co": []})
        if header == "plain":
            lines += ["", issuer, f"{year}年5月8日"]
        return "\n".join(lines) + "\n", truth


def build(out: Path, n: int, *, seed: int = 3, tasks: int = 6) -> list[dict]:
    """Write ``n`` plans and ``truth.jsonl`` into ``out``; returns the truth rows."""
    rng = random.Random(seed)
    writer = Writer(rng)
    places = [(p, "provincial") for p in PROVINCES] + [(c, "municipal") for cs in PROVINCES.values() for c in cs]
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(n):
        place, level = rng.choice(places)
        theme = rng.choice(list(THEMES))
        title = f"{place}{rng.choice(['推进', '加强', '深化'])}{theme}{rng.choice(['实施方案', '行动方案', '工作方案'])}（第{i + 1}号）"
        text, truth = writer.plan(place, level, theme, title, rng.randint(max(1, tasks - 2), tasks + 2))
        name = f"gen_{i:05d}.txt"
        (out / name).write_text(text, encoding="utf-8")
        rows.append({"file": name, "title": title, "jurisdiction": place, "tasks": truth})
    with (out / "truth.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--tasks", type=int, default=6, help="mean tasks per plan (before 保障措施)")
    args = parser.parse_args()
    rows = build(args.out, args.n, seed=args.seed, tasks=args.tasks)
    print(json.dumps({"plans": len(rows), "tasks": sum(len(r["tasks"]) for r in rows)}))


if __name__ == "__main__":
    main()
