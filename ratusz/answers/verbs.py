from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs({
    "answers.template.saved": _("Reply template saved"),
    "answers.template.retired": _("Reply template retired"),
    "answers.knowledge.saved": _("Knowledge base entry saved"),
    "answers.knowledge.imported": _("Knowledge base imported"),
    "answers.handoff.asked": _("Question handed to a department"),
    "answers.handoff.answered": _("Department handed back its answer"),
    "answers.handoff.cancelled": _("Question to a department withdrawn"),
    "answers.conversation.moved_private": _("Comment moved to a private conversation"),
    "answers.draft.submitted": _("Reply submitted for approval"),
    "answers.draft.approved": _("Reply approved and sent"),
    "answers.draft.returned": _("Reply returned with a comment"),
})
