"""Publishing through the services, carried out on the sandbox: checks, approval, scheduling,
the election silence, failures and retries, tasks, and comments arriving in the inbox."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ratusz.audit.models import AuditEvent
from ratusz.audit.services import verify_chain
from ratusz.channels.models import Channel
from ratusz.conftest import WARSAW
from ratusz.inbox.models import Conversation
from ratusz.offices.models import Election
from ratusz.outbox import services as outbox
from ratusz.outbox.models import OutboxAction
from ratusz.publishing import services
from ratusz.publishing.models import Post, Target, Task

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0" + b"0" * 64
ALT = "Mapa gminy z zaznaczonymi punktami odbioru choinek"
SESSION = ("Zapraszamy na XXV sesję Rady Gminy Przykładowo 10 grudnia 2026 r. o godz. 10:00 "
           "w sali narad urzędu. Porządek obrad jest w BIP.")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def channels(office, *platforms):
    return list(Channel.objects.filter(office=office, platform__in=platforms))


def image(name="mapa.jpg", alt=ALT, **extra):
    return {"file": SimpleUploadedFile(name, JPEG, content_type="image/jpeg"), "alt": alt,
            **extra}


def draft(actor, office, *, platforms=("facebook",), **fields):
    fields.setdefault("type", Post.Type.INFORMATION)
    fields.setdefault("text", "Jak oceniacie nowe godziny pracy urzędu? Napiszcie w komentarzu.")
    return services.post_save(actor=actor, office=office, channels=channels(office, *platforms),
                              **fields)


def params(request: dict) -> dict:
    """What a Graph call sent, in the query string or the body."""
    return {**(request.get("query") or {}), **(request.get("body") or {})}


def verbs(post) -> list[str]:
    return list(AuditEvent.objects.filter(target_id=str(post.uuid)).order_by("seq")
                .values_list("verb", flat=True))


def test_a_notice_needs_its_bip_link_and_goes_out_after_approval(
        demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.NOTICE, text=SESSION)
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post)
    assert refused.value.code == "blocked"
    assert "BIP" in refused.value.messages[0]
    findings = services.post_check(post)
    proposal = next(f.proposal for f in findings if f.code == "bip.missing")
    assert "sesj" in proposal["title"].lower()

    post = draft(people.moderator, demo, post=post, type=Post.Type.NOTICE, text=SESSION,
                 link=proposal["link"])
    with committed():
        post = services.post_submit(actor=people.moderator, post=post)
    assert post.status == Post.Status.SUBMITTED  # notices wait for a second person
    assert not OutboxAction.objects.exists()
    with committed():
        services.post_approve(actor=people.supervisor, post=post)
    sandbox.flush()
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.has_bip_link
    target = post.targets.get()
    assert target.status == Target.Status.PUBLISHED and target.platform_id
    posted = [r for r in sandbox.graph_requests() if r["path"].endswith("/feed")
              and r["method"] == "POST"]
    assert len(posted) == 1 and params(posted[0])["link"] == proposal["link"]
    assert target.inbox_post.platform_id == target.platform_id
    assert verbs(post) == ["publishing.post.saved", "publishing.post.saved",
                           "publishing.post.submitted", "publishing.post.approved",
                           "publishing.post.publishing", "publishing.post.published"]
    published = AuditEvent.objects.get(verb="publishing.post.published",
                                       target_id=str(post.uuid))
    assert published.data["author"] == "redaktor" and published.data["approver"] == "sekretarz"
    assert verify_chain().ok


def test_the_author_and_a_moderator_cannot_approve(demo, people):
    post = draft(people.supervisor, demo)
    services.post_submit(actor=people.supervisor, post=post)
    for who, code in [(people.supervisor, "own_post"), (people.moderator, "role")]:
        with pytest.raises(services.PostRefused) as refused:
            services.post_approve(actor=who, post=post)
        assert refused.value.code == code
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED and post.approver is None


def test_a_responder_always_waits_for_approval_even_for_a_crisis_alert(demo, people):
    post = draft(people.responder, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria wodociągu w Przykładowie. Woda wróci do 14:00.")
    post = services.post_submit(actor=people.responder, post=post)
    assert post.status == Post.Status.SUBMITTED


def test_a_crisis_alert_by_a_moderator_goes_straight_out(demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria wodociągu w Przykładowie. Woda wróci do 14:00.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.approver is None


def test_a_missing_alt_text_stops_the_post_until_overridden_with_a_reason_and_a_task(
        demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, text="Uwaga: ślisko na drogach.",
                 images=[image(name="IMG_2041.jpg", alt="IMG_2041.jpg")])
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post)
    assert refused.value.code == "override_reason"
    code = next(f.code for f in services.post_check(post) if f.check == "accessibility"
                and f.severity == "blocking")
    assert code == "a11y.alt_filename"
    with committed():
        services.post_submit(actor=people.moderator, post=post,
                             overrides={code: "Komunikat kryzysowy, opis dodamy w BIP dziś."})
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert post.overrides == [{"code": code, "reason": "Komunikat kryzysowy, opis dodamy w "
                               "BIP dziś.", "by": "redaktor"}]
    task = post.tasks.get()
    assert task.kind == Task.Kind.REPUBLISH and task.due == date(2026, 12, 1)
    assert post.is_open
    with pytest.raises(services.PostRefused):
        services.task_done(actor=people.responder, task=task, url="http://example.org/x")
    services.task_done(actor=people.responder, task=task,
                       url="https://bip.przykladowo.example.pl/artykul/999")
    post.refresh_from_db()
    assert not post.is_open
    photos = [r for r in sandbox.graph_requests() if r["path"].endswith("/photos")]
    assert photos and params(photos[0])["alt_text_custom"] == "IMG_2041.jpg"


def test_a_described_image_passes_and_reaches_instagram(demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, platforms=("instagram",),
                 text="Punkty odbioru choinek są na mapie. Gdzie jeszcze by się przydały?",
                 images=[image()])
    assert not [f for f in services.post_check(post) if f.severity == "blocking"]
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    media = [r for r in sandbox.graph_requests() if r["path"].endswith("/media")
             and r["method"] == "POST"]
    assert params(media[0])["alt_text"] == ALT
    assert params(media[0])["image_url"].startswith("http://127.0.0.1:8000/media/posts/")


def test_a_pesel_blocks_and_cannot_be_overridden(demo, people):
    post = draft(people.moderator, demo, text="Nagrodę odbierze osoba o numerze 44051401359.")
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post,
                             overrides={"personal.identifier": "Bardzo ważny powód, serio."})
    assert refused.value.code == "blocked"
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


def test_a_name_with_an_address_needs_a_tick(demo, people):
    text = "Pies zaginął. Właściciel Jan Nowak mieszka przy ul. Lipowej 5, prosimy o kontakt."
    post = draft(people.moderator, demo, text=text)
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post)
    assert refused.value.code == "ack"
    post = services.post_submit(actor=people.moderator, post=post,
                                acknowledged={"personal.name_address"})
    assert post.acknowledged == ["personal.name_address"]


def test_the_office_own_account_may_be_published(demo, people):
    post = draft(people.moderator, demo, text="Podatek wpłacaj na konto gminy "
                 "PL62 1020 5356 0000 1234 5678 9012 do 15 marca. Pytania? Napisz do nas.")
    assert not [f for f in services.post_check(post) if f.code == "personal.identifier"]


@pytest.fixture
def election(demo):
    return Election.objects.create(office=demo, name="Wybory samorządowe 2026",
                                   campaign_start=date(2026, 11, 1),
                                   voting_day=date(2026, 12, 6),
                                   watch_phrases="Komitet Razem dla Gminy\nAnna Wybieralska")


def test_a_post_naming_a_candidate_in_the_campaign_needs_a_justified_approval(
        demo, people, election, sandbox, committed):
    text = "Anna Wybieralska otworzyła dziś nową świetlicę. Kontynuacja inwestycji w 2027 r."
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, text=text)
    findings = services.post_check(post)
    assert any(f.code == "election.campaign" and f.needs_approval for f in findings)
    post = services.post_submit(actor=people.moderator, post=post)
    assert post.status == Post.Status.SUBMITTED  # a crisis alert, but it names a candidate
    with pytest.raises(services.PostRefused) as refused:
        services.post_approve(actor=people.supervisor, post=post, note="ok")
    assert refused.value.code == "justification"
    with committed():
        services.post_approve(actor=people.supervisor, post=post,
                              note="Informacja o otwarciu obiektu, bez oceny osoby.")
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert post.approval_note.startswith("Informacja o otwarciu")


def test_the_same_post_outside_the_campaign_needs_no_approval(demo, people, sandbox, committed):
    text = "Anna Wybieralska otworzyła dziś nową świetlicę. Kontynuacja inwestycji w 2027 r."
    Election.objects.create(office=demo, name="Wybory 2025", campaign_start=date(2025, 3, 1),
                            voting_day=date(2025, 5, 18), watch_phrases="Anna Wybieralska")
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, text=text)
    assert not [f for f in services.post_check(post) if f.check == "election"]


def test_a_scheduled_post_falling_into_the_silence_is_paused(
        demo, people, election, sandbox, committed):
    when = datetime(2026, 12, 5, 12, 0, tzinfo=WARSAW)  # the day before the vote
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 text="Jutro nieczynny punkt PSZOK (Punkt Selektywnej Zbiórki Odpadów "
                      "Komunalnych).")
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post)
    assert refused.value.code == "override_reason"

    # Scheduled before the election was known: the worker pauses it when its time comes.
    election.delete()
    post = services.post_submit(actor=people.moderator, post=post)
    assert post.status == Post.Status.SCHEDULED
    Election.objects.create(office=demo, name="Wybory", campaign_start=date(2026, 11, 1),
                            voting_day=date(2026, 12, 6))
    with time_machine.travel(when + timedelta(minutes=1)):
        with committed():
            assert services.publish_due() == 0
        post.refresh_from_db()
        assert post.status == Post.Status.PAUSED
        assert not OutboxAction.objects.exists()
        assert "publishing.post.paused" in verbs(post)
        with pytest.raises(services.PostRefused):
            services.post_release(actor=people.moderator, post=post, reason="x" * 20)
        with pytest.raises(services.PostRefused) as refused:
            services.post_release(actor=people.supervisor, post=post, reason="")
        assert refused.value.code == "override_reason"
        with committed():
            services.post_release(actor=people.supervisor, post=post,
                                  reason="Komunikat organizacyjny: zmiana godzin PSZOK.")
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert post.overrides[-1]["code"] == "election.silence"


def test_scheduled_on_facebook_within_its_window(demo, people, sandbox, committed):
    too_soon = timezone.now() + timedelta(minutes=5)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=too_soon,
                 on_platform=True, text="Jutro od 8:00 do 12:00 przerwa w dostawie wody.")
    with pytest.raises(services.PostRefused) as refused:
        services.post_submit(actor=people.moderator, post=post)
    assert refused.value.code == "blocked"  # the check says so before anyone approves it
    assert "schedule.platform" in {f.code for f in services.post_check(post)}

    when = timezone.now() + timedelta(hours=2)
    post = draft(people.moderator, demo, post=post, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="Jutro od 8:00 do 12:00 przerwa w dostawie wody.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    target = post.targets.get()
    assert post.status == Post.Status.SCHEDULED and target.status == Target.Status.SCHEDULED
    sent = [r for r in sandbox.graph_requests() if r["path"].endswith("/feed")][-1]
    assert params(sent)["scheduled_publish_time"] == str(int(when.timestamp()))
    assert params(sent)["published"] in ("false", False)
    with time_machine.travel(when + timedelta(minutes=1)):
        services.publish_due()
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and post.published_at == when


def test_a_post_held_by_ratusz_waits_for_its_time(demo, people, sandbox, committed):
    when = timezone.now() + timedelta(days=2)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 text="W czwartek zbiórka elektrośmieci. Co jeszcze chcielibyście oddać?")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
        assert services.publish_due() == 0
    assert not OutboxAction.objects.exists()
    with time_machine.travel(when + timedelta(seconds=30)), committed():
        assert services.publish_due() == 1
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_a_failed_publication_is_retried_and_never_posted_twice(
        demo, people, sandbox, committed, monkeypatch):
    sandbox.http.post("/_sandbox/faults", json={"kind": "5xx", "count": 1,
                                                "path_contains": "/feed"})
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria oświetlenia na ul. Polnej. Naprawa potrwa do wieczora.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    action = post.targets.get().action
    # A server error after the request arrived: Meta may have posted it, so the worker looks
    # for the post before posting again.
    assert post.status == Post.Status.PUBLISHING and action.status == "unknown"
    with time_machine.travel(timezone.now() + timedelta(minutes=6)), committed():
        outbox.action_send(action.pk)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    feed = sandbox.http.get(f"/v25.0/{post.targets.get().channel.platform_id}/feed",
                            headers={"Authorization": "Bearer " + post.targets.get().channel
                                     .get_token()}).json()["data"]
    assert sum(1 for p in feed if "oświetlenia" in (p.get("message") or "")) == 1


def test_a_failed_post_can_be_tried_again_by_hand(demo, people, sandbox, committed,
                                                  monkeypatch):
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    sandbox.http.post("/_sandbox/faults", json={"kind": "5xx", "count": 1,
                                                "path_contains": "/feed"})
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria oświetlenia na ul. Polnej. Naprawa potrwa do wieczora.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    assert post.targets.get().status == Target.Status.FAILED
    assert "publishing.post.failed" in verbs(post)
    with committed():
        services.post_retry(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def test_comments_on_a_published_post_arrive_in_the_inbox(demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Od poniedziałku nowy rozkład autobusu gminnego. Pasuje Wam?")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    sandbox.flush()
    target = post.targets.get()
    sandbox.inbound(channel="facebook", kind="comment", post=target.platform_id,
                    text="A czy w soboty też będzie jeździł?", who="Maria Pytalska")
    sandbox.flush()
    conversation = Conversation.objects.get(post=target.inbox_post)
    assert conversation.messages.get().text == "A czy w soboty też będzie jeździł?"


def test_a_changed_draft_must_be_approved_again(demo, people):
    post = draft(people.moderator, demo)
    services.post_submit(actor=people.moderator, post=post)
    post = draft(people.moderator, demo, post=post, text="Nowa treść. Co o tym myślicie?")
    assert post.status == Post.Status.DRAFT


def test_a_withdrawn_platform_schedule_is_deleted_there(demo, people, sandbox, committed):
    when = timezone.now() + timedelta(hours=3)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="Jutro przerwa w dostawie prądu od 9:00 do 13:00.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    with committed():
        services.post_withdraw(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.WITHDRAWN
    assert post.targets.get().status == Target.Status.WITHDRAWN
    assert any(r["method"] == "DELETE" for r in sandbox.graph_requests())


def test_a_post_scheduled_on_facebook_is_taken_back_when_a_silence_covers_it(
        demo, people, sandbox, committed):
    when = datetime(2026, 12, 5, 18, 0, tzinfo=WARSAW)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="W sobotę nieczynny punkt odbioru odpadów.")
    with time_machine.travel(datetime(2026, 11, 30, 10, 0, tzinfo=WARSAW)):
        with committed():
            services.post_submit(actor=people.moderator, post=post)
        target = post.targets.get()
        assert target.status == Target.Status.SCHEDULED
        Election.objects.create(office=demo, name="Wybory", campaign_start=date(2026, 11, 1),
                                voting_day=date(2026, 12, 6))
        with committed():
            services.publish_due()
    post.refresh_from_db()
    target.refresh_from_db()
    assert post.status == Post.Status.PAUSED
    assert target.status == Target.Status.WITHDRAWN
    deleted = [r for r in sandbox.graph_requests() if r["method"] == "DELETE"]
    assert deleted and deleted[0]["path"].endswith(target.platform_id)


def lose_the_answer(monkeypatch):
    """Meta makes the post, but its answer never arrives (a timeout after the fact)."""
    from ratusz.outbox import sender
    from ratusz.platforms.meta import client as graph

    real = sender.perform

    def perform(action):
        real(action)
        raise graph.GraphError("timeout", outcome=graph.UNKNOWN)

    monkeypatch.setattr(sender, "perform", perform)
    return lambda: monkeypatch.setattr(sender, "perform", real)


def feed_count(sandbox, post, needle: str) -> int:
    channel = post.targets.get().channel
    feed = sandbox.http.get(f"/v25.0/{channel.platform_id}/feed",
                            headers={"Authorization": "Bearer " + channel.get_token()})
    return sum(1 for p in feed.json()["data"] if needle in (p.get("message") or ""))


def test_a_lost_answer_is_looked_up_and_never_posted_twice(
        demo, people, sandbox, committed, monkeypatch):
    restore = lose_the_answer(monkeypatch)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria oświetlenia na ul. Polnej. Naprawa potrwa do wieczora.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    action = post.targets.get().action
    action.refresh_from_db()
    assert action.status == "unknown" and feed_count(sandbox, post, "oświetlenia") == 1
    restore()
    with time_machine.travel(timezone.now() + timedelta(minutes=6)), committed():
        outbox.action_send(action.pk)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert feed_count(sandbox, post, "oświetlenia") == 1  # found, not posted again


def test_a_retry_by_hand_after_a_lost_answer_does_not_post_twice(
        demo, people, sandbox, committed, monkeypatch):
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    restore = lose_the_answer(monkeypatch)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria oświetlenia na ul. Polnej. Naprawa potrwa do wieczora.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    restore()
    with pytest.raises(services.PostRefused) as refused:
        services.post_save(actor=people.moderator, office=demo, post=post, type="crisis",
                           text="Zmieniona treść.", channels=channels(demo, "facebook"))
    assert refused.value.code == "not_editable"  # it may be live: no edited second copy
    with committed():
        services.post_retry(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED
    assert feed_count(sandbox, post, "oświetlenia") == 1
    assert "publishing.post.retried" in verbs(post)


def test_a_retry_runs_the_checks_again(demo, people, sandbox, committed, monkeypatch):
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    sandbox.http.post("/_sandbox/faults", json={"kind": "token_expired", "count": 1,
                                                "path_contains": "/feed"})
    post = draft(people.moderator, demo, type=Post.Type.CRISIS,
                 text="Jutro nieczynny punkt odbioru odpadów. Pytania? Napiszcie do nas.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    Election.objects.create(office=demo, name="Wybory", campaign_start=date(2026, 11, 1),
                            voting_day=date(2026, 11, 25))  # the silence is on today
    with pytest.raises(services.PostRefused) as refused:
        services.post_retry(actor=people.moderator, post=post)
    assert refused.value.code == "silence"
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED


def test_whoever_changed_or_submitted_a_post_cannot_approve_it(demo, people):
    post = draft(people.responder, demo, type=Post.Type.NOTICE, text=SESSION,
                 link="https://bip.przykladowo.example.pl/artykul/1284")
    post = draft(people.supervisor, demo, post=post, type=Post.Type.NOTICE,
                 text=SESSION + " Zapraszamy!", link="https://bip.przykladowo.example.pl/a/1")
    services.post_submit(actor=people.supervisor, post=post)
    with pytest.raises(services.PostRefused) as refused:
        services.post_approve(actor=people.supervisor, post=post)
    assert refused.value.code == "own_post"
    assert post.author == people.responder  # the author stays who wrote it first


def test_a_responders_crisis_alert_waits_even_when_a_moderator_submits_it(demo, people):
    post = draft(people.responder, demo, type=Post.Type.CRISIS,
                 text="Uwaga: awaria wodociągu w Przykładowie. Woda wróci do 14:00.")
    post = services.post_submit(actor=people.moderator, post=post)
    assert post.status == Post.Status.SUBMITTED


def test_approval_of_a_version_the_approver_did_not_see_is_refused(demo, people):
    post = draft(people.moderator, demo)
    services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    with pytest.raises(services.PostRefused) as refused:
        services.post_approve(actor=people.supervisor, post=post, seen="2026-11-01T00:00:00")
    assert refused.value.code == "changed"
    services.post_approve(actor=people.supervisor, post=post,
                          seen=services.submission_stamp(post))


def test_a_campaign_entered_after_scheduling_holds_the_post_for_approval(
        demo, people, sandbox, committed):
    when = timezone.now() + timedelta(days=3)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 text="Kontynuacja remontów dróg gminnych w 2027 roku. Co trzeba naprawić?")
    services.post_submit(actor=people.moderator, post=post)
    Election.objects.create(office=demo, name="Wybory", campaign_start=date(2026, 11, 1),
                            voting_day=date(2027, 1, 10))
    with time_machine.travel(when + timedelta(minutes=1)), committed():
        assert services.publish_due() == 0
    post.refresh_from_db()
    assert post.status == Post.Status.SUBMITTED
    assert "publishing.post.held" in verbs(post)
    assert not OutboxAction.objects.exists()


def test_a_post_taken_back_while_facebook_answers_is_deleted_there(
        demo, people, sandbox, committed):
    when = timezone.now() + timedelta(hours=3)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="Jutro przerwa w dostawie prądu od 9:00 do 13:00.")
    with committed(execute=False):  # the worker has not sent it yet
        services.post_submit(actor=people.moderator, post=post)
    target = post.targets.get()
    assert target.status == Target.Status.SENDING
    with pytest.raises(services.PostRefused) as refused:
        services.post_withdraw(actor=people.moderator, post=post)
    assert refused.value.code == "in_flight"
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PAUSED)  # the silence took it
    with committed():
        outbox.action_send(target.action_id)
    target.refresh_from_db()
    assert target.status == Target.Status.WITHDRAWN
    assert any(r["method"] == "DELETE" and r["path"].endswith(target.platform_id)
               for r in sandbox.graph_requests())


def test_a_failed_recall_is_reported_and_the_post_shows_as_scheduled(
        demo, people, sandbox, committed, monkeypatch):
    when = timezone.now() + timedelta(hours=3)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="Jutro przerwa w dostawie prądu od 9:00 do 13:00.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    monkeypatch.setattr(outbox, "MAX_ATTEMPTS", 1)
    sandbox.http.post("/_sandbox/faults", json={"kind": "5xx", "count": 1,
                                                "path_contains": "_"})
    with committed():
        services.post_withdraw(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED
    assert post.targets.get().status == Target.Status.SCHEDULED
    assert "publishing.post.recall_failed" in verbs(post)


def test_a_post_paused_before_the_silence_keeps_its_time_or_is_edited(
        demo, people, sandbox, committed):
    when = datetime(2026, 12, 5, 12, 0, tzinfo=WARSAW)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=False, text="W sobotę jarmark świąteczny na rynku. Przyjdziecie?")
    services.post_submit(actor=people.moderator, post=post)
    Election.objects.create(office=demo, name="Wybory", campaign_start=date(2026, 11, 1),
                            voting_day=date(2026, 12, 6))
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PAUSED)
    post.refresh_from_db()
    with pytest.raises(services.PostRefused):  # its time is still to come: not "publish now"
        services.post_release(actor=people.moderator, post=post)
    edited = draft(people.moderator, demo, post=post, type=Post.Type.CRISIS,
                   publish_at=datetime(2026, 12, 7, 9, 0, tzinfo=WARSAW),
                   text="W poniedziałek jarmark świąteczny na rynku. Przyjdziecie?")
    assert edited.status == Post.Status.DRAFT
    with committed():
        services.post_submit(actor=people.moderator, post=edited)
    edited.refresh_from_db()
    assert edited.status == Post.Status.SCHEDULED and not OutboxAction.objects.exists()


def video(captions: bool = True, live: bool = False) -> dict:
    data = {"file": SimpleUploadedFile("sesja.mp4", b"\x00\x00\x00\x18ftypmp42",
                                       content_type="video/mp4"), "live": live}
    if captions:
        data["captions"] = SimpleUploadedFile("sesja.vtt", b"WEBVTT\n\n00:00.000 --> 00:02.000\n"
                                              b"Dzien dobry\n", content_type="text/vtt")
    return data


def test_a_video_goes_out_with_its_captions(demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, video=video(),
                 text="Nagranie z sesji Rady Gminy. O co chcecie zapytać radnych?")
    assert not [f for f in services.post_check(post) if f.check == "accessibility"]
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED and not post.tasks.exists()
    calls = sandbox.graph_requests()
    videos = [r for r in calls if r["path"].endswith("/videos") and r["method"] == "POST"]
    captions = [r for r in calls if r["path"].endswith("/captions")]
    assert params(videos[0])["file_url"].endswith(".mp4")
    assert params(captions[0])["captions_url"].endswith(".vtt")


def test_a_video_without_captions_is_stopped_and_a_live_one_gets_a_task(
        demo, people, sandbox, committed):
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, video=video(captions=False),
                 text="Nagranie z sesji Rady Gminy. O co chcecie zapytać radnych?")
    assert "a11y.captions" in {f.code for f in services.post_check(post)
                               if f.severity == "blocking"}
    post = draft(people.moderator, demo, post=post, type=Post.Type.CRISIS,
                 video={"live": True}, text="Transmisja sesji na żywo. Pytania? Piszcie!")
    assert "a11y.captions" not in {f.code for f in services.post_check(post)}
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    post.refresh_from_db()
    task = post.tasks.get()
    assert post.status == Post.Status.PUBLISHED and task.kind == Task.Kind.CAPTIONS
    assert task.due == date(2026, 12, 8)


def test_a_post_facebook_did_not_publish_at_its_time_fails(demo, people, sandbox, committed):
    when = timezone.now() + timedelta(hours=2)
    post = draft(people.moderator, demo, type=Post.Type.CRISIS, publish_at=when,
                 on_platform=True, text="Jutro od 8:00 do 12:00 przerwa w dostawie wody.")
    with committed():
        services.post_submit(actor=people.moderator, post=post)
    platform_id = post.targets.get().platform_id
    # Deleted on Facebook behind Ratusz's back: it never goes out.
    channel = post.targets.get().channel
    sandbox.http.delete(f"/v25.0/{platform_id}",
                        headers={"Authorization": "Bearer " + channel.get_token()})
    with time_machine.travel(when + timedelta(minutes=1)):
        services.publish_due()
    post.refresh_from_db()
    assert post.status == Post.Status.SCHEDULED  # not yet: Facebook may be late
    with time_machine.travel(when + timedelta(hours=2)):
        services.publish_due()
    post.refresh_from_db()
    assert post.status == Post.Status.FAILED
    assert post.targets.get().status == Target.Status.FAILED
