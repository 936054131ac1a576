"""Triage in the pages: badges with evidence, highlighted personal data (escaped), one-click
corrections by people allowed to write, filters."""

import pytest

from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Conversation, Message
from ratusz.testing import feed_comment, messenger_message
from ratusz.triage.models import Analysis, Label

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert(1)</script> Mój PESEL 44051401359 <b>pilne</b>, czuć gaz na klatce!"


@pytest.fixture
def quiet_outbox(monkeypatch):
    monkeypatch.setattr("ratusz.outbox.services._schedule", lambda *a, **k: None)


def test_the_thread_shows_badges_evidence_and_marks_personal_data_escaped(
        client, world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text=HOSTILE))
    conversation = Conversation.objects.get()
    client.force_login(world.vera)
    body = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;b&gt;pilne&lt;/b&gt;" in body
    assert 'data-pii="PESEL">44051401359</mark>' in body
    assert 'data-flag="urgent"' in body and 'data-flag="personal_data"' in body
    assert "<q>czuć gaz</q>" in body  # the evidence quotes what the resident wrote
    assert "Błędne: usuń oznaczenie" not in body  # a viewer cannot correct


def test_the_inbox_marks_emergencies_and_filters_by_flag(client, world, webhook, quiet_outbox):
    webhook(messenger_message("m_2", text="Czuć gaz na klatce, pomocy!", sender="2",
                              timestamp=1795862999000))
    webhook(messenger_message("m_1", text="Kiedy odbiór śmieci?", sender="1",
                              timestamp=1795862999870))  # newer, but not an emergency
    client.force_login(world.anna)
    body = client.get("/inbox/").content.decode()
    assert body.index("Czuć gaz") < body.index("Kiedy odbiór")
    assert "data-urgent" in body
    filtered = client.get("/inbox/?flag=urgent").content.decode()
    assert "Czuć gaz" in filtered and "Kiedy odbiór" not in filtered


def test_a_responder_corrects_a_flag_in_one_click(client, world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text="Czuć gaz na klatce, pomocy!"))
    message = Message.objects.get()
    client.force_login(world.anna)
    response = client.post(f"/inbox/m/{message.uuid}/label", {"flag": "urgent", "value": "0"},
                           headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'data-flag="urgent"' not in response.content.decode()
    assert not Analysis.objects.get().urgent
    assert Label.objects.get().created_by == world.anna
    assert AuditEvent.objects.filter(verb="triage.label.set").count() == 1


def test_corrections_need_the_responder_role_and_the_right_office(client, world, webhook):
    webhook(feed_comment("c_1", text="Kiedy odbiór śmieci?"))
    message = Message.objects.get()
    client.force_login(world.vera)
    url = f"/inbox/m/{message.uuid}/label"
    assert client.post(url, {"flag": "spam", "value": "1"}).status_code == 403
    client.force_login(world.bea)
    assert client.post(url, {"flag": "spam", "value": "1"}).status_code == 404
    client.force_login(world.anna)
    client.post(url, {"flag": "nonsense", "value": "1"})
    client.post(url, {"flag": "spam", "value": "maybe"})
    assert not Label.objects.exists()
    assert client.post(url, {"flag": "spam", "value": "1"}).status_code == 302
    assert Analysis.objects.get().spam


def test_an_administrator_maps_topics_to_departments_and_sets_the_protective_hide(
        client, world, webhook, quiet_outbox):
    from ratusz.offices.services import membership_grant
    from ratusz.testing import make_user
    from ratusz.triage.models import TopicRoute

    admin = make_user("ada")
    membership_grant(actor=None, office=world.office, user=admin, role="admin")
    webhook(messenger_message("m_1", text="Czuć gaz na klatce, pomocy!"))
    client.force_login(world.mona)
    assert client.get("/o/a/triage/").status_code == 403
    client.force_login(admin)
    page = client.get("/o/a/triage/").content.decode()
    assert 'data-flag="urgent"' in page and "Zagrożenie" in page
    response = client.post("/o/a/triage/routes", {"taxes": str(world.department.pk)})
    assert response.status_code == 302
    assert TopicRoute.objects.get().department == world.department
    event = AuditEvent.objects.get(verb="triage.route.set")
    assert event.data == {"topic": "taxes", "department": "podatki"}
    client.post("/o/a/triage/routes", {"taxes": ""})
    assert not TopicRoute.objects.exists()
    assert client.post("/o/a/triage/routes", {"taxes": "999999"}).status_code == 400
    client.post("/o/a/triage/protection", {})
    world.office.refresh_from_db()
    assert not world.office.protective_hide
    assert AuditEvent.objects.get(verb="triage.settings.changed").data == {
        "protective_hide": {"before": True, "after": False}}
