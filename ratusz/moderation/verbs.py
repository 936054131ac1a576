from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs(
    {
        "moderation.regulamin.drafted": _("Page rules: new draft version"),
        "moderation.regulamin.edited": _("Page rules: draft edited"),
        "moderation.regulamin.published": _("Page rules: version published"),
        "moderation.act.requested": _("Moderation act requested"),
        "moderation.act.approved": _("Moderation act approved by a supervisor"),
        "moderation.act.refused": _("Moderation act refused by a supervisor"),
        "moderation.act.done": _("Moderation act carried out"),
        "moderation.act.failed": _("Moderation act refused by the platform"),
        "moderation.restriction.expired": _("Restriction lifted when it expired"),
        "moderation.block.review_reminded": _("Block review reminder sent"),
        "moderation.block.reviewed": _("Block reviewed and kept"),
        "moderation.review.opened": _("Comment put in the review queue"),
        "moderation.review.kept": _("Reviewed comment left as it is"),
        "moderation.appeal.received": _("Appeal received"),
        "moderation.appeal.decided": _("Appeal decided"),
        "moderation.appeal.identified": _("Appeal matched to its act"),
        "moderation.account.marked": _("Account marked as a candidate's or committee's"),
        "moderation.account.unmarked": _("Account no longer marked"),
        "moderation.election.added": _("Election dates recorded"),
        "moderation.election.removed": _("Election dates removed"),
    }
)
