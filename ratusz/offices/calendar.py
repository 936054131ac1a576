"""The office calendar from the database, as a `WorkCalendar` for a given period."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from ratusz.audit.services import record
from ratusz.lib.workcal import WorkCalendar
from ratusz.offices.models import Closure, Office, OpeningHours


def weekly_spans(office: Office, kind: str, on: date) -> dict[int, list]:
    week: dict[int, list] = {}
    for row in office.opening_hours.filter(kind=kind):
        if row.applies_on(on):
            week.setdefault(row.weekday, []).append((row.opens, row.closes))
    return week


def calendar_for(office: Office, around: date, *, days: int = 400) -> WorkCalendar:
    """The calendar in force from `around` for `days` days. Hours that change inside the
    period are taken as they stand on `around`; the deadline engine looks at most a few
    months ahead, and a scheduled change of hours is rare enough to accept that."""
    hours = weekly_spans(office, OpeningHours.Kind.OPEN, around)
    closures = set(office.closures.filter(
        day__gte=around - timedelta(days=days), day__lte=around + timedelta(days=days),
    ).values_list("day", flat=True))
    return WorkCalendar(tz=ZoneInfo(office.time_zone), hours=hours, closures=closures)


@transaction.atomic
def opening_hours_set(*, actor, office: Office, week: dict[int, list[tuple]],
                      valid_from: date | None = None,
                      kind: str = OpeningHours.Kind.OPEN) -> list[OpeningHours]:
    """Replace the office's regular opening hours, or its after-hours slot for complaints
    (`kind`), from `valid_from` or from now on."""
    current = office.opening_hours.filter(kind=kind)
    before = [str(h) for h in current]
    if valid_from is None:
        current.delete()
    else:
        current.filter(valid_from__gte=valid_from).delete()
        current.filter(valid_to__isnull=True).update(valid_to=valid_from - timedelta(days=1))
    rows = [OpeningHours.objects.create(office=office, weekday=weekday, opens=opens,
                                        closes=closes, valid_from=valid_from, kind=kind)
            for weekday, spans in sorted(week.items()) for opens, closes in spans]
    record(actor=actor, verb="offices.calendar.hours_changed", office=office,
           data={"kind": kind, "before": before, "after": [str(r) for r in rows],
                 "valid_from": str(valid_from or "")})
    return rows


@transaction.atomic
def closure_remove(*, actor, closure: Closure) -> None:
    office, day = closure.office, closure.day
    closure.delete()
    record(actor=actor, verb="offices.calendar.closure_removed", office=office,
           data={"day": str(day)})


@transaction.atomic
def closure_add(*, actor, office: Office, day: date, kind: str, reason: str = "") -> Closure:
    closure, _ = Closure.objects.update_or_create(office=office, day=day,
                                                  defaults={"kind": kind, "reason": reason})
    record(actor=actor, verb="offices.calendar.closure_added", office=office, target=closure,
           data={"day": str(day), "kind": kind, "reason": reason})
    return closure
