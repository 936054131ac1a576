"""Graph API behaviour: the routes the desk uses, with Meta's rules and errors.

Handlers run under the state lock and never send webhooks themselves: they append payloads to
`Call.outbox`, which the WSGI app delivers after the lock is released.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import errors as err
from . import payloads as pl
from .graph_base import DAY, Call, as_bool, as_id_list, page_of, parse_fields, select
from .graph_comments import CommentRoutes
from .graph_messaging import MessagingRoutes
from .graph_publishing import PublishingRoutes, time_param
from .state import Post, SandboxState
from .util import iso_time, meta_date
from .world import PageConfig

MODERATION_ACTIONS = {"block_user", "unblock_user", "ban_user", "unban_user", "move_to_spam"}
PAGE_SCOPES = [
    "pages_show_list",
    "pages_messaging",
    "pages_manage_metadata",
    "pages_manage_posts",
    "pages_read_engagement",
    "pages_manage_engagement",
    "pages_read_user_content",
    "instagram_basic",
    "instagram_manage_comments",
    "instagram_manage_messages",
]
NODE_TYPES = {
    "page": "Page",
    "ig_account": "IGUser",
    "post": "PagePost",
    "media": "IGMedia",
    "comment": "Comment",
    "user": "User",
    "photo": "Photo",
    "video": "Video",
    "container": "ShadowIGMediaBuilder",
}


# -- the API ---------------------------------------------------------------------------------------

Handler = Callable[[Call, Any], dict[str, Any]]


class GraphApi(MessagingRoutes, CommentRoutes, PublishingRoutes):
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.routes: dict[tuple[str, str | None, str], Handler] = {
            ("page", None, "GET"): self.get_page,
            ("page", "messages", "POST"): self.send_message,
            ("page", "feed", "POST"): self.publish,
            ("page", "feed", "GET"): self.list_posts,
            ("page", "posts", "GET"): self.list_posts,
            ("page", "scheduled_posts", "GET"): self.scheduled_posts,
            ("page", "photos", "POST"): self.publish_photo,
            ("page", "videos", "POST"): self.publish_video,
            ("page", "blocked", "GET"): self.get_blocked,
            ("page", "blocked", "POST"): self.block,
            ("page", "blocked", "DELETE"): self.unblock,
            ("page", "moderate_conversations", "POST"): self.moderate_conversations,
            ("page", "subscribed_apps", "GET"): self.get_subscriptions,
            ("page", "subscribed_apps", "POST"): self.subscribe,
            ("page", "subscribed_apps", "DELETE"): self.unsubscribe,
            ("ig_account", None, "GET"): self.get_ig_account,
            ("ig_account", "messages", "POST"): self.send_message,
            ("ig_account", "media", "GET"): self.list_media,
            ("ig_account", "media", "POST"): self.create_container,
            ("ig_account", "media_publish", "POST"): self.publish_container,
            ("ig_account", "content_publishing_limit", "GET"): self.publishing_limit,
            ("container", None, "GET"): self.get_container,
            ("photo", None, "GET"): self.get_photo,
            ("video", None, "GET"): self.get_video,
            ("video", "captions", "GET"): self.list_captions,
            ("video", "captions", "POST"): self.add_captions,
            ("post", None, "GET"): self.get_post,
            ("post", None, "POST"): self.edit_post,
            ("post", None, "DELETE"): self.delete_post,
            ("post", "comments", "GET"): self.list_comments,
            ("post", "comments", "POST"): self.add_comment,
            ("media", None, "GET"): self.get_media,
            ("media", None, "POST"): self.edit_media,
            ("media", "comments", "GET"): self.list_comments,
            ("media", "comments", "POST"): self.add_comment,
            ("comment", None, "GET"): self.get_comment,
            ("comment", None, "POST"): self.update_comment,
            ("comment", None, "DELETE"): self.delete_comment,
            ("comment", "comments", "GET"): self.list_comments,
            ("comment", "comments", "POST"): self.add_comment,
            ("comment", "replies", "GET"): self.list_comments,
            ("comment", "replies", "POST"): self.add_comment,
            ("user", None, "GET"): self.get_user,
        }

    # -- dispatch ----------------------------------------------------------------------------------

    def handle(self, call: Call) -> dict[str, Any]:
        segments = call.request.segments
        method = call.request.method
        if segments == ["debug_token"] and method == "GET":
            return self.debug_token(call)
        call.page = self.authenticate(call)
        if not segments or len(segments) > 2:
            raise err.unsupported(method, "/".join(segments))
        object_id = call.page.id if segments[0] == "me" else segments[0]
        edge = segments[1] if len(segments) > 1 else None
        found = self.state.resolve(object_id)
        owner = self.state.owner_page(*found) if found else None
        if found is None or (found[0] != "user" and (owner is None or owner.id != call.page.id)):
            raise err.unsupported(method, object_id)
        kind, obj = found
        self._usage(call, kind, obj, edge)
        handler = self.routes.get((kind, edge, method))
        if handler is None:
            if method == "GET" and edge:
                raise err.nonexisting_field(edge, NODE_TYPES[kind])
            raise err.unsupported(method, object_id)
        return handler(call, obj)

    def authenticate(self, call: Call) -> PageConfig:
        token = call.request.token
        if not token:
            raise err.missing_token()
        page = self.state.page_by_token(token)
        if page is None:
            raise err.invalid_token()
        call.page, call.usage_key = page, page.id
        if page.token_expired:
            raise self.expired()
        return page

    def expired(self) -> err.GraphError:
        return err.expired_token(meta_date(self.state.started - DAY), meta_date(self.state.clock()))

    def _usage(self, call: Call, kind: str, obj: Any, edge: str | None) -> None:
        ig_id = None
        if kind == "ig_account":
            ig_id = obj[1].id
        elif kind in ("media", "container"):
            ig_id = obj.account_id
        elif kind == "comment" and obj.channel == "instagram":
            ig_id = call.page.instagram.id if call.page and call.page.instagram else None
        if ig_id:
            call.usage_key, call.usage_type = ig_id, "instagram"
        elif edge == "messages":
            call.usage_type = "messenger"

    # -- tokens ------------------------------------------------------------------------------------

    def debug_token(self, call: Call) -> dict[str, Any]:
        token = call.request.token
        app_token = bool(token) and str(token).startswith(f"{self.state.world.app_id}|")
        if not token or not (app_token or self.state.page_by_token(token)):
            raise err.invalid_token() if token else err.missing_token()
        input_token = call.params.get("input_token")
        if not input_token:
            raise err.invalid_param("The parameter input_token is required")
        page = self.state.page_by_token(str(input_token))
        if page is None:
            return {
                "data": {
                    "error": {"code": 190, "message": "Invalid OAuth access token."},
                    "is_valid": False,
                    "scopes": [],
                }
            }
        call.page, call.usage_key = page, page.id
        data: dict[str, Any] = {
            "app_id": self.state.world.app_id,
            "type": "PAGE",
            "application": self.state.world.app_name,
            "data_access_expires_at": int(self.state.started + 90 * DAY),
            "expires_at": 0,
            "is_valid": not page.token_expired,
            "issued_at": int(self.state.started - 30 * DAY),
            "profile_id": page.id,
            "scopes": PAGE_SCOPES,
            "granular_scopes": [
                {"scope": s, "target_ids": [page.id]} for s in PAGE_SCOPES if s != "pages_show_list"
            ],
            "user_id": "10228000111222333",
        }
        if page.token_expired:
            data["expires_at"] = int(self.state.started - DAY)
            expired = self.expired()
            data["error"] = {"code": 190, "message": expired.message, "subcode": 463}
        return {"data": data}

    # -- Pages, Instagram accounts, users ----------------------------------------------------------

    def get_page(self, call: Call, page: PageConfig) -> dict[str, Any]:
        ig = {"id": page.instagram.id} if page.instagram else None
        available = {
            "id": page.id,
            "name": page.name,
            "access_token": page.access_token,
            "category": page.category,
            "instagram_business_account": ig,
            "connected_instagram_account": ig,
            "link": f"https://www.facebook.com/{page.id}",
        }
        return select(available, parse_fields(call.params.get("fields"), ["name", "id"]), "Page")

    def get_ig_account(self, call: Call, found: Any) -> dict[str, Any]:
        _page, account = found
        available = {
            "id": account.id,
            "username": account.username,
            "name": account.name,
            "media_count": sum(1 for m in self.state.media.values() if m.account_id == account.id),
        }
        return select(available, parse_fields(call.params.get("fields"), ["id"]), "IGUser")

    def get_user(self, call: Call, who: Any) -> dict[str, Any]:
        available = {
            "id": call.request.segments[0],
            "name": who.name,
            "first_name": who.first_name,
            "last_name": who.last_name,
            "username": who.username,
            "profile_pic": f"https://sandbox.invalid/avatars/{who.psid}.png",
        }
        return select(
            available,
            parse_fields(call.params.get("fields"), ["first_name", "last_name", "id"]),
            "User",
        )

    # -- posts and media ---------------------------------------------------------------------------

    def get_post(self, call: Call, post: Post) -> dict[str, Any]:
        return self._post_json(
            post, parse_fields(call.params.get("fields"), ["created_time", "message", "id"])
        )

    def list_posts(self, call: Call, page: PageConfig) -> dict[str, Any]:
        """Published posts, newest first; `since`/`until` bound their created time."""
        wanted = parse_fields(call.params.get("fields"), ["created_time", "message", "id"])
        since, until = time_param(call, "since"), time_param(call, "until")
        posts = sorted(
            (
                p
                for p in self.state.posts.values()
                if p.page_id == page.id
                and not p.deleted
                and p.published
                and (since is None or p.created >= since)
                and (until is None or p.created <= until)
            ),
            key=lambda p: p.created,
            reverse=True,
        )
        return page_of(call, [self._post_json(p, wanted) for p in posts])

    def edit_post(self, call: Call, post: Post) -> dict[str, Any]:
        if "message" not in call.params:
            raise err.invalid_param("Missing message")
        post.message = str(call.params["message"])
        return {"success": True}

    def delete_post(self, call: Call, post: Post) -> dict[str, Any]:
        post.deleted = True
        if not post.published:  # a scheduled or unpublished post: nobody saw it go
            return {"success": True}
        page = self.state.page(post.page_id)
        value = {
            "item": "status",
            "verb": "remove",
            "post_id": post.id,
            "recipient_id": post.page_id,
            "from": {"id": page.id, "name": page.name} if page else None,
            "created_time": int(call.now),
        }
        call.deliver(
            pl.page_change(post.page_id, value, int(call.now)), f"feed post remove {post.id}"
        )
        return {"success": True}

    def get_media(self, call: Call, media: Any) -> dict[str, Any]:
        available = {
            "id": media.id,
            "caption": media.caption,
            "media_product_type": media.media_product_type,
            "media_type": media.kind,
            "media_url": media.media_url,
            "alt_text": media.alt_text,
            "children": {"data": [{"id": c} for c in media.children]} if media.children else None,
            "timestamp": iso_time(media.created),
            "permalink": media.permalink,
            "comment_enabled": media.comment_enabled,
            "comments_count": sum(
                1 for c in self.state.comments.values() if c.object_id == media.id and not c.deleted
            ),
        }
        return select(available, parse_fields(call.params.get("fields"), ["id"]), "IGMedia")

    def edit_media(self, call: Call, media: Any) -> dict[str, Any]:
        """IG Media: `comment_enabled=true|false` turns comments on or off."""
        if "comment_enabled" not in call.params:
            raise err.invalid_param("Missing parameter: comment_enabled")
        media.comment_enabled = as_bool(call.params["comment_enabled"], "comment_enabled")
        return {"success": True}

    def list_media(self, call: Call, found: Any) -> dict[str, Any]:
        """The account's media, newest first; `since`/`until` bound their time."""
        since, until = time_param(call, "since"), time_param(call, "until")
        media = sorted(
            (
                m
                for m in self.state.media.values()
                if m.account_id == found[1].id
                and (since is None or m.created >= since)
                and (until is None or m.created <= until)
            ),
            key=lambda m: m.created,
            reverse=True,
        )
        return page_of(call, [self.get_media(call, m) for m in media])

    # -- blocking, moderation, subscriptions -------------------------------------------------------

    def _ids_param(self, call: Call) -> list[str]:
        ids: list[str] = []
        for key in ("user", "uid", "psid", "asid"):
            ids.extend(as_id_list(call.params.get(key)))
        return ids

    def get_blocked(self, call: Call, page: PageConfig) -> dict[str, Any]:
        blocked = self.state.blocked.get(page.id, {})
        wanted = set(self._ids_param(call))
        data = [
            {"id": uid, "name": name}
            for uid, name in blocked.items()
            if not wanted or uid in wanted
        ]
        return page_of(call, data)

    def block(self, call: Call, page: PageConfig) -> dict[str, Any]:
        ids = self._ids_param(call)
        if not ids:
            raise err.invalid_param("One of the parameters asid, psid, uid or user is required")
        result = {}
        for uid in ids:
            who = self.state.people.get(uid)
            if who:
                self.state.blocked.setdefault(page.id, {})[uid] = who.name
            result[uid] = who is not None
        return result

    def unblock(self, call: Call, page: PageConfig) -> dict[str, Any]:
        ids = self._ids_param(call)
        if len(ids) != 1:
            raise err.invalid_param(
                "Exactly one of the parameters asid, psid, uid or user is required"
            )
        self.state.blocked.get(page.id, {}).pop(ids[0], None)
        return {"success": True}

    def moderate_conversations(self, call: Call, page: PageConfig) -> dict[str, Any]:
        users = call.params.get("user_ids")
        actions = call.params.get("actions")
        if not isinstance(users, list) or not 1 <= len(users) <= 10:
            raise err.invalid_param("Param user_ids must be a list of 1 to 10 objects with an id")
        if (
            not isinstance(actions, list)
            or not 1 <= len(actions) <= 2
            or set(actions) - MODERATION_ACTIONS
        ):
            raise err.invalid_param(f"Param actions must be 1 or 2 of {sorted(MODERATION_ACTIONS)}")
        for user in users:
            uid = str(user.get("id") if isinstance(user, dict) else user)
            for action in actions:
                self._moderate(page, uid, action)
        return {"success": True}

    def _moderate(self, page: PageConfig, uid: str, action: str) -> None:
        blocked = self.state.blocked.setdefault(page.id, {})
        who = self.state.people.get(uid)
        if action in ("block_user", "ban_user"):
            blocked[uid] = who.name if who else uid
        elif action in ("unblock_user", "unban_user"):
            blocked.pop(uid, None)
        else:
            self.state.spam_threads.add((page.id, uid))

    def get_subscriptions(self, call: Call, page: PageConfig) -> dict[str, Any]:
        fields = self.state.subscriptions.get(page.id)
        if fields is None:
            return {"data": []}
        world = self.state.world
        return {"data": [{"id": world.app_id, "name": world.app_name, "subscribed_fields": fields}]}

    def subscribe(self, call: Call, page: PageConfig) -> dict[str, Any]:
        fields = as_id_list(call.params.get("subscribed_fields"))
        if not fields:
            raise err.invalid_param("Param subscribed_fields must be non-empty")
        self.state.subscriptions[page.id] = fields
        return {"success": True}

    def unsubscribe(self, call: Call, page: PageConfig) -> dict[str, Any]:
        self.state.subscriptions.pop(page.id, None)
        return {"success": True}
