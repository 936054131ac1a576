"""Meta webhook payloads parsed into plain event objects.

The parser is total: any JSON value gives a list of events and a list of skipped items with a
reason; nothing raises. Real deliveries vary (numeric ids, legacy `sender_id`/`sender_name`,
seconds or milliseconds, unknown fields), and Ratusz stores the raw body anyway.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ratusz.lib.text import clean, safe_url
from ratusz.lib.timeutil import from_platform

FACEBOOK = "facebook"
INSTAGRAM = "instagram"
COMMENT_VERBS = {"add", "edited", "edit", "remove", "hide", "unhide"}
POST_ITEMS = {"status", "post", "photo", "video", "share"}


@dataclass(frozen=True)
class CommentEvent:
    platform: str
    account_id: str
    verb: str  # add | edited | remove | hide | unhide
    comment_id: str
    post_id: str
    parent_id: str
    author_id: str
    author_name: str
    text: str | None
    created_at: datetime | None
    event_time: datetime | None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    post_permalink: str = ""

    @property
    def is_top_level(self) -> bool:
        return not self.parent_id or self.parent_id == self.post_id


@dataclass(frozen=True)
class PostEvent:
    platform: str
    account_id: str
    verb: str
    post_id: str
    author_id: str
    text: str
    created_at: datetime | None
    permalink: str = ""
    author_name: str = ""


@dataclass(frozen=True)
class MessageEvent:
    platform: str
    account_id: str
    mid: str
    sender_id: str
    recipient_id: str
    timestamp: datetime | None
    text: str
    is_echo: bool = False
    is_deleted: bool = False
    app_id: str = ""
    metadata: str = ""
    reply_to_mid: str = ""
    quick_reply_payload: str = ""
    attachments: list[dict[str, Any]] = field(default_factory=list)

    @property
    def resident_id(self) -> str:
        return self.recipient_id if self.is_echo else self.sender_id


@dataclass(frozen=True)
class MessageEditEvent:
    platform: str
    account_id: str
    mid: str
    sender_id: str
    text: str
    num_edit: int
    timestamp: datetime | None


@dataclass(frozen=True)
class PostbackEvent:
    platform: str
    account_id: str
    mid: str
    sender_id: str
    title: str
    payload: str
    timestamp: datetime | None


@dataclass(frozen=True)
class ReceiptEvent:
    """A read or delivery receipt: messages up to `watermark` (or the listed mids) reached."""

    platform: str
    account_id: str
    kind: str  # read | delivery
    resident_id: str
    watermark: datetime | None
    mids: tuple[str, ...] = ()


Event = CommentEvent | PostEvent | MessageEvent | MessageEditEvent | PostbackEvent | ReceiptEvent


@dataclass
class Parsed:
    object: str = ""
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


# Instagram message ids run past 160 characters; anything longer than this is not an id.
MAX_ID_LENGTH = 512


def _s(value: Any) -> str:
    """Ids arrive as strings or numbers; text may be missing. NUL never reaches the database."""
    if value is None or isinstance(value, bool | dict | list):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


def _id(value: Any) -> str:
    """An id, or "" when it is too long to be one of Meta's."""
    text = _s(value)
    return text if len(text) <= MAX_ID_LENGTH else ""


def _d(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return clean(value) if isinstance(value, str) else None


def _attachments(value: Any) -> list[dict[str, Any]]:
    result = []
    for item in _l(value):
        item = _d(item)
        payload = _d(item.get("payload"))
        url = safe_url(_s(payload.get("url")))
        result.append({"type": _s(item.get("type"))[:40], "url": url})
    return result


def parse_payload(payload: Any) -> Parsed:
    parsed = Parsed()
    body = _d(payload)
    parsed.object = _s(body.get("object"))[:40]
    if parsed.object not in {"page", "instagram"}:
        parsed.skipped.append(f"object {parsed.object or '?'} is not used")
        return parsed
    platform = FACEBOOK if parsed.object == "page" else INSTAGRAM
    for entry in _l(body.get("entry")):
        _parse_entry(parsed, platform, _d(entry))
    return parsed


def _parse_entry(parsed: Parsed, platform: str, entry: dict[str, Any]) -> None:
    account_id = _id(entry.get("id"))
    if not account_id:
        parsed.skipped.append("entry without id")
        return
    entry_time = from_platform(entry.get("time"))
    changes = _l(entry.get("changes"))
    # Instagram Login variants put field/value directly in the entry.
    if "field" in entry and "value" in entry:
        changes = [*changes, {"field": entry["field"], "value": entry["value"]}]
    for change in changes:
        _parse_change(parsed, platform, account_id, entry_time, _d(change))
    for event in _l(entry.get("messaging")):
        _parse_messaging(parsed, platform, account_id, _d(event))
    if entry.get("standby"):
        parsed.skipped.append("standby events (another app owns the thread)")


def _parse_change(parsed, platform, account_id, entry_time, change) -> None:
    fld, value = _s(change.get("field"))[:40], _d(change.get("value"))
    if platform == FACEBOOK and fld == "feed":
        _parse_feed(parsed, account_id, entry_time, value)
    elif platform == INSTAGRAM and fld in {"comments", "live_comments"}:
        _parse_ig_comment(parsed, account_id, entry_time, value)
    else:
        parsed.skipped.append(f"{platform} field {fld or '?'} is not used")


def _author(value: dict[str, Any]) -> tuple[str, str]:
    author = _d(value.get("from"))
    author_id = _id(author.get("id")) or _id(value.get("sender_id"))
    name = _s(author.get("name")) or _s(author.get("username")) or _s(value.get("sender_name"))
    return author_id, name[:200]


def _parse_feed(parsed, account_id, entry_time, value) -> None:
    item, verb = _s(value.get("item"))[:40], _s(value.get("verb"))[:40]
    author_id, author_name = _author(value)
    if item == "comment":
        comment_id = _id(value.get("comment_id"))
        if not comment_id or verb not in COMMENT_VERBS:
            parsed.skipped.append(f"feed comment without id or with verb {verb or '?'}")
            return
        attachments = [
            {"type": kind, "url": safe_url(_s(value.get(kind)))} for kind in ("photo", "video")
            if value.get(kind)
        ]
        parsed.events.append(CommentEvent(
            platform=FACEBOOK, account_id=account_id, verb="edited" if verb == "edit" else verb,
            comment_id=comment_id, post_id=_id(value.get("post_id")),
            parent_id=_id(value.get("parent_id")), author_id=author_id, author_name=author_name,
            text=_text(value.get("message")), created_at=from_platform(value.get("created_time")),
            event_time=entry_time or from_platform(value.get("created_time")),
            attachments=attachments,
            post_permalink=safe_url(_s(_d(value.get("post")).get("permalink_url"))),
        ))
    elif item in POST_ITEMS and _id(value.get("post_id")):
        parsed.events.append(PostEvent(
            platform=FACEBOOK, account_id=account_id, verb=verb, post_id=_id(value.get("post_id")),
            author_id=author_id, text=_text(value.get("message")) or "",
            created_at=from_platform(value.get("created_time")) or entry_time,
            permalink=safe_url(_s(value.get("link"))) if item == "share" else "",
            author_name=author_name,
        ))
    else:
        parsed.skipped.append(f"feed item {item or '?'} is not used")


def _parse_ig_comment(parsed, account_id, entry_time, value) -> None:
    comment_id = _id(value.get("id")) or _id(value.get("comment_id"))
    media = _d(value.get("media"))
    if not comment_id:
        parsed.skipped.append("instagram comment without id")
        return
    author_id, author_name = _author(value)
    parsed.events.append(CommentEvent(
        platform=INSTAGRAM, account_id=account_id, verb="add", comment_id=comment_id,
        post_id=_id(media.get("id")), parent_id=_id(value.get("parent_id")),
        author_id=author_id, author_name=author_name, text=_text(value.get("text")),
        created_at=from_platform(value.get("timestamp")) or entry_time, event_time=entry_time,
    ))


def _parse_messaging(parsed, platform, account_id, event) -> None:
    sender = _id(_d(event.get("sender")).get("id"))
    recipient = _id(_d(event.get("recipient")).get("id"))
    timestamp = from_platform(event.get("timestamp"))
    if "message" in event:
        _parse_message(parsed, platform, account_id, sender, recipient, timestamp,
                       _d(event["message"]))
    elif "message_edit" in event:
        edit = _d(event["message_edit"])
        num = edit.get("num_edit")
        parsed.events.append(MessageEditEvent(
            platform=platform, account_id=account_id, mid=_id(edit.get("mid")), sender_id=sender,
            text=_s(edit.get("text")), num_edit=num if isinstance(num, int) else 0,
            timestamp=timestamp,
        ))
    elif "postback" in event:
        postback = _d(event["postback"])
        parsed.events.append(PostbackEvent(
            platform=platform, account_id=account_id, mid=_id(postback.get("mid")),
            sender_id=sender, title=_s(postback.get("title")),
            payload=_s(postback.get("payload")), timestamp=timestamp,
        ))
    elif "read" in event or "delivery" in event:
        kind = "read" if "read" in event else "delivery"
        receipt = _d(event[kind])
        mids = [_id(m) for m in _l(receipt.get("mids"))] + [_id(receipt.get("mid"))]
        parsed.events.append(ReceiptEvent(
            platform=platform, account_id=account_id, kind=kind, resident_id=sender,
            watermark=from_platform(receipt.get("watermark")), mids=tuple(m for m in mids if m),
        ))
    else:
        known = [_s(k)[:40] for k in event if k not in {"sender", "recipient", "timestamp"}]
        parsed.skipped.append(f"messaging event {','.join(known) or '?'} is not used")


def _parse_message(parsed, platform, account_id, sender, recipient, timestamp, message) -> None:
    mid = _id(message.get("mid"))
    if not mid or not sender:
        parsed.skipped.append("message without mid or sender")
        return
    is_echo = message.get("is_echo") is True or (sender == account_id and bool(recipient))
    parsed.events.append(MessageEvent(
        platform=platform, account_id=account_id, mid=mid, sender_id=sender,
        recipient_id=recipient, timestamp=timestamp, text=_s(message.get("text")),
        is_echo=is_echo, is_deleted=message.get("is_deleted") is True,
        app_id=_id(message.get("app_id"))[:40], metadata=_s(message.get("metadata"))[:200],
        reply_to_mid=_id(_d(message.get("reply_to")).get("mid")),
        quick_reply_payload=_s(_d(message.get("quick_reply")).get("payload")),
        attachments=_attachments(message.get("attachments")),
    ))
