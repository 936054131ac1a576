from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "triage.label.set": _("Triage flag corrected"),
        "triage.comment.hide_requested": _("Comment with personal data hidden for protection"),
        "triage.comment.unhide_requested": _("Hidden comment made visible again"),
        "triage.conversation.routed": _("Conversation routed to a department by topic"),
        "triage.route.set": _("Topic route changed"),
        "triage.settings.changed": _("Triage settings changed"),
        "triage.reanalyzed": _("Stored messages analysed again"),
        "triage.model.retrained": _("Harmful-content model retrained"),
    }
)
