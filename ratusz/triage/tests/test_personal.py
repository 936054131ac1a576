"""The personal-data analyser: each type with its exact span, the hard negatives, masking, and
property tests on checksum-valid (and one-digit-off) identifiers inside random Polish text."""

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban as stdnum_iban
from stdnum.pl import pesel as stdnum_pesel
from stdnum.pl import regon as stdnum_regon

from ratusz.triage.analysis import personal
from ratusz.triage.analysis.base import PersonalData
from ratusz.triage.analysis.normalize import fold


def found(text: str) -> list[tuple[str, str]]:
    return [(item.type, text[item.start:item.end]) for item in personal.find(text)]


# ---------------------------------------------------------------------------------------------
# Every type, exact spans

FOUND = [
    # identifiers
    ("Mój PESEL to 44051401359, proszę o sprawdzenie.", [("pesel", "44051401359")]),
    ("PESEL syna: 02270803624.", [("pesel", "02270803624")]),
    ("pesel 440514 01359", [("pesel", "440514 01359")]),
    ("Mój NIP 5260250274, proszę o fakturę.", [("nip", "5260250274")]),
    ("NIP: 526-025-02-74", [("nip", "526-025-02-74")]),
    ("prowadzę działalność, mój NIP PL5260250274", [("nip", "5260250274")]),
    ("REGON 192598184", [("regon", "192598184")]),
    ("mój regon to 19259818400008", [("regon", "19259818400008")]),
    ("Zgubiłem dowód ABA300000 wczoraj", [("id_card", "ABA300000")]),
    ("seria i numer dowodu: ABA 300000", [("id_card", "ABA 300000")]),
    ("numer dowodu aba300000", [("id_card", "aba300000")]),
    ("Paszport EA1234567 ważny do 2030 r.", [("passport", "EA1234567")]),
    ("Proszę o zwrot na PL61 1090 1014 0000 0712 1981 2874, dziękuję.",
     [("iban", "PL61 1090 1014 0000 0712 1981 2874")]),
    ("konto PL61109010140000071219812874", [("iban", "PL61109010140000071219812874")]),
    ("nr rachunku 61 1090 1014 0000 0712 1981 2874.",
     [("iban", "61 1090 1014 0000 0712 1981 2874")]),
    ("nr konta: 61109010140000071219812874", [("iban", "61109010140000071219812874")]),
    ("Refund to DE89 3704 0044 0532 0130 00 please", [("iban", "DE89 3704 0044 0532 0130 00")]),
    ("IBAN GB29NWBK60161331926819.", [("iban", "GB29NWBK60161331926819")]),
    # phones
    ("Proszę dzwonić +48 600 123 456 po 16.", [("phone", "+48 600 123 456")]),
    ("tel. 600-123-456", [("phone", "600-123-456")]),
    ("Mój numer 600123456", [("phone", "600123456")]),
    ("0048 600 123 456 to mój numer", [("phone", "0048 600 123 456")]),
    ("+48600123456", [("phone", "+48600123456")]),
    ("Stacjonarny (22) 123 45 67, komórka 601 234 567",
     [("phone", "(22) 123 45 67"), ("phone", "601 234 567")]),
    ("dzwońcie 22 123-45-67", [("phone", "22 123-45-67")]),
    ("Mieszkam w Anglii, numer +44 20 7946 0958.", [("phone", "+44 20 7946 0958")]),
    ("call +1 202-555-0143 any time", [("phone", "+1 202-555-0143")]),
    # e-mail
    ("Proszę pisać na anna.nowak+gmina@gmail.com, dziękuję",
     [("email", "anna.nowak+gmina@gmail.com")]),
    ("jan_kowalski1990@o2.pl.", [("email", "jan_kowalski1990@o2.pl")]),
    # addresses
    ("Mieszkam przy ul. Lipowa 12/4 od lat.", [("address", "ul. Lipowa 12/4")]),
    ("ulica Kwiatowa 5 m. 3", [("address", "ulica Kwiatowa 5 m. 3")]),
    ("Adres: al. Jana Pawła II 15, proszę przesłać", [("address", "al. Jana Pawła II 15")]),
    ("os. Słoneczne 4/12", [("address", "os. Słoneczne 4/12")]),
    ("mieszkam na Lipowej 12 i nikt nie odbiera śmieci", [("address", "Lipowej 12")]),
    ("mieszkam na lipowej 12", [("address", "lipowej 12")]),
    ("Kwiatowa 5, 21-100 Lubartów", [("address", "Kwiatowa 5, 21-100 Lubartów")]),
    ("ul. Kwiatowa 5, 21-100 Lubartów, proszę o kontakt",
     [("address", "ul. Kwiatowa 5, 21-100 Lubartów")]),
    ("21-100 Lubartów, ul. Lipowa 12", [("address", "21-100 Lubartów, ul. Lipowa 12")]),
    ("ul. 3 Maja 5", [("address", "ul. 3 Maja 5")]),
    ("Na ul. 11 Listopada 4a/2 nie ma wody", [("address", "ul. 11 Listopada 4a/2")]),
    # health, with and without diacritics
    ("Jestem po udarze i nie mogę przyjść.", [("health", "Jestem po udarze")]),
    ("Syn ma autyzm, czy przysługuje asystent?", [("health", "ma autyzm")]),
    ("mama po chemioterapii potrzebuje transportu", [("health", "po chemioterapii")]),
    ("Mam orzeczenie o niepełnosprawności",
     [("health", "Mam orzeczenie o niepełnosprawności")]),
    ("mam orzeczenie o niepelnosprawnosci",
     [("health", "mam orzeczenie o niepelnosprawnosci")]),
    ("Jestem w ciąży, jakie dokumenty do becikowego?", [("health", "Jestem w ciąży")]),
    ("jestem w ciazy", [("health", "jestem w ciazy")]),
    ("Choruję na cukrzycę od lat", [("health", "Choruję na cukrzycę")]),
    ("choruje na cukrzyce", [("health", "choruje na cukrzyce")]),
    ("Leczę się psychiatrycznie", [("health", "Leczę się psychiatrycznie")]),
    ("Mój mąż jest alkoholikiem", [("health", "jest alkoholikiem")]),
    ("Brat jest na wózku inwalidzkim", [("health", "jest na wózku inwalidzkim")]),
    ("nowotwór u mojego taty", [("health", "nowotwór")]),
    # several at once, in order
    ("Jan Kowalski, PESEL 44051401359, ul. Lipowa 12/4, 21-100 Lubartów, tel. 600 123 456, "
     "jan.kowalski@wp.pl",
     [("pesel", "44051401359"), ("address", "ul. Lipowa 12/4, 21-100 Lubartów"),
      ("phone", "600 123 456"), ("email", "jan.kowalski@wp.pl")]),
    ("Mój numer 44051401359 600 123 456", [("pesel", "44051401359"), ("phone", "600 123 456")]),
    # an institution mentioned, but the data is the writer's
    ("Urząd, proszę oddzwonić na 600 123 456", [("phone", "600 123 456")]),
    ("Przelałem do gminy z mojego konta 61 1090 1014 0000 0712 1981 2874",
     [("iban", "61 1090 1014 0000 0712 1981 2874")]),
    ("Jestem właścicielem firmy, mój NIP to 5260250274", [("nip", "5260250274")]),
    ("Droga gminna, NIP 5260250274", [("nip", "5260250274")]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t[:40] for t, _ in FOUND])
def test_found_with_exact_spans(text, expected):
    assert found(text) == expected


NOT_PERSONAL = [
    # a company's or an institution's NIP / REGON
    "NIP firmy 5260250274, proszę o fakturę.",
    "Budex sp. z o.o., NIP 5260250274, REGON 192598184",
    "Budex Sp. Z o.o. NIP: 526-025-02-74",
    "Firma Budex S.A., NIP 526-025-02-74",
    "5260250274 Budex spółka z o.o.",
    "hurtownia Ala, REGON 192598184",
    "NIP gminy 5260250274",
    "KRS 0000123456, NIP 5260250274",
    # wrong check digits, also when labelled
    "PESEL 44051401358",
    "NIP 5260250275",
    "REGON 192598185",
    "dowód ABA300001",
    "konto PL61 1090 1014 0000 0712 1981 2875",
    # case references, parcels, dates, money, postal codes
    "W sprawie GK.6220.3.2024 proszę o informację.",
    "nr sprawy RO.6730.12.2025",
    "działka nr 123/4 w obrębie Kolonia",
    "Uchwała nr XII/123/2024 z dnia 12.03.2024 r.",
    "nr sprawy 123456789",
    "Zgłoszenie nr 600123456 przyjęte",
    "Odbiór 12.05.2025 o 8:30, a 2024-03-12 też",
    "Gmina wydała 1 500 000 zł, a planuje 150 000 000 zł",
    "Stawka wynosi 150 000 000",
    "21-100 Lubartów",
    # emergency numbers
    "Dzwońcie na 112, 997, 998, 999 albo 986!",
    # a street without a number
    "na ulicy Polnej nie świeci lampa",
    "na ulicy Polnej od 3 dni nie świeci lampa",
    "Mieszkam w Lubartowie od 12 lat",
    # not health
    "To chory pomysł",
    "Szpital powiatowy otwarty w niedzielę",
    "Ta gmina jest chora",
    "gmina choruje na brak pieniędzy",
    "Bezpłatne badania w kierunku cukrzycy dla mieszkańców",
    "Mam pytanie o program dla osób niepełnosprawnych",
    "Parking dla niepełnosprawnych przy urzędzie jest zajęty",
    "Kobiety w ciąży mogą parkować na miejscach rodzinnych",
    "Na gminie ciąży obowiązek utrzymania drogi",
    "Syn ma jedynkę z chemii",
    "Kampania profilaktyki raka piersi",
    # the office's (or a company's) own mailbox, phone and account
    "Piszcie na sekretariat@gmina.pl",
    "Dzwoniłam do urzędu na 81 855 20 30 i nikt nie odbiera",
    "Hurtownia Ala, tel. 600 123 456",
    "Wpłaciłem na konto urzędu 61 1090 1014 0000 0712 1981 2874",
]


@pytest.mark.parametrize("text", NOT_PERSONAL)
def test_not_personal_data(text):
    assert found(text) == []
    assert personal.analyze(text, fold(text)).score == 0


def test_labelled_number_that_fails_its_checksum_is_not_a_phone():
    # Nine digits called a REGON are not a phone number even when the REGON is wrong.
    assert found("REGON 600123457") == []


def test_identifier_wins_over_phone_unless_written_as_a_phone():
    # 600000004 is both a valid mobile number and a checksum-valid REGON.
    assert found("600000004") == [("regon", "600000004")]
    assert found("tel. 600000004") == [("phone", "600000004")]
    assert found("+48 600 000 004") == [("phone", "+48 600 000 004")]
    assert found("600 000 004") == [("phone", "600 000 004")]
    assert found("hurtownia Ala 600000004") == []  # a company's REGON, and so not a phone


def test_folded_text_gives_the_same_result():
    # `_find` bypasses the one-text cache that `find` keeps for the triage's second call.
    for text, _ in FOUND:
        assert personal._find(text, fold(text)) == personal._find(text, None)


def test_find_returns_a_fresh_list_for_the_same_text():
    text = "PESEL 44051401359"
    first = personal.find(text)
    first.clear()
    assert personal.find(text) == [PersonalData("pesel", 6, 17)]


def test_items_are_sorted_and_do_not_overlap():
    for text, _ in FOUND:
        items = personal.find(text)
        for a, b in zip(items, items[1:], strict=False):
            assert a.end <= b.start


# ---------------------------------------------------------------------------------------------
# analyze and mask


def test_analyze_scores_and_masked_evidence():
    text = "Mój PESEL 44051401359, tel. 600 123 456, jestem po udarze"
    finding = personal.analyze(text, fold(text))
    assert finding.score == 1.0
    assert [(e.flag, e.reason) for e in finding.evidence] == [
        ("personal_data", "pesel"), ("personal_data", "phone"), ("personal_data", "health")]
    for evidence in finding.evidence:
        value = text[evidence.start:evidence.end]
        assert value not in evidence.detail
        assert "*" in evidence.detail or evidence.reason == "health"
    assert finding.evidence[0].detail.startswith("PESEL 4405")

    phone_only = "tel. 600 123 456"
    assert personal.analyze(phone_only, fold(phone_only)).score == pytest.approx(0.9)
    health_only = "syn ma autyzm"
    assert personal.analyze(health_only, fold(health_only)).score == pytest.approx(0.8)
    nothing = "Kiedy odbiór śmieci?"
    assert personal.analyze(nothing, fold(nothing)).evidence == []


def test_email_preview_hides_the_local_part():
    text = "pisz: jan.kowalski@wp.pl"
    [evidence] = personal.analyze(text, fold(text)).evidence
    assert evidence.detail == "E-MAIL j***@wp.pl"


def test_mask():
    text = "PESEL 44051401359, ul. Lipowa 12/4, tel. +48 600 123 456, a@b.pl; jestem w ciąży."
    assert personal.mask(text, personal.find(text)) == (
        "PESEL [PESEL], [ADRES], tel. [TELEFON], [E-MAIL]; [ZDROWIE].")
    assert personal.mask("nic tu nie ma", []) == "nic tu nie ma"


# ---------------------------------------------------------------------------------------------
# Properties: valid identifiers in random Polish text are always found, one digit off never

WORDS = ("dzień", "dobry", "proszę", "o", "informację", "w", "sprawie", "odbioru", "śmieci",
         "przy", "drodze", "gminnej", "czy", "można", "złożyć", "wniosek", "osobiście", "bo",
         "już", "trzeci", "raz", "piszę", "żeby", "ktoś", "wreszcie", "odpowiedział", "źle",
         "się", "dzieje", "w", "naszej", "wsi", "pozdrawiam", "serdecznie", "Łukasz", "Zofia",
         "12", "2024", "3", "r.", "ok", "dziękuję", "szybko", "jutro", "wczoraj", "sołtys",
         "zebranie", "świetlica", "mostek", "rów", "lampa", "chodnik", "dzieci", "boisko")
LEFT = (" ", ": ", " nr ", " (", "\n", " - ")
RIGHT = (" ", ", ", ". ", ") ", "\n", "!")


@st.composite
def embedded(draw, identifier):
    value = draw(identifier)
    before = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))
    after = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=8)))
    text = before + draw(st.sampled_from(LEFT)) + value + draw(st.sampled_from(RIGHT)) + after
    start = text.index(value, len(before))
    return text, start, start + len(value), value


def digits(n):
    return st.text(string.digits, min_size=n, max_size=n)


@st.composite
def pesels(draw):
    year = draw(st.integers(1800, 2299))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    offset = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[year // 100]
    base = f"{year % 100:02d}{month + offset:02d}{day:02d}" + draw(digits(4))
    return base + stdnum_pesel.calc_check_digit(base)


NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def _nip_check(base: str) -> int:
    return sum(w * int(n) for w, n in zip(NIP_WEIGHTS, base, strict=True)) % 11


@st.composite
def nips(draw):
    # The first three digits are a tax office's code, which never starts with 0 (a grouped
    # "012-345-67-89" reads as a landline with its old trunk 0).
    base = draw(st.builds(str.__add__, st.sampled_from("123456789"), digits(8))
                .filter(lambda b: _nip_check(b) != 10))
    check = _nip_check(base)
    value = base + str(check)
    fmt = draw(st.sampled_from(("plain", "dash", "dash2", "space")))
    if fmt == "dash":
        return f"{value[:3]}-{value[3:6]}-{value[6:8]}-{value[8:]}"
    if fmt == "dash2":
        return f"{value[:3]}-{value[3:5]}-{value[5:7]}-{value[7:]}"
    if fmt == "space":
        return f"{value[:3]} {value[3:6]} {value[6:8]} {value[8:]}"
    return value


@st.composite
def regons(draw):
    base = draw(digits(8))
    value = base + stdnum_regon.calc_check_digit(base)
    if draw(st.booleans()):
        value += draw(digits(4))
        value += stdnum_regon.calc_check_digit(value)
    return value


@st.composite
def polish_ibans(draw):
    bban = draw(digits(24))
    nrb = stdnum_iban.calc_check_digits("PL00" + bban) + bban
    grouped = " ".join([nrb[:2]] + [nrb[i:i + 4] for i in range(2, 26, 4)])
    return draw(st.sampled_from((nrb, grouped, "PL" + nrb, "PL" + grouped,
                                 "PL" + stdnum_iban.format("PL" + nrb)[2:])))


@st.composite
def foreign_ibans(draw):
    country, bban = draw(st.sampled_from((
        ("DE", st.builds("".join, st.lists(st.sampled_from(string.digits), min_size=18,
                                           max_size=18))),
        ("GB", st.builds(lambda bank, n: bank + n, st.sampled_from(("NWBK", "BARC", "HBUK")),
                         digits(14))),
        ("NL", st.builds(lambda bank, n: bank + n, st.sampled_from(("ABNA", "INGB", "RABO")),
                         digits(10))),
    )))
    body = draw(bban)
    value = country + stdnum_iban.calc_check_digits(country + "00" + body) + body
    return stdnum_iban.format(value) if draw(st.booleans()) else value


def _document(letters: str, rest: str, weights: tuple[int, ...], check_at: int) -> str:
    chars = letters + "0" + rest
    values = [ord(c) - 55 if c.isalpha() else int(c) for c in chars]
    total = sum(v * w for i, (v, w) in enumerate(zip(values, weights, strict=True))
                if i != check_at)
    return letters + str(total % 10) + rest


@st.composite
def id_cards(draw):
    letters = draw(st.text(string.ascii_uppercase, min_size=3, max_size=3))
    value = _document(letters, draw(digits(5)), (7, 3, 1, 9, 7, 3, 1, 7, 3), 3)
    if draw(st.booleans()) and letters not in personal._DOCUMENT_STOP:
        return value[:3] + " " + value[3:]  # "ABA 300000" ("PIN 123456" is not a series)
    return value


@st.composite
def passports(draw):
    letters = draw(st.text(string.ascii_uppercase, min_size=2, max_size=2))
    return _document(letters, draw(digits(6)), (7, 3, 9, 1, 7, 3, 1, 7, 3), 2)


IDENTIFIER_CASES = [("pesel", pesels()), ("nip", nips()), ("regon", regons()),
                    ("iban", polish_ibans()), ("iban", foreign_ibans()), ("id_card", id_cards()),
                    ("passport", passports())]


@pytest.mark.parametrize(("kind", "strategy"), IDENTIFIER_CASES,
                         ids=[f"{k}-{i}" for i, (k, _) in enumerate(IDENTIFIER_CASES)])
def test_valid_identifier_in_random_text_is_found(kind, strategy):
    @settings(max_examples=120, deadline=None)
    @given(embedded(strategy))
    def check(case):
        text, start, end, value = case
        items = personal.find(text)
        assert [(i.type, i.start, i.end) for i in items if i.start < end and start < i.end] == [
            (kind, start, end)], (text, found(text))

    check()


def _off_by_one(value: str, position: int, delta: int) -> str:
    """`value` with the digit at `position` (counted among digits only) changed by delta."""
    chars = list(value)
    digit_positions = [i for i, c in enumerate(chars) if c.isdigit()]
    at = digit_positions[position % len(digit_positions)]
    chars[at] = str((int(chars[at]) + delta) % 10)
    return "".join(chars)


def _last_digit(value: str) -> int:
    return sum(c.isdigit() for c in value) - 1


@pytest.mark.parametrize(("kind", "strategy"), IDENTIFIER_CASES,
                         ids=[f"{k}-{i}" for i, (k, _) in enumerate(IDENTIFIER_CASES)])
def test_wrong_check_digit_is_not_that_identifier(kind, strategy):
    @settings(max_examples=80, deadline=None)
    @given(embedded(strategy), st.integers(1, 9))
    def check(case, delta):
        text, start, end, value = case
        check_at = {"id_card": 0, "passport": 0}.get(kind, _last_digit(value))
        wrong = _off_by_one(value, check_at, delta)
        text = text[:start] + wrong + text[end:]
        assert kind not in [i.type for i in personal.find(text)
                            if i.start < end and start < i.end], text

    check()


@given(st.sampled_from(("50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88")),
       digits(7), st.sampled_from(("+48 {} {} {}", "{}-{}-{}", "{} {} {}", "0048 {} {} {}",
                                   "tel. {}{}{}")))
@settings(max_examples=100, deadline=None)
def test_mobile_phone_formats(prefix, rest, pattern):
    number = prefix + rest
    shown = pattern.format(number[:3], number[3:6], number[6:])
    value = shown.removeprefix("tel. ")
    text = f"Proszę o kontakt {shown} po południu"
    start = text.index(value)
    assert [(i.type, i.start, i.end) for i in personal.find(text)] == [
        ("phone", start, start + len(value))]
