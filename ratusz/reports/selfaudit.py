"""The Watchdog self-audit: what Sieć Obywatelska Watchdog Polska's monitoring and the courts look
at on an office's social media, checked against the desk's data and configuration.

Each item passes, warns or fails, with the evidence (numbers and dates only: never a
resident's name or id) and what to do. The answer-rate and response-time items read the dict
from `ratusz.reports.metrics.compute`; the others read the database, a bounded number of
queries whatever the number of blocks or posts.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.db.models.functions import Length
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ratusz.moderation import regulamin_text
from ratusz.moderation.models import ModerationAct, Regulamin
from ratusz.moderation.rules import PERMANENT_BLOCK_KEYS, lint
from ratusz.offices.models import Membership, Office, Role
from ratusz.publishing.models import Post, Task

PASS, WARN, FAIL = "pass", "warn", "fail"
STATUSES = (PASS, WARN, FAIL)

RULES_MAX_AGE_YEARS = 2  # older rules are reviewed
ANSWER_RATE_PASS, ANSWER_RATE_WARN = 0.9, 0.7
WITHIN_TARGET_PASS = 0.8  # share of answers within the office's target for a pass
MAX_PLACES = 5  # places in the rules quoted as evidence


@dataclass(frozen=True)
class Item:
    key: str
    title: str
    status: str  # "pass" | "warn" | "fail"
    evidence: str
    todo: str


TITLES = {
    "regulamin": gettext_lazy("The page rules (regulamin) are published and current."),
    "viewpoint": gettext_lazy("The rules name no viewpoint-based reasons for removal."),
    "block_records": gettext_lazy("Blocks have reasons, approvals and review dates."),
    "block_clauses": gettext_lazy("No permanent block without a clause that allows it."),
    "answer_rate": gettext_lazy("Residents' questions are answered."),
    "response_time": gettext_lazy("Answers come within the office's own target."),
    "bip_links": gettext_lazy("Official notices link to BIP."),
    "accessibility": gettext_lazy("Inaccessible posts are republished accessibly on time."),
    "facebook_group": gettext_lazy("No office-run Facebook group outside the page's rules."),
    "operators": gettext_lazy("Who runs the page is recorded."),
}


@dataclass
class _Context:
    office: Office
    metrics: dict
    now: datetime
    tz: ZoneInfo
    today: date
    start: date
    end: date
    since: datetime  # the period's bounds as aware datetimes in the office's time zone
    until: datetime
    regulamin: Regulamin | None


def _context(office: Office, metrics: dict, now: datetime) -> _Context:
    tz = ZoneInfo(office.time_zone)
    today = now.astimezone(tz).date()
    period = metrics.get("period") or {}
    start = date.fromisoformat(period["start"]) if period.get("start") else today.replace(day=1)
    end = date.fromisoformat(period["end"]) if period.get("end") else today
    regulamin = Regulamin.objects.published().filter(
        office=office, effective_from__lte=now).order_by(
        "-effective_from", "-version").prefetch_related("clauses").first()
    return _Context(office=office, metrics=metrics, now=now, tz=tz, today=today,
                    start=start, end=end, since=datetime.combine(start, time.min, tz),
                    until=datetime.combine(end + timedelta(days=1), time.min, tz),
                    regulamin=regulamin)


def _day(value: date) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _local(ctx: _Context, moment: datetime) -> date:
    return moment.astimezone(ctx.tz).date()


def _percent(share: float, decimals: int = 1) -> str:
    return formats.number_format(round(share * 100, decimals), decimal_pos=decimals)


def _minutes(value: float) -> str:
    return formats.number_format(round(value), decimal_pos=0)


def _period(ctx: _Context) -> dict:
    return {"start": _day(ctx.start), "end": _day(ctx.end)}


def _item(key: str, status: str, evidence: list[str] | str, todo: str) -> Item:
    if not isinstance(evidence, str):
        evidence = " ".join(evidence)
    return Item(key=key, title=str(TITLES[key]), status=status, evidence=evidence, todo=todo)


# -- 1, 2: the rules -----------------------------------------------------------------------------

def _rules_current(ctx: _Context) -> Item:
    regulamin = ctx.regulamin
    if regulamin is None:
        drafts = Regulamin.objects.filter(office=ctx.office,
                                          status=Regulamin.Status.DRAFT).count()
        evidence = [_("No version of the page rules is in force.")]
        if drafts:
            evidence.append(_("Draft versions not yet published: %(n)s.") % {"n": drafts})
        return _item("regulamin", FAIL, evidence, _(
            "Generate the rules in Ratusz (Moderation, Page rules), have the head of office "
            "adopt them by an order (zarządzenie), publish them, and link them from the page's "
            "About section and from BIP. Without rules in force no moderation act can cite a "
            "reason."))
    in_force = _local(ctx, regulamin.effective_from)
    since = regulamin.adopted_on or in_force
    evidence = [_("Version %(version)s, adopted on %(adopted)s, in force since %(since)s.") % {
        "version": regulamin.version, "adopted": _day(since), "since": _day(in_force)}]
    status, review_by = PASS, _years_after(since, RULES_MAX_AGE_YEARS)
    todo = _("Review the rules by %(day)s, or sooner when the law or the office's pages "
             "change.") % {"day": _day(review_by)}
    if ctx.today > review_by:
        status = WARN
        evidence.append(_("The rules are more than two years old (%(days)s days).")
                        % {"days": (ctx.today - since).days})
        todo = _("Review the rules against the current law and the office's pages and publish a "
                 "new version, even if little changes.")
    if ctx.office.rules_url:
        evidence.append(_("Published at: %(url)s") % {"url": ctx.office.rules_url})
    else:
        status = WARN
        evidence.append(_("The settings give no address where residents can read the rules."))
        todo = _("Give the address of the published rules in the settings (Calendar and "
                 "hours) and link it from the page's About section and from BIP.")
    return _item("regulamin", status, evidence, todo)


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _misallowed_clauses(regulamin: Regulamin | None) -> list:
    """Clauses of the rules that allow a permanent block for a reason the law does not."""
    if regulamin is None:
        return []
    return [c for c in regulamin.clauses.all()
            if c.allows_permanent_block and c.key not in PERMANENT_BLOCK_KEYS]


def _place(where: str) -> str:
    """'clause 6.3' / 'section removal' (the lint's words) in the reader's words."""
    kind, _sep, name = where.partition(" ")
    if kind == "section":
        return _("section %(number)s") % {"number": regulamin_text.SECTION_NO.get(name, name)}
    return _("clause %(number)s") % {"number": name}


def _viewpoint(ctx: _Context) -> Item:
    regulamin = ctx.regulamin
    if regulamin is None:
        return _item("viewpoint", WARN, _("No page rules are in force, so there is nothing to "
                                          "check."),
                     _("Publish the rules first; Ratusz checks their wording before publishing."))
    permanent = {f"§ {c.number}" for c in _misallowed_clauses(regulamin)}  # item 4's concern
    findings = [f for f in lint(regulamin) if f.where not in permanent]
    if not findings:
        return _item("viewpoint", PASS, _(
            "The rules in force (version %(version)s) were checked for viewpoint-based wording "
            "(criticism, the office's image or good name, negative opinions, the "
            "administrator's discretion): none found.") % {"version": regulamin.version},
            _("Nothing to do. Keep reasons for removal to unlawful content and the netiquette."))
    removal = {c.number for c in regulamin.clauses.all() if c.kind == "removal"}
    in_reasons = any(f.where.partition(" ")[2] in removal for f in findings
                     if f.where.startswith("clause "))
    places = "; ".join(_("%(where)s: “%(phrase)s”") % {"where": _place(f.where),
                                                       "phrase": f.phrase}
                       for f in findings[:MAX_PLACES])
    evidence = [_("Viewpoint-based wording in the rules in force (version %(version)s): "
                  "%(n)s. %(places)s.") % {"version": regulamin.version, "n": len(findings),
                                           "places": places}]
    if in_reasons:
        evidence.append(_("Some of it is in the reasons for removal that moderators cite."))
    return _item("viewpoint", FAIL if in_reasons else WARN, evidence, _(
        "Replace these criteria with named kinds of unlawful content and their legal ground "
        "(e.g. art. 190, 212 or 216 of the Criminal Code), state plainly that criticism of the "
        "office is allowed, and publish a new version (Moderation, Page rules; `ratusz "
        "regulamin lint` lists every place)."))


# -- 3, 4: blocks --------------------------------------------------------------------------------

def _blocks_in_force(ctx: _Context) -> list[dict]:
    return list(ModerationAct.objects.filter(
        office=ctx.office, kind=ModerationAct.Kind.BLOCK, status=ModerationAct.Status.DONE,
    ).filter(Q(executed_at__isnull=True) | Q(executed_at__lte=ctx.now)).filter(
        Q(lifted_at__isnull=True) | Q(lifted_at__gt=ctx.now)).annotate(
        statement_length=Length("statement")).values(
        "statement_length", "actor_id", "approved_by_id", "review_at", "clause__number",
        "clause__key", "clause__allows_permanent_block"))


def _block_records(ctx: _Context, blocks: list[dict]) -> Item:
    if not blocks:
        return _item("block_records", PASS, _("No permanent block is in force."),
                     _("Nothing to do."))
    no_reasons = sum(1 for b in blocks if not b["statement_length"] or not b["clause__number"])
    no_approval = sum(1 for b in blocks if b["approved_by_id"] is None
                      or b["approved_by_id"] == b["actor_id"])
    no_review = sum(1 for b in blocks if b["review_at"] is None)
    overdue = [b["review_at"] for b in blocks if b["review_at"] and b["review_at"] < ctx.now]
    evidence = [_("Permanent blocks in force: %(n)s.") % {"n": len(blocks)}]
    if no_reasons:
        evidence.append(_("Without a clause and a statement of reasons: %(n)s.")
                        % {"n": no_reasons})
    if no_approval:
        evidence.append(_("Without a second person's approval: %(n)s.") % {"n": no_approval})
    if no_review:
        evidence.append(_("Without a review date: %(n)s.") % {"n": no_review})
    if overdue:
        evidence.append(_("Review overdue: %(n)s (the oldest was due on %(day)s).") % {
            "n": len(overdue), "day": _day(_local(ctx, min(overdue)))})
    if no_reasons or no_approval or no_review:
        return _item("block_records", FAIL, evidence, _(
            "Review each of these blocks now (Moderation, Restrictions and blocks): a supervisor "
            "either keeps it with a review date, which records the approval, or lifts it. A "
            "block nobody can justify in writing should be lifted."))
    if overdue:
        return _item("block_records", WARN, evidence, _(
            "Review the overdue blocks (Moderation, Restrictions and blocks): keep each one with "
            "a new review date or lift it. The rules promise a review at least every 90 days."))
    evidence.append(_("Each has a statement of reasons, a second person's approval and a "
                      "review date still ahead."))
    return _item("block_records", PASS, evidence, _("Review each block when it is due."))


def _block_clauses(ctx: _Context, blocks: list[dict]) -> Item:
    wrong = [b for b in blocks if not b["clause__allows_permanent_block"]
             or b["clause__key"] not in PERMANENT_BLOCK_KEYS]
    misallowed = _misallowed_clauses(ctx.regulamin)
    evidence = [_("Permanent blocks in force: %(n)s.") % {"n": len(blocks)}]
    if wrong:
        cited = sorted({b["clause__number"] or "-" for b in wrong})
        evidence.append(_("Citing a clause that does not allow a permanent block: %(n)s "
                          "(clauses: %(clauses)s).") % {"n": len(wrong),
                                                        "clauses": ", ".join(cited)})
    if misallowed:
        evidence.append(_("The rules in force allow a permanent block for reasons other than "
                          "threats, spam, fake accounts or repeated unlawful content: clauses "
                          "%(clauses)s.") % {"clauses": ", ".join(c.number for c in misallowed)})
    if wrong:
        return _item("block_clauses", FAIL, evidence, _(
            "Lift these blocks, or replace them with a time-limited restriction under the "
            "graduated sanctions; a permanent block is meant only for threats, spam or fake "
            "accounts and repeated unlawful content."))
    if misallowed:
        return _item("block_clauses", WARN, evidence, _(
            "In a new version of the rules, allow a permanent block only for threats, spam or "
            "fake accounts and repeated unlawful content; for other reasons use a restriction."))
    if blocks:
        evidence.append(_("Each cites a clause that allows it."))
    return _item("block_clauses", PASS, evidence, _("Nothing to do."))


# -- 5, 6: answers (from the metrics) -------------------------------------------------------------

def _answer_rate(ctx: _Context) -> Item:
    response = ctx.metrics.get("response") or {}
    questions = response.get("questions") or 0
    if not questions:
        return _item("answer_rate", PASS, _(
            "No questions from residents between %(start)s and %(end)s: no data to measure.")
            % _period(ctx), _("Nothing to do."))
    answered = response.get("answered") or 0
    share = response.get("answered_share")
    share = answered / questions if share is None else share
    evidence = [_("Answered %(answered)s of %(questions)s questions from residents (%(share)s%%) "
                  "between %(start)s and %(end)s: %(public)s in public, %(private)s "
                  "privately.") % {
        "answered": answered, "questions": questions, "share": _percent(share),
        "public": response.get("answered_public") or 0,
        "private": response.get("answered_private") or 0, **_period(ctx)}]
    status = PASS if share >= ANSWER_RATE_PASS else WARN if share >= ANSWER_RATE_WARN else FAIL
    over = response.get("unanswered_over") or 0
    if over:
        evidence.append(_("Still unanswered after %(days)s working days: %(n)s.") % {
            "days": response.get("unanswered_days") or "-", "n": over})
        status = WARN if status == PASS else status
    evidence.append(_("Expected: at least %(pass)s%% answered.")
                    % {"pass": _percent(ANSWER_RATE_PASS, 0)})
    if status == PASS:
        return _item("answer_rate", PASS, evidence, _("Nothing to do."))
    return _item("answer_rate", status, evidence, _(
        "Answer the questions still waiting in the inbox, or tell the person where the matter "
        "is handled (an official channel); give each department's questions an owner, and use "
        "the out-of-hours acknowledgement so nobody is left without a word."))


def _response_time(ctx: _Context) -> Item:
    response = ctx.metrics.get("response") or {}
    target = response.get("target_minutes") or ctx.office.response_target_minutes
    median = response.get("median_working_minutes")
    if not response.get("questions"):
        return _item("response_time", PASS, _(
            "No questions from residents between %(start)s and %(end)s: no data to measure.")
            % _period(ctx), _("Nothing to do."))
    if median is None:
        return _item("response_time", WARN, _(
            "No question between %(start)s and %(end)s was answered, so there is no response "
            "time to measure.") % _period(ctx),
            _("Answer the questions waiting in the inbox."))
    answered = response.get("answered") or 0
    within = response.get("within_target")
    share = response.get("within_target_share")
    if share is None and within is not None and answered:
        share = within / answered
    evidence = [_("Median first response: %(median)s working minutes; the office's target: "
                  "%(target)s working minutes (between %(start)s and %(end)s).") % {
        "median": _minutes(median), "target": target, **_period(ctx)}]
    if share is not None:
        evidence.append(_("Answered within the target: %(within)s of %(answered)s (%(share)s%%).")
                        % {"within": within if within is not None else round(share * answered),
                           "answered": answered, "share": _percent(share)})
    p90 = response.get("p90_working_minutes")
    if p90 is not None:
        evidence.append(_("90th percentile: %(p90)s working minutes.") % {"p90": _minutes(p90)})
    if median <= target and (share is None or share >= WITHIN_TARGET_PASS):
        return _item("response_time", PASS, evidence, _("Nothing to do."))
    status = WARN if median <= 2 * target else FAIL
    evidence.append(_("Expected: a median within the target and at least %(share)s%% of answers "
                      "within it.") % {"share": _percent(WITHIN_TARGET_PASS, 0)})
    return _item("response_time", status, evidence, _(
        "Look at which departments and hours answers wait longest (the dashboard breaks them "
        "down), route questions to the department that knows the answer, and prepare templates "
        "for frequent questions; if the target cannot be met, set a realistic one and publish "
        "it."))


# -- 7, 8: publishing ------------------------------------------------------------------------------

def _published(ctx: _Context):
    return Post.objects.filter(office=ctx.office, status=Post.Status.PUBLISHED,
                               published_at__gte=ctx.since, published_at__lt=ctx.until)


def _bip_links(ctx: _Context) -> Item:
    counts = _published(ctx).filter(type=Post.Type.NOTICE).aggregate(
        total=Count("pk"), without=Count("pk", filter=Q(has_bip_link=False)))
    total, without = counts["total"], counts["without"]
    if not total:
        return _item("bip_links", PASS, _(
            "No official notice was published between %(start)s and %(end)s.") % _period(ctx),
            _("Nothing to do."))
    if not without:
        return _item("bip_links", PASS, _(
            "Official notices published between %(start)s and %(end)s: %(total)s, each with a "
            "link to BIP.") % {"total": total, **_period(ctx)}, _("Nothing to do."))
    return _item("bip_links", FAIL, _(
        "Official notices without a link to BIP: %(n)s of %(total)s published between "
        "%(start)s and %(end)s.") % {"n": without, "total": total, **_period(ctx)}, _(
        "Publish every official notice in BIP first and link it from the post: BIP is the "
        "official publication, and people who are not on Facebook or are blocked must find the "
        "notice too. Add the BIP link to the notices already published."))


def _accessibility(ctx: _Context) -> Item:
    overridden = [pk for pk, overrides in _published(ctx).values_list("pk", "overrides")
                  if any(str(o.get("code", "")).startswith("a11y.") for o in overrides or [])]
    if not overridden:
        return _item("accessibility", PASS, _(
            "No post published between %(start)s and %(end)s had an accessibility check "
            "overridden.") % _period(ctx), _("Nothing to do."))
    tasks = {post: (due, done) for post, due, done in Task.objects.filter(
        post_id__in=overridden, kind=Task.Kind.REPUBLISH).values_list("post_id", "due",
                                                                      "done_at")}
    done = sum(1 for due, finished in tasks.values() if finished)
    overdue = sorted(due for due, finished in tasks.values() if not finished and due < ctx.today)
    waiting = sum(1 for due, finished in tasks.values() if not finished and due >= ctx.today)
    missing = len(overridden) - len(tasks)
    evidence = [_("Posts published between %(start)s and %(end)s with an accessibility check "
                  "overridden: %(n)s. Republished accessibly: %(done)s; open and past the due "
                  "date: %(overdue)s; open, not yet due: %(waiting)s.") % {
        "n": len(overridden), "done": done, "overdue": len(overdue), "waiting": waiting,
        **_period(ctx)}]
    if overdue:
        evidence.append(_("The oldest was due on %(day)s.") % {"day": _day(overdue[0])})
    if missing:
        evidence.append(_("Without a republication task: %(n)s.") % {"n": missing})
    if overdue or missing:
        return _item("accessibility", FAIL, evidence, _(
            "Publish the accessible versions on the website or in BIP and record their "
            "addresses in the tasks (Publishing, Tasks): the act on digital accessibility "
            "(art. 6) requires an accessible copy of what a platform cannot show accessibly."))
    if waiting:
        return _item("accessibility", WARN, evidence, _(
            "Publish the accessible versions before their due dates and record their addresses "
            "in the tasks (Publishing, Tasks)."))
    return _item("accessibility", PASS, evidence, _("Nothing to do."))


# -- 9, 10: configuration --------------------------------------------------------------------------

def _facebook_group(ctx: _Context) -> Item:
    runs = ctx.office.runs_facebook_group
    if runs is None:
        return _item("facebook_group", WARN, _(
            "The settings do not say whether the office runs a Facebook group."), _(
            "Answer the question in the settings (Moderation, Page rules, what the rules say "
            "about the office). Watchdog Polska asks offices about it, and the answer is public "
            "information."))
    if runs:
        return _item("facebook_group", WARN, _(
            "The settings say the office runs a Facebook group. Ratusz does not see groups: "
            "admitting, removing and muting members there is not done under the page's rules, "
            "is not logged and cannot be appealed, and Watchdog Polska's monitoring asks "
            "offices whether they run one."), _(
            "Consider closing the group and moving its discussion to the page. If the office "
            "keeps it, apply the page's rules to it, say in the rules who runs it, record every "
            "removal of a member with its reason, and have the legal adviser (radca prawny) "
            "check the arrangement."))
    return _item("facebook_group", PASS, _("The settings say the office runs no Facebook "
                                           "group."), _("Nothing to do."))


def _operators(ctx: _Context) -> Item:
    office = ctx.office
    members = [(role, position) for role, position in
               Membership.objects.filter(office=office).values_list("role", "position")
               if Role.rank(role) >= Role.rank(Role.MODERATOR)]
    with_position = sum(1 for _role, position in members if position.strip())
    evidence, todo = [], []
    if office.page_operators.strip():
        evidence.append(_("Runs the page: %(operators)s.") % {
            "operators": office.page_operators.strip().rstrip(".")})
    else:
        evidence.append(_("The settings do not say who runs the page."))
        todo.append(_("State the department and positions that run the page in the settings "
                      "(Moderation, Page rules, what the rules say about the office)."))
    evidence.append(_("People with moderation rights: %(n)s, with a position recorded: "
                      "%(p)s.") % {"n": len(members), "p": with_position})
    if not with_position:
        todo.append(_("Record the position (stanowisko) of each person with moderation rights "
                      "(`ratusz member … --position`): a request for public information may ask "
                      "who runs the page, and the answer names positions, not people."))
    external = office.external_operator.strip()
    evidence.append(_("Outside firm: %(firm)s.") % {"firm": external.rstrip(".") or _("none")})
    regulamin = ctx.regulamin
    if external and regulamin is not None and external.rstrip(".").casefold() not in (
            regulamin.sections.get("operators", "").casefold()):
        evidence.append(_("The rules in force do not name the outside firm."))
        todo.append(_("Publish a new version of the rules that names the outside firm."))
    if todo:
        return _item("operators", WARN, evidence, " ".join(todo))
    return _item("operators", PASS, evidence, _(
        "Keep it up to date when staff or the outside firm change."))


# -- the audit ------------------------------------------------------------------------------------

def audit(office: Office, *, metrics: dict, now: datetime | None = None) -> list[Item]:
    """The self-audit of an office for the period of `metrics` (from `metrics.compute`), as at
    `now` (the rules and blocks in force, and the tasks overdue, are those of that moment)."""
    ctx = _context(office, metrics, now or timezone.now())
    blocks = _blocks_in_force(ctx)
    return [_rules_current(ctx), _viewpoint(ctx), _block_records(ctx, blocks),
            _block_clauses(ctx, blocks), _answer_rate(ctx), _response_time(ctx),
            _bip_links(ctx), _accessibility(ctx), _facebook_group(ctx), _operators(ctx)]


def score(items: Iterable[Item]) -> dict[str, int]:
    """How many items pass, warn and fail."""
    counts = dict.fromkeys(STATUSES, 0)
    for item in items:
        counts[item.status] += 1
    return counts
