from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "channels.channel.connected": _("Channel connected"),
        "channels.channel.broken": _("Channel connection broken"),
        "channels.channel.token_replaced": _("Channel access token replaced"),
        "channels.channel.target_changed": _("Channel's first response target changed"),
    }
)
