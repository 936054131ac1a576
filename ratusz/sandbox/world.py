"""The sandbox world: the office's Pages, linked Instagram accounts and existing posts (TOML)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .util import parse_duration

WORLDS_DIR = Path(__file__).parent / "worlds"
DEMO_WORLD = WORLDS_DIR / "demo.toml"


@dataclass(frozen=True)
class InstagramAccount:
    id: str
    username: str
    name: str


@dataclass(frozen=True)
class PageConfig:
    id: str
    name: str
    access_token: str
    token_expired: bool = False
    category: str = "Government organization"
    instagram: InstagramAccount | None = None


@dataclass(frozen=True)
class PostConfig:
    """A Page post; `id` is `{page-id}_{post-part}`, `created` an offset from start in seconds."""

    key: str
    id: str
    page_id: str
    message: str
    created: float
    status_type: str = "mobile_status_update"
    link: str | None = None


@dataclass(frozen=True)
class MediaConfig:
    key: str
    id: str
    account_id: str
    caption: str
    created: float
    media_product_type: str = "FEED"


@dataclass(frozen=True)
class CommentConfig:
    key: str
    on: str
    author: str
    text: str
    created: float
    parent: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class World:
    app_id: str
    app_name: str
    pages: tuple[PageConfig, ...]
    posts: tuple[PostConfig, ...] = ()
    media: tuple[MediaConfig, ...] = ()
    comments: tuple[CommentConfig, ...] = ()
    page_calls_per_hour: int = 4800
    app_calls_per_hour: int = 20000
    seed: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def default_page(self) -> PageConfig:
        return self.pages[0]

    def page(self, page_id: str) -> PageConfig | None:
        return next((p for p in self.pages if p.id == page_id), None)

    def post(self, key_or_id: str) -> PostConfig | None:
        return next((p for p in self.posts if key_or_id in (p.key, p.id)), None)

    def medium(self, key_or_id: str) -> MediaConfig | None:
        return next((m for m in self.media if key_or_id in (m.key, m.id)), None)

    def page_for_instagram(self, account_id: str) -> PageConfig | None:
        return next((p for p in self.pages if p.instagram and p.instagram.id == account_id), None)


def _page(raw: dict[str, Any]) -> PageConfig:
    ig = raw.get("instagram")
    account = None
    if ig:
        account = InstagramAccount(
            id=str(ig["id"]), username=ig["username"], name=ig.get("name", raw["name"])
        )
    return PageConfig(
        id=str(raw["id"]),
        name=raw["name"],
        access_token=raw["access_token"],
        token_expired=bool(raw.get("token_expired", False)),
        category=raw.get("category", "Government organization"),
        instagram=account,
    )


def _post(raw: dict[str, Any], default_page: str) -> PostConfig:
    page_id = str(raw.get("page", default_page))
    post_id = str(raw["id"])
    if "_" not in post_id:
        post_id = f"{page_id}_{post_id}"
    return PostConfig(
        key=raw["key"],
        id=post_id,
        page_id=page_id,
        message=raw["message"],
        created=parse_duration(raw.get("created", 0)),
        status_type=raw.get("status_type", "mobile_status_update"),
        link=raw.get("link"),
    )


def _media(raw: dict[str, Any], default_account: str | None) -> MediaConfig:
    account = raw.get("account", default_account)
    if not account:
        raise ValueError(f"media {raw.get('key')!r} has no Instagram account")
    return MediaConfig(
        key=raw["key"],
        id=str(raw["id"]),
        account_id=str(account),
        caption=raw.get("caption", ""),
        created=parse_duration(raw.get("created", 0)),
        media_product_type=raw.get("media_product_type", "FEED"),
    )


def _comment(raw: dict[str, Any], index: int) -> CommentConfig:
    return CommentConfig(
        key=raw.get("key", f"comment-{index}"),
        on=raw["on"],
        author=raw["author"],
        text=raw["text"],
        created=parse_duration(raw.get("created", 0)),
        parent=raw.get("parent"),
        hidden=bool(raw.get("hidden", False)),
    )


def world_from_dict(data: dict[str, Any]) -> World:
    pages = tuple(_page(p) for p in data.get("pages", []))
    if not pages:
        raise ValueError("a sandbox world needs at least one page")
    first_ig = pages[0].instagram.id if pages[0].instagram else None
    limits = data.get("limits", {})
    known = {"app", "pages", "posts", "media", "comments", "limits", "seed"}
    return World(
        app_id=str(data["app"]["id"]),
        app_name=data["app"].get("name", "Ratusz"),
        pages=pages,
        posts=tuple(_post(p, pages[0].id) for p in data.get("posts", [])),
        media=tuple(_media(m, first_ig) for m in data.get("media", [])),
        comments=tuple(_comment(c, i) for i, c in enumerate(data.get("comments", []))),
        page_calls_per_hour=int(limits.get("page_calls_per_hour", 4800)),
        app_calls_per_hour=int(limits.get("app_calls_per_hour", 20000)),
        seed=data.get("seed"),
        extra={k: v for k, v in data.items() if k not in known},
    )


def load_world(path: str | Path | None = None) -> World:
    """Load a world file; None or a bare name ("demo") means `ratusz/sandbox/worlds/{name}.toml`."""
    resolved = DEMO_WORLD if path is None else Path(path)
    if path is not None and not resolved.suffix and not resolved.exists():
        resolved = WORLDS_DIR / f"{path}.toml"
    with open(resolved, "rb") as fh:
        return world_from_dict(tomllib.load(fh))
