"""Approval of sensitive replies: a supervisor sees the draft and the thread, then approves
(possibly after editing) or returns it with a comment. The sent reply keeps its author; the
audit log names both, since who wrote and who approved an office's words is public
information."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.answers.models import ReplyDraft
from ratusz.audit.services import record
from ratusz.inbox.models import Conversation
from ratusz.offices.access import membership_for, require_role
from ratusz.offices.models import Role

SENSITIVE_FLAGS = ("negative", "formal_matter")


def needs_approval(user, conversation: Conversation) -> str:
    """Why a reply by `user` here waits for a supervisor ("" when it does not)."""
    membership = membership_for(user, conversation.office)
    if membership is None or membership.allows(Role.SUPERVISOR):
        return ""
    if membership.replies_need_approval:
        return "new_staff"
    if conversation.office.approve_sensitive:
        from ratusz.triage.models import Analysis

        rows = Analysis.objects.filter(message__conversation=conversation)
        if rows.filter(negative=True).exists():
            return "dissatisfaction"
        if rows.filter(formal_matter=True).exists():
            return "formal_matter"
        if rows.filter(topic="politics").exists():
            return "politics"
    return ""


@transaction.atomic
def draft_submit(*, actor, conversation: Conversation, text: str, mode: str,
                 reason: str) -> ReplyDraft:
    require_role(actor, conversation.office, Role.RESPONDER)
    same = ReplyDraft.objects.filter(conversation=conversation, author=actor, mode=mode,
                                     text=text.strip(), status=ReplyDraft.Status.PENDING).first()
    if same is not None:  # a double click or a resubmitted form
        return same
    draft = ReplyDraft.objects.create(office=conversation.office, conversation=conversation,
                                      mode=mode, text=text.strip(), reason=reason, author=actor)
    record(actor=actor, verb="answers.draft.submitted", office=conversation.office,
           target=conversation, data={"draft": str(draft.uuid), "reason": reason})
    return draft


@transaction.atomic
def draft_approve(*, actor, draft: ReplyDraft, text: str | None = None) -> ReplyDraft:
    from ratusz.inbox.services import reply_send

    draft = ReplyDraft.objects.select_for_update().get(pk=draft.pk)
    require_role(actor, draft.office, Role.SUPERVISOR)
    if draft.status != ReplyDraft.Status.PENDING:
        raise ValidationError(_("This draft has already been decided."))
    edited = text is not None and text.strip() and text.strip() != draft.text
    if edited:
        draft.text = text.strip()
    draft.message = reply_send(actor=draft.author, conversation=draft.conversation,
                               text=draft.text, mode=draft.mode,
                               submission_key=f"draft-{draft.uuid.hex}")
    draft.status, draft.reviewer, draft.reviewed_at = (ReplyDraft.Status.APPROVED, actor,
                                                       timezone.now())
    draft.save(update_fields=["text", "message", "status", "reviewer", "reviewed_at"])
    record(actor=actor, verb="answers.draft.approved", office=draft.office,
           target=draft.message, data={"draft": str(draft.uuid), "edited": bool(edited),
                                       "author": draft.author.get_username()})
    return draft


@transaction.atomic
def draft_return(*, actor, draft: ReplyDraft, comment: str) -> ReplyDraft:
    draft = ReplyDraft.objects.select_for_update().get(pk=draft.pk)
    require_role(actor, draft.office, Role.SUPERVISOR)
    if draft.status != ReplyDraft.Status.PENDING:
        raise ValidationError(_("This draft has already been decided."))
    if not comment.strip():
        raise ValidationError(_("Say what to change."))
    draft.status, draft.reviewer, draft.reviewed_at = (ReplyDraft.Status.RETURNED, actor,
                                                       timezone.now())
    draft.comment = comment.strip()[:2000]
    draft.save(update_fields=["status", "reviewer", "reviewed_at", "comment"])
    record(actor=actor, verb="answers.draft.returned", office=draft.office,
           target=draft.conversation, data={"draft": str(draft.uuid)})
    return draft
