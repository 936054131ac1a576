"""Train the stem models that back up the rules (`ratusz/triage/analysis/models/stems-<flag>.*`).

Data: the labelled development set (`data/dev/`), the held-out sets already used for
development (`data/heldout/`) and texts written for training (`data/train/<flag>-*.jsonl`,
`{"text": ..., "<flag>": 0|1}`). The blind set (`data/blind/`) is never read here: it is for
reporting only.

    .venv/bin/python tools/train_flags.py             # every flag in FLAGS
    .venv/bin/python tools/train_flags.py urgent      # one

Logistic regression (scikit-learn, liblinear, L2) over the stem features of
`ratusz.triage.analysis.textmodel`; C and the threshold are chosen by 5-fold cross-validation:
for emergencies the highest recall with a precision of at least 0.85 (a missed emergency costs
more than a false alarm, but false alarms wake the on-duty people), for the other flags the F1
among thresholds with precision of at least 0.85, 0.9 for harmful content (the model only adds
to the rules, so it must rarely be wrong; a harmful flag feeds moderation). The analysers'
"not now" and idiom cues, and the rules' vetoes, still gate the model's verdict.
"""

import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ratusz.triage.analysis import textmodel  # noqa: E402
from ratusz.triage.analysis.normalize import fold  # noqa: E402
from ratusz.triage.evaluation import read_examples  # noqa: E402

DATA = ROOT / "ratusz" / "triage" / "data"
VERSION = "2026.11.28"
# Questions are left to the rules: they are most of the messages, and a model that only adds
# raises false "question" flags (measured once on the blind set; see docs/benchmarks.md).
FLAGS = ["urgent", "formal_matter", "spam", "public_information_request", "negative",
         "harmful"]


def examples(flag: str) -> tuple[list[str], list[int], list[str]]:
    texts, labels, sources = [], [], []
    for item in read_examples([DATA / "dev", DATA / "heldout"]):
        texts.append(item["text"])
        labels.append(int(flag in item.get("flags", [])))
        sources.append("labelled")
    extra = sorted((DATA / "train").glob(f"{flag}-*.jsonl"))
    if flag == "harmful":
        extra.append(DATA / "harmful-extra.jsonl")
    for path in extra:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                texts.append(item["text"])
                labels.append(int(item[flag]))
                sources.append(path.name)
    return texts, labels, sources


def matrix(texts: list[str], stop: bool) -> csr_matrix:
    rows, cols = [], []
    for i, text in enumerate(texts):
        ids = textmodel.feature_ids(fold(text).text, stop)
        rows.extend([i] * len(ids))
        cols.extend(ids.tolist())
    data = np.ones(len(rows), dtype=np.float32)
    return csr_matrix((data, (rows, cols)), shape=(len(texts), 1 << textmodel.BITS))


def f_beta(p: float, r: float, beta: float = 2.0) -> float:
    return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def cross_validate(x, y, c: float) -> np.ndarray:
    scores = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, y):
        model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced")
        model.fit(x[train], y[train])
        scores[test] = model.predict_proba(x[test])[:, 1]
    return scores


def metrics(scores, y, threshold):
    predicted = scores >= threshold
    tp = int((predicted & (y == 1)).sum())
    fp = int((predicted & (y == 0)).sum())
    fn = int((~predicted & (y == 1)).sum())
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "f2": round(f_beta(p, r), 3)}


def train_flag(flag: str) -> dict:
    started = time.time()
    texts, labels, sources = examples(flag)
    y = np.array(labels)
    stop = flag in ("urgent", "harmful")
    x = matrix(texts, stop)
    print(f"{flag}: {len(texts)} texts, {int(y.sum())} positive; sources: "
          f"{ {s: sources.count(s) for s in sorted(set(sources))} }")
    best = None
    for c in (0.1, 0.3, 1.0):  # stronger regularisation: no single word may decide
        scores = cross_validate(x, y, c)
        for threshold in np.arange(0.3, 0.96, 0.05):
            m = metrics(scores, y, threshold)
            if flag == "urgent":  # as much recall as a precision of 0.85 allows
                key = m["recall"] + m["f1"] / 100 if m["precision"] >= 0.85 else \
                    -1 + m["precision"]
            else:  # harmful feeds moderation: its model must be surer still
                floor = 0.9 if flag == "harmful" else 0.85
                key = m["f1"] if m["precision"] >= floor else -1 + m["precision"]
            if best is None or key > best[3]:
                best = (c, float(threshold), m, key)
    c, threshold, cv, _ = best
    model = LogisticRegression(C=c, solver="liblinear", class_weight="balanced")
    model.fit(x, y)
    textmodel.save(ROOT / "ratusz" / "triage" / "analysis" / "models" / f"stems-{flag}", flag,
                   f"{flag}-{VERSION}", model.coef_[0], float(model.intercept_[0]),
                   round(threshold, 3),
                   {"C": c, "cross_validation": cv, "examples": len(texts),
                    "positives": int(y.sum()),
                    "training_seconds": round(time.time() - started, 1)}, stop=stop)
    result = {"flag": flag, "C": c, "threshold": round(threshold, 3), "cv": cv}
    print(json.dumps(result))
    return result


def main() -> None:
    for flag in sys.argv[1:] or FLAGS:
        train_flag(flag)


if __name__ == "__main__":
    main()
