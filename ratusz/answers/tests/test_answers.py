"""Reply templates and the composer: versions, Polish search, variables, the guidance a
formal matter gets, and the tone check on the way out."""

import pytest

from ratusz.answers import services
from ratusz.answers.models import ReplyTemplate
from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Message

pytestmark = pytest.mark.django_db


def test_the_demo_ships_a_starter_set_and_search_ignores_inflection_and_diacritics(demo):
    titles = {t.title for t in services.current(demo)}
    assert len(titles) >= 9
    found = services.search(demo, "podatek od nieruchomosci")
    assert [t.title for t in found] == ["Podatek od nieruchomości: raty i płatność"]
    assert services.search(demo, "ODPADY harmonogram")[0].department.slug == "odpady"
    assert services.search(demo, "zupełnie nic takiego") == []


def test_a_change_is_a_new_version_and_only_moderators_write(demo, people):
    from django.core.exceptions import PermissionDenied

    template = services.search(demo, "gabaryty")[0]
    with pytest.raises(PermissionDenied):
        services.template_save(actor=people.responder, office=demo, title="x", body="y",
                               kind="answer", replaces=template)
    new = services.template_save(actor=people.moderator, office=demo, title=template.title,
                                 body=template.body + "\nNowe zdanie.", kind="answer",
                                 replaces=template)
    template.refresh_from_db()
    assert (new.version, new.family, new.is_current) == (2, template.family, True)
    assert not template.is_current
    assert ReplyTemplate.objects.filter(family=template.family).count() == 2
    assert AuditEvent.objects.filter(verb="answers.template.saved", data__version=2).exists()


def test_inserting_a_template_fills_in_the_conversation(demo, people, sandbox, client):
    sandbox.inbound(channel="facebook", kind="comment", who="Ewa Malinowska",
                    text="Kiedy odbiór gabarytów na Lipowej?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    template = services.search(demo, "odpady")[0]
    text = services.render(template, conversation)
    assert text.startswith("Dzień dobry, Ewa\n")
    assert "https://bip.przykladowo.example.pl/odpady" in text
    assert text.endswith("Zespół Urzędu Gminy Przykładowo") and "{" not in text
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/?template={template.pk}").content.decode()
    assert "Dzień dobry, Ewa" in page and "data-templates" in page
    page = client.get(f"/inbox/c/{conversation.uuid}/?tq=podatek").content.decode()
    assert "Podatek od nieruchomości" in page


@pytest.mark.parametrize(("text", "kind"), [
    ("Chcę złożyć skargę na pracownika referatu dróg.", "complaint"),
    ("Proszę o udostępnienie informacji publicznej: ile kosztował remont ul. Lipowej?",
     "udip"),
    ("Czuć gaz na klatce schodowej przy Lipowej 5!", "emergency"),
])
def test_a_formal_matter_gets_its_guidance_template(demo, sandbox, text, kind):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak", text=text)
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    suggested = services.suggested(conversation)
    assert suggested is not None and suggested.kind == kind


def test_the_composer_checks_the_tone_and_never_sends_personal_data_in_public(
        demo, people, sandbox, client, committed):
    sandbox.inbound(channel="facebook", kind="comment", who="Ewa Malinowska",
                    text="Kiedy odbiór gabarytów na Lipowej?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    url = f"/inbox/c/{conversation.uuid}/reply"
    client.force_login(people.responder)
    # "Check" shows the findings and sends nothing.
    page = client.post(url, {"text": "Uprzejmie informuję, że w czwartek.", "mode": "public",
                             "check": "1"})
    assert page.status_code == 200 and 'data-check="jargon"' in page.content.decode()
    # Warnings need a tick.
    assert client.post(url, {"text": "W czwartek.", "mode": "public"}).status_code == 400
    # Personal data in public: refused even with the tick.
    leak = client.post(url, {"text": "Dzień dobry,\nJan Kowalski, PESEL 44051401359.\n"
                                     "Zespół Urzędu Gminy Przykładowo",
                             "mode": "public", "confirm": "on"})
    assert leak.status_code == 400 and 'data-check="personal_data"' in leak.content.decode()
    assert not Message.objects.filter(direction="out").exists()
    with committed():
        sent = client.post(url, {"text": "W czwartek.", "mode": "public", "confirm": "on",
                                 "footer": "on"})
    assert sent.status_code == 302
    reply = Message.objects.get(direction="out")
    assert reply.text.startswith("W czwartek.\n\nOdpowiedzi na tej stronie mają charakter "
                                 "informacyjny")


def test_the_service_refuses_a_public_reply_with_personal_data(demo, people, sandbox):
    from django.core.exceptions import ValidationError

    from ratusz.inbox.services import reply_send

    sandbox.inbound(channel="facebook", kind="comment", who="Ewa Malinowska",
                    text="Kiedy odbiór gabarytów?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    with pytest.raises(ValidationError):
        reply_send(actor=people.responder, conversation=conversation, mode="public",
                   text="Pani sąsiad, PESEL 44051401359, też pytał.")
    assert not Message.objects.filter(direction="out").exists()


def test_the_templates_page(demo, people, client):
    client.force_login(people.responder)
    page = client.get("/o/demo/szablony")
    assert page.status_code == 200 and "data-template-list" in page.content.decode()
    assert client.post("/o/demo/szablony", {"title": "x", "kind": "answer",
                                            "body": "y"}).status_code == 403
    client.force_login(people.moderator)
    response = client.post("/o/demo/szablony", {
        "title": "Wycinka drzew", "kind": "formal", "department": "",
        "keywords": "drzewo wycinka zezwolenie", "body": "Dzień dobry{imie_przecinek}\n..."})
    assert response.status_code == 302
    assert services.search(demo, "wycinka")[0].kind == "formal"


def test_an_administrator_sets_how_the_office_writes(demo, people, client):
    client.force_login(people.moderator)
    assert client.post("/o/demo/szablony", {"style": "1", "style-reply_signature": "X"}
                       ).status_code == 403
    client.force_login(people.admin)
    client.post("/o/demo/szablony", {"style": "1", "style-reply_greeting_required": "on",
                                     "style-reply_signature": "Biuro Prasowe",
                                     "style-reply_footer": "", "style-reply_jargon": "celem"})
    demo.refresh_from_db()
    assert demo.reply_signature == "Biuro Prasowe" and demo.reply_jargon == "celem"
    assert AuditEvent.objects.filter(verb="offices.office.reply_style_changed").count() == 1
