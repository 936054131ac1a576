"""Triage in the desk: analyse each resident's message after it is stored, act on what is
found within the limits the office set, and let people correct the result.

What triage does on its own, and nothing more:
- an emergency puts its conversation at the top of the inbox and alerts the on-duty people;
- a public-information request starts the statutory 14-day deadline;
- what moderation registers (`on_analysis`): a public comment carrying an identifier is hidden
  to protect the resident, and a threat goes to the review queue;
- a new conversation nobody has taken goes to the department mapped to its topic.
Re-analysis of stored messages only updates the stored results; it never alerts or hides.
"""

import logging

from django.db import transaction
from django.utils import timezone

from ratusz.audit.services import record
from ratusz.inbox.models import Conversation, Message
from ratusz.outbox.models import OutboxAction
from ratusz.triage import analysis
from ratusz.triage.models import Analysis, Label, TopicRoute

log = logging.getLogger(__name__)


def _analyzable(message: Message) -> bool:
    return message.direction == Message.Direction.IN and bool(message.text)


def channel_of(message: Message) -> str:
    """The `channel` the analysers and the labelled sets speak of."""
    return "comment" if message.kind == Message.Kind.COMMENT else "message"


def message_analyze(message: Message) -> Analysis | None:
    """Analyse (or analyse again) one message and store the result with people's labels
    applied on top. Returns None for messages triage does not read (the office's own).

    The message row is locked while the result is written, as `label_set` does, so a
    correction made meanwhile is never overwritten by an older verdict; if the text changed
    since the caller read it (an edit), the newest text is analysed."""
    if not _analyzable(message):
        return None
    channel = channel_of(message)
    text = message.text
    result = analysis.analyze(text, channel)  # outside the transaction: CPU only
    with transaction.atomic():
        current = Message.objects.select_for_update().filter(pk=message.pk).values_list(
            "text", flat=True).first()
        if current is None:
            return None
        if current != text:
            message.text = text = current
            if not text:
                return None
            result = analysis.analyze(text, channel)
        values = {
            "version": result.version, "machine_flags": result.flags, "scores": result.scores,
            "personal_items": [{"type": p.type, "start": p.start, "end": p.end}
                               for p in result.personal_data],
            "evidence": result.evidence_json(), "topic": result.topic,
            "analyzed_at": timezone.now(),
        }
        for flag in analysis.FLAGS:
            values[flag] = flag in result.flags
        for flag, value in Label.objects.filter(message=message).values_list("flag", "value"):
            values[flag] = value
        row, _ = Analysis.objects.update_or_create(message=message, defaults=values)
    return row


def after_inbound(message: Message) -> Analysis | None:
    """The worker's first step after a new message is committed: analyse it. Never raises:
    a bug in an analyser must not lose the message or silence what follows."""
    try:
        return message_analyze(message)
    except Exception:  # noqa: BLE001
        log.exception("Triage failed for message %s", message.pk)
        return None


_handlers: list = []


def on_analysis(handler) -> None:
    """Apps above triage act on its findings (moderation hides a comment that carries an
    identifier and queues threats for review); they register here at start-up."""
    _handlers.append(handler)


def act_on(message: Message, row: Analysis) -> None:
    """What follows the alert and the acknowledgement: the registered handlers (the
    protective hide, the review queue) and routing. Each step on its own, so one failing
    does not stop the others."""
    for handler in _handlers:
        guarded(handler, message, row)
    guarded(_route, message.conversation, row)


def guarded(step, *args, **kwargs):
    """Run one step after an inbound message; log a failure and return None instead of
    raising, so the steps after it still run."""
    try:
        return step(*args, **kwargs)
    except Exception:  # noqa: BLE001 - logged; the message and the other steps stay
        log.exception("Step %s failed for %s", step.__name__, args[0] if args else "")
        return None


def after_edit(message: Message) -> Analysis | None:
    """A resident edited a message: read it again. An edit can add a PESEL to a comment (the
    protective hide applies) or turn a message into an emergency or a request for public
    information, which then gets what a new one would (once)."""
    before = Analysis.objects.filter(message=message).values_list(
        "urgent", "public_information_request").first() or (False, False)
    row = after_inbound(message)
    if row is None:
        return None
    from ratusz.inbox import clock

    if row.urgent and not before[0]:
        guarded(clock.emergency_alert, message)
        guarded(mark_urgent, message.conversation)
    if row.public_information_request and not before[1]:
        guarded(clock.start_udip_clock, message)
    for handler in _handlers:
        guarded(handler, message, row)
    return row


def mark_urgent(conversation: Conversation) -> None:
    Conversation.objects.filter(pk=conversation.pk).update(is_urgent=True)
    conversation.is_urgent = True


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
    """A new conversation nobody has taken goes to the department mapped to its topic. Only
    on its first message from a resident: after that, where it sits is people's decision."""
    if conversation.department_id or conversation.assignee_id:
        return
    if conversation.messages.filter(direction=Message.Direction.IN).count() > 1:
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
    Message.objects.select_for_update().filter(pk=message.pk).first()  # as message_analyze
    row = Analysis.objects.filter(message=message).first()
    if row is None:
        row = message_analyze(message)
        if row is None:
            raise ValueError("this message is not analysed")
    before = getattr(row, flag)
    label = Label.objects.filter(message=message, flag=flag).first()
    if label is not None and label.value == value and before == value:
        return row  # a second click changes nothing
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
    conversation = Conversation.objects.select_for_update().get(pk=message.conversation_id)
    if flag == "urgent" and value and not conversation.is_urgent \
            and conversation.status != Conversation.Status.CLOSED:
        Conversation.objects.filter(pk=conversation.pk).update(is_urgent=True)
    elif flag == "urgent" and not value and conversation.is_urgent and not Analysis.objects.filter(
            message__conversation=conversation, urgent=True).exists():
        Conversation.objects.filter(pk=conversation.pk).update(is_urgent=False)
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
    done = failed = 0
    for start in range(0, len(ids), batch):
        for message in Message.objects.filter(pk__in=ids[start:start + batch]):
            try:
                message_analyze(message)  # one short transaction per message
                done += 1
            except Exception:  # noqa: BLE001 - one bad message must not stop the rest
                failed += 1
                log.exception("Re-analysis failed for message %s", message.pk)
        if progress:
            progress(done + failed, len(ids))
    if done:
        with transaction.atomic():
            record(actor=actor, verb="triage.reanalyzed", office=office,
                   data={"messages": done, "failed": failed, "version": current})
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
