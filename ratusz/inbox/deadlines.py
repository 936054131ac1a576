"""Statutory deadlines on conversations, computed with the office calendar."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.inbox.clock import office_calendar
from ratusz.inbox.models import Conversation, Deadline
from ratusz.lib.workcal import RULES, legal_end


@transaction.atomic
def deadline_start(*, actor, conversation: Conversation, rule: str, started_on=None,
                   owner=None) -> Deadline:
    if rule not in RULES:
        raise ValidationError(_("Unknown deadline rule."))
    started_on = started_on or timezone.localdate()
    calendar = office_calendar(conversation.office, started_on)
    deadline = Deadline.objects.create(
        office=conversation.office, conversation=conversation, rule=rule,
        started_on=started_on, legal_end=legal_end(started_on, RULES[rule]),
        internal_target=calendar.internal_target(started_on, RULES[rule]),
        owner=owner or conversation.assignee,
    )
    record(actor=actor, verb="inbox.deadline.started", office=conversation.office,
           target=deadline, data={"rule": rule, "started_on": str(started_on),
                                  "legal_end": str(deadline.legal_end),
                                  "internal_target": str(deadline.internal_target),
                                  "conversation": str(conversation.uuid)})
    return deadline


@transaction.atomic
def deadline_close(*, actor, deadline: Deadline) -> Deadline:
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if deadline.status == Deadline.Status.DONE:
        return deadline
    deadline.status, deadline.done_at = Deadline.Status.DONE, timezone.now()
    deadline.save(update_fields=["status", "done_at"])
    record(actor=actor, verb="inbox.deadline.done", office=deadline.office, target=deadline,
           data={"rule": deadline.rule, "legal_end": str(deadline.legal_end)})
    return deadline


def deadline_list(office, *, status: str = Deadline.Status.OPEN):
    return (Deadline.objects.filter(office=office, status=status)
            .select_related("conversation__resident", "conversation__channel", "owner")
            .order_by("internal_target", "legal_end", "pk"))


@transaction.atomic
def deadline_assign(*, actor, deadline: Deadline, owner) -> Deadline:
    """Who answers a statutory matter by its deadline (a request for public information has
    a named owner, so it never waits on nobody)."""
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if owner is not None and not owner.memberships.filter(office_id=deadline.office_id).exists():
        raise ValidationError(_("That person does not work in this office."))
    before = deadline.owner_id
    if before == (owner.pk if owner else None):
        return deadline
    deadline.owner = owner
    deadline.save(update_fields=["owner"])
    record(actor=actor, verb="inbox.deadline.owner_set", office=deadline.office,
           target=deadline, data={"before": before, "after": owner.pk if owner else None})
    return deadline
