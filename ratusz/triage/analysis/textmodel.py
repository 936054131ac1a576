"""Small linear text models over word stems, for flags whose wording is too varied for rules
alone (emergencies). Inference needs only numpy and the standard library.

Features of a folded text: its words cut to their first five letters (a crude but effective
stemmer for Polish, where endings carry the inflection: "pożaru", "pożarze" -> "pozar"), the
same for four letters, and pairs of neighbouring five-letter stems, hashed into 2**18 slots
with CRC-32. A model is a weight per slot and a bias; its output is a probability.
"""

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ratusz.triage.analysis.base import Evidence, Finding

BITS = 18
MASK = (1 << BITS) - 1
_WORD = re.compile(r"[a-z0-9]+")
MODEL_DIR = Path(__file__).resolve().parent / "models"
MIN_FEATURES = 5


# Function words, left out of the emergency and harmful-content models: danger and abuse are
# in the nouns and verbs, and as features these only echo the style of the training texts
# (they do help the other flags: "czy" and "nie" say a lot about requests and complaints).
STOP = frozenset((
    "a", "aby", "albo", "ale", "ani", "az", "bo", "by", "byc", "byl", "byla", "bylo",
    "czy", "dla", "do", "go", "gdy", "i", "ich", "ile", "im", "ja", "jak", "jakby",
    "jaki", "jej", "jego", "jest", "juz", "ktora", "ktore", "ktory", "lub", "ma", "mi",
    "mnie", "na", "nad", "nam", "nas", "nie", "niz", "no", "o", "od", "oraz", "po", "pod",
    "przez", "przy", "sa", "sie", "ta", "tak", "tam", "te", "tego", "tej", "ten", "to",
    "tu", "tym", "u", "w", "we", "wiec", "wy", "z", "za", "ze", "zeby", "jeszcze",
    "tylko", "bardzo", "mam", "moze",
))


def feature_names(text: str, stop: bool = False) -> list[str]:
    words = [w for w in _WORD.findall(text) if len(w) > 1 and not (stop and w in STOP)]
    stems = [w[:5] for w in words]
    names = [f"u:{s}" for s in stems]
    names += [f"p:{w[:4]}" for w in words if len(w) > 4]
    names += [f"b:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False)]
    return names


@lru_cache(maxsize=16)
def feature_ids(text: str, stop: bool = False) -> np.ndarray:
    """Distinct hashed feature slots of a folded text (presence, not counts). Cached for the
    last few texts: several models read the same text one after another."""
    ids = {zlib.crc32(name.encode()) & MASK for name in feature_names(text, stop)}
    return np.fromiter(ids, dtype=np.int64, count=len(ids))


@dataclass(frozen=True)
class LinearModel:
    name: str
    version: str
    weights: np.ndarray  # float32, 2**BITS
    bias: float
    threshold: float  # probability at which the flag is raised
    meta: dict

    @property
    def stop(self) -> bool:
        return bool(self.meta.get("features", {}).get("stopwords_removed"))

    def probability(self, text: str) -> float:
        """0 unless the text's own words point to the flag: a text of unknown or neutral
        words must not be flagged on the model's bias alone ("Kraków", "Nie wiem")."""
        ids = feature_ids(text, self.stop)
        if len(ids) < MIN_FEATURES:
            return 0.0  # one or two words: too little for a model to judge
        support = float(self.weights[ids].sum())
        if support <= 0.0:
            return 0.0
        logit = self.bias + support
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def reasons(self, text: str, top: int = 3) -> list[str]:
        """The stems that pushed the score up most, for the evidence shown to people."""
        names = {}
        for name in feature_names(text, self.stop):
            names.setdefault(zlib.crc32(name.encode()) & MASK, name)
        scored = sorted(((float(self.weights[i]), n) for i, n in names.items()), reverse=True)
        return [n.split(":", 1)[1].replace("_", " ") for w, n in scored[:top] if w > 0]


def boost(finding: Finding, flag: str, text: str) -> Finding:
    """Raise a rule analyser's finding when the flag's model is confident, with evidence."""
    model = load(flag)
    if model is None:
        return finding
    probability = model.probability(text)
    if probability < model.threshold:
        return finding
    span = max(1e-6, 1.0 - model.threshold)
    score = max(finding.score, 0.55 + 0.4 * (probability - model.threshold) / span)
    evidence = [*finding.evidence, Evidence(flag, "model", detail=f"{probability:.2f}: "
                                            + ", ".join(model.reasons(text)))]
    return Finding(round(min(score, 1.0), 3), evidence)


def save(path: Path, name: str, version: str, weights: np.ndarray, bias: float,
         threshold: float, meta: dict, stop: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path.with_suffix(".npz"), weights=weights.astype(np.float16))
    path.with_suffix(".json").write_text(json.dumps(
        {"name": name, "version": version, "bias": bias, "threshold": threshold,
         "features": {"bits": BITS, "kind": "stems5+stems4+stem bigrams, crc32",
                      "stopwords_removed": stop}, **meta},
        indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=16)
def load(flag: str, directory: str | None = None) -> LinearModel | None:
    """The stem model of a flag (`models/stems-<flag>.*`), or None if there is none."""
    base = Path(directory) if directory else MODEL_DIR
    name = f"stems-{flag}"
    meta_path, weights_path = base / f"{name}.json", base / f"{name}.npz"
    if not meta_path.exists() or not weights_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    with np.load(weights_path) as data:
        weights = data["weights"].astype(np.float32)
    return LinearModel(name, meta["version"], weights, float(meta["bias"]),
                       float(meta["threshold"]), meta)
