"""Filling in what webhooks leave out: a messaging user's name and a post's text.

Messenger and Instagram messages carry only a scoped id, and comments under an Instagram
media item carry only the media id, so the worker asks the Graph API once per new resident or
post. It is best effort: a failure leaves the id on screen, never blocks the inbox.
"""

import logging

from ratusz.channels.models import Channel
from ratusz.inbox.models import Post, Resident
from ratusz.outbox.sender import client_for
from ratusz.platforms.meta.client import RETRY, GraphError

log = logging.getLogger(__name__)


def resident_fetch_name(resident_id: int) -> bool:
    """Return True when the task should be retried later."""
    resident = Resident.objects.select_related("channel").filter(pk=resident_id).first()
    if resident is None or resident.display_name:
        return False
    instagram = resident.channel.platform == Channel.Platform.INSTAGRAM
    fields = "name,username" if instagram else "first_name,last_name"
    data = _get(resident.channel, resident.platform_id, fields)
    if data is None:
        return True
    if instagram:
        name = data.get("username") or data.get("name") or ""
    else:
        name = " ".join(p for p in (data.get("first_name"), data.get("last_name")) if p)
    if name:
        Resident.objects.filter(pk=resident.pk, display_name="").update(
            display_name=str(name)[:200])
    return False


def post_fetch_details(post_id: int) -> bool:
    post = Post.objects.select_related("channel").filter(pk=post_id).first()
    if post is None or post.text:
        return False
    instagram = post.channel.platform == Channel.Platform.INSTAGRAM
    fields = "caption,permalink,timestamp" if instagram else "message,permalink_url,created_time"
    data = _get(post.channel, post.platform_id, fields)
    if data is None:
        return True
    text = data.get("caption" if instagram else "message") or ""
    link = data.get("permalink" if instagram else "permalink_url") or ""
    Post.objects.filter(pk=post.pk).update(text=str(text), permalink_url=post.permalink_url
                                           or str(link))
    return False


def _get(channel: Channel, object_id: str, fields: str) -> dict | None:
    """The object's fields, {} when Meta refuses for good, None when worth retrying."""
    try:
        with client_for(channel) as client:
            return client.get_object(object_id, fields)
    except GraphError as error:
        log.info("Graph details for %s not fetched: %s", object_id, error)
        return None if error.outcome == RETRY else {}
