"""The office calendar at work in the inbox: acknowledgements, emergencies, response clocks.
Tests run in Europe/Warsaw and pin time with time-machine."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ratusz.audit.models import AuditEvent
from ratusz.inbox.clock import forget_calendars, when_in_words
from ratusz.inbox.models import Conversation, Message
from ratusz.inbox.services import reply_send
from ratusz.offices.calendar import opening_hours_set
from ratusz.outbox.models import OutboxAction
from ratusz.testing import PAGE_ID, feed_comment, messenger_message

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def office(world, monkeypatch):
    monkeypatch.setattr("ratusz.outbox.services._schedule", lambda *a, **k: None)
    forget_calendars()
    monday, weekday = [(time(8, 0), time(16, 0))], [(time(7, 30), time(15, 30))]
    opening_hours_set(actor=None, office=world.office,
                      week={0: monday, 1: weekday, 2: weekday, 3: weekday, 4: weekday})
    world.office.duty_contact = "dyżurny 600 100 200"
    world.office.duty_emails = "kryzys@gmina.example"
    world.office.rules_url = "https://gmina.example/regulamin"
    world.office.save()
    yield world.office
    forget_calendars()


def write_at(webhook, moment: datetime, mid: str, text: str = "Dzień dobry", **kw):
    with time_machine.travel(moment, tick=False):
        webhook(messenger_message(mid, text=text, timestamp=int(moment.timestamp() * 1000),
                                  **kw))


def acks():
    return list(Message.objects.filter(origin=Message.Origin.AUTOMATIC).order_by("pk"))


def test_friday_after_closing_gets_one_acknowledgement_naming_monday(office, webhook):
    write_at(webhook, datetime(2026, 1, 9, 15, 31, tzinfo=WARSAW), "m_1")
    [ack] = acks()
    assert "automatyczna" in ack.text
    assert "w poniedziałek 12 stycznia od 8:00" in ack.text
    assert "https://gmina.example/regulamin" in ack.text
    assert "112" not in ack.text
    action = OutboxAction.objects.get()
    assert (action.kind, action.target_id, action.payload["messaging_type"]) == (
        "message", "2516", "RESPONSE")
    conversation = Conversation.objects.get()
    assert conversation.status == Conversation.Status.NEW  # a person still has to answer
    assert AuditEvent.objects.filter(verb="inbox.ack.sent").count() == 1


def test_a_second_message_or_a_redelivery_in_the_same_closed_period_gets_none(office,
                                                                             webhook):
    write_at(webhook, datetime(2026, 1, 10, 11, 0, tzinfo=WARSAW), "m_1")  # Saturday
    write_at(webhook, datetime(2026, 1, 10, 11, 0, tzinfo=WARSAW), "m_1")  # redelivery
    write_at(webhook, datetime(2026, 1, 11, 20, 0, tzinfo=WARSAW), "m_2")  # Sunday evening
    assert len(acks()) == 1
    write_at(webhook, datetime(2026, 1, 12, 17, 0, tzinfo=WARSAW), "m_3")  # Monday after 16
    assert len(acks()) == 2


def test_wigilia_counts_as_closed_until_after_christmas(office, webhook):
    write_at(webhook, datetime(2025, 12, 24, 10, 0, tzinfo=WARSAW), "m_1")
    [ack] = acks()
    assert "w poniedziałek 29 grudnia od 8:00" in ack.text


def test_no_acknowledgement_while_the_office_is_open(office, webhook):
    write_at(webhook, datetime(2026, 1, 9, 10, 0, tzinfo=WARSAW), "m_1")
    assert acks() == []


def test_a_night_message_processed_after_opening_gets_none(office, webhook):
    night = datetime(2026, 1, 9, 2, 0, tzinfo=WARSAW)
    with time_machine.travel(datetime(2026, 1, 9, 9, 0, tzinfo=WARSAW), tick=False):
        webhook(messenger_message("m_1", timestamp=int(night.timestamp() * 1000)))
    assert acks() == []


def test_an_emergency_at_two_in_the_morning_mentions_112_and_alerts_the_duty(office, webhook,
                                                                             mailoutbox):
    write_at(webhook, datetime(2026, 1, 14, 2, 0, tzinfo=WARSAW), "m_1",
             text="Czuć gaz na klatce schodowej, ul. Lipowa 5!")
    [ack] = acks()
    assert "112" in ack.text and "dyżurny 600 100 200" in ack.text
    assert [m.to for m in mailoutbox] == [["kryzys@gmina.example"]]
    assert "Czuć gaz" in mailoutbox[0].body
    assert AuditEvent.objects.filter(verb="inbox.emergency.alerted").exists()


def test_an_emergency_during_office_hours_alerts_without_acknowledging(office, webhook,
                                                                        mailoutbox):
    write_at(webhook, datetime(2026, 1, 14, 10, 0, tzinfo=WARSAW), "m_1",
             text="Drzewo leży na drodze do szkoły, zablokowało przejazd")
    assert acks() == [] and len(mailoutbox) == 1


def test_echoes_and_comments_are_not_acknowledged_by_default(office, webhook):
    moment = datetime(2026, 1, 10, 11, 0, tzinfo=WARSAW)
    with time_machine.travel(moment, tick=False):
        webhook(feed_comment("998877_1", created=int(moment.timestamp())))
        webhook({"object": "page", "entry": [{"id": PAGE_ID, "time": 1, "messaging": [
            {"sender": {"id": PAGE_ID}, "recipient": {"id": "2516"},
             "timestamp": int(moment.timestamp() * 1000),
             "message": {"is_echo": True, "mid": "m_echo", "text": "Dzień dobry"}}]}]})
    assert acks() == []


def test_the_offices_own_text_and_unknown_placeholders(office, webhook):
    office.ack_text = "Automat: wrócimy {next_opening}. {nieznane}"
    office.save()
    write_at(webhook, datetime(2026, 1, 10, 11, 0, tzinfo=WARSAW), "m_1")
    assert acks()[0].text == "Automat: wrócimy w poniedziałek 12 stycznia od 8:00. {nieznane}"


class TestResponseClock:
    def test_four_working_hours_across_a_weekend_and_dst(self, office, webhook, world):
        write_at(webhook, datetime(2026, 3, 27, 14, 0, tzinfo=WARSAW), "m_1")  # Friday
        conversation = Conversation.objects.get()
        # Friday 14:00-15:30 (1.5 h), Monday from 8:00 (2.5 h), after the DST change
        assert conversation.response_due_at == datetime(2026, 3, 30, 10, 30, tzinfo=WARSAW)

    def test_the_clock_stops_when_answered_and_restarts_on_a_new_question(self, office,
                                                                          webhook, world):
        write_at(webhook, datetime(2026, 1, 13, 9, 0, tzinfo=WARSAW), "m_1")
        conversation = Conversation.objects.get()
        assert conversation.response_due_at == datetime(2026, 1, 13, 13, 0, tzinfo=WARSAW)
        with time_machine.travel(datetime(2026, 1, 13, 10, 0, tzinfo=WARSAW), tick=False):
            reply_send(actor=world.anna, conversation=conversation, text="Już sprawdzamy.",
                       mode="message")
        conversation.refresh_from_db()
        assert conversation.response_due_at is None
        write_at(webhook, datetime(2026, 1, 13, 15, 0, tzinfo=WARSAW), "m_2")
        conversation.refresh_from_db()
        assert conversation.response_due_at == datetime(2026, 1, 14, 11, 0, tzinfo=WARSAW)


def test_when_in_words():
    assert when_in_words(datetime(2026, 1, 5, 7, 30, tzinfo=WARSAW)) == \
        "w poniedziałek 5 stycznia od 7:30"
    assert when_in_words(datetime(2026, 9, 2, 8, 0, tzinfo=WARSAW)) == "w środę 2 września od 8:00"


def test_an_overdue_question_is_flagged_once_and_mailed_to_its_owner(office, webhook, world,
                                                                     mailoutbox, client):
    from ratusz.inbox.clock import breaches_notify

    write_at(webhook, datetime(2026, 1, 13, 9, 0, tzinfo=WARSAW), "m_1")
    conversation = Conversation.objects.get()
    world.anna.email = "anna@gmina.example"
    world.anna.save()
    Conversation.objects.filter(pk=conversation.pk).update(assignee=world.anna)
    with time_machine.travel(datetime(2026, 1, 13, 12, 0, tzinfo=WARSAW), tick=False):
        assert breaches_notify() == 0
    with time_machine.travel(datetime(2026, 1, 13, 13, 1, tzinfo=WARSAW), tick=False):
        assert breaches_notify() == 1
        assert breaches_notify() == 0
        client.force_login(world.vera)
        body = client.get("/inbox/", {"sort": "due"}).content.decode()
    assert 'data-due="overdue"' in body
    assert [m.to for m in mailoutbox] == [["anna@gmina.example"]]
    assert AuditEvent.objects.filter(verb="inbox.clock.breached").count() == 1


def test_the_inbox_sorts_by_time_left(office, webhook, world, client):
    write_at(webhook, datetime(2026, 1, 13, 11, 0, tzinfo=WARSAW), "m_late", sender="1")
    write_at(webhook, datetime(2026, 1, 13, 9, 0, tzinfo=WARSAW), "m_early", sender="2")
    client.force_login(world.vera)
    with time_machine.travel(datetime(2026, 1, 13, 12, 0, tzinfo=WARSAW), tick=False):
        body = client.get("/inbox/", {"sort": "due"}).content.decode()
    early = Conversation.objects.get(resident__platform_id="2")
    late = Conversation.objects.get(resident__platform_id="1")
    assert body.index(str(early.uuid)) < body.index(str(late.uuid))
    assert 'data-due="running"' in body


def test_a_channel_target_overrides_the_office_target(office, webhook, world):
    world.page.response_target_minutes = 60
    world.page.save()
    write_at(webhook, datetime(2026, 1, 13, 9, 0, tzinfo=WARSAW), "m_1")
    assert Conversation.objects.get().response_due_at == datetime(2026, 1, 13, 10, 0,
                                                                  tzinfo=WARSAW)


def test_the_composer_shows_the_private_reply_limit(office, webhook, world, client):
    moment = datetime(2026, 1, 13, 9, 0, tzinfo=WARSAW)
    with time_machine.travel(moment, tick=False):
        webhook(feed_comment("998877_1", created=int(moment.timestamp())))
        client.force_login(world.anna)
        conversation = Conversation.objects.get()
        body = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert 'data-private-reply="available"' in body and "20 stycznia" in body
    with time_machine.travel(moment + timedelta(days=8), tick=False):
        client.force_login(world.anna)
        body = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert 'data-private-reply="unavailable"' in body and "7 dni" in body


CALLS = []


def record_call(message):
    CALLS.append(message.text)
    return 1


def broken_notifier(message):
    raise RuntimeError("gateway down")


def test_emergency_notifiers_are_pluggable_and_one_failure_does_not_silence_others(
        office, webhook, settings, mailoutbox):
    settings.RATUSZ_EMERGENCY_NOTIFIERS = [
        "ratusz.inbox.tests.test_clock.broken_notifier",
        "ratusz.inbox.tests.test_clock.record_call",
        "ratusz.inbox.clock.notify_by_email"]
    CALLS.clear()
    write_at(webhook, datetime(2026, 1, 14, 10, 0, tzinfo=WARSAW), "m_1", text="Pożar stodoły!")
    assert CALLS == ["Pożar stodoły!"] and len(mailoutbox) == 1
    event = AuditEvent.objects.get(verb="inbox.emergency.alerted")
    assert event.data["reached"] == {
        "ratusz.inbox.tests.test_clock.broken_notifier": 0,
        "ratusz.inbox.tests.test_clock.record_call": 1, "ratusz.inbox.clock.notify_by_email": 1}
