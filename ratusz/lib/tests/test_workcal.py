from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from ratusz.lib.workcal import (
    RULES,
    WorkCalendar,
    is_public_holiday,
    is_statutory_day_off,
    legal_end,
)

WARSAW = ZoneInfo("Europe/Warsaw")
WEEKDAY = [(time(7, 30), time(15, 30))]
GMINA = WorkCalendar(tz=WARSAW, hours={0: [(time(8), time(16))], 1: WEEKDAY, 2: WEEKDAY,
                                       3: WEEKDAY, 4: WEEKDAY})


class TestHolidays:
    def test_2024_has_13_and_christmas_eve_is_a_working_day(self):
        assert len(holidays.Poland(years=2024)) == 13
        assert not is_public_holiday(date(2024, 12, 24))
        assert GMINA.is_working_day(date(2024, 12, 24))

    def test_2025_has_14_with_christmas_eve(self):
        assert len(holidays.Poland(years=2025)) == 14
        assert is_public_holiday(date(2025, 12, 24))

    def test_2026_easter_and_corpus_christi(self):
        assert is_public_holiday(date(2026, 4, 5)) and is_public_holiday(date(2026, 4, 6))
        assert is_public_holiday(date(2026, 6, 4))


class TestDeadlines:
    def test_the_issue_example(self):
        start = date(2025, 12, 12)
        assert legal_end(start, RULES["udip"]) == date(2025, 12, 29)
        assert GMINA.internal_target(start, RULES["udip"]) == date(2025, 12, 23)

    def test_the_start_day_is_not_counted_and_months_keep_the_day_number(self):
        assert legal_end(date(2026, 3, 2), RULES["supplement"]) == date(2026, 3, 9)
        assert legal_end(date(2026, 1, 31), RULES["complaint"]) == date(2026, 3, 2)  # 28 Feb Sat
        # 31 Dec + 2 months clamps to 28 Feb 2026, a Saturday -> Monday 2 March
        assert legal_end(date(2025, 12, 31), RULES["udip-extended"]) == date(2026, 3, 2)

    def test_month_end_clamps_to_the_last_day(self):
        # 30 April + 1 month = 30 May 2026, a Saturday -> Monday 1 June
        assert legal_end(date(2026, 4, 30), RULES["complaint"]) == date(2026, 6, 1)

    def test_a_closure_moves_the_internal_target_but_not_the_legal_end(self):
        closed = WorkCalendar(tz=WARSAW, hours=GMINA.hours, closures={date(2026, 3, 9)})
        assert legal_end(date(2026, 3, 2), RULES["supplement"]) == date(2026, 3, 9)
        assert closed.internal_target(date(2026, 3, 2), RULES["supplement"]) == date(2026, 3, 6)

    @settings(max_examples=300, deadline=None)
    @given(start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
           rule=st.sampled_from(sorted(RULES)),
           closures=st.sets(st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 3, 31)),
                            max_size=40))
    def test_properties(self, start, rule, closures):
        calendar = WorkCalendar(tz=WARSAW, hours=GMINA.hours, closures=closures)
        end = legal_end(start, RULES[rule])
        assert end.weekday() != 5 and not is_statutory_day_off(end)
        assert end > start
        assert calendar.internal_target(start, RULES[rule]) <= end


class TestWorkingTime:
    def test_next_opening_after_friday_closing_is_monday_morning(self):
        friday = datetime(2026, 1, 9, 15, 31, tzinfo=WARSAW)
        assert GMINA.next_opening(friday) == datetime(2026, 1, 12, 8, 0, tzinfo=WARSAW)
        assert not GMINA.is_open(friday)
        assert GMINA.is_open(datetime(2026, 1, 9, 15, 29, tzinfo=WARSAW))

    def test_holidays_are_skipped(self):
        wigilia_eve = datetime(2025, 12, 23, 16, 0, tzinfo=WARSAW)
        assert GMINA.next_opening(wigilia_eve) == datetime(2025, 12, 29, 8, 0, tzinfo=WARSAW)

    def test_four_working_hours_across_a_weekend_and_a_dst_change(self):
        # Friday 27 March 2026, 14:00; DST starts Sunday 29 March.
        start = datetime(2026, 3, 27, 14, 0, tzinfo=WARSAW)
        due = GMINA.add_working_time(start, timedelta(hours=4))
        assert due == datetime(2026, 3, 30, 10, 30, tzinfo=WARSAW)
        assert due.utcoffset() == timedelta(hours=2)
        assert GMINA.working_time_between(start, due) == timedelta(hours=4)

    def test_working_time_counts_only_opening_hours(self):
        start = datetime(2026, 1, 9, 15, 0, tzinfo=WARSAW)  # Friday
        end = datetime(2026, 1, 12, 9, 0, tzinfo=WARSAW)  # Monday
        assert GMINA.working_time_between(start, end) == timedelta(hours=1, minutes=30)


def test_platform_times_never_raise():
    from hypothesis import given as _given

    from ratusz.lib.timeutil import from_platform

    assert from_platform("¹") is None
    assert from_platform("1795860243").year == 2026

    @_given(st.one_of(st.text(), st.integers(), st.floats(), st.none(), st.booleans()))
    def check(value):
        from_platform(value)

    check()
