"""Weighted cues over folded text, and how their weights add up to a score.

A cue is a regular expression over the folded text (lower case, no diacritics; see
`normalize.fold`) with a weight in 0..1 and a short reason shown to people as evidence. Word
stems are written as prefixes ("\\bpozar" matches "pożar", "pożaru", "pożarze"), so Polish
inflection is covered without a morphological dictionary.
"""

import re
from dataclasses import dataclass

from ratusz.triage.analysis.base import Evidence
from ratusz.triage.analysis.normalize import Folded


@dataclass(frozen=True, slots=True)
class Cue:
    reason: str
    weight: float
    pattern: re.Pattern
    needles: tuple[str, ...] = ()  # one of these must be in the text for a match
    gate: re.Pattern | None = None  # the needles as one expression, when there are several


def cues(reason: str, weight: float, *patterns: str) -> list[Cue]:
    """One cue per pattern, so the evidence shows which one matched."""
    out = []
    for p in patterns:
        found = needles(p)
        gate = re.compile("|".join(map(re.escape, found))) if len(found) > 1 else None
        out.append(Cue(reason, weight, re.compile(p), found, gate))
    return out


_PLAIN = set("abcdefghijklmnopqrstuvwxyz0123456789 ")
_QUANTIFIER = set("?*{+")


def _leading_literal(pattern: str) -> str:
    out = []
    for char in pattern:
        if char not in _PLAIN:
            if char in _QUANTIFIER and out:
                out.pop()  # the last character is optional or repeated
            break
        out.append(char)
    return "".join(out).strip()


def needles(pattern: str) -> tuple[str, ...]:
    """Literal text that every match must contain, read off the start of the pattern
    ("\\bpozar" -> "pozar"; "\\b(kabel|linia) lezy" -> "kabel", "linia"); () if unsure."""
    if pattern.startswith("(?#n:"):  # explicit needles: "(?#n:noz,maczet)\\b(ma|z) ..."
        return tuple(n for n in pattern[5:pattern.index(")")].split(",") if n)
    rest = pattern
    while rest.startswith(("\\b", "^")):
        rest = rest[2:] if rest.startswith("\\b") else rest[1:]
    if rest.startswith("(") and not rest.startswith("(?"):
        depth, end = 0, None
        for i, char in enumerate(rest):
            if char == "\\":
                return ()
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                end = i
                break
        if end is None or (end + 1 < len(rest) and rest[end + 1] in _QUANTIFIER):
            return ()
        options = rest[1:end].split("|")
        if any(not o or set(o) - _PLAIN for o in options):
            return ()
        return tuple(o.strip() or o for o in options)
    literal = _leading_literal(rest)
    return (literal,) if len(literal) >= 2 else ()


def any_of(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(slots=True)
class Hit:
    cue: Cue
    start: int  # folded offsets
    end: int


def hits(folded: Folded, lexicon: list[Cue]) -> list[Hit]:
    """The first match of each cue. A cue whose literal words are not in the text is skipped
    without running its expression (a substring test is far cheaper than a regex search)."""
    text = folded.text
    found = []
    for cue in lexicon:
        needles = cue.needles
        if needles:
            if len(needles) == 1:
                if needles[0] not in text:
                    continue
            elif not cue.gate.search(text):
                continue
        match = cue.pattern.search(text)
        if match:
            found.append(Hit(cue, match.start(), match.end()))
    return found


def noisy_or(weights) -> float:
    """Independent pieces of evidence: 1 - prod(1 - w)."""
    miss = 1.0
    for weight in weights:
        miss *= 1.0 - max(0.0, min(1.0, weight))
    return 1.0 - miss


def best_per_reason(found: list[Hit]) -> list[Hit]:
    """Several matches for the same reason count once, at their strongest."""
    best: dict[str, Hit] = {}
    for hit in found:
        kept = best.get(hit.cue.reason)
        if kept is None or hit.cue.weight > kept.cue.weight:
            best[hit.cue.reason] = hit
    return list(best.values())


def evidence(flag: str, folded: Folded, found: list[Hit]) -> list[Evidence]:
    out, seen = [], set()
    for hit in sorted(found, key=lambda h: h.start):
        if (hit.start, hit.end) in seen:
            continue  # two cues on the same words: show them once
        seen.add((hit.start, hit.end))
        start, end = folded.span(hit.start, hit.end)
        out.append(Evidence(flag, hit.cue.reason, start, end,
                            folded.text[hit.start:hit.end].strip()))
    return out
