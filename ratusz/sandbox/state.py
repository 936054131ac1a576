"""Mutable sandbox state: pages, posts, comments, messaging threads, blocks, request log and faults.

All access goes through `SandboxState.lock` (one re-entrant lock around everything); the Graph API
handlers, the control API, the scenario player and the delivery worker all take it.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .delivery import DeliveryLog
from .people import Person, person
from .util import IdFactory
from .world import InstagramAccount, PageConfig, World

HOUR = 3600.0
FAULT_KINDS = ("5xx", "rate_limit", "timeout", "token_expired")


@dataclass
class Post:
    id: str
    page_id: str
    message: str
    created: float
    status_type: str = "mobile_status_update"
    link: str | None = None
    published: bool = True
    scheduled_for: int | None = None
    deleted: bool = False
    photo_ids: list[str] = field(default_factory=list)
    video_id: str | None = None

    @property
    def part(self) -> str:
        return self.id.split("_", 1)[1]

    @property
    def permalink(self) -> str:
        return f"https://www.facebook.com/{self.page_id}/posts/{self.part}"


@dataclass
class Media:
    id: str
    account_id: str
    caption: str
    created: float
    media_product_type: str = "FEED"
    comment_enabled: bool = True
    media_type: str = ""  # IMAGE | VIDEO | CAROUSEL_ALBUM ("" = from the product type)
    media_url: str | None = None
    alt_text: str | None = None
    children: list[str] = field(default_factory=list)
    container_id: str | None = None  # set for media the desk published through the API

    @property
    def permalink(self) -> str:
        return f"https://www.instagram.com/p/{self.id[-11:]}/"

    @property
    def kind(self) -> str:
        if self.media_type:
            return self.media_type
        return "VIDEO" if self.media_product_type == "REELS" else "IMAGE"


@dataclass
class Photo:
    """A Page photo; unpublished ones wait to be attached to a post (`attached_media`)."""

    id: str
    page_id: str
    url: str
    caption: str
    created: float
    alt_text_custom: str | None = None
    published: bool = False
    temporary: bool = False
    post_id: str | None = None


@dataclass
class Caption:
    locale: str
    url: str
    created: float
    is_default: bool = False


@dataclass
class Video:
    id: str
    page_id: str
    file_url: str
    description: str
    title: str
    created: float
    published: bool = False
    post_id: str | None = None
    captions: list[Caption] = field(default_factory=list)


@dataclass
class Container:
    """An Instagram media container (`POST /{ig-user-id}/media`), published at most once."""

    id: str
    account_id: str
    media_type: str  # IMAGE | VIDEO | REELS | CAROUSEL
    created: float
    caption: str = ""
    image_url: str | None = None
    video_url: str | None = None
    alt_text: str | None = None
    children: list[str] = field(default_factory=list)
    is_carousel_item: bool = False
    status_code: str = "FINISHED"  # IN_PROGRESS | FINISHED | ERROR | EXPIRED | PUBLISHED
    ready_at: float = 0.0  # videos are IN_PROGRESS until then
    media_id: str | None = None
    used_in: str | None = None  # the carousel container a child belongs to


@dataclass
class Comment:
    """A Facebook or Instagram comment; `parent_id` is None for top-level comments."""

    id: str
    channel: str  # facebook | instagram
    object_id: str  # the post id (facebook) or media id (instagram)
    author_id: str
    author_name: str
    text: str
    created: float
    parent_id: str | None = None
    reply_recipient: str | None = None  # PSID / IGSID a private reply would reach
    by_page: bool = False
    hidden: bool = False
    deleted: bool = False


@dataclass
class Thread:
    account_id: str  # Facebook Page id (Messenger) or Instagram account id
    user_id: str  # PSID or IGSID
    channel: str  # messenger | instagram
    user_name: str
    last_inbound: float | None = None


@dataclass
class SentMessage:
    account_id: str
    recipient_id: str
    mid: str
    text: str | None
    time: float
    messaging_type: str
    tag: str | None = None
    metadata: str | None = None
    comment_id: str | None = None


@dataclass
class Fault:
    kind: str
    remaining: int
    path_contains: str | None = None
    seconds: float | None = None
    code: int | None = None
    minutes: int = 5

    def matches(self, path: str) -> bool:
        return self.remaining > 0 and (not self.path_contains or self.path_contains in path)

    def as_json(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass
class Usage:
    call_count: int
    total_cputime: int
    total_time: int

    def as_dict(self) -> dict[str, int]:
        return vars(self).copy()


class SandboxState:
    def __init__(self, world: World, clock: Callable[[], float] = time.time) -> None:
        self.world = world
        self.clock = clock
        self.lock = threading.RLock()
        self.ids = IdFactory(world.seed)
        self.deliveries = DeliveryLog(self.lock)
        # How long Instagram takes to process a video container (0: FINISHED at once).
        self.ig_video_processing_seconds = 0.0
        self.reset()

    # -- lifecycle -------------------------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self.started = self.clock()
            self.posts: dict[str, Post] = {}
            self.media: dict[str, Media] = {}
            self.photos: dict[str, Photo] = {}
            self.videos: dict[str, Video] = {}
            self.containers: dict[str, Container] = {}
            self.ig_published: list[tuple[str, float]] = []  # (IG account, time) per API publish
            self.comments: dict[str, Comment] = {}
            self.threads: dict[tuple[str, str], Thread] = {}
            self.people: dict[str, Person] = {}
            self.sent: list[SentMessage] = []
            self.private_replies: dict[str, str] = {}
            self.blocked: dict[str, dict[str, str]] = {}
            self.spam_threads: set[tuple[str, str]] = set()
            self.subscriptions: dict[str, list[str]] = {}
            self.requests: list[dict[str, Any]] = []
            self.faults: list[Fault] = []
            self._request_seq = 0
            self._calls: dict[str, deque[float]] = {}
            self.deliveries.clear()
            self._load_world()

    def _load_world(self) -> None:
        for cfg in self.world.posts:
            self.posts[cfg.id] = Post(
                cfg.id,
                cfg.page_id,
                cfg.message,
                self.started + cfg.created,
                cfg.status_type,
                cfg.link,
            )
        for cfg in self.world.media:
            self.media[cfg.id] = Media(
                cfg.id,
                cfg.account_id,
                cfg.caption,
                self.started + cfg.created,
                cfg.media_product_type,
            )
        keys: dict[str, str] = {}
        for cfg in self.world.comments:
            parent = keys.get(cfg.parent) if cfg.parent else None
            comment = self.add_resident_comment(
                cfg.on, person(cfg.author), cfg.text, self.started + cfg.created, parent_id=parent
            )
            comment.hidden = cfg.hidden
            keys[cfg.key] = comment.id

    # -- lookups ---------------------------------------------------------------------------------

    def page(self, page_id: str) -> PageConfig | None:
        return self.world.page(page_id)

    def page_by_token(self, token: str) -> PageConfig | None:
        return next((p for p in self.world.pages if p.access_token == token), None)

    def instagram(self, account_id: str) -> tuple[PageConfig, InstagramAccount] | None:
        page = self.world.page_for_instagram(account_id)
        return (page, page.instagram) if page and page.instagram else None

    def owner_page(self, kind: str, obj: Any) -> PageConfig | None:
        """The Page that owns an object (for token checks and usage headers)."""
        if kind == "page":
            return obj
        if kind == "ig_account":
            return obj[0]
        if kind == "post":
            return self.page(obj.page_id)
        if kind in ("media", "container"):
            return self.world.page_for_instagram(obj.account_id)
        if kind in ("photo", "video"):
            return self.page(obj.page_id)
        if kind == "comment":
            parent_kind = "post" if obj.channel == "facebook" else "media"
            container = (
                self.posts.get(obj.object_id)
                if obj.channel == "facebook"
                else self.media.get(obj.object_id)
            )
            return self.owner_page(parent_kind, container) if container else None
        return None

    def resolve(self, object_id: str) -> tuple[str, Any] | None:
        if page := self.page(object_id):
            return "page", page
        if ig := self.instagram(object_id):
            return "ig_account", ig
        if (post := self.posts.get(object_id)) and not post.deleted:
            return "post", post
        if media := self.media.get(object_id):
            return "media", media
        if photo := self.photos.get(object_id):
            return "photo", photo
        if video := self.videos.get(object_id):
            return "video", video
        if container := self.containers.get(object_id):
            return "container", container
        if (comment := self.comments.get(object_id)) and not comment.deleted:
            return "comment", comment
        if who := self.people.get(object_id):
            return "user", who
        return None

    def post_for(self, key_or_id: str) -> Post | None:
        cfg = self.world.post(key_or_id)
        return self.posts.get(cfg.id if cfg else key_or_id)

    def media_for(self, key_or_id: str) -> Media | None:
        cfg = self.world.medium(key_or_id)
        return self.media.get(cfg.id if cfg else key_or_id)

    # -- residents' activity -----------------------------------------------------------------------

    def register_person(self, who: Person) -> None:
        with self.lock:
            for pid in (who.fb_user_id, who.psid, who.igsid):
                self.people[pid] = who

    def add_resident_comment(
        self,
        on: str,
        who: Person,
        text: str,
        created: float,
        parent_id: str | None = None,
        comment_id: str | None = None,
    ) -> Comment:
        """Add a resident's comment on a post or media (`on` is a world key or a full id)."""
        with self.lock:
            self.register_person(who)
            if post := self.post_for(on):
                cid = comment_id or f"{post.part}_{self.ids.object_part()}"
                comment = Comment(
                    cid,
                    "facebook",
                    post.id,
                    who.fb_user_id,
                    who.name,
                    text,
                    created,
                    parent_id=parent_id,
                    reply_recipient=who.psid,
                )
            elif media := self.media_for(on):
                cid = comment_id or self.ids.ig_object_id()
                comment = Comment(
                    cid,
                    "instagram",
                    media.id,
                    who.igsid,
                    who.username,
                    text,
                    created,
                    parent_id=parent_id,
                    reply_recipient=who.igsid,
                )
            else:
                raise KeyError(f"no post or media {on!r}")
            self.comments[comment.id] = comment
            return comment

    def add_page_comment(
        self, container_id: str, channel: str, text: str, parent_id: str | None
    ) -> Comment:
        with self.lock:
            if channel == "facebook":
                post = self.posts[container_id]
                page = self.page(post.page_id)
                assert page is not None
                cid = f"{post.part}_{self.ids.object_part()}"
                author_id, author_name = page.id, page.name
            else:
                page_ig = self.instagram(self.media[container_id].account_id)
                assert page_ig is not None
                cid = self.ids.ig_object_id()
                author_id, author_name = page_ig[1].id, page_ig[1].username
            comment = Comment(
                cid,
                channel,
                container_id,
                author_id,
                author_name,
                text,
                self.clock(),
                parent_id=parent_id,
                by_page=True,
            )
            self.comments[cid] = comment
            return comment

    def record_inbound(self, account_id: str, who: Person, channel: str, when: float) -> Thread:
        """A message from a resident: opens or refreshes the messaging window of the thread."""
        with self.lock:
            self.register_person(who)
            user_id = who.psid if channel == "messenger" else who.igsid
            thread = self.threads.setdefault(
                (account_id, user_id), Thread(account_id, user_id, channel, who.name)
            )
            if thread.last_inbound is None or when > thread.last_inbound:
                thread.last_inbound = when
            return thread

    def open_thread(self, account_id: str, user_id: str, channel: str, user_name: str) -> Thread:
        with self.lock:
            return self.threads.setdefault(
                (account_id, user_id), Thread(account_id, user_id, channel, user_name)
            )

    # -- faults, request log, usage ----------------------------------------------------------------

    def add_fault(self, fault: Fault) -> None:
        with self.lock:
            self.faults.append(fault)

    def take_fault(self, path: str) -> Fault | None:
        """Consume one use of the first pending fault matching `path`."""
        with self.lock:
            fault = next((f for f in self.faults if f.matches(path)), None)
            if fault is None:
                return None
            fault.remaining -= 1
            self.faults = [f for f in self.faults if f.remaining > 0]
            return fault

    def record_request(self, entry: dict[str, Any]) -> int:
        with self.lock:
            self._request_seq += 1
            self.requests.append({"seq": self._request_seq, **entry})
            return self._request_seq

    def requests_since(self, seq: int = 0) -> list[dict[str, Any]]:
        with self.lock:
            return [r for r in self.requests if r["seq"] > seq]

    def count_call(self, key: str, budget: int) -> Usage:
        """Record one call against `key` and return its usage (% of the hourly budget used)."""
        with self.lock:
            now = self.clock()
            calls = self._calls.setdefault(key, deque())
            calls.append(now)
            while calls and calls[0] <= now - HOUR:
                calls.popleft()
            pct = min(100, math.ceil(100 * len(calls) / max(budget, 1)))
            return Usage(call_count=pct, total_cputime=pct // 3, total_time=pct // 2)
