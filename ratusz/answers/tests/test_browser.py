"""The composer in a real browser: find a template by keyboard, insert it, see the tone
check, send; axe-core finds no serious or critical violation."""

from ratusz.inbox.models import Message
from ratusz.testing import BROWSER_MARKS, assert_accessible
from ratusz.web.demo import DEMO_PASSWORD

pytestmark = BROWSER_MARKS


def test_a_template_found_by_keyboard_is_inserted_checked_and_sent(desk, live_server, page):
    response = desk.http.post("/_sandbox/inbound", json={
        "channel": "facebook", "kind": "comment", "who": "Ewa Malinowska",
        "text": "Kiedy będzie odbiór gabarytów na Lipowej?"})
    assert response.status_code == 200
    conversation = Message.objects.get(direction="in").conversation
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill("redaktor")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")
    page.goto(f"{live_server.url}/inbox/c/{conversation.uuid}/")
    page.locator("summary", has_text="Szablony").click()
    search = page.get_by_label("Szukaj szablonów")
    search.fill("gabaryty")
    search.press("Enter")
    page.wait_for_url("**tq=gabaryty**")
    link = page.locator("[data-templates] a").first
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**template=**")
    text = page.get_by_label("Odpowiedź", exact=True)
    assert text.input_value().startswith("Dzień dobry, Ewa")
    assert_accessible(page, "composer with a template")
    text.fill("Uprzejmie informuję, że w czwartek!!")
    page.get_by_role("button", name="Sprawdź odpowiedź").click()
    page.locator("[data-findings]").wait_for()
    assert page.locator('[data-check="jargon"]').count() == 1
    assert_accessible(page, "composer with the tone check")
    page.get_by_label("Przeczytałem/am uwagi", exact=False).check()
    page.get_by_role("button", name="Wyślij", exact=True).click()
    page.wait_for_url(f"**/inbox/c/{conversation.uuid}/")
    reply = Message.objects.get(direction="out")
    assert reply.text.startswith("Uprzejmie informuję, że w czwartek!!")
    page.goto(f"{live_server.url}/o/demo/szablony")
    assert_accessible(page, "templates page")
