from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs({
    "reports.report.requested": _("Monthly report requested"),
    "reports.report.generated": _("Monthly report generated"),
    "reports.report.published": _("Monthly report published"),
    "reports.report.withdrawn": _("Monthly report withdrawn from publication"),
})
