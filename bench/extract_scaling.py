"""Extraction time against document size, 5 KB → 5 MB, per stage: is every stage linear?

    python bench/extract_scaling.py [--sizes 5,50,500,5000] [--budget 300]
    python bench/extract_scaling.py --corpus /tmp/s300/corpus300 [--sample 60]

A synthetic plan (sections, numbered tasks with responsibility lines and targets; text written here) is grown
to each size; each stage runs in a worker process under a time budget (``plangraph.budget``), so a
superlinear stage is reported as over budget instead of hanging the benchmark. The table gives µs per KB:
flat rows are linear; ``growth`` is the µs/KB at the largest size that finished over the lowest µs/KB
(≈1 for linear, ≫1 superlinear); ``> budget`` marks a size the stage did not finish within the budget. No timed assertion anywhere (tests never time).

With ``--corpus`` it measures instead what ``bench/scale.py`` reports as extraction speed, the same way (every
k-th plan of the folder, ``extract_file`` per file in a warm process, ``time.process_time``), plus the
process's warm-up: CPU seconds of the imports and of the first file (vocabularies, converters).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from plangraph.budget import run_budgeted

DIGITS = "零一二三四五六七八九"
UNITS = ("市发展改革委", "市科技局", "市工业和信息化局", "市市场监管局", "市财政局", "市生态环境局")


def cn(n: int) -> str:
    """Chinese numeral for 1..9999 (enough for section numbers)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return DIGITS[n // 100] + "百" + ("" if not rest else ("零" if rest < 10 else "") + cn(rest))
    rest = n % 1000
    return DIGITS[n // 1000] + "千" + ("" if not rest else ("零" if rest < 100 else "") + cn(rest))


def section(i: int) -> str:
    lines = [f"{cn(i)}、重点任务{i}"]
    for t in range(1, 9):
        a, b, c = UNITS[(i + t) % 6], UNITS[(i + 2 * t) % 6], UNITS[(i + 3 * t) % 6]
        lines.append(f"{t}.推进第{i}项计量能力建设{t}。到2025年,建成计量标准{10 + t}项以上,"
                     f"服务企业{100 * t}家。(责任单位:{a}、{b}、{c})")
    return "\n".join(lines) + "\n"


def document(kb: int) -> str:
    head = "某市计量发展实施方案\n某市人民政府办公室\n2024年3月1日\n为推动高质量发展,制定本方案。\n"
    parts, size, i = [head], len(head.encode()), 0
    while size < kb * 1024:
        i += 1
        parts.append(section(i))
        size += len(parts[-1].encode())
    return "".join(parts)


def _stage(job: tuple[str, str]) -> float:
    """Seconds of one stage on one file (run in a worker)."""
    stage, path = job
    from plangraph.ingest.normalize import NormText
    from plangraph.ingest.pipeline import extract_dict
    from plangraph.ingest.readers import read_document
    from plangraph.ingest.structure import parse_outline

    text = read_document(path).text
    norm = NormText(text) if stage in ("outline",) else None
    outline_text = norm.text if norm else None
    start = time.perf_counter()
    if stage == "read":
        read_document(path)
    elif stage == "normalise":
        NormText(text)
    elif stage == "outline":
        parse_outline(outline_text)
    else:
        extract_dict(path, max_mb=50)
    return time.perf_counter() - start


def _warm() -> None:
    """Imports and vocabularies loaded in the worker before any timing (not part of any size's figure)."""
    from plangraph.ingest.pipeline import extract_dict

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warm.txt"
        path.write_text(document(5), encoding="utf-8")
        extract_dict(path, max_mb=50)


STAGES = ("read", "normalise", "outline", "extract (all stages)")


def corpus_rate(corpus: Path, sample: int) -> None:
    """MB per CPU-second over a sample of a corpus (bench/scale.py's method), and the warm-up cost."""
    files = sorted(corpus.glob("*.txt"))
    chosen = files[:: max(1, len(files) // sample)][:sample]
    cpu = time.process_time()
    from plangraph.ingest.pipeline import extract_file

    imports = time.process_time() - cpu
    cpu = time.process_time()
    extract_file(chosen[0])
    first = time.process_time() - cpu
    mb = sum(f.stat().st_size for f in chosen) / 1e6
    cpu = time.process_time()
    for f in chosen:
        extract_file(f)
    cpu = time.process_time() - cpu
    print(f"{len(chosen)} plans, {mb:.2f} MB: {cpu:.2f} CPU s, {mb / cpu:.2f} MB per CPU-second "
          f"(warm-up: imports {imports:.2f} s, first file {first:.2f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,50,500,5000", help="KB, comma-separated")
    parser.add_argument("--budget", type=float, default=300.0, help="seconds per stage and size")
    parser.add_argument("--corpus", help="a folder of plans: extraction MB per CPU-second as bench/scale.py measures it")
    parser.add_argument("--sample", type=int, default=60, help="plans taken from --corpus (every k-th)")
    args = parser.parse_args()
    if args.corpus:
        corpus_rate(Path(args.corpus), args.sample)
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for kb in sizes:
            files[kb] = Path(tmp) / f"plan-{kb}kb.txt"
            files[kb].write_text(document(kb), encoding="utf-8")
        jobs = [(stage, str(files[kb])) for stage in STAGES for kb in sizes]
        outs = list(run_budgeted(_stage, jobs, workers=1, timeout_s=args.budget, warm=_warm))
    print(f"{'stage':<22}" + "".join(f"{kb:>10} KB" for kb in sizes) + "     growth")
    for s, stage in enumerate(STAGES):
        row, per_kb = [], []
        for k, kb in enumerate(sizes):
            out = outs[s * len(sizes) + k]
            if out.ok:
                per_kb.append(out.value * 1e6 / kb)
                row.append(f"{per_kb[-1]:>10.0f} µs")
            else:
                row.append(f"{'> budget':>13}" if "budget" in out.reason else f"{'error':>13}")
        growth = f"{per_kb[-1] / min(per_kb):>8.1f}x" if len(per_kb) > 1 and min(per_kb) > 0 else "       -"
        print(f"{stage:<22}" + "".join(row) + "  " + growth)
    print("µs per KB of input; growth = µs/KB at the largest finished size / the lowest µs/KB (≈1 is linear)")


if __name__ == "__main__":
    main()
