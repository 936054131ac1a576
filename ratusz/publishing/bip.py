"""The office's BIP feed: reading it, proposing the BIP entry a draft post is about, and
telling whether a post already links to the BIP or the office's website.

A notice on Facebook must follow its publication in the BIP (the Public Information Bulletin is
the official record; social media only point to it). The author rarely pastes the link, so the
desk proposes the entry: Polish text matched without a server or a dictionary, by folded words
(no case, no diacritics), prefix stems standing in for inflection ("przetargu" ~ "przetarg",
"sesji" ~ "sesja"), and the strong signals of official texts: dates ("10 grudnia", "10.12.2026"),
resolution and case numbers ("XXIV/187/2026", "0050.123.2026") and session numbers ("XXV").

Pure Python, no database: `parse_feed` takes the feed's bytes (never a URL or a path, so it
cannot be made to fetch or read anything), `match` takes the parsed entries.
"""

import contextlib
import io
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ratusz.lib.text import clean, safe_url

MAX_FEED_BYTES = 10_000_000  # a BIP feed is tens of kilobytes; anything this big is not one
MAX_SUMMARY = 2000

# A draft gets a proposal only at or above this score (0..1). Measured on the demo feed: an
# unrelated post ("wesołych świąt") scores 0; one sharing a word or two with an entry by chance
# ("Rada Gminy spotkała się z młodzieżą", "Dzień otwarty w Ośrodku Kultury" against "Otwarty
# konkurs ofert ... kultury fizycznej") 0.15 to 0.25; a post about an entry in its own words
# 0.35 and up (most 0.45 to 1). Allusive posts ("Szukamy pracownika") fall under it: the cost
# of a silent miss is lower than a wrong proposal shown to the author.
THRESHOLD = 0.3
SUMMARY_WEIGHT = 0.7  # a word found only in the entry's summary, against one in its title


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    published: datetime | None  # aware (UTC), None when the feed gives no date


# --- Reading the feed -------------------------------------------------------------------------

_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1",
                         "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "hr",
                         "dt", "dd", "pre"})
_XML_DECLARATION = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


class _TextOnly(HTMLParser):
    """Text of an HTML fragment: tags dropped (block tags become spaces), entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in {"script", "style"}:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skip = max(self.skip - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """HTML to one line of text: tags stripped, entities decoded, whitespace collapsed."""
    if not html:
        return ""
    parser = _TextOnly()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # a broken fragment must not break the feed
        return " ".join(clean(html).split())
    return " ".join(clean("".join(parser.parts)).split())


def _cap(text: str, limit: int = MAX_SUMMARY) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.9:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–") + "…"


def _published(item) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = item.get(key)
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=UTC)
            except (TypeError, ValueError):
                continue
    return None


def _link(item) -> str:
    link = safe_url(str(item.get("link") or ""))
    if link:
        return link
    for candidate in item.get("links") or []:
        if candidate.get("rel", "alternate") == "alternate":
            link = safe_url(str(candidate.get("href") or ""))
            if link:
                return link
    return ""


def _summary(item) -> str:
    text = plain_text(str(item.get("summary") or ""))
    if not text:
        for content in item.get("content") or []:
            text = plain_text(str(content.get("value") or ""))
            if text:
                break
    return _cap(text)


def parse_feed(data: bytes | str) -> list[FeedEntry]:
    """Entries of an RSS 2.0 or Atom feed, in the feed's order. Entries without a title or
    a http(s) link are skipped; a malformed or empty feed gives [] (this never raises)."""
    try:
        import feedparser

        if isinstance(data, str):
            # Already decoded: an encoding declared inside would decode it a second time.
            data = _XML_DECLARATION.sub(r'\1"utf-8"', data, count=1).encode("utf-8", "replace")
        if not isinstance(data, bytes | bytearray) or not data.strip():
            return []
        if len(data) > MAX_FEED_BYTES:
            return []
        # A stream, never the bytes themselves: feedparser would try bytes as a file name.
        parsed = feedparser.parse(io.BytesIO(bytes(data)), sanitize_html=True,
                                  resolve_relative_uris=True)
        entries: list[FeedEntry] = []
        seen: set[str] = set()
        for item in parsed.get("entries") or []:
            title = plain_text(str(item.get("title") or ""))
            link = _link(item)
            if not title or not link:
                continue
            guid = clean(str(item.get("id") or "")).strip() or link or title
            if guid in seen:
                continue
            seen.add(guid)
            entries.append(FeedEntry(guid=guid[:500], title=_cap(title, 500), link=link,
                                     summary=_summary(item), published=_published(item)))
        return entries
    except Exception:  # whatever the office's BIP serves, the desk goes on
        return []


# --- Terms: folded, stemmed words and the signals of official texts -----------------------------

_MONTHS = {"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
           "lipca": 7, "sierpnia": 8, "wrzesnia": 9, "pazdziernika": 10, "listopada": 11,
           "grudnia": 12}
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”„«»]+", re.IGNORECASE)
# Tokens of letters and digits joined by dots, slashes or dashes: dates ("10.12.2026"), case and
# resolution numbers ("XXIV/187/2026", "0050.123.2026", "ZP.271.9.2026").
_JOINED = re.compile(r"(?<![\w./-])[a-z0-9]+(?:[./-][a-z0-9]+)+(?![\w/-]|\.\w)", re.IGNORECASE)
_NAMED_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{4}))?")
_ROMAN_RE = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_ROMAN = re.compile(rf"^{_ROMAN_RE}$", re.IGNORECASE)
_UPPER_ROMAN = re.compile(r"\b[IVXLCDM]{2,8}\b")
_ROMAN_BEFORE_SESSION = re.compile(r"\b([ivxlcdm]{1,8})\s+(?=sesj)")
_WORD = re.compile(r"[a-z]+|\d+")

# Kinds of terms and how much more they say than a word.
_DATE, _ID, _ROMAN_KIND = "@", "=", "#"
_KIND_WEIGHT = {_DATE: 1.5, _ID: 2.0, _ROMAN_KIND: 1.5}

STOPWORDS = frozenset("""
a aby albo ale ani az bardzo bez bo by byc byl byla bylo byly beda bedzie bedziemy
chce co czy czym dla do dnia dzis dzisiaj dzien dobry gdy gdzie go godz godzinie
godzinach ich ile im ja jak jaka jakie jaki jako je jego jej jest jestem jesli juz
kazdy kiedy kto ktora ktore ktory ktorych ktorzy lub ma mamy mi mnie moze mozna my
na nad nam nas nasz nasza nasze naszej naszego naszych nie nic niz no o od oraz po pod
przed przez przy r rok roku sa sie soba sobie ta tak takze te tego tej ten tez to tu tym
u ul w we wam was wiec wraz wszyscy wszystkich wszystkim wszystko z za ze zeby
zostal zostala zostanie odbedzie odbeda prosze dziekujemy pozdrawiamy witamy
swoj swoja swoje swojej swoich twoj twoja twoje jeszcze tylko teraz wiecej uwaga
""".split())  # noqa: SIM905
# Stems of the words every office post uses: they say nothing about which entry it is.
STOP_STEMS = frozenset({"mieszk", "zapras", "inform", "uprzej", "przypo", "serdec", "szanow",
                        "drodz", "prosim", "zachec", "pamiet"})
# What residents and editors call things the BIP names otherwise (stems).
SYNONYMS = {"smiec": "odpad", "smieci": "odpad", "wywoz": "odbior", "wywozu": "odbior"}
_SUFFIXES = sorted(["owie", "ach", "ami", "ego", "emu", "ymi", "imi", "iej", "ych", "ich", "owi",
                    "ow", "om", "em", "ie", "ej", "ym", "im", "ia", "iu", "ii",
                    "a", "e", "i", "o", "u", "y"], key=len, reverse=True)
STEM = 6


def fold(text: str) -> str:
    """Diacritics dropped ("ł" too), case kept. Not ratusz.triage's fold: that one reads digits
    beside letters as letters ("2025r." -> "202sr.") and collapses runs of a letter ("XXX" ->
    "x"), which dates and session numbers must keep."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(char for char in text if not unicodedata.combining(char))


def stem(word: str) -> str:
    """A crude Polish stem: one inflectional ending dropped, the fleeting "e" of "-ek"/"-ec"
    dropped ("podatek" ~ "podatku"), then the first six letters."""
    if len(word) < 4 or word.isdigit():
        return word
    if len(word) >= 5 and word.endswith(("ek", "ec")):
        word = word[:-2] + word[-1]
    else:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[:-len(suffix)]
                break
    return word[:STEM]


def _date_term(day: int, month: int) -> str | None:
    if 1 <= day <= 31 and 1 <= month <= 12:
        return f"{_DATE}{month:02d}-{day:02d}"
    return None


def _joined_terms(token: str) -> list[str]:
    """A date, a case number, or nothing (a time "10.30", a word with a dash)."""
    parts = re.split(r"[./-]", token.lower())
    if all(part.isdigit() for part in parts):
        numbers = [int(part) for part in parts]
        if len(parts) == 3 and len(parts[0]) == 4:  # 2026-12-10
            date = _date_term(numbers[2], numbers[1])
            if date:
                return [date]
        if (len(parts) in (2, 3) and len(parts[0]) <= 2 and len(parts[1]) <= 2
                and (len(parts) == 2 or len(parts[2]) in (2, 4))):
            date = _date_term(numbers[0], numbers[1])
            return [date] if date else []  # "10.30", "8.45": a time, not a date
    if not any(char.isdigit() for char in token):
        return []  # "e-mail", "Rady-Gminy": words, read as words
    terms = [_ID + "/".join(parts)]
    if len(parts) >= 3 and parts[-2].isdigit() and len(parts[-2]) >= 2 and parts[-1].isdigit():
        terms.append(_ID + "/".join(parts[-2:]))  # "nr 123/2026" for "0050.123.2026"
    return terms


def terms(text: str) -> list[str]:
    """Terms of a text, with repeats: stems of words, then dates ("@12-10"), case and
    resolution numbers ("=xxiv/187/2026") and session numbers ("#xxv"); no meaningful order."""
    text = fold(_URL.sub(" ", text or ""))
    out: list[str] = []

    def joined(match: re.Match) -> str:
        out.extend(_joined_terms(match.group(0)))
        return " "

    text = _JOINED.sub(joined, text)

    def roman(match: re.Match) -> str:
        value = match.group(1) if match.re is _ROMAN_BEFORE_SESSION else match.group(0)
        if not _ROMAN.match(value):
            return match.group(0)
        out.append(_ROMAN_KIND + value.lower())
        return " "

    text = _UPPER_ROMAN.sub(roman, text)
    text = text.lower()
    text = _ROMAN_BEFORE_SESSION.sub(roman, text)

    def named_date(match: re.Match) -> str:
        date = _date_term(int(match.group(1)), _MONTHS[match.group(2)])
        if date:
            out.append(date)
        return " "

    text = _NAMED_DATE.sub(named_date, text)
    for word in _WORD.findall(text):
        if word.isdigit():
            if len(word) >= 3:
                out.append(word)
            continue
        if len(word) < 3 or word in STOPWORDS:
            continue
        stemmed = stem(word)
        stemmed = SYNONYMS.get(stemmed, stemmed)
        if stemmed not in STOP_STEMS:
            out.append(stemmed)
    return out


# --- Proposing the entry ----------------------------------------------------------------------

def _normal_url(url: str) -> str:
    url = url.strip().rstrip(".,;:!?)»”\"'")
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return ""
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


@dataclass(frozen=True)
class _Index:
    entries: tuple[FeedEntry, ...]
    title_terms: tuple[frozenset[str], ...]
    summary_terms: tuple[frozenset[str], ...]
    df: dict[str, int]
    links: dict[str, int]

    def idf(self, term: str) -> float:
        n = len(self.entries)
        return math.log((n + 1) / (self.df.get(term, 0) + 0.5))

    def weight(self, term: str) -> float:
        return self.idf(term) * _KIND_WEIGHT.get(term[:1], 1.0)


@lru_cache(maxsize=16)
def _index(entries: tuple[FeedEntry, ...]) -> _Index:
    titles, summaries, df, links = [], [], {}, {}
    for i, entry in enumerate(entries):
        title = frozenset(terms(entry.title))
        summary = frozenset(terms(entry.summary)) - title
        titles.append(title)
        summaries.append(summary)
        for term in title | summary:
            df[term] = df.get(term, 0) + 1
        links.setdefault(_normal_url(entry.link), i)
    return _Index(tuple(entries), tuple(titles), tuple(summaries), df, links)


def _score(index: _Index, i: int, query: frozenset[str]) -> float:
    """0..1: half how much of the entry's title the draft names, half how much of the draft
    the entry explains (words found only in its summary count less). Weights are IDF, so
    words every entry shares ("Gmina Przykładowo") count next to nothing."""
    title, summary = index.title_terms[i], index.summary_terms[i]
    in_title = sum(index.weight(t) for t in query & title)
    in_summary = sum(index.weight(t) for t in query & summary)
    if not in_title and not in_summary:
        return 0.0
    title_mass = sum(index.weight(t) for t in title) or 1.0
    # A draft of two common words must not "fully match": the draft side is measured against
    # at least the weight of two words found in no entry.
    query_mass = max(sum(index.weight(t) for t in query), 2 * index.idf(""))
    title_cover = in_title / title_mass
    query_cover = (in_title + SUMMARY_WEIGHT * in_summary) / query_mass
    score = 0.5 * min(title_cover, 1.0) + 0.5 * min(query_cover, 1.0)
    # The draft quotes the entry's own resolution or case number: that is the entry.
    if any(t[:1] == _ID and index.df.get(t, 0) <= 2 for t in query & (title | summary)):
        score = max(score, 0.9)
    return score


def match(text: str, entries: Iterable[FeedEntry], *, limit: int = 3
          ) -> list[tuple[FeedEntry, float]]:
    """The BIP entries the text is most likely about, best first, each with a score in 0..1;
    only those at or above THRESHOLD, so an unrelated post gets []."""
    entries = tuple(entries)
    if not entries or not text or limit <= 0:
        return []
    index = _index(entries)
    scores: dict[int, float] = {}
    for url in _addresses(text):  # the draft already links the entry itself
        found = index.links.get(_normal_url(url))
        if found is not None:
            scores[found] = 1.0
    query = frozenset(terms(text))
    if query:
        for i in range(len(entries)):
            if i not in scores:
                scores[i] = _score(index, i, query)
    ranked = sorted((i for i, score in scores.items() if score >= THRESHOLD),
                    key=lambda i: (-scores[i], i))
    return [(entries[i], round(scores[i], 3)) for i in ranked[:limit]]


# --- Links to the BIP or the website ----------------------------------------------------------

# Bare addresses without a scheme: "bip.przykladowo.pl/artykul/1", "przykladowo.pl".
_BARE = re.compile(r"(?<![@\w.:/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?"
                   r"(?:/[^\s<>\"'“”„«»]*)?", re.IGNORECASE)


def _addresses(text: str) -> list[str]:
    """Web addresses in a text: with a scheme or "www.", and bare ones ("bip.gmina.pl/x")."""
    return _URL.findall(text) + _BARE.findall(_URL.sub(" ", text))


def _host_and_path(url: str) -> tuple[str, str]:
    url = url.strip().rstrip(".,;:!?)»”\"'")
    if not url:
        return "", ""
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
        if parts.scheme.lower() not in {"http", "https"}:
            return "", ""
        host = (parts.hostname or "").rstrip(".").lower()
    except ValueError:
        return "", ""
    with contextlib.suppress(UnicodeError):  # "bip.przykładowo.pl" as its ASCII form
        host = host.encode("idna").decode("ascii")
    return host.removeprefix("www."), parts.path.rstrip("/")


def _on_site(url: str, base: str) -> bool:
    host, path = _host_and_path(url)
    base_host, base_path = _host_and_path(base)
    if not host or not base_host:
        return False
    if host != base_host and not host.endswith("." + base_host):
        return False
    # A BIP on a shared host ("bip.example.pl/gminaprzykladowo"): only its own part counts.
    return not base_path or path == base_path or path.startswith(base_path + "/")


def links_to_bip(text_or_link: str, bip_url: str, website_url: str = "") -> bool:
    """Does the text (or the link) contain an address on the BIP's or the website's host (or
    a subdomain of them)? "bip.przykladowo.pl.evil.com" does not count."""
    text = text_or_link or ""
    bases = [base for base in (bip_url, website_url) if base and base.strip()]
    if not text.strip() or not bases:
        return False
    return any(_on_site(url, base) for url in _addresses(text) for base in bases)
