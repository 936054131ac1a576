"""Approval of sensitive replies: the draft waits, the supervisor returns or approves it, and
the reply goes out under its author's name with the approver on record."""

import pytest

from ratusz.answers.models import ReplyDraft
from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Message

pytestmark = pytest.mark.django_db
SIGNED = "\nPozdrawiamy,\nZespół Urzędu Gminy Przykładowo"


def test_a_reply_in_a_dissatisfied_conversation_waits_for_a_supervisor(
        demo, people, sandbox, client, committed):
    demo.approve_sensitive = True
    demo.save(update_fields=["approve_sensitive"])
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Skandal! Od tygodnia nikt nie odebrał śmieci, urzędnicy mają nas "
                         "gdzieś, jestem wściekły.")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    assert conversation.messages.get(direction="in").analysis.negative
    url = f"/inbox/c/{conversation.uuid}/"
    client.force_login(people.responder)
    client.post(url + "reply", {"text": "Dzień dobry, przepraszamy." + SIGNED,
                                "mode": "message"})
    draft = ReplyDraft.objects.get()
    assert (draft.status, draft.reason) == ("pending", "dissatisfaction")
    assert not Message.objects.filter(direction="out").exists()
    assert client.get("/o/demo/do-zatwierdzenia").status_code == 403
    client.force_login(people.supervisor)
    review = f"/o/demo/do-zatwierdzenia/{draft.uuid}"
    assert "Dzień dobry, przepraszamy." in client.get(review).content.decode()
    client.post(review, {"decision": "return", "comment": "Dodaj termin odbioru."})
    draft.refresh_from_db()
    assert draft.status == "returned" and draft.comment == "Dodaj termin odbioru."
    client.force_login(people.responder)
    assert "Dodaj termin odbioru." in client.get(url).content.decode()
    client.post(url + "reply", {"text": "Dzień dobry, przepraszamy, odbiór jutro." + SIGNED,
                                "mode": "message"})
    second = ReplyDraft.objects.get(status="pending")
    client.force_login(people.supervisor)
    with committed():
        client.post(f"/o/demo/do-zatwierdzenia/{second.uuid}", {
            "decision": "approve",
            "text": "Dzień dobry, przepraszamy, odbiór jutro do 12:00." + SIGNED})
    sandbox.flush()
    reply = Message.objects.get(direction="out")
    assert reply.author_user == people.responder and "do 12:00" in reply.text
    assert reply.delivery == "sent"
    event = AuditEvent.objects.get(verb="answers.draft.approved")
    assert event.actor == people.supervisor and event.data["edited"]
    assert event.data["author"] == "odpady"


def test_new_staff_replies_wait_and_a_supervisor_replies_directly(demo, people, sandbox,
                                                                   client, committed):
    membership = demo.memberships.get(user=people.responder)
    membership.replies_need_approval = True
    membership.save(update_fields=["replies_need_approval"])
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Kiedy odbiór gabarytów?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    client.force_login(people.responder)
    client.post(f"/inbox/c/{conversation.uuid}/reply",
                {"text": "Dzień dobry, 5 grudnia." + SIGNED, "mode": "message"})
    assert ReplyDraft.objects.get().reason == "new_staff"
    client.force_login(people.supervisor)
    with committed():
        response = client.post(f"/inbox/c/{conversation.uuid}/reply", {
            "text": "Dzień dobry, 5 grudnia." + SIGNED, "mode": "message",
            "confirm_other": "on"})
    assert response.status_code == 302
    assert Message.objects.filter(direction="out", author_user=people.supervisor).exists()


def test_the_member_command_marks_new_staff(demo, people, capsys):
    from django.core.management import call_command

    call_command("member", "--office", "demo", "--username", "odpady", "--role",
                 "responder", "--department", "odpady", "--replies-need-approval")
    assert demo.memberships.get(user=people.responder).replies_need_approval
    call_command("member", "--office", "demo", "--username", "odpady", "--role",
                 "responder", "--department", "odpady")
    assert not demo.memberships.get(user=people.responder).replies_need_approval
