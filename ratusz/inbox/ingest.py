"""Applying platform events to the inbox. Every function is idempotent: a redelivered or
reordered event leaves the same state, and an event that changes nothing writes no audit row.
"""

from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ratusz.audit.services import record
from ratusz.channels.models import Channel
from ratusz.inbox import clock
from ratusz.inbox.models import Conversation, Message, Post, Resident
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_confirm
from ratusz.platforms.meta import events as ev

# Messages typed in Meta's own Page inbox / Business Suite carry this app id.
META_INBOX_APP_IDS = {"263902037430900", "1217981644879628"}


def event_ingest(channel: Channel, event: ev.Event) -> str:
    """Apply one event; return "created", "updated" or "unchanged"."""
    handler = {
        ev.CommentEvent: _comment,
        ev.PostEvent: _post_event,
        ev.MessageEvent: _message,
        ev.MessageEditEvent: _message_edit,
        ev.PostbackEvent: _postback,
        ev.ReceiptEvent: _receipt,
    }[type(event)]
    # Two workers may race to insert the same new row; the loser's savepoint rolls back and
    # the second pass finds the winner's row, so the event is applied exactly once.
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return handler(channel, event)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def arrival_id(event: ev.Event) -> str:
    """The platform id of an event that only says "this exists", or ""."""
    if isinstance(event, ev.CommentEvent) and event.verb == "add":
        return event.comment_id
    if isinstance(event, ev.MessageEvent) and not event.is_deleted:
        return event.mid
    return ""


def known_arrivals(channel: Channel, events: list[ev.Event]) -> set[str]:
    """Ids of arrivals already stored: redeliveries, answered "unchanged" with one query."""
    ids = {arrival_id(e) for e in events} - {""}
    if not ids:
        return set()
    return set(Message.objects.filter(channel=channel, platform_id__in=ids,
                                      created_at__isnull=False)
               .values_list("platform_id", flat=True))


def _audit(verb: str, message: Message, **data) -> None:
    record(actor="meta", verb=verb, office=message.conversation.office, target=message,
           data={"channel": message.channel.platform, "kind": message.kind, **data})


def _resident(channel: Channel, platform_id: str, name: str) -> Resident | None:
    if not platform_id:
        return None
    resident, created = Resident.objects.get_or_create(
        channel=channel, platform_id=platform_id, defaults={"display_name": name}
    )
    if not created and name and resident.display_name != name:
        resident.display_name = name
        resident.save(update_fields=["display_name"])
    if created and not name and settings.RATUSZ_FETCH_PLATFORM_DETAILS:
        from ratusz.inbox.tasks import fetch_resident_name_task

        transaction.on_commit(lambda: fetch_resident_name_task(resident.pk), robust=True)
    return resident


def _post(channel: Channel, post_id: str, permalink: str = "") -> Post | None:
    if not post_id:
        return None
    post, created = Post.objects.get_or_create(
        channel=channel, platform_id=post_id, defaults={"permalink_url": permalink}
    )
    if not created and permalink and not post.permalink_url:
        post.permalink_url = permalink
        post.save(update_fields=["permalink_url"])
    if created and settings.RATUSZ_FETCH_PLATFORM_DETAILS:
        from ratusz.inbox.tasks import fetch_post_details_task

        transaction.on_commit(lambda: fetch_post_details_task(post.pk), robust=True)
    return post


def _conversation(channel, *, kind, key, post=None, resident=None) -> Conversation:
    """The thread, locked: staff replies and other workers update the same row."""
    conversation, created = Conversation.objects.get_or_create(
        channel=channel, thread_key=key,
        defaults={"office_id": channel.office_id, "kind": kind, "post": post,
                  "resident": resident},
    )
    conversation = Conversation.objects.select_for_update(of=("self",)).select_related(
        "office").get(pk=conversation.pk)
    changed = []
    if not created and post and conversation.post_id is None:
        conversation.post, changed = post, [*changed, "post"]
    if not created and resident and conversation.resident_id is None:
        conversation.resident, changed = resident, [*changed, "resident"]
    if changed:
        conversation.save(update_fields=changed)
    return conversation


def _comment_thread(channel: Channel, event: ev.CommentEvent, resident) -> Conversation:
    post = _post(channel, event.post_id, event.post_permalink)
    if event.is_top_level:
        return _conversation(channel, kind=Conversation.Kind.COMMENTS, key=event.comment_id,
                             post=post, resident=resident)
    parent = (Message.objects.select_related("conversation")
              .filter(channel=channel, platform_id=event.parent_id).first())
    key = parent.conversation.thread_key if parent else event.parent_id
    return _conversation(channel, kind=Conversation.Kind.COMMENTS, key=key, post=post)


def _save_conversation(conversation: Conversation) -> None:
    conversation.save(update_fields=["status", "last_message_at", "last_inbound_at", "preview",
                                     "response_due_at", "breach_notified_at", "is_urgent"])


def _comment(channel: Channel, event: ev.CommentEvent) -> str:
    by_page = event.author_id == channel.platform_id
    message = (Message.objects.select_for_update().select_related("conversation__office")
               .filter(channel=channel, platform_id=event.comment_id).first())
    adoptable = message is None and by_page and event.verb in {"add", "edited"}
    if adoptable and _adopt_desk_comment(channel, event):
        return "updated"
    if message is None:
        resident = None if by_page else _resident(channel, event.author_id, event.author_name)
        conversation = _comment_thread(channel, event, resident)
        message = Message(
            conversation=conversation, channel=channel, kind=Message.Kind.COMMENT,
            direction=Message.Direction.OUT if by_page else Message.Direction.IN,
            origin=Message.Origin.EXTERNAL if by_page else Message.Origin.PLATFORM,
            platform_id=event.comment_id, parent_platform_id=event.parent_id, resident=resident,
            author_name=event.author_name, text="", attachments=event.attachments,
        )
        if event.verb in {"add", "edited"}:
            _fill_comment(message, event)
            message.save()
            _after_new(message, by_page)
            return "created"
        message.save()  # a tombstone: the event came before the comment itself
    return _comment_change(message, event)


def _fill_comment(message: Message, event: ev.CommentEvent) -> None:
    message.text = event.text or ""
    message.created_at = event.created_at or event.event_time or timezone.now()
    message.text_version_at = event.event_time or message.created_at
    if event.verb == "edited":
        message.edited_at = event.event_time


def _after_new(message: Message, by_page: bool) -> None:
    conversation = message.conversation
    if by_page:
        conversation.note_outbound(message)
        _audit("inbox.message.recorded_external", message)
    else:
        conversation.note_inbound(message)
        if conversation.response_due_at is None and not message.deleted_at:
            conversation.response_due_at = clock.response_due(conversation, message.created_at)
        _audit("inbox.message.received", message)
        transaction.on_commit(lambda: clock.after_inbound(message), robust=True)
    _save_conversation(conversation)


def _after_edit(message: Message) -> None:
    if message.direction == Message.Direction.IN:
        from ratusz.triage.services import after_edit

        transaction.on_commit(lambda: after_edit(message), robust=True)


def _newer(when: datetime | None, than: datetime | None) -> bool:
    return than is None or (when is not None and when >= than)


def _comment_change(message: Message, event: ev.CommentEvent) -> str:
    when = event.event_time
    if event.verb in {"add", "edited"}:
        if not message.is_known:
            _fill_comment(message, event)
            message.save()
            _after_new(message, message.direction == Message.Direction.OUT)
            return "created"
        if event.verb == "edited" and event.text is not None and event.text != message.text \
                and _newer(when, message.text_version_at):
            before = message.text
            message.text, message.text_version_at, message.edited_at = event.text, when, when
            message.edit_count += 1
            message.save(update_fields=["text", "text_version_at", "edited_at", "edit_count"])
            _audit("inbox.message.edited", message, before_length=len(before))
            _after_edit(message)
            return "updated"
        return "unchanged"
    if event.verb == "remove":
        if message.deleted_at:
            return "unchanged"
        message.deleted_at = when or timezone.now()
        message.save(update_fields=["deleted_at"])
        _audit("inbox.message.deleted", message)
        return "updated"
    hidden = event.verb == "hide"
    if not _newer(when, message.visibility_changed_at):
        return "unchanged"  # an older visibility event that arrived late
    changed = message.is_hidden != hidden
    message.is_hidden, message.visibility_changed_at = hidden, when
    message.save(update_fields=["is_hidden", "visibility_changed_at"])
    if not changed:
        return "unchanged"
    _audit("inbox.message.hidden" if hidden else "inbox.message.unhidden", message)
    return "updated"


def _adopt_desk_comment(channel: Channel, event: ev.CommentEvent) -> bool:
    """The page's own comment may be a desk reply whose send result is not recorded yet."""
    candidates = Message.objects.filter(
        channel=channel, origin=Message.Origin.DESK, kind=Message.Kind.COMMENT,
        platform_id__isnull=True, text=event.text or "",
        outbox_action__status__in=[OutboxAction.Status.SENDING, OutboxAction.Status.UNKNOWN],
        outbox_action__target_id__in=[event.parent_id, event.post_id],
    ).select_related("outbox_action")
    message = candidates.order_by("created_at").first()
    if message is None:
        return False
    action_confirm(idempotency_key=message.outbox_action.idempotency_key,
                   result_id=event.comment_id)
    return True


def _post_event(channel: Channel, event: ev.PostEvent) -> str:
    if event.author_id and event.author_id != channel.platform_id:
        return _visitor_post(channel, event)
    post, created = Post.objects.get_or_create(channel=channel, platform_id=event.post_id)
    if event.verb == "remove":
        if post.deleted_at:
            return "unchanged"
        post.deleted_at = event.created_at or timezone.now()
        post.save(update_fields=["deleted_at"])
        return "updated"
    if not created and post.text == event.text and post.created_at:
        return "unchanged"
    post.text = event.text or post.text
    post.created_at = post.created_at or event.created_at
    post.permalink_url = post.permalink_url or event.permalink
    post.save(update_fields=["text", "created_at", "permalink_url"])
    return "created" if created else "updated"


def _visitor_post(channel: Channel, event: ev.PostEvent) -> str:
    """A resident's post on the Page's timeline is a thread of its own, like a comment."""
    verb = "edited" if event.verb == "edit" else event.verb
    if verb not in ev.COMMENT_VERBS:
        return "unchanged"
    as_comment = ev.CommentEvent(
        platform=event.platform, account_id=event.account_id, verb=verb,
        comment_id=event.post_id, post_id=event.post_id, parent_id="",
        author_id=event.author_id, author_name=event.author_name, text=event.text,
        created_at=event.created_at, event_time=event.created_at,
    )
    return _comment(channel, as_comment)


def _direct_thread(channel: Channel, resident: Resident) -> Conversation:
    return _conversation(channel, kind=Conversation.Kind.DIRECT,
                         key=f"dm:{resident.platform_id}", resident=resident)


def _message_row(channel: Channel, mid: str) -> Message | None:
    return (Message.objects.select_for_update().select_related("conversation__office")
            .filter(channel=channel, platform_id=mid).first())


def _tombstone(channel: Channel, resident_id: str, mid: str) -> Message | None:
    """A placeholder for a message whose edit or deletion arrived before it did."""
    resident = _resident(channel, resident_id, "")
    if resident is None:
        return None
    return Message.objects.create(
        conversation=_direct_thread(channel, resident), channel=channel,
        kind=Message.Kind.MESSAGE, direction=Message.Direction.IN,
        origin=Message.Origin.PLATFORM, platform_id=mid, resident=resident,
    )


def _mark_deleted(message: Message, when) -> str:
    if message.deleted_at:
        return "unchanged"
    message.deleted_at = when or timezone.now()
    message.save(update_fields=["deleted_at"])
    conversation = message.conversation
    if message.is_known and message.text and conversation.preview == message.text[:200]:
        conversation.preview = ""
        conversation.save(update_fields=["preview"])
    _audit("inbox.message.deleted", message)
    return "updated"


def _message(channel: Channel, event: ev.MessageEvent) -> str:
    message = _message_row(channel, event.mid)
    if event.is_deleted:
        message = message or _tombstone(channel, event.resident_id, event.mid)
        return _mark_deleted(message, event.timestamp) if message else "unchanged"
    if message is not None and message.is_known:
        return "unchanged"
    ours = message is None and event.is_echo and event.metadata.startswith("ratusz-")
    if ours and action_confirm(idempotency_key=event.metadata, result_id=event.mid):
        return "updated"
    resident = _resident(channel, event.resident_id, "")
    if resident is None:
        return "unchanged"
    if message is None:
        message = Message(conversation=_direct_thread(channel, resident), channel=channel,
                          kind=Message.Kind.MESSAGE, platform_id=event.mid)
    _fill_message(message, event, resident)
    message.save()
    _after_new(message, event.is_echo)
    return "created"


def _fill_message(message: Message, event: ev.MessageEvent, resident: Resident) -> None:
    if not message.edit_count:  # an edit that came first already holds the newer text
        message.text = event.text
    message.attachments = event.attachments
    message.created_at = event.timestamp or timezone.now()
    message.text_version_at = message.created_at
    message.parent_platform_id = event.reply_to_mid
    if event.is_echo:
        message.direction, message.origin = Message.Direction.OUT, Message.Origin.EXTERNAL
        message.resident = None
        message.author_name = ("Meta Business Suite" if event.app_id in META_INBOX_APP_IDS
                               else f"app {event.app_id}".strip())
        message.delivery = Message.Delivery.SENT
    else:
        message.direction, message.origin = Message.Direction.IN, Message.Origin.PLATFORM
        message.resident = resident
        message.author_name = resident.display_name


def _message_edit(channel: Channel, event: ev.MessageEditEvent) -> str:
    message = _message_row(channel, event.mid) or _tombstone(channel, event.sender_id, event.mid)
    if message is None or event.num_edit <= message.edit_count:
        return "unchanged"
    message.text, message.edit_count = event.text, event.num_edit
    message.edited_at = event.timestamp or timezone.now()
    message.save(update_fields=["text", "edit_count", "edited_at"])
    if message.is_known:
        _audit("inbox.message.edited", message)
        _after_edit(message)
    return "updated"


def _postback(channel: Channel, event: ev.PostbackEvent) -> str:
    moment = event.timestamp.timestamp() if event.timestamp else ""
    mid = event.mid or f"postback:{event.sender_id}:{moment}"
    as_message = ev.MessageEvent(
        platform=event.platform, account_id=event.account_id, mid=mid,
        sender_id=event.sender_id, recipient_id=event.account_id, timestamp=event.timestamp,
        text=event.title or event.payload,
        attachments=[{"type": "postback", "payload": event.payload}],
    )
    return _message(channel, as_message)


def _receipt(channel: Channel, event: ev.ReceiptEvent) -> str:
    """Delivery and read receipts are platform telemetry: applied, not audited."""
    outgoing = Message.objects.filter(
        channel=channel, direction=Message.Direction.OUT,
        conversation__thread_key=f"dm:{event.resident_id}",
    )
    if event.kind == "read":
        reached = [Message.Delivery.SENT, Message.Delivery.DELIVERED]
        status = Message.Delivery.READ
    else:
        reached, status = [Message.Delivery.SENT], Message.Delivery.DELIVERED
    scope = outgoing.filter(delivery__in=reached)
    if event.watermark and event.mids:
        scope = scope.filter(created_at__lte=event.watermark) | scope.filter(
            platform_id__in=event.mids)
    elif event.watermark:
        scope = scope.filter(created_at__lte=event.watermark)
    else:
        scope = scope.filter(platform_id__in=event.mids)
    return "updated" if scope.update(delivery=status) else "unchanged"
