from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "outbox.action.sent": _("Sent to the platform"),
        "outbox.action.failed": _("Sending failed"),
        "outbox.action.retried": _("Sending retried by a person"),
    }
)
