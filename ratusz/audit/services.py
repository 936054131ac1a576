"""Writing and verifying the audit log. Only services call `record`, inside their transaction."""

import json
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from ratusz.audit.models import GENESIS_HASH, AuditEvent, AuditHead
from ratusz.audit.registry import VERBS


def _describe_actor(actor: Any) -> tuple[Any, str]:
    if actor is None:
        return None, "system"
    if isinstance(actor, str):
        return None, actor
    return actor, actor.get_username()


def record(
    *,
    actor: Any,
    verb: str,
    office: Any = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. `actor` is a user, a label such as "meta" for platform events, or None."""
    if verb not in VERBS:
        raise ValueError(f"Unregistered audit verb: {verb}")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Audit rows must be written inside the service's transaction.")
    user, label = _describe_actor(actor)
    head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
    event = AuditEvent(
        seq=head.seq + 1,
        created_at=timezone.now(),
        actor=user,
        actor_label=label,
        office=office,
        verb=verb,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(getattr(target, "uuid", None) or getattr(target, "pk", "")) if target else "",
        data=data or {},
        prev_hash=head.hash,
    )
    # Round-trip data through JSON so the hash is computed over what the database returns.
    event.data = json.loads(json.dumps(event.data, default=str))
    event.hash = event.compute_hash()
    event.save()
    head.seq, head.hash = event.seq, event.hash
    head.save(update_fields=["seq", "hash"])
    return event


@dataclass
class VerifyResult:
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify_chain() -> VerifyResult:
    """Walk the chain in order; report the first row whose link or content does not match."""
    prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        if event.seq != expected_seq:
            return VerifyResult(checked, event.seq, f"missing row before seq {event.seq}")
        if event.prev_hash != prev:
            return VerifyResult(checked, event.seq, "link to the previous row is broken")
        if event.compute_hash() != event.hash:
            return VerifyResult(checked, event.seq, "row content does not match its hash")
        prev, expected_seq, checked = event.hash, expected_seq + 1, checked + 1
    head = AuditHead.objects.filter(pk=1).first()
    if head and head.seq != checked:
        return VerifyResult(checked, checked + 1, "rows at the end of the chain are missing")
    return VerifyResult(checked)
