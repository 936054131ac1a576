"""Webhook payload builders in Meta's documented shapes (shared/reference/meta-platform.md, part 2).

Pure functions: ids and times come in, JSON-ready dicts come out. Feed and Instagram comment values
use
UNIX seconds; messaging events and their `entry.time` use milliseconds.
"""

from __future__ import annotations

import copy
from typing import Any

from .util import iso_time

Json = dict[str, Any]


# -- envelopes -------------------------------------------------------------------------------------


def page_change(page_id: str, value: Json, time_s: int, field: str = "feed") -> Json:
    return {
        "object": "page",
        "entry": [{"id": page_id, "time": time_s, "changes": [{"field": field, "value": value}]}],
    }


def instagram_change(account_id: str, value: Json, time_s: int, field: str = "comments") -> Json:
    return {
        "object": "instagram",
        "entry": [
            {"id": account_id, "time": time_s, "changes": [{"field": field, "value": value}]}
        ],
    }


def page_messaging(page_id: str, event: Json, time_ms: int) -> Json:
    return {"object": "page", "entry": [{"id": page_id, "time": time_ms, "messaging": [event]}]}


def instagram_messaging(account_id: str, event: Json, time_ms: int) -> Json:
    return {
        "object": "instagram",
        "entry": [{"id": account_id, "time": time_ms, "messaging": [event]}],
    }


# -- Page feed -------------------------------------------------------------------------------------


def post_ref(
    post_id: str, permalink: str, updated_s: int, status_type: str = "mobile_status_update"
) -> Json:
    return {
        "id": post_id,
        "status_type": status_type,
        "is_published": True,
        "updated_time": iso_time(updated_s),
        "promotion_status": "inactive",
        "permalink_url": permalink,
    }


def feed_comment_value(
    verb: str,
    *,
    comment_id: str,
    post_id: str,
    parent_id: str,
    author: Json | None,
    created_time: int | None = None,
    message: str | None = None,
    post: Json | None = None,
    photo: str | None = None,
) -> Json:
    """`item: comment` value; `remove` carries only ids and `from`, as Meta sends it."""
    value: Json = {
        "item": "comment",
        "verb": verb,
        "comment_id": comment_id,
        "post_id": post_id,
        "parent_id": parent_id,
    }
    if author:
        value["from"] = author
    if verb == "remove":
        return value
    if post:
        value["post"] = post
    if created_time is not None:
        value["created_time"] = created_time
    if message:
        value["message"] = message
    if photo:
        value["photo"] = photo
    return value


def feed_post_value(
    verb: str,
    *,
    post_id: str,
    author: Json,
    created_time: int,
    message: str | None,
    published: bool = True,
    link: str | None = None,
    item: str = "status",
    photo_id: str | None = None,
    photos: list[str] | None = None,
    video_id: str | None = None,
) -> Json:
    """A Page post value; photo posts carry `photo_id` and `link` (one photo) or `photos` (URLs
    of several), video posts `video_id` and `link`."""
    value: Json = {
        "item": "share" if link and item == "status" else item,
        "verb": verb,
        "post_id": post_id,
        "from": author,
        "published": 1 if published else 0,
        "created_time": created_time,
    }
    if message:
        value["message"] = message
    if link:
        value["link"] = link
    if photo_id:
        value["photo_id"] = photo_id
    if photos:
        value["photos"] = photos
    if video_id:
        value["video_id"] = video_id
    return value


def feed_reaction_value(
    verb: str,
    *,
    reaction_type: str,
    post_id: str,
    parent_id: str,
    author: Json,
    created_time: int,
    comment_id: str | None = None,
) -> Json:
    value: Json = {
        "item": "reaction",
        "verb": verb,
        "reaction_type": reaction_type,
        "post_id": post_id,
        "parent_id": parent_id,
        "from": author,
        "created_time": created_time,
    }
    if comment_id:
        value["comment_id"] = comment_id
    return value


# -- Instagram comments ----------------------------------------------------------------------------


def ig_comment_value(
    *,
    comment_id: str,
    text: str,
    author_id: str,
    username: str,
    media_id: str,
    media_product_type: str = "FEED",
    parent_id: str | None = None,
) -> Json:
    value: Json = {
        "from": {"id": author_id, "username": username},
        "media": {"id": media_id, "media_product_type": media_product_type},
        "id": comment_id,
        "text": text,
    }
    if parent_id:
        value["parent_id"] = parent_id
    return value


# -- messaging events (Messenger and Instagram) ----------------------------------------------------


def _event(sender_id: str, recipient_id: str, ts_ms: int | None, **body: Any) -> Json:
    event: Json = {"sender": {"id": sender_id}, "recipient": {"id": recipient_id}}
    if ts_ms is not None:
        event["timestamp"] = ts_ms
    event.update(body)
    return event


def message_event(
    sender_id: str,
    recipient_id: str,
    ts_ms: int,
    *,
    mid: str,
    text: str | None = None,
    attachments: list[Json] | None = None,
    quick_reply: str | None = None,
    reply_to: str | None = None,
) -> Json:
    message: Json = {"mid": mid}
    if text:
        message["text"] = text
    if attachments:
        message["attachments"] = attachments
    if quick_reply:
        message["quick_reply"] = {"payload": quick_reply}
    if reply_to:
        message["reply_to"] = {"mid": reply_to}
    return _event(sender_id, recipient_id, ts_ms, message=message)


def echo_event(
    account_id: str,
    recipient_id: str,
    ts_ms: int,
    *,
    mid: str,
    text: str | None,
    app_id: int | None = None,
    metadata: str | None = None,
    attachments: list[Json] | None = None,
) -> Json:
    """An outgoing message (`is_echo`): sender is the Page or IG account, recipient the user."""
    message: Json = {"is_echo": True}
    if app_id is not None:
        message["app_id"] = app_id
    if metadata:
        message["metadata"] = metadata
    message["mid"] = mid
    if text:
        message["text"] = text
    if attachments:
        message["attachments"] = attachments
    return _event(account_id, recipient_id, ts_ms, message=message)


def message_edit_event(
    sender_id: str, recipient_id: str, ts_ms: int, *, mid: str, text: str, num_edit: int
) -> Json:
    return _event(
        sender_id,
        recipient_id,
        ts_ms,
        message_edit={"mid": mid, "text": text, "num_edit": num_edit},
    )


def message_deleted_event(sender_id: str, recipient_id: str, ts_ms: int, *, mid: str) -> Json:
    return _event(sender_id, recipient_id, ts_ms, message={"mid": mid, "is_deleted": True})


def postback_event(
    sender_id: str, recipient_id: str, ts_ms: int, *, mid: str, title: str, payload: str
) -> Json:
    return _event(
        sender_id, recipient_id, ts_ms, postback={"mid": mid, "title": title, "payload": payload}
    )


def read_event(sender_id: str, recipient_id: str, ts_ms: int, *, watermark: int) -> Json:
    return _event(sender_id, recipient_id, ts_ms, read={"watermark": watermark})


def delivery_event(sender_id: str, recipient_id: str, *, mids: list[str], watermark: int) -> Json:
    return _event(sender_id, recipient_id, None, delivery={"mids": mids, "watermark": watermark})


def ig_seen_event(sender_id: str, recipient_id: str, ts_ms: int, *, mid: str) -> Json:
    return _event(sender_id, recipient_id, ts_ms, read={"mid": mid})


# -- variants --------------------------------------------------------------------------------------

_ID_KEYS = {"id", "sender_id", "app_id"}


def with_numeric_ids(payload: Json) -> Json:
    """Old-style payloads: purely numeric ids as JSON numbers instead of strings."""

    def convert(node: Any, key: str | None = None) -> Any:
        if isinstance(node, dict):
            return {k: convert(v, k) for k, v in node.items()}
        if isinstance(node, list):
            return [convert(v) for v in node]
        if key in _ID_KEYS and isinstance(node, str) and node.isdigit():
            return int(node)
        return node

    return convert(payload)


def with_legacy_sender(payload: Json) -> Json:
    """Pre-v2.11 feed values: `sender_id` / `sender_name` instead of `from`."""
    result = copy.deepcopy(payload)
    for entry in result.get("entry", []):
        for change in entry.get("changes", []):
            value = change.get("value", {})
            author = value.pop("from", None)
            if author:
                value["sender_id"] = author.get("id")
                value["sender_name"] = author.get("name") or author.get("username")
    return result


def with_extra_fields(payload: Json) -> Json:
    """Fields a receiver does not know yet, on every level (Meta adds fields without notice)."""
    result = copy.deepcopy(payload)
    result["sandbox_unknown"] = {"note": "pole dodane przez piaskownicę", "level": "envelope"}
    for entry in result.get("entry", []):
        entry["uid"] = "sandbox-extra"
        for change in entry.get("changes", []):
            change["value"]["is_sandbox_extra"] = True
            change["value"]["recipient_interaction"] = {"kind": "unknown"}
        for event in entry.get("messaging", []):
            event["sandbox_extra"] = {"ok": 1}
    return result


def with_ig_comment_id(payload: Json) -> Json:
    """Instagram comment values that also carry `comment_id` (seen in some Meta examples)."""
    result = copy.deepcopy(payload)
    for entry in result.get("entry", []):
        for change in entry.get("changes", []):
            value = change.get("value", {})
            if change.get("field") == "comments" and "id" in value:
                value["comment_id"] = value["id"]
    return result


def for_account(payload: Json, account_id: str) -> Json:
    """The same event addressed to another Page/IG account (e.g. one the desk has not connected)."""
    result = copy.deepcopy(payload)
    for entry in result.get("entry", []):
        old = entry["id"]
        entry["id"] = account_id
        for event in entry.get("messaging", []):
            for side in ("sender", "recipient"):
                if event.get(side, {}).get("id") == old:
                    event[side]["id"] = account_id
        for change in entry.get("changes", []):
            value = change.get("value", {})
            for key in ("post_id", "parent_id"):
                if isinstance(value.get(key), str) and value[key].startswith(f"{old}_"):
                    value[key] = account_id + value[key][len(old) :]
    return result


VARIANTS = {
    "numeric_ids": with_numeric_ids,
    "legacy_sender": with_legacy_sender,
    "extra_fields": with_extra_fields,
    "ig_comment_id": with_ig_comment_id,
}


def merge(payloads: list[Json]) -> list[Json]:
    """Batch payloads like Meta: one POST per `object`; feed/comment changes of one account share an
    entry, messaging events keep one entry each."""
    batches: dict[str, Json] = {}
    for payload in payloads:
        batch = batches.setdefault(payload["object"], {"object": payload["object"], "entry": []})
        batch.update(
            {k: copy.deepcopy(v) for k, v in payload.items() if k not in ("object", "entry")}
        )
        for entry in copy.deepcopy(payload["entry"]):
            same = next(
                (
                    e
                    for e in batch["entry"]
                    if "changes" in entry and "changes" in e and e["id"] == entry["id"]
                ),
                None,
            )
            if same:
                same["changes"].extend(entry["changes"])
                same["time"] = max(same["time"], entry["time"])
            else:
                batch["entry"].append(entry)
    return list(batches.values())
