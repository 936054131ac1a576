"""Triage benchmark: speed, memory, start-up and quality of all analysers together.

Run with `make bench` (or `.venv/bin/python bench/triage.py`). It:
1. builds a corpus of at least 10,000 texts from the labelled development set (the texts as
   they are, and sentences of several texts joined, so lengths run from a word to a letter);
2. pinned to one CPU core, times `analyze()` on each text (throughput, mean, p50, p99) and,
   as the baseline measured in the same run, one pre-compiled keyword regex over the folded
   text (what the desk ran before triage); prints the ratio;
3. measures start-up (a fresh process importing the analysers and analysing one text; and
   `ratusz triage` answering one line, Django included) and the resident memory of a process
   that has loaded Django, the worker's tasks and every analyser and analysed the corpus;
4. evaluates quality on the development set against the issue's targets, and prints the
   harmful-content model's cross-validated F1 on PolEval 2019 from its metadata.
Targets: >= 1,000 texts/s on one core, p99 < 5 ms, < 150 MB resident, start-up < 2 s.
Exit code 0 even when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ratusz.triage import analysis  # noqa: E402
from ratusz.triage.analysis.normalize import fold  # noqa: E402
from ratusz.triage.evaluation import DEV_DIR, evaluate, format_report, read_examples  # noqa: E402

BASELINE = re.compile(r"\bczuc gaz|\bpozar|\bpali sie\b|\bpowodz|\bzalewa\b|\bwypadek\b|"
                      r"\branny\b|\bnieprzytomn|\bzaginal|\bsamobojstw|informacj\w* publiczn")


def corpus(size: int, seed: int = 7) -> list[str]:
    texts = [item["text"] for item in read_examples([DEV_DIR])]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s]
    rng = random.Random(seed)
    out = list(texts)
    while len(out) < size:
        out.append(" ".join(rng.choice(sentences) for _ in range(rng.choice([1, 1, 2, 3, 5, 8]))))
    rng.shuffle(out)
    return out


def timed(fn, texts: list[str]) -> tuple[float, list[float]]:
    each = []
    start = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter_ns()
        fn(text)
        each.append((time.perf_counter_ns() - t0) / 1e6)
    return time.perf_counter() - start, each


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def child(code: str, *, stdin: str = "") -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True,  # noqa: S603
                          text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - start, done.stdout.strip()


WORKER_RSS = """
import os, resource, sys, json
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ratusz.settings")
os.environ.setdefault("RATUSZ_VAR_DIR", sys.argv[1] if len(sys.argv) > 1 else "/tmp/ratusz-bench")
import django; django.setup()
import ratusz.inbox.tasks, ratusz.intake.tasks, ratusz.outbox.tasks, ratusz.triage.services
from ratusz.triage.analysis import analyze
texts = [json.loads(line) for line in sys.stdin]
for t in texts:
    analyze(t)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=12000)
    args = parser.parse_args()
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        pinned = "pinned to one core"
    except (AttributeError, OSError):
        pinned = "not pinned"
    texts = corpus(args.texts)
    lengths = [len(t) for t in texts]
    print(f"# Triage benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {platform.node()}, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs ({pinned})")
    print(f"corpus: {len(texts)} texts, length median {statistics.median(lengths):.0f}, "
          f"p90 {pct(lengths, 0.9)}, max {max(lengths)} characters; analysers "
          f"{analysis.version()}\n")

    analysis.analyze("rozgrzewka")  # load the model outside the timing
    for _ in range(2):
        timed(lambda t: BASELINE.search(fold(t).text), texts[:500])
        timed(analysis.analyze, texts[:500])
    base_total, base_each = timed(lambda t: BASELINE.search(fold(t).text), texts)
    total, each = timed(analysis.analyze, texts)
    rate = len(texts) / total
    print("| run | texts/s | mean ms | p50 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| baseline: fold + one keyword regex | {len(texts) / base_total:,.0f} | "
          f"{statistics.mean(base_each):.3f} | {pct(base_each, .5):.3f} | "
          f"{pct(base_each, .99):.3f} | {max(base_each):.2f} |")
    print(f"| triage: all analysers | {rate:,.0f} | {statistics.mean(each):.3f} | "
          f"{pct(each, .5):.3f} | {pct(each, .99):.3f} | {max(each):.2f} |")
    print(f"\nratio triage ÷ baseline time: {total / base_total:.1f}x\n")

    startup, _ = child("from ratusz.triage.analysis import analyze; "
                       "analyze('Czuć gaz na klatce, PESEL 44051401359')")
    cli, out = child("from ratusz.cli import main; import sys; sys.argv=['ratusz','triage']; "
                     "main()", stdin='{"id": 1, "text": "Kiedy odbiór śmieci?"}\n')
    assert json.loads(out)["id"] == 1
    lines = "\n".join(json.dumps(t, ensure_ascii=False) for t in texts[:3000])
    _, rss = child(WORKER_RSS, stdin=lines)
    print("| measure | value | target |")
    print("|---|---:|---|")
    print(f"| throughput, one core | {rate:,.0f} texts/s | >= 1,000 |")
    print(f"| p99 per text | {pct(each, .99):.2f} ms | < 5 ms |")
    print(f"| start-up: new process, import + first text | {startup:.2f} s | < 2 s |")
    print(f"| start-up: `ratusz triage`, one line (Django included) | {cli:.2f} s | < 2 s |")
    print(f"| resident memory: Django + worker tasks + analysers, 3,000 texts | {rss} MB | "
          f"< 150 MB |")

    data = DEV_DIR.parent
    sets = {"development (tuned on)": [data / "dev"],
            "held-out c+d (tuned on after a blind run)": [data / "heldout"],
            "blind e (never tuned on)": [data / "blind"]}
    reports = {name: evaluate(read_examples(paths)) for name, paths in sets.items()}
    for name, report in reports.items():
        print(f"\n## Quality: {name}\n")
        print("```\n" + format_report(report) + "\n```")
    print("\n| target | " + " | ".join(sets) + " | target |")
    print("|---|" + "---:|" * len(sets) + "---|")
    rows = [
        ("emergencies recall", lambda r: r.flags["urgent"].recall, ">= 0.95"),
        ("emergencies precision", lambda r: r.flags["urgent"].precision, ">= 0.8"),
        ("checksum-valid identifiers recall", lambda r: r.identifiers.recall, "1.0"),
        ("checksum-valid identifiers precision", lambda r: r.identifiers.precision,
         ">= 0.98"),
        ("public-information requests recall",
         lambda r: r.flags["public_information_request"].recall, ">= 0.9"),
        ("harmful precision", lambda r: r.flags["harmful"].precision, ">= 0.85"),
        ("harmful recall", lambda r: r.flags["harmful"].recall, ">= 0.85"),
        ("questions F1", lambda r: r.flags["question"].f1, ">= 0.85"),
    ]
    for name, value, target in rows:
        cells = " | ".join(f"{value(r):.3f}" for r in reports.values())
        print(f"| {name} | {cells} | {target} |")
    cells = " | ".join(f"{r.criticism_flagged} of {r.criticism_total}" for r in reports.values())
    print(f"| protected criticism flagged harmful | {cells} | 0 |")
    models = ROOT / "ratusz" / "triage" / "analysis" / "models"
    harmful_meta = json.loads((models / "harmful.json").read_text())
    cv = harmful_meta.get("cross_validation", {})
    print(f"\nharmful model, PolEval 2019 training split, {cv.get('folds')}-fold "
          f"cross-validation: {json.dumps(cv.get('detector'))}; at the test split's higher "
          f"share of harmful tweets: {json.dumps(cv.get('detector_at_shifted_prevalence'))}")
    for flag in ("urgent", "public_information_request", "formal_matter", "spam", "negative",
                 "harmful"):
        path = models / f"stems-{flag}.json"
        if path.exists():
            meta = json.loads(path.read_text())
            print(f"stem model {flag}: {meta['examples']} examples, cross-validated "
                  f"{json.dumps(meta['cross_validation'])} at threshold {meta['threshold']}")


if __name__ == "__main__":
    main()
