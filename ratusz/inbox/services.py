"""What staff do in the inbox: reply, assign, annotate, close. Each writes its audit row."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.models import Channel
from ratusz.inbox import tone
from ratusz.inbox.models import Conversation, Message, Note
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_create, action_retry

STANDARD_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)
PRIVATE_REPLY_WINDOW = timedelta(days=7)
MESSENGER_MAX_CHARS = 2000
INSTAGRAM_MAX_BYTES = 1000
COMMENT_MAX_CHARS = 8000


class ReplyMode:
    PUBLIC = "public"  # a comment under the resident's comment
    PRIVATE = "private"  # a private reply (Messenger/Direct) to the root comment
    MESSAGE = "message"  # a message in a direct thread


def _display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def reply_modes(conversation: Conversation) -> list[str]:
    if conversation.kind == Conversation.Kind.DIRECT:
        return [ReplyMode.MESSAGE]
    return [ReplyMode.PUBLIC, ReplyMode.PRIVATE]


def message_window(conversation: Conversation, now=None) -> tuple[str, str]:
    """(messaging_type, tag) allowed now in a direct thread, or raise with the reason."""
    now = now or timezone.now()
    last = conversation.last_inbound_at
    if last and now - last <= STANDARD_WINDOW:
        return "RESPONSE", ""
    if last and now - last <= HUMAN_AGENT_WINDOW and conversation.office.human_agent_enabled:
        return "MESSAGE_TAG", "HUMAN_AGENT"
    if not conversation.office.human_agent_enabled:
        raise ValidationError(_(
            "More than 24 hours have passed since the resident's last message and the office's "
            "Meta app has no Human Agent feature, so Meta does not allow a reply here. Answer "
            "by another channel (e-mail, phone) or wait for the resident to write again."))
    raise ValidationError(_(
        "More than 7 days have passed since the resident's last message, so Meta does not "
        "allow a reply in this thread. The resident has to write first."
    ))


def window_status(conversation: Conversation, now=None) -> dict | None:
    """What Meta allows in a direct thread now, for the composer: kind and until when."""
    if conversation.kind != Conversation.Kind.DIRECT or conversation.last_inbound_at is None:
        return None
    try:
        _messaging_type, tag = message_window(conversation, now)
    except ValidationError as error:
        return {"kind": "closed", "reason": error.messages[0]}
    last = conversation.last_inbound_at
    if tag:
        return {"kind": "human_agent", "until": last + HUMAN_AGENT_WINDOW}
    return {"kind": "standard", "until": last + STANDARD_WINDOW}


def private_reply_status(conversation: Conversation, now=None) -> dict | None:
    """For a comment thread: can the office still send its one private reply, until when?"""
    if conversation.kind != Conversation.Kind.COMMENTS:
        return None
    now = now or timezone.now()
    try:
        _private_reply_target(conversation, now)
    except ValidationError as error:
        return {"kind": "unavailable", "reason": error.messages[0]}
    root = conversation.messages.filter(platform_id=conversation.thread_key).first()
    return {"kind": "available", "until": root.created_at + PRIVATE_REPLY_WINDOW}


def _message_payload(conversation: Conversation, now=None) -> dict:
    """How a message must be sent now: the messaging type, and the tag past 24 hours."""
    messaging_type, tag = message_window(conversation, now)
    return {"messaging_type": messaging_type, **({"tag": tag} if tag else {})}


def _check_length(channel: Channel, mode: str, text: str) -> None:
    if not text.strip():
        raise ValidationError(_("The reply is empty."))
    if mode == ReplyMode.PUBLIC:
        limit_ok = len(text) <= COMMENT_MAX_CHARS
    elif channel.platform == Channel.Platform.INSTAGRAM:
        limit_ok = len(text.encode()) <= INSTAGRAM_MAX_BYTES
    else:
        limit_ok = len(text) <= MESSENGER_MAX_CHARS
    if not limit_ok:
        raise ValidationError(_("The reply is longer than the platform allows."))


def _root_comment(conversation: Conversation) -> Message:
    root = conversation.messages.filter(platform_id=conversation.thread_key).first()
    if root is None or root.deleted_at:
        raise ValidationError(_("The comment this thread started with is no longer available."))
    return root


def _private_reply_target(conversation: Conversation, now) -> tuple[str, str]:
    """(recipient key, id): a comment's id, or a resident's own post's id."""
    root = _root_comment(conversation)
    if root.direction != Message.Direction.IN:
        raise ValidationError(_("A private reply can only answer a resident's comment."))
    if root.created_at and now - root.created_at > PRIVATE_REPLY_WINDOW:
        raise ValidationError(_("A private reply is possible only within 7 days of the comment."))
    if conversation.messages.filter(is_private_reply=True).exclude(
        delivery=Message.Delivery.FAILED
    ).exists():
        raise ValidationError(_("Meta allows only one private reply to a comment."))
    visitor_post = conversation.post_id and conversation.post.platform_id == root.platform_id
    return ("post_id" if visitor_post else "comment_id"), root.platform_id or ""


def _plan(conversation: Conversation, mode: str, now) -> tuple[str, str, dict]:
    """Which outbox action a reply becomes: (kind, target, extra payload)."""
    if mode not in reply_modes(conversation):
        raise ValidationError(_("This kind of reply is not possible in this conversation."))
    if mode == ReplyMode.MESSAGE:
        return (OutboxAction.Kind.MESSAGE, conversation.resident.platform_id,
                _message_payload(conversation, now))
    if mode == ReplyMode.PRIVATE:
        key, target = _private_reply_target(conversation, now)
        return OutboxAction.Kind.PRIVATE_REPLY, target, {"recipient_key": key}
    if _root_comment(conversation).is_hidden and conversation.channel.platform == "instagram":
        raise ValidationError(_("Instagram does not allow replies to a hidden comment."))
    return OutboxAction.Kind.COMMENT_REPLY, conversation.thread_key, {}


@transaction.atomic
def reply_send(*, actor, conversation: Conversation, text: str, mode: str,
               submission_key: str = "") -> Message:
    """Write the office's reply and queue it for the platform. The same `submission_key`
    twice (a double click, a resubmitted form) returns the first reply and sends nothing."""
    conversation = Conversation.objects.select_for_update(of=("self",)).select_related(
        "channel__office", "resident", "post").get(pk=conversation.pk)
    if submission_key:
        earlier = conversation.messages.filter(submission_key=submission_key).first()
        if earlier is not None:
            return earlier
    if conversation.channel.status != Channel.Status.ACTIVE:
        raise ValidationError(_("The channel's connection is broken; reconnect it first."))
    now = timezone.now()
    text = text.replace("\r\n", "\n").strip()
    _check_length(conversation.channel, mode, text)
    if mode == ReplyMode.PUBLIC:  # personal data never goes out in public, whoever sends it
        refused = tone.blocking(tone.check(text, public=True,
                                           style=tone.office_style(conversation.office)))
        if refused:
            raise ValidationError(refused[0].message, code="personal_data")
    kind, target, extra = _plan(conversation, mode, now)
    action = action_create(actor=actor, channel=conversation.channel, kind=kind,
                           target_id=target, payload={"text": text, **extra})
    message = Message.objects.create(
        conversation=conversation, channel=conversation.channel,
        kind=Message.Kind.COMMENT if kind == OutboxAction.Kind.COMMENT_REPLY
        else Message.Kind.MESSAGE,
        direction=Message.Direction.OUT, origin=Message.Origin.DESK, author_user=actor,
        author_name=_display_name(actor), text=text, created_at=now, text_version_at=now,
        is_private_reply=kind == OutboxAction.Kind.PRIVATE_REPLY, parent_platform_id=target,
        delivery=Message.Delivery.PENDING, outbox_action=action,
        submission_key=submission_key[:64],
    )
    conversation.note_outbound(message)
    conversation.save(update_fields=["status", "last_message_at", "preview", "response_due_at",
                                     "breach_notified_at", "is_urgent"])
    record(actor=actor, verb="inbox.reply.queued", office=conversation.office, target=message,
           data={"mode": mode, "action": str(action.uuid), **extra})
    return message


def reply_mark_sent(action: OutboxAction) -> None:
    """Outbox hook: the platform accepted a reply; merge any copy its echo created first."""
    message = Message.objects.select_related("conversation__office").filter(
        outbox_action=action).first()
    if message is None:
        return
    duplicate = Message.objects.filter(channel=message.channel, platform_id=action.result_id)
    merged = duplicate.exclude(pk=message.pk).delete()[0] if action.result_id else 0
    message.platform_id = action.result_id or None
    message.delivery, message.delivery_error = Message.Delivery.SENT, ""
    message.save(update_fields=["platform_id", "delivery", "delivery_error"])
    record(actor="meta", verb="inbox.reply.sent", office=message.conversation.office,
           target=message, data={"platform_id": action.result_id, "merged_echo": bool(merged)})


def reply_mark_failed(action: OutboxAction) -> None:
    """Outbox hook: the reply did not go out, so the resident is still waiting for the office."""
    message = Message.objects.select_related("conversation__office").filter(
        outbox_action=action).first()
    if message is None:
        return
    message.delivery, message.delivery_error = Message.Delivery.FAILED, action.error_message
    message.save(update_fields=["delivery", "delivery_error"])
    Conversation.objects.filter(pk=message.conversation_id,
                                status=Conversation.Status.WAITING).update(
        status=Conversation.Status.OPEN)
    # An emergency whose answer did not go out goes back to the top of the inbox.
    if message.conversation.messages.filter(analysis__urgent=True).exists():
        Conversation.objects.filter(pk=message.conversation_id).exclude(
            status=Conversation.Status.CLOSED).update(is_urgent=True)
    record(actor="meta", verb="inbox.reply.failed", office=message.conversation.office,
           target=message, data={"code": action.error_code, "subcode": action.error_subcode})


@transaction.atomic
def reply_retry(*, actor, message: Message) -> Message:
    """Send a refused reply again, e.g. after the page was reconnected."""
    if message.delivery != Message.Delivery.FAILED or message.outbox_action is None:
        return message
    conversation = message.conversation
    if conversation.channel.status != Channel.Status.ACTIVE:
        raise ValidationError(_("The channel's connection is broken; reconnect it first."))
    action = message.outbox_action
    if action.kind == OutboxAction.Kind.MESSAGE:  # the window may have moved since the first try
        action.payload = {"text": action.payload.get("text", ""),
                          **_message_payload(conversation)}
        action.save(update_fields=["payload"])
    action_retry(actor=actor, action=action)
    message.delivery, message.delivery_error = Message.Delivery.PENDING, ""
    message.save(update_fields=["delivery", "delivery_error"])
    return message


@transaction.atomic
def conversation_assign(*, actor, conversation: Conversation, assignee=None,
                        department=None) -> Conversation:
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    before = {"assignee": conversation.assignee_id, "department": conversation.department_id}
    if department is not None and department.office_id != conversation.office_id:
        raise ValidationError(_("That department belongs to another office."))
    if assignee is not None and not assignee.memberships.filter(
            office_id=conversation.office_id).exists():
        raise ValidationError(_("That person does not work in this office."))
    conversation.assignee, conversation.department = assignee, department
    after = {"assignee": conversation.assignee_id, "department": conversation.department_id}
    if before == after:
        return conversation
    conversation.save(update_fields=["assignee", "department"])
    record(actor=actor, verb="inbox.conversation.assigned", office=conversation.office,
           target=conversation, data={"before": before, "after": after})
    return conversation


@transaction.atomic
def conversation_set_status(*, actor, conversation: Conversation, status: str) -> Conversation:
    if status not in Conversation.Status.values:
        raise ValidationError(_("Unknown status."))
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    before = conversation.status
    if before == status:
        return conversation
    conversation.status = status
    if status == Conversation.Status.CLOSED:
        conversation.is_urgent = False
    conversation.save(update_fields=["status", "is_urgent"])
    record(actor=actor, verb="inbox.conversation.status_changed", office=conversation.office,
           target=conversation, data={"before": {"status": before}, "after": {"status": status}})
    return conversation


@transaction.atomic
def note_add(*, actor, conversation: Conversation, text: str) -> Note:
    if not text.strip():
        raise ValidationError(_("The note is empty."))
    note = Note.objects.create(conversation=conversation, author=actor, text=text.strip())
    record(actor=actor, verb="inbox.note.added", office=conversation.office, target=note,
           data={"conversation": str(conversation.uuid)})
    return note
