"""Comment routes for Facebook posts and Instagram media: read, reply, hide, delete."""

from __future__ import annotations

from typing import Any

from . import errors as err
from . import payloads as pl
from .graph_base import Call, as_bool, page_of, parse_fields, select
from .state import Comment, Post, SandboxState
from .util import iso_time


class CommentRoutes:
    state: SandboxState

    def _comment_json(self, comment: Comment, wanted: list[str]) -> dict[str, Any]:
        if comment.channel == "instagram":
            available: dict[str, Any] = {
                "id": comment.id,
                "text": comment.text,
                "timestamp": iso_time(comment.created),
                "username": comment.author_name,
                "hidden": comment.hidden,
                "like_count": 0,
                "from": {"id": comment.author_id, "username": comment.author_name},
                "parent_id": comment.parent_id,
                "media": {"id": comment.object_id},
            }
            return select(available, wanted, "IGComment")
        parent = self.state.comments.get(comment.parent_id) if comment.parent_id else None
        available = {
            "id": comment.id,
            "message": comment.text,
            "created_time": iso_time(comment.created),
            "from": {"id": comment.author_id, "name": comment.author_name},
            "is_hidden": comment.hidden,
            "can_hide": not comment.by_page,
            "permalink_url": self._comment_permalink(comment),
            "parent": {
                "id": parent.id,
                "created_time": iso_time(parent.created),
                "message": parent.text,
                "from": {"id": parent.author_id, "name": parent.author_name},
            }
            if parent
            else None,
            "comment_count": sum(
                1
                for c in self.state.comments.values()
                if c.parent_id == comment.id and not c.deleted
            ),
        }
        return select(available, wanted, "Comment")

    def _comment_permalink(self, comment: Comment) -> str:
        post = self.state.posts.get(comment.object_id)
        base = post.permalink if post else "https://www.facebook.com/"
        return f"{base}?comment_id={comment.id.split('_', 1)[-1]}"

    def list_comments(self, call: Call, obj: Any) -> dict[str, Any]:
        is_comment = isinstance(obj, Comment)
        instagram = obj.channel == "instagram" if is_comment else not isinstance(obj, Post)
        edge = call.request.segments[1]
        if is_comment and (edge == "replies") != instagram:
            raise err.nonexisting_field(edge, "IGComment" if instagram else "Comment")
        default = (
            ["timestamp", "text", "id"] if instagram else ["created_time", "from", "message", "id"]
        )
        wanted = parse_fields(call.params.get("fields"), default)
        stream = str(call.params.get("filter", "toplevel")) == "stream" and not instagram
        items = [
            c
            for c in self.state.comments.values()
            if not c.deleted and self._listed(c, obj, is_comment, stream)
        ]
        items.sort(key=lambda c: c.created)
        if str(call.params.get("order", "chronological")) == "reverse_chronological":
            items.reverse()
        return page_of(call, [self._comment_json(c, wanted) for c in items])

    @staticmethod
    def _listed(comment: Comment, obj: Any, is_comment: bool, stream: bool) -> bool:
        if is_comment:
            return comment.parent_id == obj.id
        return comment.object_id == obj.id and (stream or comment.parent_id is None)

    def add_comment(self, call: Call, obj: Any) -> dict[str, Any]:
        message = call.params.get("message")
        if not message and not (
            call.params.get("attachment_url") or call.params.get("attachment_id")
        ):
            raise err.invalid_param("Missing message or attachment")
        if isinstance(obj, Post):
            return self._fb_page_comment(call, obj.id, None, str(message or ""))
        if isinstance(obj, Comment) and obj.channel == "facebook":
            top = obj if obj.parent_id is None else self.state.comments.get(obj.parent_id, obj)
            return self._fb_page_comment(call, obj.object_id, top.id, str(message or ""))
        if isinstance(obj, Comment):
            if call.request.segments[1] != "replies":
                raise err.unsupported("post", obj.id)
            if obj.parent_id is not None:
                raise err.invalid_param("Replies can only be posted to top-level comments")
            if obj.hidden:
                raise err.invalid_param("Cannot reply to a hidden comment")
            return {
                "id": self.state.add_page_comment(
                    obj.object_id, "instagram", str(message), obj.id
                ).id
            }
        return {"id": self.state.add_page_comment(obj.id, "instagram", str(message), None).id}

    def _fb_page_comment(
        self, call: Call, post_id: str, parent_id: str | None, message: str
    ) -> dict[str, Any]:
        comment = self.state.add_page_comment(post_id, "facebook", message, parent_id)
        self._feed_comment(call, comment, "add")
        return {"id": comment.id}

    def _feed_comment(self, call: Call, comment: Comment, verb: str) -> None:
        post = self.state.posts[comment.object_id]
        now = int(call.now)
        value = pl.feed_comment_value(
            verb,
            comment_id=comment.id,
            post_id=post.id,
            parent_id=comment.parent_id or post.id,
            author={"id": comment.author_id, "name": comment.author_name},
            created_time=int(comment.created),
            message=comment.text,
            post=pl.post_ref(post.id, post.permalink, now, post.status_type),
        )
        call.deliver(
            pl.page_change(post.page_id, value, now), f"feed comment {verb}: {comment.text}"[:80]
        )

    def get_comment(self, call: Call, comment: Comment) -> dict[str, Any]:
        default = (
            ["timestamp", "text", "id"]
            if comment.channel == "instagram"
            else ["created_time", "from", "message", "id"]
        )
        return self._comment_json(comment, parse_fields(call.params.get("fields"), default))

    def update_comment(self, call: Call, comment: Comment) -> dict[str, Any]:
        own, other = (
            ("hide", "is_hidden") if comment.channel == "instagram" else ("is_hidden", "hide")
        )
        if other in call.params:
            raise err.invalid_param(f"Param {other} is not supported on this comment; use {own}")
        if own in call.params:
            return self._hide(call, comment, as_bool(call.params[own], own))
        if "message" in call.params and comment.channel == "facebook":
            if not comment.by_page:
                raise err.invalid_param("Only comments posted by the Page can be edited")
            comment.text = str(call.params["message"])
            self._feed_comment(call, comment, "edited")
            return {"success": True}
        raise err.invalid_param(f"Missing parameter: {own}")

    def _hide(self, call: Call, comment: Comment, hidden: bool) -> dict[str, Any]:
        if comment.by_page:
            who = "the Page" if comment.channel == "facebook" else "the account itself"
            raise err.GraphError(
                f"(#100) Comments posted by {who} cannot be hidden",
                code=100,
                user_title="Nie można ukryć komentarza",
                user_msg="Komentarzy opublikowanych przez stronę nie można ukrywać.",
            )
        changed = comment.hidden != hidden
        comment.hidden = hidden
        if changed and comment.channel == "facebook":
            self._feed_comment(call, comment, "hide" if hidden else "unhide")
        return {"success": True}

    def delete_comment(self, call: Call, comment: Comment) -> dict[str, Any]:
        comment.deleted = True
        if comment.channel == "facebook":
            self._feed_comment(call, comment, "remove")
        return {"success": True}
