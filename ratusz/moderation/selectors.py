"""Reads for the moderation pages, the public register and the udip pack. Aggregates only:
the public register never names a resident."""

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from ratusz.inbox.models import Message
from ratusz.moderation.models import Appeal, ModerationAct, Regulamin, ReviewItem
from ratusz.offices.models import Membership, Role

Kind = ModerationAct.Kind
REGISTER_KINDS = [Kind.HIDE, Kind.DELETE, Kind.WARNING, Kind.RESTRICT, Kind.BLOCK,
                  Kind.COMMENTS_OFF, Kind.UNHIDE, Kind.UNBLOCK]


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def blocked_count(office, at: datetime | None = None) -> int:
    """Accounts restricted or blocked at a moment (now by default)."""
    at = at or timezone.now()
    return ModerationAct.objects.filter(
        office=office, kind__in=[Kind.RESTRICT, Kind.BLOCK],
        status=ModerationAct.Status.DONE, executed_at__lte=at,
    ).filter(Q(lifted_at__isnull=True) | Q(lifted_at__gt=at)).values(
        "resident_id").distinct().count()


def register(office, months: int = 12, today: date | None = None) -> dict:
    """Counts per month: acts by kind (automatic and manual), by clause, appeals and
    reversals; and the accounts blocked now."""
    today = today or timezone.localdate()
    first = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    since = timezone.make_aware(datetime.combine(first, time.min))
    rows: dict[str, dict] = {}
    month = first
    while month <= today:
        rows[f"{month:%Y-%m}"] = {"month": f"{month:%Y-%m}", "kinds": Counter(),
                                  "automatic": 0, "manual": 0, "clauses": Counter(),
                                  "appeals": 0, "upheld": 0, "reversals": 0, "outside": 0}
        month = (month + timedelta(days=32)).replace(day=1)
    on_appeal = set(Appeal.objects.filter(office=office, reversal__isnull=False)
                    .values_list("reversal_id", flat=True))
    acts = ModerationAct.objects.filter(office=office, status=ModerationAct.Status.DONE,
                                        executed_at__gte=since).values_list(
        "executed_at", "kind", "automatic", "clause__number", "clause__title", "pk")
    clause_titles: dict[str, str] = {}
    for executed_at, kind, automatic, number, title, pk in acts:
        row = rows.get(f"{timezone.localtime(executed_at):%Y-%m}")
        if row is None:
            continue
        row["kinds"][kind] += 1
        row["automatic" if automatic else "manual"] += 1
        key = number or "RODO"
        row["clauses"][key] += 1
        clause_titles[key] = title or "ochrona danych osobowych (art. 32 RODO)"
        if pk in on_appeal:  # reversed because an appeal was upheld
            row["reversals"] += 1
    for created_at, status in Appeal.objects.filter(office=office, created_at__gte=since) \
            .values_list("created_at", "status"):
        row = rows.get(f"{timezone.localtime(created_at):%Y-%m}")
        if row is not None:
            row["appeals"] += 1
            row["upheld"] += status == Appeal.Status.UPHELD
    # Comments hidden in Meta's own tools (Business Suite, automatic filters): no clause and no
    # reasons were recorded, and the register says so rather than leaving them out.
    outside = Message.objects.filter(
        conversation__office=office, kind=Message.Kind.COMMENT,
        direction=Message.Direction.IN, is_hidden=True, visibility_changed_at__gte=since,
    ).exclude(moderation_acts__kind=Kind.HIDE, moderation_acts__status=ModerationAct.Status.DONE
              ).values_list("visibility_changed_at", flat=True)
    for when in outside:
        row = rows.get(f"{timezone.localtime(when):%Y-%m}")
        if row is not None:
            row["outside"] += 1
    for row in rows.values():
        row["cells"] = [(kind, row["kinds"][kind]) for kind in REGISTER_KINDS]
        # Plain dicts: a template looking up `.items` on a Counter would get a zero count.
        row["kinds"], row["clauses"] = dict(row["kinds"]), dict(sorted(row["clauses"].items()))
    return {"months": list(reversed(rows.values())), "clause_titles": clause_titles,
            "kinds": REGISTER_KINDS, "blocked_now": blocked_count(office),
            "operators": operators(office)}


def operators(office) -> dict:
    """Who runs the page: positions (never names) of people with moderation rights."""
    members = Membership.objects.filter(office=office).values_list("role", "position")
    positions: Counter = Counter()
    for role, position in members:
        if Role.rank(role) >= Role.rank(Role.MODERATOR):
            positions[position or str(Role(role).label)] += 1
    return {"page_operators": office.page_operators, "external": office.external_operator,
            "positions": sorted(positions.items())}


def udip_pack(office, day: date) -> dict:
    """What a request about the office's social media asks, as at the end of `day`."""
    at = _end_of(day)
    regulamin = Regulamin.objects.in_force(office, at)
    return {
        "office": office, "day": day,
        "channels": list(office.channels.order_by("platform", "name")),
        "regulamin": regulamin, "blocked": blocked_count(office, at),
        "operators": operators(office),
        "acts_total": ModerationAct.objects.filter(
            office=office, status=ModerationAct.Status.DONE, executed_at__lte=at).count(),
    }


def review_queue(office):
    return ReviewItem.objects.filter(office=office, resolved_at__isnull=True).select_related(
        "message__conversation", "message__resident", "message__channel", "message__analysis",
        "act", "reported_by").order_by("due_at", "pk")


def awaiting_approval(office):
    return ModerationAct.objects.filter(
        office=office, status=ModerationAct.Status.AWAITING_APPROVAL).select_related(
        "actor", "clause", "resident", "channel")


def blocks(office):
    return ModerationAct.objects.filter(
        office=office, kind__in=[Kind.RESTRICT, Kind.BLOCK],
        status=ModerationAct.Status.DONE, lifted_at__isnull=True).select_related(
        "resident", "clause", "actor", "approved_by", "channel").order_by("expires_at",
                                                                          "review_at")


def history(resident) -> dict:
    """What happened to this account before: acts and appeals, newest first."""
    if resident is None:
        return {"acts": [], "appeals": []}
    acts = list(ModerationAct.objects.filter(resident=resident).select_related(
        "clause", "actor")[:50])
    appeals = list(Appeal.objects.filter(act__resident=resident).select_related("act")[:20])
    return {"acts": acts, "appeals": appeals}


def ladder_hint(resident) -> str:
    """The next step of the graduated sanctions for this account, for the act form."""
    if resident is None:
        return Kind.HIDE
    done = defaultdict(int)
    since = timezone.now() - timedelta(days=365)
    for kind in ModerationAct.objects.filter(resident=resident, created_at__gte=since,
                                             status=ModerationAct.Status.DONE) \
            .values_list("kind", flat=True):
        done[kind] += 1
    if done[Kind.RESTRICT]:
        return "restrict_long"
    if done[Kind.WARNING]:
        return Kind.RESTRICT
    if done[Kind.HIDE] or done[Kind.DELETE]:
        return Kind.WARNING
    return Kind.HIDE
