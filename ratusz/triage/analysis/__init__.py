"""Triage: Polish text analysis of residents' comments and messages, on a CPU, with evidence.

`analyze(text, channel)` runs every analyser and returns flags, scores in 0..1, personal-data
spans, a topic and the evidence behind each flag. It needs no database and no Django, so the
`ratusz triage` command and the benchmarks can use it alone. Nothing here acts: the desk
decides what to do with a result (`ratusz.triage.services`).
"""

from dataclasses import asdict, dataclass, field

from ratusz.triage.analysis import (
    harmful,
    negative,
    personal,
    question,
    requests,
    spam,
    textmodel,
    topic,
)
from ratusz.triage.analysis import urgent as urgent_
from ratusz.triage.analysis.base import (
    FLAGS,
    PERSONAL_DATA_TYPES,
    THRESHOLD,
    TOPICS,
    Evidence,
    PersonalData,
)
from ratusz.triage.analysis.normalize import fold

__all__ = ["FLAGS", "PERSONAL_DATA_TYPES", "TOPICS", "VERSION", "Result", "analyze"]

# Bump RULES_VERSION whenever a lexicon or rule changes: stored results carry the version, and
# `ratusz triage reanalyze` redoes the ones made by an older one.
RULES_VERSION = "2026.11.28"
MAX_CHARS = 20_000  # longer texts are analysed on their beginning (a resident's essay)
# Flags whose stem model may raise what the rules missed (emergencies use theirs in urgent.py).
MODEL_BACKED = ("public_information_request", "formal_matter", "spam", "negative", "harmful")


def version() -> str:
    urgent_model = textmodel.load("urgent")
    stems = urgent_model.version.split("-", 1)[-1] if urgent_model else "none"
    return f"{RULES_VERSION}+{harmful.model_version()}+stems-{stems}"


@dataclass(slots=True)
class Result:
    flags: list[str]
    scores: dict[str, float]
    personal_data: list[PersonalData]
    topic: str
    evidence: list[Evidence] = field(default_factory=list)
    version: str = ""

    def as_contract(self, item_id) -> dict:
        """The `ratusz triage` output line (the documented contract)."""
        return {"id": item_id, "flags": self.flags, "scores": self.scores,
                "personal_data": [{"type": p.type, "start": p.start, "end": p.end}
                                  for p in self.personal_data],
                "topic": self.topic}

    def evidence_json(self) -> list[dict]:
        return [{k: v for k, v in asdict(e).items() if v not in (None, "")}
                for e in self.evidence]


def analyze(text: str, channel: str = "message") -> Result:
    text = (text or "")[:MAX_CHARS]
    folded = fold(text)
    findings = {
        "question": question.analyze(folded),
        "urgent": urgent_.analyze(folded),
        "personal_data": personal.analyze(text, folded),
        "public_information_request": requests.public_information(folded),
        "formal_matter": requests.formal_matter(folded),
        "harmful": harmful.analyze(folded),
        "spam": spam.analyze(folded),
        "negative": negative.analyze(folded, text),
    }
    # Where wording varies too much for rules, a stem model trained on labelled examples can
    # raise a flag the rules missed (never lower one); see tools/train_flags.py.
    vetoed = requests.vetoes(folded)
    for flag in MODEL_BACKED:
        if flag not in vetoed:
            findings[flag] = textmodel.boost(findings[flag], flag, folded.text)
    scores = {flag: round(float(findings[flag].score), 3) for flag in FLAGS}

    # How the flags bear on each other.
    if scores["spam"] >= THRESHOLD:
        scores["question"] = round(min(scores["question"], 0.3), 3)
        scores["negative"] = round(min(scores["negative"], 0.3), 3)
    if scores["public_information_request"] >= THRESHOLD:
        scores["question"] = max(scores["question"], scores["public_information_request"])
    if scores["harmful"] >= THRESHOLD:
        scores["negative"] = max(scores["negative"], 0.6)

    subject, topic_evidence = topic.analyze(folded)
    # A request for public information goes to whoever answers those, whatever it is about;
    # an emergency goes to crisis management unless it is plainly about water.
    if scores["public_information_request"] >= THRESHOLD:
        subject = "public_information"
    elif scores["urgent"] >= THRESHOLD and subject not in ("water", "safety"):
        subject = "safety"
    flags = [flag for flag in FLAGS if scores[flag] >= THRESHOLD]
    items = personal.find(text, folded) if scores["personal_data"] >= THRESHOLD else []
    evidence = [e for flag in FLAGS if flag in flags for e in findings[flag].evidence]
    return Result(flags=flags, scores=scores, personal_data=items, topic=subject,
                  evidence=evidence + topic_evidence, version=version())
