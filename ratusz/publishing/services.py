"""Publishing workflows: draft, submit, approve, schedule, publish through the outbox, tasks.

Every step writes its audit row in the same transaction, naming who wrote and who approved:
courts treat the author of an office's post as public information.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
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
        publish_at=post.publish_at,
        channels=[t.channel.platform for t in post.targets.select_related("channel")]
        if post.pk else [])


def post_check(post: Post, *, now: datetime | None = None,
               publication: bool = False) -> list[checks.Finding]:
    """The findings for the post as it stands; at publication the schedule is no longer
    checked (the time has come) but everything else is, again."""
    draft = draft_of(post)
    if publication:
        draft.publish_at = now or timezone.now()
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
                    _("To publish despite \"%(message)s\", give a reason of at least "
                      "%(n)d characters.") % {"message": finding.message, "n": MIN_REASON},
                    code="override_reason")
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
        if not post.editable:
            raise PostRefused(_("A scheduled post cannot be changed: withdraw it first. A "
                                "published post stays as it went out."), code="not_editable")
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
    post.type, post.text, post.link = type, text.strip(), link.strip()
    post.publish_at, post.on_platform = publish_at, on_platform
    # A changed draft is checked and approved again.
    post.status, post.approver, post.approved_at = Status.DRAFT, None, None
    post.acknowledged, post.overrides = [], []
    post.save()
    post.targets.exclude(channel__in=channels).delete()
    for channel in channels:
        Target.objects.get_or_create(post=post, channel=channel)
    for position, item in enumerate(images or []):
        image = post.images.filter(pk=item["pk"]).first() if item.get("pk") else None
        if item.get("remove"):
            if image is not None:
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


def _video_save(post: Post, data: dict) -> None:
    current = Video.objects.filter(post=post).first()
    if data.get("remove"):
        if current is not None:
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

def needs_approval(post: Post, findings: list[checks.Finding]) -> bool:
    return (post.type in (post.office.post_approval or [])
            or any(f.needs_approval for f in findings)
            or any(f.code == "election.silence" for f in findings))


@transaction.atomic
def post_submit(*, actor, post: Post, acknowledged: set[str] = frozenset(),
                overrides: dict[str, str] | None = None) -> Post:
    """The author is done: run the checks, keep the ticks and overrides with their reasons,
    and either wait for an approver or schedule the post."""
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
    office = post.office
    _require(actor, office, Role.RESPONDER)
    if post.status not in {Status.DRAFT, Status.FAILED} or post.published_at:
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
    post.submitted_at, post.return_comment = timezone.now(), ""
    wait = needs_approval(post, findings) or not _member_allows(actor, office, Role.MODERATOR)
    post.status = Status.SUBMITTED if wait else post.status
    post.save()
    record(actor=actor, verb="publishing.post.submitted", office=office, target=post,
           data={"author": post.author.get_username(), "type": post.type,
                 "findings": [f.code for f in findings], "acknowledged": post.acknowledged,
                 "overrides": post.overrides, "needs_approval": wait})
    if not wait:
        _schedule(actor, post)
    return post


@transaction.atomic
def post_approve(*, actor, post: Post, note: str = "") -> Post:
    """A second person approves: a supervisor who is not the author. The checks run again,
    and a campaign finding or a silence override needs a written justification."""
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
    _require(actor, post.office, Role.SUPERVISOR)
    if post.status != Status.SUBMITTED:
        raise PostRefused(_("This post is not waiting for approval."), code="state")
    if post.author_id == actor.pk:
        raise PostRefused(_("The author cannot approve their own post; another supervisor "
                            "must."), code="own_post")
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


@transaction.atomic
def post_return(*, actor, post: Post, comment: str) -> Post:
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
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
        if target.status in {Target.Status.PUBLISHED, Target.Status.SCHEDULED}:
            continue
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


def _in_silence(post: Post, at: datetime) -> bool:
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
        models_q_due(now)).values_list("pk", flat=True)
    for pk in list(due):
        try:
            done += _publish_one(pk, now)
        except Exception:  # noqa: BLE001 - one broken post must not stop the others
            log.exception("Publishing post %s failed", pk)
    for pk in list(Post.objects.filter(status=Status.SCHEDULED, on_platform=True,
                                       publish_at__gt=now).values_list("pk", flat=True)):
        _recall_from_silence(pk)
    _mark_platform_published(now)
    return done


def models_q_due(now):
    from django.db.models import Q

    return Q(publish_at__isnull=True) | Q(publish_at__lte=now)


@transaction.atomic
def _publish_one(pk: int, now: datetime) -> int:
    post = Post.objects.select_for_update().select_related("office", "author").get(pk=pk)
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
    _publish("ratusz", post)
    return 1


@transaction.atomic
def _recall_from_silence(pk: int) -> None:
    post = Post.objects.select_for_update().select_related("office").get(pk=pk)
    if post.status != Status.SCHEDULED or "election.silence" in _overridden(post):
        return
    if not _in_silence(post, post.publish_at):
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
    """Facebook publishes a scheduled post itself; from its time on, it is published."""
    for pk in list(Post.objects.filter(status=Status.SCHEDULED, on_platform=True,
                                       publish_at__lte=now).values_list("pk", flat=True)):
        with transaction.atomic():
            post = Post.objects.select_for_update().get(pk=pk)
            targets = list(post.targets.all())
            if post.status != Status.SCHEDULED or any(
                    t.status != Target.Status.SCHEDULED for t in targets):
                continue
            for target in targets:
                target.status, target.published_at = Target.Status.PUBLISHED, post.publish_at
                target.save(update_fields=["status", "published_at"])
            _published(post, at=post.publish_at)


@transaction.atomic
def post_release(*, actor, post: Post, reason: str = "") -> Post:
    """A paused post goes out: after the silence, by a moderator; during it, only by a
    supervisor with a reason (a safety or organisational notice), which is logged."""
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
    if post.status != Status.PAUSED:
        raise PostRefused(_("This post is not paused."), code="state")
    now = timezone.now()
    if _in_silence(post, now):
        _require(actor, post.office, Role.SUPERVISOR)
        reason = " ".join(reason.split())
        if len(reason) < MIN_REASON:
            raise PostRefused(_("During the election silence only a safety or organisational "
                                "notice may go out; give the reason (at least %(n)d "
                                "characters).") % {"n": MIN_REASON}, code="override_reason")
        post.overrides = [*post.overrides, {"code": "election.silence", "reason": reason,
                                            "by": actor.get_username()}]
    else:
        _require(actor, post.office, Role.MODERATOR)
    post.publish_at, post.on_platform = None, False
    post.status = Status.SCHEDULED
    post.save(update_fields=["overrides", "publish_at", "on_platform", "status"])
    post.targets.filter(status__in=[Target.Status.SCHEDULED, Target.Status.WITHDRAWN]).update(
        status=Target.Status.WAITING, platform_id="")
    record(actor=actor, verb="publishing.post.resumed", office=post.office, target=post,
           data={"reason": reason})
    _publish(actor, post)
    return post


@transaction.atomic
def post_withdraw(*, actor, post: Post) -> Post:
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
    if post.status in {Status.PUBLISHED, Status.PUBLISHING, Status.WITHDRAWN}:
        raise PostRefused(_("A published post cannot be withdrawn here; delete it on the "
                            "platform and keep Ratusz's copy for the record."), code="state")
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
    post = Post.objects.select_for_update().select_related("office").get(pk=post.pk)
    _require(actor, post.office, Role.MODERATOR)
    if post.status != Status.FAILED:
        raise PostRefused(_("Only a post that failed can be tried again."), code="state")
    failed = list(post.targets.filter(status=Target.Status.FAILED).select_related("action"))
    post.status = Status.PUBLISHING
    post.save(update_fields=["status"])
    for target in failed:
        target.status, target.error = Target.Status.SENDING, ""
        target.save(update_fields=["status", "error"])
        if target.action is not None and target.action.status == OutboxAction.Status.FAILED:
            action_retry(actor=actor, action=target.action)
        else:
            _send(actor, post)
    return post


# -- outbox hooks ---------------------------------------------------------------------------------

def _target_of(action: OutboxAction) -> Target | None:
    return Target.objects.select_for_update().select_related("post", "post__office", "channel") \
        .filter(action=action).first()


def on_action_sent(action: OutboxAction) -> None:
    if action.kind == OutboxAction.Kind.POST_DELETE:
        Target.objects.filter(platform_id=action.target_id, channel=action.channel).update(
            status=Target.Status.WITHDRAWN)
        return
    if action.kind != OutboxAction.Kind.POST_PUBLISH:
        return
    target = _target_of(action)
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
        defaults={"text": target.post.text, "created_at": target.published_at})
    target.inbox_post = inbox_post
    target.save(update_fields=["platform_id", "status", "published_at", "inbox_post"])
    post = Post.objects.select_for_update().get(pk=target.post_id)
    if (action.result or {}).get("captions_error"):
        # The video is up but its captions were refused: someone adds them by hand.
        _task(post, Task.Kind.CAPTIONS, timezone.localdate(now),
              str(action.result["captions_error"])[:500])
    if post.status == Status.PUBLISHING and not post.targets.exclude(
            status=Target.Status.PUBLISHED).exists():
        _published(post, at=now)


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
    if action.kind != OutboxAction.Kind.POST_PUBLISH:
        return
    target = _target_of(action)
    if target is None:
        return
    target.status, target.error = Target.Status.FAILED, action.error_message
    target.save(update_fields=["status", "error"])
    post = Post.objects.select_for_update().get(pk=target.post_id)
    if post.status in {Status.PUBLISHING, Status.SCHEDULED}:
        post.status = Status.FAILED
        post.save(update_fields=["status"])
    record(actor="meta", verb="publishing.post.failed", office=post.office, target=post,
           data={"channel": target.channel.platform, "error": action.error_message[:500]})


# -- tasks ----------------------------------------------------------------------------------------

@transaction.atomic
def task_done(*, actor, task: Task, url: str) -> Task:
    """The accessible version is on the website or in BIP (or the recording has captions):
    the task keeps its address, and the post can close."""
    task = Task.objects.select_for_update().select_related("post__office").get(pk=task.pk)
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
