"""A person in a real browser (Debian's Chromium): log in, see a message arrive, answer it, see
it delivered; and axe-core finds no serious or critical accessibility violation on the way."""

import os
import shutil

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe

from ratusz.outbox import sender
from ratusz.sandbox.app import SandboxApp
from ratusz.sandbox.delivery import Deliverer
from ratusz.sandbox.world import load_world
from ratusz.web.demo import DEMO_PASSWORD, load_demo

# Playwright's sync API keeps an event loop running in this thread for the whole session, so
# Django's async-safety check would refuse every ORM call the test and its teardown make.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                       reason="Debian's chromium is not installed (apt-get install chromium)."),
]
FLAGS = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


@pytest.fixture
def desk(live_server, monkeypatch):
    """The desk on a live server, with the Meta sandbox delivering webhooks to it over HTTP."""
    office, _ = load_demo()
    # The human reply is under test here, whatever the hour the suite runs at.
    office.ack_messages = False
    office.save(update_fields=["ack_messages"])
    target = f"{live_server.url}/webhooks/meta"
    app = SandboxApp(load_world(), deliverer=Deliverer(target, "test-app-secret"),
                     app_secret="test-app-secret")
    monkeypatch.setattr(sender, "GRAPH_TRANSPORT", httpx.WSGITransport(app=app))
    app.http = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://graph.test")
    return app


def assert_accessible(page, what: str) -> None:
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in {"serious", "critical"}]
    assert not bad, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in bad)


def test_log_in_see_a_message_arrive_answer_it_and_see_it_delivered(desk, live_server, page):
    page.goto(f"{live_server.url}/login/")
    assert_accessible(page, "login page")
    page.get_by_label("Nazwa użytkownika").fill("redaktor")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")
    assert_accessible(page, "empty inbox")

    response = desk.http.post("/_sandbox/inbound", json={
        "channel": "facebook", "kind": "message", "who": "Jan Kowalski",
        "text": "Dzień dobry, do kiedy trzeba zapłacić ratę podatku?"})
    assert response.status_code == 200
    row = page.get_by_text("do kiedy trzeba zapłacić ratę podatku")
    row.wait_for(timeout=15_000)  # appears without a reload (htmx polling)
    assert_accessible(page, "inbox with a conversation")

    row.click()
    page.wait_for_url("**/inbox/c/**")
    assert_accessible(page, "thread")
    page.get_by_label("Odpowiedź").fill("Druga rata jest płatna do 15 maja.")
    page.get_by_role("button", name="Wyślij").click()
    page.wait_for_url("**/inbox/c/**")
    delivered = page.locator("[data-delivery]").filter(has_text="Wysłana")
    delivered.first.wait_for(timeout=15_000)
    assert page.get_by_text("Druga rata jest płatna do 15 maja.").is_visible()
    assert_accessible(page, "thread after the reply")

    sent = [r for r in desk.http.get("/_sandbox/requests").json()["data"]
            if r["method"] == "POST" and r["path"].endswith("/messages")]
    assert len(sent) == 1
    assert sent[0]["body"]["message"]["text"] == "Druga rata jest płatna do 15 maja."


def test_an_administrator_edits_the_calendar_and_reads_the_deadlines(desk, live_server, page):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill("admin")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")
    page.get_by_role("link", name="Kalendarz i godziny").click()
    page.wait_for_url("**/calendar/")
    assert_accessible(page, "calendar editor")
    page.locator("#id_day_5").fill("9:00-13:00")
    page.get_by_role("button", name="Zapisz godziny", exact=True).click()
    page.wait_for_url("**/calendar/")
    assert page.locator("#id_day_5").input_value() == "9:00-13:00"
    assert page.locator('[data-preview="emergency"]').inner_text().count("112") == 1
    page.get_by_role("link", name="Terminy").click()
    page.wait_for_url("**/deadlines/")
    assert_accessible(page, "deadlines list")


def test_triage_badges_show_why_and_a_person_corrects_one(desk, live_server, page):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill("redaktor")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")
    for text, who in [("Pilne!!! Czuć gaz na klatce schodowej przy Lipowej 5", "Jan Kowalski"),
                      ("Kiedy jest odbiór bioodpadów na Słonecznej?", "Ewa Nowak")]:
        response = desk.http.post("/_sandbox/inbound", json={
            "channel": "facebook", "kind": "message", "who": who, "text": text})
        assert response.status_code == 200
    page.get_by_text("Czuć gaz na klatce").wait_for(timeout=15_000)
    page.get_by_text("odbiór bioodpadów").wait_for(timeout=15_000)
    rows = page.locator("[data-conversation]")
    assert "Czuć gaz" in rows.first.inner_text()  # the emergency is on top
    assert rows.first.locator("[data-urgent]").is_visible()
    assert_accessible(page, "inbox with triage badges")

    rows.first.locator("a").click()
    page.wait_for_url("**/inbox/c/**")
    badge = page.locator('details[data-flag="urgent"]')
    badge.locator("summary").click()
    assert "czuć gaz" in badge.locator(".triage-evidence").inner_text().lower()
    page.wait_for_timeout(6_000)  # the thread refreshes every 5 s, but not under an open badge
    assert badge.get_attribute("open") is not None
    assert_accessible(page, "thread with triage evidence")
    badge.get_by_role("button", name="Błędne: usuń oznaczenie").click()
    page.locator('details[data-flag="urgent"]').wait_for(state="detached", timeout=10_000)
    page.goto(f"{live_server.url}/inbox/")
    first = page.locator("[data-conversation]").first
    first.wait_for()
    assert page.locator("[data-urgent]").count() == 0
