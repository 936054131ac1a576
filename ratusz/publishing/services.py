"""Publishing workflows: draft, submit, approve, schedule, publish through the outbox, tasks.

Every step writes its audit row in the same transaction, naming who wrote and who approved:
courts treat the author of an office's post as public information.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.models import Channel
from ratusz.inbox.models import Post as InboxPost
from ratusz.offices.access import membership_for
from ratusz.offices.models import Election, Office, Role
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_create, action_retry
from ratusz.publishing import checks
from ratusz.publishing.bip import FeedEntry
from ratusz.publishing.models import BipEntry, Image, Post, Target, Task, Video

log = logging.getLogger(__name__)
Status = Post.Status
MIN_REASON = 10
PLATFORM_MIN, PLATFORM_MAX = timedelta(minutes=10), timedelta(days=30)
PLATFORM_LATE = timedelta(hours=1)  # Facebook should have published a scheduled post by then
TASK_DAYS = {Task.Kind.REPUBLISH: 7, Task.Kind.CAPTIONS: 14}


class PostRefused(ValidationError):
    """The step breaks a rule; the message says which, in words the author understands."""


def _member_allows(actor, office: Office, role: str) -> bool:
    membership = membership_for(actor, office) if actor is not None else None
    return membership is not None and membership.allows(role)


def _user(actor):
    """The person behind a step, or None when the worker ("ratusz") takes it."""
    return None if isinstance(actor, str) else actor


def _require(actor, office: Office, role: str) -> None:
    if not _member_allows(actor, office, role):
        raise PostRefused(_("Your role does not allow this."), code="role")


# -- checks ---------------------------------------------------------------------------------------

def context_for(office: Office, *, now: datetime | None = None) -> checks.Context:
    """What the checks need to know about the office, read once."""
    from ratusz.inbox.tone import DEFAULT_JARGON
    from ratusz.moderation.models import MarkedAccount

    tz = timezone.get_default_timezone() if not office.time_zone else _zone(office.time_zone)
    periods, phrases = [], []
    for election in Election.objects.filter(office=office):
        start = datetime.combine(election.campaign_start, datetime.min.time(), tz)
        for silence_start, silence_end in election.silences(tz):
            periods.append(checks.Period(name=election.name, campaign_start=start,
                                         silence_start=silence_start, silence_end=silence_end))
        phrases += election.phrases()
    phrases += [name for name in MarkedAccount.objects.filter(office=office).values_list(
        "resident__display_name", flat=True) if name]
    jargon = [line.strip() for line in office.reply_jargon.splitlines() if line.strip()]
    entries = [FeedEntry(guid=e.guid, title=e.title, link=e.link, summary=e.summary,
                         published=e.published)
               for e in BipEntry.objects.filter(office=office)[:300]]
    return checks.Context(
        bip_url=office.bip_url, website_url=office.website_url,
        own_accounts=[line.strip() for line in office.bank_accounts.splitlines() if line.strip()],
        own_contacts=[c for c in (office.email, office.phone) if c],
        jargon=jargon or list(DEFAULT_JARGON), elections=periods, watch_phrases=phrases,
        bip_entries=entries, now=now or timezone.now())


def _zone(name: str):
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


def draft_of(post: Post) -> checks.Draft:
    video = getattr(post, "video", None) if post.pk else None
    return checks.Draft(
        text=post.text, type=post.type, link=post.link,
        images=[checks.Image(name=i.name, alt=i.alt, has_text=i.has_text)
                for i in post.images.all()] if post.pk else [],
        video=checks.Video(name=video.name, captions=video.captions.name if video.captions
                           else "", live=video.live) if video else None,
        publish_at=post.publish_at, on_platform=post.on_platform,
        channels=[t.channel.platform for t in post.targets.select_related("channel")]
        if post.pk else [])


def post_check(post: Post, *, now: datetime | None = None,
               publication: bool = False) -> list[checks.Finding]:
    """The findings for the post as it stands; at publication the schedule is no longer
    checked (the time has come) but everything else is, again."""
    draft = draft_of(post)
    if publication:
        draft.publish_at, draft.on_platform = now or timezone.now(), False
    findings = checks.run(draft, context_for(post.office, now=now))
    if publication:
        findings = [f for f in findings if f.check != "schedule"]
    return findings


def _settle(post: Post, findings: list[checks.Finding], *, acknowledged: set[str],
            overrides: dict[str, str]) -> None:
    """Refuse a post with a blocking finding that cannot be overridden, an override without a
    reason, or a warning that needs a tick and did not get one."""
    stopped = [f for f in findings if f.severity == "blocking" and not f.overridable]
    if stopped:
        raise PostRefused(stopped[0].message, code="blocked")
    for finding in findings:
        if finding.severity == "blocking" and finding.overridable:
            reason = " ".join((overrides.get(finding.code) or "").split())
            if len(reason) < MIN_REASON:
                raise PostRefused(
                    _("%(message)s Fix this in the post, or give the reason to publish anyway "
                      "(at least %(n)d characters) under the finding.")
                    % {"message": finding.message, "n": MIN_REASON}, code="override_reason")
        if finding.needs_ack and finding.code not in acknowledged:
            raise PostRefused(_("Tick that you have checked: %(message)s")
                              % {"message": finding.message}, code="ack")


def _overridden(post: Post) -> set[str]:
    return {item.get("code", "") for item in post.overrides}


# -- drafts ---------------------------------------------------------------------------------------

@transaction.atomic
def post_save(*, actor, office: Office, post: Post | None = None, type: str, text: str,
              link: str = "", channels: list[Channel], publish_at: datetime | None = None,
              on_platform: bool = False, images: list[dict] | None = None,
              video: dict | None = None) -> Post:
    """Create or change a draft. `images`: [{"pk"?, "file"?, "alt", "has_text", "remove"?}];
    `video`: {"file"?, "captions"?, "live", "remove"?} or None to leave it as it is."""
    _require(actor, office, Role.RESPONDER)
    if post is not None:
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.office_id != office.pk:
            raise PostRefused(_("This post belongs to another office."), code="office")
        if not post.editable or post.targets.exclude(
                status__in=[Target.Status.WAITING, Target.Status.WITHDRAWN]).exists():
            raise PostRefused(_("A scheduled post cannot be changed: withdraw it first. A "
                                "published post stays as it went out."), code="not_editable")
        # Taken back from the platforms (or never sent): it becomes a draft again.
        post.targets.filter(status=Target.Status.WITHDRAWN).update(
            status=Target.Status.WAITING, platform_id="")
        if post.author_id != actor.pk and not _member_allows(actor, office, Role.MODERATOR):
            raise PostRefused(_("Only the author or a moderator can change this draft."),
                              code="role")
    if any(c.office_id != office.pk for c in channels):
        raise PostRefused(_("This channel belongs to another office."), code="office")
    if not channels:
        raise PostRefused(_("Choose at least one channel."), code="channels")
    if type not in Post.Type.values:
        raise PostRefused(_("Unknown type of post."), code="type")
    if post is None:
        post = Post(office=office, author=actor)
    was = post.status
    post.edited_by = actor
    post.type, post.text, post.link = type, text.strip(), link.strip()
    post.publish_at, post.on_platform = publish_at, on_platform
    # A changed draft is checked and approved again.
    post.status, post.approver, post.approved_at = Status.DRAFT, None, None
    post.acknowledged, post.overrides, post.submitted_by = [], [], None
    post.save()
    post.targets.exclude(channel__in=channels).delete()
    for channel in channels:
        Target.objects.get_or_create(post=post, channel=channel)
    for position, item in enumerate(images or []):
        image = post.images.filter(pk=item["pk"]).first() if item.get("pk") else None
        if item.get("remove"):
            if image is not None:
                _forget_file(image.file)
                image.delete()
            continue
        if image is None:
            if not item.get("file"):
                continue
            image = Image(post=post, file=item["file"],
                          original_name=str(getattr(item["file"], "name", ""))[:255])
        image.alt, image.has_text = " ".join((item.get("alt") or "").split()), bool(
            item.get("has_text"))
        image.position = position
        image.full_clean(exclude=["post"])
        image.save()
    if video is not None:
        _video_save(post, video)
    record(actor=actor, verb="publishing.post.saved", office=office, target=post,
           data={"type": post.type, "channels": [c.platform for c in channels],
                 "images": post.images.count(), "was": was})
    return post


def _forget_file(field) -> None:
    """A removed picture stops being served (it may have been removed for what it showed)."""
    if field:
        storage, name = field.storage, field.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


def _video_save(post: Post, data: dict) -> None:
    current = Video.objects.filter(post=post).first()
    if data.get("remove"):
        if current is not None:
            _forget_file(current.file)
            _forget_file(current.captions)
            current.delete()
        return
    if current is None and not data.get("file"):
        return
    current = current or Video(post=post)
    if data.get("file"):
        current.file = data["file"]
    if data.get("captions"):
        current.captions = data["captions"]
    current.live = bool(data.get("live"))
    current.full_clean(exclude=["post"])
    current.save()


# -- submission and approval ----------------------------------------------------------------------

def approval_needed(office: Office, type: str, findings: list[checks.Finding],
                    people=()) -> bool:
    """A second person approves: for the office's chosen post types, for anything the election
    checks raise, and for anything written or submitted by someone below a moderator."""
    return (type in (office.post_approval or [])
            or any(f.needs_approval or f.code == "election.silence" for f in findings)
            or any(not _member_allows(person, office, Role.MODERATOR)
                   for person in people if person is not None))


def needs_approval(post: Post, findings: list[checks.Finding]) -> bool:
    return approval_needed(post.office, post.type, findings,
                           [post.author, post.edited_by, post.submitted_by])


@transaction.atomic
def post_submit(*, actor, post: Post, acknowledged: set[str] = frozenset(),
                overrides: dict[str, str] | None = None) -> Post:
    """The author is done: run the checks, keep the ticks and overrides with their reasons,
    and either wait for an approver or schedule the post."""
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=post.pk)
    office = post.office
    _require(actor, office, Role.RESPONDER)
    if post.status != Status.DRAFT:
        raise PostRefused(_("Only a draft can be submitted."), code="state")
    if post.author_id != actor.pk and not _member_allows(actor, office, Role.MODERATOR):
        raise PostRefused(_("Only the author or a moderator can submit this draft."),
                          code="role")
    findings = post_check(post)
    overrides = overrides or {}
    _settle(post, findings, acknowledged=set(acknowledged), overrides=overrides)
    post.acknowledged = sorted(f.code for f in findings if f.needs_ack)
    post.overrides = [{"code": f.code, "reason": " ".join(overrides[f.code].split()),
                       "by": actor.get_username()}
                      for f in findings if f.severity == "blocking" and f.overridable]
    post.submitted_at, post.return_comment, post.submitted_by = timezone.now(), "", actor
    wait = needs_approval(post, findings)
    post.status = Status.SUBMITTED if wait else post.status
    post.save(update_fields=["acknowledged", "overrides", "submitted_at", "return_comment",
                             "submitted_by", "status"])
    record(actor=actor, verb="publishing.post.submitted", office=office, target=post,
           data={"author": post.author.get_username(), "type": post.type,
                 "findings": [f.code for f in findings], "acknowledged": post.acknowledged,
                 "overrides": post.overrides, "needs_approval": wait})
    if not wait:
        _schedule(actor, post)
    return post


@transaction.atomic
def post_approve(*, actor, post: Post, note: str = "", seen: str | None = None) -> Post:
    """A second person approves: a supervisor who neither wrote, changed nor submitted the
    post, and who saw this version of it (`seen`: its submission time as the page showed it).
    The checks run again; a campaign finding or a silence override needs a justification."""
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=post.pk)
    _require(actor, post.office, Role.SUPERVISOR)
    if post.status != Status.SUBMITTED:
        raise PostRefused(_("This post is not waiting for approval."), code="state")
    if actor.pk in {post.author_id, post.edited_by_id, post.submitted_by_id}:
        raise PostRefused(_("Whoever wrote, changed or submitted a post cannot approve it; "
                            "another supervisor must."), code="own_post")
    if seen is not None and seen != submission_stamp(post):
        raise PostRefused(_("The post changed after you opened it. Read it again before "
                            "approving."), code="changed")
    findings = post_check(post)
    stopped = [f for f in findings if f.severity == "blocking"
               and (not f.overridable or f.code not in _overridden(post))]
    if stopped:
        raise PostRefused(stopped[0].message, code="blocked")
    note = " ".join(note.split())
    justify = any(f.needs_approval for f in findings) or "election.silence" in _overridden(post)
    if justify and len(note) < MIN_REASON:
        raise PostRefused(_("During an election campaign or silence, approval needs a "
                            "justification of at least %(n)d characters.") % {"n": MIN_REASON},
                          code="justification")
    post.approver, post.approved_at, post.approval_note = actor, timezone.now(), note
    post.save(update_fields=["approver", "approved_at", "approval_note"])
    record(actor=actor, verb="publishing.post.approved", office=post.office, target=post,
           data={"author": post.author.get_username(), "approver": actor.get_username(),
                 "note": note, "findings": [f.code for f in findings]})
    _schedule(actor, post)
    return post


def submission_stamp(post: Post) -> str:
    """Which submitted version a person saw: its submission time, to the microsecond."""
    return post.submitted_at.isoformat() if post.submitted_at else ""


@transaction.atomic
def post_return(*, actor, post: Post, comment: str) -> Post:
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=post.pk)
    _require(actor, post.office, Role.SUPERVISOR)
    if post.status != Status.SUBMITTED:
        raise PostRefused(_("This post is not waiting for approval."), code="state")
    comment = comment.strip()
    if not comment:
        raise PostRefused(_("Say what the author should change."), code="comment")
    post.status, post.return_comment = Status.DRAFT, comment
    post.save(update_fields=["status", "return_comment"])
    record(actor=actor, verb="publishing.post.returned", office=post.office, target=post,
           data={"comment": comment})
    return post


# -- scheduling and publication ---------------------------------------------------------------

def _schedule(actor, post: Post) -> None:
    now = timezone.now()
    if post.on_platform:
        channels = [t.channel for t in post.targets.select_related("channel")]
        if any(c.platform != Channel.Platform.FACEBOOK for c in channels):
            raise PostRefused(_("Only Facebook can schedule a post itself; Instagram posts "
                                "are held by Ratusz."), code="platform_window")
        if post.publish_at is None or not (
                now + PLATFORM_MIN <= post.publish_at <= now + PLATFORM_MAX):
            raise PostRefused(_("Facebook schedules posts from 10 minutes to 30 days ahead; "
                                "choose a time in that window or let Ratusz hold the post."),
                              code="platform_window")
        post.status = Status.SCHEDULED
        post.save(update_fields=["status"])
        _send(actor, post, scheduled_at=int(post.publish_at.timestamp()))
    elif post.publish_at and post.publish_at > now:
        post.status = Status.SCHEDULED
        post.save(update_fields=["status"])
    else:
        post.status = Status.SCHEDULED
        post.save(update_fields=["status"])
        _publish(actor, post)
        return
    record(actor=actor, verb="publishing.post.scheduled", office=post.office, target=post,
           data={"publish_at": post.publish_at.isoformat() if post.publish_at else None,
                 "on_platform": post.on_platform})


def _media_url(field) -> str:
    return settings.RATUSZ_BASE_URL.rstrip("/") + field.url


def payload_for(post: Post, channel: Channel) -> dict:
    video = Video.objects.filter(post=post).first()
    text = post.text
    if channel.platform == Channel.Platform.INSTAGRAM and post.link and post.link not in text:
        text = f"{text}\n\n{post.link}"  # not clickable on Instagram, but readable
    return {
        "post": str(post.uuid), "message": text,
        "link": post.link if channel.platform == Channel.Platform.FACEBOOK else "",
        "photos": [{"url": _media_url(i.file), "alt": i.alt} for i in post.images.all()],
        "video": {"url": _media_url(video.file), "title": "",
                  "captions_url": _media_url(video.captions) if video.captions else ""}
        if video and video.file else None,
    }


def _send(actor, post: Post, *, scheduled_at: int | None = None) -> None:
    for target in post.targets.select_related("channel"):
        if target.status != Target.Status.WAITING:
            continue  # published, scheduled, in flight, or failed (tried again by its action)
        payload = payload_for(post, target.channel) | {"scheduled_at": scheduled_at}
        target.action = action_create(actor=_user(actor), channel=target.channel,
                                      kind=OutboxAction.Kind.POST_PUBLISH,
                                      target_id=target.channel.platform_id, payload=payload)
        target.status, target.error = Target.Status.SENDING, ""
        target.save(update_fields=["action", "status", "error"])


def _publish(actor, post: Post) -> None:
    post.status = Status.PUBLISHING
    post.save(update_fields=["status"])
    _send(actor, post)
    record(actor=actor, verb="publishing.post.publishing", office=post.office, target=post,
           data={"author": post.author.get_username(),
                 "approver": post.approver.get_username() if post.approver else None,
                 "channels": [t.channel.platform for t in post.targets.select_related(
                     "channel")]})


def in_silence_at(post: Post, at: datetime) -> bool:
    draft = draft_of(post)
    draft.publish_at = at
    ctx = context_for(post.office, now=at)
    return any(f.code == "election.silence" for f in checks.run(draft, ctx))


def publish_due(now: datetime | None = None) -> int:
    """The worker's minute: publish what is due, pause what the silence stops, and take
    platform-scheduled posts back from Facebook when a silence now covers them."""
    now = now or timezone.now()
    done = 0
    due = Post.objects.filter(status=Status.SCHEDULED, on_platform=False).filter(
        Q(publish_at__isnull=True) | Q(publish_at__lte=now)).values_list("pk", flat=True)
    for pk in list(due):
        try:
            done += _publish_one(pk, now)
        except Exception:  # noqa: BLE001 - one broken post must not stop the others
            log.exception("Publishing post %s failed", pk)
    for pk in list(Post.objects.filter(status=Status.SCHEDULED, on_platform=True,
                                       publish_at__gt=now).values_list("pk", flat=True)):
        try:
            _recall_from_silence(pk)
        except Exception:  # noqa: BLE001 - one broken post must not stop the others
            log.exception("Recalling post %s from the silence failed", pk)
    try:
        _mark_platform_published(now)
    except Exception:  # noqa: BLE001
        log.exception("Marking platform-scheduled posts as published failed")
    return done


@transaction.atomic
def _publish_one(pk: int, now: datetime) -> int:
    post = Post.objects.select_for_update(of=("self",)) \
        .select_related("office", "author").get(pk=pk)
    if post.status != Status.SCHEDULED:
        return 0
    findings = post_check(post, now=now, publication=True)
    if any(f.code == "election.silence" for f in findings) and \
            "election.silence" not in _overridden(post):
        post.status = Status.PAUSED
        post.save(update_fields=["status"])
        record(actor="ratusz", verb="publishing.post.paused", office=post.office, target=post,
               data={"publish_at": post.publish_at.isoformat() if post.publish_at else None})
        return 0
    stopped = [f for f in findings if f.severity == "blocking"
               and (not f.overridable or f.code not in _overridden(post))]
    if stopped:
        post.status = Status.FAILED
        post.save(update_fields=["status"])
        record(actor="ratusz", verb="publishing.post.failed", office=post.office, target=post,
               data={"findings": [f.code for f in stopped]})
        return 0
    if post.approver_id is None and any(f.needs_approval for f in findings):
        # An election was entered, or a name added to watch, after the post was scheduled.
        post.status = Status.SUBMITTED
        post.save(update_fields=["status"])
        record(actor="ratusz", verb="publishing.post.held", office=post.office, target=post,
               data={"findings": [f.code for f in findings if f.needs_approval]})
        return 0
    _publish("ratusz", post)
    return 1


@transaction.atomic
def _recall_from_silence(pk: int) -> None:
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=pk)
    if post.status != Status.SCHEDULED or "election.silence" in _overridden(post):
        return
    if not in_silence_at(post, post.publish_at):
        return
    for target in post.targets.select_related("channel"):
        if target.platform_id and target.status == Target.Status.SCHEDULED:
            action_create(actor=None, channel=target.channel, kind=OutboxAction.Kind.POST_DELETE,
                          target_id=target.platform_id, payload={"post": str(post.uuid)})
    post.status = Status.PAUSED
    post.save(update_fields=["status"])
    record(actor="ratusz", verb="publishing.post.paused", office=post.office, target=post,
           data={"publish_at": post.publish_at.isoformat(), "recalled_from": "facebook"})


def _mark_platform_published(now: datetime) -> None:
    """Facebook publishes a scheduled post itself: once its time has come and Facebook says
    the post is out, it is published here too. A post Facebook has not published an hour
    after its time has failed, and people see it."""
    for pk in list(Post.objects.filter(status=Status.SCHEDULED, on_platform=True,
                                       publish_at__lte=now).values_list("pk", flat=True)):
        targets = list(Target.objects.filter(post_id=pk).select_related("channel"))
        if any(t.status != Target.Status.SCHEDULED for t in targets):
            continue
        live = [_is_published(t) for t in targets]
        with transaction.atomic():
            post = Post.objects.select_for_update().get(pk=pk)
            if post.status != Status.SCHEDULED:
                continue
            if all(live):
                Target.objects.filter(post=post).update(status=Target.Status.PUBLISHED,
                                                        published_at=post.publish_at)
                _published(post, at=post.publish_at)
            elif post.publish_at < now - PLATFORM_LATE:
                Target.objects.filter(post=post, pk__in=[
                    t.pk for t, out in zip(targets, live, strict=True) if not out]).update(
                    status=Target.Status.FAILED,
                    error=_("Facebook did not publish the scheduled post."))
                post.status = Status.FAILED
                post.save(update_fields=["status"])
                record(actor="meta", verb="publishing.post.failed", office=post.office,
                       target=post, data={"error": "not published at its time"})


def _is_published(target: Target) -> bool:
    """Ask the platform; an error counts as "not yet" (the next minute asks again)."""
    from ratusz.outbox.sender import client_for
    from ratusz.platforms.meta.client import GraphError

    try:
        with client_for(target.channel) as client:
            answer = client.get_object(target.platform_id, "is_published")
    except GraphError:
        return False
    return answer.get("is_published") is True


@transaction.atomic
def post_release(*, actor, post: Post, reason: str = "") -> Post:
    """A paused post goes ahead. Its time still to come (it was paused because that time falls
    into a silence): only a supervisor, with a reason (a safety or organisational notice), and
    it keeps its time. Its time passed: during the silence the same rule, after it a moderator;
    it goes out now. To choose another time, edit the post instead."""
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=post.pk)
    if post.status != Status.PAUSED:
        raise PostRefused(_("This post is not paused."), code="state")
    _refuse_in_flight(post)
    now = timezone.now()
    future = post.publish_at is not None and post.publish_at > now
    if future or in_silence_at(post, now):
        _require(actor, post.office, Role.SUPERVISOR)
        reason = " ".join(reason.split())
        if len(reason) < MIN_REASON:
            raise PostRefused(_("In the election silence only a safety or organisational notice "
                                "may go out; give the reason (at least %(n)d characters), or "
                                "edit the post to choose another time.") % {"n": MIN_REASON},
                              code="override_reason")
        post.overrides = [*post.overrides, {"code": "election.silence", "reason": reason,
                                            "by": actor.get_username()}]
    else:
        _require(actor, post.office, Role.MODERATOR)
    post.targets.filter(status__in=[Target.Status.SCHEDULED, Target.Status.WITHDRAWN]).update(
        status=Target.Status.WAITING, platform_id="")
    if not future:
        post.publish_at, post.on_platform = None, False
    post.save(update_fields=["overrides", "publish_at", "on_platform"])
    record(actor=actor, verb="publishing.post.resumed", office=post.office, target=post,
           data={"reason": reason, "publish_at": post.publish_at.isoformat()
                 if post.publish_at else None})
    _schedule(actor, post)
    return post


def _refuse_in_flight(post: Post) -> None:
    if post.targets.filter(status=Target.Status.SENDING).exists():
        raise PostRefused(_("The post is being sent to a platform right now. Wait until it "
                            "has arrived (or failed), then try again."), code="in_flight")


@transaction.atomic
def post_withdraw(*, actor, post: Post) -> Post:
    post = Post.objects.select_for_update(of=("self",)).select_related("office").get(pk=post.pk)
    if post.status in {Status.PUBLISHED, Status.PUBLISHING, Status.WITHDRAWN} or \
            post.targets.filter(status=Target.Status.PUBLISHED).exists():
        raise PostRefused(_("A published post cannot be withdrawn here; delete it on the "
                            "platform and keep Ratusz's copy for the record."), code="state")
    _refuse_in_flight(post)
    if post.author_id != actor.pk:
        _require(actor, post.office, Role.MODERATOR)
    for target in post.targets.select_related("channel"):
        if target.platform_id and target.status == Target.Status.SCHEDULED:
            action_create(actor=_user(actor), channel=target.channel,
                          kind=OutboxAction.Kind.POST_DELETE, target_id=target.platform_id,
                          payload={"post": str(post.uuid)})
    was, post.status = post.status, Status.WITHDRAWN
    post.save(update_fields=["status"])
    record(actor=actor, verb="publishing.post.withdrawn", office=post.office, target=post,
           data={"was": was})
    return post


@transaction.atomic
def post_retry(*, actor, post: Post) -> Post:
    """Try the failed channels again, after the same checks as at publication: the silence
    and the other blocking checks stop it, and a finding that needs approval sends it to a
    supervisor. A channel whose answer was lost is looked up before it is sent again."""
    post = Post.objects.select_for_update(of=("self",)) \
        .select_related("office", "author").get(pk=post.pk)
    _require(actor, post.office, Role.MODERATOR)
    if post.status != Status.FAILED:
        raise PostRefused(_("Only a post that failed can be tried again."), code="state")
    _refuse_in_flight(post)
    findings = post_check(post, publication=True)
    if any(f.code == "election.silence" for f in findings) and \
            "election.silence" not in _overridden(post):
        raise PostRefused(_("The election silence is on: the post can go out after it, or "
                            "now only as a safety or organisational notice approved by a "
                            "supervisor."), code="silence")
    stopped = [f for f in findings if f.severity == "blocking"
               and (not f.overridable or f.code not in _overridden(post))]
    if stopped:
        raise PostRefused(_("The checks stop this post now: %(message)s Withdraw it, edit it "
                            "and submit it again.") % {"message": stopped[0].message},
                          code="blocked")
    targets = list(post.targets.filter(status__in=[Target.Status.FAILED, Target.Status.WAITING])
                   .select_related("action", "channel"))
    if not targets:
        raise PostRefused(_("Nothing is left to send."), code="nothing")
    if post.approver_id is None and any(f.needs_approval for f in findings):
        post.status = Status.SUBMITTED
        post.save(update_fields=["status"])
        record(actor=actor, verb="publishing.post.held", office=post.office, target=post,
               data={"findings": [f.code for f in findings if f.needs_approval]})
        return post
    post.status = Status.PUBLISHING
    post.save(update_fields=["status"])
    for target in targets:
        action = target.action
        if target.status == Target.Status.FAILED and action is not None \
                and action.status == OutboxAction.Status.FAILED:
            target.status, target.error = Target.Status.SENDING, ""
            target.save(update_fields=["status", "error"])
            action_retry(actor=actor, action=action)
        else:
            target.status = Target.Status.WAITING
            target.save(update_fields=["status"])
    _send(actor, post)
    record(actor=actor, verb="publishing.post.retried", office=post.office, target=post,
           data={"channels": [t.channel.platform for t in targets]})
    return post


# -- outbox hooks ---------------------------------------------------------------------------------

def _locked(action: OutboxAction) -> tuple[Post | None, Target | None]:
    """The post first, then its target: the same order as every other step, so two workers
    never wait on each other."""
    post_id = Target.objects.filter(action=action).values_list("post_id", flat=True).first()
    if post_id is None:
        return None, None
    post = Post.objects.select_for_update(of=("self",)) \
        .select_related("office", "author", "approver") \
        .get(pk=post_id)
    target = Target.objects.select_for_update(of=("self",)) \
        .select_related("channel").get(action=action)
    return post, target


def on_action_sent(action: OutboxAction) -> None:
    if action.kind == OutboxAction.Kind.POST_DELETE:
        Target.objects.filter(platform_id=action.target_id, channel=action.channel).update(
            status=Target.Status.WITHDRAWN)
        return
    if action.kind != OutboxAction.Kind.POST_PUBLISH:
        return
    post, target = _locked(action)
    if target is None:
        return
    now = timezone.now()
    target.platform_id = action.result_id
    if action.payload.get("scheduled_at"):
        target.status = Target.Status.SCHEDULED
    else:
        target.status, target.published_at = Target.Status.PUBLISHED, now
    inbox_post, _created = InboxPost.objects.get_or_create(
        channel=target.channel, platform_id=action.result_id,
        defaults={"text": post.text, "created_at": target.published_at})
    target.inbox_post = inbox_post
    target.save(update_fields=["platform_id", "status", "published_at", "inbox_post"])
    if (action.result or {}).get("captions_error"):
        # The video is up but its captions were refused: someone adds them by hand.
        _task(post, Task.Kind.CAPTIONS, timezone.localdate(now),
              str(action.result["captions_error"])[:500])
    if target.status == Target.Status.SCHEDULED and post.status in {Status.WITHDRAWN,
                                                                    Status.PAUSED}:
        # Taken back while Facebook was still answering: take it back there too.
        action_create(actor=None, channel=target.channel, kind=OutboxAction.Kind.POST_DELETE,
                      target_id=target.platform_id, payload={"post": str(post.uuid)})
        return
    _settle_targets(post, now)


def _settle_targets(post: Post, now: datetime) -> None:
    """Once no channel is in flight: published everywhere, or failed somewhere."""
    statuses = set(post.targets.values_list("status", flat=True))
    if Target.Status.SENDING in statuses:
        return
    if statuses == {Target.Status.PUBLISHED} and post.status != Status.PUBLISHED:
        _published(post, at=now)
    elif Target.Status.FAILED in statuses and post.status in {Status.PUBLISHING,
                                                               Status.SCHEDULED}:
        post.status = Status.FAILED
        post.save(update_fields=["status"])


def _published(post: Post, *, at: datetime) -> None:
    post.status, post.published_at = Status.PUBLISHED, at
    post.save(update_fields=["status", "published_at"])
    today = timezone.localdate(at)
    overrides = [o for o in post.overrides if o.get("code", "").startswith("a11y.")]
    if overrides:
        _task(post, Task.Kind.REPUBLISH, today, "; ".join(o["reason"] for o in overrides))
    video = Video.objects.filter(post=post).first()
    if video is not None and video.live and not video.captions:
        _task(post, Task.Kind.CAPTIONS, today, "")
    record(actor="meta", verb="publishing.post.published", office=post.office, target=post,
           data={"author": post.author.get_username(),
                 "approver": post.approver.get_username() if post.approver else None,
                 "ids": list(post.targets.values_list("platform_id", flat=True))})


def _task(post: Post, kind: str, today, reason: str) -> None:
    task, created = Task.objects.get_or_create(
        post=post, kind=kind,
        defaults={"due": today + timedelta(days=TASK_DAYS[kind]), "reason": reason})
    if created:
        record(actor="ratusz", verb="publishing.task.created", office=post.office, target=post,
               data={"kind": kind, "due": task.due.isoformat()})


def on_action_failed(action: OutboxAction) -> None:
    if action.kind == OutboxAction.Kind.POST_DELETE:
        _recall_failed(action)
        return
    if action.kind != OutboxAction.Kind.POST_PUBLISH:
        return
    post, target = _locked(action)
    if target is None:
        return
    target.status, target.error = Target.Status.FAILED, action.error_message
    target.save(update_fields=["status", "error"])
    record(actor="meta", verb="publishing.post.failed", office=post.office, target=post,
           data={"channel": target.channel.platform, "error": action.error_message[:500]})
    _settle_targets(post, timezone.now())


def _recall_failed(action: OutboxAction) -> None:
    """Facebook still holds a post Ratusz meant to take back: say so loudly, and let the
    worker (for the silence) or a person (withdrawing again) try once more."""
    target = Target.objects.select_related("post__office").filter(
        platform_id=action.target_id, channel=action.channel).first()
    if target is None:
        return
    post = Post.objects.select_for_update().get(pk=target.post_id)
    Target.objects.filter(pk=target.pk).update(status=Target.Status.SCHEDULED,
                                               error=action.error_message)
    if post.status in {Status.WITHDRAWN, Status.PAUSED}:
        post.status = Status.SCHEDULED
        post.save(update_fields=["status"])
    record(actor="meta", verb="publishing.post.recall_failed", office=post.office,
           target=post, data={"error": action.error_message[:500],
                              "publish_at": post.publish_at.isoformat()
                              if post.publish_at else None})


# -- tasks ----------------------------------------------------------------------------------------

@transaction.atomic
def task_done(*, actor, task: Task, url: str) -> Task:
    """The accessible version is on the website or in BIP (or the recording has captions):
    the task keeps its address, and the post can close."""
    task = Task.objects.select_for_update(of=("self",)) \
        .select_related("post__office").get(pk=task.pk)
    _require(actor, task.post.office, Role.RESPONDER)
    url = url.strip()
    if not url.startswith("https://"):
        raise PostRefused(_("Give the address (https://…) where the accessible version is."),
                          code="url")
    if task.done_at:
        return task
    task.url, task.done_at, task.done_by = url[:500], timezone.now(), actor
    task.save(update_fields=["url", "done_at", "done_by"])
    record(actor=actor, verb="publishing.task.done", office=task.post.office, target=task.post,
           data={"kind": task.kind, "url": task.url})
    return task


# -- BIP feed -------------------------------------------------------------------------------------

def bip_fetch_now(*, actor, office: Office) -> int:
    """An administrator reads the feed now rather than waiting for the hourly poll."""
    _require(actor, office, Role.ADMIN)
    if not office.bip_feed_url:
        raise PostRefused(_("Give the address of the BIP feed first."), code="no_feed")
    return bip_fetch(office)


def bip_fetch(office: Office, data: bytes | None = None) -> int:
    """Read the office's BIP feed (or `data`) and keep its entries; return how many are new."""
    from ratusz.publishing.bip import parse_feed

    if data is None:
        if not office.bip_feed_url:
            return 0
        import httpx

        try:
            response = httpx.get(office.bip_feed_url, timeout=10, follow_redirects=True)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            log.warning("BIP feed of %s cannot be read: %s", office.slug, exc)
            return 0
        data = response.content
    new = 0
    with transaction.atomic():
        for entry in parse_feed(data):
            _row, created = BipEntry.objects.update_or_create(
                office=office, guid=entry.guid[:500],
                defaults={"title": entry.title[:500], "link": entry.link[:500],
                          "summary": entry.summary, "published": entry.published,
                          "fetched_at": timezone.now()})
            new += created
        if new:
            record(actor="ratusz", verb="publishing.bip.fetched", office=office,
                   data={"new": new})
    return new
