"""The checks every post goes through before it is published: plain Python, no models.

Blocking: a notice without its BIP entry (art. 8 ustawy o dostępie do informacji publicznej:
the official text lives in BIP), identifiers of a person (PESEL, ID card, passport, a private
bank account), images without a real alternative text and recorded video without captions
(art. 6 ustawy o dostępności cyfrowej), the election silence, what the platform refuses and a
time already gone. Accessibility and the silence may be overridden with a logged reason: an
accessibility override makes the desk create a task to republish the post accessibly on the
website or in BIP; an override during the silence is for safety or organisational notices only.

Warnings: a private person's name with an address or whereabouts (ticked by the author: UODO
DKN.5131.9.2025), campaign phrases during an election campaign (approved by a supervisor:
art. 108 Kodeksu wyborczego, PKW 4.03.2024), plain language, no invitation to a dialogue,
Instagram links, a far schedule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from ratusz.inbox.tone import DEFAULT_JARGON
from ratusz.triage.analysis import personal
from ratusz.triage.analysis.normalize import fold

BLOCKING, WARNING = "blocking", "warning"
BIP, PERSONAL, A11Y, PLAIN = "bip", "personal_data", "accessibility", "plain_language"
ELECTION, DIALOGUE, PLATFORM, SCHEDULE = "election", "dialogue", "platform", "schedule"

LONG_SENTENCE_WORDS = 20
MAX_LONG_SENTENCES = 3
MIN_ALT_WORDS = 5
SHORT_TEXT = 100  # characters: a post this short cannot repeat what an image says
MAX_EMOJI = 3
LONG_HASHTAG = 8  # letters
IG_CAPTION, IG_HASHTAGS, FB_TEXT = 2200, 30, 63206
FAR_AHEAD = timedelta(days=180)
PAST_GRACE = timedelta(minutes=1)
DIALOGUE_TYPES = frozenset({"information", "event", "consultation"})

DEFAULT_KNOWN_ABBREVIATIONS = frozenset({
    "UE", "BIP", "PESEL", "RODO", "NFZ", "ZUS", "KRUS", "PKW", "USC", "OSP", "PSP", "NIP",
    "REGON", "VAT", "PIT", "CIT", "KRS", "GUS", "SMS", "PDF", "WWW", "TV", "RP", "PKP", "PKS",
    "PKO", "COVID", "WC", "OK", "NATO", "ONZ", "PLN", "USA", "SOR", "AED",
})
# Words written in capitals for emphasis, not abbreviations.
_SHOUTED = frozenset({
    "UWAGA", "PILNE", "WAZNE", "AWARIA", "ALARM", "STOP", "NOWE", "NOWY", "NOWA", "INFO", "DZIS",
    "JUTRO", "TYLKO", "BRAK", "TAK", "NIE", "HIT", "SUPER", "START", "META", "LATO", "ZIMA",
    "WIOSNA", "JESIEN", "OD", "DO", "NA", "ZA", "ORAZ", "DLA", "BEZ", "PO", "LUB", "CZY", "JAK",
})
DEFAULT_ELECTION_PHRASES = [
    "kontynuacja", "kontynuować", "kolejna kadencja", "następna kadencja", "druga kadencja",
    "reelekcja", "głosuj", "zagłosuj", "oddaj głos", "oddajcie głos", "poprzyj", "poprzyjcie",
    "nasz kandydat", "nasza kandydatka", "program wyborczy", "obietnice wyborcze",
]
# Voting that is not an election: the participatory budget, surveys, contests.
_NOT_ELECTORAL = re.compile(r"budze[tc]|projekt|ankiet|konsultac|plebiscyt|konkurs|sondaz")


@dataclass
class Image:
    name: str = ""
    alt: str = ""
    has_text: bool = False  # the picture carries written text


@dataclass
class Video:
    name: str = ""
    captions: str = ""  # captions file name (.srt/.vtt), "" if none
    live: bool = False


@dataclass
class Draft:
    text: str = ""
    type: str = "information"  # notice|information|event|consultation|promotion|crisis
    link: str = ""
    images: list[Image] = field(default_factory=list)
    video: Video | None = None
    publish_at: datetime | None = None  # aware; None = now
    channels: list[str] = field(default_factory=lambda: ["facebook"])
    on_platform: bool = False  # scheduled on Facebook itself rather than held by Ratusz


@dataclass
class Period:
    name: str
    campaign_start: datetime
    silence_start: datetime
    silence_end: datetime


@dataclass
class Context:
    bip_url: str = ""
    website_url: str = ""
    own_accounts: list[str] = field(default_factory=list)  # IBAN digits: not personal data
    own_contacts: list[str] = field(default_factory=list)  # office e-mail/phone
    jargon: list[str] = field(default_factory=lambda: list(DEFAULT_JARGON))
    known_abbreviations: set[str] = field(default_factory=lambda: set(DEFAULT_KNOWN_ABBREVIATIONS))
    elections: list[Period] = field(default_factory=list)
    watch_phrases: list[str] = field(default_factory=list)  # candidates, committees, slogans
    bip_entries: list = field(default_factory=list)  # bip.FeedEntry
    now: datetime | None = None


@dataclass(frozen=True)
class Finding:
    check: str
    code: str
    severity: str
    message: str
    overridable: bool = False  # blocking, but may be overridden with a logged reason
    needs_ack: bool = False  # a warning the author must tick
    needs_approval: bool = False  # a supervisor approves it with a justification
    proposal: dict | None = None  # e.g. {"title", "link"} of the proposed BIP entry


def run(draft: Draft, ctx: Context) -> list[Finding]:
    """Every check on the draft: blocking findings first, then warnings, each group in the
    order of the checks."""
    now = _aware(ctx.now) or datetime.now(UTC)
    found: list[Finding] = []
    for check in (_bip_check, _personal_check, _a11y_check, _plain_check):
        found += check(draft, ctx)
    found += _election_check(draft, ctx, _aware(draft.publish_at) or now)
    found += _dialogue_check(draft, ctx)
    found += _platform_check(draft, ctx)
    found += _schedule_check(draft, now)
    found += _platform_schedule_check(draft, now)
    return sorted(found, key=lambda f: f.severity != BLOCKING)


def findings_json(findings) -> list[dict]:
    return [{"check": f.check, "severity": f.severity, "message": f.message} for f in findings]


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == BLOCKING]


# -- text helpers ---------------------------------------------------------------------------------

_PLAIN = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")  # one for one: offsets stay
_URL = re.compile(r"(?i)(?<![@\w.-])(?:https?://[^\s<>\"]+|www\.[^\s<>\"]+|"
                  r"(?:[a-z0-9-]+\.)+(?:pl|eu|com|org|net|info|gov)(?:/[^\s<>\"]*)?)(?![\w@])")
# Not the end of a sentence after these (even before a capital): "ul. Główna", "dr Nowak".
_NO_SPLIT = frozenset({
    "ul", "al", "os", "pl", "im", "sw", "bl", "dr", "inz", "mgr", "prof", "ks", "hab", "lek", "nr",
    "tel", "np", "tzw", "ok", "ds", "ws", "sp", "gm", "pow", "woj", "wg", "tzn", "pt", "ww", "jw",
    "pn", "wt", "sr", "czw", "sob", "niedz", "min", "p", "pkt", "ust", "art", "kom", "godz", "tys",
    "mln", "mld", "ca", "in",
})
_BOUNDARY = re.compile(r"([.!?…]+)(\s+)")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _folded(text: str) -> str:
    return fold(text or "").text


def _plain(text: str) -> str:
    return (text or "").translate(_PLAIN).lower()


def _aware(moment: datetime | None) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def urls(text: str) -> list[str]:
    """Web addresses in a text, with or without "https://", never the domain of an e-mail."""
    return [m.group().rstrip(".,;:!?)]»”\"'") for m in _URL.finditer(text or "")]


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences: a new line, or .!? followed by space, except after "ul.",
    "dr" and the like or an initial, and a full stop before a small letter ("2024 r. o")."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text or ""):
        start = line.start()
        for match in _BOUNDARY.finditer(line.group()):
            end = line.start() + match.end(1)
            after = line.start() + match.end()
            word = re.search(r"(\w+)$", text[start:end - len(match.group(1))])
            previous = _plain(word.group(1)) if word else ""
            if match.group(1) == "." and (
                    previous in _NO_SPLIT or (len(previous) == 1 and previous.isalpha())
                    or (after < len(text) and text[after].islower())):
                continue
            spans.append((start, end))
            start = after
        spans.append((start, line.end()))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _quote(sentence: str, words: int = 6) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def _listing(items) -> str:
    return ", ".join(items)


@lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str] | None:
    """A folded phrase in any inflection: each word by its stem ("kolejna kadencja" also finds
    "kolejnej kadencji", "kontynuować" also "kontynuujemy")."""
    words = re.findall(r"\w+", _folded(phrase))
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\W+".join(_stem(w) for w in words))


def _stem(word: str) -> str:
    if len(word) <= 3:
        return re.escape(word) + r"\w{0,3}"
    if word.endswith("owac"):
        return re.escape(word[:-4]) + r"(?:owa|uj|ow)\w*"
    if word.endswith(("ac", "ec", "ic", "yc")) and len(word) > 5:
        return re.escape(word[:-2]) + r"\w*"
    if word.endswith("ek") and len(word) > 4:  # Marek, Marka
        return re.escape(word[:-2]) + r"(?:ek|k)\w*"
    stripped = word.rstrip("aeiouy")
    if len(stripped) >= 4:
        return re.escape(stripped) + r"\w*"
    return re.escape(word) + r"\w*"


# -- BIP ------------------------------------------------------------------------------------------

def _bip_module():
    try:
        from ratusz.publishing import bip
    except ImportError:  # the feed module is optional for the checks
        return None
    return bip


def _host(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _links_to_bip(text_or_link: str, bip_url: str, website_url: str = "") -> bool:
    bip = _bip_module()
    if bip is not None and hasattr(bip, "links_to_bip"):
        return bip.links_to_bip(text_or_link, bip_url, website_url)
    own = {h for h in (_host(bip_url), _host(website_url)) if h}
    for url in urls(text_or_link):
        host = _host(url)
        if any(host == h or host.endswith("." + h) for h in own) or "bip" in host.split("."):
            return True
    return False


def _proposal(draft: Draft, ctx: Context) -> dict | None:
    bip = _bip_module()
    if not ctx.bip_entries or bip is None or not hasattr(bip, "match"):
        return None
    found = bip.match(draft.text, ctx.bip_entries, limit=1)
    if not found:
        return None
    entry = found[0][0]
    return {"title": entry.title, "link": entry.link}


def _bip_check(draft: Draft, ctx: Context) -> list[Finding]:
    if draft.type != "notice":
        return []
    linked = [u for u in [draft.link.strip(), *urls(draft.text)] if u]
    if any(_links_to_bip(u, ctx.bip_url, ctx.website_url) for u in linked):
        return []
    proposal = _proposal(draft, ctx)
    hint = [_('Matching BIP entry: "%(title)s", %(link)s.') % proposal] if proposal else []
    if not linked:
        message = _("An official notice must link to its entry in BIP (or on the office "
                    "website). Add the BIP link or change the type of the post.")
        return [Finding(BIP, "bip.missing", BLOCKING, " ".join([message, *hint]),
                        proposal=proposal)]
    message = _("The notice links to %(links)s, which is neither BIP nor the office website. "
                "An official notice must link to its entry in BIP: add that link too, or change "
                "the type of the post.") % {"links": _listing(linked)}
    return [Finding(BIP, "bip.not_bip", BLOCKING, " ".join([message, *hint]), proposal=proposal)]


# -- personal data --------------------------------------------------------------------------------

_IDENTIFIERS = ("pesel", "id_card", "passport", "iban")
# Common Polish first names in the nominative; _name_forms declines them.
_NAMES_MALE = [
    "Adam", "Adrian", "Aleksander", "Andrzej", "Antoni", "Artur", "Bartłomiej", "Bartosz",
    "Bogdan", "Bogusław", "Bronisław", "Czesław", "Damian", "Daniel", "Dariusz", "Dawid",
    "Dominik", "Edward", "Emil", "Eugeniusz", "Filip", "Franciszek", "Grzegorz", "Henryk",
    "Hubert", "Ignacy", "Igor", "Jacek", "Jakub", "Jan", "Janusz", "Jarosław", "Jerzy", "Józef",
    "Julian", "Kacper", "Kamil", "Karol", "Kazimierz", "Konrad", "Krystian", "Krzysztof", "Leszek",
    "Łukasz", "Maciej", "Marcin", "Marek", "Mariusz", "Mateusz", "Michał", "Mieczysław", "Mikołaj",
    "Mirosław", "Norbert", "Oskar", "Patryk", "Paweł", "Piotr", "Przemysław", "Radosław", "Rafał",
    "Robert", "Roman", "Ryszard", "Sebastian", "Sławomir", "Stanisław", "Stefan", "Szymon",
    "Tadeusz", "Tomasz", "Waldemar", "Wiesław", "Wiktor", "Witold", "Władysław", "Wojciech",
    "Zbigniew", "Zdzisław", "Zenon", "Zygmunt",
]
_NAMES_FEMALE = [
    "Agata", "Agnieszka", "Aleksandra", "Alicja", "Alina", "Amelia", "Aneta", "Angelika", "Aniela",
    "Anna", "Antonina", "Barbara", "Beata", "Bogumiła", "Bożena", "Danuta", "Daria", "Dominika",
    "Dorota", "Edyta", "Elżbieta", "Emilia", "Ewa", "Ewelina", "Gabriela", "Genowefa", "Grażyna",
    "Halina", "Hanna", "Helena", "Irena", "Iwona", "Izabela", "Jadwiga", "Janina", "Joanna",
    "Jolanta", "Julia", "Justyna", "Kamila", "Karolina", "Katarzyna", "Kazimiera", "Kinga",
    "Klaudia", "Krystyna", "Laura", "Lena", "Lidia", "Lucyna", "Magdalena", "Maja", "Małgorzata",
    "Maria", "Marianna", "Marta", "Martyna", "Marzena", "Milena", "Monika", "Natalia", "Nikola",
    "Oliwia", "Patrycja", "Paulina", "Renata", "Stanisława", "Stefania", "Sylwia", "Teresa",
    "Urszula", "Wanda", "Weronika", "Wiesława", "Wiktoria", "Zofia", "Zuzanna",
]
# The last consonant before the locative ending: Marta - Marcie, Piotr - Piotrze, Paweł - Pawle.
_SOFTEN = (("st", "ście"), ("t", "cie"), ("d", "dzie"), ("r", "rze"), ("ł", "le"), ("k", "ce"),
           ("g", "dze"), ("ch", "sze"))


def _name_forms() -> dict[str, str]:
    """Every declined form of the first names: "Anny", "Annie", "Jana", "Pawłem"."""
    forms: dict[str, str] = {}
    for name in _NAMES_FEMALE:
        base = name[:-1]
        endings = ["a", "y", "i", "ę", "ą", "o"]
        items = {base + e for e in endings}
        if base.endswith(("i", "j")):
            items |= {base + "i", base[:-1] + "i"}
        for hard, soft in _SOFTEN:
            if base.endswith(hard):
                items.add(base[:-len(hard)] + soft)
                break
        else:
            items.add(base + "ie")
        for form in items:
            forms[form] = name
    for name in _NAMES_MALE:
        if name.endswith(("y", "i")):  # Jerzy, Ignacy, Antoni
            stem = name[:-1] if name.endswith("y") else name
            items = {name, stem + "ego", stem + "emu", stem + "m", stem + "ym"}
        else:
            stem = name
            if name.endswith("ek"):
                stem = name[:-2] + "k"  # Marek - Marka
            elif name.endswith("eł"):
                stem = name[:-2] + "ł"  # Paweł - Pawła
            items = {name, stem + "a", stem + "owi", stem + "u", stem + "ie",
                     stem + ("iem" if stem.endswith(("k", "g")) else "em")}
            for hard, soft in _SOFTEN[:5]:  # Piotrze, Robercie, Pawle; but Marku, not Marce
                if stem.endswith(hard):
                    items.add(stem[:-len(hard)] + soft)
                    break
        for form in items:
            forms[form] = name
    return forms


_FORMS = _name_forms()
_SURNAME = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+(?:-[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+)?|"
                      r"[A-ZĄĆĘŁŃÓŚŹŻ]{2,}")
# Officials acting publicly are not private persons: "Wójt Gminy Jan Kowalski".
_TITLES = re.compile(
    r"ks|ksiedz|ksiedza|posel|posla|poslowi|poslem|poslank\w*|poslance"
    r"|(?:wice)?(?:wojt|burmistrz|prezydent|starost|marszal|wojewod|prezes|dyrektor|przewodnicz"
    r"|radn|soltys|kierowni|sekretarz|skarbnik|komendant|naczelnik|zastepc|senator|minist"
    r"|rzecznik|proboszcz|sedzi|kanclerz|inspektor)\w*")
# Between a title and the name: "Pani Wójt", "Wójt Gminy Przykładowo", "dr inż.".
_BETWEEN = re.compile(r"(?:pan|pani|pana|panu|pania|panem|panstwo|dr|mgr|inz|hab|prof|gmin\w*"
                      r"|miast\w*|powiat\w*|wsi|rad\w*|solect\w*|urzed\w*|wojewodztw\w*|osp|gops"
                      r"|mops|szkol\w*|osrod\w*|komend\w*|policj\w*|straz\w*)")
# A name that belongs to a street, a school or a monument, not to a person here.
_PLACE_WORDS = frozenset({
    "ul", "ulica", "ulicy", "ulice", "ulicach", "al", "aleja", "alei", "aleje", "os", "osiedle",
    "osiedlu", "pl", "plac", "placu", "im", "imienia", "sw", "bl", "rondo", "ronda", "rondzie",
    "skwer", "skweru", "skwerze", "park", "parku", "pomnik", "pomnika", "pomniku", "patron",
    "patrona", "patronem", "kosciol", "kosciola", "parafia", "parafii", "fundacja", "fundacji",
    "nagroda", "nagrody", "nagrode",
})
_ADDRESS = re.compile(
    r"\b(?:(?:ul|al|os|pl)\.|ulic[aeyę]|alej[aeię]|alei|osiedl[eua]|plac[u]?)\s*"
    r"(?:[^\W\d_][\w.-]*\s+){0,4}?\d+[a-z]?(?:\s*/\s*\d+)?\b"
    r"|\bnr\.?\s+domu\b|\bnumer\w*\s+domu\b", re.IGNORECASE)
_WHEREABOUTS = re.compile(
    r"\b(?:mieszka|mieszkaja|mieszkal[aiy]?|mieszkajac\w*|zamieszkal\w*|zamieszkuj\w*"
    r"|przebywa|przebywaja|przebywal\w*|przebywajac\w*|widzian\w*|widywan\w*|pod adresem)\b")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def _personal_check(draft: Draft, ctx: Context) -> list[Finding]:
    text = "\n".join([draft.text, *(i.alt for i in draft.images if i.alt)])
    own = {_digits(a) for a in [*ctx.own_accounts, *ctx.own_contacts] if _digits(a)}
    items = [i for i in personal.find(text) if i.type in _IDENTIFIERS
             and not (i.type == "iban" and _digits(text[i.start:i.end]) in own)]
    found: list[Finding] = []
    if items:
        found.append(Finding(PERSONAL, "personal.identifier", BLOCKING, _(
            "The post contains a person's identifier (%(items)s). A PESEL, an ID card or "
            "passport number or a private bank account must never be published: remove it.")
            % {"items": _listing(personal.preview(text, i) for i in items)}))
    names = private_names_with_address(draft.text)
    if names:
        found.append(Finding(PERSONAL, "personal.name_address", WARNING, _(
            "The post names %(names)s together with an address or whereabouts. A private "
            "person's address or whereabouts may be published only with a legal basis (UODO "
            "reprimanded an office for this in 2025): remove them, or tick to confirm that the "
            "person is not a private one or that the law allows it.") % {"names": _listing(names)},
            needs_ack=True))
    return found


def private_names_with_address(text: str) -> list[str]:
    """Names of people ("Jan Kowalski", "Annę Nowak") in a sentence that also gives an address
    or whereabouts, unless an office title stands next to the name or the name is a street's
    or a school's patron."""
    names: list[str] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        plain = _plain(sentence)
        addresses = [m.span() for m in _ADDRESS.finditer(sentence)]
        if not addresses and not _WHEREABOUTS.search(plain) and not any(
                i.type == "address" for i in personal.find(sentence)):
            continue
        tokens = list(_WORD.finditer(sentence))
        for k, token in enumerate(tokens[:-1]):
            if token.group() not in _FORMS:
                continue
            surname = tokens[k + 1]
            gap = sentence[token.end():surname.start()]
            if gap.strip() or not _SURNAME.fullmatch(surname.group()):
                continue
            if any(a <= token.start() < b for a, b in addresses):
                continue
            if k and _plain(tokens[k - 1].group()) in _PLACE_WORDS:
                continue
            if _official(plain, [t.group() for t in tokens[max(0, k - 5):k]], surname.end()):
                continue
            name = f"{token.group()} {surname.group()}"
            if name not in names:
                names.append(name)
    return names


def _official(plain: str, before: list[str], end: int) -> bool:
    """An office title just before the name, with only capitalised words ("Wójt Gminy
    Przykładowo") or "pani", "dr" and the like in between, or just after it ("Jan Kowalski,
    sołtys")."""
    for word in reversed(before):
        if _TITLES.fullmatch(_plain(word)):
            return True
        if not word[:1].isupper() and not _BETWEEN.fullmatch(_plain(word)):
            break
    after = plain[end:end + 40]
    return bool(re.match(r"\s*[,(\-–—]\s*(?:pan[i]?\s+)?(?:" + _TITLES.pattern + ")", after))


# -- accessibility --------------------------------------------------------------------------------

_IMAGE_FILE = re.compile(r"(?i).*\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg|avif)")
_CAMERA_NAME = re.compile(r"(?i)(?:img|dsc[nf]?|dcim|pxl|mvimg|photo|image|screenshot|zrzut\w*"
                          r"|zdj[eę]ci[ea]|grafika|obraz\w*|foto|plik|pic|picture|scan|skan)"
                          r"[\s_-]*\d*|[a-z]{0,8}[_-]?\d{3,}[\w-]*")


def _override_note() -> str:
    return _("If you override this, a task to republish the post accessibly on the office "
             "website or in BIP will be created.")


def _is_file_name(alt: str, name: str) -> bool:
    alt = alt.strip()
    stem = name.rsplit(".", 1)[0].lower() if name else ""
    return bool(_IMAGE_FILE.fullmatch(alt) or _CAMERA_NAME.fullmatch(alt)
                or (stem and alt.lower() in {name.lower(), stem}))


def _a11y_check(draft: Draft, ctx: Context) -> list[Finding]:
    found: list[Finding] = []
    for number, image in enumerate(draft.images, start=1):
        label = {"image": f"{number}" + (f" ({image.name})" if image.name else "")}
        alt = " ".join((image.alt or "").split())
        if not alt:
            code, message = "a11y.alt_missing", _(
                "Image %(image)s has no alternative text. Describe what it shows in at least "
                "5 words, for people who use a screen reader.") % label
        elif _is_file_name(alt, image.name):
            code, message = "a11y.alt_filename", _(
                "The alternative text of image %(image)s is a file name. Describe what the "
                "image shows in at least 5 words.") % label
        elif len(alt.split()) < MIN_ALT_WORDS:
            code, message = "a11y.alt_short", _(
                "The alternative text of image %(image)s is too short. Describe what the image "
                "shows in at least 5 words.") % label
        else:
            continue
        found.append(Finding(A11Y, code, BLOCKING, f"{message} {_override_note()}",
                             overridable=True))
    video = draft.video
    if video is not None and not (video.captions or "").strip():
        if video.live:
            found.append(Finding(A11Y, "a11y.live", WARNING, _(
                "A live broadcast needs no captions while it is on, but the recording does: a "
                "task to add captions to the recording (or remove it) will be created.")))
        else:
            found.append(Finding(A11Y, "a11y.captions", BLOCKING, _(
                "The video has no captions. Add a captions file (SRT or VTT), or mark it as a "
                "live broadcast.") + " " + _override_note(), overridable=True))
    text = (draft.text or "").strip()
    if draft.images and (not text or (any(i.has_text for i in draft.images)
                                      and len(text) < SHORT_TEXT)):
        found.append(Finding(A11Y, "a11y.text_in_image", WARNING, _(
            "Text that is only inside an image cannot be read by screen readers or found by "
            "search. Repeat what the image says in the text of the post.")))
    return found


# -- plain language -------------------------------------------------------------------------------

_CAPS = re.compile(r"(?<![\w#@/.\-])[A-ZĄĆĘŁŃÓŚŹŻ]{2,6}(?![\w])")
_CAPS_WORD = re.compile(r"(?<![\w#@])[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?![\w])")
_ROMAN = re.compile(r"[IVXLCDM]+")
_HASHTAG = re.compile(r"(?<![\w#&])#(\w+)")
_EMOJI_BASE = ("[\U0001F000-\U0001F1E5\U0001F200-\U0001F3FA\U0001F400-\U0001FAFF"
               "\u2600-\u27BF\u2B05-\u2B55\u231A-\u23FF]")
_EMOJI_MOD = "(?:[\U0001F3FB-\U0001F3FF]|\uFE0F)*"
_EMOJI = re.compile(
    "[\U0001F1E6-\U0001F1FF]{2}"  # a flag: two regional indicators
    "|[0-9#*]\uFE0F?\u20E3"  # a keycap
    f"|{_EMOJI_BASE}{_EMOJI_MOD}(?:\u200D{_EMOJI_BASE}{_EMOJI_MOD})*")  # with skin tones, ZWJ


def emoji_count(text: str) -> int:
    return len(_EMOJI.findall(text or ""))


def _without_urls(text: str) -> str:
    return _URL.sub(" ", text or "")


def _defined(abbreviation: str, text: str) -> bool:
    """ "Gminny Ośrodek Pomocy Społecznej (GOPS)" or "GOPS (Gminny Ośrodek Pomocy Społecznej)":
    the explanation has at least two words and one of them begins with the first letter."""
    first = _plain(abbreviation[0])
    escaped = re.escape(abbreviation)
    for match in re.finditer(rf"\(\s*{escaped}\s*\)", text):
        words = _WORD.findall(text[max(0, match.start() - 120):match.start()])[-8:]
        if len(words) >= 2 and any(_plain(w).startswith(first) for w in words):
            return True
    for match in re.finditer(rf"(?<!\w){escaped}\s*\(([^)]{{3,}})\)", text):
        words = _WORD.findall(match.group(1))
        if len(words) >= 2 and _plain(words[0]).startswith(first):
            return True
    return False


def _shouted(text: str, match: re.Match[str]) -> bool:
    """A capitalised word among other capitalised words ("UWAGA MIESZKAŃCY")."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    for run in re.finditer(r"(?<![\w#@])[A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:[ \t]+[A-ZĄĆĘŁŃÓŚŹŻ]{2,})+(?!\w)",
                           line):
        if run.start() <= match.start() - line_start < run.end():
            words = run.group().split()
            return len(words) >= 3 or any(len(w) >= 7 for w in words)
    return False


def abbreviations(text: str, known: set[str]) -> list[str]:
    """Abbreviations (2-6 capitals) that are neither well known nor explained in the text."""
    clean = _without_urls(text)
    known_plain = {_plain(k).upper() for k in known}
    out: list[str] = []
    for match in _CAPS.finditer(clean):
        word = match.group()
        plain = _plain(word).upper()
        if (word in out or plain in known_plain or plain in _SHOUTED or _ROMAN.fullmatch(word)
                or _shouted(clean, match) or _defined(word, clean)):
            continue
        out.append(word)
    return out


def _plain_check(draft: Draft, ctx: Context) -> list[Finding]:
    text = draft.text or ""
    found: list[Finding] = []
    long = 0
    for start, end in sentences(text):
        sentence = _without_urls(text[start:end])
        count = sum(1 for w in sentence.split() if re.search(r"\w", w))
        if count > LONG_SENTENCE_WORDS and long < MAX_LONG_SENTENCES:
            long += 1
            found.append(Finding(PLAIN, "plain.long_sentence", WARNING, _(
                'The sentence "%(start)s" has %(n)d words. Sentences of up to 20 words '
                "are easier to read: split it.") % {"start": _quote(sentence), "n": count}))
    unknown = abbreviations(text, ctx.known_abbreviations)
    if unknown:
        found.append(Finding(PLAIN, "plain.abbreviation", WARNING, _(
            "Explain the abbreviations %(items)s the first time they appear, e.g. \"Gminny "
            "Ośrodek Pomocy Społecznej (GOPS)\".") % {"items": _listing(unknown)}))
    plain = _folded(text)
    jargon = []
    for phrase in ctx.jargon:
        folded = _folded(phrase).strip()
        if folded and phrase not in jargon and re.search(
                rf"(?<!\w){re.escape(folded)}(?!\w)", plain):
            jargon.append(phrase)
    if jargon:
        found.append(Finding(PLAIN, "plain.jargon", WARNING, _(
            "Official jargon: %(items)s. Say it in plain words.")
            % {"items": _listing(f"\u201e{p}\u201d" for p in jargon)}))
    tags = []
    for match in _HASHTAG.finditer(text):
        tag = match.group(1)
        letters = sum(c.isalpha() for c in tag)
        if letters >= LONG_HASHTAG and tag in (tag.lower(), tag.upper()) and "#" + tag not in tags:
            tags.append("#" + tag)
    if tags:
        found.append(Finding(PLAIN, "plain.hashtag", WARNING, _(
            "Write the hashtags %(items)s with a capital letter for each word (e.g. "
            "#GminaPrzykładowo): screen readers then read them word by word.")
            % {"items": _listing(tags)}))
    emoji = emoji_count(text)
    if emoji > MAX_EMOJI:
        found.append(Finding(PLAIN, "plain.emoji", WARNING, _(
            "The post has %(n)d emoji. Screen readers read each one aloud: keep to 3 at most.")
            % {"n": emoji}))
    return found


# -- elections ------------------------------------------------------------------------------------

def election_phrases(text: str, phrases: list[str]) -> list[str]:
    """The phrases found in the text in any inflection, with or without Polish letters.
    Voting words next to the participatory budget or a survey do not count."""
    plain = _folded(text)
    found: list[str] = []
    for phrase in phrases:
        pattern = _phrase_pattern(phrase)
        if pattern is None or phrase in found:
            continue
        for match in pattern.finditer(plain):
            if "glos" in match.group() and _NOT_ELECTORAL.search(
                    plain[max(0, match.start() - 60):match.end() + 60]):
                continue
            found.append(phrase)
            break
    return found


def _election_check(draft: Draft, ctx: Context, moment: datetime) -> list[Finding]:
    silence = [p.name for p in ctx.elections
               if _aware(p.silence_start) <= moment < _aware(p.silence_end)]
    campaign = [p.name for p in ctx.elections
                if _aware(p.campaign_start) <= moment < _aware(p.silence_start)]
    found: list[Finding] = []
    if silence:
        found.append(Finding(ELECTION, "election.silence", BLOCKING, _(
            "The post would be published during the election silence (%(periods)s). Only a "
            "safety or organisational notice (e.g. a changed polling station) may go out then, "
            "with the reason recorded.") % {"periods": _listing(silence)}, overridable=True))
    if campaign:
        hits = election_phrases(draft.text, [*ctx.watch_phrases, *DEFAULT_ELECTION_PHRASES])
        if hits:
            found.append(Finding(ELECTION, "election.campaign", WARNING, _(
                "Election campaign (%(periods)s): the post mentions %(items)s. An office's "
                "channels must carry no campaigning (art. 108 of the Electoral Code, PKW "
                "explanations of 4 March 2024): a supervisor has to approve the post with a "
                "justification.") % {"periods": _listing(campaign),
                                     "items": _listing(f"\u201e{h}\u201d" for h in hits)},
                needs_approval=True))
    return found


# -- dialogue -------------------------------------------------------------------------------------

_INVITES = re.compile(
    r"\b(?:napisz\w*|piszcie|dajcie znac|daj(?:cie)? nam znac|daj znac|czekamy na|zapraszamy do "
    r"(?:komentowania|dyskusji|kontaktu|zadawania)|skomentuj\w*|komentujcie|zostaw\w* komentarz"
    r"|w komentarz\w*|podziel\w* sie|ankiet\w*|konsultac\w*|zglos\w*|zglaszaj\w*|wypelnij\w*"
    r"|wez(?:cie)? udzial|zapytaj\w*|pytajcie|zadaj\w* pytani\w*"
    r"|budze[tc]\w* (?:obywatelsk|partycypacyjn)\w*|glosuj\w* na projekt\w*"
    r"|czekamy na (?:uwagi|opinie|pomysly)"
    r"|(?:wasze|panstwa|twoje) (?:uwagi|opinie|pomysly|propozycje|zdanie)"
    r"|(?:prosimy|zachecamy) (?:o|do) (?:uwag|opini|zglaszani|komentarz|kontakt)\w*)")
_YOU = re.compile(
    r"\b(?:pan|pani|panstw\w*|wy|was|wam|wami|wasz\w*|ty|ciebie|cie|ci|tobie|twoj\w*"
    r"|mieszkanc\w*|sasiedz\w*|kto|ktos|ktokolwiek|macie|wiecie|chcecie|myslicie|sadzicie"
    r"|pamietacie|znacie|lubicie|korzystacie|potrzebujecie|wolicie|mozecie|wiesz|masz|chcesz"
    r"|myslisz|sadzisz|pamietasz|znasz|lubisz|wolisz|mozesz|\w{3,}(?:liscie|lyscie)"
    r"|\w{3,}(?:esz|isz|ysz|asz|ecie|icie|ycie|acie))\b")
_SURVEY_LINK = re.compile(r"ankiet|konsultac|survey|forms\.gle|/forms|formularz|budzet|glosowan"
                          r"|webankieta|interankiet")


def invites_input(text: str, link: str = "") -> bool:
    """Whether the post asks residents for their view: a question addressed to them, an
    invitation to comment or to take part, or a link to a consultation or a survey."""
    text = text or ""
    plain = _folded(text)
    if _INVITES.search(plain):
        return True
    for start, end in sentences(text):
        if "?" in text[start:end] and _YOU.search(_folded(text[start:end])):
            return True
    return any(_SURVEY_LINK.search(_plain(u)) for u in [link, *urls(text)] if u)


def _dialogue_check(draft: Draft, ctx: Context) -> list[Finding]:
    if draft.type not in DIALOGUE_TYPES or invites_input(draft.text, draft.link):
        return []
    return [Finding(DIALOGUE, "dialogue.invite", WARNING, _(
        "The post does not invite residents to respond. Consider asking a question, inviting "
        "comments or linking a consultation or a survey."))]


# -- platforms ------------------------------------------------------------------------------------

def _platform_check(draft: Draft, ctx: Context) -> list[Finding]:
    text = draft.text or ""
    found: list[Finding] = []
    if not text.strip():
        found.append(Finding(PLATFORM, "platform.no_text", BLOCKING, _(
            "Write the post's text: people who use screen readers or search need it, and it "
            "says what the picture or the link is about.")))
    if "instagram" in draft.channels:
        if not draft.images and draft.video is None:
            found.append(Finding(PLATFORM, "platform.ig_media", BLOCKING, _(
                "An Instagram post needs a picture or a video: add one, or do not publish on "
                "Instagram.")))
        tags = len(_HASHTAG.findall(text))
        if len(text) > IG_CAPTION or tags > IG_HASHTAGS:
            found.append(Finding(PLATFORM, "platform.ig_caption", BLOCKING, _(
                "Instagram takes at most 2,200 characters and 30 hashtags; this post has "
                "%(chars)d characters and %(tags)d hashtags. Shorten it.")
                % {"chars": len(text), "tags": tags}))
        if draft.link.strip() or urls(text):
            found.append(Finding(PLATFORM, "platform.ig_link", WARNING, _(
                "Links in Instagram captions cannot be clicked. Give the address in a form that "
                "is easy to retype, or point to the link in the profile.")))
    if "facebook" in draft.channels and len(text) > FB_TEXT:
        found.append(Finding(PLATFORM, "platform.fb_length", BLOCKING, _(
            "Facebook takes at most 63,206 characters; this post has %(chars)d. Shorten it.")
            % {"chars": len(text)}))
    return found


# -- schedule -------------------------------------------------------------------------------------

def _platform_schedule_check(draft: Draft, now: datetime) -> list[Finding]:
    """Facebook schedules a post itself only from 10 minutes to 30 days ahead, and Instagram
    cannot schedule through the API at all."""
    if not draft.on_platform:
        return []
    moment = _aware(draft.publish_at)
    if "instagram" in draft.channels:
        return [Finding(SCHEDULE, "schedule.platform", BLOCKING, _(
            "Only Facebook can hold a scheduled post itself; untick that option and Ratusz will "
            "hold the post for Instagram too."))]
    if moment is None or not now + timedelta(minutes=10) <= moment <= now + timedelta(days=30):
        return [Finding(SCHEDULE, "schedule.platform", BLOCKING, _(
            "Facebook holds scheduled posts from 10 minutes to 30 days ahead. Choose a time in "
            "that window, or untick the option and Ratusz will hold the post."))]
    return []


def _schedule_check(draft: Draft, now: datetime) -> list[Finding]:
    moment = _aware(draft.publish_at)
    if moment is None:
        return []
    if moment < now - PAST_GRACE:
        return [Finding(SCHEDULE, "schedule.past", BLOCKING, _(
            "The publication time has already passed. Choose a later time or leave it empty "
            "to publish once approved."))]
    if moment > now + FAR_AHEAD:
        return [Finding(SCHEDULE, "schedule.far", WARNING, _(
            "The post is scheduled more than 180 days ahead. Check the date."))]
    return []
