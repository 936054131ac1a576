from django.utils.translation import gettext_lazy as _

from ratusz.audit.registry import register_verbs

register_verbs({
    "publishing.post.saved": _("Post draft saved"),
    "publishing.post.submitted": _("Post submitted for approval"),
    "publishing.post.approved": _("Post approved"),
    "publishing.post.returned": _("Post returned to its author"),
    "publishing.post.scheduled": _("Post scheduled"),
    "publishing.post.withdrawn": _("Post withdrawn"),
    "publishing.post.paused": _("Post paused by the election silence"),
    "publishing.post.resumed": _("Paused post released"),
    "publishing.post.publishing": _("Post sent to the platforms"),
    "publishing.post.published": _("Post published"),
    "publishing.post.failed": _("Post not published"),
    "publishing.post.retried": _("Post sent again"),
    "publishing.post.held": _("Post held for a supervisor's approval"),
    "publishing.post.recall_failed": _("A scheduled post could not be withdrawn from Facebook"),
    "publishing.task.created": _("Post task created"),
    "publishing.task.done": _("Post task done"),
    "publishing.bip.fetched": _("BIP feed read"),
})
