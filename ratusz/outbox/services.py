"""The outbox: durable outgoing actions, sent by the worker with retries and never twice.

Sending one action, numbered because it races with webhooks and other workers:
1. claim the row with a conditional UPDATE (only one worker wins);
2. call the platform outside any transaction;
3. record the outcome with another conditional UPDATE, so an echo that confirmed the action
   in the meantime is never overwritten.
"""

import logging
import uuid

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.services import channel_mark_broken
from ratusz.outbox import hooks, sender
from ratusz.outbox.models import MAX_ATTEMPTS, UNKNOWN_OUTCOME_GRACE, OutboxAction
from ratusz.platforms.meta import client as graph

log = logging.getLogger(__name__)
Status = OutboxAction.Status


def action_create(*, actor, channel, kind: str, target_id: str, payload: dict) -> OutboxAction:
    """Queue an action; call inside the caller's transaction. It is sent after commit."""
    action = OutboxAction.objects.create(
        office=channel.office, channel=channel, kind=kind, target_id=target_id, payload=payload,
        idempotency_key=f"ratusz-{uuid.uuid4().hex}", created_by=actor,
    )
    _schedule(action.pk)
    return action


def _schedule(action_id: int, delay: float = 0) -> None:
    from ratusz.outbox.tasks import send_action_task

    def enqueue() -> None:
        if delay > 0:
            send_action_task.schedule((action_id,), delay=delay)
        else:
            send_action_task(action_id)

    # robust: a queue that is down must not fail the person's request; the sweeper sends it.
    transaction.on_commit(enqueue, robust=True)


def _claim(action_id: int) -> tuple[OutboxAction, str] | None:
    action = OutboxAction.objects.select_related("channel", "office").filter(pk=action_id).first()
    if action is None or action.status not in {Status.PENDING, Status.UNKNOWN}:
        return None
    now = timezone.now()
    claimed = OutboxAction.objects.filter(
        pk=action_id, status=action.status, next_attempt_at__lte=now
    ).update(status=Status.SENDING, attempts=F("attempts") + 1, claimed_at=now)
    if not claimed:
        return None
    previous = action.status
    action.refresh_from_db()
    if action.first_attempt_at is None:
        action.first_attempt_at = now
        OutboxAction.objects.filter(pk=action_id).update(first_attempt_at=now)
    return action, previous


def action_send(action_id: int) -> OutboxAction | None:
    claim = _claim(action_id)
    if claim is None:
        return None
    action, previous = claim
    if previous == Status.UNKNOWN and action.kind in {OutboxAction.Kind.MESSAGE,
                                                      OutboxAction.Kind.PRIVATE_REPLY}:
        # A message cannot be looked up, and its echo did not come back in the grace period:
        # sending again could reach the resident twice, so a person decides.
        return _record_failure(action, graph.GraphError(
            _("Meta did not answer and no echo came back, so the message may or may not have "
              "arrived. Check with the resident before trying again."), outcome=graph.STOP))
    try:
        # A reply or a post can be looked up; a hide can simply be made again (idempotent).
        result_id = ""
        if previous == Status.UNKNOWN and action.kind == OutboxAction.Kind.COMMENT_REPLY:
            result_id = sender.find_posted_comment(action)
        elif action.kind == OutboxAction.Kind.POST_PUBLISH and (
                previous == Status.UNKNOWN or action.error_message):
            # Any earlier attempt may have reached Meta (an answer lost, a 5xx after the post
            # was made, a person's retry after the attempts ran out): look before posting.
            result_id = sender.find_published_post(action)
        if result_id:
            result = {"found_after_unknown_outcome": True, "id": result_id}
        else:
            result, result_id = sender.perform(action)
    except graph.GraphError as error:
        if previous == Status.UNKNOWN and error.outcome == graph.RETRY:
            error.outcome = graph.UNKNOWN  # the lookup failed: still not safe to post again
        return _record_failure(action, error)
    except Exception as error:  # noqa: BLE001 - a broken token or bug must not lose the action
        log.exception("Outbox action %s crashed", action.pk)
        return _record_failure(action, graph.GraphError(str(error), outcome=graph.UNKNOWN))
    try:
        return _record_success(action, result, result_id)
    except Exception:
        # The platform has it; never let a bookkeeping error send it again.
        log.exception("Outbox action %s was sent but its result could not be recorded", action.pk)
        OutboxAction.objects.filter(pk=action.pk, status=Status.SENDING).update(
            status=Status.SENT, sent_at=timezone.now())
        return action


@transaction.atomic
def _record_success(action: OutboxAction, result: dict, result_id: str) -> OutboxAction:
    updated = OutboxAction.objects.filter(pk=action.pk, status=Status.SENDING).update(
        status=Status.SENT, result=result, result_id=result_id, sent_at=timezone.now(),
        error_code=None, error_subcode=None, error_message="",
    )
    action.refresh_from_db()
    if updated:
        record(actor=action.created_by, verb="outbox.action.sent", office=action.office,
               target=action, data={"kind": action.kind, "result_id": result_id,
                                    "attempts": action.attempts})
        hooks.notify_sent(action)
    return action


@transaction.atomic
def _record_failure(action: OutboxAction, error: graph.GraphError) -> OutboxAction:
    now = timezone.now()
    fields = {"error_code": error.code or None, "error_subcode": error.subcode or None,
              "error_message": (error.user_message or error.message)[:2000]}
    retries_left = action.attempts < MAX_ATTEMPTS
    if error.outcome == graph.UNKNOWN and retries_left:
        fields.update(status=Status.UNKNOWN, next_attempt_at=now + UNKNOWN_OUTCOME_GRACE)
    elif error.outcome in {graph.RETRY, graph.RATE_LIMITED} and retries_left:
        minimum = error.retry_after_seconds or (60 if error.outcome == graph.RATE_LIMITED else 0)
        fields.update(status=Status.PENDING, next_attempt_at=now + action.backoff(minimum))
    else:
        fields.update(status=Status.FAILED)
    if not OutboxAction.objects.filter(pk=action.pk, status=Status.SENDING).update(**fields):
        action.refresh_from_db()
        return action
    action.refresh_from_db()
    if action.status == Status.FAILED:
        _fail(action, error)
    else:
        _schedule(action.pk, delay=(action.next_attempt_at - now).total_seconds())
    return action


def _fail(action: OutboxAction, error: graph.GraphError) -> None:
    record(actor="meta", verb="outbox.action.failed", office=action.office, target=action,
           data={"kind": action.kind, "code": error.code, "subcode": error.subcode,
                 "message": action.error_message, "attempts": action.attempts})
    if error.outcome == graph.TOKEN:
        channel_mark_broken(actor="meta", channel=action.channel, reason=action.error_message)
    hooks.notify_failed(action)


@transaction.atomic
def action_confirm(*, idempotency_key: str, result_id: str) -> OutboxAction | None:
    """The platform echoed an action back: it arrived, whatever the worker saw."""
    action = OutboxAction.objects.select_for_update().filter(
        idempotency_key=idempotency_key
    ).first()
    if action is None or not action.is_open and action.status != Status.FAILED:
        return action
    action.status, action.result_id, action.sent_at = Status.SENT, result_id, timezone.now()
    action.save(update_fields=["status", "result_id", "sent_at"])
    record(actor="meta", verb="outbox.action.sent", office=action.office, target=action,
           data={"kind": action.kind, "result_id": result_id, "confirmed_by": "echo"})
    hooks.notify_sent(action)
    return action


@transaction.atomic
def action_retry(*, actor, action: OutboxAction) -> OutboxAction:
    """A person asks to try a failed action again."""
    action = OutboxAction.objects.select_for_update().get(pk=action.pk)
    if action.status != Status.FAILED:
        return action
    action.status, action.attempts, action.next_attempt_at = Status.PENDING, 0, timezone.now()
    action.save(update_fields=["status", "attempts", "next_attempt_at"])
    record(actor=actor, verb="outbox.action.retried", office=action.office, target=action)
    _schedule(action.pk)
    return action


def actions_due() -> list[int]:
    """Actions whose time has come, and actions a dead worker left mid-call."""
    now = timezone.now()
    OutboxAction.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - UNKNOWN_OUTCOME_GRACE * 3
    ).update(status=Status.UNKNOWN, next_attempt_at=now)
    return list(
        OutboxAction.objects.filter(
            status__in=[Status.PENDING, Status.UNKNOWN], next_attempt_at__lte=now
        ).values_list("pk", flat=True)[:500]
    )
