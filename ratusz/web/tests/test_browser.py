"""A person in a real browser (Debian's Chromium): log in, see a message arrive, answer it, see
it delivered; and axe-core finds no serious or critical accessibility violation on the way."""

from ratusz.testing import BROWSER_MARKS, assert_accessible
from ratusz.web.demo import DEMO_PASSWORD

pytestmark = BROWSER_MARKS


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
    page.get_by_label("Odpowiedź").fill(
        "Dzień dobry,\ndruga rata jest płatna do 15 maja.\n"
        "Pozdrawiamy,\nZespół Urzędu Gminy Przykładowo")
    page.get_by_role("button", name="Wyślij").click()
    page.wait_for_url("**/inbox/c/**")
    delivered = page.locator("[data-delivery]").filter(has_text="Wysłana")
    delivered.first.wait_for(timeout=15_000)
    assert page.get_by_text("druga rata jest płatna do 15 maja.").is_visible()
    assert_accessible(page, "thread after the reply")

    sent = [r for r in desk.http.get("/_sandbox/requests").json()["data"]
            if r["method"] == "POST" and r["path"].endswith("/messages")]
    assert len(sent) == 1
    assert sent[0]["body"]["message"]["text"] == (
        "Dzień dobry,\ndruga rata jest płatna do 15 maja.\nPozdrawiamy,\n"
        "Zespół Urzędu Gminy Przykładowo")


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
