from datetime import date, time

import pytest

from ratusz.audit.models import AuditEvent
from ratusz.offices.forms import parse_spans
from ratusz.offices.models import Closure, OpeningHours, Role
from ratusz.offices.services import membership_grant
from ratusz.testing import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(world):
    user = make_user("olli")
    membership_grant(actor=None, office=world.office, user=user, role=Role.ADMIN)
    return user


def test_parse_spans():
    assert parse_spans("7:30-15:30") == [(time(7, 30), time(15, 30))]
    assert parse_spans(" 13:00-16:00, 8:00-12:00 ") == [(time(8), time(12)), (time(13), time(16))]
    assert parse_spans("") == []
    for bad in ["7-15", "15:00-7:00", "8:00-12:00, 11:00-16:00", "25:00-26:00"]:
        with pytest.raises(Exception):  # noqa: B017 - forms.ValidationError
            parse_spans(bad)


def test_admin_edits_hours_closures_and_the_acknowledgement(client, world, admin):
    client.force_login(admin)
    week = {f"day_{d}": "7:30-15:30" for d in range(1, 5)} | {"day_0": "8:00-12:00, 13:00-16:00"}
    assert client.post("/o/a/calendar/hours", week).status_code == 302
    assert OpeningHours.objects.filter(office=world.office, weekday=0).count() == 2
    client.post("/o/a/calendar/closures", {"day": "2030-01-02", "kind": "bridge",
                                           "reason": "Most"})
    assert Closure.objects.get().day == date(2030, 1, 2)
    response = client.post("/o/a/calendar/settings", {
        "response_target_minutes": "120", "ack_messages": "on", "ack_text":
        "Automat: odpiszemy {next_opening}.", "duty_contact": "600 100 200",
        "duty_emails": "a@gmina.example, b@gmina.example", "rules_url": ""})
    assert response.status_code == 302
    world.office.refresh_from_db()
    assert (world.office.response_target_minutes, world.office.ack_comments,
            world.office.human_agent_enabled) == (120, False, False)
    page = client.get("/o/a/calendar/").content.decode()
    assert 'data-preview="ordinary"' in page and "Automat: odpiszemy w " in page
    assert "600 100 200" in page
    verbs = set(AuditEvent.objects.filter(actor=admin).values_list("verb", flat=True))
    assert verbs == {"offices.calendar.hours_changed", "offices.calendar.closure_added",
                     "offices.office.time_settings_changed"}
    client.post(f"/o/a/calendar/closures/{Closure.objects.get().pk}/remove")
    assert not Closure.objects.exists()


def test_bad_input_is_explained_not_saved(client, world, admin):
    client.force_login(admin)
    response = client.post("/o/a/calendar/hours", {"day_0": "16:00-8:00"})
    assert response.status_code == 400 and "otwierać przed zamknięciem" in response.content.decode()
    response = client.post("/o/a/calendar/settings", {"response_target_minutes": "60",
                                                      "duty_emails": "not-an-email"})
    assert response.status_code == 400
    assert not OpeningHours.objects.exists()


def test_only_administrators_edit_the_calendar(client, world, admin):
    client.force_login(world.mona)
    assert client.get("/o/a/calendar/").status_code == 403
    assert client.post("/o/a/calendar/hours", {"day_0": "8:00-9:00"}).status_code == 403
    client.force_login(world.bea)
    assert client.get("/o/a/calendar/").status_code == 404


def test_complaints_slot_and_a_channel_target(client, world, admin):
    from ratusz.inbox.clock import complaints_hours

    client.force_login(admin)
    client.post("/o/a/calendar/complaints", {"complaints-day_0": "15:30-17:00"})
    assert complaints_hours(world.office) == "poniedziałek 15:30-17:00"
    assert OpeningHours.objects.get(kind="complaints").weekday == 0
    client.post(f"/o/a/calendar/channels/{world.page.uuid}", {"minutes": "60"})
    world.page.refresh_from_db()
    assert world.page.response_target_minutes == 60
    client.post(f"/o/a/calendar/channels/{world.page.uuid}", {"minutes": "abc"})
    client.post(f"/o/a/calendar/channels/{world.instagram.uuid}", {"minutes": ""})
    world.page.refresh_from_db()
    assert world.page.response_target_minutes == 60
    assert AuditEvent.objects.filter(verb="channels.channel.target_changed").count() == 1
