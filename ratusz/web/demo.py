"""The demo office "Gmina Przykładowo", its people and its channels on the local sandbox."""

from datetime import date, time

from django.conf import settings
from django.db import transaction

from ratusz.channels.models import Channel
from ratusz.channels.services import channel_connect
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
def load_demo() -> tuple[Office, bool]:
    """Create the demo office once; return it and whether it was created now."""
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
    _load_rules(office)
    return office, True


def _load_rules(office: Office) -> None:
    """The demo office publishes its page rules (generated, then adopted by the wójt's order),
    so moderation can cite them from the first comment."""
    from ratusz.moderation.rules import regulamin_generate, regulamin_publish

    admin = office.memberships.get(user__username="admin").user
    draft = regulamin_generate(actor=admin, office=office, order_number="0050.12.2026",
                               adopted_on=date(2026, 11, 2))
    regulamin_publish(actor=admin, regulamin=draft)
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
