"""An office's figures for a period: how it answers residents, keeps statutory deadlines, takes
part in dialogue, moderates and publishes. Computed from what the desk recorded, with the
definitions the report prints next to them (`DEFINITIONS`).

The number of queries is fixed whatever the size of the office: each query fetches narrow
tuples of one period, and the arithmetic (waits, working time, medians) runs in Python."""

import math
import statistics
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from operator import itemgetter
from typing import TypeVar
from uuid import UUID
from zoneinfo import ZoneInfo

from django.db.models import Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ratusz.channels.models import Channel
from ratusz.inbox.models import Conversation, Deadline, Message
from ratusz.lib.workcal import WorkCalendar
from ratusz.moderation.models import Appeal, ModerationAct
from ratusz.offices.calendar import calendar_for
from ratusz.offices.models import Department, Office
from ratusz.publishing.models import Post, Target, Task

DEFINITIONS = [
    ("question", _(
        "A question is a resident's message written in the period that triage marked as a "
        "question, a public information request, a formal matter or an emergency (with "
        "people's corrections applied). Several questions in one conversation before the office "
        "answers count once, as one wait from the first of them; a question that continues a "
        "wait begun before the period is not counted again.")),
    ("answered", _(
        "A question is answered when a person from the office writes in the same conversation "
        "after it, in Ratusz or in Meta's own tools: in public (a reply under the comment) or in "
        "private (Messenger, Instagram Direct or the private reply to a comment). Whether an "
        "answer was public or private is taken from the first answer. Automatic "
        "acknowledgements, moderation notices and replies the platform refused are not answers. "
        "An answer given after the period ended still counts.")),
    ("response_time", _(
        "First response time runs from the question to the first answer, in the office's "
        "working time (its opening hours, without weekends, public holidays and the office's "
        "days off) and in calendar time.")),
    ("percentiles", _(
        "The median is the middle value, or the mean of the two middle values when their "
        "number is even. The 90th percentile is the nearest-rank value: the shortest time within "
        "which at least 90% of the answered questions were answered.")),
    ("within_target", _(
        "Within target: answered within the first response target in working minutes (the "
        "channel's own target if it has one, otherwise the office's). The share is of the "
        "answered questions.")),
    ("unanswered", _(
        "Still unanswered: questions with no answer at the end of the period (or now, for a "
        "period that has not ended) although at least the stated number of the office's whole "
        "working days had passed since the day they were written.")),
    ("acknowledgements", _(
        "Acknowledgements: the automatic replies Ratusz sent out of office hours to say when "
        "the office will answer.")),
    ("emergencies", _(
        "Emergencies: conversations in which triage marked a message as a possible danger to "
        "life, health or property, counted once until the office answers, in the period of the "
        "first such message. The time is calendar time from the first such message to a "
        "person's first answer.")),
    ("deadlines", _(
        "Statutory deadlines started in the period: done on time when the matter was closed no "
        "later than the day the legal deadline ends, late when closed after it; overdue when it "
        "is still open after that day, as of today.")),
    ("posts", _(
        "Posts: the office's posts published in the period, by type. Posts that invite input "
        "ask residents for their opinion, questions or participation.")),
    ("comments", _(
        "Comments: residents' comments under the office's posts written in the period. Comments "
        "per post counts all residents' comments so far under the posts published in the "
        "period, divided by the number of those posts.")),
    ("threads", _(
        "Comment threads: threads with a resident's comment in the period. The office took part "
        "when a person from the office wrote in the thread, publicly or by a private reply.")),
    ("residents", _(
        "Residents: distinct accounts that wrote a comment or a message in the period, and those "
        "that wrote at least twice. The report gives only counts, never who.")),
    ("moderation", _(
        "Moderation: acts carried out in the period, by kind and by the clause of the page rules "
        "they cite. Automatic acts are those Ratusz took by itself (the protective hide of "
        "personal data); all others are manual. Reversals are acts that undo an earlier one.")),
    ("appeals", _("Appeals: appeals received in the period, and how many of them were upheld.")),
    ("blocks", _(
        "Blocks in force: accounts blocked permanently at the end of the period (or now, for a "
        "period that has not ended), with the age of their blocks in whole days. Restrictions "
        "in force: accounts under a temporary restriction that had neither expired nor been "
        "lifted at that moment.")),
    ("hide_time", _(
        "Time to hide unlawful content: the median calendar minutes from a comment being written "
        "to its hiding or deletion, for acts that cite threats, hate speech, illegal content or "
        "personal data, and for automatic hides.")),
    ("publishing", _(
        "Notices: official notices published in the period, with or without a link to BIP or "
        "the office's website. Accessibility overrides: posts published in the period despite "
        "an accessibility warning, each of which must be republished accessibly; the tasks are "
        "shown as done, open and overdue.")),
    ("filters", _(
        "A department filter applies to conversations and deadlines. Posts, moderation and "
        "publishing do not belong to departments and are counted for the whole office, or for "
        "the chosen channel.")),
]

# Clauses of the page rules for clearly unlawful content (keys of regulamin_text.py).
UNLAWFUL_CLAUSES = {"threats", "hate", "illegal", "personal_data"}
QUESTION_FLAGS = ("question", "public_information_request", "formal_matter", "urgent")
HUMAN = (Message.Origin.DESK, Message.Origin.EXTERNAL)
Kind = ModerationAct.Kind


# -- periods ----------------------------------------------------------------------------------

def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole days from `start` to `end`, both included, in the office's time zone."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period cannot end before it starts.")

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        first = date(year, month, 1)
        return cls(first, _add_months(first, 1) - timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def whole_months(self) -> int:
        """How many calendar months the period covers exactly (0: it is not whole months)."""
        after = self.end + timedelta(days=1)
        if self.start.day != 1 or after.day != 1:
            return 0
        return (after.year - self.start.year) * 12 + after.month - self.start.month

    def previous(self) -> "Period":
        """The same length just before: the previous month(s) for whole months."""
        months = self.whole_months()
        if months:
            return Period(_add_months(self.start, -months), self.start - timedelta(days=1))
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """The first moment of the period and the first moment after it."""
        return (datetime.combine(self.start, time.min, tz),
                datetime.combine(self.end + timedelta(days=1), time.min, tz))


# -- working time -----------------------------------------------------------------------------

class WorkClock:
    """`WorkCalendar` arithmetic for many moments: each day's opening hours are read once, and
    working time and working days are kept as running totals from `base`."""

    def __init__(self, calendar: WorkCalendar, base: date) -> None:
        self.calendar, self.base, self.tz = calendar, base, calendar.tz
        self._spans: list[list[tuple[datetime, datetime]]] = []
        self._seconds = [0.0]  # working seconds before day i
        self._workdays = [0]  # working days before day i

    def _day(self, day: date) -> int:
        index = (day - self.base).days
        if index < 0:
            raise ValueError("The clock counts from its base day on.")
        while len(self._spans) <= index:
            spans = self.calendar.spans(self.base + timedelta(days=len(self._spans)))
            self._spans.append(spans)
            self._seconds.append(self._seconds[-1] + sum(
                (closes - opens).total_seconds() for opens, closes in spans))
            self._workdays.append(self._workdays[-1] + bool(spans))
        return index

    def _worked(self, moment: datetime) -> float:
        index = self._day(moment.astimezone(self.tz).date())
        return self._seconds[index] + sum(
            max(0.0, (min(closes, moment) - opens).total_seconds())
            for opens, closes in self._spans[index])

    def working_minutes(self, start: datetime, end: datetime) -> float:
        return max(0.0, self._worked(end) - self._worked(start)) / 60

    def working_days_between(self, after: date, before: date) -> int:
        """Working days strictly after `after` and strictly before `before`."""
        if before <= after + timedelta(days=1):
            return 0
        return self._workdays[self._day(before)] - self._workdays[self._day(after) + 1]


# -- small arithmetic -------------------------------------------------------------------------

def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _one_place(value: float | None) -> float | None:
    return None if value is None else float(round(value, 1))


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def nearest_rank(values: list[float], percent: int) -> float | None:
    """The smallest value with at least `percent`% of the values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(percent * len(ordered) / 100)) - 1]


# -- the scope of one report ------------------------------------------------------------------

@dataclass
class _Scope:
    office: Office
    period: Period
    tz: ZoneInfo
    start: datetime
    end: datetime  # the first moment after the period
    now: datetime
    as_of: datetime  # the end of the period, or now for a period that has not ended
    channels: dict[int, tuple[str, int | None]]  # pk -> (platform, own response target)
    departments: dict[int, str]  # pk -> slug
    channel: int | None
    department: int | None
    channel_uuid: str | None
    department_slug: str | None

    def on_channel(self, field: str) -> Q:
        return Q(**{field: self.channel}) if self.channel else Q()

    def in_department(self, field: str) -> Q:
        return Q(**{field: self.department}) if self.department else Q()


def _scope(office: Office, period: Period, channel: Channel | UUID | str | None,
           department: Department | str | None, now: datetime) -> _Scope:
    tz = ZoneInfo(office.time_zone)
    start, end = period.bounds(tz)
    channels = {pk: (uid, platform, target) for pk, uid, platform, target in
                office.channels.order_by().values_list("pk", "uuid", "platform",
                                                       "response_target_minutes")}
    departments = dict(office.departments.order_by().values_list("pk", "slug"))
    channel_pk = _pick(channel, {str(uid): pk for pk, (uid, _p, _t) in channels.items()},
                       "uuid", "channel")
    department_pk = _pick(department, {slug: pk for pk, slug in departments.items()}, "slug",
                          "department")
    return _Scope(
        office=office, period=period, tz=tz, start=start, end=end, now=now,
        as_of=max(start, min(now, end)),
        channels={pk: (platform, target) for pk, (_u, platform, target) in channels.items()},
        departments=departments, channel=channel_pk, department=department_pk,
        channel_uuid=str(channels[channel_pk][0]) if channel_pk else None,
        department_slug=departments[department_pk] if department_pk else None)


def _pick(value: Channel | Department | UUID | str | None, known: dict[str, int],
          attribute: str, what: str) -> int | None:
    """A filter given as a model instance, a uuid or a slug, as a pk of this office's."""
    if value is None or value == "":
        return None
    key = str(getattr(value, attribute, value))
    if key not in known:
        raise ValueError(f"No such {what} in this office: {key}")
    return known[key]


# -- response ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Wait:
    """A resident waiting for the office in one conversation."""

    conversation: int
    channel: int
    kind: str  # of the conversation: comments or direct
    department: int | None
    start: datetime | None  # None: a wait begun before the period, not counted again
    urgent_at: datetime | None = None  # the first urgent message in the period
    urgent_before: bool = False  # a carried wait already urgent before the period
    answered_at: datetime | None = None
    private: bool = False

    @property
    def counted(self) -> bool:
        return self.start is not None

    @property
    def emergency(self) -> bool:
        """Counted once until the office answers: in the period of its first urgent message
        (the period the wait began, unless it turned urgent only in a later one)."""
        return self.urgent_at is not None and not self.urgent_before


def _inbound(scope: _Scope):
    """Residents' messages written in the period."""
    return Message.objects.filter(
        Q(conversation__office=scope.office, direction=Message.Direction.IN,
          created_at__gte=scope.start, created_at__lt=scope.end)
        & scope.on_channel("channel_id") & scope.in_department("conversation__department_id"),
    ).order_by()


INBOUND = ("conversation_id", "conversation__kind", "channel_id", "conversation__department_id",
           "resident_id", "kind", "created_at", *(f"analysis__{flag}" for flag in QUESTION_FLAGS))


def _question_q() -> Q:
    question = Q()
    for flag in QUESTION_FLAGS:
        question |= Q(**{f"analysis__{flag}": True})
    return Q(direction=Message.Direction.IN) & question


def _answer_q(office: Office) -> Q:
    notices = ModerationAct.objects.filter(office=office, notice_action__isnull=False).values(
        "notice_action_id")
    return (Q(direction=Message.Direction.OUT, origin__in=HUMAN)
            & ~Q(delivery=Message.Delivery.FAILED)
            & (Q(outbox_action__isnull=True) | ~Q(outbox_action__in=notices)))


@dataclass(slots=True)
class _Before:
    """A conversation before the period: its last question, urgent message and answer."""

    question: datetime | None
    urgent: datetime | None
    answer: datetime | None

    @property
    def waiting(self) -> bool:
        return self.question is not None and (self.answer is None or self.answer < self.question)

    @property
    def urgent_waiting(self) -> bool:
        return self.urgent is not None and (self.answer is None or self.answer < self.urgent)


def _earlier(scope: _Scope) -> dict[int, _Before]:
    """For conversations with a resident's message in the period: the last question, urgent
    message and answer before the period began."""
    in_period = _inbound(scope).values("conversation_id")
    rows = Message.objects.filter(
        conversation_id__in=in_period, created_at__lt=scope.start,
    ).order_by().values("conversation_id", "conversation__kind",
                        "conversation__thread_key").annotate(
        first=Min("created_at"),
        last_question=Max("created_at", filter=_question_q()),
        last_urgent=Max("created_at", filter=Q(direction=Message.Direction.IN,
                                               analysis__urgent=True)),
        last_answer=Max("created_at", filter=_answer_q(scope.office)),
    ).values_list("conversation_id", "conversation__kind", "conversation__thread_key", "first",
                  "last_question", "last_urgent", "last_answer")
    earlier: dict[int, _Before] = {}
    threads: dict[str, int] = {}
    since = scope.start  # the first message of those comment threads
    for pk, kind, key, first, question, urgent, answer in rows:
        earlier[pk] = _Before(question, urgent, answer)
        if kind == Conversation.Kind.COMMENTS:
            threads[key] = pk
            since = min(since, first)
    # A private reply that landed in the resident's Messenger thread answers the comment too.
    # It follows the comment, so only the time since those threads began is read.
    elsewhere = Message.objects.filter(
        Q(conversation__office=scope.office, is_private_reply=True, created_at__gte=since,
          created_at__lt=scope.start, parent_platform_id__in=Conversation.objects.filter(
              pk__in=in_period, kind=Conversation.Kind.COMMENTS).values("thread_key"))
        & ~Q(conversation__kind=Conversation.Kind.COMMENTS) & _answer_q(scope.office),
    ).order_by().values("parent_platform_id").annotate(last=Max("created_at")).values_list(
        "parent_platform_id", "last")
    for key, when in elsewhere:
        before = earlier.get(threads.get(key, -1))
        if before is not None and (before.answer is None or before.answer < when):
            before.answer = when
    return earlier


@dataclass
class _Outbound:
    answers: dict[int, list[tuple[datetime, bool]]]  # conversation -> (when, private)
    acknowledgements: int


def _outbound(scope: _Scope) -> _Outbound:
    """The office's messages from the start of the period until now."""
    notices = set(ModerationAct.objects.filter(
        office=scope.office, notice_action__isnull=False).order_by().values_list(
        "notice_action_id", flat=True))
    # A private reply may answer a comment of the department from a thread outside it.
    department = (scope.in_department("conversation__department_id") | Q(is_private_reply=True)
                  if scope.department else Q())
    # After the period only answers to its residents matter (a report on a past month must not
    # read every message written since).
    later = (Q(created_at__lt=scope.end) | Q(is_private_reply=True)
             | Q(conversation_id__in=_inbound(scope).values("conversation_id")))
    rows = Message.objects.filter(
        Q(conversation__office=scope.office, direction=Message.Direction.OUT,
          created_at__gte=scope.start, created_at__lte=scope.now)
        & scope.on_channel("channel_id") & department & later,
    ).order_by().values_list("conversation_id", "conversation__kind", "created_at", "origin",
                             "kind", "is_private_reply", "delivery", "outbox_action_id",
                             "parent_platform_id")
    answers: dict[int, list[tuple[datetime, bool]]] = defaultdict(list)
    elsewhere: dict[str, list[datetime]] = defaultdict(list)
    acks = 0
    for conv, conv_kind, when, origin, kind, private_reply, delivery, action, parent in rows:
        if delivery == Message.Delivery.FAILED or action in notices:
            continue
        if origin == Message.Origin.AUTOMATIC:
            acks += when < scope.end
        elif origin in HUMAN:
            answers[conv].append((when, kind == Message.Kind.MESSAGE))
            if private_reply and conv_kind != Conversation.Kind.COMMENTS and parent:
                elsewhere[parent].append(when)
    # A private reply that landed in a Messenger thread also answers the comment it replied to.
    for key, pk in Conversation.objects.filter(
            office=scope.office, kind=Conversation.Kind.COMMENTS,
            thread_key__in=list(elsewhere)).order_by().values_list("thread_key", "pk"):
        answers[pk].extend((when, True) for when in elsewhere[key])
    return _Outbound(answers=answers, acknowledgements=acks)


def _waits(inbound: list[tuple], earlier: dict, answers: dict) -> list[_Wait]:
    """Questions and answers, conversation by conversation, as waits."""
    events: dict[int, list[tuple]] = defaultdict(list)
    for conv, conv_kind, channel, dept, _resident, _kind, when, *flags in inbound:
        if any(flags):
            events[conv].append((when, 0, flags[-1], (conv, channel, conv_kind, dept)))
    waits: list[_Wait] = []
    by_moment = itemgetter(0, 1)
    nothing = _Before(None, None, None)
    for conv, timeline in events.items():
        before = earlier.get(conv, nothing)
        timeline.extend((when, 1, private, None) for when, private in answers.get(conv, ()))
        timeline.sort(key=by_moment)
        waits.extend(_walk(timeline, before.waiting, before.urgent_waiting))
    return waits


def _walk(timeline: list[tuple], carried: bool, urgent: bool) -> list[_Wait]:
    """One conversation's events in order: a question opens a wait unless one is open, an
    answer closes it. `carried`: a wait is open when the period begins (`urgent`: one already
    counted as an emergency)."""
    found: list[_Wait] = []
    wait: _Wait | None = None
    for when, order, flag, where in timeline:
        if order == 1:
            if wait is not None:
                wait.answered_at, wait.private = when, flag
            wait, carried, urgent = None, False, False
            continue
        if wait is None:
            # A resident already waiting when the period began is not counted again.
            wait = _Wait(*where, start=None if carried else when, urgent_before=urgent)
            found.append(wait)
        if flag and wait.urgent_at is None:
            wait.urgent_at = when
    return found


def _response(scope: _Scope, inbound: list[tuple], waits: list[_Wait], clock: WorkClock,
              unanswered_days: int, acknowledgements: int) -> dict:
    counted = [wait for wait in waits if wait.counted]
    working = _working_minutes(counted, clock)
    answered = [wait for wait in counted if wait.answered_at is not None]
    calendar = [(w.answered_at - w.start).total_seconds() / 60 for w in answered]
    within = sum(working[id(w)] <= _target(scope, w.channel) for w in answered)
    emergencies = [w for w in waits if w.emergency]
    emergency_minutes = [(w.answered_at - w.urgent_at).total_seconds() / 60
                         for w in emergencies if w.answered_at is not None]
    values = [working[id(w)] for w in answered]
    return {
        "questions": len(counted), "answered": len(answered),
        "answered_public": sum(not w.private for w in answered),
        "answered_private": sum(w.private for w in answered),
        "answered_share": _share(len(answered), len(counted)),
        "median_working_minutes": _one_place(median(values)),
        "p90_working_minutes": _one_place(nearest_rank(values, 90)),
        "median_calendar_minutes": _one_place(median(calendar)),
        "p90_calendar_minutes": _one_place(nearest_rank(calendar, 90)),
        "target_minutes": _target(scope, scope.channel),
        "within_target": within, "within_target_share": _share(within, len(answered)),
        "unanswered_days": unanswered_days,
        "unanswered_over": _unanswered(scope, counted, clock, unanswered_days),
        "acknowledgements": acknowledgements,
        "emergencies": len(emergencies),
        "emergency_median_minutes": _one_place(median(emergency_minutes)),
        "by_channel": _by_channel(scope, counted, working),
        "by_department": _by_department(scope, counted, working),
        "by_day": _by_day(scope, inbound, counted),
    }


def _working_minutes(waits: list[_Wait], clock: WorkClock) -> dict[int, float]:
    return {id(w): clock.working_minutes(w.start, w.answered_at) for w in waits
            if w.answered_at is not None}


def _target(scope: _Scope, channel: int | None) -> int:
    own = scope.channels.get(channel, ("", None))[1] if channel else None
    return own or scope.office.response_target_minutes


def _unanswered(scope: _Scope, waits: list[_Wait], clock: WorkClock, days: int) -> int:
    # Days before the one `as_of` falls in are whole (the period's end is a midnight).
    today = scope.as_of.astimezone(scope.tz).date()
    return sum(
        1 for w in waits
        if (w.answered_at is None or w.answered_at >= scope.as_of)
        and clock.working_days_between(w.start.astimezone(scope.tz).date(), today) >= days)


@dataclass
class _Tally:
    questions: int = 0
    answered: int = 0
    minutes: list[float] = field(default_factory=list)  # working minutes of the answered


GroupKey = TypeVar("GroupKey", bound=Hashable)


def _group(waits: list[_Wait], working: dict[int, float],
           key: Callable[[_Wait], GroupKey]) -> dict[GroupKey, _Tally]:
    groups: dict[GroupKey, _Tally] = defaultdict(_Tally)
    for wait in waits:
        group = groups[key(wait)]
        group.questions += 1
        if wait.answered_at is not None:
            group.answered += 1
            group.minutes.append(working[id(wait)])
    return groups


def _by_channel(scope: _Scope, waits: list[_Wait], working: dict[int, float]) -> list[dict]:
    groups = _group(waits, working, lambda w: (scope.channels.get(w.channel, ("",))[0], w.kind))
    return [{"platform": platform, "kind": kind, "questions": g.questions,
             "answered": g.answered, "median_working_minutes": _one_place(median(g.minutes))}
            for (platform, kind), g in sorted(groups.items())]


def _by_department(scope: _Scope, waits: list[_Wait], working: dict[int, float]) -> list[dict]:
    groups = _group(waits, working, lambda w: scope.departments.get(w.department))
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))
    return [{"department": slug, "questions": g.questions, "answered": g.answered,
             "median_working_minutes": _one_place(median(g.minutes))} for slug, g in ordered]


def _by_day(scope: _Scope, inbound: list[tuple], waits: list[_Wait]) -> list[dict]:
    days = [scope.period.start + timedelta(days=i) for i in range(scope.period.days)]
    # Each day's first moment in UTC, as the database gives moments: a moment's day is found
    # by bisection, without converting every moment to the office's time zone.
    midnights = [datetime.combine(day, time.min, scope.tz).astimezone(UTC) for day in days]
    inbound_n, questions, answered = [0] * len(days), [0] * len(days), [0] * len(days)
    for row in inbound:
        inbound_n[bisect_right(midnights, row[6]) - 1] += 1
    for wait in waits:
        index = bisect_right(midnights, wait.start) - 1
        questions[index] += 1
        answered[index] += wait.answered_at is not None
    return [{"date": day.isoformat(), "inbound": inbound_n[i], "questions": questions[i],
             "answered": answered[i]} for i, day in enumerate(days)]


# -- deadlines --------------------------------------------------------------------------------

def _deadlines(scope: _Scope) -> dict:
    rows = Deadline.objects.filter(
        Q(office=scope.office, started_on__gte=scope.period.start,
          started_on__lte=scope.period.end)
        & scope.on_channel("conversation__channel_id")
        & scope.in_department("conversation__department_id"),
    ).order_by().values_list("rule", "status", "done_at", "legal_end")
    today = scope.now.astimezone(scope.tz).date()
    rules: dict[str, Counter] = defaultdict(Counter)
    for rule, status, done_at, legal_end in rows:
        if status == Deadline.Status.DONE:
            late = done_at is not None and done_at.astimezone(scope.tz).date() > legal_end
            outcome = "done_late" if late else "done_on_time"
        else:
            outcome = "open_overdue" if today > legal_end else "open_in_time"
        rules[rule][outcome] += 1
        rules[rule]["received"] += 1
    total = sum(rules.values(), Counter())
    outcomes = ["received", "done_on_time", "done_late", "open_in_time", "open_overdue"]
    return {**{key: total[key] for key in outcomes},
            "by_rule": [{"rule": rule, **{key: rules[rule][key] for key in outcomes}}
                        for rule in Deadline.Rule.values if rule in rules]}


# -- dialogue ---------------------------------------------------------------------------------

def _published_posts(scope: _Scope):
    posts = Post.objects.filter(office=scope.office, status=Post.Status.PUBLISHED,
                                published_at__gte=scope.start, published_at__lt=scope.end)
    if scope.channel:
        posts = posts.filter(pk__in=Target.objects.filter(channel_id=scope.channel).values(
            "post_id"))
    return posts.order_by()


POSTS = ("type", "invites_input", "has_bip_link", "overrides")


def _dialogue(scope: _Scope, posts: list[tuple], inbound: list[tuple], earlier: dict,
              answers: dict) -> dict:
    on_posts = Message.objects.filter(
        Q(direction=Message.Direction.IN, kind=Message.Kind.COMMENT,
          conversation__kind=Conversation.Kind.COMMENTS,
          conversation__post_id__in=Target.objects.filter(
              post__in=_published_posts(scope).values("pk")).values("inbox_post_id"))
        & scope.on_channel("channel_id")).count()
    types = Counter(post[0] for post in posts)
    inviting = sum(post[1] for post in posts)
    threads = {row[0] for row in inbound if row[1] == Conversation.Kind.COMMENTS}
    with_office = {pk for pk in threads
                   if answers.get(pk) or (pk in earlier and earlier[pk].answer is not None)}
    writers = Counter(row[4] for row in inbound if row[4] is not None)
    return {
        "posts": len(posts),
        "posts_by_type": [{"type": kind, "count": types[kind]} for kind in Post.Type.values
                          if types[kind]],
        "posts_inviting": inviting, "inviting_share": _share(inviting, len(posts)),
        "comments": sum(1 for row in inbound if row[1] == Conversation.Kind.COMMENTS
                        and row[5] == Message.Kind.COMMENT),
        "comments_per_post": round(on_posts / len(posts), 2) if posts else None,
        "threads": len(threads), "threads_with_office": len(with_office),
        "threads_with_office_share": _share(len(with_office), len(threads)),
        "residents": len(writers),
        "residents_more_than_once": sum(1 for count in writers.values() if count >= 2),
    }


# -- moderation -------------------------------------------------------------------------------

def _clause_order(number: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split(".")) if number \
        else (math.inf,)


def _moderation(scope: _Scope) -> dict:
    acts = list(ModerationAct.objects.filter(
        Q(office=scope.office, status=ModerationAct.Status.DONE,
          executed_at__gte=scope.start, executed_at__lt=scope.end)
        & scope.on_channel("channel_id"),
    ).order_by().values_list("kind", "automatic", "clause__number", "clause__title",
                             "clause__key", "legal_basis", "reverses_id",
                             "message__created_at", "executed_at"))
    appeals = list(Appeal.objects.filter(
        Q(office=scope.office, created_at__gte=scope.start, created_at__lt=scope.end)
        & scope.on_channel("act__channel_id")).order_by().values_list("status", flat=True))
    kinds = Counter(row[0] for row in acts)
    clauses = Counter((number or "", title or basis) for _k, _a, number, title, _key, basis,
                      *_rest in acts)
    hide_minutes = [
        (executed - written).total_seconds() / 60
        for kind, automatic, _n, _t, key, _b, _r, written, executed in acts
        if written is not None and kind in {Kind.HIDE, Kind.DELETE}
        and (key in UNLAWFUL_CLAUSES or (automatic and kind == Kind.HIDE))]
    automatic = sum(1 for row in acts if row[1])
    return {
        "acts": len(acts),
        "by_kind": [{"kind": kind, "count": kinds[kind]} for kind in Kind.values if kinds[kind]],
        "by_clause": [{"number": number, "title": title, "count": count} for (number, title),
                      count in sorted(clauses.items(),
                                      key=lambda item: (_clause_order(item[0][0]), item[0]))],
        "automatic": automatic, "manual": len(acts) - automatic,
        "appeals": len(appeals),
        "appeals_upheld": sum(1 for status in appeals if status == Appeal.Status.UPHELD),
        "reversals": sum(1 for row in acts if row[6] is not None),
        **_blocks(scope),
        "hide_median_minutes": _one_place(median(hide_minutes)),
    }


def _blocks(scope: _Scope) -> dict:
    """Accounts blocked permanently at the end of the period, and since when; accounts under a
    temporary restriction then."""
    at = scope.as_of
    rows = ModerationAct.objects.filter(
        Q(office=scope.office, kind__in=[Kind.RESTRICT, Kind.BLOCK],
          status=ModerationAct.Status.DONE, executed_at__lte=at)
        & (Q(lifted_at__isnull=True) | Q(lifted_at__gt=at))
        & (Q(expires_at__isnull=True) | Q(expires_at__gt=at))
        & scope.on_channel("channel_id"),
    ).order_by().values_list("pk", "kind", "resident_id", "executed_at")
    since: dict[int | str, datetime] = {}  # blocked account -> its oldest block in force
    restricted: set[int | str] = set()
    for pk, kind, resident, executed in rows:
        key = resident or f"act-{pk}"
        if kind == Kind.BLOCK:
            since[key] = min(executed, since.get(key, executed))
        else:
            restricted.add(key)
    ages = [(at - executed).days for executed in since.values()]
    return {"blocks_in_force": len(since),
            "block_age_median_days": _one_place(median(ages)),
            "block_age_max_days": max(ages) if ages else None,
            "restrictions_in_force": len(restricted)}


# -- publishing -------------------------------------------------------------------------------

def _publishing(scope: _Scope, posts: list[tuple]) -> dict:
    tasks = Task.objects.filter(kind=Task.Kind.REPUBLISH,
                                post__in=_published_posts(scope).values("pk"))
    today = scope.now.astimezone(scope.tz).date()
    done = open_ = overdue = 0
    for done_at, due in tasks.order_by().values_list("done_at", "due"):
        done += done_at is not None
        open_ += done_at is None
        overdue += done_at is None and due < today
    notices = [with_bip for kind, _inviting, with_bip, _o in posts if kind == Post.Type.NOTICE]
    return {
        "notices": len(notices), "notices_with_bip": sum(notices),
        "notices_without_bip": len(notices) - sum(notices),
        "accessibility_overrides": sum(
            1 for *_post, overrides in posts
            if any(str(item.get("code", "")).startswith("a11y.") for item in overrides or [])),
        "republished": done, "republish_open": open_, "republish_overdue": overdue,
    }


# -- the report -------------------------------------------------------------------------------

def compute(office: Office, period: Period, *, channel: Channel | UUID | str | None = None,
            department: Department | str | None = None, unanswered_days: int = 2,
            now: datetime | None = None) -> dict:
    """The office's figures for `period`, as plain JSON-ready values (None: nothing to
    measure). `channel` is a channel of the office or its uuid, `department` one of its
    departments or its slug; an unknown one raises ValueError."""
    scope = _scope(office, period, channel, department, now or timezone.now())
    clock = WorkClock(calendar_for(office, period.start), period.start)
    inbound = list(_inbound(scope).values_list(*INBOUND))
    earlier = _earlier(scope)
    outbound = _outbound(scope)
    waits = _waits(inbound, earlier, outbound.answers)
    posts = list(_published_posts(scope).values_list(*POSTS))
    return {
        "office": office.slug,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "filters": {"channel": scope.channel_uuid, "department": scope.department_slug},
        "response": _response(scope, inbound, waits, clock, unanswered_days,
                              outbound.acknowledgements),
        "deadlines": _deadlines(scope),
        "dialogue": _dialogue(scope, posts, inbound, earlier, outbound.answers),
        "moderation": _moderation(scope),
        "publishing": _publishing(scope, posts),
    }

