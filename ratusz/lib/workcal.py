"""Office working time and statutory deadlines, as plain Python over calendar data.

`WorkCalendar` answers "is the office open", "when does it open next", and "how much working
time lies between two moments". `legal_end` and `internal_target` implement the deadline
rules of Polish administrative procedure:

- art. 57 § 1 KPA: the day of the event that starts a deadline is not counted;
- art. 57 § 3 KPA: a deadline in months ends on the same day number, or on the month's last
  day when that day does not exist;
- art. 57 § 4 KPA: a deadline ending on a statutory day off (Sunday, public holiday) or on a
  Saturday ends on the next day that is neither.

The internal target is the office's own last working day on or before the nominal end, so a
reply is ready before the legal end even when the office closes for a bridge day.
"""

import calendar as _calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.Poland(years=year))


def is_public_holiday(day: date) -> bool:
    return day in _polish_holidays(day.year)


def is_statutory_day_off(day: date) -> bool:
    """Sunday or a public holiday (ustawa o dniach wolnych od pracy)."""
    return day.weekday() == 6 or is_public_holiday(day)


@dataclass(frozen=True)
class Rule:
    code: str
    days: int = 0
    months: int = 0


RULES = {
    "udip": Rule("udip", days=14),  # art. 13 ust. 1 UDIP
    "udip-extended": Rule("udip-extended", months=2),  # art. 13 ust. 2 UDIP
    "complaint": Rule("complaint", months=1),  # art. 237 § 1 KPA
    "supplement": Rule("supplement", days=7),  # art. 64 § 2 KPA
}


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def nominal_end(start: date, rule: Rule) -> date:
    """The end before art. 57 § 4 moves it: the start day itself is not counted."""
    return _add_months(start, rule.months) if rule.months else start + timedelta(days=rule.days)


def legal_end(start: date, rule: Rule) -> date:
    end = nominal_end(start, rule)
    while end.weekday() == 5 or is_statutory_day_off(end):
        end += timedelta(days=1)
    return end


@dataclass
class WorkCalendar:
    """Opening hours per weekday (0 = Monday; several spans allowed) and extra closed days."""

    tz: ZoneInfo
    hours: dict[int, list[tuple[time, time]]]
    closures: set[date] = field(default_factory=set)

    def is_working_day(self, day: date) -> bool:
        return (bool(self.hours.get(day.weekday())) and not is_statutory_day_off(day)
                and day not in self.closures)

    def spans(self, day: date) -> list[tuple[datetime, datetime]]:
        if not self.is_working_day(day):
            return []
        return [(datetime.combine(day, opens, self.tz), datetime.combine(day, closes, self.tz))
                for opens, closes in sorted(self.hours[day.weekday()])]

    def is_open(self, moment: datetime) -> bool:
        local = moment.astimezone(self.tz)
        return any(a <= local < b for a, b in self.spans(local.date()))

    def next_opening(self, moment: datetime, horizon_days: int = 400) -> datetime | None:
        """The next moment the office opens at or after `moment` (None if it never does)."""
        local = moment.astimezone(self.tz)
        for offset in range(horizon_days):
            for opens, _closes in self.spans(local.date() + timedelta(days=offset)):
                if opens >= local:
                    return opens
        return None

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        total = timedelta()
        day = start.astimezone(self.tz).date()
        while day <= end.astimezone(self.tz).date():
            for opens, closes in self.spans(day):
                total += max(timedelta(), min(closes, end) - max(opens, start))
            day += timedelta(days=1)
        return total

    def add_working_time(self, start: datetime, amount: timedelta,
                         horizon_days: int = 400) -> datetime | None:
        """The moment when `amount` of working time has passed after `start`."""
        left, day = amount, start.astimezone(self.tz).date()
        for _ in range(horizon_days):
            for opens, closes in self.spans(day):
                begin = max(opens, start)
                if begin >= closes:
                    continue
                if begin + left <= closes:
                    return begin + left
                left -= closes - begin
            day += timedelta(days=1)
        return None

    def internal_target(self, start: date, rule: Rule) -> date:
        """The office's last working day on or before the nominal end (never after the legal
        end; if the office has no working day in between, the legal end itself)."""
        day = nominal_end(start, rule)
        while day > start:
            if self.is_working_day(day):
                return day
            day -= timedelta(days=1)
        return legal_end(start, rule)
