"""The statement of reasons (uzasadnienie) residents get for a moderation act, modelled on
art. 17(3) DSA: the act, its scope and duration, the content, the clause and legal ground,
whether a detector was involved, and how and by when to appeal. Always in Polish: it is a
document the office issues, not part of the interface."""

from datetime import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ratusz.inbox.clock import MONTHS

ACT_NAMES = {
    "hide": "ukrycie komentarza",
    "unhide": "przywrócenie widoczności komentarza",
    "delete": "usunięcie komentarza",
    "warning": "prywatne ostrzeżenie",
    "restrict": "czasowe ograniczenie możliwości komentowania i pisania do strony",
    "block": "blokada konta na stronie",
    "unblock": "zdjęcie ograniczenia lub blokady konta",
    "comments_off": "wyłączenie komentarzy pod wpisem",
    "comments_on": "ponowne włączenie komentarzy pod wpisem",
}
PLATFORMS = {"facebook": "Facebooku", "instagram": "Instagramie"}  # locative: "na Facebooku"
PLATFORMS_GENITIVE = {"facebook": "Facebooka", "instagram": "Instagrama"}  # "z Facebooka"
IDENTIFIERS = {"pesel": "numer PESEL", "id_card": "numer dowodu osobistego",
               "passport": "numer paszportu", "iban": "numer rachunku bankowego"}
DETECTORS = {
    "personal_data": "automatyczny detektor danych osobowych (numer PESEL, dowodu osobistego, "
                     "paszportu lub rachunku bankowego)",
    "harmful": "automatyczny detektor treści, które mogą być groźbą lub mową nienawiści",
}


def polish_date(moment) -> str:
    if isinstance(moment, datetime):
        moment = timezone.localdate(moment)
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} r."


def absolute(path: str) -> str:
    return settings.RATUSZ_BASE_URL.rstrip("/") + path


def appeal_url(office) -> str:
    return absolute(reverse("moderation-appeal", kwargs={"slug": office.slug}))


def statement_url(act) -> str:
    return absolute(reverse("moderation-statement", kwargs={"slug": act.office.slug,
                                                            "uuid": act.uuid}))


def _scope(act) -> str:
    platform = PLATFORMS.get(act.channel.platform, act.channel.platform)
    kind = act.kind
    if kind == "hide":
        return ("Komentarz przestaje być widoczny dla innych osób; nadal widzi go jego autor "
                "(na Facebooku także jego znajomi). Nie jest usuwany.")
    if kind == "delete":
        source = PLATFORMS_GENITIVE.get(act.channel.platform, act.channel.platform)
        return (f"Komentarz zostaje usunięty z {source}. Urząd zachowuje jego kopię na potrzeby "
                "odwołania.")
    if kind == "warning":
        return "Ostrzeżenie nie ogranicza możliwości komentowania. Kolejne naruszenia mogą " \
               "prowadzić do czasowego ograniczenia."
    if kind == "restrict":
        until = polish_date(act.expires_at) if act.expires_at else "-"
        return (f"Przez {act.duration_days} dni, do {until}, konto nie może komentować ani "
                f"pisać do strony na {platform}. Ograniczenie zostanie zdjęte automatycznie.")
    if kind == "block":
        review = polish_date(act.review_at) if act.review_at else "-"
        return (f"Konto nie może komentować ani pisać do strony na {platform}. Blokada jest "
                f"przeglądana okresowo; najbliższy przegląd: {review}")
    if kind == "comments_off":
        return "Nikt nie może dodawać nowych komentarzy pod tym wpisem do czasu ich włączenia."
    return "Przywrócenie stanu sprzed wcześniejszej decyzji."


def masked(text: str, items: list[dict], types: set[str] | None = None) -> str:
    """The text with the identifiers triage found replaced by dots (all kinds, or `types`)."""
    return _quote(text, [(i["start"], i["end"]) for i in items
                         if types is None or i["type"] in types], limit=10_000)


def _quote(text: str, masks: list[tuple[int, int]], limit: int = 600) -> str:
    """The content concerned, with identifiers masked so the statement never repeats them."""
    chars = list(text)
    for start, end in masks:
        for i in range(max(start, 0), min(end, len(chars))):
            if not chars[i].isspace():
                chars[i] = "•"
    quoted = " ".join("".join(chars).split())
    return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"


def build(act, *, masks: list[tuple[int, int]] | None = None) -> str:
    """The full statement, frozen on the act when it is created."""
    office = act.office
    lines = [f"Uzasadnienie decyzji moderacyjnej nr {act.reference}",
             f"{office.name}, {polish_date(act.created_at)}", ""]
    lines.append(f"1. Działanie: {ACT_NAMES.get(act.kind, act.kind)}.")
    lines.append(f"2. Zakres i czas trwania: {_scope(act)}")
    snap = act.snapshot or {}
    if snap.get("text"):
        when = f", {snap['created_at'][:10]}" if snap.get("created_at") else ""
        lines.append(f"3. Treść, której dotyczy: „{_quote(snap['text'], masks or [])}” "
                     f"(autor: {snap.get('author') or 'nieznany'}{when}).")
    elif snap.get("post_text") is not None:
        lines.append(f"3. Wpis, którego dotyczy: „{_quote(snap.get('post_text') or '', [])}”.")
    else:
        lines.append(f"3. Konto, którego dotyczy: {snap.get('author') or 'nieznane'}.")
    if act.clause_id:
        clause, regulamin = act.clause, act.regulamin
        adopted = regulamin.adopted_on or regulamin.effective_from
        version = f"wersja {regulamin.version}" + (f" z {polish_date(adopted)}" if adopted else "")
        label = "Podstawa" if "netykiet" in clause.legal_ground else "Podstawa prawna"
        ground = f" {label}: {clause.legal_ground}." if clause.legal_ground else ""
        lines.append(f"4. Podstawa: § {clause.number} regulaminu strony ({version}): "
                     f"{clause.title}.{ground}")
    else:
        lines.append(f"4. Podstawa: {act.legal_basis}.")
    lines.append(f"5. Okoliczności: {act.description.strip() or 'jak w punkcie 3.'}")
    if act.automatic:
        lines.append(f"6. Użycie narzędzi automatycznych: tak; decyzję podjął "
                     f"{DETECTORS.get(act.detector.split(':')[0], 'automatyczny detektor')}; "
                     "sprawdzi ją pracownik urzędu. Detektor może tylko ukryć komentarz, nigdy "
                     "go nie usuwa ani nie blokuje konta.")
    elif act.detector:
        lines.append(f"6. Użycie narzędzi automatycznych: treść wskazał "
                     f"{DETECTORS.get(act.detector.split(':')[0], 'automatyczny detektor')}; "
                     "decyzję podjął pracownik urzędu.")
    else:
        lines.append("6. Użycie narzędzi automatycznych: nie; decyzję podjął pracownik urzędu.")
    contact = [f"formularzem {appeal_url(office)} (nie wymaga konta na Facebooku ani "
               "Instagramie, działa także dla osób zablokowanych)"]
    if office.email:
        contact.append(f"e-mailem na adres {office.email}")
    if office.epuap_address:
        contact.append(f"przez ePUAP ({office.epuap_address})")
    if office.address:
        contact.append(f"pisemnie na adres {office.address}")
    lines.append(f"7. Odwołanie: do {polish_date(act.appeal_until)} można się odwołać "
                 f"{', '.join(contact)}, podając numer {act.reference}. Odwołanie rozpatrzy inna "
                 "osoba niż ta, która podjęła decyzję; odpowiedź otrzyma Pan/Pani z "
                 "uzasadnieniem.")
    return "\n".join(lines)


def notice(act, *, protective: bool = False, limit: int = 2000) -> str:
    """The short private message that carries the statement where the platform allows one.
    `limit` is in UTF-8 bytes (Instagram: 1,000); only the opening words are shortened, the
    reference, the statement's link and the appeal deadline always stay."""
    office = act.office
    if protective:
        safe = [office.epuap_address and f"ePUAP: {office.epuap_address}",
                office.email and f"e-mail: {office.email}"]
        channels = "; ".join(s for s in safe if s) or "wiadomość prywatną do tej strony"
        head = ("Dzień dobry, ukryliśmy Pana/Pani komentarz, bo zawierał numer, którego nie "
                "należy publikować (np. PESEL, numer dowodu lub rachunku). Komentarz nie został "
                f"usunięty. Sprawę prosimy kontynuować bezpiecznym kanałem ({channels}) albo tu, "
                "w wiadomości prywatnej, bez podawania tych numerów publicznie.")
    elif act.kind == "warning":
        head = (f"Dzień dobry, to prywatne ostrzeżenie administratora strony {office.name}: "
                f"Pana/Pani wpis narusza § {act.clause.number} regulaminu strony "
                f"({act.clause.title}). Kolejne naruszenia mogą prowadzić do czasowego "
                "ograniczenia możliwości komentowania.")
    else:
        clause = f"§ {act.clause.number} regulaminu ({act.clause.title})" if act.clause_id \
            else act.legal_basis
        head = (f"Dzień dobry, informujemy o decyzji: {ACT_NAMES.get(act.kind, act.kind)}, "
                f"na podstawie {clause}.")
    tail = (f"\nUzasadnienie nr {act.reference}: {statement_url(act)}\n"
            f"Odwołanie do {polish_date(act.appeal_until)}: {appeal_url(office)}")
    room = limit - len(tail.encode())
    if len(head.encode()) > room:
        head = head.encode()[:max(room - 3, 0)].decode(errors="ignore").rstrip() + "…"
    return head + tail
