"""The publishing pages: composer with live checks, approval, tasks, calendar, settings, media,
and `ratusz check-post`."""

import io
import json
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ratusz.audit.models import AuditEvent
from ratusz.channels.models import Channel
from ratusz.conftest import WARSAW
from ratusz.offices.models import Election
from ratusz.publishing import services
from ratusz.publishing.models import BipEntry, Post

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0" + b"0" * 64


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def facebook(office):
    return Channel.objects.get(office=office, platform=Channel.Platform.FACEBOOK)


def form(office, **extra):
    data = {"type": "information", "channels": [facebook(office).pk],
            "text": "Jak oceniacie nowe godziny pracy urzędu? Napiszcie w komentarzu.",
            "link": "", "publish_at": ""}
    data.update(extra)
    return data


def test_the_composer_saves_a_draft_with_an_image(client, demo, people):
    client.force_login(people.moderator)
    url = f"/o/{demo.slug}/posty/nowy"
    assert client.get(url).status_code == 200
    upload = SimpleUploadedFile("choinki.jpg", JPEG, content_type="image/jpeg")
    response = client.post(url, form(demo, image0=upload, image0_alt="Mapa punktów odbioru "
                                     "choinek w gminie", go="save"))
    post = Post.objects.get()
    assert response.status_code == 302 and response.url.endswith(f"{post.uuid}/edytuj")
    image = post.images.get()
    assert image.original_name == "choinki.jpg" and image.alt.startswith("Mapa")
    assert "choinki" not in image.file.name  # a random name: media are served without login
    assert client.get(f"/media/{image.file.name}").status_code == 200
    assert client.get("/media/../settings.py").status_code == 404
    assert client.get("/media/posts/../../etc/passwd").status_code == 404


def test_a_missing_alt_text_stops_submission_in_the_composer(client, demo, people):
    client.force_login(people.moderator)
    upload = SimpleUploadedFile("IMG_2041.jpg", JPEG, content_type="image/jpeg")
    response = client.post(f"/o/{demo.slug}/posty/nowy",
                           form(demo, image0=upload, image0_alt="", go="submit"), follow=True)
    post = Post.objects.get()
    assert post.status == Post.Status.DRAFT
    page = response.content.decode()
    assert "a11y.alt_missing" in page  # the finding is shown in the checks panel
    assert 'name="override-a11y.alt_missing"' in page  # it may be overridden with a reason


def test_the_live_check_reports_findings_and_escapes_the_text(client, demo, people):
    client.force_login(people.responder)
    response = client.post(f"/o/{demo.slug}/posty/sprawdz", form(
        demo, type="notice", text="<script>alert(1)</script> Sesja Rady Gminy 10 grudnia.",
        image0_name="IMG_2041.jpg", image0_alt="IMG_2041.jpg"))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-code="bip.missing"' in page and 'data-code="a11y.alt_filename"' in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_approval_from_the_post_page(client, demo, people, sandbox, committed):
    post = services.post_save(actor=people.moderator, office=demo, type="information",
                              text="Jak oceniacie nowe godziny pracy urzędu? Napiszcie!",
                              channels=[facebook(demo)])
    services.post_submit(actor=people.moderator, post=post)
    client.force_login(people.moderator)
    page = client.get(f"/o/{demo.slug}/posty/{post.uuid}").content.decode()
    assert "approve-note" not in page  # not a supervisor
    client.force_login(people.supervisor)
    page = client.get(f"/o/{demo.slug}/posty/{post.uuid}").content.decode()
    assert "approve-note" in page
    with committed():
        response = client.post(f"/o/{demo.slug}/posty/{post.uuid}/approve", {"note": ""})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.approver == people.supervisor
    page = client.get(f"/o/{demo.slug}/posty/{post.uuid}").content.decode()
    assert post.targets.get().platform_id in page


def test_roles(client, demo, people):
    client.force_login(people.viewer)
    assert client.get(f"/o/{demo.slug}/posty/").status_code == 403
    client.force_login(people.moderator)
    assert client.get(f"/o/{demo.slug}/posty/ustawienia").status_code == 403
    assert client.get(f"/o/{demo.slug}/posty/nieznane").status_code == 404


def test_the_list_issues_a_bounded_number_of_queries(client, demo, people):
    client.force_login(people.moderator)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/o/{demo.slug}/posty/?tab=drafts").status_code == 200
        return len(queries)

    services.post_save(actor=people.moderator, office=demo, type="information", text="Jeden?",
                       channels=[facebook(demo)])
    one = count()
    for n in range(5):
        services.post_save(actor=people.moderator, office=demo, type="event",
                           text=f"Wydarzenie {n}?",
                           channels=list(Channel.objects.filter(office=demo)))
    assert count() == one


def test_the_calendar_shows_posts_holidays_and_the_silence(client, demo, people):
    Election.objects.create(office=demo, name="Wybory samorządowe", campaign_start=date(2026, 11,
                                                                                          1),
                            voting_day=date(2026, 12, 6))
    post = services.post_save(actor=people.moderator, office=demo, type="event",
                              text="Kolędowanie w świetlicy. Przyjdziecie?",
                              channels=[facebook(demo)],
                              publish_at=datetime(2026, 12, 18, 9, 0, tzinfo=WARSAW))
    client.force_login(people.moderator)
    page = client.get(f"/o/{demo.slug}/posty/kalendarz?m=2026-12").content.decode()
    assert f"/posty/{post.uuid}" in page
    assert 'class="cal-holiday" data-day="2026-12-25"' in page
    assert 'class="cal-silence" data-day="2026-12-05"' in page
    assert 'class="cal-campaign" data-day="2026-12-03"' in page
    assert client.get(f"/o/{demo.slug}/posty/kalendarz?m=zle").status_code == 200


def test_settings_and_the_bip_feed(client, demo, people):
    client.force_login(people.admin)
    assert BipEntry.objects.filter(office=demo).count() >= 10  # the demo feed
    response = client.post(f"/o/{demo.slug}/posty/ustawienia", {
        "bip_feed_url": "https://bip.przykladowo.example.pl/rss", "bank_accounts": "",
        "post_approval": ["notice", "promotion"]})
    assert response.status_code == 302
    demo.refresh_from_db()
    assert demo.post_approval == ["notice", "promotion"]
    assert AuditEvent.objects.filter(verb="offices.office.publishing_changed").exists()


def test_check_post_prints_findings_as_json(demo, capsys):
    findings = _run_check_post(demo, {"text": "Sesja Rady Gminy.", "type": "notice",
                                      "images": [{"alt": "IMG_2041.jpg"}],
                                      "video": {"captions": None}}, capsys)
    checks = {(f["check"], f["severity"]) for f in findings}
    assert ("bip", "blocking") in checks and ("accessibility", "blocking") in checks
    assert all(set(f) == {"check", "severity", "message"} for f in findings)
    clean = _run_check_post(demo, {
        "text": "Zapraszamy na spacer z przewodnikiem po Przykładowie. Kto z Was się wybiera?",
        "type": "event", "images": [{"alt": "Rynek w Przykładowie zimą, w tle ratusz"}]},
        capsys)
    assert clean == []


def _run_check_post(office, draft, capsys) -> list[dict]:
    import sys

    old = sys.stdin
    sys.stdin = io.StringIO(json.dumps(draft))
    try:
        call_command("check_post", office=office.slug)
    finally:
        sys.stdin = old
    return json.loads(capsys.readouterr().out)


def test_check_post_refuses_a_draft_it_cannot_read(demo):
    import sys

    from django.core.management.base import CommandError

    old = sys.stdin
    sys.stdin = io.StringIO('{"images": 5}')
    try:
        with pytest.raises(CommandError):
            call_command("check_post", office=demo.slug)
    finally:
        sys.stdin = old


@pytest.mark.parametrize("data", [
    {"image0_pk": "²", "channels": "²"},
    {"channels": "9" * 25},
    {"publish_at": "2026-13-45T10:00"},
    {"publish_at": "0001-01-01T00:30"},
    {"type": "<b>", "text": "x" * 70_000},
])
def test_the_live_check_survives_bad_input(client, demo, people, data):
    client.force_login(people.responder)
    response = client.post(f"/o/{demo.slug}/posty/sprawdz", {**form(demo), **data})
    assert response.status_code == 200


def test_bad_months_and_paths_are_not_errors(client, demo, people):
    client.force_login(people.moderator)
    for month in ("9999-12", "1-1", "0-0", "2026-13"):
        assert client.get(f"/o/{demo.slug}/posty/kalendarz?m={month}").status_code == 200
    assert client.get("/media/posts/%00").status_code == 404
    response = client.post(f"/o/{demo.slug}/posty/nowy",
                           form(demo, publish_at="0001-01-01T00:30", go="save"))
    assert response.status_code == 400 and not Post.objects.exists()


def test_another_office_cannot_reach_a_post(client, demo, people):
    from ratusz.offices.models import Membership, Office

    post = services.post_save(actor=people.moderator, office=demo, type="information",
                              text="Czy wiecie już o nowym rozkładzie?",
                              channels=[facebook(demo)])
    other = Office.objects.create(slug="inne", name="Gmina Inna", kind="gmina")
    stranger = type(people.admin).objects.create(username="obcy")
    Membership.objects.create(user=stranger, office=other, role="admin")
    client.force_login(stranger)
    assert client.get(f"/o/{demo.slug}/posty/{post.uuid}").status_code == 404
    assert client.get(f"/o/inne/posty/{post.uuid}").status_code == 404
    assert client.post(f"/o/inne/posty/{post.uuid}/withdraw").status_code == 404
    client.force_login(people.viewer)
    assert client.post(f"/o/{demo.slug}/posty/{post.uuid}/withdraw").status_code == 403
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
