"""What every analyser returns: scores with evidence a person can check."""

from dataclasses import dataclass, field

FLAGS = ("question", "urgent", "personal_data", "public_information_request", "formal_matter",
         "harmful", "spam", "negative")
TOPICS = ("waste", "taxes", "roads", "water", "transport", "education", "social", "registry",
          "permits", "environment", "events", "safety", "public_information", "politics",
          "other")
PERSONAL_DATA_TYPES = ("pesel", "nip", "regon", "id_card", "passport", "iban", "phone", "email",
                       "address", "health")
THRESHOLD = 0.5  # a flag is raised when its score reaches this


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a flag fired: a span of the original text, or a feature without a span."""

    flag: str
    reason: str  # short machine-readable label, e.g. "pesel", "lexicon:insult", "model"
    start: int | None = None
    end: int | None = None
    detail: str = ""  # e.g. the folded word that matched, or the model's score


@dataclass(frozen=True, slots=True)
class PersonalData:
    type: str
    start: int
    end: int


@dataclass(slots=True)
class Finding:
    """One analyser's verdict on one flag."""

    score: float = 0.0
    evidence: list[Evidence] = field(default_factory=list)
