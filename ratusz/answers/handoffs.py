"""Routing a question to the department that knows the answer, and back: the person answering
asks, the department drafts the answer (or writes a note) and hands it back, the person
answering sends it. Who is waiting on whom is always visible."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.answers.models import Handoff
from ratusz.audit.services import record
from ratusz.inbox.models import Conversation
from ratusz.moderation.statement import absolute
from ratusz.offices.access import membership_for, require_role
from ratusz.offices.models import Role


def can_answer(user, handoff: Handoff) -> bool:
    """The department's own people, and supervisors, answer a department's questions."""
    membership = membership_for(user, handoff.office)
    return membership is not None and (
        membership.allows(Role.SUPERVISOR)
        or membership.department_id == handoff.department_id
        and membership.allows(Role.RESPONDER))


def _notify(to: list[str], subject: str, body: str) -> None:
    if to:
        transaction.on_commit(lambda: send_mail(subject, body, None, to, fail_silently=True))


@transaction.atomic
def handoff_ask(*, actor, conversation: Conversation, department, question: str) -> Handoff:
    require_role(actor, conversation.office, Role.RESPONDER)
    if department.office_id != conversation.office_id:
        raise ValidationError(_("That department belongs to another office."))
    if not question.strip():
        raise ValidationError(_("Write what the department should answer."))
    if conversation.handoffs.filter(department=department, status=Handoff.Status.OPEN).exists():
        raise ValidationError(_("This department already has an open question here."))
    handoff = Handoff.objects.create(office=conversation.office, conversation=conversation,
                                     department=department, question=question.strip()[:4000],
                                     asked_by=actor)
    record(actor=actor, verb="answers.handoff.asked", office=conversation.office,
           target=conversation, data={"department": department.slug, "handoff": str(
               handoff.uuid)})
    link = absolute(f"/o/{conversation.office.slug}/pytania/{handoff.uuid}")
    emails = [department.email] if department.email else list(
        department.members.exclude(user__email="").values_list("user__email", flat=True))
    _notify(emails, _("Ratusz: a question for your department"),
            f"{handoff.question}\n\n{link}")
    return handoff


@transaction.atomic
def handoff_answer(*, actor, handoff: Handoff, draft: str, note: str = "") -> Handoff:
    handoff = Handoff.objects.select_for_update().get(pk=handoff.pk)
    if not can_answer(actor, handoff):
        raise PermissionDenied("Only the department answers its questions.")
    if handoff.status != Handoff.Status.OPEN:
        raise ValidationError(_("This question has already been answered or withdrawn."))
    if not draft.strip() and not note.strip():
        raise ValidationError(_("Write a draft answer or a note."))
    handoff.draft, handoff.note = draft.strip()[:8000], note.strip()[:4000]
    handoff.status, handoff.answered_by, handoff.answered_at = (
        Handoff.Status.ANSWERED, actor, timezone.now())
    handoff.save(update_fields=["draft", "note", "status", "answered_by", "answered_at"])
    record(actor=actor, verb="answers.handoff.answered", office=handoff.office,
           target=handoff.conversation, data={"department": handoff.department.slug,
                                              "handoff": str(handoff.uuid),
                                              "draft": bool(handoff.draft)})
    if handoff.asked_by.email:
        _notify([handoff.asked_by.email], _("Ratusz: the department answered"),
                absolute(f"/inbox/c/{handoff.conversation.uuid}/"))
    return handoff


@transaction.atomic
def handoff_cancel(*, actor, handoff: Handoff) -> Handoff:
    handoff = Handoff.objects.select_for_update().get(pk=handoff.pk)
    require_role(actor, handoff.office, Role.RESPONDER)
    if handoff.status == Handoff.Status.OPEN:
        handoff.status = Handoff.Status.CANCELLED
        handoff.save(update_fields=["status"])
        record(actor=actor, verb="answers.handoff.cancelled", office=handoff.office,
               target=handoff.conversation, data={"handoff": str(handoff.uuid)})
    return handoff


def mark_used(conversation: Conversation, text: str) -> None:
    """A reply went out: a department's draft it was built from is now used (call inside the
    reply's transaction)."""
    for handoff in conversation.handoffs.filter(status=Handoff.Status.ANSWERED):
        if handoff.draft and handoff.draft.strip()[:40] in text:
            Handoff.objects.filter(pk=handoff.pk).update(status=Handoff.Status.USED)


def waiting(office, user=None):
    """Open questions, oldest first; for a department's person, their department's."""
    handoffs = Handoff.objects.filter(office=office, status=Handoff.Status.OPEN).select_related(
        "department", "asked_by", "conversation__resident", "conversation__channel")
    if user is not None:
        membership = membership_for(user, office)
        if membership and not membership.allows(Role.SUPERVISOR) and membership.department_id:
            handoffs = handoffs.filter(department_id=membership.department_id)
    return handoffs
