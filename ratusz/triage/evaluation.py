"""Measuring triage against labelled examples (the format of `data/LABELS.md`).

Used by `ratusz triage evaluate`, by the benchmarks and by the tests. Needs no database.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ratusz.triage import analysis

DEV_DIR = Path(__file__).parent / "data" / "dev"
IDENTIFIERS = {"pesel", "nip", "regon", "id_card", "passport", "iban"}


def read_examples(paths: Iterable[Path | str]) -> Iterator[dict]:
    for path in paths:
        path = Path(path)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8") as lines:
                for number, line in enumerate(lines, 1):
                    if line.strip():
                        try:
                            item = json.loads(line)
                        except json.JSONDecodeError as error:
                            raise ValueError(f"{file}:{number}: {error}") from error
                        item.setdefault("id", f"{file.name}:{number}")
                        yield item


def _spans(item: dict) -> set[tuple[str, int, int]]:
    """Expected personal-data spans; `text` entries are located in the example's text."""
    out = set()
    cursor: dict[str, int] = {}
    for entry in item.get("personal_data") or []:
        if "start" in entry:
            out.add((entry["type"], int(entry["start"]), int(entry["end"])))
            continue
        needle = entry["text"]
        at = item["text"].find(needle, cursor.get(needle, 0))
        if at < 0:
            raise ValueError(f"{item['id']}: {needle!r} is not in the text")
        cursor[needle] = at + 1
        out.add((entry["type"], at, at + len(needle)))
    return out


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: bool, expected: bool) -> None:
        if predicted and expected:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "support": self.tp + self.fn}


@dataclass
class Report:
    examples: int = 0
    flags: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in
                                                               analysis.FLAGS})
    identifiers: Counts = field(default_factory=Counts)  # checksum-valid ids, exact spans
    spans: dict[str, Counts] = field(default_factory=dict)  # per personal-data type
    overlap: Counts = field(default_factory=Counts)  # any type, same type and overlapping
    topic_right: int = 0
    topic_total: int = 0
    criticism_flagged: int = 0  # protected criticism wrongly flagged harmful
    criticism_total: int = 0
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "examples": self.examples,
            "flags": {flag: c.as_dict() for flag, c in self.flags.items()},
            "identifiers": self.identifiers.as_dict(),
            "personal_data_types": {t: c.as_dict() for t, c in sorted(self.spans.items())},
            "personal_data_overlapping": self.overlap.as_dict(),
            "topic_accuracy": round(self.topic_right / self.topic_total, 3)
            if self.topic_total else None,
            "protected_criticism": {"examples": self.criticism_total,
                                    "flagged_harmful": self.criticism_flagged},
            "version": analysis.version(),
        }


def _is_criticism(item: dict) -> bool:
    note = (item.get("note") or "").lower()
    return "harmful" not in item.get("flags", []) and ("criticism" in note or "krytyk" in note)


def evaluate(examples: Iterable[dict], *, keep_errors: bool = False) -> Report:
    report = Report()
    for item in examples:
        report.examples += 1
        result = analysis.analyze(item["text"], item.get("channel", "message"))
        expected = set(item.get("flags") or [])
        # A file exported from people's corrections judges only the flags they looked at.
        judged = item.get("judged_flags") or analysis.FLAGS
        for flag in judged:
            predicted = flag in result.flags
            report.flags[flag].add(predicted, flag in expected)
            if keep_errors and predicted != (flag in expected):
                report.errors.append({"id": item["id"], "flag": flag,
                                      "error": "false positive" if predicted else "missed",
                                      "score": result.scores[flag], "text": item["text"]})
        want = _spans(item)
        got = {(p.type, p.start, p.end) for p in result.personal_data}
        for kind in {t for t, _, _ in want | got}:
            counts = report.spans.setdefault(kind, Counts())
            w = {s for s in want if s[0] == kind}
            g = {s for s in got if s[0] == kind}
            counts.tp += len(w & g)
            counts.fp += len(g - w)
            counts.fn += len(w - g)
        matched = {w for w in want if any(g[0] == w[0] and g[1] < w[2] and w[1] < g[2]
                                          for g in got)}
        hit = {g for g in got if any(g[0] == w[0] and g[1] < w[2] and w[1] < g[2]
                                     for w in want)}
        report.overlap.tp += len(matched)
        report.overlap.fn += len(want - matched)
        report.overlap.fp += len(got - hit)
        w_ids = {s for s in want if s[0] in IDENTIFIERS}
        g_ids = {s for s in got if s[0] in IDENTIFIERS}
        report.identifiers.tp += len(w_ids & g_ids)
        report.identifiers.fp += len(g_ids - w_ids)
        report.identifiers.fn += len(w_ids - g_ids)
        if item.get("topic"):
            report.topic_total += 1
            report.topic_right += result.topic == item["topic"]
        if _is_criticism(item):
            report.criticism_total += 1
            report.criticism_flagged += "harmful" in result.flags
    return report


def format_report(report: Report) -> str:
    lines = [f"{report.examples} examples, analysers {analysis.version()}", "",
             f"{'flag':28} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for flag, c in report.flags.items():
        lines.append(f"{flag:28} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} "
                     f"{c.tp + c.fn:8d}")
    c = report.identifiers
    lines += ["", f"{'identifiers (exact span)':28} {c.precision:9.3f} {c.recall:7.3f} "
                  f"{c.f1:6.3f} {c.tp + c.fn:8d}"]
    for kind, c in sorted(report.spans.items()):
        lines.append(f"  {kind:26} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} "
                     f"{c.tp + c.fn:8d}")
    c = report.overlap
    lines.append(f"{'all types, overlapping span':28} {c.precision:9.3f} {c.recall:7.3f} "
                 f"{c.f1:6.3f} {c.tp + c.fn:8d}")
    if report.topic_total:
        lines.append(f"\ntopic accuracy {report.topic_right / report.topic_total:.3f} "
                     f"({report.topic_total} examples)")
    if report.criticism_total:
        lines.append(f"protected criticism flagged harmful: {report.criticism_flagged} of "
                     f"{report.criticism_total}")
    return "\n".join(lines)
