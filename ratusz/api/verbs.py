from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs({
    "api.token.created": _("API token created"),
    "api.token.revoked": _("API token revoked"),
})
