"""Triage in the desk: every resident's message is analysed after ingestion, and the desk
acts on what was found (emergency on top and alerted, protective hide, deadline, routing)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ratusz.audit.models import AuditEvent
from ratusz.inbox.clock import forget_calendars
from ratusz.inbox.models import Conversation, Deadline, Message
from ratusz.inbox.selectors import InboxFilter, conversation_list
from ratusz.inbox.services import conversation_set_status, reply_send
from ratusz.offices.services import department_create
from ratusz.outbox.models import OutboxAction
from ratusz.testing import feed_comment, messenger_message
from ratusz.triage import analysis
from ratusz.triage.models import Analysis, Label
from ratusz.triage.services import label_set, reanalyze, route_set

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")
GAS = "Pilne!!! Czuć gaz na klatce schodowej przy Lipowej 5, co robić?"
PESEL_COMMENT = "Płacę za dużo za śmieci. Mój PESEL 44051401359, proszę sprawdzić."


@pytest.fixture(autouse=True)
def _calendar():
    forget_calendars()
    yield
    forget_calendars()


@pytest.fixture
def quiet_outbox(monkeypatch):
    monkeypatch.setattr("ratusz.outbox.services._schedule", lambda *a, **k: None)


def test_each_resident_message_is_analysed_with_evidence(world, webhook):
    webhook(messenger_message("m_1", text="Kiedy jest odbiór bioodpadów na Słonecznej"))
    row = Analysis.objects.get()
    assert row.message.platform_id == "m_1"
    assert row.question and not row.urgent
    assert row.topic == "waste"
    assert row.version == analysis.version()
    assert any(e["flag"] == "question" for e in row.evidence)


def test_an_emergency_goes_to_the_top_and_alerts_the_duty(world, webhook, quiet_outbox):
    world.office.duty_emails = "kryzys@gmina.example"
    world.office.save()
    webhook(messenger_message("m_1", text="Kiedy odbiór śmieci?", sender="1",
                              timestamp=1795862999000))
    webhook(messenger_message("m_2", text=GAS, sender="2", timestamp=1795862999870))
    webhook(messenger_message("m_3", text="Dziękuję za info", sender="3",
                              timestamp=1795863999000))
    urgent = Conversation.objects.get(resident__platform_id="2")
    assert urgent.is_urgent
    listed = list(conversation_list(world.office, world.anna, InboxFilter()))
    assert listed[0] == urgent
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted", target_id=str(
        Message.objects.get(platform_id="m_2").uuid)).exists()
    # Answering takes it out of the emergency lane.
    reply_send(actor=world.anna, conversation=urgent, text="Dzwonimy na 992.", mode="message")
    urgent.refresh_from_db()
    assert not urgent.is_urgent


def test_an_idiom_is_not_an_emergency(world, webhook):
    webhook(messenger_message("m_1", text="Zabijcie mnie, ale nie rozumiem formularza IN-1"))
    assert not Analysis.objects.get().urgent
    assert not Conversation.objects.get().is_urgent
    assert not AuditEvent.objects.filter(verb="inbox.emergency.alerted").exists()


def test_a_pesel_in_a_public_comment_is_hidden_to_protect_the_resident(world, webhook,
                                                                      quiet_outbox):
    webhook(feed_comment("c_1", text=PESEL_COMMENT))
    message = Message.objects.get(platform_id="c_1")
    row = message.analysis
    assert row.personal_data
    [item] = [i for i in row.personal_items if i["type"] == "pesel"]
    assert message.text[item["start"]:item["end"]] == "44051401359"
    action = OutboxAction.objects.get(kind=OutboxAction.Kind.COMMENT_HIDE)
    assert action.target_id == "c_1" and action.payload["hidden"] is True
    event = AuditEvent.objects.get(verb="moderation.act.requested")
    assert event.data["detector"] == "personal_data:pesel" and event.data["automatic"]
    assert "44051401359" not in str(event.data) and "44051401359" not in str(row.evidence)
    # A redelivery or an edit does not queue a second hide.
    webhook(feed_comment("c_1", text=PESEL_COMMENT))
    webhook(feed_comment("c_1", verb="edited", text=PESEL_COMMENT + " Pilne.", time=1795860300))
    assert OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE).count() == 1


def test_no_protective_hide_when_the_office_turned_it_off_or_in_a_private_message(
        world, webhook, quiet_outbox):
    world.office.protective_hide = False
    world.office.save()
    webhook(feed_comment("c_1", text=PESEL_COMMENT))
    webhook(messenger_message("m_1", text=PESEL_COMMENT))
    assert Analysis.objects.filter(personal_data=True).count() == 2
    assert not OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE).exists()
    world.office.protective_hide = True
    world.office.save()
    webhook(messenger_message("m_2", text=PESEL_COMMENT))
    assert not OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE).exists()


def test_an_edit_that_adds_a_pesel_hides_the_comment(world, webhook, quiet_outbox):
    webhook(feed_comment("c_1", text="Płacę za dużo za śmieci."))
    assert not OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE).exists()
    webhook(feed_comment("c_1", verb="edited", text=PESEL_COMMENT, time=1795860400))
    assert OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE,
                                       target_id="c_1").exists()
    assert Message.objects.get(platform_id="c_1").analysis.personal_data


def test_the_protective_hide_reaches_the_platform(sandbox, committed):
    from ratusz.web.demo import load_demo

    with time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=WARSAW)):
        load_demo(history=False)
        sandbox.inbound(channel="facebook", kind="comment", text=PESEL_COMMENT,
                        who="Stanisław Jankowski")
        sandbox.flush()
    message = Message.objects.get(direction="in")
    hides = [r for r in sandbox.graph_requests()
             if r["method"] == "POST" and r["path"].endswith(message.platform_id)]
    assert len(hides) == 1
    action = OutboxAction.objects.get(kind=OutboxAction.Kind.COMMENT_HIDE)
    assert action.status == OutboxAction.Status.SENT
    message.refresh_from_db()
    assert message.is_hidden
    assert AuditEvent.objects.filter(verb="inbox.message.hidden").exists()


def test_a_public_information_request_starts_the_deadline(world, webhook, quiet_outbox):
    moment = datetime(2025, 12, 12, 10, 0, tzinfo=WARSAW)
    with time_machine.travel(moment, tick=False):
        webhook(messenger_message(
            "m_1", text="Ile gmina wydała na promocję w 2025 roku? Proszę o zestawienie.",
            timestamp=int(moment.timestamp() * 1000)))
    row = Analysis.objects.get()
    assert row.public_information_request
    deadline = Deadline.objects.get()
    assert deadline.rule == "udip"


def test_new_conversations_go_to_the_department_of_their_topic(world, webhook):
    waste = department_create(actor=None, office=world.office, name="Odpady", slug="odpady")
    route_set(actor=world.mona, office=world.office, topic="waste", department=waste)
    webhook(messenger_message("m_1", text="Kiedy odbiór śmieci segregowanych?", sender="1"))
    webhook(messenger_message("m_2", text="Czy mogę zapłacić podatek w ratach?", sender="2"))
    assert Conversation.objects.get(resident__platform_id="1").department == waste
    assert Conversation.objects.get(resident__platform_id="2").department is None
    event = AuditEvent.objects.get(verb="triage.conversation.routed")
    assert event.data == {"topic": "waste", "department": "odpady"}


def test_a_person_corrects_a_flag_and_it_sticks_through_reanalysis(world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text=GAS))
    message = Message.objects.get()
    label_set(actor=world.anna, message=message, flag="urgent", value=False)
    row = Analysis.objects.get()
    assert not row.urgent and "urgent" in row.machine_flags and row.corrected("urgent")
    assert not Conversation.objects.get().is_urgent
    label = Label.objects.get()
    assert (label.flag, label.value, label.created_by) == ("urgent", False, world.anna)
    event = AuditEvent.objects.get(verb="triage.label.set")
    assert event.data == {"flag": "urgent", "value": False, "before": True, "machine": True}
    # Re-analysis by a newer version keeps the person's verdict and raises no new alert.
    Analysis.objects.update(version="old")
    alerts = AuditEvent.objects.filter(verb="inbox.emergency.alerted").count()
    assert reanalyze(actor="test") == 1
    row.refresh_from_db()
    assert row.version == analysis.version() and not row.urgent
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted").count() == alerts
    assert AuditEvent.objects.filter(verb="triage.reanalyzed").count() == 1
    assert reanalyze(actor="test") == 0  # nothing left behind


def test_marking_a_public_information_request_starts_its_deadline(world, webhook):
    webhook(messenger_message("m_1", text="Dzień dobry"))
    message = Message.objects.get()
    label_set(actor=world.anna, message=message, flag="public_information_request", value=True)
    assert Deadline.objects.get().rule == "udip"
    assert Analysis.objects.get().public_information_request


def test_closing_a_conversation_takes_it_out_of_the_emergency_lane(world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text=GAS))
    conversation = Conversation.objects.get()
    assert conversation.is_urgent
    conversation_set_status(actor=world.anna, conversation=conversation, status="closed")
    conversation.refresh_from_db()
    assert not conversation.is_urgent


def test_the_inbox_filters_by_flag(world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text=GAS, sender="1"))
    webhook(messenger_message("m_2", text="Dziękuję, wszystko jasne.", sender="2"))
    urgent = list(conversation_list(world.office, world.anna, InboxFilter(flag="urgent")))
    assert [c.resident.platform_id for c in urgent] == ["1"]
    assert InboxFilter.from_query({"flag": "nonsense"}).flag == ""


def test_the_office_own_messages_and_empty_texts_are_not_analysed(world, webhook):
    from ratusz.testing import PAGE_ID

    webhook(messenger_message("m_1", text="", attachments=[{"type": "image", "payload": {
        "url": "https://example.com/a.jpg"}}]))
    webhook(feed_comment("c_9", text="Czuć gaz? Dzwońcie na 992. Mój PESEL 44051401359",
                         author=(PAGE_ID, "Urząd Gminy A")))
    assert Message.objects.filter(platform_id="c_9", direction="out").exists()
    assert not Analysis.objects.exists()
    assert not OutboxAction.objects.filter(kind=OutboxAction.Kind.COMMENT_HIDE).exists()


def test_an_analyser_crash_never_loses_the_message(world, webhook, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("analyser bug")

    monkeypatch.setattr("ratusz.triage.analysis.analyze", boom)
    webhook(messenger_message("m_1", text=GAS))
    assert Message.objects.filter(platform_id="m_1").exists()
    assert not Analysis.objects.exists()


def test_a_failing_step_after_the_analysis_never_silences_the_alert(world, webhook, monkeypatch,
                                                                    quiet_outbox):
    from django.db import OperationalError

    def locked(*args):
        raise OperationalError("database is locked")

    monkeypatch.setattr("ratusz.triage.services._route", locked)
    monkeypatch.setattr("ratusz.moderation.services.protective_hide", locked)
    webhook(messenger_message("m_1", text=GAS))
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted").count() == 1
    assert Conversation.objects.get().is_urgent


def test_when_the_analysis_crashes_the_emergency_rules_still_alert(world, webhook, monkeypatch,
                                                                   quiet_outbox):
    monkeypatch.setattr("ratusz.triage.services.message_analyze",
                        lambda message: 1 / 0)
    webhook(messenger_message("m_1", text=GAS))
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted").count() == 1


def test_routing_happens_once_and_respects_people(world, webhook):
    from ratusz.inbox.services import conversation_assign

    waste = department_create(actor=None, office=world.office, name="Odpady", slug="odpady")
    route_set(actor=world.mona, office=world.office, topic="waste", department=waste)
    webhook(messenger_message("m_1", text="Kiedy odbiór śmieci segregowanych?",
                              timestamp=1795862999000))
    conversation = Conversation.objects.get()
    assert conversation.department == waste
    conversation_assign(actor=world.mona, conversation=conversation, assignee=None,
                        department=None)
    webhook(messenger_message("m_2", text="A bioodpady w tym tygodniu też?",
                              timestamp=1795862999900))
    conversation.refresh_from_db()
    assert conversation.department is None


def test_an_edit_that_turns_a_message_into_an_emergency_alerts_once(world, webhook,
                                                                  quiet_outbox):
    webhook(feed_comment("c_1", text="Na Lipowej jest ciemno."))
    assert not AuditEvent.objects.filter(verb="inbox.emergency.alerted").exists()
    webhook(feed_comment("c_1", verb="edited", text="Na Lipowej pali się dom, ludzie w środku!!!",
                         time=1795860400))
    webhook(feed_comment("c_1", verb="edited", text="Na Lipowej pali się dom, ludzie w środku!!! "
                         "Straż jedzie.", time=1795860500))
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted").count() == 1
    assert Conversation.objects.get().is_urgent


def test_a_second_click_on_the_same_correction_changes_nothing(world, webhook, quiet_outbox):
    webhook(messenger_message("m_1", text=GAS))
    message = Message.objects.get()
    label_set(actor=world.anna, message=message, flag="urgent", value=False)
    label_set(actor=world.anna, message=message, flag="urgent", value=False)
    assert AuditEvent.objects.filter(verb="triage.label.set").count() == 1


def test_removing_a_false_emergency_never_puts_an_answered_one_back_on_top(world, webhook,
                                                                          quiet_outbox):
    webhook(messenger_message("m_1", text=GAS, timestamp=1795862999000))
    webhook(messenger_message("m_2", text="Gaz czuć coraz mocniej, pomocy!!!",
                              timestamp=1795862999500))
    conversation = Conversation.objects.get()
    reply_send(actor=world.anna, conversation=conversation, text="Dzwonimy na 992.",
               mode="message")
    label_set(actor=world.anna, message=Message.objects.get(platform_id="m_1"), flag="urgent",
              value=False)
    conversation.refresh_from_db()
    assert not conversation.is_urgent


def test_one_message_that_breaks_the_analysers_does_not_stop_reanalysis(world, webhook,
                                                                        monkeypatch):
    for i in range(3):
        webhook(messenger_message(f"m_{i}", text=f"Kiedy odbiór śmieci nr {i}?", sender=str(i)))
    Analysis.objects.update(version="old")
    real = analysis.analyze

    def flaky(text, channel="message"):
        if "nr 1" in text:
            raise RuntimeError("analyser bug")
        return real(text, channel)

    monkeypatch.setattr("ratusz.triage.analysis.analyze", flaky)
    assert reanalyze(actor="test") == 2
    assert Analysis.objects.filter(version="old").count() == 1


def test_a_model_never_flags_a_word_or_two():
    for text in ["Kraków", "rower", "nie", "Nie wiem", "mleko", "OK"]:
        assert analysis.analyze(text).flags == [], text


def test_a_moderator_can_unhide_a_protectively_hidden_comment(sandbox, committed, client):
    from django.contrib.auth import get_user_model

    from ratusz.moderation.models import Clause
    from ratusz.web.demo import load_demo

    with time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=WARSAW)):
        load_demo(history=False)
        sandbox.inbound(channel="facebook", kind="comment", text=PESEL_COMMENT,
                        who="Stanisław Jankowski")
        sandbox.flush()
        message = Message.objects.get(direction="in")
        assert message.is_hidden
        users = get_user_model().objects
        form = f"/o/demo/moderacja/akt?message={message.uuid}"
        client.force_login(users.get(username="odpady"))  # a responder
        assert client.get(form).status_code == 403
        client.force_login(users.get(username="redaktor"))  # a moderator
        page = client.get(f"/inbox/c/{message.conversation.uuid}/").content.decode()
        assert "Moderuj" in page
        correction = Clause.objects.get(key="correction")
        with committed():
            response = client.post(form, {"message": message.uuid, "kind": "unhide",
                                          "clause": correction.pk,
                                          "description": "To numer firmy, nie PESEL."})
            assert response.status_code == 302
        sandbox.flush()
    message.refresh_from_db()
    assert not message.is_hidden
    assert AuditEvent.objects.filter(verb="moderation.act.requested",
                                     data__kind="unhide").count() == 1
    unhides = [r for r in sandbox.graph_requests() if r["method"] == "POST"
               and r["path"].endswith(message.platform_id) and r["body"].get("is_hidden") is False]
    assert len(unhides) == 1