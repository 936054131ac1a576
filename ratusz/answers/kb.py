"""Search over the office's knowledge base and its past answers, in Polish, without a server:
folded text (no diacritics, look-alikes resolved), prefix stems standing in for inflection,
a small municipal synonym list, and BM25 ranking. An office has hundreds of entries, so the
index is built in memory and rebuilt when an entry changes.

Why not the database's full-text search: SQLite FTS5 and PostgreSQL's text search would need
two code paths, PostgreSQL ships no Polish dictionary by default, and neither folds "smieci"
to "śmieci" or "podatku" to "podatek" out of the box; this ranks the same on both."""

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ratusz.triage.analysis.normalize import fold

STEM = 5  # Polish inflection mostly changes the end of a word: "podatku" ~ "podatek"
STOPWORDS = frozenset("""a aby ale albo bo by byc czy dla do gdzie go i ich ile im jak jakie jaki
jest jestem jej juz kiedy kto ktora ktore ktory ma mam mi mnie moge moj moja moze na nad nam nas
nie nic no o od oraz po pod prosze przez przy sa sie sobie ta tak te tego tej ten to tu tylko tym
u w we wiec wszystko z za ze zeby dzien dobry dziekuje pozdrawiam witam pan pani panstwo mozna
trzeba chce chcialbym chcialabym jaka bede wam was""".split())  # noqa: SIM905
# Words residents use for what the office calls otherwise (written before any evaluation).
SYNONYMS = {
    "smieci": "odpad", "smiec": "odpad", "wywoz": "odbior", "zabieraja": "odbior",
    "zabiera": "odbior", "graty": "gabaryt", "meble": "gabaryt", "wielkogabaryt": "gabaryt",
    "dziura": "ubytek", "dziury": "ubytek", "jezdnia": "droga", "ulica": "droga",
    "latarnia": "oswietl", "latarnie": "oswietl", "lampa": "oswietl", "snieg": "odsniez",
    "plug": "odsniez", "kanaliza": "kanal", "scieki": "kanal", "slub": "malzen",
    "zameldowac": "meldun", "zameldowanie": "meldun", "dowodu": "dowod", "dowod": "dowod",
    "podatki": "podat", "oplata": "oplat", "przedszkole": "przedszk", "sesja": "sesj",
    "drzewo": "wycink", "drzewa": "wycink", "wyciac": "wycink", "skarga": "skarg",
}


def terms(text: str) -> list[str]:
    words = re.findall(r"[a-z0-9]+", fold(text or "").text)
    out = []
    for word in words:
        if word in STOPWORDS or len(word) < 3 and not word.isdigit():
            continue
        word = SYNONYMS.get(word, word)
        out.append(word[:STEM] if not word.isdigit() else word)
    return out


@dataclass
class Document:
    id: object
    terms: Counter
    length: int


@dataclass
class Index:
    docs: list[Document] = field(default_factory=list)
    df: Counter = field(default_factory=Counter)
    avg: float = 1.0

    @classmethod
    def build(cls, items: list[tuple[object, list[tuple[str, float]]]]) -> "Index":
        """`items`: (id, [(text, weight), ...]); a field's weight repeats its terms."""
        index = cls()
        for doc_id, fields in items:
            counted: Counter = Counter()
            for text, weight in fields:
                for term in terms(text):
                    counted[term] += weight
            index.docs.append(Document(doc_id, counted, max(sum(counted.values()), 1)))
            index.df.update(counted.keys())
        index.avg = sum(d.length for d in index.docs) / max(len(index.docs), 1)
        return index

    def search(self, text: str, k: int = 3, k1: float = 1.2,
               b: float = 0.75) -> list[tuple[object, float, list[str]]]:
        query = set(terms(text))
        n = len(self.docs)
        scored = []
        for doc in self.docs:
            score, matched = 0.0, []
            for term in query:
                tf = doc.terms.get(term, 0)
                if not tf:
                    continue
                idf = math.log(1 + (n - self.df[term] + 0.5) / (self.df[term] + 0.5))
                score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * doc.length / self.avg))
                matched.append(term)
            if score > 0:
                scored.append((doc.id, score, sorted(matched)))
        scored.sort(key=lambda item: -item[1])
        return scored[:k]
