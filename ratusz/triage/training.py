"""Training the harmful-content model (`ratusz.triage.analysis.harmful`).

Only this module (and `tools/train_harmful.py`, which calls it) needs scikit-learn and scipy;
the analyser itself reads the exported weights with numpy.

The model: logistic regression over the features `harmful.features` computes (hashed
character 2-5-grams and word 1-2-grams of the folded text, plus lexicon counts), trained on
PolEval 2019 task 6.1 (train split) plus the project's hand-written municipal examples
(`ratusz/triage/data/harmful-extra.jsonl`) plus whatever an office adds, with a municipal
copy of the lexicon-count weights and bias (see "Domain adaptation" below). The PolEval
threshold is chosen by 5-fold stratified cross-validation; each domain's threshold is folded
into its bias, so the analyser's score is 0.5 exactly at the threshold. docs/triage-model.md
has the measurements.

Public API
----------
``train(texts, labels, *, weights=None, sources=None, config=None, C=DEFAULT_C,
        class_weight=None, output=None, version=None, cross_validate=True, folds=5,
        seeds=(0,), prevalence_shift=PREVALENCE_SHIFT, threshold=None, description=None,
        log=print) -> pathlib.Path``
    Train on parallel lists of texts (raw, unfolded) and 0/1 labels, with optional
    per-example weights and sources ("poleval" for tweets; "extra" or "office" for municipal
    texts, which train the municipal weights; default: all "poleval"). Cross-validates to
    choose the PolEval threshold (``cross_validate=False``: use ``threshold``, default 0),
    fits on everything and writes ``harmful.npz`` + ``harmful.json`` into ``output`` (a
    folder; default: the shipped ``analysis/models/``). Returns the path of the .json, which
    ``harmful.load(path)`` accepts (so does the folder).

``retrain_with(pairs, *, output, data=None, extra=None, log=print, version=None)
        -> tuple[pathlib.Path, dict]``
    What ``ratusz triage retrain`` calls: PolEval's train.tsv (``data``, default
    ``/work/shared/data/poleval2019-cbd/train.tsv`` or ``$RATUSZ_POLEVAL_TRAIN``) plus the
    project's examples (``extra``, default the project's file) plus ``pairs`` (a list of
    ``(text, label)``: the office's own corrections, source "office", weighted like the
    project's examples). Returns the artefact path and flat metrics (version, threshold,
    cv_f1, cv_precision, cv_recall, cv_extra_*, cv_office_*).

``prepare(texts)``, ``featurize(prepared, config)`` and ``cross_validate(prepared, labels,
weights, sources, ...)`` are used by the script and exposed for experiments.
"""

from __future__ import annotations

import csv
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from ratusz.triage.analysis import harmful
from ratusz.triage.analysis.normalize import fold

POLEVAL_TRAIN = Path(os.environ.get("RATUSZ_POLEVAL_TRAIN",
                                    "/work/shared/data/poleval2019-cbd/train.tsv"))
EXTRA_EXAMPLES = Path(__file__).resolve().parent / "data" / "harmful-extra.jsonl"
MODEL_DIR = harmful.MODEL_DIR

DEFAULT_CONFIG = {
    "bits": 19,  # 2**19 hashed buckets (2**18 and 2**20 cross-validate the same)
    "char_ngrams": [2, 5],
    "char_weight": 1.0,
    "word_ngrams": 2,
    "word_weight": 0.7,
    "lexicon_weight": 1.0,
}
DEFAULT_C = 32.0  # inverse regularisation strength of the logistic regression
EXTRA_WEIGHT = 3.0  # a hand-written municipal example counts as this many tweets
# Harmful tweets are 8.5% of PolEval's training split and, says the dataset's README, more
# frequent in its test split. The threshold maximises F1 as if positives were this many times
# more frequent than in cross-validation: an assumption, not a measurement of the test split.
PREVALENCE_SHIFT = 1.5

CITATION = ("Michał Ptaszyński, Agata Pieciukiewicz, Paweł Dybała. Results of the PolEval 2019 "
            "Shared Task 6: First Dataset and Open Shared Task for Automatic Cyberbullying "
            "Detection in Polish Twitter. In: Proceedings of the PolEval 2019 Workshop, "
            "Maciej Ogrodniczuk, Łukasz Kobyliński (eds.), Institute of Computer Science, "
            "Polish Academy of Sciences, Warsaw 2019.")
LICENSE = ("PolEval 2019 Task 6 data: BSD 3-Clause License, Copyright (c) 2019, Michal "
           "Ptaszynski; see POLEVAL-LICENSE.txt. The model ships only learned weights, "
           "no tweets.")

_TWITTER_NOISE = re.compile(r"@anonymized_account|\bRT\b|https?://\S+")


def clean(text: str) -> str:
    """Drop what only tweets have (anonymised mentions, "RT", links): a Facebook comment has
    none, so a model must not learn from them."""
    return _TWITTER_NOISE.sub(" ", text).strip()


def load_poleval(path=None) -> tuple[list[str], list[int]]:
    """Texts and task 6.1 labels of PolEval 2019's train.tsv (text, harmful, type)."""
    path = Path(path or POLEVAL_TRAIN)
    texts, labels = [], []
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(clean(row["text"]))
            labels.append(int(row["harmful"]))
    return texts, labels


def load_extra(path=None) -> tuple[list[str], list[int]]:
    """Hand-written examples: JSON lines {"text": ..., "harmful": 0|1} (other keys ignored)."""
    path = Path(path or EXTRA_EXAMPLES)
    texts, labels = [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                texts.append(item["text"])
                labels.append(int(item["harmful"]))
    return texts, labels


# --------------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------------

def prepare(texts: Sequence[str]) -> list[tuple[str, list]]:
    """Fold each text and find its lexicon hits once (features and thresholds need both)."""
    out = []
    for text in texts:
        folded = fold(text).text
        out.append((folded, harmful.lexicon_hits(folded)))
    return out


def featurize(prepared: Sequence[tuple[str, list]], config: dict):
    """A CSR matrix of `harmful.features` for prepared texts (see `prepare`)."""
    import scipy.sparse as sp

    indices, values, indptr = [], [], [0]
    for folded, hits in prepared:
        index, value = harmful.features(folded, config, hits)
        indices.append(index)
        values.append(value)
        indptr.append(indptr[-1] + len(index))
    matrix = sp.csr_matrix((np.concatenate(values).astype(np.float64),
                            np.concatenate(indices), np.array(indptr)),
                           shape=(len(prepared), harmful.n_features(config)))
    matrix.sum_duplicates()
    return matrix


def strong_hits(prepared: Sequence[tuple[str, list]]) -> np.ndarray:
    """Whether the lexicon alone raises the flag for each text."""
    return np.array([any(h.cls in harmful.STRONG for h in hits) for _, hits in prepared])


# --------------------------------------------------------------------------------------------
# Domain adaptation
#
# PolEval's annotators and this project disagree on two things: in the tweets, undirected
# swearing and harsh political criticism are often labelled harmful; on a municipal page they
# are not (protected speech). So the model is fitted on both domains at once, with the
# feature augmentation of Daumé III ("Frustratingly easy domain adaptation", 2007) restricted
# to the lexicon counts: every text shares the n-gram and lexicon weights, and municipal texts
# (the project's and an office's examples) also get their own copy of the lexicon counts and
# their own bias. The municipal model is the shared one plus those few extra weights; the
# "poleval" domain is the shared one alone. Both are exported; the analyser uses "municipal".
# --------------------------------------------------------------------------------------------

MUNICIPAL_SOURCES = ("extra", "office")


def augment(matrix, municipal, config: dict):
    """Append the municipal copy of the lexicon block and a municipal bias column."""
    import scipy.sparse as sp

    n = 1 << config["bits"]
    width = len(harmful.LEXICON_FEATURES)
    on = sp.diags(np.asarray(municipal, dtype=float))
    lexicon = on @ matrix[:, n:n + width]
    return sp.hstack([matrix, lexicon, sp.csr_matrix(on.diagonal()[:, None])]).tocsr()


def split_weights(vector: np.ndarray, bias: float, config: dict):
    """(shared weights, municipal lexicon deltas, municipal bias delta) of an augmented fit."""
    size = harmful.n_features(config)
    width = len(harmful.LEXICON_FEATURES)
    return vector[:size], vector[size:size + width], float(vector[size + width])


# --------------------------------------------------------------------------------------------
# Fitting, thresholds, cross-validation
# --------------------------------------------------------------------------------------------

def fit(matrix, labels, weights=None, C: float = DEFAULT_C, class_weight=None):
    """Logistic regression (liblinear, L2). Returns (weights vector, bias)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, solver="liblinear", max_iter=5000,
                               class_weight=class_weight)
    model.fit(matrix, np.asarray(labels), sample_weight=weights)
    return model.coef_.ravel().astype(np.float32), float(model.intercept_[0])


def f1_at(scores, labels, threshold, strong=None, positive_weight: float = 1.0,
          weights=None) -> tuple[float, float, float]:
    """F1, precision, recall of (score >= threshold) or a strong lexicon hit, with positives
    counted `positive_weight` times (a prior shift) and optional per-example weights."""
    labels = np.asarray(labels).astype(bool)
    predicted = np.asarray(scores) >= threshold
    if strong is not None:
        predicted |= strong
    w = np.ones(len(labels)) if weights is None else np.asarray(weights, dtype=float)
    tp = float(np.sum(w[predicted & labels])) * positive_weight
    fp = float(np.sum(w[predicted & ~labels]))
    fn = float(np.sum(w[~predicted & labels])) * positive_weight
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def best_threshold(scores, labels, strong=None, positive_weight: float = 1.0,
                   weights=None) -> float:
    """The threshold on the model's decision value that maximises (shifted) F1."""
    candidates = np.unique(np.quantile(scores, np.linspace(0.5, 0.995, 400)))
    best, best_f1 = float(candidates[0]), -1.0
    for threshold in candidates:
        f1 = f1_at(scores, labels, threshold, strong, positive_weight, weights)[0]
        if f1 > best_f1:
            best, best_f1 = float(threshold), f1
    return best


def out_of_fold(matrix, labels, weights, strata, folds: int, C: float, class_weight=None,
                seed: int = 0, also=None) -> tuple[np.ndarray, np.ndarray | None]:
    """Out-of-fold decision values of a stratified k-fold cross-validation; with `also` (a
    matrix of the same rows, e.g. every text seen as municipal), its out-of-fold values
    too."""
    from sklearn.model_selection import StratifiedKFold

    labels = np.asarray(labels)
    scores = np.zeros(len(labels))
    other = None if also is None else np.zeros(len(labels))
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train_rows, test_rows in splitter.split(np.zeros(len(labels)), strata):
        w, b = fit(matrix[train_rows], labels[train_rows],
                   None if weights is None else weights[train_rows], C, class_weight)
        scores[test_rows] = matrix[test_rows] @ w + b
        if also is not None:
            other[test_rows] = also[test_rows] @ w + b
    return scores, other


def _rounded(values) -> dict:
    f1, p, r = (round(float(v), 4) for v in values)
    return {"f1": f1, "precision": p, "recall": r}


def cross_validate(prepared, labels, weights=None, sources=None, *, config=None,
                   C: float = DEFAULT_C, class_weight=None, folds: int = 5, seeds=(0,),
                   prevalence_shift: float = PREVALENCE_SHIFT, matrix=None) -> dict:
    """Cross-validated metrics and the chosen threshold.

    `sources` names each example's origin ("poleval", "extra", "office"); stratification is
    by source and label. PolEval rows are scored with the shared (PolEval-domain) weights
    and decide the threshold (pooled out-of-fold scores of all seeds, positives weighted by
    `prevalence_shift`); municipal rows are scored with the municipal weights at 0. Returns a
    JSON-ready dict."""
    config = config or DEFAULT_CONFIG
    labels = np.asarray(labels)
    sources = np.asarray(sources if sources is not None else ["poleval"] * len(labels))
    weights = None if weights is None else np.asarray(weights, dtype=float)
    if matrix is None:
        matrix = featurize(prepared, config)
    municipal = np.isin(sources, MUNICIPAL_SOURCES)
    augmented = augment(matrix, municipal, config)
    as_municipal = augment(matrix, np.ones(len(labels)), config)
    strong = strong_hits(prepared)
    strata = np.char.add(sources.astype(str), labels.astype(str))
    runs = [out_of_fold(augmented, labels, weights, strata, folds, C, class_weight, seed,
                        also=as_municipal) for seed in seeds]
    main = ~municipal if np.any(~municipal) else np.ones(len(labels), bool)
    pooled = np.concatenate([run[0][main] for run in runs])
    pooled_labels = np.tile(labels[main], len(runs))
    pooled_strong = np.tile(strong[main], len(runs))
    threshold = best_threshold(pooled, pooled_labels, pooled_strong, prevalence_shift)
    threshold_model_only = best_threshold(pooled, pooled_labels, None, 1.0)

    def metrics(rows, use_strong=True, at=threshold, shift=1.0, which=0):
        per_seed = [f1_at(run[which][rows], labels[rows], at,
                          strong[rows] if use_strong else None, shift) for run in runs]
        result = _rounded(np.mean(per_seed, axis=0))
        if len(runs) > 1:
            result["f1_std_over_seeds"] = round(float(np.std([m[0] for m in per_seed])), 4)
        return result

    report = {
        "folds": folds, "seeds": list(seeds), "C": C, "class_weight": class_weight,
        "prevalence_shift": prevalence_shift, "threshold": round(threshold, 6),
        "detector": metrics(main),
        "detector_at_shifted_prevalence": metrics(main, shift=prevalence_shift),
        "model_only_at_threshold": metrics(main, use_strong=False),
        "model_only_best": {**metrics(main, use_strong=False, at=threshold_model_only),
                            "threshold": round(threshold_model_only, 6)},
        "lexicon_only": _rounded(f1_at(np.zeros(int(main.sum())), labels[main], 1.0,
                                       strong[main])),
    }
    if np.any(municipal):
        report["municipal_weights_on_poleval"] = metrics(main, at=0.0, which=1)
    for source in sorted(set(sources.tolist()) & set(MUNICIPAL_SOURCES)):
        rows = sources == source
        report[source] = {**metrics(rows, at=0.0), "examples": int(rows.sum()),
                          "harmful": int(labels[rows].sum()),
                          "model_only": metrics(rows, use_strong=False, at=0.0)}
    return report


# --------------------------------------------------------------------------------------------
# Saving and the public entry points
# --------------------------------------------------------------------------------------------

def save(output, weights: np.ndarray, config: dict, meta: dict) -> Path:
    """Write harmful.npz (float16 weights, compressed) and harmful.json into `output`."""
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    path = output / "harmful.json"
    np.savez_compressed(path.with_suffix(".npz"), weights=weights.astype(np.float16))
    document = {**meta, "features": config, "weights_dtype": "float16",
                "n_features": int(len(weights))}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def train(texts: Sequence[str], labels: Sequence[int], *, weights=None, config=None,
          C: float = DEFAULT_C, class_weight=None, output=None, version=None,
          cross_validate: bool = True, folds: int = 5, seeds=(0,),
          prevalence_shift: float = PREVALENCE_SHIFT, sources=None, threshold=None,
          description: dict | None = None, log: Callable = print) -> Path:
    """Train, choose the threshold by cross-validation, fit on everything, save. See the
    module docstring. Returns the path of the written harmful.json."""
    started = time.perf_counter()
    config = dict(config or DEFAULT_CONFIG)
    labels = np.asarray(labels, dtype=int)
    weights = None if weights is None else np.asarray(weights, dtype=float)
    sources = list(sources) if sources is not None else ["poleval"] * len(labels)
    prepared = prepare(texts)
    matrix = featurize(prepared, config)
    cv = None
    if cross_validate:
        cv = _cross_validate(prepared, labels, weights, sources, config=config, C=C,
                             class_weight=class_weight, folds=folds, seeds=seeds,
                             prevalence_shift=prevalence_shift, matrix=matrix)
        threshold = cv["threshold"]
        log(f"cross-validation: {json.dumps(cv, ensure_ascii=False)}")
    elif threshold is None:
        threshold = 0.0
    municipal = np.isin(np.asarray(sources), MUNICIPAL_SOURCES)
    vector, bias = fit(augment(matrix, municipal, config), labels, weights, C, class_weight)
    shared, lexicon_delta, bias_delta = split_weights(vector, bias, config)
    version = version or f"harmful-{datetime.now(UTC):%Y%m%d%H%M%S}"
    meta = {
        "version": version,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "model": (f"logistic regression (liblinear, L2, C={C}, class_weight={class_weight}) "
                  "with municipal domain adaptation of the lexicon counts and the bias"),
        "threshold": threshold,
        "domains": {
            # The analyser's score is sigmoid(weights . x + bias): 0.5 at the threshold.
            "municipal": {"bias": bias + bias_delta,
                          "lexicon_delta": [round(float(v), 6) for v in lexicon_delta],
                          "threshold": 0.0},
            "poleval": {"bias": bias - threshold,
                        "lexicon_delta": [0.0] * len(lexicon_delta),
                        "threshold": threshold},
        },
        "default_domain": "municipal",
        "raw_bias": bias,
        "training_data": description or {"examples": int(len(labels)),
                                         "harmful": int(labels.sum())},
        "cross_validation": cv,
        "citation": CITATION,
        "license": LICENSE,
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    return save(output or MODEL_DIR, shared, config, meta)


_cross_validate = cross_validate  # `train` has a parameter of the same name


def project_data(data=None, extra=None) -> tuple[list[str], list[int], list[float], list[str]]:
    """PolEval's training split plus the project's hand-written examples:
    texts, labels, weights, sources."""
    texts, labels = load_poleval(data)
    weights = [1.0] * len(texts)
    sources = ["poleval"] * len(texts)
    extra_texts, extra_labels = load_extra(extra)
    texts += extra_texts
    labels += extra_labels
    weights += [EXTRA_WEIGHT] * len(extra_texts)
    sources += ["extra"] * len(extra_texts)
    return texts, labels, weights, sources


def retrain_with(pairs: Sequence[tuple[str, int]], *, output, data=None, extra=None,
                 log: Callable = print, version=None) -> tuple[Path, dict]:
    """PolEval + the project's examples + `pairs` (an office's corrections); see the module
    docstring."""
    texts, labels, weights, sources = project_data(data, extra)
    for text, label in pairs:
        texts.append(text)
        labels.append(int(label))
        weights.append(EXTRA_WEIGHT)
        sources.append("office")
    description = {
        "poleval2019_task6_train": sources.count("poleval"),
        "project_examples": sources.count("extra"),
        "office_examples": sources.count("office"),
        "harmful": int(sum(labels)),
        "extra_weight": EXTRA_WEIGHT,
    }
    log(f"Training on {len(texts)} texts ({description})...")
    path = train(texts, labels, weights=weights, sources=sources, output=output,
                 version=version, description=description, log=log)
    meta = json.loads(path.read_text(encoding="utf-8"))
    cv = meta.get("cross_validation") or {}
    metrics = {"version": meta["version"], "threshold": meta["threshold"],
               "cv_f1": cv.get("detector", {}).get("f1"),
               "cv_precision": cv.get("detector", {}).get("precision"),
               "cv_recall": cv.get("detector", {}).get("recall")}
    for source in MUNICIPAL_SOURCES:
        if source in cv:
            for key in ("f1", "precision", "recall"):
                metrics[f"cv_{source}_{key}"] = cv[source][key]
    return path, metrics
