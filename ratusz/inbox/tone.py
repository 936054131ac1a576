"""The tone and form check every draft goes through before it is sent: plain Python, no Django.

Warnings a person may overrule: no greeting or signature in the office's style, blame or
sarcasm, bureaucratic jargon (kancelaryzmy), very long sentences, a public reply that asks for
personal data, an informational answer phrased like an administrative decision. One block:
personal data in a public reply (PESEL, ID card, passport, bank account, phone, e-mail, home
address, health), except the office's own contacts.
"""

import re
from dataclasses import dataclass, field

from ratusz.triage.analysis import personal
from ratusz.triage.analysis.normalize import fold

BLOCKING, WARNING = "blocking", "warning"
LONG_SENTENCE_WORDS = 25

GREETINGS = ("dzien dobry", "dobry wieczor", "szanown", "witam", "witamy", "czesc",
             "uprzejmie dziekujemy", "dziekujemy za")
# Blame, sarcasm and condescension: they escalate a dissatisfied resident.
BLAME = [
    r"jak juz (pisalismy|informowalismy|mowilismy)", r"po raz (kolejny|drugi|trzeci|ostatni)",
    r"(wystarczy|nalezy|prosze) (uwaznie )?(przeczytac|czytac)", r"ze zrozumieniem",
    r"to nie (jest )?nasz(a)? (wina|problem)", r"nie nasz problem", r"sam(a)? (pan|pani) ",
    r"(powinien|powinna) pan(i)? wiedziec", r"oczywiscie jak zwykle", r"jak zwykle",
    r"gdyby pan(i)? (przeczytal|sprawdzil)", r"nie bedziemy (sie )?powtarzac",
    r"\bhaha\b", r"\bxd\b",
]
DEFAULT_JARGON = [
    "uprzejmie informuję", "uprzejmie informujemy", "w nawiązaniu do", "w odpowiedzi na pismo",
    "niniejszym", "przedmiotowy", "przedmiotowej", "przedmiotowa", "w dniu dzisiejszym",
    "celem", "dokonać zapłaty", "dokonania", "w załączeniu przesyłam", "powyższe",
    "zwracam się z uprzejmą prośbą", "w przedmiotowej sprawie", "wyżej wymieniony", "ww.",
    "tut. urząd", "tutejszy urząd", "stosownie do", "przy czym", "winien", "winna",
]
# An answer on social media is information (art. 9 KPA), never a decision (art. 104 KPA).
DECISION = [
    r"\bdecyzj[aąę] (nr|z dnia|urzedu|wojta|burmistrza|prezydenta)", r"\bpostanawia(m|my| sie)\b",
    r"\borzeka(m|my| sie)\b", r"\bodmawia(m|my) (przyznania|wydania|zgody)",
    r"\bprzyznaje(my)? (panu|pani|panstwu)", r"\bnaklada(m|my)\b", r"\bumarza(m|my)\b",
    r"wniosek (zostal|jest) (rozpatrzony|rozpatrzony pozytywnie|rozpatrzony negatywnie)",
    r"\b(rozpatrzyl|rozpatrzylismy) (pana|pani) wniosek", r"\bzwalnia(m|my) (pana|pania)",
    r"\bod niniejszej decyzji\b", r"\bjest ostateczn[aey]\b",
]
ASKS_FOR_DATA = re.compile(
    r"(podaj|podac|poda(c|nie)|prosimy o|prosze o|prosze podac|prosze przeslac|przeslij|"
    r"napisz|wpisz|udostepnij)\W+(\w+\W+){0,5}?"
    r"(pesel|numer(u)? dowodu|nr dowodu|dowod osobisty|numer(u)? konta|nr konta|"
    r"numer(u)? rachunku|adres(u)? zamieszkania|swoj adres|numer(u)? telefonu|nr tel|"
    r"date urodzenia|nip)")
SIGNATURE_HINTS = ("pozdrawiam", "pozdrawiamy", "z powazaniem", "zespol", "referat", "urzad",
                   "redakcja", "wydzial", "biuro")


@dataclass
class Style:
    """How this office writes: a greeting first, a signature last, its own jargon list."""

    require_greeting: bool = True
    signature: str = ""  # e.g. "Zespół Urzędu Gminy Przykładowo"; empty: any sign-off will do
    jargon: list[str] = field(default_factory=lambda: list(DEFAULT_JARGON))
    own_contacts: list[str] = field(default_factory=list)  # the office's e-mail, phone, address


@dataclass
class Finding:
    check: str
    severity: str
    message: str
    evidence: str = ""


def _plain(text: str) -> str:
    return fold(text or "").text


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


def _own(text: str, item, contacts: list[str]) -> bool:
    value = re.sub(r"\s+", "", text[item.start:item.end]).lower()
    return any(value and value in re.sub(r"\s+", "", c).lower() for c in contacts if c)


def check(text: str, *, public: bool, style: Style | None = None) -> list[Finding]:
    style = style or Style()
    text = text or ""
    plain = _plain(text)
    found: list[Finding] = []
    first_line = plain.strip().splitlines()[0] if plain.strip() else ""
    if style.require_greeting and not first_line.startswith(GREETINGS) and not re.match(
            r"^(pani|panie|szanown)", first_line):
        found.append(Finding("greeting", WARNING,
                             "Odpowiedź nie zaczyna się powitaniem (np. „Dzień dobry”)."))
    last_lines = " ".join(plain.strip().splitlines()[-2:])
    if style.signature:
        if _plain(style.signature).strip() not in plain:
            found.append(Finding("signature", WARNING,
                                 f"Brakuje podpisu w stylu urzędu: „{style.signature}”."))
    elif not any(hint in last_lines for hint in SIGNATURE_HINTS):
        found.append(Finding("signature", WARNING,
                             "Odpowiedź nie kończy się podpisem (np. „Pozdrawiamy, zespół "
                             "urzędu”)."))
    for pattern in BLAME:
        match = re.search(pattern, plain)
        if match:
            found.append(Finding("tone", WARNING, "Sformułowanie może brzmieć jak obwinianie "
                                 "lub ironia; lepiej spokojnie wyjaśnić.",
                                 text[match.start():match.end()]))
            break
    if re.search(r"[!?]{2,}", text):
        found.append(Finding("tone", WARNING, "Wielokrotne wykrzykniki lub pytajniki brzmią "
                             "nerwowo.", re.search(r"[!?]{2,}", text).group()))
    for phrase in style.jargon:
        folded = _plain(phrase).strip()
        if folded and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", plain):
            found.append(Finding("jargon", WARNING, f"Urzędowy żargon: „{phrase}”. Prościej "
                                 "będzie po prostu to powiedzieć.", phrase))
    for sentence in _sentences(text):
        words = len(re.findall(r"\w+", sentence))
        if words > LONG_SENTENCE_WORDS:
            found.append(Finding("long_sentence", WARNING,
                                 f"Zdanie ma {words} słów; łatwiej się czyta do 20–25.",
                                 sentence[:80]))
    for pattern in DECISION:
        match = re.search(pattern, plain)
        if match:
            found.append(Finding("decision", WARNING,
                                 "To brzmi jak decyzja administracyjna, a odpowiedź w mediach "
                                 "społecznościowych jest tylko informacją (art. 9 KPA). "
                                 "Sprawy rozstrzyga się pisemnie.",
                                 text[match.start():match.end()]))
            break
    if public:
        match = ASKS_FOR_DATA.search(plain)
        if match:
            found.append(Finding("asks_for_data", WARNING,
                                 "Publiczna odpowiedź prosi o dane osobowe. Poproś o kontakt "
                                 "w wiadomości prywatnej albo przez ePUAP.",
                                 text[match.start():match.end()]))
        items = [i for i in personal.find(text) if not _own(text, i, style.own_contacts)]
        if items:
            kinds = sorted({i.type for i in items})
            found.append(Finding("personal_data", BLOCKING,
                                 "Publiczna odpowiedź zawiera dane osobowe (" + ", ".join(kinds)
                                 + "). Usuń je albo odpowiedz prywatnie.",
                                 ", ".join(personal.preview(text, i) for i in items)))
    return found


def office_style(office) -> Style:
    """The style an office configured (greeting, signature, its jargon list)."""
    jargon = [line.strip() for line in (office.reply_jargon or "").splitlines() if line.strip()]
    return Style(require_greeting=office.reply_greeting_required,
                 signature=office.reply_signature, jargon=jargon or list(DEFAULT_JARGON),
                 own_contacts=[office.email, office.phone, office.address,
                               office.epuap_address, office.edoreczenia_address])


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == BLOCKING]
