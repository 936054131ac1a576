"""Performing one outbox action against the Graph API."""

from typing import Any

import httpx
from django.conf import settings

from ratusz.channels.models import Channel
from ratusz.outbox.models import OutboxAction
from ratusz.platforms.meta.client import GraphClient

# Tests and the demo may route Graph calls in-process (the sandbox's WSGI app).
GRAPH_TRANSPORT: httpx.BaseTransport | None = None


def client_for(channel: Channel) -> GraphClient:
    return GraphClient(settings.RATUSZ_GRAPH_URL, channel.get_token(),
                       timeout=settings.RATUSZ_GRAPH_TIMEOUT, transport=GRAPH_TRANSPORT)


def perform(action: OutboxAction) -> tuple[dict[str, Any], str]:
    """Make the call; return the platform's answer and the id of what it created."""
    channel = action.channel
    text = action.payload.get("text", "")
    with client_for(channel) as client:
        if action.kind == OutboxAction.Kind.COMMENT_HIDE:
            result = client.set_comment_hidden(
                action.target_id, bool(action.payload.get("hidden", True)),
                instagram=channel.platform == Channel.Platform.INSTAGRAM)
            return result, ""
        if action.kind == OutboxAction.Kind.COMMENT_DELETE:
            return client.delete_comment(action.target_id), ""
        if action.kind == OutboxAction.Kind.BLOCK:
            result = client.set_blocked(
                channel.send_account_id, action.target_id,
                bool(action.payload.get("blocked", True)),
                id_kind=action.payload.get("id_kind", "user"),
                instagram=channel.platform == Channel.Platform.INSTAGRAM)
            return result, ""
        if action.kind == OutboxAction.Kind.POST_COMMENTS:
            return client.set_comments_enabled(
                action.target_id, bool(action.payload.get("enabled", False))), ""
        if action.kind == OutboxAction.Kind.POST_PUBLISH:
            return _publish(client, channel, action.payload)
        if action.kind == OutboxAction.Kind.POST_DELETE:
            return client.delete_post(action.target_id), ""
        if action.kind == OutboxAction.Kind.COMMENT_REPLY:
            result = client.reply_to_comment(
                action.target_id, text, instagram=channel.platform == Channel.Platform.INSTAGRAM
            )
            return result, str(result.get("id", ""))
        recipient_key = "id"
        if action.kind == OutboxAction.Kind.PRIVATE_REPLY:
            recipient_key = action.payload.get("recipient_key", "comment_id")
        result = client.send_message(
            channel.send_account_id, recipient={recipient_key: action.target_id}, text=text,
            messaging_type=action.payload.get("messaging_type", "RESPONSE"),
            tag=action.payload.get("tag", ""), metadata=action.idempotency_key,
        )
        return result, str(result.get("message_id", ""))


def _publish(client: GraphClient, channel: Channel, payload: dict) -> tuple[dict, str]:
    if channel.platform == Channel.Platform.INSTAGRAM:
        result = client.publish_instagram(
            channel.platform_id, caption=payload.get("message", ""),
            images=payload.get("photos") or [], video=payload.get("video"))
    else:
        result = client.publish_page_post(
            channel.platform_id, message=payload.get("message", ""),
            link=payload.get("link", ""), photos=payload.get("photos") or [],
            video=payload.get("video"), scheduled_at=payload.get("scheduled_at"))
    return result, str(result.get("id", ""))


def find_published_post(action: OutboxAction) -> str:
    """After an unanswered publication, look for the post on the platform; its id or ""."""
    channel = action.channel
    since = int(action.first_attempt_at.timestamp()) - 60 if action.first_attempt_at else 0
    message = action.payload.get("message", "")
    with client_for(channel) as client:
        if channel.platform == Channel.Platform.INSTAGRAM:
            return client.find_instagram_media(channel.platform_id, message, since)
        return client.find_page_post(channel.platform_id, message, since)


def _normal(text: object) -> str:
    return " ".join(str(text or "").split())


def find_posted_comment(action: OutboxAction) -> str:
    """After an unanswered call, look for the reply on the platform; return its id or ""."""
    channel = action.channel
    instagram = channel.platform == Channel.Platform.INSTAGRAM
    with client_for(channel) as client:
        comments = client.list_comments(action.target_id, instagram=instagram)
    wanted = _normal(action.payload.get("text"))
    for comment in comments:
        author = comment.get("from") if isinstance(comment.get("from"), dict) else {}
        ours = str(author.get("id", "")) == channel.platform_id or (
            instagram and channel.username and comment.get("username") == channel.username)
        text = comment.get("text" if instagram else "message")
        if ours and _normal(text) == wanted:
            return str(comment.get("id", ""))
    return ""
