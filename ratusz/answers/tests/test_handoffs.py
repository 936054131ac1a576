"""Routing: the person answering asks a department, the department hands back its draft, the
answer goes out; and a second answer never goes out by accident."""

import re

import pytest
from django.contrib.auth import get_user_model

from ratusz.answers.models import Handoff
from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Message

pytestmark = pytest.mark.django_db
SIGNED = "\nPozdrawiamy,\nZespół Urzędu Gminy Przykładowo"


def seen_of(page: str) -> str:
    return re.search(r'name="seen" value="(\d*)"', page).group(1)


def test_a_tax_question_goes_to_the_tax_department_and_its_answer_comes_back(
        demo, people, sandbox, client, committed, mailoutbox):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Do kiedy trzeba zapłacić drugą ratę podatku od nieruchomości?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    client.force_login(people.moderator)
    with committed():
        client.post(f"/inbox/c/{conversation.uuid}/zapytaj", {
            "department": "podatki", "question": "Czy termin drugiej raty się nie zmienił?"})
    handoff = Handoff.objects.get()
    assert (handoff.department.slug, handoff.status) == ("podatki", "open")
    assert mailoutbox and "podatki@przykladowo.example.pl" in mailoutbox[-1].to
    tax = get_user_model().objects.get(username="podatki")
    client.force_login(tax)
    assert handoff.question in client.get("/o/demo/pytania").content.decode()
    client.force_login(people.responder)  # the waste clerk: another department
    assert handoff.question not in client.get("/o/demo/pytania").content.decode()
    assert client.post(f"/o/demo/pytania/{handoff.uuid}",
                       {"draft": "Nie wiem."}).status_code == 403
    client.force_login(tax)
    with committed():
        client.post(f"/o/demo/pytania/{handoff.uuid}", {
            "draft": "Dzień dobry, druga rata jest płatna do 15 maja." + SIGNED,
            "note": "Termin bez zmian."})
    handoff.refresh_from_db()
    assert handoff.status == "answered" and handoff.answered_by == tax
    client.force_login(people.moderator)
    page = client.get(f"/inbox/c/{conversation.uuid}/?handoff={handoff.uuid}").content.decode()
    assert "druga rata jest płatna do 15 maja." in page
    with committed():
        response = client.post(f"/inbox/c/{conversation.uuid}/reply", {
            "text": handoff.draft, "mode": "message", "seen": seen_of(page)})
    assert response.status_code == 302
    handoff.refresh_from_db()
    assert handoff.status == "used"
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"answers.handoff.asked", "answers.handoff.answered"} <= verbs


def test_a_second_answer_waits_until_its_writer_has_read_the_first(demo, people, sandbox,
                                                                    client, committed):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Kiedy odbiór gabarytów?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    url = f"/inbox/c/{conversation.uuid}/"
    client.force_login(people.moderator)
    seen = seen_of(client.get(url).content.decode())  # Anna opens the conversation
    other = get_user_model().objects.get(username="sekretarz")
    client.force_login(other)
    with committed():  # meanwhile the secretary answers
        client.post(url + "reply", {"text": "Dzień dobry, 5 grudnia." + SIGNED,
                                    "mode": "message",
                                    "seen": seen_of(client.get(url).content.decode())})
    client.force_login(people.moderator)
    mine = {"text": "Dzień dobry, odbiór jest 5 grudnia." + SIGNED, "mode": "message",
            "seen": seen}
    blocked = client.post(url + "reply", mine)
    assert blocked.status_code == 400 and 'data-check="collision"' in blocked.content.decode()
    assert Message.objects.filter(direction="out").count() == 1
    with committed():
        assert client.post(url + "reply", {**mine, "confirm_other": "on"}).status_code == 302
    assert Message.objects.filter(direction="out").count() == 2


def test_a_comment_moves_to_a_private_conversation_with_a_clean_public_note(
        demo, people, sandbox, client, committed):
    sandbox.inbound(channel="facebook", kind="comment", who="Ewa Malinowska",
                    text="Mam zaległość w podatku, co robić?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert "data-move-private" in page and "odpisaliśmy w" in page
    url = f"/inbox/c/{conversation.uuid}/prywatnie"
    client.post(url, {"private_text": "Dzień dobry, prosimy o numer sprawy.",
                      "public_text": "Pani Ewa Malinowska, PESEL 44051401359, ma zaległość."})
    assert not Message.objects.filter(direction="out").exists()  # refused as a whole
    with committed():
        client.post(url, {"private_text": "Dzień dobry, prosimy o numer sprawy.",
                          "public_text": "Dzień dobry, odpisaliśmy w wiadomości prywatnej."})
    sandbox.flush()
    sent = Message.objects.filter(direction="out")
    assert {(m.is_private_reply, m.delivery) for m in sent} == {(True, "sent"),
                                                                (False, "sent")}
    assert AuditEvent.objects.filter(verb="answers.conversation.moved_private").count() == 1


def test_a_public_information_request_gets_its_deadline_and_an_owner(demo, people, sandbox,
                                                                     client):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Wnoszę o udostępnienie informacji publicznej: ile kosztował remont "
                         "ul. Lipowej?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    deadline = conversation.deadlines.get(rule="udip")
    assert deadline.owner is None
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert f"/inbox/d/{deadline.uuid}/owner" in page and 'data-suggested="udip"' in page
    client.post(f"/inbox/d/{deadline.uuid}/owner", {"owner": people.supervisor.pk})
    deadline.refresh_from_db()
    assert deadline.owner == people.supervisor
    assert AuditEvent.objects.filter(verb="inbox.deadline.owner_set").count() == 1


def test_people_see_who_else_is_in_the_conversation_and_writing(demo, people, sandbox,
                                                                client):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Kiedy odbiór gabarytów?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    url = f"/inbox/c/{conversation.uuid}/presence"
    client.force_login(people.supervisor)
    assert "data-presence" not in client.post(url, {"writing": "1"}).content.decode()
    client.force_login(people.responder)
    page = client.post(url, {"writing": "0"}).content.decode()
    assert 'data-presence="writing"' in page and "Barbara" in page
    client.force_login(people.viewer)  # a viewer may look; others see them viewing
    client.post(url, {"writing": "0"})
    client.force_login(people.responder)
    assert 'data-presence="viewing"' in client.post(url, {}).content.decode()
