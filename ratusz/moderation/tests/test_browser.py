"""Moderation in a real browser: a blocked resident appeals without Facebook, a moderator
works the review queue; axe-core finds no serious or critical violation on any page."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from ratusz.moderation import appeals, forms, services
from ratusz.moderation.models import Appeal, Regulamin
from ratusz.testing import BROWSER_MARKS, assert_accessible
from ratusz.web.demo import DEMO_PASSWORD

pytestmark = BROWSER_MARKS


def log_in(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")


def inbound_comment(desk, text: str, who: str):
    from ratusz.inbox.models import Message

    response = desk.http.post("/_sandbox/inbound", json={
        "channel": "facebook", "kind": "comment", "who": who, "text": text})
    assert response.status_code == 200
    return Message.objects.filter(direction="in").order_by("-pk").first()


@pytest.fixture
def blocked(desk):
    """A resident blocked for spam, by the moderator, approved by the secretary."""
    users = get_user_model().objects
    message = inbound_comment(desk, "Kup tanie kredyty! http://oszustwo.example", "Spam Bot")
    clause = Regulamin.objects.in_force(message.conversation.office).clauses.get(key="spam")
    with transaction.atomic():
        act = services.act_request(actor=users.get(username="redaktor"),
                                   office=message.conversation.office, kind="block",
                                   clause=clause, resident=message.resident)
    with transaction.atomic():
        services.act_approve(actor=users.get(username="sekretarz"), act=act)
    act.refresh_from_db()
    assert act.status == "done"
    return act


def test_a_blocked_resident_appeals_without_facebook_and_the_block_is_lifted(
        desk, blocked, live_server, page, monkeypatch):
    monkeypatch.setattr(forms, "MIN_SECONDS", 0)
    page_id = blocked.channel.platform_id
    assert blocked.resident.platform_id in desk.http.get("/_sandbox/state").json()[
        "blocked"][page_id]
    # The statement of reasons, at the link the resident got: no login needed.
    page.goto(f"{live_server.url}/o/demo/uzasadnienie/{blocked.uuid}")
    assert_accessible(page, "statement of reasons")
    assert blocked.reference in page.locator("[data-statement]").inner_text()
    page.get_by_role("link", name="Odwołaj się od tej decyzji").click()
    page.wait_for_url("**/o/demo/odwolanie**")
    assert_accessible(page, "appeal form")
    reference = page.get_by_label("Numer decyzji", exact=False)
    assert reference.input_value() == blocked.reference
    page.get_by_label("Dlaczego uważasz", exact=False).fill(
        "Nie jestem botem, ktoś przejął moje konto i już je odzyskałem.")
    page.get_by_role("button", name="Wyślij odwołanie").click()
    page.wait_for_url("**/o/demo/odwolanie/**")
    assert_accessible(page, "appeal status")
    appeal = Appeal.objects.get()
    assert appeal.act == blocked
    status_url = page.url

    # Someone who neither took nor approved the block decides.
    log_in(page, live_server, "admin")
    page.goto(f"{live_server.url}/o/demo/moderacja/odwolania")
    assert_accessible(page, "appeals list")
    page.get_by_role("link", name=appeal.reference).click()
    assert_accessible(page, "appeal decision form")
    page.get_by_label("Uwzględnij", exact=False).check()
    page.get_by_label("Uzasadnienie", exact=False).fill(
        "Właściciel odzyskał konto; oszustwa ustały. Blokada zostaje zdjęta.")
    page.get_by_role("button", name="Rozstrzygnij").click()
    page.wait_for_url("**/moderacja/odwolania")
    appeal.refresh_from_db()
    blocked.refresh_from_db()
    assert appeal.status == "upheld" and blocked.lifted_at is not None
    assert blocked.resident.platform_id not in desk.http.get("/_sandbox/state").json()[
        "blocked"].get(page_id, {})
    page.goto(status_url)
    assert page.locator('[data-status="upheld"]').count() == 1


def test_a_moderator_works_the_review_queue_with_the_keyboard(desk, live_server, page):
    message = inbound_comment(desk, "Wójt, ty gnido, zajebię cię jak cię spotkam pod urzędem.",
                              "Jan Hejter")
    log_in(page, live_server, "redaktor")
    page.get_by_role("link", name="Moderacja").click()
    page.wait_for_url("**/moderacja/")
    assert_accessible(page, "review queue")
    assert page.locator("[data-queue]").inner_text().count("gnido") == 1
    page.locator("[data-queue]").get_by_role("link", name="Działanie").click()
    page.wait_for_url("**/moderacja/akt**")
    assert_accessible(page, "act form")
    page.get_by_label("Działanie", exact=True).select_option("delete")
    clause = Regulamin.objects.in_force(message.conversation.office).clauses.get(key="threats")
    page.get_by_label("Punkt regulaminu", exact=False).select_option(str(clause.pk))
    facts = page.get_by_label("Stan faktyczny i okoliczności", exact=False)
    facts.fill("Groźba pozbawienia życia.")
    facts.press("Tab")
    page.keyboard.press("Enter")  # the submit button is next in the tab order
    page.wait_for_url("**/moderacja/akty/**")
    assert_accessible(page, "act detail")
    assert "art. 190" in page.locator("[data-statement]").inner_text()
    message.refresh_from_db()
    assert message.deleted_at is not None
    page.goto(f"{live_server.url}/o/demo/rejestr-moderacji")
    assert_accessible(page, "public register")
    page.goto(f"{live_server.url}/o/demo/regulamin")
    assert_accessible(page, "page rules")


def test_every_moderation_page_passes_axe(desk, blocked, live_server, page):
    log_in(page, live_server, "admin")
    appeal = appeals.appeal_submit(office=blocked.office, act_reference=blocked.reference,
                                   account_name="", description="", text="Proszę o zdjęcie.",
                                   contact_email="")
    for path, what in [
            ("/o/demo/moderacja/zatwierdzenia", "approvals"),
            ("/o/demo/moderacja/blokady", "blocks"),
            (f"/o/demo/moderacja/akty/{blocked.uuid}", "act detail"),
            (f"/o/demo/moderacja/akt?resident={blocked.resident.pk}", "act form for a person"),
            (f"/o/demo/moderacja/odwolania/{appeal.uuid}", "appeal decision"),
            ("/o/demo/moderacja/wybory", "elections"),
            ("/o/demo/moderacja/udip", "udip pack"),
            ("/o/demo/moderacja/regulamin", "rules admin"),
            ("/o/demo/moderacja/regulamin/v1", "published rules version"),
            (f"/o/demo/odwolanie/{appeal.uuid}", "appeal status")]:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page, what)
    page.goto(f"{live_server.url}/o/demo/moderacja/regulamin")
    page.get_by_role("button", name="Przygotuj projekt nowej wersji", exact=False).click()
    page.wait_for_url("**/moderacja/regulamin/v2")
    assert_accessible(page, "rules draft editor")
