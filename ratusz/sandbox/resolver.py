"""Scenario events made concrete: ids, timestamps and Meta payloads, and their effect on the state.

Events are resolved in declaration order (so references such as `parent` or `target` always point
back), independently of the order in which they are later delivered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import payloads as pl
from .people import Person, person
from .scenario import Event, ScenarioError, Step
from .state import Post, SandboxState
from .util import IdFactory
from .world import PageConfig, World

BUSINESS_SUITE_APP_ID = 263902037430900  # Meta's Page inbox / Business Suite app
UNCONNECTED_PAGE_ID = "100000000009999"
UNCONNECTED_IG_ID = "17841400000009999"


@dataclass
class Resolved:
    """An event with its ids and times fixed, and the payload that carries it."""

    index: int
    event: Event
    ts: float
    account_id: str
    who: Person | None
    ids: dict[str, Any] = field(default_factory=dict)
    payload: pl.Json = field(default_factory=dict)

    @property
    def connected(self) -> bool:
        return "unconnected_page" not in self.event.variants

    @property
    def ms(self) -> int:
        return int(self.ts * 1000)

    @property
    def sec(self) -> int:
        return int(self.ts)

    def summary(self) -> str:
        who = self.who.name if self.who else (self.event.who or "strona")
        text = (self.ids.get("text") or "").replace("\n", " ")
        text = text if len(text) <= 60 else text[:57] + "..."
        return f"{self.event.channel} {self.event.kind} ({who}): {text}".rstrip(": ")


class Resolver:
    """Assigns ids and timestamps to events in declaration order and builds their payloads."""

    def __init__(self, world: World, ids: IdFactory, state: SandboxState | None = None) -> None:
        self.world = world
        self.ids = ids
        self.state = state
        self.page: PageConfig = world.default_page
        self.by_name: dict[str, Resolved] = {}
        self._edits: dict[str, int] = {}
        self._last_echo: dict[tuple[str, str], Resolved] = {}

    def resolve_all(self, steps: list[Step], times: dict[int, float]) -> dict[int, Resolved]:
        resolved: dict[int, Resolved] = {}
        for index, step in enumerate(steps):
            if isinstance(step, Event):
                resolved[index] = self.resolve(index, step, times[index])
        return resolved

    def resolve(self, index: int, event: Event, ts: float) -> Resolved:
        who = person(event.who, event.username) if event.who else None
        account = self._account(event)
        r = Resolved(index, event, ts, account, who)
        builder = getattr(self, f"_{event.channel}_{event.kind}")
        payload = builder(r)
        for variant in event.variants:
            if variant in pl.VARIANTS:
                payload = pl.VARIANTS[variant](payload)
        if not r.connected:
            payload = pl.for_account(
                payload, UNCONNECTED_PAGE_ID if event.channel == "facebook" else UNCONNECTED_IG_ID
            )
        r.payload = payload
        if event.name:
            self.by_name[event.name] = r
        return r

    # -- lookups ---------------------------------------------------------------------------------

    def _account(self, event: Event) -> str:
        if event.channel == "facebook":
            return self.page.id
        if not self.page.instagram:
            raise ScenarioError(f"page {self.page.id} has no linked Instagram account")
        return self.page.instagram.id

    def _ref(self, name: str | None) -> Resolved:
        if name is None or name not in self.by_name:
            raise ScenarioError(f"unknown event reference {name!r}")
        return self.by_name[name]

    def _post(self, ref: str) -> dict[str, str]:
        if ref in self.by_name and self.by_name[ref].event.kind == "page_post":
            ids = self.by_name[ref].ids
            return {
                "post_id": ids["post_id"],
                "permalink": ids["permalink"],
                "status_type": "mobile_status_update",
            }
        cfg = self.world.post(ref)
        post = self.state.posts.get(ref) if self.state else None
        if cfg:
            post_id, status_type = cfg.id, cfg.status_type
        elif post:
            if post.deleted or not post.published:
                raise ScenarioError(f"Facebook post {ref!r} is not published")
            post_id, status_type = post.id, post.status_type
        elif "_" in ref and ref.replace("_", "").isdigit():
            post_id, status_type = ref, "mobile_status_update"
        else:
            raise ScenarioError(f"unknown Facebook post {ref!r}")
        page_id, part = post_id.split("_", 1)
        return {
            "post_id": post_id,
            "status_type": status_type,
            "permalink": f"https://www.facebook.com/{page_id}/posts/{part}",
        }

    def _media(self, ref: str) -> dict[str, str]:
        cfg = self.world.medium(ref)
        if cfg:
            return {"media_id": cfg.id, "media_type": cfg.media_product_type}
        if self.state and (media := self.state.media.get(ref)):
            return {"media_id": media.id, "media_type": media.media_product_type}
        if ref.isdigit():
            return {"media_id": ref, "media_type": "FEED"}
        raise ScenarioError(f"unknown Instagram media {ref!r}")

    def _parent_comment(self, ref: str) -> dict[str, Any]:
        """A parent comment by local name, or (for hand-injected events) by its id in the state."""
        if ref in self.by_name:
            return self.by_name[ref].ids
        comment = self.state.comments.get(ref) if self.state else None
        if comment is None:
            raise ScenarioError(f"unknown parent comment {ref!r}")
        ids: dict[str, Any] = {
            "comment_id": comment.id,
            "media_id": comment.object_id,
            "post_id": comment.object_id,
        }
        if comment.channel == "instagram" and (media := self.state.media.get(comment.object_id)):  # type: ignore[union-attr]
            ids["media_type"] = media.media_product_type
        return ids

    def _page_author(self) -> dict[str, str]:
        return {"id": self.page.id, "name": self.page.name}

    def _mid(self, r: Resolved) -> str:
        return (
            self.ids.messenger_mid()
            if r.event.channel == "facebook"
            else self.ids.instagram_mid(r.account_id)
        )

    def _user_id(self, r: Resolved) -> str:
        assert r.who is not None
        return r.who.psid if r.event.channel == "facebook" else r.who.igsid

    # -- Facebook feed ----------------------------------------------------------------------------

    def _facebook_comment(self, r: Resolved) -> pl.Json:
        assert r.who is not None
        if r.event.parent:
            parent = self._parent_comment(r.event.parent)
            post = self._post(parent["post_id"])
            parent_id = parent["comment_id"]
        else:
            post = self._post(r.event.post)  # type: ignore[arg-type]
            parent_id = post["post_id"]
        part = post["post_id"].split("_", 1)[1]
        author = {"id": r.who.fb_user_id, "name": r.who.name}
        r.ids.update(
            post,
            comment_id=f"{part}_{self.ids.object_part()}",
            parent_id=parent_id,
            author=author,
            created=r.sec,
            text=r.event.text,
            psid=r.who.psid,
        )
        return self._feed_comment(r, "add", r.ids)

    def _feed_comment(self, r: Resolved, verb: str, c: dict[str, Any]) -> pl.Json:
        post = pl.post_ref(c["post_id"], c["permalink"], r.sec, c["status_type"])
        value = pl.feed_comment_value(
            verb,
            comment_id=c["comment_id"],
            post_id=c["post_id"],
            parent_id=c["parent_id"],
            author=c["author"],
            created_time=c["created"],
            message=c["text"],
            post=post,
        )
        return pl.page_change(r.account_id, value, r.sec)

    def _comment_change(self, r: Resolved, verb: str) -> pl.Json:
        target = self._ref(r.event.target)
        r.who = target.who
        if verb == "edited":
            target.ids["text"] = r.event.text
        r.ids.update(target.ids)
        if target.event.channel != "facebook":
            raise ScenarioError("Instagram sends no edit/remove/hide webhooks for comments")
        return self._feed_comment(r, verb, target.ids)

    def _facebook_comment_edit(self, r: Resolved) -> pl.Json:
        return self._comment_change(r, "edited")

    def _facebook_comment_remove(self, r: Resolved) -> pl.Json:
        return self._comment_change(r, "remove")

    def _facebook_comment_hide(self, r: Resolved) -> pl.Json:
        return self._comment_change(r, "hide")

    def _facebook_comment_unhide(self, r: Resolved) -> pl.Json:
        return self._comment_change(r, "unhide")

    def _facebook_reaction(self, r: Resolved) -> pl.Json:
        assert r.who is not None
        comment_id = None
        if r.event.target:
            target = self._ref(r.event.target).ids
            post_id, comment_id = target["post_id"], target["comment_id"]
        else:
            post_id = self._post(r.event.post)["post_id"]  # type: ignore[arg-type]
        value = pl.feed_reaction_value(
            "add",
            reaction_type=r.event.reaction or "like",
            post_id=post_id,
            parent_id=post_id,
            author={"id": r.who.fb_user_id, "name": r.who.name},
            created_time=r.sec,
            comment_id=comment_id,
        )
        r.ids.update(post_id=post_id, text=r.event.reaction or "like")
        return pl.page_change(r.account_id, value, r.sec)

    def _facebook_page_post(self, r: Resolved) -> pl.Json:
        post_id = f"{self.page.id}_{self.ids.object_part()}"
        part = post_id.split("_", 1)[1]
        r.ids.update(
            post_id=post_id,
            text=r.event.text,
            link=r.event.link,
            permalink=f"https://www.facebook.com/{self.page.id}/posts/{part}",
        )
        value = pl.feed_post_value(
            "add",
            post_id=post_id,
            author=self._page_author(),
            created_time=r.sec,
            message=r.event.text,
            link=r.event.link,
        )
        return pl.page_change(r.account_id, value, r.sec)

    # -- messaging (both channels) -----------------------------------------------------------------

    def _wrap(self, r: Resolved, event: pl.Json) -> pl.Json:
        if r.event.channel == "facebook":
            return pl.page_messaging(r.account_id, event, r.ms)
        return pl.instagram_messaging(r.account_id, event, r.ms)

    def _message(self, r: Resolved) -> pl.Json:
        reply_to = self._ref(r.event.reply_to).ids["mid"] if r.event.reply_to else None
        r.ids.update(mid=self._mid(r), text=r.event.text, user_id=self._user_id(r))
        event = pl.message_event(
            r.ids["user_id"],
            r.account_id,
            r.ms,
            mid=r.ids["mid"],
            text=r.event.text,
            attachments=list(r.event.attachments) or None,
            quick_reply=r.event.quick_reply,
            reply_to=reply_to,
        )
        return self._wrap(r, event)

    def _message_edit(self, r: Resolved) -> pl.Json:
        target = self._ref(r.event.target)
        r.who = target.who
        self._edits[target.ids["mid"]] = self._edits.get(target.ids["mid"], 0) + 1
        r.ids.update(mid=target.ids["mid"], text=r.event.text, user_id=target.ids["user_id"])
        event = pl.message_edit_event(
            target.ids["user_id"],
            r.account_id,
            r.ms,
            mid=target.ids["mid"],
            text=r.event.text or "",
            num_edit=self._edits[target.ids["mid"]],
        )
        return self._wrap(r, event)

    def _message_delete(self, r: Resolved) -> pl.Json:
        target = self._ref(r.event.target)
        r.who = target.who
        r.ids.update(mid=target.ids["mid"], user_id=target.ids["user_id"])
        return self._wrap(
            r,
            pl.message_deleted_event(
                target.ids["user_id"], r.account_id, r.ms, mid=target.ids["mid"]
            ),
        )

    def _echo(self, r: Resolved) -> pl.Json:
        app_id = r.event.app_id
        if app_id is None and r.event.channel == "facebook":
            app_id = BUSINESS_SUITE_APP_ID
        r.ids.update(mid=self._mid(r), text=r.event.text, user_id=self._user_id(r), app_id=app_id)
        self._last_echo[(r.account_id, r.ids["user_id"])] = r
        event = pl.echo_event(
            r.account_id, r.ids["user_id"], r.ms, mid=r.ids["mid"], text=r.event.text, app_id=app_id
        )
        return self._wrap(r, event)

    def _page_message_target(self, r: Resolved) -> Resolved:
        if r.event.target:
            return self._ref(r.event.target)
        last = self._last_echo.get((r.account_id, self._user_id(r)))
        if last is None:
            raise ScenarioError(
                f"{r.event.kind} by {r.event.who} needs an earlier echo to refer to"
            )
        return last

    def _facebook_postback(self, r: Resolved) -> pl.Json:
        r.ids.update(mid=self._mid(r), user_id=self._user_id(r), text=r.event.title or "Rozpocznij")
        event = pl.postback_event(
            r.ids["user_id"],
            r.account_id,
            r.ms,
            mid=r.ids["mid"],
            title=r.ids["text"],
            payload=r.event.payload or "GET_STARTED",
        )
        return self._wrap(r, event)

    def _facebook_read(self, r: Resolved) -> pl.Json:
        target = self._page_message_target(r)
        r.ids.update(user_id=self._user_id(r), watermark=target.ms)
        return self._wrap(
            r, pl.read_event(r.ids["user_id"], r.account_id, r.ms, watermark=target.ms)
        )

    def _facebook_delivery(self, r: Resolved) -> pl.Json:
        target = self._page_message_target(r)
        r.ids.update(user_id=self._user_id(r), watermark=target.ms)
        event = pl.delivery_event(
            r.ids["user_id"], r.account_id, mids=[target.ids["mid"]], watermark=target.ms
        )
        return self._wrap(r, event)

    def _instagram_seen(self, r: Resolved) -> pl.Json:
        target = self._page_message_target(r)
        r.ids.update(user_id=self._user_id(r), mid=target.ids["mid"])
        return self._wrap(
            r, pl.ig_seen_event(r.ids["user_id"], r.account_id, r.ms, mid=target.ids["mid"])
        )

    _facebook_message = _instagram_message = _message
    _facebook_message_edit = _instagram_message_edit = _message_edit
    _facebook_message_delete = _instagram_message_delete = _message_delete
    _facebook_echo = _instagram_echo = _echo

    # -- Instagram comments ------------------------------------------------------------------------

    def _instagram_comment(self, r: Resolved) -> pl.Json:
        assert r.who is not None
        parent_id = None
        if r.event.parent:
            parent = self._parent_comment(r.event.parent)
            media = {"media_id": parent["media_id"], "media_type": parent.get("media_type", "FEED")}
            parent_id = parent["comment_id"]
        else:
            media = self._media(r.event.post)  # type: ignore[arg-type]
        r.ids.update(
            media,
            comment_id=self.ids.ig_object_id(),
            parent_id=parent_id,
            text=r.event.text,
            user_id=r.who.igsid,
        )
        value = pl.ig_comment_value(
            comment_id=r.ids["comment_id"],
            text=r.event.text or "",
            author_id=r.who.igsid,
            username=r.who.username,
            media_id=media["media_id"],
            media_product_type=media["media_type"],
            parent_id=parent_id,
        )
        return pl.instagram_change(r.account_id, value, r.sec)


# -- registering events in the sandbox state -------------------------------------------------------

INBOUND_MESSAGING = {"message", "postback"}


def register(state: SandboxState, r: Resolved) -> None:
    """Make the Graph API aware of a delivered event (comments, posts, messaging windows).

    Events for an unconnected page, or on posts the sandbox does not hold, are delivered only.
    """
    if not r.connected:
        return
    kind, ids = r.event.kind, r.ids
    channel = "messenger" if r.event.channel == "facebook" else "instagram"
    with state.lock:
        if kind == "comment":
            _register_comment(state, r)
        elif kind in ("comment_edit", "comment_remove", "comment_hide", "comment_unhide"):
            _apply_comment_change(state, kind, ids)
        elif kind == "page_post" and ids["post_id"] not in state.posts:
            page_id = ids["post_id"].split("_", 1)[0]
            post = Post(ids["post_id"], page_id, ids["text"], r.ts, link=ids.get("link"))
            state.posts[post.id] = post
        elif kind in INBOUND_MESSAGING and r.who:
            state.record_inbound(r.account_id, r.who, channel, r.ts)
        elif kind == "echo" and r.who:
            state.register_person(r.who)
            state.open_thread(r.account_id, ids["user_id"], channel, r.who.name)


def _register_comment(state: SandboxState, r: Resolved) -> None:
    ids = r.ids
    facebook = r.event.channel == "facebook"
    on = ids["post_id"] if facebook else ids["media_id"]
    known = state.posts.get(on) if facebook else state.media.get(on)
    if r.who is None or known is None or ids["comment_id"] in state.comments:
        return
    top_level = ids["parent_id"] in (None, ids.get("post_id")) if facebook else not ids["parent_id"]
    parent = None if top_level else ids["parent_id"]
    state.add_resident_comment(
        on, r.who, ids["text"] or "", r.ts, parent_id=parent, comment_id=ids["comment_id"]
    )


def _apply_comment_change(state: SandboxState, kind: str, ids: dict[str, Any]) -> None:
    comment = state.comments.get(ids["comment_id"])
    if comment is None:
        return
    if kind == "comment_edit":
        comment.text = ids["text"]
    elif kind == "comment_remove":
        comment.deleted = True
    else:
        comment.hidden = kind == "comment_hide"
