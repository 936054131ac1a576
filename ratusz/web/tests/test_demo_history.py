"""The demo office's past month: dated inside its month, consistent, free of identifiers, and
giving the monthly report numbers worth reading."""

import time
from collections import Counter
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction

from ratusz.conftest import TUESDAY_MORNING
from ratusz.inbox.models import Conversation, Deadline, Message, Resident
from ratusz.inbox.models import Post as InboxPost
from ratusz.moderation.models import Appeal, ModerationAct, Regulamin, ReviewItem
from ratusz.publishing.models import Post, Target, Task
from ratusz.reports import metrics
from ratusz.reports.models import MonthlyReport
from ratusz.triage.analysis import personal
from ratusz.triage.models import Analysis
from ratusz.web.demo_history import load_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    """The demo office as `ratusz demo` loads it, with last month's history (the shared `demo`
    fixture leaves the history out), on the Tuesday of the shared fixture."""
    from ratusz.inbox.clock import forget_calendars
    from ratusz.web.demo import load_demo

    forget_calendars()
    with time_machine.travel(TUESDAY_MORNING):
        office, _created = load_demo()
        yield office
    forget_calendars()

WARSAW = ZoneInfo("Europe/Warsaw")
OCTOBER = date(2026, 10, 1)  # the last finished month on the demo fixture's Tuesday
START = datetime(2026, 10, 1, tzinfo=WARSAW)
END = datetime(2026, 11, 1, tzinfo=WARSAW)


def inside(moment) -> bool:
    return moment is not None and START <= moment < END


def history_messages(office):
    return Message.objects.filter(conversation__office=office,
                                  conversation__thread_key__contains="hist-")


def test_everything_is_dated_inside_the_month(demo):
    messages = history_messages(demo)
    assert messages.count() > 400
    for created, received, edited in messages.values_list("created_at", "received_at",
                                                          "text_version_at"):
        assert inside(created) and inside(received) and inside(edited)
    for row in Conversation.objects.filter(office=demo, thread_key__contains="hist-").values(
            "created_at", "last_message_at", "last_inbound_at"):
        assert all(inside(value) for value in row.values())
    for row in Post.objects.filter(office=demo).values("created_at", "submitted_at",
                                                        "published_at", "updated_at"):
        assert all(inside(value) for value in row.values())
    for row in ModerationAct.objects.filter(office=demo).values(
            "created_at", "executed_at", "approved_at", "lifted_at"):
        assert all(inside(value) for value in row.values() if value is not None)
    for row in Deadline.objects.filter(office=demo).values("started_on", "done_at",
                                                           "created_at"):
        assert row["started_on"].month == 10 and inside(row["done_at"])
        assert inside(row["created_at"])
    for row in Appeal.objects.filter(office=demo).values("created_at", "decided_at"):
        assert inside(row["created_at"]) and inside(row["decided_at"])
    assert all(inside(value) for value in Resident.objects.filter(
        platform_id__startswith="hist-").values_list("first_seen_at", flat=True))
    assert all(inside(value) for value in Task.objects.filter(
        done_at__isnull=False).values_list("done_at", flat=True))


def test_posts_were_published_on_working_days_in_office_hours(demo):
    posts = Post.objects.filter(office=demo).select_related("author", "approver", "bip_entry")
    assert posts.count() == 16
    for post in posts:
        local = post.published_at.astimezone(WARSAW)
        assert local.weekday() < 5 and 7 <= local.hour < 16
        assert post.status == Post.Status.PUBLISHED and post.author.username == "redaktor"
        assert post.approver.username == "sekretarz"
        assert post.created_at <= post.submitted_at <= post.approved_at <= post.published_at
        target = Target.objects.get(post=post)
        assert target.status == Target.Status.PUBLISHED
        assert target.inbox_post.platform_id == target.platform_id
        assert target.inbox_post.channel_id == target.channel_id
    channels = Counter(Target.objects.filter(post__office=demo).values_list(
        "channel__platform", flat=True))
    assert channels == {"facebook": 12, "instagram": 4}
    notices = posts.filter(type=Post.Type.NOTICE)
    assert notices.filter(has_bip_link=False).count() == 1
    assert notices.filter(bip_entry__isnull=False).count() == notices.count() - 1
    assert 6 <= posts.filter(invites_input=True).count() <= 10
    done, open_ = (Task.objects.get(post__office=demo, done_at__isnull=False),
                   Task.objects.get(post__office=demo, done_at__isnull=True))
    assert done.url.startswith("https://") and open_.due < date(2026, 10, 31)
    assert all(o["code"].startswith("a11y.") for o in done.post.overrides + open_.post.overrides)


def test_conversations_are_consistent_with_their_messages(demo):
    conversations = Conversation.objects.filter(office=demo, thread_key__contains="hist-")
    assert 160 <= conversations.count() <= 200
    kinds = Counter(conversations.values_list("kind", flat=True))
    assert kinds["direct"] >= 25 and kinds["comments"] >= 130
    for conversation in conversations.prefetch_related("messages__analysis"):
        messages = list(conversation.messages.all())
        last = max(messages, key=lambda m: (m.created_at, m.pk))
        inbound = [m for m in messages if m.direction == "in"]
        assert conversation.last_message_at == last.created_at
        assert conversation.last_inbound_at == max(m.created_at for m in inbound)
        assert conversation.preview == ("" if last.deleted_at else last.text[:200])
        assert conversation.created_at == min(m.created_at for m in messages)
        pending = None  # the first question since the office last answered
        for message in sorted(messages, key=lambda m: (m.created_at, m.pk)):
            if message.direction == "out" and message.origin == "desk":
                pending = None
            elif message.direction == "in" and pending is None and any(
                    getattr(message.analysis, flag) for flag in
                    ("question", "public_information_request", "formal_matter", "urgent")):
                pending = message
        if pending is None:
            assert conversation.response_due_at is None
            assert conversation.status in {"waiting", "closed"}
        else:  # nobody is mailed about a month-old breach
            assert conversation.response_due_at > pending.created_at
            assert conversation.breach_notified_at is not None
            assert conversation.status in {"open", "closed"}
        assert not conversation.is_urgent
        for message in inbound:
            assert message.analysis.version == "demo-history"
            assert message.resident_id == conversation.resident_id
        if conversation.kind == "direct":
            assert conversation.thread_key == f"dm:{conversation.resident.platform_id}"
        else:
            assert messages[0].platform_id == conversation.thread_key
            assert conversation.post.platform_id.startswith("hist-")
    out = history_messages(demo).filter(direction="out")
    assert not out.filter(outbox_action__isnull=False).exists()  # nothing went to the outbox
    assert out.filter(origin="desk", author_user__isnull=True).count() == 0
    staff = set(out.filter(origin="desk").values_list("author_user__username", flat=True))
    assert {"redaktor", "odpady", "podatki", "sekretarz"} <= staff
    assert out.filter(is_private_reply=True).count() >= 2
    assert out.filter(origin="automatic").count() >= 3
    assert Resident.objects.filter(platform_id__startswith="hist-").count() == 40


def test_office_answers_come_mostly_in_office_hours(demo):
    from ratusz.offices.calendar import calendar_for

    calendar = calendar_for(demo, OCTOBER)
    answers = history_messages(demo).filter(direction="out", origin="desk")
    in_hours = sum(calendar.is_open(at) for at in answers.values_list("created_at", flat=True))
    assert in_hours / answers.count() > 0.9  # the rest: emergencies taken by the duty person


def test_acts_cite_the_rules_in_force_and_mimic_the_desk(demo):
    regulamin = Regulamin.objects.in_force(demo)
    acts = ModerationAct.objects.filter(office=demo).select_related("clause", "message")
    assert acts.count() >= 15
    for act in acts:
        assert act.status == ModerationAct.Status.DONE
        assert act.clause.regulamin_id == regulamin.pk and act.regulamin_id == regulamin.pk
        assert act.reference.startswith("M-") and act.reference in act.statement
        assert (act.appeal_until - act.created_at).days >= 180
        assert "account_id" in act.snapshot and act.snapshot["account_id"].startswith("hist-")
        if act.kind in ModerationAct.RESTRICTING and act.kind != "warning":
            assert act.clause.kind == "removal"
        if act.kind == "delete":
            assert act.clause.allows_delete and act.message.deleted_at is not None
    hidden = Message.objects.filter(conversation__office=demo, is_hidden=True)
    assert hidden.count() >= 9
    for message in hidden:
        assert message.moderation_acts.filter(kind="hide").exists()
    automatic = acts.filter(automatic=True)
    assert automatic.count() == 2 and all(a.actor is None and a.kind == "hide"
                                          and a.detector.startswith("personal_data:")
                                          for a in automatic)
    block = acts.get(kind="block")
    assert block.clause.allows_permanent_block and block.approved_by.username == "sekretarz"
    assert block.review_at and block.lifted_at is None and block.actor != block.approved_by
    restriction = acts.get(kind="restrict")
    assert restriction.duration_days == 7 and restriction.lifted_at >= restriction.expires_at
    appeal = Appeal.objects.get(office=demo)
    assert appeal.status == Appeal.Status.UPHELD and appeal.reversal.reverses == appeal.act
    assert appeal.reversal.clause.key == "appeal_upheld"
    assert appeal.decided_by not in {appeal.act.actor, appeal.act.approved_by}
    assert not appeal.act.message.is_hidden
    assert ReviewItem.objects.filter(office=demo, resolved_at__isnull=True).count() == 0
    assert ReviewItem.objects.filter(office=demo).count() == 4


def test_udip_deadlines_follow_the_deadline_engine(demo):
    from ratusz.inbox.clock import office_calendar
    from ratusz.lib.workcal import RULES, legal_end

    deadlines = Deadline.objects.filter(office=demo)
    assert deadlines.count() == 5
    late = 0
    for deadline in deadlines:
        assert deadline.rule == "udip" and deadline.status == "done"
        assert deadline.legal_end == legal_end(deadline.started_on, RULES["udip"])
        assert deadline.internal_target == office_calendar(
            demo, deadline.started_on).internal_target(deadline.started_on, RULES["udip"])
        late += deadline.done_at.astimezone(WARSAW).date() > deadline.legal_end
        assert deadline.conversation.messages.filter(
            analysis__public_information_request=True).exists()
    assert late == 1


def test_no_text_carries_a_real_looking_pesel_or_account_number(demo):
    texts = list(history_messages(demo).values_list("text", flat=True))
    texts += list(Post.objects.filter(office=demo).values_list("text", flat=True))
    texts += list(Conversation.objects.filter(office=demo).values_list("preview", flat=True))
    for statement, snapshot in ModerationAct.objects.filter(office=demo).values_list(
            "statement", "snapshot"):
        texts += [statement, snapshot.get("text", "")]
    texts += [t for a in Appeal.objects.filter(office=demo) for t in (a.text, a.decision)]
    found = {item.type for text in texts for item in personal.find(text)}
    assert not found & {"pesel", "iban", "id_card", "passport"}
    # The two comments the detector hid still say where the number was, and statements mask it.
    protective = ModerationAct.objects.filter(office=demo, automatic=True)
    for act in protective:
        items = act.message.analysis.personal_items
        assert items and act.message.analysis.personal_data
        assert "•" in act.statement


def test_the_months_figures_are_meaningful(demo):
    data = metrics.compute(demo, metrics.Period.month(2026, 10))
    response, dialogue = data["response"], data["dialogue"]
    moderation, publishing = data["moderation"], data["publishing"]
    assert response["questions"] > 100
    assert 0.8 <= response["answered_share"] <= 0.97
    assert response["median_working_minutes"] > 0
    assert response["p90_working_minutes"] > response["median_working_minutes"]
    assert response["answered_private"] > 0 and response["answered_public"] > 0
    assert 3 <= response["acknowledgements"] <= 30
    assert response["emergencies"] == 2 and response["emergency_median_minutes"] < 15
    assert response["unanswered_over"] > 0
    assert data["deadlines"]["received"] == 5 and data["deadlines"]["done_late"] == 1
    assert dialogue["posts"] >= 12 and 0.3 <= dialogue["inviting_share"] <= 0.7
    assert dialogue["comments_per_post"] > 5
    assert 0.2 < dialogue["threads_with_office_share"] < 0.9
    assert dialogue["residents_more_than_once"] > 10
    assert moderation["acts"] >= 15 and moderation["automatic"] == 2
    assert moderation["appeals"] == moderation["appeals_upheld"] == moderation["reversals"] == 1
    assert moderation["blocks_in_force"] >= 1 and moderation["hide_median_minutes"] > 0
    assert publishing["notices_without_bip"] == 1 and publishing["notices_with_bip"] >= 4
    assert publishing["accessibility_overrides"] == 2
    assert publishing["republished"] == 1 and publishing["republish_overdue"] == 1


def test_the_demo_has_a_published_report_for_the_month(demo):
    report = MonthlyReport.objects.get(office=demo, month=OCTOBER)
    assert report.status == MonthlyReport.Status.READY and report.published_at
    assert report.published_by.username == "admin"
    assert report.data["response"]["questions"] > 100
    assert report.data["moderation"]["acts"] >= 15


def test_the_history_is_the_same_every_time_and_loads_fast(db):
    from ratusz.inbox.clock import forget_calendars
    from ratusz.web.demo import load_demo

    forget_calendars()
    with time_machine.travel(TUESDAY_MORNING):
        office, _created = load_demo(history=False)

        def run() -> tuple[float, list]:
            with transaction.atomic():
                began = time.monotonic()
                counts = load_history(office, month=OCTOBER)
                elapsed = time.monotonic() - began
                rows = sorted(Message.objects.filter(conversation__office=office).values_list(
                    "platform_id", "text", "created_at", "direction", "origin"))
                transaction.set_rollback(True)
            return elapsed, [counts, rows]

        first_time, first = run()
        _second_time, second = run()
    assert first == second
    assert first_time < 5
    assert not InboxPost.objects.filter(platform_id__startswith="hist-").exists()


def test_the_history_counts_what_it_made(demo):
    assert Analysis.objects.filter(message__conversation__office=demo,
                                   version="demo-history").count() == history_messages(
        demo).filter(direction="in").count()

