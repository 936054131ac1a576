"""Triage in the desk: analyse each resident's message after it is stored, act on what is
found within the limits the office set, and let people correct the result.

What triage does on its own, and nothing more:
- an emergency puts its conversation at the top of the inbox and alerts the on-duty people;
- a public-information request starts the statutory 14-day deadline;
- a public comment carrying an identifier (PESEL, ID card, passport, bank account) is hidden on
  the platform to protect the resident, if the office allows it (on by default);
- a new conversation nobody has taken goes to the department mapped to its topic.
Re-analysis of stored messages only updates the stored results; it never alerts or hides.
"""

import logging

from django.db import transaction
from django.utils import timezone

from ratusz.audit.services import record
from ratusz.inbox.models import Conversation, Message
from ratusz.outbox.models import OutboxAction
from ratusz.outbox.services import action_create
from ratusz.triage import analysis
from ratusz.triage.models import PROTECTED_IDENTIFIERS, Analysis, Label, TopicRoute

log = logging.getLogger(__name__)


def _analyzable(message: Message) -> bool:
    return message.direction == Message.Direction.IN and bool(message.text)


def message_analyze(message: Message) -> Analysis | None:
    """Analyse (or analyse again) one message and store the result with people's labels
    applied on top. Returns None for messages triage does not read (the office's own)."""
    if not _analyzable(message):
        return None
    channel = "comment" if message.kind == Message.Kind.COMMENT else "message"
    result = analysis.analyze(message.text, channel)
    values = {
        "version": result.version, "machine_flags": result.flags, "scores": result.scores,
        "personal_items": [{"type": p.type, "start": p.start, "end": p.end}
                           for p in result.personal_data],
        "evidence": result.evidence_json(), "topic": result.topic,
        "analyzed_at": timezone.now(),
    }
    for flag in analysis.FLAGS:
        values[flag] = flag in result.flags
    for label in Label.objects.filter(message=message):
        values[label.flag] = label.value
    row, _ = Analysis.objects.update_or_create(message=message, defaults=values)
    return row


def after_inbound(message: Message) -> Analysis | None:
    """The worker's step after a new message is committed: analyse, then act."""
    try:
        row = message_analyze(message)
    except Exception:  # noqa: BLE001 - a bug in an analyser must never lose the message
        log.exception("Triage failed for message %s", message.pk)
        return None
    if row is None:
        return None
    if row.urgent:
        _mark_urgent(message.conversation)
    if row.personal_data:
        protective_hide(message, row)
    _route(message.conversation, row)
    return row


def after_edit(message: Message) -> Analysis | None:
    """A resident edited a message: read it again. An edit can add a PESEL to a comment, so
    the protective hide applies; an edit does not raise a second emergency alert."""
    try:
        row = message_analyze(message)
    except Exception:  # noqa: BLE001
        log.exception("Triage failed for edited message %s", message.pk)
        return None
    if row is not None and row.personal_data:
        protective_hide(message, row)
    return row


def _mark_urgent(conversation: Conversation) -> None:
    Conversation.objects.filter(pk=conversation.pk).update(is_urgent=True)
    conversation.is_urgent = True


def protective_hide(message: Message, row: Analysis) -> OutboxAction | None:
    """Hide a public comment that carries an identifier, if the office allows it."""
    office = message.conversation.office
    found = {item["type"] for item in row.personal_items} & PROTECTED_IDENTIFIERS
    if (not office.protective_hide or not found or message.kind != Message.Kind.COMMENT
            or message.is_hidden or message.deleted_at or not message.platform_id):
        return None
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.is_hidden or OutboxAction.objects.filter(
                kind=OutboxAction.Kind.COMMENT_HIDE, target_id=locked.platform_id,
                status__in=[OutboxAction.Status.PENDING, OutboxAction.Status.SENDING,
                            OutboxAction.Status.UNKNOWN]).exists():
            return None
        action = action_create(actor=None, channel=locked.channel,
                               kind=OutboxAction.Kind.COMMENT_HIDE, target_id=locked.platform_id,
                               payload={"hidden": True, "message": locked.pk})
        record(actor="ratusz", verb="triage.comment.hide_requested", office=office,
               target=locked, data={"types": sorted(found), "action": action.pk})
    return action


def hide_mark_sent(action: OutboxAction) -> None:
    """Outbox hook (inside the sender's transaction): the platform hid the comment. Instagram
    sends no webhook for a hide, and Facebook's may be lost, so the desk records its own."""
    if action.kind != OutboxAction.Kind.COMMENT_HIDE:
        return
    hidden = bool(action.payload.get("hidden", True))
    changed = Message.objects.filter(channel=action.channel, platform_id=action.target_id) \
        .exclude(is_hidden=hidden)
    for message in changed.select_related("conversation__office"):
        message.is_hidden, message.visibility_changed_at = hidden, timezone.now()
        message.save(update_fields=["is_hidden", "visibility_changed_at"])
        record(actor="ratusz", verb="inbox.message.hidden" if hidden else "inbox.message.unhidden",
               office=message.conversation.office, target=message,
               data={"action": str(action.uuid)})


def _route(conversation: Conversation, row: Analysis) -> None:
    """A conversation nobody has taken goes to the department mapped to its topic."""
    if conversation.department_id or conversation.assignee_id:
        return
    route = TopicRoute.objects.filter(office=conversation.office, topic=row.topic).select_related(
        "department").first()
    if route is None:
        return
    with transaction.atomic():
        updated = Conversation.objects.filter(
            pk=conversation.pk, department__isnull=True, assignee__isnull=True
        ).update(department=route.department)
        if updated:
            conversation.department = route.department
            record(actor="ratusz", verb="triage.conversation.routed", office=conversation.office,
                   target=conversation, data={"topic": row.topic,
                                              "department": route.department.slug})


@transaction.atomic
def label_set(*, actor, message: Message, flag: str, value: bool) -> Analysis:
    """A person corrects one flag: the verdict becomes a labelled example, and the effect on
    the desk follows (an emergency no longer on top; a request starts its deadline)."""
    if flag not in analysis.FLAGS:
        raise ValueError(f"unknown flag {flag!r}")
    row = Analysis.objects.select_for_update().filter(message=message).first()
    if row is None:
        row = message_analyze(message)
        if row is None:
            raise ValueError("this message is not analysed")
    before = getattr(row, flag)
    Label.objects.update_or_create(
        message=message, flag=flag,
        defaults={"value": value, "created_by": actor,
                  "machine_score": row.scores.get(flag), "machine_version": row.version},
    )
    setattr(row, flag, value)
    row.save(update_fields=[flag])
    record(actor=actor, verb="triage.label.set", office=message.conversation.office,
           target=message, data={"flag": flag, "value": value, "before": before,
                                 "machine": flag in row.machine_flags})
    conversation = message.conversation
    if flag == "urgent":
        urgent = value or Analysis.objects.filter(
            message__conversation=conversation, urgent=True).exists()
        Conversation.objects.filter(pk=conversation.pk).update(is_urgent=urgent)
    if flag == "public_information_request" and value and not before:
        from ratusz.inbox.deadlines import deadline_start

        if not conversation.deadlines.filter(rule="udip", status="open").exists():
            started = timezone.localdate(message.created_at) if message.created_at else None
            deadline_start(actor=actor, conversation=conversation, rule="udip",
                           started_on=started)
    return row


def reanalyze(*, actor, office=None, all_versions: bool = False, batch: int = 500,
              limit: int | None = None, progress=None) -> int:
    """Analyse stored messages again after an analyser improved. Only results change."""
    current = analysis.version()
    messages = Message.objects.filter(direction=Message.Direction.IN).exclude(text="")
    if office is not None:
        messages = messages.filter(conversation__office=office)
    if not all_versions:
        messages = messages.exclude(analysis__version=current)
    ids = list(messages.order_by("pk").values_list("pk", flat=True)[:limit])
    done = 0
    for start in range(0, len(ids), batch):
        chunk = Message.objects.filter(pk__in=ids[start:start + batch]).select_related(
            "conversation")
        with transaction.atomic():
            for message in chunk:
                message_analyze(message)
                done += 1
        if progress:
            progress(done, len(ids))
    if done:
        with transaction.atomic():
            record(actor=actor, verb="triage.reanalyzed", office=office,
                   data={"messages": done, "version": current})
    return done


def route_set(*, actor, office, topic: str, department) -> None:
    with transaction.atomic():
        if department is None:
            TopicRoute.objects.filter(office=office, topic=topic).delete()
        else:
            TopicRoute.objects.update_or_create(office=office, topic=topic,
                                                defaults={"department": department})
        record(actor=actor, verb="triage.route.set", office=office,
               data={"topic": topic, "department": department.slug if department else None})


def protective_hide_set(*, actor, office, enabled: bool) -> None:
    with transaction.atomic():
        before = office.protective_hide
        if before == enabled:
            return
        office.protective_hide = enabled
        office.save(update_fields=["protective_hide"])
        record(actor=actor, verb="triage.settings.changed", office=office,
               data={"protective_hide": {"before": before, "after": enabled}})
