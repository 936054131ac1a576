"""The report's figures against fixtures computed by hand. The office is open Monday to Friday
8:00-16:00; March 2026 has no public holiday (Easter is on 5 April)."""

import json
from datetime import date, datetime, time, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from ratusz.inbox.models import Conversation, Deadline, Message, Resident
from ratusz.inbox.models import Post as InboxPost
from ratusz.lib.workcal import WorkCalendar
from ratusz.moderation.models import Appeal, Clause, ModerationAct, Regulamin
from ratusz.offices.calendar import opening_hours_set
from ratusz.outbox.models import OutboxAction
from ratusz.publishing.models import Post, Target, Task
from ratusz.reports.metrics import DEFINITIONS, Period, WorkClock, compute, nearest_rank
from ratusz.triage.models import Analysis

pytestmark = pytest.mark.django_db
WARSAW = ZoneInfo("Europe/Warsaw")
MARCH = Period.month(2026, 3)
NOW = datetime(2026, 4, 15, 12, 0, tzinfo=WARSAW)
DESK, EXTERNAL, AUTOMATIC = "desk", "external", "automatic"
SERIAL = count(1)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=WARSAW)


@pytest.fixture
def office(world):
    opening_hours_set(actor=None, office=world.office,
                      week={day: [(time(8, 0), time(16, 0))] for day in range(5)})
    world.office.refresh_from_db()
    return world.office


@pytest.fixture
def desk(world, office):
    return Desk(world)


def report(office, **kwargs) -> dict:
    kwargs.setdefault("now", NOW)
    return compute(office, kwargs.pop("period", MARCH), **kwargs)


class Desk:
    """Rows as the desk records them, written directly."""

    def __init__(self, world) -> None:
        self.world = world

    def resident(self, who: str, channel=None) -> Resident:
        return Resident.objects.get_or_create(channel=channel or self.world.page,
                                              platform_id=who)[0]

    def thread(self, kind: str = "direct", *, channel=None, who: str = "r1", department=None,
               post=None, key: str = "") -> Conversation:
        channel = channel or self.world.page
        return Conversation.objects.create(
            office=channel.office, channel=channel, kind=kind,
            thread_key=key or f"t{next(SERIAL)}", resident=self.resident(who, channel),
            department=department, post=post)

    def ask(self, conversation: Conversation, when: datetime, *flags: str,
            who: str = "") -> Message:
        """A resident's message; `flags` become its triage analysis ("none": no analysis)."""
        message = Message.objects.create(
            conversation=conversation, channel=conversation.channel,
            kind="comment" if conversation.kind == "comments" else "message",
            direction="in", origin="platform", created_at=when,
            resident=self.resident(who, conversation.channel) if who else conversation.resident)
        if flags != ("none",):
            Analysis.objects.create(message=message, version="test",
                                    **dict.fromkeys(flags or ("question",), True))
        return message

    def say(self, conversation: Conversation, when: datetime, *, origin: str = DESK,
            kind: str = "", private_reply: bool = False, delivery: str = "sent",
            action=None, parent: str = "") -> Message:
        """The office's message: a comment in comment threads unless `kind` says otherwise."""
        kind = kind or ("comment" if conversation.kind == "comments" else "message")
        return Message.objects.create(
            conversation=conversation, channel=conversation.channel, kind=kind,
            direction="out", origin=origin, created_at=when, is_private_reply=private_reply,
            delivery=delivery, outbox_action=action, parent_platform_id=parent)

    def waited(self, minutes: int, day: int = 2, hour: int = 8, **thread) -> None:
        """A question answered after `minutes` within one open day."""
        conversation = self.thread(**thread)
        self.ask(conversation, at(day, hour))
        self.say(conversation, at(day, hour) + timedelta(minutes=minutes))


# -- periods ---------------------------------------------------------------------------------

def test_a_month_and_the_one_before_it():
    assert Period(date(2026, 3, 1), date(2026, 3, 31)) == MARCH
    assert MARCH.previous() == Period(date(2026, 2, 1), date(2026, 2, 28))
    assert Period.month(2026, 1).previous() == Period(date(2025, 12, 1), date(2025, 12, 31))
    assert Period.month(2024, 2).days == 29


def test_a_period_of_days_or_whole_months_is_followed_by_the_same_length_before():
    week = Period(date(2026, 3, 9), date(2026, 3, 15))
    assert week.previous() == Period(date(2026, 3, 2), date(2026, 3, 8))
    quarter = Period(date(2026, 1, 1), date(2026, 3, 31))
    assert quarter.previous() == Period(date(2025, 10, 1), date(2025, 12, 31))
    with pytest.raises(ValueError):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_nearest_rank_percentile():
    values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 300]
    assert nearest_rank(values, 90) == 90  # rank ceil(0.9 * 10) = 9; interpolation gives 111
    assert nearest_rank(values, 100) == 300
    assert nearest_rank([7], 90) == 7
    assert nearest_rank([], 90) is None


def test_definitions_have_unique_keys_and_polish_texts():
    keys = [key for key, _text in DEFINITIONS]
    assert len(keys) == len(set(keys))
    for _key, text in DEFINITIONS:
        with translation.override("en"):
            english = str(text)
        with translation.override("pl"):
            polish = str(text)
        assert english.endswith(".") and polish.endswith(".") and polish != english, english


# -- working time ----------------------------------------------------------------------------

def test_the_clock_agrees_with_the_office_calendar():
    """Split hours, a weekend, Easter Monday and a closure, against `working_time_between`."""
    calendar = WorkCalendar(tz=WARSAW, hours={0: [(time(8), time(12)), (time(13), time(16))],
                                              1: [(time(7, 30), time(15, 30))],
                                              2: [(time(7, 30), time(15, 30))],
                                              3: [(time(7, 30), time(15, 30))],
                                              4: [(time(7, 30), time(15, 30))]},
                            closures={date(2026, 4, 3)})
    clock = WorkClock(calendar, date(2026, 3, 30))
    moments = [datetime(2026, 3, 30, 7), datetime(2026, 3, 30, 12, 30),
               datetime(2026, 3, 31, 15, 29), datetime(2026, 4, 2, 23),
               datetime(2026, 4, 4, 10), datetime(2026, 4, 7, 7, 45),
               datetime(2026, 4, 13, 13, 5)]
    moments = [moment.replace(tzinfo=WARSAW) for moment in moments]
    for i, start in enumerate(moments):
        for end in moments[i:]:
            expected = calendar.working_time_between(start, end).total_seconds() / 60
            assert clock.working_minutes(start, end) == pytest.approx(expected), (start, end)
    assert clock.working_minutes(moments[3], moments[5]) == 15  # Fri closed, Easter Monday
    assert clock.working_days_between(date(2026, 4, 2), date(2026, 4, 9)) == 2  # 7th and 8th


def test_friday_1559_answered_monday_0801_is_two_working_minutes(office, desk):
    conversation = desk.thread()
    desk.ask(conversation, at(6, 15, 59))  # Friday
    desk.say(conversation, at(9, 8, 1))  # Monday
    response = report(office)["response"]
    assert response["median_working_minutes"] == 2.0
    assert response["p90_working_minutes"] == 2.0
    assert response["median_calendar_minutes"] == 3842.0  # 2 days 16 hours 2 minutes
    assert response["within_target"] == 1


def test_working_minutes_skip_the_night_and_the_dst_change(office, desk):
    """Friday 27 March 15:00 to Monday 30 March 9:00 (clocks went forward on Sunday)."""
    conversation = desk.thread()
    desk.ask(conversation, at(27, 15))
    desk.say(conversation, at(30, 9))
    response = report(office)["response"]
    assert response["median_working_minutes"] == 120.0
    assert response["median_calendar_minutes"] == 60 * 66 - 60  # one hour fewer on Sunday


# -- response --------------------------------------------------------------------------------

def test_answered_share_public_and_private(office, desk):
    comment = desk.thread("comments")
    desk.ask(comment, at(2, 10))
    desk.say(comment, at(2, 10, 30))  # a public reply
    direct = desk.thread("direct", who="r2")
    desk.ask(direct, at(3, 9))
    desk.say(direct, at(3, 11), origin=EXTERNAL)  # written in Business Suite
    moved = desk.thread("comments", who="r3")
    desk.ask(moved, at(4, 9), "public_information_request")
    desk.say(moved, at(4, 9, 20), kind="message", private_reply=True)  # moved to private
    desk.say(moved, at(4, 9, 21))  # and the public acknowledgement of it
    waiting = desk.thread("direct", who="r4")
    desk.ask(waiting, at(5, 9), "formal_matter")
    chat = desk.thread("direct", who="r5")
    desk.ask(chat, at(5, 10), "negative")  # no question
    desk.ask(chat, at(5, 11), "none")  # not analysed
    desk.say(chat, at(5, 12))
    response = report(office)["response"]
    assert (response["questions"], response["answered"]) == (4, 3)
    assert (response["answered_public"], response["answered_private"]) == (1, 2)
    assert response["answered_share"] == 0.75
    assert response["median_working_minutes"] == 30.0  # 30, 120, 20
    assert response["by_day"][1] == {"date": "2026-03-02", "inbound": 1, "questions": 1,
                                     "answered": 1}
    assert response["by_day"][4] == {"date": "2026-03-05", "inbound": 3, "questions": 1,
                                     "answered": 0}
    assert len(response["by_day"]) == 31


def test_days_are_the_office_days_across_midnight_and_the_dst_change(office, desk):
    chat = desk.thread()
    for moment in [at(28, 23, 59), at(29, 0, 0), at(29, 23, 59), at(30, 0, 0), at(31, 23, 59),
                   at(1, 0, 0, month=4)]:  # clocks went forward on 29 March
        desk.ask(chat, moment, "none")
    desk.ask(desk.thread(who="r2"), at(29, 23, 30))
    by_day = {day["date"]: day for day in report(office)["response"]["by_day"]}
    assert [by_day[f"2026-03-{day}"]["inbound"] for day in (27, 28, 29, 30, 31)] == [
        0, 1, 3, 1, 1]
    assert by_day["2026-03-29"]["questions"] == 1 and by_day["2026-03-30"]["questions"] == 0
    assert sum(day["inbound"] for day in by_day.values()) == 6


def test_a_private_reply_in_the_messenger_thread_answers_the_comment(office, desk):
    comment = desk.thread("comments", who="r1", key="c_root")
    desk.ask(comment, at(2, 10))
    messenger = desk.thread("direct", who="r1")
    desk.say(messenger, at(2, 10, 45), private_reply=True, parent="c_root")
    response = report(office)["response"]
    assert (response["answered"], response["answered_private"]) == (1, 1)
    assert response["median_working_minutes"] == 45.0


def test_a_private_reply_in_the_messenger_thread_before_the_period_answers_the_comment(
        office, desk):
    asked = desk.thread("comments", who="r1", key="c_asked")
    desk.ask(asked, at(26, 10, month=2))
    desk.say(desk.thread("direct", who="r1"), at(26, 11, month=2), private_reply=True,
             parent="c_asked")
    desk.ask(asked, at(5, 10))  # a new question, not the February one still waiting
    desk.say(asked, at(5, 10, 30))
    chatted = desk.thread("comments", who="r2", key="c_chatted")
    desk.ask(chatted, at(26, 12, month=2))
    desk.say(desk.thread("direct", who="r2"), at(26, 13, month=2), private_reply=True,
             parent="c_chatted")
    desk.ask(chatted, at(6, 10), "none")  # no question, and nobody answers in March
    march = report(office)
    response = march["response"]
    assert (response["questions"], response["answered"]) == (1, 1)
    assert (response["answered_public"], response["median_working_minutes"]) == (1, 30.0)
    dialogue = march["dialogue"]
    assert (dialogue["threads"], dialogue["threads_with_office"]) == (2, 2)
    february = report(office, period=Period.month(2026, 2))["response"]
    assert (february["questions"], february["answered_private"]) == (2, 2)


def test_median_and_90th_percentile(office, desk):
    for i, minutes in enumerate([10, 20, 30, 40, 50, 60, 70, 80, 90, 300]):
        desk.waited(minutes, who=f"r{i}")
    response = report(office)["response"]
    assert response["median_working_minutes"] == 55.0  # (50 + 60) / 2
    assert response["p90_working_minutes"] == 90.0  # nearest rank: the 9th of 10
    assert response["median_calendar_minutes"] == 55.0
    assert response["p90_calendar_minutes"] == 90.0
    assert response["within_target"] == 9  # 300 > 240
    assert response["within_target_share"] == 0.9


def test_within_the_channel_target_where_the_channel_has_one(office, desk, world):
    world.instagram.response_target_minutes = 160
    world.instagram.save(update_fields=["response_target_minutes"])
    desk.waited(200, who="a")
    desk.waited(300, who="b")
    desk.waited(150, who="c", channel=world.instagram)
    desk.waited(170, who="d", channel=world.instagram)
    response = report(office)["response"]
    assert (response["target_minutes"], response["within_target"]) == (240, 2)
    assert response["within_target_share"] == 0.5
    on_instagram = report(office, channel=world.instagram.uuid)["response"]
    assert (on_instagram["target_minutes"], on_instagram["within_target"]) == (160, 1)


def test_acknowledgements_notices_and_failed_replies_are_not_answers(office, desk, world,
                                                                   clauses):
    saturday = desk.thread(who="r1")
    desk.ask(saturday, at(7, 10))
    desk.say(saturday, at(7, 10, 1), origin=AUTOMATIC)
    desk.say(saturday, at(9, 9))  # Monday: a person answers
    noticed = desk.thread("comments", who="r2")
    desk.ask(noticed, at(3, 10))
    action = OutboxAction.objects.create(office=office, channel=world.page,
                                         kind="private_reply", target_id="x",
                                         idempotency_key="notice-1")
    act(office, world.page, "warning", clause=clauses["vulgar"], notice_action=action,
        executed_at=at(3, 10, 5))
    desk.say(noticed, at(3, 10, 5), kind="message", private_reply=True, action=action)
    failed = desk.thread(who="r3")
    desk.ask(failed, at(4, 10))
    desk.say(failed, at(4, 10, 5), delivery="failed")
    desk.say(desk.thread(who="r4"), at(31, 23), origin=AUTOMATIC)
    desk.say(desk.thread(who="r5"), at(1, 1, month=4), origin=AUTOMATIC)  # April
    response = report(office)["response"]
    assert (response["questions"], response["answered"]) == (3, 1)
    assert response["median_working_minutes"] == 60.0  # Monday 8:00-9:00
    assert response["acknowledgements"] == 2


def test_consecutive_questions_wait_once(office, desk):
    conversation = desk.thread()
    desk.ask(conversation, at(2, 9))
    desk.ask(conversation, at(2, 9, 10))
    desk.ask(conversation, at(2, 9, 20), "urgent")
    desk.say(conversation, at(2, 10))
    desk.ask(conversation, at(2, 11))
    desk.say(conversation, at(2, 11, 30))
    desk.say(conversation, at(2, 11, 40))
    response = report(office)["response"]
    assert (response["questions"], response["answered"]) == (2, 2)
    assert response["median_working_minutes"] == 45.0  # 60 and 30
    assert (response["emergencies"], response["emergency_median_minutes"]) == (1, 40.0)


def test_a_wait_begun_before_the_period_is_counted_in_the_period_it_began(office, desk):
    carried = desk.thread(who="r1")
    desk.ask(carried, at(27, 10, month=2))  # Friday
    desk.ask(carried, at(2, 9))  # Monday: asks again
    desk.say(carried, at(2, 10))
    answered_before = desk.thread(who="r2")
    desk.ask(answered_before, at(26, 10, month=2))
    desk.say(answered_before, at(26, 11, month=2))
    desk.ask(answered_before, at(3, 10))
    desk.say(answered_before, at(3, 10, 15))
    march = report(office)["response"]
    assert (march["questions"], march["answered"]) == (1, 1)
    assert march["median_working_minutes"] == 15.0
    february = report(office, period=Period.month(2026, 2))["response"]
    assert (february["questions"], february["answered"]) == (2, 2)
    # 360 minutes on Friday, 120 on Monday; 60 minutes on 26 February.
    assert february["p90_working_minutes"] == 480.0
    assert february["median_working_minutes"] == 270.0


def test_questions_still_unanswered_after_working_days(office, desk):
    desk.ask(desk.thread(who="r1"), at(27, 10))  # Friday: 30 and 31 March pass
    desk.ask(desk.thread(who="r2"), at(30, 10))  # Monday: only 31 March passes
    late = desk.thread(who="r3")
    desk.ask(late, at(2, 10))
    desk.say(late, at(2, 10, month=4))  # answered only after the period
    soon = desk.thread(who="r4")
    desk.ask(soon, at(3, 10))
    desk.say(soon, at(4, 10))
    assert report(office)["response"]["unanswered_over"] == 2
    assert report(office, unanswered_days=1)["response"]["unanswered_over"] == 3
    three = report(office, unanswered_days=3)["response"]
    assert (three["unanswered_days"], three["unanswered_over"]) == (3, 1)
    # Seen on Tuesday 31 March at noon: Monday 30 March is the only whole day after the 27th.
    midway = report(office, now=at(31, 12))["response"]
    assert (midway["unanswered_over"], midway["answered"]) == (1, 1)


def test_emergencies_and_how_fast_a_person_answered(office, desk):
    first = desk.thread(who="r1")
    desk.ask(first, at(2, 9))
    desk.ask(first, at(2, 9, 30), "urgent")
    desk.say(first, at(2, 9, 50))
    night = desk.thread(who="r2")
    desk.ask(night, at(7, 22), "urgent")
    desk.say(night, at(7, 22, 1), origin=AUTOMATIC)
    desk.say(night, at(8, 6))
    desk.ask(desk.thread(who="r3"), at(10, 12), "urgent")
    response = report(office)["response"]
    assert response["emergencies"] == 3
    assert response["emergency_median_minutes"] == 250.0  # 20 and 480 minutes


def test_an_emergency_is_counted_once_in_the_period_of_its_first_urgent_message(office, desk):
    carried = desk.thread(who="r1")
    desk.ask(carried, at(30, 10), "urgent")
    desk.ask(carried, at(2, 9, month=4), "urgent")  # asks again: the same emergency
    desk.say(carried, at(2, 10, month=4))
    later = desk.thread(who="r2")
    desk.ask(later, at(31, 10))  # a question in March that turns urgent in April
    desk.ask(later, at(1, 9, month=4), "urgent")
    desk.say(later, at(1, 9, 30, month=4))
    march = report(office)["response"]
    assert (march["questions"], march["answered"]) == (2, 2)
    assert (march["emergencies"], march["emergency_median_minutes"]) == (1, 4320.0)  # 3 days
    april = report(office, period=Period.month(2026, 4))["response"]
    assert april["questions"] == 0
    assert (april["emergencies"], april["emergency_median_minutes"]) == (1, 30.0)


# -- deadlines -------------------------------------------------------------------------------

def deadline(office, rule: str, started: date, legal_end: date, done_at=None, conversation=None):
    return Deadline.objects.create(
        office=office, rule=rule, started_on=started, legal_end=legal_end,
        internal_target=legal_end, status="done" if done_at else "open", done_at=done_at,
        conversation=conversation)


def test_deadlines_on_time_late_and_overdue(office):
    deadline(office, "udip", date(2026, 3, 2), date(2026, 3, 16), done_at=at(16, 23, 30))
    # 00:30 in Warsaw on the 18th is still the 17th in UTC: late all the same.
    deadline(office, "udip", date(2026, 3, 3), date(2026, 3, 17), done_at=at(18, 0, 30))
    deadline(office, "udip", date(2026, 3, 10), date(2026, 3, 24))
    deadline(office, "complaint", date(2026, 3, 20), date(2026, 4, 20))
    deadline(office, "udip", date(2026, 2, 27), date(2026, 3, 13))
    deadlines = report(office)["deadlines"]
    assert {k: v for k, v in deadlines.items() if k != "by_rule"} == {
        "received": 4, "done_on_time": 1, "done_late": 1, "open_overdue": 1, "open_in_time": 1}
    assert deadlines["by_rule"] == [
        {"rule": "udip", "received": 3, "done_on_time": 1, "done_late": 1, "open_in_time": 0,
         "open_overdue": 1},
        {"rule": "complaint", "received": 1, "done_on_time": 0, "done_late": 0,
         "open_in_time": 1, "open_overdue": 0}]
    before = report(office, now=at(20, 12))["deadlines"]
    assert (before["open_overdue"], before["open_in_time"]) == (0, 2)


# -- dialogue --------------------------------------------------------------------------------

def publish(office, world, kind: str, when: datetime, *, inviting=False, bip=False,
            overrides=(), status="published"):
    """A post published on the Page, with the inbox post residents comment under."""
    post = Post.objects.create(office=office, type=kind, text="x", status=status,
                               author=world.anna, published_at=when,
                               overrides=[{"code": code, "reason": "r"} for code in overrides])
    Post.objects.filter(pk=post.pk).update(invites_input=inviting, has_bip_link=bip)
    inbox_post = InboxPost.objects.create(channel=world.page, platform_id=f"p{post.pk}")
    Target.objects.create(post=post, channel=world.page, status="published",
                          inbox_post=inbox_post, published_at=when)
    return post, inbox_post


def test_dialogue(office, desk, world):
    _old, old = publish(office, world, "information", at(20, 10, month=2))
    _notice, first = publish(office, world, "notice", at(5, 9))
    _consultation, second = publish(office, world, "consultation", at(10, 9), inviting=True)
    publish(office, world, "information", at(20, 9))
    publish(office, world, "event", at(21, 9), status="draft")
    one = desk.thread("comments", post=first, who="r1")
    desk.ask(one, at(5, 10), "none")
    desk.ask(one, at(6, 10), "none", who="r2")
    desk.say(one, at(6, 11))
    two = desk.thread("comments", post=first, who="r1")
    desk.ask(two, at(7, 10), "none")
    desk.say(two, at(7, 10, 1), origin=AUTOMATIC)
    later = desk.thread("comments", post=second, who="r3")
    desk.ask(later, at(2, 10, month=4), "none")
    earlier = desk.thread("comments", post=old, who="r4")
    desk.say(earlier, at(20, 12, month=2))
    desk.ask(earlier, at(8, 10), "none")
    desk.ask(desk.thread("direct", who="r1"), at(9, 10), "none")
    dialogue = report(office)["dialogue"]
    assert dialogue == {
        "posts": 3,
        "posts_by_type": [{"type": "notice", "count": 1}, {"type": "information", "count": 1},
                          {"type": "consultation", "count": 1}],
        "posts_inviting": 1, "inviting_share": 0.3333,
        "comments": 4,
        "comments_per_post": 1.33,  # 3 under the notice, 1 in April under the consultation
        "threads": 3, "threads_with_office": 2, "threads_with_office_share": 0.6667,
        "residents": 3, "residents_more_than_once": 1,
    }


# -- moderation ------------------------------------------------------------------------------

def act(office, channel, kind, *, clause, executed_at, automatic=False, status="done",
        message=None, resident=None, reverses=None, legal_basis="", notice_action=None,
        expires_at=None, lifted_at=None) -> ModerationAct:
    return ModerationAct.objects.create(
        reference=f"M-{next(SERIAL)}", office=office, channel=channel, kind=kind,
        status=status, clause=clause, automatic=automatic, message=message, resident=resident,
        reverses=reverses, legal_basis=legal_basis, statement="s", notice_action=notice_action,
        created_at=executed_at, executed_at=executed_at if status == "done" else None,
        appeal_until=executed_at + timedelta(days=180), expires_at=expires_at,
        lifted_at=lifted_at)


@pytest.fixture
def clauses(office):
    rules = Regulamin.objects.create(office=office, version=1, title="Regulamin")
    return {key: Clause.objects.create(regulamin=rules, number=number, key=key, title=key,
                                       text="t", kind=kind)
            for number, key, kind in [("3.1", "threats", "removal"),
                                      ("3.4", "vulgar", "removal"),
                                      ("10.1", "correction", "procedure")]}


def test_moderation(office, desk, world, clauses):
    page, thread = world.page, desk.thread("comments")
    threat = desk.ask(thread, at(2, 10), "none")
    vulgar = desk.ask(thread, at(3, 10), "none")
    pesel = desk.ask(thread, at(4, 10), "none")
    hidden = act(office, page, "hide", clause=clauses["threats"], message=threat,
                 executed_at=at(2, 10, 30))
    act(office, page, "delete", clause=clauses["vulgar"], message=vulgar,
        executed_at=at(3, 12))
    act(office, page, "hide", clause=None, automatic=True, legal_basis="art. 32 RODO",
        message=pesel, executed_at=at(4, 10, 2))
    act(office, page, "block", clause=clauses["threats"], resident=desk.resident("r1"),
        executed_at=at(5, 12))
    act(office, page, "unhide", clause=clauses["correction"], reverses=hidden,
        executed_at=at(10, 9))
    act(office, page, "restrict", clause=clauses["vulgar"], resident=desk.resident("r4"),
        executed_at=at(1, 10), expires_at=at(8, 10))  # expired; the worker is late
    act(office, page, "hide", clause=clauses["threats"], executed_at=at(11, 9),
        status="awaiting")
    act(office, page, "restrict", clause=clauses["vulgar"], resident=desk.resident("r2"),
        executed_at=at(20, 10, month=2), expires_at=at(20, 10, month=4))
    act(office, page, "block", clause=clauses["threats"], resident=desk.resident("r3"),
        executed_at=at(1, 10, month=2), lifted_at=at(15, 10))
    Appeal.objects.create(reference="O-1", office=office, act=hidden, text="t",
                          status="upheld", created_at=at(12, 10))
    Appeal.objects.create(reference="O-2", office=office, act=hidden, text="t",
                          created_at=at(13, 10))
    Appeal.objects.create(reference="O-3", office=office, text="t",
                          created_at=at(28, 10, month=2))
    moderation = report(office)["moderation"]
    assert moderation == {
        "acts": 6,
        "by_kind": [{"kind": "hide", "count": 2}, {"kind": "unhide", "count": 1},
                    {"kind": "delete", "count": 1}, {"kind": "restrict", "count": 1},
                    {"kind": "block", "count": 1}],
        "by_clause": [{"number": "3.1", "title": "threats", "count": 2},
                      {"number": "3.4", "title": "vulgar", "count": 2},
                      {"number": "10.1", "title": "correction", "count": 1},
                      {"number": "", "title": "art. 32 RODO", "count": 1}],
        "automatic": 1, "manual": 5,
        "appeals": 2, "appeals_upheld": 1, "reversals": 1,
        # r1 blocked since 5 March 12:00 (26 days to 1 April); r2 restricted until 20 April.
        "blocks_in_force": 1, "block_age_median_days": 26.0, "block_age_max_days": 26,
        "restrictions_in_force": 1,
        "hide_median_minutes": 16.0,  # 30 minutes for the threat, 2 for the PESEL
    }
    # On 6 March r4's restriction had not expired and r3's block was not lifted yet: blocks
    # of 1 day (r1) and 33 days (r3, since 1 February); the restrictions have no age here.
    midway = report(office, now=at(6, 12))["moderation"]
    assert (midway["blocks_in_force"], midway["restrictions_in_force"]) == (2, 2)
    assert (midway["block_age_median_days"], midway["block_age_max_days"]) == (17.0, 33)


# -- publishing ------------------------------------------------------------------------------

def test_publishing(office, world):
    publish(office, world, "notice", at(2, 9), bip=True)
    publish(office, world, "notice", at(3, 9), overrides=["election.silence"])
    publish(office, world, "notice", at(4, 9), bip=True)
    publish(office, world, "notice", at(27, 9, month=2))
    done, _ = publish(office, world, "information", at(5, 9), overrides=["a11y.alt_missing"])
    late, _ = publish(office, world, "consultation", at(6, 9),
                      overrides=["plain.long", "a11y.captions"])
    fresh, _ = publish(office, world, "event", at(30, 9), overrides=["a11y.text_in_image"])
    Task.objects.create(post=done, kind="republish", due=date(2026, 3, 12),
                        done_at=at(11, 9), url="https://bip.example/1")
    Task.objects.create(post=late, kind="republish", due=date(2026, 3, 13))
    Task.objects.create(post=late, kind="captions", due=date(2026, 3, 13))
    Task.objects.create(post=fresh, kind="republish", due=date(2026, 4, 20))
    assert report(office)["publishing"] == {
        "notices": 3, "notices_with_bip": 2, "notices_without_bip": 1,
        "accessibility_overrides": 3,
        "republished": 1, "republish_open": 2, "republish_overdue": 1,
    }


# -- filters, an empty office, the number of queries -----------------------------------------

def test_filters_by_channel_and_department(office, desk, world):
    taxes = world.department
    desk.waited(30, department=taxes)
    desk.waited(60, channel=world.instagram, who="i1")
    desk.ask(desk.thread("comments", who="r2"), at(3, 9))
    deadline(office, "udip", date(2026, 3, 2), date(2026, 3, 16),
             conversation=desk.thread(department=taxes, who="r3"))
    deadline(office, "udip", date(2026, 3, 2), date(2026, 3, 16))
    act(office, world.instagram, "hide", clause=None, automatic=True, legal_basis="RODO",
        executed_at=at(4, 10))
    act(office, world.page, "hide", clause=None, automatic=True, legal_basis="RODO",
        executed_at=at(4, 11))
    everything = report(office)
    assert everything["filters"] == {"channel": None, "department": None}
    assert everything["response"]["by_channel"] == [
        {"platform": "facebook", "kind": "comments", "questions": 1, "answered": 0,
         "median_working_minutes": None},
        {"platform": "facebook", "kind": "direct", "questions": 1, "answered": 1,
         "median_working_minutes": 30.0},
        {"platform": "instagram", "kind": "direct", "questions": 1, "answered": 1,
         "median_working_minutes": 60.0}]
    assert everything["response"]["by_department"] == [
        {"department": "podatki", "questions": 1, "answered": 1, "median_working_minutes": 30.0},
        {"department": None, "questions": 2, "answered": 1, "median_working_minutes": 60.0}]
    assert (everything["deadlines"]["received"], everything["moderation"]["acts"]) == (2, 2)

    instagram = report(office, channel=str(world.instagram.uuid))
    assert instagram["filters"] == {"channel": str(world.instagram.uuid), "department": None}
    assert (instagram["response"]["questions"], instagram["response"]["answered"]) == (1, 1)
    assert instagram["response"]["median_working_minutes"] == 60.0
    assert (instagram["deadlines"]["received"], instagram["moderation"]["acts"]) == (0, 1)

    department = report(office, department="podatki")
    assert department["filters"] == {"channel": None, "department": "podatki"}
    assert department["response"]["questions"] == 1
    assert department["response"]["median_working_minutes"] == 30.0
    assert department["deadlines"]["received"] == 1
    with pytest.raises(ValueError):
        report(office, department="nie-ma")
    with pytest.raises(ValueError):
        report(office, channel=world.other_page)


def test_an_empty_office_has_nothing_to_measure(office):
    figures = report(office)
    json.dumps(figures)
    response = figures["response"]
    assert response["questions"] == response["answered"] == response["within_target"] == 0
    assert response["answered_share"] is None
    assert response["median_working_minutes"] is response["p90_calendar_minutes"] is None
    assert response["emergency_median_minutes"] is None
    assert (response["by_channel"], response["by_department"]) == ([], [])
    assert {day["inbound"] for day in response["by_day"]} == {0}
    assert figures["deadlines"]["by_rule"] == []
    dialogue, moderation = figures["dialogue"], figures["moderation"]
    assert dialogue["comments_per_post"] is dialogue["inviting_share"] is None
    assert dialogue["threads_with_office_share"] is None
    assert moderation["acts"] == moderation["blocks_in_force"] == 0
    assert moderation["restrictions_in_force"] == 0
    assert moderation["block_age_max_days"] is moderation["hide_median_minutes"] is None
    assert set(figures["publishing"].values()) == {0}


def populate(office, desk, world, clauses, first: int, last: int) -> None:
    """Every kind of row the report reads, `last - first` times."""
    for i in range(first, last):
        post, inbox_post = publish(office, world, "notice", at(2, 9), bip=i % 2 == 0,
                                   overrides=["a11y.alt_missing"])
        Task.objects.create(post=post, kind="republish", due=date(2026, 3, 9))
        thread = desk.thread("comments", post=inbox_post, who=f"r{i}", key=f"root{i}",
                             department=world.department if i % 2 else None)
        messenger = desk.thread(who=f"r{i}")
        desk.ask(thread, at(26, 10, month=2))
        desk.say(thread, at(26, 11, month=2))
        desk.say(messenger, at(26, 12, month=2), private_reply=True, parent=f"root{i}")
        message = desk.ask(thread, at(2, 10), "urgent")
        desk.say(thread, at(2, 10, 1), origin=AUTOMATIC)
        desk.say(messenger, at(2, 11), private_reply=True, parent=f"root{i}")
        deadline(office, "udip", date(2026, 3, 2), date(2026, 3, 16), conversation=thread)
        hidden = act(office, world.page, "hide", clause=clauses["threats"], message=message,
                     executed_at=at(2, 12))
        act(office, world.page, "block", clause=clauses["threats"],
            resident=desk.resident(f"r{i}"), executed_at=at(3, 12))
        act(office, world.page, "restrict", clause=clauses["vulgar"],
            resident=desk.resident(f"x{i}"), executed_at=at(3, 12), expires_at=at(3, 12, month=4))
        Appeal.objects.create(reference=f"O-{i}", office=office, act=hidden, text="t",
                              created_at=at(4, 10))


def test_the_number_of_queries_does_not_grow_with_the_data(office, desk, world, clauses):
    populate(office, desk, world, clauses, 0, 1)
    with CaptureQueriesContext(connection) as one:
        small = report(office)
    populate(office, desk, world, clauses, 1, 30)
    with CaptureQueriesContext(connection) as thirty:
        large = report(office)
    assert (small["response"]["answered"], large["response"]["answered"]) == (1, 30)
    json.dumps(large)
    assert large["dialogue"]["threads_with_office"] == 30
    assert large["moderation"]["blocks_in_force"] == large["moderation"][
        "restrictions_in_force"] == 30
    assert (large["response"]["emergencies"], large["dialogue"]["threads"]) == (30, 30)
    assert len(one) == len(thirty) <= 20, [q["sql"] for q in thirty.captured_queries]
