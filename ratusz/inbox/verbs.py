from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "inbox.deadline.owner_set": _("Deadline owner set"),
        "inbox.message.received": _("Message received"),
        "inbox.message.recorded_external": _("Reply made outside Ratusz recorded"),
        "inbox.message.edited": _("Message edited by its author"),
        "inbox.message.deleted": _("Message deleted on the platform"),
        "inbox.message.hidden": _("Comment hidden on the platform"),
        "inbox.message.unhidden": _("Comment unhidden on the platform"),
        "inbox.reply.queued": _("Reply queued"),
        "inbox.reply.sent": _("Reply delivered to the platform"),
        "inbox.reply.failed": _("Reply not delivered"),
        "inbox.conversation.assigned": _("Conversation assigned"),
        "inbox.conversation.status_changed": _("Conversation status changed"),
        "inbox.note.added": _("Internal note added"),
        "inbox.ack.sent": _("Out-of-hours acknowledgement sent"),
        "inbox.clock.breached": _("First-response time exceeded"),
        "inbox.deadline.started": _("Statutory deadline started"),
        "inbox.deadline.done": _("Statutory deadline closed"),
        "inbox.emergency.alerted": _("On-duty people alerted about a possible emergency"),
    }
)
