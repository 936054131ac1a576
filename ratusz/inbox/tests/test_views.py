import httpx
import pytest

from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Conversation, Message, Note
from ratusz.outbox import sender
from ratusz.testing import feed_comment, messenger_message

pytestmark = pytest.mark.django_db


@pytest.fixture
def thread(webhook, world):
    webhook(feed_comment("998877_1", text="<script>alert(1)</script> Kiedy odbiór?"))
    return Conversation.objects.get()


@pytest.fixture
def graph_ok(monkeypatch):
    calls = []

    def answer(request):
        calls.append(request)
        return httpx.Response(200, json={"id": "998877_2"})

    monkeypatch.setattr(sender, "GRAPH_TRANSPORT", httpx.MockTransport(answer))
    return calls


def test_inbox_requires_login(client):
    response = client.get("/inbox/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_inbox_lists_the_offices_conversations_escaped(client, world, thread):
    client.force_login(world.vera)
    response = client.get("/inbox/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    assert str(thread.uuid) in body


def test_polish_is_the_default_language(client, world, thread):
    client.force_login(world.vera)
    assert "Skrzynka" in client.get("/inbox/").content.decode()


def test_htmx_refresh_returns_only_the_rows(client, world, thread):
    client.force_login(world.vera)
    response = client.get("/inbox/", headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert str(thread.uuid).encode() in response.content


def test_filters(client, world, thread, webhook):
    webhook(messenger_message("m_1"))
    client.force_login(world.vera)
    dm = Conversation.objects.get(kind="direct")
    body = client.get("/inbox/", {"status": "new"}).content.decode()
    assert str(thread.uuid) in body and str(dm.uuid) in body
    Conversation.objects.filter(pk=dm.pk).update(assignee=world.anna)
    body = client.get("/inbox/", {"unassigned": "1"}).content.decode()
    assert str(thread.uuid) in body and str(dm.uuid) not in body
    client.force_login(world.anna)
    body = client.get("/inbox/", {"mine": "1"}).content.decode()
    assert str(dm.uuid) in body and str(thread.uuid) not in body
    body = client.get("/inbox/", {"q": "odbiór"}).content.decode()
    assert str(thread.uuid) in body and str(dm.uuid) not in body


def test_outsider_gets_404_for_conversation_and_actions(client, world, thread):
    client.force_login(world.bea)
    assert client.get(f"/inbox/c/{thread.uuid}/").status_code == 404
    response = client.post(f"/inbox/c/{thread.uuid}/reply", {"text": "x", "mode": "public"})
    assert response.status_code == 404
    assert not Message.objects.filter(direction="out").exists()


def test_outsider_sees_only_their_office(client, world, thread):
    client.force_login(world.bea)
    response = client.get("/inbox/")
    assert response.status_code == 200
    assert str(thread.uuid) not in response.content.decode()
    assert client.get("/inbox/", {"office": "a"}).status_code == 404


def test_viewer_reads_but_cannot_reply(client, world, thread):
    client.force_login(world.vera)
    page = client.get(f"/inbox/c/{thread.uuid}/")
    assert page.status_code == 200 and b'name="text"' not in page.content
    response = client.post(f"/inbox/c/{thread.uuid}/reply", {"text": "x", "mode": "public"})
    assert response.status_code == 403
    assert client.post(f"/inbox/c/{thread.uuid}/status", {"status": "closed"}).status_code == 403


def test_responder_replies_and_the_reply_is_sent(client, world, thread, graph_ok, committed):
    client.force_login(world.anna)
    with committed():
        response = client.post(f"/inbox/c/{thread.uuid}/reply", {
            "text": "Dzień dobry,\nodbiór w czwartek.\nPozdrawiamy, zespół urzędu",
            "mode": "public"})
    assert response.status_code == 302
    reply = Message.objects.get(direction="out")
    assert (reply.author_user, reply.delivery, reply.platform_id) == (world.anna, "sent",
                                                                       "998877_2")
    assert len(graph_ok) == 1
    page = client.get(f"/inbox/c/{thread.uuid}/").content.decode()
    assert "odbiór w czwartek." in page


def test_invalid_reply_shows_the_reason(client, world, thread):
    client.force_login(world.anna)
    response = client.post(f"/inbox/c/{thread.uuid}/reply", {"text": "x", "mode": "message"})
    assert response.status_code == 400
    assert not Message.objects.filter(direction="out").exists()


def test_assign_note_close_reopen_each_audited(client, world, thread):
    client.force_login(world.anna)
    client.post(f"/inbox/c/{thread.uuid}/assign", {"assignee": world.mona.pk,
                                                   "department": "podatki"})
    client.post(f"/inbox/c/{thread.uuid}/note", {"text": "Sprawdzić harmonogram."})
    client.post(f"/inbox/c/{thread.uuid}/status", {"status": "closed"})
    thread.refresh_from_db()
    assert (thread.assignee, thread.department.slug, thread.status) == (world.mona, "podatki",
                                                                         "closed")
    assert Note.objects.get().author == world.anna
    client.post(f"/inbox/c/{thread.uuid}/status", {"status": "open"})
    thread.refresh_from_db()
    assert thread.status == "open"
    verbs = list(AuditEvent.objects.filter(actor=world.anna).values_list("verb", flat=True))
    assert verbs == ["inbox.conversation.assigned", "inbox.note.added",
                     "inbox.conversation.status_changed", "inbox.conversation.status_changed"]


def test_cannot_assign_a_person_from_another_office(client, world, thread):
    client.force_login(world.anna)
    client.post(f"/inbox/c/{thread.uuid}/assign", {"assignee": world.bea.pk})
    thread.refresh_from_db()
    assert thread.assignee is None


def test_get_never_changes_state(client, world, thread):
    client.force_login(world.anna)
    before = AuditEvent.objects.count()
    assert client.get(f"/inbox/c/{thread.uuid}/status").status_code == 405
    assert AuditEvent.objects.count() == before


def test_export_messages(world, thread, capsys):
    import json

    from django.core.management import call_command

    call_command("export", "messages")
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["channel"] == "facebook" and rows[0]["kind"] == "comment"
    assert rows[0]["direction"] == "in" and rows[0]["platform_id"] == "998877_1"
    assert rows[0]["author"] == "Anna Kowalska"
    assert set(rows[0]) == {"channel", "kind", "direction", "platform_id", "conversation",
                            "author", "text", "created_at"}


def test_polish_even_for_an_english_browser_until_english_is_chosen(client, world, thread):
    client.force_login(world.vera)
    english_browser = {"Accept-Language": "en-US,en;q=0.9"}
    assert "Skrzynka" in client.get("/inbox/", headers=english_browser).content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/inbox/"})
    assert ">Inbox<" in client.get("/inbox/").content.decode()


def test_the_composer_says_which_reply_window_is_open(client, world, webhook):
    import time_machine
    from django.utils import timezone

    now_ms = int(timezone.now().timestamp() * 1000)
    webhook(messenger_message("m_1", timestamp=now_ms))
    dm = Conversation.objects.get()
    client.force_login(world.anna)
    assert 'data-window="standard"' in client.get(f"/inbox/c/{dm.uuid}/").content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(days=2)):
        body = client.get(f"/inbox/c/{dm.uuid}/").content.decode()
    assert 'data-window="human_agent"' in body and "HUMAN_AGENT" in body


WRITE_ENDPOINTS = [
    ("reply", {"text": "x", "mode": "public"}),
    ("assign", {"assignee": "", "department": ""}),
    ("status", {"status": "closed"}),
    ("note", {"text": "x"}),
]


@pytest.mark.parametrize(("endpoint", "data"), WRITE_ENDPOINTS)
def test_every_write_is_404_for_an_outsider_and_403_for_a_viewer(client, world, thread,
                                                                 endpoint, data):
    before = AuditEvent.objects.count()
    client.force_login(world.bea)
    assert client.post(f"/inbox/c/{thread.uuid}/{endpoint}", data).status_code == 404
    client.force_login(world.vera)
    assert client.post(f"/inbox/c/{thread.uuid}/{endpoint}", data).status_code == 403
    assert AuditEvent.objects.count() == before


def test_retry_is_404_for_an_outsider_and_403_for_a_viewer(client, world, thread):
    message = thread.messages.get()
    client.force_login(world.bea)
    assert client.post(f"/inbox/m/{message.uuid}/retry").status_code == 404
    client.force_login(world.vera)
    assert client.post(f"/inbox/m/{message.uuid}/retry").status_code == 403


def test_service_refuses_an_assignee_from_another_office(world, thread):
    from django.core.exceptions import ValidationError

    from ratusz.inbox.services import conversation_assign

    with pytest.raises(ValidationError):
        conversation_assign(actor=world.anna, conversation=thread, assignee=world.bea)
    with pytest.raises(ValidationError):
        other = world.other_office.departments.create(name="X", slug="x")
        conversation_assign(actor=world.anna, conversation=thread, department=other)


def test_a_person_who_left_an_office_falls_back_to_their_other_office(client, world, thread):
    from ratusz.offices.models import Membership, Role
    from ratusz.offices.services import membership_grant

    membership_grant(actor=None, office=world.other_office, user=world.anna, role=Role.VIEWER)
    client.force_login(world.anna)
    assert client.get("/inbox/").status_code == 200  # session now remembers office A
    Membership.objects.filter(user=world.anna, office=world.office).delete()
    response = client.get("/inbox/")
    assert response.status_code == 200
    assert "Gmina B" in response.content.decode()


def test_nul_bytes_in_filters_are_harmless(client, world, thread):
    client.force_login(world.vera)
    assert client.get("/inbox/", {"q": "a\x00b", "department": "\x00"}).status_code == 200
    assert client.get("/inbox/", {"office": "a\x00"}).status_code == 404


def test_a_broken_channel_is_announced_in_the_inbox(client, world, thread):
    from ratusz.channels.services import channel_mark_broken

    channel_mark_broken(actor="meta", channel=world.page, reason="#190 Session has expired")
    client.force_login(world.vera)
    body = client.get("/inbox/").content.decode()
    assert "jest zerwane" in body and "Session has expired" in body
