"""Generator, checks and lint for the regulamin (rules) of an office's social-media page.

Pure Python on purpose: the desk, the CLI and the tests all use it without Django. The text is
formal Polish; the rules follow Watchdog Polska, the RPO and WSA Gdańsk II SAB/Gd 91/20: a closed,
law-based list of removal reasons, criticism explicitly allowed, graduated sanctions, an appeal
path that works without Facebook, and a written statement of reasons for every act.
"""

import re
import unicodedata
from dataclasses import dataclass, field


@dataclass
class OfficeFacts:
    name: str
    kind: str  # "gmina" | "miasto" | "powiat" | "unit"
    address: str = ""
    email: str = ""
    phone: str = ""
    bip_url: str = ""
    website_url: str = ""
    epuap_address: str = ""
    edoreczenia_address: str = ""
    hours_text: str = ""
    complaints_text: str = ""
    operators: str = ""
    external_operator: str = ""
    head_title: str = ""
    order_number: str = ""
    adopted_on: str = ""
    version: int = 1
    channels: list[tuple[str, str]] = field(default_factory=list)
    appeal_url: str = ""
    register_url: str = ""
    gdpr_url: str = ""
    iod_email: str = ""
    accessibility_url: str = ""
    restriction_days: tuple[int, ...] = (7, 30, 90)
    block_review_days: int = 90
    appeal_months: int = 6


@dataclass
class ClauseDraft:
    number: str
    key: str
    title: str
    text: str
    legal_ground: str
    kind: str  # "removal" | "procedure"
    allows_delete: bool = False
    allows_permanent_block: bool = False


@dataclass
class LintFinding:
    where: str
    phrase: str
    message: str


SECTIONS: list[tuple[str, str]] = [
    ("owner", "Właściciel strony i kontakt"),
    ("operators", "Kto prowadzi stronę"),
    ("purpose", "Cel strony"),
    ("official_channels", "Strona nie jest oficjalnym kanałem załatwiania spraw"),
    ("informational", "Odpowiedzi mają charakter informacyjny"),
    ("removal", "Zasady dyskusji i treści usuwane"),
    ("sanctions", "Stopniowanie reakcji i zasady blokowania"),
    ("appeals", "Odwołania"),
    ("gdpr", "Ochrona danych osobowych"),
    ("accessibility", "Dostępność"),
    ("elections", "Okres wyborczy"),
    ("final", "Postanowienia końcowe"),
]
MANDATORY: frozenset[str] = frozenset(key for key, _ in SECTIONS)
PLACEHOLDER = "[UZUPEŁNIJ"
SECTION_NO: dict[str, int] = {key: i for i, (key, _) in enumerate(SECTIONS, start=1)}
_HEADINGS = dict(SECTIONS)

_MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia")

# Noun forms per kind of office, so sentences stay grammatical without declining `name`.
_URZAD = {"office": "urząd", "gen": "urzędu", "acc": "urząd", "loc": "urzędzie",
          "with": "z urzędem", "poss": "jego"}
_KINDS = {
    "gmina": {**_URZAD, "area": "gminy"},
    "miasto": {**_URZAD, "area": "miasta"},
    "powiat": {"office": "starostwo", "gen": "starostwa", "acc": "starostwo", "loc": "starostwie",
               "with": "ze starostwem", "poss": "jego", "area": "powiatu"},
    "unit": {"office": "jednostka", "gen": "jednostki", "acc": "jednostkę", "loc": "jednostce",
             "with": "z jednostką", "poss": "jej", "area": ""},
}
_TITLE_GENITIVE = {"wójt": "Wójta", "burmistrz": "Burmistrza", "prezydent": "Prezydenta",
                   "starosta": "Starosty", "dyrektor": "Dyrektora", "kierownik": "Kierownika",
                   "zarząd": "Zarządu", "prezes": "Prezesa", "komendant": "Komendanta"}


def _need(value: str, what: str) -> str:
    """The fact, or a visible placeholder saying what is missing; never an invented value."""
    value = (value or "").strip()
    return value if value else f"{PLACEHOLDER}: {what}]"


def _date_words(iso: str) -> str | None:
    """'2026-11-02' -> '2 listopada 2026 r.'; None if the value is not a plausible ISO date."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", (iso or "").strip())
    if not m or not 1 <= int(m[2]) <= 12 or not 1 <= int(m[3]) <= 31:
        return None
    return f"{int(m[3])} {_MONTHS[int(m[2]) - 1]} {m[1]} r."


def _genitive(title: str) -> str:
    """'Wójt Gminy X' -> 'Wójta Gminy X', 'Starosta Powiatowy' -> 'Starosty Powiatowego'."""
    words = title.split(" ")
    if not words or words[0].lower() not in _TITLE_GENITIVE:
        return title
    words[0] = _TITLE_GENITIVE[words[0].lower()]
    if len(words) > 1:
        # Bielski -> Bielskiego, Powiatowy -> Powiatowego.
        words[1] = re.sub(r"(ski|cki|owy)$",
                          lambda m: m[1] + "ego" if m[1] != "owy" else "owego", words[1])
    return " ".join(words)


def _days(n: int) -> str:
    return "1 dzień" if n == 1 else f"{n} dni"


def _join(items: list[str]) -> str:
    """'a, b i c'."""
    return " i ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


# --- clauses -----------------------------------------------------------------------------------

_KK = "Kodeksu karnego"


def _clauses(f: OfficeFacts, k: dict[str, str]) -> list[ClauseDraft]:
    rem, san, app = SECTION_NO["removal"], SECTION_NO["sanctions"], SECTION_NO["appeals"]
    netiquette = f"zasady netykiety (§ {rem} regulaminu)"
    staff = f"pracowników {k['gen']}"
    removal = [
        ("threats", "Groźby i nawoływanie do przemocy",
         f"Groźby wobec innych osób, w tym użytkowników strony i {staff}, nawoływanie do przemocy "
         "lub do popełnienia przestępstwa oraz pochwalanie przestępstw. Treść może zostać "
         f"usunięta, a konto zablokowane na stałe na zasadach § {san}.",
         f"art. 190 i art. 255 {_KK}", True, True),
        ("hate", "Mowa nienawiści",
         "Nawoływanie do nienawiści na tle różnic narodowościowych, etnicznych, rasowych lub "
         "wyznaniowych albo ze względu na bezwyznaniowość oraz publiczne znieważanie grupy lub "
         "osoby z tych powodów. Treść może zostać usunięta.",
         f"art. 256 i art. 257 {_KK}", True, False),
        ("insults", "Znieważanie i zniesławianie",
         f"Znieważanie lub zniesławianie innych osób, w tym użytkowników strony i {staff}, oraz "
         "naruszanie ich dóbr osobistych. Rzeczowa krytyka działalności osób pełniących funkcje "
         "publiczne jest dozwolona i nie jest zniesławieniem. Treść jest ukrywana, nie usuwana.",
         f"art. 212 i art. 216 {_KK}, art. 23 i art. 24 Kodeksu cywilnego", False, False),
        ("vulgar", "Wulgaryzmy",
         "Wulgaryzmy, także zapisane z użyciem symboli zastępujących litery. Komentarz jest "
         "ukrywany; autor może opublikować swoją wypowiedź ponownie bez wulgaryzmów.",
         netiquette, False, False),
        ("personal_data", "Dane osobowe",
         "Publikowanie danych osobowych własnych lub cudzych, w szczególności numeru PESEL, serii "
         "i numeru dowodu osobistego lub paszportu, numeru rachunku bankowego, adresu "
         "zamieszkania oraz danych o zdrowiu. Takie komentarze mogą być ukrywane automatycznie, "
         "aby chronić osobę, której dane dotyczą; autor otrzymuje prywatną wiadomość ze "
         f"wskazaniem bezpiecznej drogi kontaktu {k['with']}. "
         "Treść nie jest usuwana.",
         "art. 5 i art. 9 RODO", False, False),
        ("spam", "Spam, reklama i oszustwa",
         "Spam, reklama i oferty handlowe niezwiązane z tematem wpisu, konkursy komercyjne oraz "
         "linki do stron wyłudzających dane lub pieniądze. Treść może zostać usunięta, a konto "
         "rozsyłające spam zablokowane na stałe.",
         f"{netiquette}; przy linkach do oszustw także art. 286 {_KK}", True, True),
        ("fake_account", "Fałszywe konta i podszywanie się",
         f"Konta fałszywe oraz podszywanie się pod inne osoby, w tym pod {k['acc']}, "
         f"{k['poss']} organy lub pracowników. Używanie pseudonimu nie jest podszywaniem się. "
         "Treść może zostać usunięta, a konto zablokowane na stałe.",
         f"art. 190a § 2 {_KK}", True, True),
        ("illegal", "Inne treści zabronione przez prawo",
         "Inne treści, których rozpowszechnianie jest zabronione przez prawo, w szczególności "
         "treści pornograficzne, propagowanie faszystowskiego lub innego totalitarnego ustroju "
         "państwa oraz naruszanie praw autorskich. Treść może zostać usunięta.",
         f"m.in. art. 202 i art. 256 {_KK}, art. 116 ustawy z dnia 4 lutego 1994 r. "
         "o prawie autorskim i prawach pokrewnych", True, False),
        ("election_silence", "Agitacja w czasie ciszy wyborczej",
         "Agitacja wyborcza w okresie ciszy wyborczej, czyli w ciągu 24 godzin przed dniem "
         "głosowania oraz w dniu głosowania do jego zakończenia. Komentarz jest wyłącznie "
         f"ukrywany, na zasadach § {SECTION_NO['elections']}.",
         "art. 107 § 1 Kodeksu wyborczego", False, False),
        ("off_topic_flood", "Zalewanie wątku",
         "Wielokrotne publikowanie tej samej lub bardzo podobnej treści albo zalewanie wątku "
         "wpisami w sposób, który utrudnia innym użytkownikom udział w dyskusji. Ukrywane są "
         "powtórzenia; pierwsza wypowiedź pozostaje widoczna, jeżeli nie narusza innych punktów.",
         netiquette, False, False),
        ("repeated_unlawful", "Uporczywe publikowanie treści bezprawnych",
         "Uporczywe publikowanie treści, o których mowa w pkt {unlawful}, mimo wcześniejszego "
         "ukrycia takich treści i ostrzeżenia autora. Może prowadzić do stałej blokady na "
         f"zasadach § {san}; z tego powodu treść nie jest usuwana.",
         "przepisy powołane w pkt {unlawful} oraz § " + str(san) + " regulaminu", False, True),
    ]
    out = [ClauseDraft(f"{rem}.{i}", key, title, text, ground, "removal", delete, block)
           for i, (key, title, text, ground, delete, block) in enumerate(removal, start=1)]
    num = {c.key: c.number for c in out}
    unlawful = _join([num[x] for x in ("threats", "hate", "insults", "personal_data",
                                          "fake_account", "illegal", "election_silence")])
    for c in out:
        c.text = c.text.replace("{unlawful}", unlawful)
        c.legal_ground = c.legal_ground.replace("{unlawful}", unlawful)
    blockable = _join([f"{c.number} ({c.title.lower()})" for c in out
                       if c.allows_permanent_block])
    massive = _join([num[x] for x in ("threats", "hate", "insults", "illegal")])
    days = [d for d in f.restriction_days if d > 0]
    if len(days) >= 2:
        steps = f"na {_days(days[0])}" + "".join(
            f", a przy kolejnym naruszeniu – na {_days(d)}" for d in days[1:-1])
        restriction = (f"Jeżeli autor ponownie narusza regulamin po ostrzeżeniu, można ograniczyć "
                       f"mu możliwość komentowania {steps}. Przy dalszych naruszeniach "
                       f"ograniczenie może trwać do {_days(days[-1])}.")
    else:
        limit = _days(days[0]) if days else _need("", "okresy czasowego ograniczenia (w dniach)")
        restriction = (f"Jeżeli autor ponownie narusza regulamin po ostrzeżeniu, można ograniczyć "
                       f"mu możliwość komentowania na okres do {limit}.")
    rules = f"§ {san} niniejszego regulaminu"
    procedure = [
        (f"{san}.1", "warning", "Ostrzeżenie",
         "Po pierwszym naruszeniu autor otrzymuje prywatne ostrzeżenie, jeżeli serwis na to "
         "pozwala, z uzasadnieniem i wskazaniem naruszonego punktu regulaminu.", rules),
        (f"{san}.2", "restriction", "Czasowe ograniczenie", restriction, rules),
        (f"{san}.3", "permanent_block", "Stała blokada",
         f"Stała blokada konta jest dopuszczalna wyłącznie z powodów wskazanych w pkt {blockable}. "
         "Decyzję podejmują dwie osoby, w tym osoba pełniąca funkcję przełożonego. Każda stała "
         f"blokada podlega przeglądowi co {_days(f.block_review_days)}.", rules),
        (f"{san}.4", "review", "Przegląd i zdjęcie ograniczenia lub blokady",
         "Ograniczenie czasowe wygasa z upływem okresu, na który je nałożono. Stałą blokadę "
         "zdejmuje się, jeżeli przegląd wykaże, że jej utrzymanie nie jest konieczne, "
         "w szczególności gdy autor nie ponawia naruszeń. Wynik przeglądu odnotowuje się "
         "w rejestrze czynności moderacyjnych.", rules),
        (f"{san}.5", "comments_off", "Czasowe wyłączenie komentarzy",
         "Komentarze pod wpisem można czasowo wyłączyć wyłącznie wtedy, gdy masowo pojawiają się "
         f"pod nim treści, o których mowa w pkt {massive}, lub spam, a ukrywanie pojedynczych "
         "komentarzy nie wystarcza. Informację o wyłączeniu, jego przyczynie i przewidywanym "
         "czasie trwania zamieszcza się we wpisie. Nie wyłącza się komentarzy z powodu krytyki.",
         rules),
        (f"{app}.1", "correction", "Przywrócenie treści ukrytej omyłkowo",
         "Treść ukrytą omyłkowo, w tym przez narzędzie automatyczne, przywraca się niezwłocznie "
         "po stwierdzeniu omyłki, także bez odwołania; fakt ten odnotowuje się w rejestrze.",
         f"§ {app} niniejszego regulaminu"),
        (f"{app}.2", "appeal_upheld", "Uwzględnienie odwołania",
         "Po uwzględnieniu odwołania ukrytą treść przywraca się, a ograniczenie lub blokadę "
         "zdejmuje się niezwłocznie. Jeżeli usuniętej treści nie można przywrócić w serwisie, "
         "wnoszący otrzymuje o tym informację i może opublikować ją ponownie.",
         f"§ {app} niniejszego regulaminu"),
    ]
    out += [ClauseDraft(n, key, title, text, ground, "procedure")
            for n, key, title, text, ground in procedure]
    return out


# --- sections ----------------------------------------------------------------------------------

def generate(facts: OfficeFacts) -> tuple[dict[str, str], list[ClauseDraft]]:
    """Section key -> Markdown body (no heading), and the numbered clauses."""
    if facts.kind not in _KINDS:
        raise ValueError(f"unknown office kind {facts.kind!r}; expected one of {sorted(_KINDS)}")
    f, k = facts, _KINDS[facts.kind]
    no = SECTION_NO
    clauses = _clauses(f, k)
    num = {c.key: c.number for c in clauses}
    name = _need(f.name, "nazwa urzędu lub jednostki")
    office, office_gen = k["office"].capitalize(), k["gen"]
    head = _need(f.head_title, f"tytuł kierownika {office_gen}, np. Wójt Gminy …")
    address = _need(f.address, f"adres {office_gen}")
    email = _need(f.email, f"adres e-mail {office_gen}")
    bip = _need(f.bip_url, "adres Biuletynu Informacji Publicznej")
    epuap = _need(f.epuap_address, "adres elektronicznej skrzynki podawczej ePUAP")
    edor = _need(f.edoreczenia_address, "adres do doręczeń elektronicznych")
    area = f" i o sprawach {k['area']}" if k["area"] else ""
    s: dict[str, str] = {}

    contact = [f"adres: {address}", f"e-mail: {email}",
               f"telefon: {_need(f.phone, f'numer telefonu {office_gen}')}",
               f"Biuletyn Informacji Publicznej: {bip}"]
    if f.website_url.strip():
        contact.append(f"strona internetowa: {f.website_url.strip()}")
    s["owner"] = (f"Właścicielem strony jest **{name}**.\n\n{_bullets(contact)}\n\n"
                  f"Regulamin ustala {head} w drodze zarządzenia, o którym mowa w § {no['final']}.")

    if f.external_operator.strip():
        external = (f"Przy prowadzeniu strony {k['office']} korzysta z usług podmiotu "
                    f"zewnętrznego: {f.external_operator.strip().rstrip('.')}. Za treść strony "
                    "i za czynności "
                    f"moderacyjne odpowiada {name}.")
    else:
        external = "Strona nie jest prowadzona przez podmiot zewnętrzny."
    channels = [f"{n.strip()} – {u.strip()}" for n, u in f.channels if n.strip() or u.strip()]
    if not channels:
        channels = [_need("", "lista stron i kont objętych regulaminem (nazwa i adres)")]
    s["operators"] = (
        f"Stronę prowadzą pracownicy {office_gen}: "
        f"{_need(f.operators.strip().rstrip('.'), 'komórka i stanowiska prowadzących stronę')}. "
        "Na stronie nie podaje się imion i nazwisk tych osób; informację o tym, kto przygotował "
        "dany wpis, udostępnia się na zasadach dostępu do informacji publicznej. "
        f"{external}\n\nRegulamin obejmuje następujące strony i konta:\n\n{_bullets(channels)}\n\n"
        "Publiczny rejestr czynności moderacyjnych podejmowanych na tych stronach jest dostępny "
        f"pod adresem {_need(f.register_url, 'adres publicznego rejestru moderacji')}.")

    purposes = [f"informowaniu o pracy {office_gen}{area}, a także o wydarzeniach i komunikatach "
                "ważnych dla mieszkańców;",
                "prowadzeniu dialogu z mieszkańcami i poznawaniu ich opinii;",
                f"odpowiadaniu na pytania dotyczące działalności {office_gen} i sposobu "
                "załatwiania spraw."]
    s["purpose"] = (
        f"Strona służy:\n\n{_bullets(purposes)}\n\n"
        "Komunikaty urzędowe zamieszczane na stronie są publikowane również w Biuletynie "
        "Informacji Publicznej lub na stronie internetowej, tak aby były dostępne także dla osób, "
        "które nie korzystają z serwisów społecznościowych lub nie mogą komentować na stronie.")

    s["official_channels"] = (
        "Strona nie jest oficjalnym kanałem załatwiania spraw urzędowych. Komentarz ani "
        "wiadomość na stronie nie są podaniem w rozumieniu art. 63 Kodeksu postępowania "
        "administracyjnego. Podania (w tym wnioski o wydanie decyzji lub zaświadczenia oraz "
        "odwołania), skargi, wnioski i petycje wywołują skutki prawne wyłącznie wtedy, gdy "
        "zostaną wniesione jedną z dróg wskazanych poniżej.\n\n" + _bullets([
            f"Biuletyn Informacji Publicznej (informacje o sposobie załatwiania spraw): {bip};",
            f"elektroniczna skrzynka podawcza ePUAP: {epuap};",
            f"adres do doręczeń elektronicznych: {edor};",
            f"adres do korespondencji i wnoszenia pism w kancelarii: {address};",
            f"godziny pracy {office_gen}: {_need(f.hours_text, f'godziny pracy {office_gen}')};",
            f"e-mail: {email}."]) + "\n\n"
        "Podania w sprawach administracyjnych wnosi się pisemnie, ustnie do protokołu albo "
        "elektronicznie na adres do doręczeń elektronicznych lub przez ePUAP (art. 63 § 1 "
        "Kodeksu postępowania administracyjnego). Podanie przesłane na zwykły adres e-mail "
        "albo w wiadomości na stronie nie wywołuje skutków podania; urząd wskazuje wtedy, jak "
        "je wnieść.\n\n"
        f"Skargi i wnioski (dział VIII Kodeksu postępowania administracyjnego) można składać "
        f"pisemnie, pocztą elektroniczną na adres {email} albo ustnie do protokołu. {head} "
        "przyjmuje interesantów w sprawach skarg i wniosków: "
        f"{_need(f.complaints_text, 'dni i godziny przyjmowania skarg i wniosków')}. Skargę lub "
        "wniosek niezawierające imienia i nazwiska (nazwy) oraz adresu wnoszącego pozostawia się "
        "bez rozpatrzenia.\n\n"
        "Wniosek o udostępnienie informacji publicznej można złożyć w dowolnej formie, najlepiej "
        "jedną z dróg wskazanych powyżej. Jeżeli wniosek zostanie przesłany wiadomością na "
        f"stronie, {k['office']} rejestruje go i rozpatruje w terminie określonym w art. 13 ustawy "
        "z dnia 6 września 2001 r. o dostępie do informacji publicznej.\n\n"
        "Jeżeli w komentarzu lub wiadomości zostanie przedstawiona skarga, wniosek lub sprawa "
        "wymagająca podania, osoba prowadząca stronę wskazuje właściwą drogę jej wniesienia. "
        "Przekazanie takiej treści właściwej komórce do wiadomości nie zastępuje wniesienia "
        "sprawy w sposób przewidziany prawem.")

    s["informational"] = (
        "Odpowiedzi udzielane na stronie, w komentarzach i w prywatnych wiadomościach mają "
        "charakter informacyjny. Są udzielane w ramach obowiązku informowania (art. 9 Kodeksu "
        "postępowania administracyjnego) i nie są decyzjami administracyjnymi, postanowieniami, "
        "zaświadczeniami ani wiążącymi stanowiskami organu. Sprawy załatwia się w formie "
        "pisemnej lub w formie dokumentu elektronicznego (art. 14 § 1 Kodeksu postępowania "
        f"administracyjnego), po wniesieniu podania w sposób opisany w § {no['official_channels']}."
        f"\n\n{office} dokłada starań, aby odpowiedzi były rzetelne, aktualne i udzielane bez "
        f"zbędnej zwłoki w godzinach pracy {office_gen}. W sprawach indywidualnych, zwłaszcza "
        "wymagających podania danych osobowych, odpowiedź wskazuje właściwą komórkę i drogę "
        "kontaktu.")

    removal = [c for c in clauses if c.kind == "removal"]
    deletable = _join([c.number for c in removal if c.allows_delete])
    crit = f"{office_gen} i {k['poss']} pracowników" + (
        f", władz {k['area']}" if k["area"] else "") + " oraz podejmowanych przez nich decyzji"
    s["removal"] = (
        "Strona jest miejscem otwartej dyskusji. Opinie zamieszczane przez użytkowników są "
        "opiniami ich autorów i nie wyrażają stanowiska właściciela strony.\n\n"
        f"**Krytyka działań {crit} jest dozwolona i nigdy nie jest powodem ukrycia ani usunięcia "
        "komentarza.**\n\n"
        f"Treść może zostać ukryta wyłącznie z powodów wymienionych w zamkniętym katalogu "
        f"w pkt {removal[0].number}–{removal[-1].number}; każdy z nich wskazuje swoją podstawę. "
        "Podstawową reakcją jest ukrycie: ukryty komentarz nie jest widoczny dla innych "
        f"użytkowników, a {k['office']} przechowuje jego kopię na potrzeby odwołania. Usunięcie "
        f"treści jest dopuszczalne tylko w przypadkach, w których pozwala na to dany punkt "
        f"(pkt {deletable}). Ocenie podlega forma i treść wypowiedzi, a nie poglądy jej autora; "
        "w razie wątpliwości komentarz pozostaje widoczny.\n\n"
        "Zasady netykiety, na które powołują się niektóre punkty, oznaczają: pisanie na temat "
        "wpisu, zwracanie się do innych z szacunkiem, niestosowanie wulgaryzmów, niezamieszczanie "
        "reklam i spamu oraz niepowielanie wielokrotnie tej samej treści.")

    days = [d for d in f.restriction_days if d > 0]
    short = " albo ".join(_days(d) for d in days[:-1]) or (_days(days[0]) if days else "")
    ladder = [f"ukrycie komentarza (pkt {removal[0].number}–{removal[-1].number});",
              f"prywatne ostrzeżenie, jeżeli serwis na to pozwala (pkt {num['warning']});",
              f"czasowe ograniczenie możliwości komentowania na {short} "
              f"(pkt {num['restriction']});"]
    if len(days) >= 2:
        ladder.append(f"dłuższe ograniczenie, do {_days(days[-1])} (pkt {num['restriction']}).")
    s["sanctions"] = (
        "Reakcje na naruszenia regulaminu są stopniowane i proporcjonalne do naruszenia. "
        "Co do zasady stosuje się kolejno:\n\n"
        + "\n".join(f"{i}. {step}" for i, step in enumerate(ladder, start=1)) + "\n\n"
        f"Stała blokada jest dopuszczalna wyłącznie w przypadkach wskazanych w pkt "
        f"{num['permanent_block']}, po zatwierdzeniu przez drugą osobę pełniącą funkcję "
        f"przełożonego, i podlega przeglądowi co {_days(f.block_review_days)}.\n\n"
        "Każda czynność (ukrycie, usunięcie, ograniczenie, blokada, wyłączenie komentarzy) ma "
        "pisemne uzasadnienie z numerem referencyjnym. Uzasadnienie wskazuje czynność, jej "
        "zakres i czas trwania, treść, której dotyczy, punkt regulaminu i podstawę prawną, "
        "informację, czy treść wskazało narzędzie automatyczne, oraz sposób i termin odwołania. "
        "Autor otrzymuje je prywatną wiadomością, jeżeli serwis na to pozwala, a w pozostałych "
        "przypadkach na żądanie.\n\n"
        "Narzędzia automatyczne mogą jedynie tymczasowo ukryć treść do czasu jej oceny przez "
        "pracownika; nigdy nie usuwają treści ani nie blokują kont. Komentarze pod wpisem można "
        f"czasowo wyłączyć wyłącznie na zasadach pkt {num['comments_off']}.")

    appeal_ways = [
        f"przez formularz odwołania: {_need(f.appeal_url, 'adres formularza odwołania')} – "
        "formularz nie wymaga konta w serwisie Facebook i jest dostępny także dla osób "
        "zablokowanych;",
        f"pocztą elektroniczną na adres {email};",
        f"pisemnie na adres {address};",
        f"przez ePUAP: {epuap}."]
    months = "1 miesiąca" if f.appeal_months == 1 else f"{f.appeal_months} miesięcy"
    s["appeals"] = (
        "Autor ukrytej lub usuniętej treści oraz osoba, której ograniczono możliwość "
        "komentowania lub którą zablokowano, może wnieść odwołanie w terminie "
        f"{months} od dnia czynności:\n\n{_bullets(appeal_ways)}\n\n"
        "W odwołaniu należy wskazać, jeżeli jest znany, numer referencyjny uzasadnienia. "
        "Odwołanie jest bezpłatne. Rozpatruje je bez zbędnej zwłoki inna osoba niż ta, która "
        "podjęła czynność; rozstrzygnięcie zawiera uzasadnienie i jest przekazywane drogą, którą "
        "wniesiono odwołanie. Uwzględnienie odwołania powoduje cofnięcie czynności "
        f"(pkt {num['appeal_upheld']}).")

    s["gdpr"] = (
        "Zasady przetwarzania danych osobowych użytkowników strony określa klauzula "
        f"informacyjna: {_need(f.gdpr_url, 'adres klauzuli informacyjnej RODO')}.\n\n"
        f"Administratorem danych osobowych przetwarzanych w związku z prowadzeniem strony jest "
        f"{head} (adres: {address}). Z inspektorem ochrony danych można się kontaktować pod "
        "adresem "
        f"{_need(f.iod_email, 'adres e-mail inspektora ochrony danych')}.\n\n"
        "W zakresie danych statystycznych o odwiedzających stronę (Statystyki strony, ang. Page "
        "Insights) administrator i Meta Platforms Ireland Ltd. są współadministratorami danych "
        "(art. 26 rozporządzenia Parlamentu Europejskiego i Rady (UE) 2016/679, RODO) na "
        "zasadach określonych w dodatku Meta dotyczącym współadministrowania danymi statystyk "
        "strony.\n\n"
        "Prosimy nie publikować w komentarzach danych osobowych, w szczególności numeru PESEL, "
        "numerów dokumentów i rachunków bankowych, adresu zamieszkania ani informacji o zdrowiu. "
        "W sprawach indywidualnych prosimy korzystać z prywatnej wiadomości lub z dróg "
        f"wskazanych w § {no['official_channels']}.")

    own_site = f.website_url.strip()
    where = (f"na swojej stronie internetowej ({own_site}) lub w Biuletynie Informacji Publicznej"
             if own_site else "w Biuletynie Informacji Publicznej")
    s["accessibility"] = (
        f"{office} publikuje na stronie treści dostępne cyfrowo: obrazy opatruje tekstem "
        "alternatywnym, a nagrania wideo napisami. Jeżeli opublikowana treść nie jest dostępna "
        f"cyfrowo, {k['office']} publikuje jej dostępną wersję {where} (art. 6 ustawy z dnia "
        "4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych "
        "podmiotów publicznych). Nagrania transmisji na żywo uzupełnia się o napisy po ich "
        "zakończeniu.\n\nDeklaracja dostępności i informacja, gdzie publikowane są dostępne "
        f"wersje treści: {_need(f.accessibility_url, 'adres deklaracji dostępności')}. "
        f"Uwagi dotyczące dostępności można kierować na adres {email}.")

    s["elections"] = (
        "W okresie kampanii wyborczej strona nie publikuje treści stanowiących agitację "
        "wyborczą (art. 108 § 1 Kodeksu wyborczego), w tym treści promujących kandydatów lub "
        f"komitety wyborcze, także wtedy, gdy kandyduje osoba pełniąca funkcję w {k['loc']}. "
        "Wpisy o pracy organów ograniczają się w tym okresie do rzeczowych informacji.\n\n"
        "W okresie ciszy wyborczej (art. 107 § 1 Kodeksu wyborczego) komentarze stanowiące "
        f"agitację wyborczą są ukrywane na podstawie pkt {num['election_silence']}; nie są "
        "usuwane i po zakończeniu głosowania mogą zostać przywrócone. W tym okresie strona "
        "publikuje wyłącznie komunikaty organizacyjne i dotyczące bezpieczeństwa.\n\n"
        "W okresie kampanii wyborczej ukrycie treści, ograniczenie lub blokada dotyczące konta "
        "kandydata lub komitetu wyborczego wymagają zatwierdzenia przez osobę pełniącą funkcję "
        "przełożonego. Treści bezprawne ukrywa się w tym okresie niezwłocznie, niezależnie od "
        "tego, kogo dotyczą.")

    date = _date_words(f.adopted_on) or _need(
        "", "data podpisania zarządzenia w formacie RRRR-MM-DD"
        + (f" (podano: {f.adopted_on.strip()})" if f.adopted_on.strip() else ""))
    issuer = _genitive(f.head_title.strip()) if f.head_title.strip() else head
    s["final"] = (
        f"Niniejszy regulamin w wersji {f.version} został wprowadzony zarządzeniem nr "
        f"{_need(f.order_number, 'numer zarządzenia')} {issuer} z dnia {date}"
        + ("" if date.endswith(".") else ".") + "\n\n"
        "Czynności moderacyjne ocenia się według wersji regulaminu obowiązującej w dniu ich "
        "podjęcia. Wcześniejsze wersje regulaminu wraz z okresami ich obowiązywania pozostają "
        f"publicznie dostępne w Biuletynie Informacji Publicznej ({bip}).\n\n"
        "Regulamin podlega przeglądowi co najmniej raz w roku. Zmiana regulaminu następuje "
        "w drodze zarządzenia, a nowa wersja jest publikowana na stronie i w Biuletynie "
        "Informacji Publicznej.")
    return s, clauses


# --- checks ------------------------------------------------------------------------------------

_PLACEHOLDER_RE = re.compile(re.escape(PLACEHOLDER) + r":?\s*([^\]]*)\]?")


def _fold(text: str) -> str:
    """Lower case without diacritics, one output character per input character (offsets hold)."""
    out = []
    for ch in text:
        low = "l" if ch in "łŁ" else ch.lower()
        base = [c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)]
        out.append(base[0] if base else ch)
    return "".join(out)


# A text segment granting permission ("krytyka jest dozwolona", "nie jest powodem ukrycia")
# is exempt from the lint. Negated forms ("nie wolno", "nie jest dozwolona") are not permission.
_PERMIT = re.compile(
    r"(?<!nie )(?<!nie jest )(?<!nie sa )\bdozwolon\w*|(?<!nie )\bwolno\b"
    r"|\bnie (?:jest|sa|bedzie|beda|stanowi|stanowia) (?:powod|podstaw|przyczyn)\w*"
    r"|\bnigdy nie (?:jest|sa|bedzie|beda|stanowi)"
    r"|\bnie (?:jest|sa|bedzie|beda) (?:ukrywan|usuwan|blokowan)\w*"
    r"|\bnie (?:ukrywa|usuwa|wylacza|blokuje)\w*|\bzachecamy\b")
# Segments: sentences (a full stop followed by a capital letter, so "art. 190" stays whole),
# lines, semicolons and clauses that limit or contradict ("..., ale", "..., chyba że").
_SEGMENT = re.compile(r"[.!?]+\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])|\n+|;|,\s*(?=(?i:ale|lecz|jednak|natomiast|zaś"
                      r"|chyba|z wyjątkiem|poza|o ile|jeżeli|jeśli|gdy)\b)")
_INSTITUTION = (r"(?:gmin|urzed|urzad|miast|wladz|powiat|starost|samorzad|wojt|burmistrz"
                r"|prezydent|organ|rad[ayz]\b)\w*")
_PERSON = re.compile(r"\b(?:osob|uzytkownik|pracownik|mieszkan|ludzi|czlowiek|autor|kandydat)")
_WHY = ("Wskaż konkretną kategorię treści z zamkniętego katalogu i jej podstawę prawną "
        "(np. art. 190, 212, 216 Kodeksu karnego).")
_RULES: list[tuple[re.Pattern[str], str]] = [(re.compile(p), m) for p, m in [
    (r"\bbez (?:podania |podawania |wskazania )?(?:przyczyn|uzasadnieni)\w*",
     "Ukrywanie lub usuwanie „bez podania przyczyn” jest arbitralne i uniemożliwia odwołanie; "
     "właśnie to zarzucają skargi kierowane do RPO. Zamiast tego: „Każda czynność ma pisemne "
     "uzasadnienie wskazujące punkt regulaminu i podstawę prawną”."),
    (r"\bwizerun\w*",
     "Ochrona „wizerunku” urzędu lub gminy nie jest podstawą ograniczania wypowiedzi i otwiera "
     "drogę do ukrywania krytyki (RPO; WSA w Gdańsku, II SAB/Gd 91/20). " + _WHY + " Jeżeli "
     "chodzi o wizerunek osoby fizycznej, powołaj art. 81 ustawy o prawie autorskim i prawach "
     "pokrewnych albo przepisy RODO."),
    (r"\bdobr(?:e|ego|emu|ym)\s+imi(?:e|enia|eniu|eniem)\b",
     "„Dobre imię” gminy, urzędu lub władz nie uzasadnia ukrywania wypowiedzi o działaniach "
     "władzy publicznej. Jeżeli chodzi o konkretne osoby, napisz: „zniesławianie innych osób "
     "(art. 212 Kodeksu karnego, art. 23 i 24 Kodeksu cywilnego)”."),
    (r"\bkrytyk\w*|\bkrytyczn\w*",
     "Krytyka urzędu, jego władz i decyzji jest dozwolona i nie może być powodem ukrycia. "
     "Opisz zakazaną formę wypowiedzi (np. groźby, znieważenie), a nie jej ocenę; regulamin "
     "powinien wprost stwierdzać, że krytyka jest dozwolona."),
    (r"\b(?:negatywn|nieprzychyln|niepochlebn)\w*",
     "To, czy komentarz jest „negatywny”, zależy od poglądu autora, a nie od bezprawności "
     "treści; takie kryterium prowadzi do ukrywania opinii. " + _WHY),
    (r"\b(?:szkodz\w*|szkodliw\w*|godz(?:i|a|ac\w*|ic)|uderz(?:a|aj\w*|ac\w*)|osmiesz\w*"
     r"|dyskredyt\w*|podwaz\w*|oczerni\w*)\b(?:\W+\w+){0,5}?\W+" + _INSTITUTION,
     "Kryterium „szkodzenia” gminie, urzędowi lub władzom jest oceną poglądu i pozwala "
     "ukrywać krytykę. " + _WHY),
    (r"\b(?:wedlug|wedle|wg\.?|zgodnie z)\s+(?:\w+\s+){0,2}?uznani\w*|\buznaniow\w*"
     r"|\b(?:wlasn|swobodn|wylaczn|dowoln)\w*\s+uznani\w*",
     "Uznaniowość administratora jest sprzeczna z zasadą legalizmu (art. 7 Konstytucji RP): "
     "każda czynność organu wymaga podstawy. Zastąp ją zamkniętym katalogiem przyczyn "
     "i obowiązkiem uzasadnienia."),
    (r"\b(?:niezgodn|sprzeczn|rozbiezn)\w*\s+ze?\s+(?:\w+\s+){0,3}?"
     r"(?:lini|stanowisk|polityk|opini|oficjaln)\w*",
     "Niezgodność z „linią” lub stanowiskiem urzędu to kryterium oparte na poglądach; odmienne "
     "zdanie jest dozwolone. Usuń to kryterium."),
]]


def _segments(text: str):
    start = 0
    for m in _SEGMENT.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _lint_text(where: str, text: str) -> list[LintFinding]:
    folded, found = _fold(text), []
    for a, b in _segments(text):
        seg = folded[a:b]
        if _PERMIT.search(seg):
            continue
        for rx, message in _RULES:
            for m in rx.finditer(seg):
                if rx is _RULES[2][0]:  # whose good name: persons (art. 23 k.c.) are fine
                    after = seg[m.end():m.end() + 60]
                    person, inst = _PERSON.search(after), re.search(_INSTITUTION, after)
                    if person and (not inst or person.start() < inst.start()):
                        continue
                found.append(LintFinding(where, text[a + m.start():a + m.end()], message))
    return found


def lint(sections: dict[str, str], clauses: list[ClauseDraft]) -> list[LintFinding]:
    """Warnings on viewpoint-based wording in removal clauses (and sanctions-section clauses) and
    in the 'removal' and 'sanctions' sections. Segments granting permission are exempt."""
    findings: list[LintFinding] = []
    for key in ("removal", "sanctions"):
        findings += _lint_text(f"section {key}", sections.get(key, ""))
    linted = {str(SECTION_NO["removal"]), str(SECTION_NO["sanctions"])}
    for c in clauses:
        if c.kind == "removal" or c.number.split(".")[0] in linted:
            findings += _lint_text(f"clause {c.number}", c.title)
            findings += _lint_text(f"clause {c.number}", c.text)
    return findings


def blocking_problems(sections: dict[str, str], clauses: list[ClauseDraft]) -> list[str]:
    """Polish messages; non-empty means the version cannot be published."""
    problems: list[str] = []

    def where(key: str) -> str:
        return f"§ {SECTION_NO[key]} „{_HEADINGS[key]}”" if key in SECTION_NO else f"„{key}”"

    for key, _ in SECTIONS:
        if not (sections.get(key) or "").strip():
            problems.append(f"Sekcja {where(key)} jest pusta.")
    places = [(f"§ {SECTION_NO.get(k, k)}", v) for k, v in sections.items()]
    places += [(f"pkt {c.number}", f"{c.title} {c.text} {c.legal_ground}") for c in clauses]
    missing: dict[str, list[str]] = {}  # what is missing -> where, in document order
    for place, text in places:
        for m in _PLACEHOLDER_RE.finditer(text or ""):
            seen = missing.setdefault(m[1].strip() or "brakujące dane", [])
            if place not in seen:
                seen.append(place)
    problems += [f"Nie uzupełniono: {what} ({', '.join(at)})." for what, at in missing.items()]
    removal = [c for c in clauses if c.kind == "removal"]
    if not removal:
        problems.append("Regulamin nie zawiera żadnej przyczyny ukrywania treści "
                        f"(zamkniętego katalogu w {where('removal')}).")
    for c in removal:
        if not c.text.strip():
            problems.append(f"Punkt {c.number} nie ma treści.")
        if not c.legal_ground.strip():
            problems.append(f"Punkt {c.number} nie wskazuje podstawy prawnej ani zasady "
                            "netykiety.")
    body = sections.get("removal", "")
    folded = _fold(body)
    if not any("krytyk" in folded[a:b] and _PERMIT.search(folded[a:b])
               for a, b in _segments(body)):
        problems.append(f"Sekcja {where('removal')} nie stwierdza wprost, że krytyka urzędu, "
                        "jego władz i decyzji jest dozwolona.")
    for c in clauses:
        if c.kind not in ("removal", "procedure"):
            problems.append(f"Punkt {c.number} ma nieznany rodzaj „{c.kind}”.")
        m = re.fullmatch(r"(\d+)\.(\d+)", c.number)
        if not m or not 1 <= int(m[1]) <= len(SECTIONS):
            problems.append(f"Punkt „{c.number}” ma numer niewskazujący żadnego paragrafu.")
    for attr, label in (("number", "Numer punktu"), ("key", "Klucz punktu")):
        values = [getattr(c, attr) for c in clauses]
        for value in sorted({v for v in values if values.count(v) > 1}):
            problems.append(f"{label} „{value}” się powtarza.")
    return problems


# --- output ------------------------------------------------------------------------------------

def _clause_line(c: ClauseDraft) -> str:
    return f"{c.number}. **{c.title}**: {c.text} _(Podstawa: {c.legal_ground})_"


def render_markdown(sections: dict[str, str], clauses: list[ClauseDraft], *, title: str,
                    version: int, adopted_on: str, order_number: str) -> str:
    """The whole document as Markdown, sections in SECTIONS order with their clauses appended."""
    date = _date_words(adopted_on) or (adopted_on.strip() or f"{PLACEHOLDER}: data]")
    order = order_number.strip() or f"{PLACEHOLDER}: numer zarządzenia]"
    parts = [f"# {title}", f"_Wersja {version} z dnia {date}, zarządzenie nr {order}_"]
    for i, (key, heading) in enumerate(SECTIONS, start=1):
        parts.append(f"## § {i}. {heading}")
        if (sections.get(key) or "").strip():
            parts.append(sections[key].strip())
        parts += [_clause_line(c) for c in clauses if c.number.split(".")[0] == str(i)]
    return "\n\n".join(parts) + "\n"


def about_text(facts: OfficeFacts, regulamin_url: str) -> str:
    """Short text (at most 255 characters) for the About field of the page."""
    name, url = facts.name.strip(), regulamin_url.strip()
    bip = f"BIP: {facts.bip_url.strip()}" if facts.bip_url.strip() else "informacje w BIP"
    candidates = [
        f"{name} – oficjalna strona. Nie służy do załatwiania spraw urzędowych; podania, skargi "
        f"i wnioski prosimy składać przez ePUAP lub e-Doręczenia ({bip}). Regulamin: {url}",
        f"{name} – oficjalna strona. Nie służy do załatwiania spraw urzędowych; podania, skargi "
        f"i wnioski prosimy składać przez ePUAP lub e-Doręczenia. Regulamin: {url}",
        f"{name} – oficjalna strona. Sprawy urzędowe: ePUAP, BIP. Regulamin: {url}",
        f"Oficjalna strona. Sprawy urzędowe: ePUAP, BIP. Regulamin: {url}",
    ]
    return next((c for c in candidates if len(c) <= 255), f"Regulamin: {url}"[:255])
