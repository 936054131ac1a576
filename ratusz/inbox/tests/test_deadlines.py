from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ratusz.audit.models import AuditEvent
from ratusz.inbox.clock import forget_calendars
from ratusz.inbox.models import Conversation, Deadline
from ratusz.offices.calendar import opening_hours_set
from ratusz.testing import messenger_message
from ratusz.triage.analysis import analyze

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")
REQUEST = ("Dzień dobry, na podstawie ustawy o dostępie do informacji publicznej wnoszę o "
           "udostępnienie umowy na odbiór odpadów.")


@pytest.fixture
def office(world):
    forget_calendars()
    weekday = [(time(7, 30), time(15, 30))]
    opening_hours_set(actor=None, office=world.office, week=dict.fromkeys(range(5), weekday))
    yield world.office
    forget_calendars()


def test_triage_recognises_the_request():
    flag = "public_information_request"
    assert flag in analyze(REQUEST).flags
    assert flag in analyze("Proszę o udostępnienie informacji publicznej").flags
    assert flag not in analyze("Gdzie w BIP-ie znajdę ogłoszenia o przetargach?").flags


def test_a_request_for_public_information_starts_the_udip_clock_once(office, webhook):
    moment = datetime(2025, 12, 12, 10, 0, tzinfo=WARSAW)
    with time_machine.travel(moment, tick=False):
        webhook(messenger_message("m_1", text=REQUEST, timestamp=int(moment.timestamp() * 1000)))
        webhook(messenger_message("m_2", text=REQUEST + " Ponawiam.",
                                  timestamp=int(moment.timestamp() * 1000) + 1000))
    deadline = Deadline.objects.get()
    assert (deadline.rule, deadline.started_on) == ("udip", date(2025, 12, 12))
    assert (deadline.legal_end, deadline.internal_target) == (date(2025, 12, 29),
                                                              date(2025, 12, 23))
    assert AuditEvent.objects.filter(verb="inbox.deadline.started").count() == 1


def test_staff_start_and_close_a_deadline_and_see_it_listed(office, webhook, world, client):
    webhook(messenger_message("m_1", text="Składam skargę na pracę referatu."))
    conversation = Conversation.objects.get()
    client.force_login(world.anna)
    with time_machine.travel(datetime(2026, 1, 30, 9, 0, tzinfo=WARSAW), tick=False):
        client.post(f"/inbox/c/{conversation.uuid}/deadline", {"rule": "complaint"})
        deadline = Deadline.objects.get()
        assert deadline.legal_end == date(2026, 3, 2)  # 28 Feb is a Saturday
        page = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
        assert 'data-deadline="complaint"' in page
        listing = client.get("/inbox/deadlines/").content.decode()
        assert str(deadline.uuid) in listing
    with time_machine.travel(datetime(2026, 3, 3, 9, 0, tzinfo=WARSAW), tick=False):
        client.force_login(world.anna)  # a month later the session has expired
        listing = client.get("/inbox/deadlines/").content.decode()
        assert "table-danger" in listing
        client.post(f"/inbox/d/{deadline.uuid}/done")
    deadline.refresh_from_db()
    assert deadline.status == "done"
    assert AuditEvent.objects.filter(verb="inbox.deadline.done", actor=world.anna).exists()


def test_deadline_actions_respect_roles(office, webhook, world, client):
    webhook(messenger_message("m_1", text="Pytanie"))
    conversation = Conversation.objects.get()
    client.force_login(world.vera)
    assert client.post(f"/inbox/c/{conversation.uuid}/deadline",
                       {"rule": "udip"}).status_code == 403
    client.force_login(world.bea)
    assert client.post(f"/inbox/c/{conversation.uuid}/deadline",
                       {"rule": "udip"}).status_code == 404
    assert not Deadline.objects.exists()
