"""A deliberately small keyword rule for "this looks like an emergency".

It stands in for the triage analyser (issue 4) behind this one function: it only decides
whether the acknowledgement mentions 112 and whether the on-duty people are alerted, so a
false alarm costs an e-mail, and a miss is no worse than having no rule at all.
"""

import re
import unicodedata

_PATTERNS = [
    r"\bczuc gaz", r"\bgaz\w* (sie )?(ulatnia|wycieka|czuc)", r"\bulatnia sie gaz",
    r"\bpozar", r"\bpali sie\b", r"\bplonie\b", r"\bdym\w* z\b",
    r"\bpowodz", r"\bzalewa\b", r"\bzalane\b.*\b(dom|piwnic|mieszkani)", r"\bwylala rzeka",
    r"\bwypadek\b", r"\branny\b", r"\branna\b", r"\bnie oddycha", r"\bnieprzytomn",
    r"\bzerwan\w* (linia|przewod)", r"\blinia energetyczna\w* (lezy|na drodze|zerwana)",
    r"\bdrzewo (lezy |spadlo )?na (drodze|jezdni|drod)", r"\bdrzewo przewrocilo",
    r"\bzaginal\b", r"\bzaginela\b", r"\bzaginion",
    r"\bsamobojstw", r"\bodebrac sobie zycie", r"\bnie chce (juz )?zyc\b",
]
_RULE = re.compile("|".join(_PATTERNS))


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower().replace("ł", "l"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def looks_like_emergency(text: str) -> bool:
    return bool(text) and bool(_RULE.search(_plain(text)))
