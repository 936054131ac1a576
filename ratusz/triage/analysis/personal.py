"""Personal data in residents' texts: what it is and exactly where it is.

Identifiers (PESEL, NIP, REGON, ID card, passport, IBAN/NRB) are reported only when their check
digits are right. Phones are confirmed by `phonenumbers` on candidates found by our own regular
expressions (its matcher is far too slow to run on every text). E-mails, street addresses and
health data are found with patterns and lexicons.

Spans are offsets in the original text. Identifier and address patterns run on the original text
with Polish diacritics stripped one-for-one (so offsets stay put, and digits next to letters stay
digits, which `fold` would turn into letters); the health lexicon runs on the folded text.

A company's or an institution's NIP, REGON, account or phone is not personal data: it still claims
its span (so the same digits are not reported as something else) but is not reported.

`find` remembers its last text, because the triage calls `analyze` and then `find` on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from stdnum import iban as _iban
from stdnum.pl import nip as _nip
from stdnum.pl import pesel as _pesel
from stdnum.pl import regon as _regon

from ratusz.triage.analysis.base import Evidence, Finding, PersonalData
from ratusz.triage.analysis.normalize import Folded, fold

FLAG = "personal_data"
IDENTIFIERS = frozenset({"pesel", "nip", "regon", "id_card", "passport", "iban"})
SCORES = {"pesel": 1.0, "nip": 1.0, "regon": 1.0, "id_card": 1.0, "passport": 1.0, "iban": 1.0,
          "phone": 0.9, "email": 0.9, "address": 0.9, "health": 0.8}
PLACEHOLDERS = {"pesel": "[PESEL]", "nip": "[NIP]", "regon": "[REGON]", "id_card": "[DOWÓD]",
                "passport": "[PASZPORT]", "iban": "[NR KONTA]", "phone": "[TELEFON]",
                "email": "[E-MAIL]", "address": "[ADRES]", "health": "[ZDROWIE]"}
_LABELS = {"pesel": "PESEL", "nip": "NIP", "regon": "REGON", "id_card": "DOWÓD",
           "passport": "PASZPORT", "iban": "IBAN", "phone": "TEL", "email": "E-MAIL",
           "address": "ADRES", "health": "ZDROWIE"}

# Which candidate keeps a contested span: the higher priority, then the longer, then the first.
_P_EMAIL, _P_IBAN, _P_PESEL, _P_LABELLED, _P_NIP, _P_REGON = 100, 95, 90, 85, 80, 80
_P_DOCUMENT, _P_PHONE_STRONG, _P_REGON_BARE, _P_PHONE, _P_ADDRESS, _P_HEALTH = (
    75, 65, 60, 50, 40, 30)

_PLAIN = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")  # one for one
_ANY_DIGIT = re.compile(r"[0-9]")
_EMERGENCY = frozenset({"112", "997", "998", "999", "986", "987", "991", "992", "993", "994",
                        "19115"})


@dataclass(slots=True)
class _Candidate:
    type: str
    start: int
    end: int
    priority: int
    emit: bool = True  # False: claims the span (e.g. a company's NIP) but is not reported


# ---------------------------------------------------------------------------------------------
# Context around a number (plain text, lower case), word by word: cheaper than big patterns.

_WORDS = re.compile(r"[a-z]+")
_LABEL_WORDS = {
    "pesel": ((), ("pesel",)),
    "nip": (("nip", "vat"), ()),
    "regon": ((), ("regon",)),
    "iban": (("konto", "konta", "kontu", "iban", "nrb"), ("rachun", "przelew")),
    "phone": (("tel", "kom", "sms", "fax", "faks", "whatsapp", "komorka", "komorki"),
              ("telefon", "komork", "dzwon", "zadzwon", "oddzwon", "kontakt")),
    "ref": (("sprawy", "sprawa", "kw", "krs", "bdo", "pisma", "klienta", "karty", "karta", "pin",
             "vin", "poz", "art", "dz", "wniosku", "zlecenia", "kod", "kodu", "punkt", "ust", "pkt",
             "sygn"),
            ("sygnatur", "znak", "dzialk", "faktur", "umow", "zgloszeni", "przesylk", "paczk",
             "zamowieni", "ksieg", "decyzj", "ewidencyjn", "obreb", "legitymacj", "rejestracyjn",
             "uchwal", "zarzadzeni", "transakcj", "referenc", "rezerwacj", "biletu", "licznik",
             "wodomierz", "ewidencj")),
    "id_card": ((), ("dowod",)),
    "passport": ((), ("paszport",)),
}
_LABEL_WINDOW = 28
_CUT_CHARS = frozenset("0123456789\n!?;")

# Words that make a NIP/REGON a company's or an institution's: exact forms (institutions, whose
# adjectives, "droga gminna", say nothing) and stems.
_COMPANY_WORDS = (
    ("phu", "fhu", "pphu", "ppuh", "gmbh", "ltd", "inc", "llc", "mops", "gops", "zgk", "zus",
     "krus", "krs", "spzoz", "mzk", "pgk", "pwik", "osp", "sc", "sj", "sk", "spj", "gmina", "gminy",
     "gminie", "gmine", "gmin", "urzad", "urzedu", "urzedzie", "urzedem", "szkola", "szkoly",
     "szkole", "przedszkole", "przedszkola", "sad", "sadu", "sadzie", "zwiazek", "zwiazku",
     "starostwo", "starostwa", "miasto", "miasta", "powiat", "powiatu", "kosciol", "kosciola"),
    ("firm", "spolk", "spolce", "hurtowni", "przedsiebiorstw", "zaklad", "spoldzielni",
     "stowarzysz", "fundacj", "parafi", "sklep", "aptek", "kontrahent", "kontrahenc", "dostawc",
     "wykonawc", "sprzedawc", "kancelari", "bank", "przychodni", "szpital", "wodociag",
     "cieplowni", "biur", "agencj", "hotel", "restauracj", "deweloper", "wspolnot", "instytucj",
     "jednostk", "klub", "prokuratur", "policj", "oferent", "producent", "hurtown", "warsztat"),
)
_COMPANY_REACH = 6  # words before an identifier
_COMPANY_REACH_PHONE = 3  # "tel. do urzędu 81 855 20 30", but "Urząd, proszę oddzwonić na ..."
_PERSON_WORDS = (("moj", "moja", "moje", "mojego", "mojej", "moim", "moich", "mojemu", "moi",
                  "swoj", "swoja", "swoje", "swojego", "swojej", "swoim",
                  "meza", "zony", "syna", "corki", "mamy", "taty", "ojca", "matki"),
                 ("prywatn", "osobist"))
_LEGAL_FORM = re.compile(r"o\.\s?o\b|\bs\.\s?a\b|\bs\.\s?c\b|\bsp\.\s?[jkpz]\b|\bs\.k\.a\b"
                         r"|\bp\.h\.u\b|\bf\.h\.u\b")
_COMPANY_AFTER = re.compile(r"\bsp\.?\s?z\b|o\.\s?o\b|\bsp[o]l\w*|\bs\.\s?a\."
                            r"|\bs\.\s?c\.|gmbh|\bltd\b|\(firm\w*|\bfirm[aey]\b")
_SA = re.compile(r"\bSA\b")  # "Budex SA" (in lower case it would be "są")
# A sentence boundary, but not after an abbreviation ("Sp. Z o.o. NIP", "ul. Lipowa").
_SENTENCE_START = re.compile(r"(?:[!?]|(?<=[^\W\d_]{4})\.)\s+(?=[A-Z])|\n")

_AMOUNT_AFTER = re.compile(
    r"\s?(?:zl\b|zl\.|zlot\w*|pln\b|eur\b|euro\b|€|\$|usd\b|gr\b|grosz\w*|tys\b|tys\.|mln\b"
    r"|mld\b|%|proc\b|procent\w*|m2\b|m²|m3\b|km\b|kg\b|ha\b|ton[ay]?\b|litr\w*|osob[ay]?\b"
    r"|osobom\b|sztuk\w*|szt\b)",
    re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:\$|€|\bkwot\w*|\bkoszt\w*|\bcen[aey]\b|\bwartosc\w*|\bsum[ay]\b|\bbudzet\w*|\bzl\b"
    r"|\bpln\b|\bdlug\w*|\bzaleglosc\w*|\bwynos\w*|\bwyniesie\b|\bstawk\w*|\bdotacj\w*"
    r"|\bkredyt\w*|\bpozyczk\w*|\bsubwencj\w*|\bdochod\w*|\bwydatk\w*|\bwydano\b"
    r"|\bprzeznaczon\w*|\bkosztowal\w*|\bkwote\b)\s*:?\s*(?:ok\.?|okolo|prawie|ponad)?\s*$")


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007
        pass
    return found


def _matches(word: str, rule: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    return word in rule[0] or word.startswith(rule[1])


@lru_cache(maxsize=8192)
def _label_of(word: str) -> str | None:
    for label, rule in _LABEL_WORDS.items():
        if _matches(word, rule):
            return label
    return None


@lru_cache(maxsize=8192)
def _word_kind(word: str) -> str | None:
    if _matches(word, _PERSON_WORDS):
        return "person"
    if _matches(word, _COMPANY_WORDS):
        return "company"
    return None


def _label(plain: str, start: int) -> str | None:
    """What the writer called the number starting at `start` ("PESEL:", "tel.", "nr sprawy"):
    the closest telling word after the previous number, line or sentence end."""
    window = plain[max(0, start - _LABEL_WINDOW):start]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in _CUT_CHARS:
            window = window[i + 1:]
            break
    for word in reversed(_WORDS.findall(window.lower())):
        label = _label_of(word)
        if label is not None:
            return label
    return None


def _is_company(plain: str, start: int, end: int, reach: int = _COMPANY_REACH) -> bool:
    """Is the number at start..end a company's or an institution's? A company word or legal
    form among the `reach` words before it in the same sentence (unless "mój" or the like comes
    after it), or a legal form right after it."""
    left = plain[max(0, start - 70):start]
    boundary = _last_match(_SENTENCE_START, left)
    if boundary is not None:
        left = left[boundary.end():]
    cased, left = left, left.lower()
    company_at = person_at = -1
    words = list(_WORDS.finditer(left))
    for k, match in enumerate(words[-reach:], start=max(0, len(words) - reach)):
        kind = _word_kind(match.group())
        negated = k > 0 and words[k - 1].group() in ("nie", "bez")
        if kind == "company" and not negated:  # "nie firmowy", "nie mam firmy" say the opposite
            company_at = match.start()
        elif kind == "person":
            person_at = match.start()
    from_char = words[-reach].start() if len(words) >= reach else 0
    for match in _LEGAL_FORM.finditer(left, from_char):
        company_at = max(company_at, match.start())
    for match in _SA.finditer(cased, from_char):
        company_at = max(company_at, match.start())
    if company_at >= 0 and person_at < company_at:
        return True
    right = plain[end:end + 40]
    stop = re.search(r"[\n!?;]|\.\s+(?=[A-Z])", right)
    if stop:
        right = right[:stop.start()]
    return _COMPANY_AFTER.search(right.lower()) is not None or _SA.search(right) is not None


def _is_amount(plain: str, start: int, end: int) -> bool:
    if _AMOUNT_AFTER.match(plain, end):
        return True
    return _AMOUNT_BEFORE.search(plain[max(0, start - 20):start].lower()) is not None


# ---------------------------------------------------------------------------------------------
# Identifiers and phones

# A run of digit groups with single separators, optionally after "PL" (IBAN, EU VAT number).
_CHAIN = re.compile(
    r"(?<![^\W_])(?<![0-9][.,/])(?<!\+)(?:(?P<pl>[Pp][Ll])[ \u00a0]?)?"
    r"(?P<num>[0-9]+(?:[ \u00a0-][0-9]+)*)(?![^\W_])(?![.,/][0-9])")
_DIGIT_RUN = re.compile(r"[0-9]+")
_CANONICAL = {
    "pesel": {(6, 5)},
    "nip": {(3, 3, 2, 2), (3, 2, 2, 3)},
    "regon": set(),
    "iban": {(2, 4, 4, 4, 4, 4, 4)},
}
_MAX_GROUPS = 8

_PHONE = re.compile(
    r"(?<![^\W_+])(?<![0-9][.,/])(?:"
    r"(?P<intl>(?:\+|00)[ \u00a0]?[1-9][0-9]{0,13}(?:[ .\-]?\(0?[0-9]{0,4}\))?"
    r"(?:[ \u00a0.\-][0-9]{1,8}){0,6})"
    r"|(?P<paren>\((?:\+?48[ ]?)?0?[0-9]{2}\)[ \u00a0.\-]?"
    r"(?:[0-9]{3}[ \u00a0.\-]?[0-9]{2}[ \u00a0.\-]?[0-9]{2}|[0-9]{3}[ \u00a0.\-][0-9]{4}))"
    r"|(?P<national>0?[0-9]{2}[ \u00a0.\-][0-9]{3}[ \u00a0.\-][0-9]{2}[ \u00a0.\-][0-9]{2}"
    r"|0?[0-9]{2}[ \u00a0.\-][0-9]{7}"
    r"|[0-9]{3}[ \u00a0.\-][0-9]{3}[ \u00a0.\-][0-9]{3}"
    r"|[0-9]{3}[ \u00a0.\-][0-9]{2}[ \u00a0.\-][0-9]{2}[ \u00a0.\-][0-9]{2}"
    r"|[0-9]{9})"
    r")(?![^\W_])(?![.,/][0-9])")
_PHONE_GROUP_END = re.compile(r"[ \u00a0.\-]+[0-9]+$")
_TRUNK_IN_PARENS = re.compile(r"\(0\)")

_ID_CARD = re.compile(r"(?<![^\W_])(?P<letters>[A-Za-z]{3})[ \u00a0]?(?P<digits>[0-9]{6})"
                      r"(?![^\W_])(?![.,/][0-9])")
_PASSPORT = re.compile(r"(?<![^\W_])(?P<letters>[A-Za-z]{2})[ \u00a0]?(?P<digits>[0-9]{7})"
                       r"(?![^\W_])(?![.,/][0-9])")
_ID_CARD_WEIGHTS = (7, 3, 1, 9, 7, 3, 1, 7, 3)
_PASSPORT_WEIGHTS = (7, 3, 9, 1, 7, 3, 1, 7, 3)
# Abbreviations that are followed by a number in ordinary text ("NR 1234567", "PIN 123456"):
# after a space they are not a document series (written together, "PIN123456" still counts).
_DOCUMENT_STOP = frozenset({"TEL", "NIP", "PIN", "KOD", "FAX", "SMS", "KRS", "NR", "KW", "UL",
                            "AL", "OS", "PL", "DZ", "ZL", "GR", "TO", "OR", "NRB", "POZ", "PKT"})

_FOREIGN_IBAN = re.compile(r"(?<![^\W_])(?P<cc>[A-Za-z]{2})[0-9]{2}"
                           r"(?:[ \u00a0]?[A-Za-z0-9]){10,30}")
_SPACE_SPLIT = re.compile(r"[ \u00a0]+")

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-%]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
                    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}"
                    r"(?![\w\-])")
# Role mailboxes of offices and companies (the office's own address is not personal data).
_ROLE_MAILBOX = frozenset({
    "sekretariat", "info", "kontakt", "biuro", "urzad", "ug", "um", "gmina", "poczta", "office",
    "bok", "iod", "rodo", "kancelaria", "podatki", "odpady", "noreply", "no-reply", "admin",
    "obsluga", "informacja", "promocja", "media", "prasa", "rzecznik", "starostwo", "mops", "gops",
    "zgk", "oferty", "zamowienia", "przetargi", "faktury", "ksiegowosc", "hello", "support",
    "pomoc", "sklep", "recepcja", "dziekanat", "szkola", "przedszkole", "ops", "ckziu", "bip",
    "webmaster", "marketing", "sprzedaz", "zarzad", "wojt", "burmistrz", "prezydent", "skarbnik",
    "sekretarz", "rada", "radagminy", "ewidencja", "usc", "dowody", "meldunki", "ochrona",
    "srodowisko", "inwestycje", "drogi", "oswiata", "kultura", "sport", "mgok", "gok", "mok",
    "biblioteka", "straz", "osp", "policja", "kadry", "praca", "rekrutacja",
})


@lru_cache(maxsize=4096)
def _phone_valid(digits: str, international: bool) -> bool:
    try:
        number = phonenumbers.parse(("+" + digits) if international else digits,
                                    None if international else "PL")
    except phonenumbers.NumberParseException:
        return False
    if str(number.national_number) in _EMERGENCY:
        return False
    return phonenumbers.is_valid_number(number)


def _document_check(value: str, weights: tuple[int, ...]) -> bool:
    total = 0
    for char, weight in zip(value.upper(), weights, strict=True):
        total += (ord(char) - 55 if char.isalpha() else ord(char) - 48) * weight
    return total % 10 == 0


def _nip_like_phone(digits: str) -> bool:
    """Ten digits in groups with a leading 0 are an old-style landline ("022 123 45 67")."""
    return digits[0] == "0" and _phone_valid(digits[1:], False)


def _chain_candidates(text: str, plain: str, out: list[_Candidate]) -> None:
    for chain in _CHAIN.finditer(text):
        num_start = chain.start("num")
        groups = [(g.start(), g.end()) for g in _DIGIT_RUN.finditer(text, num_start, chain.end())]
        count = len(groups)
        sizes = [end - start for start, end in groups]
        # An account number in groups of four is one thing: its pieces are not identifiers.
        bank_style = (count >= 4 and sum(sizes) >= 16 and all(s == 4 for s in sizes[1:-1]))
        pl = chain.group("pl")
        for i in range(count):
            length = 0
            for j in range(i, min(count, i + _MAX_GROUPS)):
                length += sizes[j]
                if length > 26:
                    break
                if length not in (9, 10, 11, 14, 26):
                    continue
                whole = i == 0 and j == count - 1
                lens = tuple(sizes[i:j + 1])
                if bank_style and not (whole or i == j or lens in _CANONICAL["iban"]):
                    continue
                start, end = groups[i][0], groups[j][1]
                digits = "".join(text[s:e] for s, e in groups[i:j + 1])
                prefixed = pl is not None and i == 0
                _classify(plain, digits, lens, whole, prefixed, start, end, out,
                          chain.start() if prefixed else start)


def _classify(plain: str, digits: str, lens: tuple[int, ...], whole: bool,
              prefixed: bool, start: int, end: int, out: list[_Candidate],
              prefix_start: int) -> None:
    """`start` is where the digits begin; `prefix_start` includes a "PL" before them (part of
    an IBAN, but not of a NIP written as an EU VAT number)."""
    length = len(digits)
    label = _label(plain, start)

    def grouping_ok(kind: str) -> bool:
        return len(lens) == 1 or lens in _CANONICAL[kind] or (whole and label == kind)

    def add(kind: str, priority: int, emit: bool = True, at: int = start) -> None:
        out.append(_Candidate(kind, at, end, priority, emit))

    if length == 26:
        if grouping_ok("iban") and _iban.is_valid("PL" + digits):
            add("iban", _P_IBAN, emit=not _is_company(plain, prefix_start, end), at=prefix_start)
        return
    if _is_amount(plain, start, end):
        return
    if label == "ref":
        add("ref", _P_LABELLED, emit=False)
        return
    if length == 11 and not prefixed:
        if grouping_ok("pesel") and _pesel.is_valid(digits):
            add("pesel", _P_PESEL)
        elif label == "pesel":
            add("pesel", _P_LABELLED, emit=False)
    elif length == 10:
        if (grouping_ok("nip") or prefixed) and _nip.is_valid(digits) and label != "phone" and (
                label == "nip" or prefixed or len(lens) == 1 or not _nip_like_phone(digits)):
            add("nip", _P_NIP, emit=not _is_company(plain, start, end))
        elif label == "nip":
            add("nip", _P_LABELLED, emit=False)
    elif length == 14 and not prefixed:
        if grouping_ok("regon") and _regon.is_valid(digits):
            add("regon", _P_REGON, emit=not _is_company(plain, start, end))
        elif label == "regon":
            add("regon", _P_LABELLED, emit=False)
    elif length == 9 and not prefixed:
        if label == "regon":
            if _regon.is_valid(digits):
                add("regon", _P_REGON, emit=not _is_company(plain, start, end))
            else:
                add("regon", _P_LABELLED, emit=False)
        elif label in ("pesel", "nip", "iban", "id_card", "passport"):
            add(label, _P_LABELLED, emit=False)  # called something else: not a phone
        elif label is None and len(lens) == 1 and _regon.is_valid(digits):
            # A bare checksum-valid nine-digit number: the identifier wins over a phone, unless
            # it is written or introduced like a phone.
            add("regon", _P_REGON_BARE, emit=not _is_company(plain, start, end))


def _phone_candidates(text: str, plain: str, out: list[_Candidate]) -> None:
    for match in _PHONE.finditer(text):
        start, end = match.start(), match.end()
        kind = match.lastgroup
        found = False
        if kind == "intl":
            raw = match.group()
            while True:
                digits = "".join(_DIGIT_RUN.findall(_TRUNK_IN_PARENS.sub("", raw)))
                if raw.startswith("00"):
                    digits = digits[2:]
                if len(digits) < 7:
                    break
                if _phone_valid(digits, True):
                    found = True
                    break
                shorter = _PHONE_GROUP_END.search(raw)
                if shorter is None:
                    break
                raw = raw[:shorter.start()]
            end = start + len(raw)
        else:
            digits = "".join(_DIGIT_RUN.findall(match.group()))
            if len(digits) == 12 and digits.startswith("48"):  # "(+48 22) ..."
                digits = digits[2:]
            if len(digits) == 10 and digits[0] == "0":
                digits = digits[1:]
            found = len(digits) == 9 and _phone_valid(digits, False)
        if not found:
            continue
        label = _label(plain, start)
        if label not in (None, "phone"):
            continue
        if _is_amount(plain, start, end):
            continue
        strong = kind != "national" or label == "phone"
        out.append(_Candidate("phone", start, end, _P_PHONE_STRONG if strong else _P_PHONE,
                              emit=not _is_company(plain, start, end, _COMPANY_REACH_PHONE)))


def _document_candidates(text: str, plain: str, out: list[_Candidate]) -> None:
    for pattern, kind, weights in ((_ID_CARD, "id_card", _ID_CARD_WEIGHTS),
                                   (_PASSPORT, "passport", _PASSPORT_WEIGHTS)):
        for match in pattern.finditer(text):
            letters = match.group("letters")
            if match.end("letters") < match.start("digits") and letters.upper() in _DOCUMENT_STOP:
                continue
            if not _document_check(letters + match.group("digits"), weights):
                continue
            if not letters.isupper() and _label(plain, match.start()) != kind:
                continue  # "abc123456" only after "dowód" / "paszport"
            out.append(_Candidate(kind, match.start(), match.end(), _P_DOCUMENT))


def _foreign_iban_candidates(text: str, plain: str, out: list[_Candidate]) -> None:
    for match in _FOREIGN_IBAN.finditer(text):
        if match.group("cc").upper() == "PL":
            continue  # Polish accounts are digit runs: found with the other numbers
        raw = match.group()
        pieces = _SPACE_SPLIT.split(raw)
        for k in range(len(pieces), 0, -1):
            compact = "".join(pieces[:k])
            if len(compact) < 15:
                break
            if _iban.is_valid(compact):
                span_end = _locate_end(text, match.start(), compact)
                out.append(_Candidate("iban", match.start(), span_end, _P_IBAN,
                                      emit=not _is_company(plain, match.start(), span_end)))
                break


def _locate_end(text: str, start: int, compact: str) -> int:
    """End offset of `compact`'s characters in text from `start`, skipping spaces."""
    k = 0
    pos = start
    while k < len(compact) and pos < len(text):
        if text[pos] not in " \u00a0":
            k += 1
        pos += 1
    return pos


def _email_candidates(text: str, out: list[_Candidate]) -> None:
    for match in _EMAIL.finditer(text):
        local = match.group().split("@", 1)[0].lower().translate(_PLAIN)
        if local in _ROLE_MAILBOX:
            continue
        out.append(_Candidate("email", match.start(), match.end(), _P_EMAIL))


# ---------------------------------------------------------------------------------------------
# Addresses (plain text: no Polish diacritics, case kept)

_STOP = (r"(?i:na|w|we|z|ze|do|od|po|przy|i|a|o|u|nie|jest|sa|to|tam|tu|juz|jak|bo|sie|za|przed"
         r"|pod|nad|obok|kolo|oraz|lub|albo|czy|ale|ma|mam|byl|byla|bylo|ktory|ktora|ktore|gdzie"
         r"|bardzo|tylko|jeszcze|teraz|dzis|dzisiaj|wczoraj|jutro|rano|wieczorem|numer|dom|domu"
         r"|blok|bloku|lat|lata|dni|dnia|godz|godzin|roku|rok|razy|minut|tygodni|tygodnia"
         r"|miesiecy|mieszkam|mieszkamy|mieszka|prosze|dzien|dobry|witam|tel|telefon|pesel|nip"
         r"|regon|ok|okolo|ponad|prawie|az|co|ten|ta|te|tym|tej|ich|jego|jej|nasz|nasza|moj"
         r"|moja|wasz|ul|al|os|pl)(?![^\W_])")
_DOC_STOP = (r"(?i:nr|uchwal\w*|zarzadzeni\w*|dz|art|poz|par|ust|pkt|sygn|znak|sprawa|sprawy"
             r"|dzialka|dzialki|dzialke|dzialce|dzialek|obreb\w*|decyzj\w*|faktur\w*|umow\w*"
             r"|rozdzial\w*|tom|str|kw|pismo|pisma|wniosek|wniosku|zgloszeni\w*|kod|data|godzina"
             r"|lokal|pokoj|sala|sali|budynek|budynku|klatka|linia|linii|autobus\w*|tramwaj\w*"
             r"|kurs|peron|stanowisko|okienko|wyrok|postanowieni\w*|ustaw\w*|rozporzadzeni\w*"
             r"|paragraf|punkt|zal|zalacznik\w*|rozdz|sesj\w*|kadencj\w*|rok\w*|edycj\w*)(?![^\W_])")
_WORD = r"[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*\.?"
_UPWORD = r"[A-Z][^\W\d_'’]*(?:-[^\W\d_]+)*\.?"
_NUM_TOKEN = r"[0-9]{1,4}(?:-(?:go|lecia))?(?=\s+[^\W\d_])"  # noqa: S105
_TOKEN = rf"(?!{_STOP})(?:{_NUM_TOKEN}|{_WORD})"
_UPTOKEN = rf"(?!{_STOP})(?!{_DOC_STOP})(?:[0-9]{{1,2}}(?=\s+[A-Z])|{_UPWORD})"
_NOT_UNIT = (r"(?!\s*(?i:dni|dnia|lat|lata|roku|r\.|godz|godzin\w*|minut\w*|min\b|tyg\w*"
             r"|miesi\w*|razy|raz\b|zl\b|zlot\w*|pln|gr\b|%|km\b|kg\b|m2|metr\w*|m\b(?!\.?\s?[0-9])"
             r"|osob\w*|sztuk\w*|szt\b|proc\w*|tys\w*|mln|x\b|lipca|sierpnia|stycznia|lutego"
             r"|marca|kwietnia|maja|czerwca|wrzesnia|pazdziernika|listopada|grudnia))")
_HOUSE = r"(?i:nr\.?\s?)?[0-9]{1,4}[A-Za-z]?(?![^\W_])(?:\s?/\s?[0-9]{1,4}[A-Za-z]?(?![^\W_]))?"
_FLAT = (r"(?:,?\s?(?i:m\.|m|lok\.|lok|lokal|lokalu|mieszk\.|mieszkania|m\.\s?nr)\s?"
         r"[0-9]{1,4}[A-Za-z]?(?![^\W_]))")
_TOWN = (r"[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?"
         r"(?:\s[A-Z][^\W\d_]+(?=\s*(?:[,.;:!?)\-–]|$)))?")
_POSTAL = rf"(?:,?\s*[0-9]{{2}}-[0-9]{{3}}\s+{_TOWN})"
_END = r"(?![0-9])(?![.,:][0-9])"

_ADDRESS_KEYWORD = re.compile(
    r"(?=[uUaAoOpPrRsSbB])(?<![^\W_])(?<![.@/])"
    r"(?i:ul\.|ul(?=\s)|ulica|ulicy|ulice|ulic|al\.|aleja|alei|aleje|alejach|os\.|os(?=\s)"
    r"|osiedle|osiedlu|osiedla|osiedlem|pl\.|plac|placu|rondo|ronda|skwer|skweru|bulwar\w*)"
    rf"\s*{_TOKEN}(?:\s+{_TOKEN}){{0,3}}\s+{_HOUSE}{_NOT_UNIT}{_FLAT}?{_POSTAL}?{_END}")
_ADDRESS_CUE = re.compile(
    r"(?=[mMzZaA])(?<![^\W_])(?i:mieszkam|mieszkamy|mieszka|mieszkaja|mieszkal[aeiy]?m?|mieszkalismy"
    r"|zamieszkal[aey]?|zamieszkuje|zamieszkuja|zameldowan[aey]|zameldowany|adres\w*"
    r"|zamieszkania|zameldowania)"
    r"\s*:?\s*(?i:(?:na|przy|pod)\s+)?"
    rf"(?P<addr>{_TOKEN}(?:\s+{_TOKEN}){{0,3}}\s+{_HOUSE}{_NOT_UNIT}{_FLAT}?{_POSTAL}?){_END}")
_ADDRESS_BARE = re.compile(
    rf"(?=[A-Z0-9])(?<![^\W_])(?<![.@/])(?P<addr>{_UPTOKEN}(?:\s+{_UPTOKEN}){{0,2}}\s+"
    rf"(?:[0-9]{{1,4}}[A-Za-z]?(?![^\W_])(?:"
    rf"\s?/\s?[0-9]{{1,3}}[A-Za-z]?(?![^\W_]){_POSTAL}?"
    rf"|{_NOT_UNIT}{_FLAT}{_POSTAL}?"
    rf"|{_POSTAL})))"
    rf"{_END}")
_BARE_HINT = re.compile(r"[0-9]\s?/\s?[0-9]|[0-9]{2}-[0-9]{3}\s+[A-Z]"
                        r"|[0-9][A-Za-z]?,?\s?(?i:m\.?|lok\w*\.?|mieszk\w*\.?)\s?[0-9]")
_POSTAL_BEFORE = re.compile(rf"[0-9]{{2}}-[0-9]{{3}}\s+{_TOWN},?\s*$")


def _address_candidates(plain: str, out: list[_Candidate]) -> None:
    spans: list[tuple[int, int]] = []
    for match in _ADDRESS_KEYWORD.finditer(plain):
        spans.append((match.start(), match.end()))
    for match in _ADDRESS_CUE.finditer(plain):
        spans.append((match.start("addr"), match.end("addr")))
    if _BARE_HINT.search(plain):  # the pattern without a keyword is slow: only when it may fit
        for match in _ADDRESS_BARE.finditer(plain):
            spans.append((match.start("addr"), match.end("addr")))
    for start, end in spans:
        before = _POSTAL_BEFORE.search(plain, max(0, start - 45), start)
        if before:
            start = before.start()
        while end > start and plain[end - 1] in " ,":
            end -= 1
        out.append(_Candidate("address", start, end, _P_ADDRESS))


# ---------------------------------------------------------------------------------------------
# Health (folded text: lower case, no diacritics)

_HEALTH_TERM = re.compile(r"\b(?:po |w trakcie |na )?(?:" + "|".join([
    r"(?:po |na )?udar(?:u|em|ze|y|ow)?(?: mozgu)?",
    r"(?:po |na )?zawal(?:u|e|em)?(?: serca)?",
    r"po wylewie|wylew(?:u|em)? (?:krwi )?(?:do )?mozgu",
    r"(?:na )?autyzm\w*|autystyczn\w*|(?:zespol\w* )?aspergera|adhd|zespol\w* (?:downa|tourett\w*)",
    r"(?:na )?cukrzyc\w*|insulin\w*|(?:na )?celiaki\w*|hashimoto|(?:na )?astm\w*|(?:na )?alergi\w*",
    r"(?:na )?nowotw[o]r\w*|rak(?:a|iem|u)?(?: \w+(?:a|i|u|y))?|bialaczk\w*|chloniak\w*|glejak\w*",
    r"czerniak\w*|przerzut\w*|chemioterapi\w*|(?<=po )chemii|(?<=trakcie )chemii|radioterapi\w*",
    r"onkologiczn\w*|(?:na )?dializ\w*|dializowan\w*|przeszczep\w*",
    r"stwardnieni\w* rozsian\w*|padaczk\w*|epilepsj\w*|epileptyk\w*",
    r"(?:na )?depresj\w*|schizofren\w*|dwubiegunow\w*|nerwic\w*|anoreksj\w*|bulimi\w*",
    r"zaburzeni\w* (?:psychiczn|lekow|odzywiani|osobowosci)\w*|psychiatr\w*|psychoterapi\w*",
    r"(?:na )?alzheimer\w*|(?:na )?parkinson\w*|demencj\w*|otepieni\w*",
    r"(?:orzeczeni\w* o (?:\w+ )?(?:stopniu )?)?niepelnospraw\w*(?: intelektualn\w*)?",
    r"stopien niepelnosprawnosci|inwalid\w*|na wozku(?: inwalidzkim)?|niewidom\w*|niedowidz\w*",
    r"nieslyszac\w*|gluchoniem\w*|sparalizowan\w*|paraliz\w*|porazeni\w* mozgow\w*",
    r"mozgowe porazenie|amputac\w*|amputowan\w*|lezac[ay](?! policjant)",
    r"w (?:zagrozonej |pierwszej |drugiej |trzeciej |kolejnej |blizniaczej )?ciazy",
    r"(?:tygodniu|miesiacu|trymestrze) ciazy|ciaza|ciaze|ciazow\w*|poronil\w*|poronieni\w*",
    r"spodziewa\w* sie dziecka|po porodzie|po cesarce",
    r"alkoholi(?:zm|k|czk)\w*|uzaleznion\w*|uzaleznieni\w*|na odwyk\w*|odwyk\w*|narkoman\w*",
    r"covid\w*|koronawirus\w*|gryp[aeyi]|zapaleni\w* (?:pluc|oskrzeli|opon)\w*",
    r"(?:ciezko|przewlekle|obloznie|terminalnie|nieuleczalnie|psychicznie|umyslowo|bardzo) chor\w*",
    r"chor(?:y|a|zy|ego|ej|ym|ych) na \w+|chorob\w*(?: \w+)?",
    r"(?:jestem|jestesmy|jest|sa|byl\w*|zostal\w*) chor(?:y|a|zy|e)\b",
    r"zachorowal\w*|(?:choruje|chorujemy|choruja|chorowal\w*) na \w+",
    r"(?:lecze|leczy|leczymy|leczysz|leczyl\w*|leczona|leczony|leczone|leczeni) sie(?: (?:na "
    r"\w+|psychiatryczn\w*|onkologiczn\w*))?",
    r"w trakcie leczenia|jestem leczon\w*|hospitaliz\w*|hospicj\w*|po operacji(?: \w+)?",
    r"po zabiegu|zlaman\w*|zlamal\w* (?:sobie )?\w+|kontuzj\w*|rehabilitac\w*",
    r"niezdoln\w* do (?:pracy|samodzielnej egzystencji)",
    r"(?:lezy|leze|lezal\w*|jestem|jest|byl\w*|trafil\w*|przebywa\w*|zabral\w*|zabrali) "
    r"(?:w|do) szpital\w*",
]) + r")\b")
_STRONG_ANCHOR = re.compile(
    r"\b(?:syn|syna|synowi|synem|synek|synka|synkiem|synowie|synow|cork\w*|coreczk\w*"
    r"|dzieck\w*|dziecko|dzieciak\w*|mam[aeyi]|mamusi\w*|matk\w*|matce|tat[aeyi]|tatus\w*|ojc\w*"
    r"|ojciec|maz|meza|mezem|mezowi|zon[aey]|zonie|partner\w*|babci\w*|babcia|dziadk\w*|dziadek"
    r"|brat\w*|siostr\w*|tesciow\w*|tesc\w*|wnuk\w*|wnucz\w*|sasiad\w*|kuzyn\w*|ciotk\w*"
    r"|ciocia|cioci|wujk\w*|wujek|narzeczon\w*|przyjaciel\w*|kolezank\w*|kolega|kolegi"
    r"|bliźniak\w*|blizniak\w*|rodzic\w*|jestem|jestesmy|choruje|chorujemy|cierpie|cierpimy"
    r"|lecze|leczymy|bylem|bylam)\b")
_WEAK_ANCHOR = re.compile(r"\b(?:mam|mamy|mialem|mialam|mielismy|mnie|mi|mna|moj\w*|nasz\w*"
                          r"|on|ona|oni|one|jego|jej|biore|przyjmuje|zdiagnozowano)\b")
_RIGHT_ANCHOR = re.compile(
    r"^\s*(?:(?!dla\b|osob)\w+\s+){0,2}(?:u |dla |mojego |mojej |mego |naszego |naszej |mojemu )*"
    r"(?:mnie|nas|syn\w*|cork\w*|coreczk\w*"
    r"|mam[yie]|matki|taty|ojca|meza|zony|babci|dziadka|brata|siostry|dzieck\w*|wnuk\w*"
    r"|wnuczk\w*|tesciow\w*|sasiad\w*)\b")
_GENERAL = re.compile(r"\b(?:dla|program\w*|akcj\w*|kampani\w*|profilaktyk\w*|zajeci\w*"
                      r"|warsztat\w*|ulg\w*|parking\w*|miejsc\w*|osob|osoby|osobom|osobami"
                      r"|badani\w*|szczepien\w*|oddzial\w*|przychodni\w*|wszystk\w*"
                      r"|kazd\w*|ludzi|mieszkanc\w*|pacjent\w*)\b")
_CLAUSE_END = re.compile(r"[.!?;\n]")
_NON_PERSON = re.compile(r"\b(?:gmina|miasto|urzad|rada|system|kraj|polska|wladza|spoleczenstwo"
                         r"|pomysl|sytuacja|to|ta|ten|swiat|budzet|drzewo|drzewa|pies|kot"
                         r"|zwierze\w*|ryb\w*)\s+(?:\w+\s+)?$")


def _trie(words: tuple[str, ...]) -> str:
    """One regular expression for a set of literal words, factored by common prefixes (much
    faster in `re` than a flat alternation)."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return (body + "?") if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body

    return emit(root)


# Every health term contains one of these stems at the start of one of its first four words;
# only where one occurs is the full term pattern tried.
_HEALTH_STEMS = (
    "udar", "zawal", "wylew", "autyz", "autyst", "asperg", "adhd", "zespol", "cukrzyc", "insulin",
    "celiak", "hashimoto", "astm", "alergi", "nowotw", "rak", "bialaczk", "chloniak", "glejak",
    "czerniak", "przerzut", "chemi", "radioterapi", "onkolog", "dializ", "przeszczep",
    "stwardnieni", "padaczk", "epilep", "depresj", "schizofren", "dwubiegun", "nerwic", "anoreks",
    "bulimi", "zaburzeni", "psychiatr", "psychoterap", "alzheimer", "parkinson", "demencj",
    "otepieni", "orzeczeni", "niepelnospraw", "inwalid", "wozk", "niewidom", "niedowidz",
    "nieslyszac", "gluchoniem", "sparaliz", "paraliz", "porazeni", "mozgowe", "amputac", "amputow",
    "lezac", "ciaz", "poroni", "spodziewa", "porodzie", "cesarce", "alkoholi", "uzaleznion",
    "uzaleznieni", "odwyk", "narkoman", "covid", "koronawir", "gryp", "zapaleni", "chor",
    "zachor", "lecz", "zlama", "kontuzj", "hospitaliz", "hospicj", "operacji", "zabiegu",
    "rehabilitac", "niezdoln", "szpital",
)
_HEALTH_QUICK = re.compile(r"\b" + _trie(_HEALTH_STEMS))
_WORD_START = re.compile(r"\b\w")


def _health_terms(ftext: str):
    """The health terms in folded text (the full pattern tried only near a stem)."""
    done = 0
    for hit in _HEALTH_QUICK.finditer(ftext):
        at = hit.start()
        if at < done:
            continue
        starts = [m.start() for m in _WORD_START.finditer(ftext, max(0, at - 45), at)][-3:]
        for start in (*starts, at):
            if start < done:
                continue
            match = _HEALTH_TERM.match(ftext, start)
            if match is not None and match.end() > at:
                yield match
                done = match.end()
                break


def _health_candidates(folded: Folded, out: list[_Candidate]) -> None:
    ftext = folded.text
    for match in _health_terms(ftext):
        start, end = match.start(), match.end()
        # The clause around the term.
        left_from = max(0, start - 50)
        left = ftext[left_from:start]
        cut = _last_match(_CLAUSE_END, left)
        if cut:
            left = left[cut.end():]
        right = ftext[end:end + 30]
        stop = _CLAUSE_END.search(right)
        if stop:
            right = right[:stop.start()]
        if _personal(left, match.group(), right):
            ostart, oend = folded.span(start, end)
            out.append(_Candidate("health", ostart, oend, _P_HEALTH))


def _personal(left: str, term: str, right: str) -> bool:
    """Is the health term about a person (the writer, a relative, a neighbour)?"""
    if term.startswith(("jest", "sa ", "byl", "zostal", "chor", "lecz")) and _NON_PERSON.search(
            left):
        return False  # "ta gmina jest chora", "gmina choruje na brak pieniędzy"
    if _STRONG_ANCHOR.search(term) or _WEAK_ANCHOR.match(term):
        return True  # "jestem chora", "leczę się"
    anchor = _last_match(_STRONG_ANCHOR, left)
    if anchor is not None and not _GENERAL.search(left, anchor.end()):
        return True
    weak = _last_match(_WEAK_ANCHOR, left)
    if weak is not None:
        between = left[weak.end():]
        if len(between.split()) <= 3 and not _GENERAL.search(between):
            return True
    return _RIGHT_ANCHOR.match(right) is not None


# ---------------------------------------------------------------------------------------------
# Public interface


def _resolve(candidates: list[_Candidate]) -> list[PersonalData]:
    candidates.sort(key=lambda c: (-c.priority, c.start - c.end, c.start))
    taken: list[tuple[int, int]] = []
    kept: list[_Candidate] = []
    for cand in candidates:
        if cand.end <= cand.start:
            continue
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        taken.append((cand.start, cand.end))
        if cand.emit:
            kept.append(cand)
    kept.sort(key=lambda c: c.start)
    return [PersonalData(c.type, c.start, c.end) for c in kept]


_last: tuple[str, tuple[PersonalData, ...]] = ("", ())


def find(text: str, folded: Folded | None = None) -> list[PersonalData]:
    """Personal data in `text`: sorted by start, not overlapping, spans in `text`."""
    global _last
    last_text, last_items = _last
    if text == last_text:  # the triage calls analyze() and then find() on the same text
        return list(last_items)
    items = _find(text, folded)
    _last = (text, tuple(items))
    return items


def _find(text: str, folded: Folded | None) -> list[PersonalData]:
    candidates: list[_Candidate] = []
    if "@" in text:
        _email_candidates(text, candidates)
    if _ANY_DIGIT.search(text):
        plain = text.translate(_PLAIN)
        _chain_candidates(text, plain, candidates)
        _phone_candidates(text, plain, candidates)
        _document_candidates(text, plain, candidates)
        _foreign_iban_candidates(text, plain, candidates)
        _address_candidates(plain, candidates)
    _health_candidates(folded if folded is not None else fold(text), candidates)
    return [_widen_health(text, item) if item.type == "health" else item
            for item in _resolve(candidates)]


# A health span covers the statement, not just the diagnosis: "ma autyzm", "jestem w ciąży",
# "choruje na cukrzycę typu 1", "orzeczenie o niepełnosprawności w stopniu umiarkowanym".
_HEALTH_BEFORE = re.compile(
    r"(?:\b(?:ma|mam|masz|mamy|maja|mają|jest|jestem|jestes|jesteś|jestesmy|jesteśmy|sa|są|"
    r"choruje na|choruję na|chorujemy na|cierpi na|cierpię na|cierpie na|leczy się na|"
    r"leczy sie na|leczę się na|lecze sie na|zdiagnozowan\w*|stwierdzon\w*|po)\s+)$",
    re.IGNORECASE)
_HEALTH_AFTER = re.compile(r"^(?:\s+(?:typu\s+\d|typu\s+[IV]+|w\s+stopniu\s+\w+|"
                           r"i\s+nadwrażliwość\s+\w+))", re.IGNORECASE)


def _widen_health(text: str, item: PersonalData) -> PersonalData:
    start, end = item.start, item.end
    before = _HEALTH_BEFORE.search(text[max(0, start - 30):start])
    if before:
        start -= len(before.group())
    after = _HEALTH_AFTER.search(text[end:end + 40])
    if after:
        end += len(after.group())
    return item if (start, end) == (item.start, item.end) else PersonalData("health", start, end)


def preview(text: str, item: PersonalData) -> str:
    """A masked preview of an item for evidence: enough to recognise, never the value."""
    value = text[item.start:item.end]
    label = _LABELS[item.type]
    if item.type == "health":
        return label
    if item.type == "email":
        local, _, domain = value.partition("@")
        return f"{label} {local[:1]}***@{domain}"
    keep = {"pesel": 4, "nip": 3, "regon": 2, "iban": 4, "id_card": 2, "passport": 2,
            "phone": 4, "address": 3}[item.type]
    compact = value.replace(" ", "").replace("\u00a0", "")
    if item.type == "address":
        compact = value
    visible = compact[:keep]
    return f"{label} {visible}{'*' * max(3, len(compact) - keep)}"


def analyze(text: str, folded: Folded) -> Finding:
    items = find(text, folded)
    if not items:
        return Finding()
    evidence = [Evidence(FLAG, item.type, item.start, item.end, preview(text, item))
                for item in items]
    return Finding(max(SCORES[item.type] for item in items), evidence)


def mask(text: str, items: list[PersonalData]) -> str:
    """`text` with every item replaced by a placeholder such as "[PESEL]"."""
    parts: list[str] = []
    last = 0
    for item in sorted(items, key=lambda i: i.start):
        if item.start < last:
            continue
        parts.append(text[last:item.start])
        parts.append(PLACEHOLDERS.get(item.type, "[DANE]"))
        last = item.end
    parts.append(text[last:])
    return "".join(parts)
