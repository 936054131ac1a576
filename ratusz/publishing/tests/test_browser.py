"""Publishing in a real browser: the coordinator writes a notice, takes the proposed BIP entry,
is stopped by a missing alt text, describes the image and schedules the post; a supervisor
approves it; it goes out to the sandbox when its time comes and a resident's comment arrives.
axe-core finds no serious or critical violation on any page on the way."""

from datetime import timedelta

from django.utils import timezone

from ratusz.inbox.models import Conversation
from ratusz.publishing import services
from ratusz.publishing.models import Post, Target
from ratusz.testing import BROWSER_MARKS, assert_accessible
from ratusz.web.demo import DEMO_PASSWORD

pytestmark = BROWSER_MARKS

JPEG = b"\xff\xd8\xff\xe0" + b"0" * 64
TEXT = ("Zapraszamy na XXV sesję Rady Gminy Przykładowo 10 grudnia o godz. 10:00 w sali narad. "
        "O co chcielibyście zapytać radnych?")


def log_in(page, live_server, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")


def test_compose_approve_schedule_publish_and_comments_arrive(
        desk, live_server, page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    log_in(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/o/demo/posty/nowy")
    page.select_option("#id_type", "notice")
    page.fill("#id_text", TEXT)
    proposal = page.locator('[data-code="bip.missing"] [data-use-link]')
    proposal.wait_for()
    link = proposal.get_attribute("data-use-link")
    assert link.startswith("https://bip.przykladowo.example.pl/")
    proposal.click()
    assert page.input_value("#id_link") == link
    page.set_input_files("#id_image0", files=[{"name": "IMG_2041.jpg", "mimeType": "image/jpeg",
                                               "buffer": JPEG}])
    page.locator('[data-code="a11y.alt_missing"]').wait_for()
    page.locator('[data-code="bip.missing"]').wait_for(state="detached")
    assert_accessible(page, "composer with findings")

    page.locator('button[name="go"][value="submit"]').click()
    page.wait_for_url("**/edytuj")
    post = Post.objects.get()
    assert post.status == Post.Status.DRAFT  # stopped by the missing description
    assert page.locator('main > div[aria-live] .alert-danger').count() == 1

    page.fill("#id_image0_alt", "Sala narad urzędu gminy z rzędem krzeseł dla mieszkańców")
    when = timezone.localtime() + timedelta(days=1)
    page.fill("#id_publish_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.locator('[data-code^="a11y."]').first.wait_for(state="detached")
    page.locator('button[name="go"][value="submit"]').click()
    page.wait_for_url(f"**/posty/{post.uuid}")
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED and post.images.get().alt.startswith("Sala")
    assert_accessible(page, "post waiting for approval")

    log_in(page, live_server, "sekretarz")
    page.goto(f"{live_server.url}/o/demo/posty/{post.uuid}")
    page.locator("#approve-note").fill("Zgodne z porządkiem obrad w BIP.")
    page.locator('form[action$="/approve"] button[type="submit"]').first.click()
    page.wait_for_url(f"**/posty/{post.uuid}")
    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED and post.approver.username == "sekretarz"
    assert page.locator("[data-status='scheduled']").count() == 1

    page.goto(f"{live_server.url}/o/demo/posty/kalendarz?m={when:%Y-%m}")
    assert page.locator(f'[data-day="{when:%Y-%m-%d}"] a[href$="{post.uuid}"]').count() == 1
    assert_accessible(page, "publishing calendar")

    # The worker's minute, once the time has come.
    assert services.publish_due(now=post.publish_at + timedelta(minutes=1)) == 1
    post.refresh_from_db()
    target = post.targets.get()
    assert post.status == Post.Status.PUBLISHED and target.status == Target.Status.PUBLISHED
    assert target.platform_id in desk.state.posts

    response = desk.http.post("/_sandbox/inbound", json={
        "channel": "facebook", "kind": "comment", "post": target.platform_id,
        "who": "Ewa Malinowska", "text": "Czy sesja będzie transmitowana?"})
    assert response.status_code == 200, response.text
    conversation = Conversation.objects.get(post=target.inbox_post)
    page.goto(f"{live_server.url}/o/demo/posty/{post.uuid}")
    assert page.locator(f'a[href$="/inbox/c/{conversation.uuid}/"]').count() == 1
    assert_accessible(page, "published post with its comments")
    page.goto(f"{live_server.url}/o/demo/posty/?tab=published")
    assert_accessible(page, "list of published posts")
