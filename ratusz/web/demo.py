"""The demo office "Gmina Przykładowo", its people and its channels on the local sandbox."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ratusz.channels.models import Channel
from ratusz.channels.services import channel_connect
from ratusz.lib.timeutil import month_before
from ratusz.offices.calendar import closure_add, opening_hours_set
from ratusz.offices.models import Office, Role
from ratusz.offices.services import (
    department_create,
    membership_grant,
    office_create,
    user_create,
)
from ratusz.triage.services import route_set

DEMO_SLUG = "demo"
DEMO_PAGE_ID = "100000000000001"
DEMO_INSTAGRAM_ID = "17841400000000001"
DEMO_PAGE_TOKEN = "sandbox-page-token-demo"
DEMO_PASSWORD = "ratusz-demo"

DEPARTMENTS = [
    ("promocja", "Referat Promocji i Komunikacji"),
    ("podatki", "Referat Podatków i Opłat Lokalnych"),
    ("odpady", "Referat Gospodarki Odpadami"),
    ("drogi", "Referat Dróg i Inwestycji"),
    ("usc", "Urząd Stanu Cywilnego"),
    ("gops", "Gminny Ośrodek Pomocy Społecznej"),
    ("kryzys", "Zespół Zarządzania Kryzysowego"),
]

# New conversations nobody has taken go to the department of their topic (triage).
TOPIC_ROUTES = {"waste": "odpady", "taxes": "podatki", "roads": "drogi", "registry": "usc",
                "social": "gops", "safety": "kryzys"}

# username, first name, last name, role, department, what they do
PEOPLE = [
    ("admin", "Adam", "Administrator", Role.ADMIN, None, "administrator of the desk"),
    ("sekretarz", "Barbara", "Wiśniewska", Role.SUPERVISOR, None, "sekretarz gminy"),
    ("redaktor", "Anna", "Nowak", Role.MODERATOR, "promocja", "social-media coordinator"),
    ("podatki", "Piotr", "Zieliński", Role.RESPONDER, "podatki", "tax clerk"),
    ("odpady", "Katarzyna", "Lewandowska", Role.RESPONDER, "odpady", "waste clerk"),
    ("podglad", "Tomasz", "Wójcik", Role.VIEWER, None, "read-only (e.g. IOD)"),
]
# The positions (stanowiska) the public register and udip answers name instead of people.
POSITIONS = {
    "admin": "Informatyk Urzędu Gminy",
    "sekretarz": "Sekretarz Gminy",
    "redaktor": "Inspektor ds. komunikacji społecznej, Referat Promocji i Komunikacji",
}


@transaction.atomic
def load_demo(history: bool = True) -> tuple[Office, bool]:
    """Create the demo office once; return it and whether it was created now. With `history`,
    the last finished month gets a believable past and a published monthly report."""
    existing = Office.objects.filter(slug=DEMO_SLUG).first()
    if existing:
        return existing, False
    actor = "demo-loader"
    office = office_create(
        actor=actor, slug=DEMO_SLUG, name="Gmina Przykładowo", kind=Office.Kind.GMINA,
        bip_url="https://bip.przykladowo.example.pl", website_url="https://przykladowo.example.pl",
        email="urzad@przykladowo.example.pl", phone="+48 12 345 67 00",
        address="ul. Rynek 1, 00-001 Przykładowo", epuap_address="/UGPrzykladowo/SkrytkaESP",
        rules_url="https://bip.przykladowo.example.pl/regulamin-strony",
        duty_contact="dyżurny gminy, tel. 600 100 200 (całą dobę)",
        duty_emails="kryzys@przykladowo.example.pl",
        head_title="Wójt Gminy Przykładowo",
        edoreczenia_address="AE:PL-12345-67890-ABCDE-12",
        iod_email="iod@przykladowo.example.pl",
        gdpr_url="https://bip.przykladowo.example.pl/rodo-media-spolecznosciowe",
        accessibility_url="https://przykladowo.example.pl/deklaracja-dostepnosci",
        page_operators="Referat Promocji i Komunikacji Urzędu Gminy Przykładowo",
        reply_signature="Zespół Urzędu Gminy Przykładowo",
        reply_footer="Odpowiedzi na tej stronie mają charakter informacyjny i nie są decyzjami "
                     "administracyjnymi. Sprawy urzędowe załatwisz przez ePUAP, e-Doręczenia "
                     "albo w urzędzie.",
    )
    departments = {
        slug: department_create(actor=actor, office=office, name=name, slug=slug)
        for slug, name in DEPARTMENTS
    }
    for username, first, last, role, dept, _what in PEOPLE:
        user = user_create(actor=actor, username=username, password=DEMO_PASSWORD,
                           first_name=first,
                           last_name=last, email=f"{username}@przykladowo.example.pl")
        membership_grant(actor=actor, office=office, user=user, role=role,
                         department=departments.get(dept) if dept else None,
                         position=POSITIONS.get(username, ""))
    _load_calendar(actor, office)
    for topic, slug in TOPIC_ROUTES.items():
        if slug in departments:
            route_set(actor=actor, office=office, topic=topic, department=departments[slug])
    channel_connect(
        actor=actor, office=office, platform=Channel.Platform.FACEBOOK, platform_id=DEMO_PAGE_ID,
        name="Urząd Gminy Przykładowo", owner_type=Channel.OwnerType.OFFICE_PAGE,
        token=DEMO_PAGE_TOKEN,
    )
    channel_connect(
        actor=actor, office=office, platform=Channel.Platform.INSTAGRAM,
        platform_id=DEMO_INSTAGRAM_ID, name="Gmina Przykładowo", username="gmina_przykladowo",
        owner_type=Channel.OwnerType.OFFICE_PAGE, token=DEMO_PAGE_TOKEN,
        linked_page_id=DEMO_PAGE_ID,
    )
    history_month = _history_month(office) if history else None
    _load_rules(office, before=history_month)
    _load_templates(office, departments)
    _load_knowledge(office)
    _load_publishing(office)
    if history:
        _load_history(office)
    return office, True


def _history_month(office: Office) -> date:
    today = timezone.localdate(timezone=ZoneInfo(office.time_zone))
    return month_before(today)


def _load_history(office: Office) -> None:
    """Last month's work (the demo's live traffic is today), its report generated and
    published, so the dashboard and the public report show real numbers."""
    from ratusz.reports.models import MonthlyReport
    from ratusz.reports.services import report_generate, report_publish
    from ratusz.web.demo_history import load_history

    month = _history_month(office)
    load_history(office, month=month)
    admin = office.memberships.get(user__username="admin").user
    report = MonthlyReport.objects.create(office=office, month=month, requested_by=admin,
                                          status=MonthlyReport.Status.PENDING)
    if report_generate(report.pk) is not None:
        report_publish(actor=admin, report=report)


def _load_publishing(office: Office) -> None:
    """The demo BIP feed (read from the repository; a real office sets its feed's address and
    the worker reads it every hour) and the office's own bank account for local taxes."""
    from pathlib import Path

    from ratusz.offices.services import office_publishing_update
    from ratusz.publishing.services import bip_fetch

    admin = office.memberships.get(user__username="admin").user
    office_publishing_update(actor=admin, office=office,
                             bank_accounts="PL62 1020 5356 0000 1234 5678 9012")
    source = Path(__file__).resolve().parent.parent / "publishing" / "data" / "bip-demo.xml"
    bip_fetch(office, data=source.read_bytes())


def _load_knowledge(office: Office) -> None:
    """The demo knowledge base: common questions with answers and their BIP sources."""
    from pathlib import Path

    from ratusz.answers.knowledge import entries_import

    source = Path(__file__).resolve().parent.parent / "answers" / "data" / "kb-demo.csv"
    if source.exists():
        admin = office.memberships.get(user__username="admin").user
        entries_import(actor=admin, office=office, csv_text=source.read_text(encoding="utf-8"))


# A starter set of reply templates; {…} are filled in from the conversation and the office.
TEMPLATES = [
    ("answer", "odpady", "Odbiór odpadów: harmonogram", "odpady śmieci harmonogram odbiór wywóz "
     "gabaryty segregacja",
     "Dzień dobry{imie_przecinek}\n\ndziękujemy za pytanie. Harmonogram odbioru odpadów dla "
     "każdej ulicy jest w BIP: {bip}/odpady. Odpady wielkogabarytowe odbieramy dwa razy w roku; "
     "terminy są w tym samym harmonogramie. Jeśli odbiór się nie odbył, prosimy o informację w "
     "wiadomości prywatnej z nazwą ulicy.\n\nPozdrawiamy,\n{podpis}"),
    ("answer", "podatki", "Podatek od nieruchomości: raty i płatność", "podatek nieruchomości "
     "raty termin płatność konto",
     "Dzień dobry{imie_przecinek}\n\npodatek od nieruchomości płaci się w czterech ratach: "
     "do 15 marca, 15 maja, 15 września i 15 listopada. Numer konta jest w decyzji podatkowej; "
     "w sprawie swojego konta podatkowego prosimy pisać prywatnie albo przez ePUAP ({epuap}), "
     "nie w komentarzu.\n\nPozdrawiamy,\n{podpis}"),
    ("answer", "usc", "Urząd Stanu Cywilnego: akty i wizyty", "usc akt urodzenia ślub zgon "
     "odpis wizyta",
     "Dzień dobry{imie_przecinek}\n\nodpis aktu stanu cywilnego zamówisz przez gov.pl, przez "
     "ePUAP albo osobiście w urzędzie ({adres}), w godzinach: {godziny}.\n\n"
     "Pozdrawiamy,\n{podpis}"),
    ("answer", "drogi", "Drogi i oświetlenie: zgłoszenie usterki", "droga dziura oświetlenie "
     "latarnia chodnik usterka",
     "Dzień dobry{imie_przecinek}\n\ndziękujemy za zgłoszenie. Przekazaliśmy je do Referatu "
     "Dróg i Inwestycji. Jeśli usterka zagraża bezpieczeństwu, prosimy dzwonić: {telefon}.\n\n"
     "Pozdrawiamy,\n{podpis}"),
    ("answer", "gops", "Pomoc społeczna: gdzie się zgłosić", "pomoc społeczna gops zasiłek "
     "opał wsparcie",
     "Dzień dobry{imie_przecinek}\n\nw sprawie pomocy prosimy o kontakt z Gminnym Ośrodkiem "
     "Pomocy Społecznej: {telefon}, {email}. Szczegóły sytuacji najlepiej opisać w wiadomości "
     "prywatnej albo na miejscu, nie w komentarzu.\n\nPozdrawiamy,\n{podpis}"),
    ("udip", None, "Wniosek o informację publiczną: przyjęcie", "informacja publiczna wniosek "
     "udip dostęp",
     "Dzień dobry{imie_przecinek}\n\ndziękujemy, traktujemy tę wiadomość jako wniosek o "
     "udostępnienie informacji publicznej. Odpowiemy bez zbędnej zwłoki, najpóźniej do {termin}. "
     "Odpowiedź możemy przesłać e-mailem; wniosek można też złożyć przez ePUAP ({epuap}).\n\n"
     "Pozdrawiamy,\n{podpis}"),
    ("complaint", None, "Skarga lub wniosek: jak złożyć", "skarga wniosek kpa zażalenie "
     "reklamacja",
     "Dzień dobry{imie_przecinek}\n\nprzykro nam, że sprawa nie została dobrze załatwiona. "
     "Skargę lub wniosek można złożyć pisemnie na adres {adres}, e-mailem ({email}), przez "
     "ePUAP ({epuap}) albo e-Doręczenia ({edoreczenia}). Odpowiemy w ciągu miesiąca.\n\n"
     "Pozdrawiamy,\n{podpis}"),
    ("formal", None, "Sprawa urzędowa: jak ją wnieść", "podanie wniosek formalny epuap "
     "e-doręczenia sprawa urzędowa",
     "Dzień dobry{imie_przecinek}\n\nta sprawa wymaga złożenia wniosku w urzędzie. Można to "
     "zrobić przez ePUAP ({epuap}), e-Doręczenia ({edoreczenia}) albo osobiście: {adres}, "
     "{godziny}. Wiadomość na Facebooku nie jest wnioskiem, ale chętnie podpowiemy, jaki "
     "formularz wybrać.\n\nPozdrawiamy,\n{podpis}"),
    ("emergency", "kryzys", "Zagrożenie: najpierw 112", "zagrożenie awaria gaz pożar powódź "
     "112",
     "Jeśli zagrożone jest życie, zdrowie lub mienie, prosimy natychmiast dzwonić pod 112. "
     "Przekazaliśmy wiadomość dyżurnemu gminy.\n\n{podpis}"),
    ("private", None, "Przeniesienie rozmowy do wiadomości prywatnej", "prywatnie dane "
     "wiadomość prywatna przeniesienie",
     "Dzień dobry{imie_przecinek}\n\nżeby nie podawać danych publicznie, odpisaliśmy w "
     "wiadomości prywatnej. Prosimy o kontakt tam.\n\nPozdrawiamy,\n{podpis}"),
]


def _load_templates(office: Office, departments: dict) -> None:
    from ratusz.answers.services import template_save

    admin = office.memberships.get(user__username="admin").user
    for kind, dept, title, keywords, body in TEMPLATES:
        template_save(actor=admin, office=office, title=title, body=body, kind=kind,
                      keywords=keywords, department=departments.get(dept) if dept else None)


def _load_rules(office: Office, before: date | None = None) -> None:
    """The demo office publishes its page rules (generated, then adopted by the wójt's order),
    so moderation can cite them from the first comment. With a history month, the rules were
    adopted before it, so last month's acts cite rules that were then in force."""
    from ratusz.moderation.models import Regulamin
    from ratusz.moderation.rules import regulamin_generate, regulamin_publish

    admin = office.memberships.get(user__username="admin").user
    adopted = date(2026, 11, 2)
    if before is not None and before <= adopted:
        adopted = before - timedelta(days=1)
    draft = regulamin_generate(actor=admin, office=office, order_number="0050.12.2026",
                               adopted_on=adopted)
    regulamin_publish(actor=admin, regulamin=draft)
    if before is not None:
        # A demo's past: the version took effect on its adoption day (never done in real use).
        Regulamin.objects.filter(pk=draft.pk).update(effective_from=datetime.combine(
            adopted, datetime.min.time(), ZoneInfo(office.time_zone)))
    office.rules_url = f"{settings.RATUSZ_BASE_URL}/o/{office.slug}/regulamin"
    office.save(update_fields=["rules_url"])


def _load_calendar(actor, office: Office) -> None:
    """A typical gmina: Monday 8:00-16:00, Tuesday to Friday 7:30-15:30, and the days off it
    gives for holidays falling on a Saturday, plus a bridge day."""
    monday, weekday = [(time(8, 0), time(16, 0))], [(time(7, 30), time(15, 30))]
    opening_hours_set(actor=actor, office=office,
                      week={0: monday, 1: weekday, 2: weekday, 3: weekday, 4: weekday})
    # The weekly after-hours slot for complaints and motions (art. 253 KPA).
    opening_hours_set(actor=actor, office=office, week={0: [(time(16, 0), time(17, 0))]},
                      kind="complaints")
    for day, kind, reason in CLOSURES:
        closure_add(actor=actor, office=office, day=day, kind=kind, reason=reason)


CLOSURES = [
    (date(2025, 11, 10), "saturday_holiday", "Za święto 1 listopada 2025 (sobota)"),
    (date(2026, 1, 2), "bridge", "Dzień wolny po Nowym Roku"),
    (date(2026, 8, 14), "saturday_holiday", "Za święto 15 sierpnia 2026 (sobota)"),
    (date(2026, 12, 31), "saturday_holiday", "Za święto 26 grudnia 2026 (sobota)"),
]
