"""Publishing pages: posts, the composer with live checks, approval, tasks and the calendar."""

import calendar as pycalendar
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ratusz.audit.models import AuditEvent
from ratusz.audit.registry import label_for
from ratusz.channels.models import Channel
from ratusz.inbox.models import Conversation
from ratusz.lib.text import is_uuid
from ratusz.lib.timeutil import month_before
from ratusz.lib.workcal import is_public_holiday
from ratusz.offices.access import access_office
from ratusz.offices.models import Election, Role
from ratusz.offices.services import office_publishing_update
from ratusz.publishing import checks, services
from ratusz.publishing.forms import IMAGE_ROWS, PostForm, ReasonForm, SettingsForm, TaskForm
from ratusz.publishing.models import Post, Task

Status = Post.Status
LIVE_TEXT = 20_000  # the live check reads this much; submission checks the whole text
MIN_YEAR, MAX_YEAR = 2000, 2100
TABS = {
    "drafts": [Status.DRAFT],
    "approval": [Status.SUBMITTED],
    "scheduled": [Status.SCHEDULED, Status.PAUSED, Status.PUBLISHING, Status.FAILED],
    "published": [Status.PUBLISHED],
    "withdrawn": [Status.WITHDRAWN],
}


def _post(office, uuid) -> Post:
    return get_object_or_404(Post.objects.select_related("office", "author", "approver"),
                             office=office, uuid=uuid)


@login_required
@require_GET
def post_list(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    tab = request.GET.get("tab", "")
    if tab not in TABS:
        waiting = membership.allows(Role.SUPERVISOR) and Post.objects.filter(
            office=office, status=Status.SUBMITTED).exists()
        tab = "approval" if waiting else "scheduled"
    posts = (Post.objects.filter(office=office, status__in=TABS[tab])
             .select_related("author", "approver")
             .prefetch_related("targets__channel")
             .order_by("-publish_at", "-created_at")[:100])
    counts = dict(Post.objects.filter(office=office).values_list("status").annotate(n=Count("pk"))
                  .values_list("status", "n"))
    tasks = (Task.objects.filter(post__office=office, done_at=None)
             .select_related("post").order_by("due")[:50])
    return render(request, "publishing/list.html", {
        "office": office, "membership": membership, "posts": posts, "tab": tab,
        "tabs": [(key, sum(counts.get(s, 0) for s in statuses)) for key, statuses in TABS.items()],
        "tasks": tasks})


def _initial(post: Post) -> dict:
    video = getattr(post, "video", None)
    initial = {"type": post.type, "text": post.text, "link": post.link,
               "channels": [t.channel_id for t in post.targets.all()],
               "publish_at": timezone.localtime(post.publish_at) if post.publish_at else None,
               "on_platform": post.on_platform, "live": bool(video and video.live)}
    for n, image in enumerate(post.images.all()[:IMAGE_ROWS]):
        initial.update({f"image{n}_pk": image.pk, f"image{n}_alt": image.alt,
                        f"image{n}_has_text": image.has_text, f"image{n}_name": image.name})
    if video is not None:
        initial.update({"video_name": video.name,
                        "captions_name": video.captions.name.rsplit("/", 1)[-1]
                        if video.captions else ""})
    return initial


def _overrides(request: HttpRequest) -> dict[str, str]:
    return {key[len("override-"):]: str(value)[:1000] for key, value in request.POST.items()
            if key.startswith("override-")}


@login_required
@require_http_methods(["GET", "POST"])
def composer(request: HttpRequest, slug: str, uuid=None):
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    post = _post(office, uuid) if uuid else None
    if post is not None and not post.editable:
        messages.info(request, _("A scheduled or published post cannot be changed."))
        return redirect("publishing-post", slug=office.slug, uuid=post.uuid)
    form = PostForm(request.POST or None, request.FILES or None, office=office,
                    initial=_initial(post) if post else {"channels": [
                        c.pk for c in Channel.objects.filter(
                            office=office, status=Channel.Status.ACTIVE,
                            platform=Channel.Platform.FACEBOOK)]})
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.post_save(
                actor=request.user, office=office, post=post, type=data["type"],
                text=data["text"], link=data["link"], channels=list(data["channels"]),
                publish_at=data["publish_at"], on_platform=data["on_platform"],
                images=form.image_rows(), video=form.video_data())
        except services.PostRefused as refusal:
            error = " ".join(refusal.messages)
        except services.ValidationError as invalid:
            error = " ".join(invalid.messages)
        if not error and request.POST.get("go") == "submit":
            try:
                services.post_submit(actor=request.user, post=post,
                                     acknowledged=set(request.POST.getlist("ack")),
                                     overrides=_overrides(request))
                post.refresh_from_db()
                messages.success(request, _("Sent for approval.") if post.status == Status.SUBMITTED
                                 else _("Scheduled.") if post.publish_at else
                                 _("Sent to the platforms."))
                return redirect("publishing-post", slug=office.slug, uuid=post.uuid)
            except services.PostRefused as refusal:
                messages.info(request, _("Draft saved."))
                messages.error(request, " ".join(refusal.messages))
                return redirect("publishing-edit", slug=office.slug, uuid=post.uuid)
        if not error:
            messages.success(request, _("Draft saved."))
            return redirect("publishing-edit", slug=office.slug, uuid=post.uuid)
    findings = services.post_check(post) if post is not None and request.method == "GET" else []
    return render(request, "publishing/composer.html", {
        "office": office, "membership": membership, "form": form, "post": post,
        "error": error, "findings": findings, "images": form.image_fields(),
        **_preview(office, post, findings)},
        status=400 if request.method == "POST" else 200)


def _draft_from_form(request: HttpRequest, office, post: Post | None) -> checks.Draft:
    """The composer's fields as they stand in the browser (files by name only)."""
    existing = {str(i.pk): i for i in post.images.all()} if post else {}
    images = []
    for n in range(IMAGE_ROWS):
        image = existing.get(request.POST.get(f"image{n}_pk", ""))
        name = request.POST.get(f"image{n}_name", "") or (image.name if image else "")
        if not name or request.POST.get(f"image{n}_remove"):
            continue
        images.append(checks.Image(name=name, alt=request.POST.get(f"image{n}_alt", ""),
                                   has_text=bool(request.POST.get(f"image{n}_has_text"))))
    video = None
    if request.POST.get("video_name") and not request.POST.get("remove_video"):
        video = checks.Video(name=request.POST["video_name"],
                             captions=request.POST.get("captions_name", ""),
                             live=bool(request.POST.get("live")))
    chosen = set(request.POST.getlist("channels"))
    platforms = [c.platform for c in Channel.objects.filter(office=office)
                 if str(c.pk) in chosen]
    return checks.Draft(text=request.POST.get("text", "")[:LIVE_TEXT],
                        type=request.POST.get("type", ""),
                        link=request.POST.get("link", ""), images=images, video=video,
                        publish_at=_when(request.POST.get("publish_at", "")),
                        channels=platforms, on_platform=bool(request.POST.get("on_platform")))


def _when(value: str):
    """A date and time typed in the composer, or None when it is not one."""
    try:
        when = parse_datetime(value or "")
    except ValueError:
        return None
    if when is None or not MIN_YEAR <= when.year <= MAX_YEAR:
        return None
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def _preview(office, post: Post | None, findings, draft: checks.Draft | None = None) -> dict:
    if draft is None and post is not None:
        draft = services.draft_of(post)
    channels = {c.platform: c for c in Channel.objects.filter(office=office)}
    return {"draft": draft, "fb_channel": channels.get(Channel.Platform.FACEBOOK),
            "ig_channel": channels.get(Channel.Platform.INSTAGRAM),
            "blocking": [f for f in findings if f.severity == "blocking"],
            "warnings": [f for f in findings if f.severity != "blocking"],
            "needs_approval": post is not None and services.needs_approval(post, findings)}


@login_required
@require_POST
def composer_check(request: HttpRequest, slug: str):
    """The live check: the findings and previews for the composer as typed (htmx)."""
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    uuid = request.POST.get("post", "")
    post = Post.objects.filter(office=office, uuid=uuid).first() if is_uuid(uuid) else None
    draft = _draft_from_form(request, office, post)
    findings = checks.run(draft, services.context_for(office))
    context = _preview(office, post, findings, draft)
    people = [request.user, *([post.author, post.edited_by] if post else [])]
    context["needs_approval"] = services.approval_needed(office, draft.type, findings, people)
    return render(request, "publishing/_checks.html", {
        "office": office, "membership": membership, "findings": findings,
        "empty": not draft.text.strip() and not draft.images and draft.video is None,
        "acked": set(request.POST.getlist("ack")), "reasons": _overrides(request), **context})



@login_required
@require_GET
def post_detail(request: HttpRequest, slug: str, uuid):
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    post = _post(office, uuid)
    targets = list(post.targets.select_related("channel", "inbox_post", "action"))
    inbox_posts = [t.inbox_post_id for t in targets if t.inbox_post_id]
    threads = (Conversation.objects.filter(post_id__in=inbox_posts).select_related("resident")
               .order_by("-last_message_at")[:20]) if inbox_posts else []
    findings = services.post_check(post) if post.status in {
        Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED, Status.PAUSED} else []
    history = list(AuditEvent.objects.filter(target_type="publishing.post",
                                             target_id=str(post.uuid))
                   .select_related("actor").order_by("seq"))
    for event in history:
        event.verb_label = label_for(event.verb)
    return render(request, "publishing/detail.html", {
        "office": office, "membership": membership, "post": post, "targets": targets,
        "threads": threads, "findings": findings, "history": history,
        "tasks": post.tasks.all(), "reason_form": ReasonForm(), "task_form": TaskForm(),
        "can_approve": membership.allows(Role.SUPERVISOR) and request.user.pk not in {
            post.author_id, post.edited_by_id, post.submitted_by_id},
        "silence_now": post.status == Status.PAUSED and services.in_silence_at(
            post, timezone.now()),
        "seen": services.submission_stamp(post),
        "show_checks": post.status in {Status.DRAFT, Status.SUBMITTED, Status.SCHEDULED,
                                       Status.PAUSED},
        "release_future": post.status == Status.PAUSED and post.publish_at is not None
        and post.publish_at > timezone.now(),
        "can_release_future": membership.allows(Role.SUPERVISOR),
        **_preview(office, post, findings)})


ACTIONS = {
    "approve": lambda user, post, note, seen: services.post_approve(actor=user, post=post,
                                                                   note=note, seen=seen),
    "return": lambda user, post, note, seen: services.post_return(actor=user, post=post,
                                                            comment=note),
    "withdraw": lambda user, post, note, seen: services.post_withdraw(actor=user, post=post),
    "retry": lambda user, post, note, seen: services.post_retry(actor=user, post=post),
    "release": lambda user, post, note, seen: services.post_release(actor=user, post=post,
                                                              reason=note),
}
DONE = {"approve": _("Approved."), "return": _("Returned to the author."),
        "withdraw": _("Withdrawn."), "retry": _("Trying again."), "release": _("Released.")}


@login_required
@require_POST
def post_action(request: HttpRequest, slug: str, uuid, action: str):
    office, _membership = access_office(request.user, slug, role=Role.RESPONDER)
    post = _post(office, uuid)
    if action not in ACTIONS:
        raise Http404("No such action.")
    form = ReasonForm(request.POST)
    form.is_valid()
    try:
        ACTIONS[action](request.user, post, form.cleaned_data.get("note", ""),
                        str(request.POST.get("seen", ""))[:64] or None)
        messages.success(request, str(DONE[action]))
    except services.PostRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
    return redirect("publishing-post", slug=office.slug, uuid=post.uuid)


@login_required
@require_POST
def task_done(request: HttpRequest, slug: str, pk: int):
    office, _membership = access_office(request.user, slug, role=Role.RESPONDER)
    task = get_object_or_404(Task.objects.select_related("post"), pk=pk, post__office=office)
    form = TaskForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the address (https://…) where the accessible version "
                                  "is."))
    else:
        try:
            services.task_done(actor=request.user, task=task, url=form.cleaned_data["url"])
            messages.success(request, _("Task done."))
        except services.PostRefused as refusal:
            messages.error(request, " ".join(refusal.messages))
    return redirect("publishing-post", slug=office.slug, uuid=task.post.uuid)


@login_required
@require_GET
def post_calendar(request: HttpRequest, slug: str):
    """A month of scheduled and published posts per channel, with election periods and public
    holidays and the office's closures."""
    office, membership = access_office(request.user, slug, role=Role.RESPONDER)
    today = timezone.localdate()
    try:
        year, month = (int(x) for x in request.GET.get("m", "").split("-"))
        first = date(year, month, 1)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(year)
    except ValueError:
        first = today.replace(day=1)
    days_in = pycalendar.monthrange(first.year, first.month)[1]
    last = first.replace(day=days_in)
    tz = timezone.get_current_timezone()
    start = datetime.combine(first, time.min, tz)
    end = datetime.combine(last + timedelta(days=1), time.min, tz)
    posts = (Post.objects.filter(office=office).exclude(status=Status.WITHDRAWN)
             .filter(_in_month(start, end)).prefetch_related("targets__channel")
             .order_by("publish_at", "published_at"))
    by_day: dict[date, list] = {}
    for post in posts:
        when = post.published_at or post.publish_at
        by_day.setdefault(timezone.localdate(when), []).append(post)
    elections = list(Election.objects.filter(office=office, campaign_start__lte=last))
    closures = {c.day: c for c in office.closures.filter(day__gte=first, day__lte=last)}
    names = _holiday_names(first.year)
    weeks, week, shown = [], [None] * first.weekday(), None
    for n in range(days_in):
        day = first + timedelta(days=n)
        election = _election_on(elections, day)
        label = (election or {}).get("kind"), (election or {}).get("name")
        week.append({"day": day, "posts": by_day.get(day, []), "today": day == today,
                     "holiday": names.get(day, "") if is_public_holiday(day) else "",
                     "closure": closures.get(day), "election": election,
                     "election_starts": election is not None and label != shown})
        shown = label
        if len(week) == 7:
            weeks.append(week)
            week = []
    if week:
        weeks.append(week + [None] * (7 - len(week)))
    previous = month_before(first)
    return render(request, "publishing/calendar.html", {
        "office": office, "membership": membership, "weeks": weeks, "first": first,
        "previous": previous,
        "next": last + timedelta(days=1), "day_names": _day_names()})


def _in_month(start, end):
    from django.db.models import Q

    return Q(published_at__gte=start, published_at__lt=end) | Q(
        published_at=None, publish_at__gte=start, publish_at__lt=end)


def _holiday_names(year: int) -> dict:
    import holidays
    from django.utils.translation import get_language

    language = "pl" if (get_language() or "pl").startswith("pl") else "en_US"
    return dict(holidays.Poland(years=year, language=language))


def _election_on(elections: list[Election], day: date) -> dict | None:
    for election in elections:
        for vote in filter(None, [election.voting_day, election.second_round]):
            if vote - timedelta(days=1) <= day <= vote:
                return {"name": election.name, "kind": "silence"}
        if election.campaign_start <= day <= election.last_day:
            return {"name": election.name, "kind": "campaign"}
    return None


def _day_names() -> list[str]:
    from ratusz.inbox.clock import DAY_NAMES

    return list(DAY_NAMES)


@login_required
@require_http_methods(["GET", "POST"])
def publishing_settings(request: HttpRequest, slug: str):
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    form = SettingsForm(request.POST or None, instance=office,
                        initial={"post_approval": office.post_approval})
    if request.method == "POST":
        if request.POST.get("fetch"):
            try:
                count = services.bip_fetch_now(actor=request.user, office=office)
                messages.success(request, ngettext(
                    "BIP feed read: %(n)d new entry.", "BIP feed read: %(n)d new entries.",
                    count) % {"n": count})
            except services.PostRefused as refusal:
                messages.error(request, " ".join(refusal.messages))
            return redirect("publishing-settings", slug=office.slug)
        if form.is_valid():
            office_publishing_update(actor=request.user, office=office, **{
                f: form.cleaned_data[f] for f in SettingsForm.Meta.fields})
            messages.success(request, _("Saved."))
            return redirect("publishing-settings", slug=office.slug)
    return render(request, "publishing/settings.html", {
        "office": office, "membership": membership, "form": form,
        "entries": office.bip_entries.all()[:10], "entry_count": office.bip_entries.count()},
        status=400 if request.method == "POST" else 200)


@require_GET
def media(request: HttpRequest, path: str):
    """Images and videos of posts, which Meta fetches by address. Names are random, and a
    path outside the media folder is refused."""
    if "\x00" in path or not path.startswith("posts/"):
        raise Http404("No such file.")
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        full = (root / path).resolve()
        found = root in full.parents and full.is_file()
    except (OSError, ValueError):
        found = False
    if not found:
        raise Http404("No such file.")
    return FileResponse(full.open("rb"))


