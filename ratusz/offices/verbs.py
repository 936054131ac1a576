from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "offices.office.created": _("Office created"),
        "offices.user.created": _("Account created"),
        "offices.calendar.hours_changed": _("Opening hours changed"),
        "offices.office.time_settings_changed": _("Response and acknowledgement settings changed"),
        "offices.calendar.closure_added": _("Closure day added"),
        "offices.calendar.closure_removed": _("Closure day removed"),
        "offices.department.created": _("Department created"),
        "offices.membership.granted": _("Role granted"),
        "offices.membership.changed": _("Role changed"),
        "offices.membership.revoked": _("Role revoked"),
        "offices.office.rules_facts_changed": _("Office facts for the page rules changed"),
        "offices.office.reply_style_changed": _("How the office writes replies changed"),
        "offices.office.publishing_changed": _("Publishing settings changed"),
    }
)
