import json
from datetime import date, time

import pytest
from django.core.management import call_command

from ratusz.audit.models import AuditEvent
from ratusz.offices.calendar import calendar_for, closure_add, opening_hours_set

pytestmark = pytest.mark.django_db


def test_demo_office_cli_prints_the_issue_example(capsys):
    call_command("demo", "--no-serve")
    capsys.readouterr()
    call_command("deadline", "--office", "demo", "--start", "2025-12-12T10:00:00+01:00",
                 "--rule", "udip")
    assert json.loads(capsys.readouterr().out) == {"legal_end": "2025-12-29",
                                                   "internal_target": "2025-12-23"}


def test_a_late_evening_utc_start_counts_from_the_local_day(capsys, world):
    opening_hours_set(actor=None, office=world.office, week={i: [(time(8), time(16))]
                                                             for i in range(5)})
    call_command("deadline", "--office", "a", "--start", "2026-03-01T23:30:00+00:00",
                 "--rule", "supplement")  # 00:30 on 2 March in Warsaw
    assert json.loads(capsys.readouterr().out)["legal_end"] == "2026-03-09"


def test_hours_and_closures_are_audited_and_used(world):
    opening_hours_set(actor=world.mona, office=world.office,
                      week={0: [(time(8), time(12)), (time(13), time(17))]})
    closure_add(actor=world.mona, office=world.office, day=date(2026, 3, 16), kind="ad_hoc",
                reason="Awaria ogrzewania")
    calendar = calendar_for(world.office, date(2026, 3, 1))
    assert calendar.hours == {0: [(time(8), time(12)), (time(13), time(17))]}
    assert not calendar.is_working_day(date(2026, 3, 16))
    assert calendar.is_working_day(date(2026, 3, 9))
    verbs = list(AuditEvent.objects.filter(actor=world.mona).values_list("verb", flat=True))
    assert verbs == ["offices.calendar.hours_changed", "offices.calendar.closure_added"]


def test_new_hours_can_start_on_a_later_date(world):
    opening_hours_set(actor=None, office=world.office, week={0: [(time(8), time(16))]})
    opening_hours_set(actor=None, office=world.office, week={0: [(time(7), time(15))]},
                      valid_from=date(2026, 7, 1))
    assert calendar_for(world.office, date(2026, 6, 29)).hours == {0: [(time(8), time(16))]}
    assert calendar_for(world.office, date(2026, 7, 6)).hours == {0: [(time(7), time(15))]}
