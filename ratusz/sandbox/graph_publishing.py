"""Publishing: Page posts with photos and videos, scheduled posts, Instagram media containers.

Facebook: `POST /{page-id}/feed` (text, link, `attached_media` of unpublished photos, scheduling),
`POST /{page-id}/photos`, `POST /{page-id}/videos` and `POST /{video-id}/captions`. Scheduled posts
become published when a request arrives after their time (`publish_due`), with the feed webhook.
Whatever goes live is announced on the call (`Call.announce`) so residents may react to it
(`residents.py`, `--residents-react`).

Instagram: `POST /{ig-user-id}/media` makes a container (image, REELS video, carousel item or
CAROUSEL), `GET /{container-id}?fields=status_code` reads it (FINISHED at once),
`POST /{ig-user-id}/media_publish` turns it into media, at most 100 times in a moving 24 hours
(`GET /{ig-user-id}/content_publishing_limit`). Instagram has no scheduled publishing.
"""

from __future__ import annotations

import re
from typing import Any

from . import errors as err
from . import payloads as pl
from .graph_base import DAY, Call, as_bool, as_id_list, page_of, parse_fields, parse_time, select
from .state import Caption, Container, Media, Photo, Post, SandboxState, Video
from .util import iso_time
from .world import PageConfig
from .wsgi_io import decode_value

IG_QUOTA_TOTAL = 100
IG_QUOTA_DURATION = int(DAY)
IG_CAPTION_CHARS = 2200
CAROUSEL_CHILDREN = (2, 10)
CONTAINER_LIFETIME = DAY
LOCALE = re.compile(r"^[a-z]{2}_[A-Z]{2}$")
CONTAINER_STATUS = {
    "FINISHED": "Finished: Media has been uploaded and it is complete to publish.",
    "PUBLISHED": "Published: Media has been published.",
    "EXPIRED": "Expired: The container was not published within 24 hours and has expired.",
    "IN_PROGRESS": "In Progress: Media is still being processed.",
    "ERROR": "Error: Media upload has failed.",
}


def requires_upload() -> err.GraphError:
    return err.GraphError("(#324) Requires upload file", code=324)


def time_param(call: Call, name: str) -> float | None:
    value = call.params.get(name)
    if value in (None, ""):
        return None
    try:
        return parse_time(value)
    except err.GraphError:
        raise err.invalid_param(f"Param {name} must be a UNIX timestamp or a date") from None


class PublishingRoutes:
    state: SandboxState

    # -- Facebook: posts -----------------------------------------------------------------------

    def _schedule(self, call: Call) -> tuple[bool, int | None]:
        """`published` (default true) and `scheduled_publish_time` (10 minutes to 30 days ahead,
        only on an unpublished post)."""
        published = as_bool(call.params.get("published", True), "published")
        scheduled = call.params.get("scheduled_publish_time")
        if scheduled in (None, ""):
            return published, None
        if published:
            raise err.invalid_param(
                "You cannot specify a scheduled publish time on a published post"
            )
        scheduled_for = int(parse_time(scheduled))
        if not call.now + 600 <= scheduled_for <= call.now + 30 * DAY:
            raise err.invalid_param("The specified scheduled publish time is invalid.")
        return published, scheduled_for

    def _new_post(
        self,
        call: Call,
        page: PageConfig,
        post_id: str,
        message: str,
        *,
        published: bool,
        scheduled_for: int | None,
        link: str | None = None,
        status_type: str = "mobile_status_update",
        photos: list[Photo] | None = None,
        video: Video | None = None,
    ) -> Post:
        post = Post(
            post_id,
            page.id,
            message,
            call.now,
            status_type=status_type,
            link=link,
            published=published,
            scheduled_for=scheduled_for,
            photo_ids=[p.id for p in photos or []],
            video_id=video.id if video else None,
        )
        self.state.posts[post.id] = post
        for photo in photos or []:
            photo.post_id, photo.published = post.id, published
        if video:
            video.post_id, video.published = post.id, published
        if published:
            call.deliver(*self._post_added(post))
            call.announce("facebook", post.id)
        return post

    def _post_added(self, post: Post) -> tuple[pl.Json, str]:
        """The feed `add` webhook of a post that has just been published."""
        page = self.state.page(post.page_id)
        assert page is not None
        photos = [self.state.photos[i] for i in post.photo_ids if i in self.state.photos]
        video = self.state.videos.get(post.video_id) if post.video_id else None
        extra: dict[str, Any] = {"link": post.link}
        if video:
            extra = {"item": "video", "video_id": video.id, "link": video.file_url}
        elif len(photos) == 1:
            extra = {"item": "photo", "photo_id": photos[0].id, "link": photos[0].url}
        elif photos:
            extra["photos"] = [p.url for p in photos]
        when = int(post.created)
        value = pl.feed_post_value(
            "add",
            post_id=post.id,
            author={"id": page.id, "name": page.name},
            created_time=when,
            message=post.message,
            **extra,
        )
        return pl.page_change(page.id, value, when), f"feed post add: {post.message}"[:80]

    def publish(self, call: Call, page: PageConfig) -> dict[str, Any]:
        message, link = call.params.get("message"), call.params.get("link")
        photos = self._attached_photos(call, page)
        if not message and not link and not photos:
            raise err.invalid_param("Missing message or attachment")
        published, scheduled_for = self._schedule(call)
        status_type = "mobile_status_update"
        if photos:
            status_type = "added_photos"
        elif link:
            status_type = "shared_story"
        post = self._new_post(
            call,
            page,
            f"{page.id}_{self.state.ids.object_part()}",
            str(message or ""),
            published=published,
            scheduled_for=scheduled_for,
            link=link,
            status_type=status_type,
            photos=photos,
        )
        return {"id": post.id}

    def _attached_photos(self, call: Call, page: PageConfig) -> list[Photo]:
        """`attached_media[0]={"media_fbid": ...}`, ... (form) or a JSON array: unpublished photos
        of this Page, each attached to one post only."""
        raw = call.params.get("attached_media")
        if raw in (None, "", [], {}):
            return []
        if isinstance(raw, dict):
            try:
                items = [raw[key] for key in sorted(raw, key=int)]
            except ValueError:
                raise err.invalid_param("Param attached_media must be an array") from None
        elif isinstance(raw, list):
            items = raw
        else:
            raise err.invalid_param("Param attached_media must be an array")
        photos: list[Photo] = []
        for index, item in enumerate(items):
            item = decode_value(item)
            fbid = str(item.get("media_fbid", "")) if isinstance(item, dict) else ""
            photo = self.state.photos.get(fbid)
            if (
                photo is None
                or photo.page_id != page.id
                or photo.post_id is not None
                or photo.published
                or photo in photos
            ):
                raise err.invalid_param(
                    f"param attached_media[{index}] must be an unpublished photo of this Page "
                    f"(media_fbid {fbid!r})"
                )
            photos.append(photo)
        return photos

    def publish_due(self) -> list[tuple[str, pl.Json, str]]:
        """Publish scheduled posts whose time has come; returns (post id, feed webhook, summary)
        for each."""
        now = self.state.clock()
        due = sorted(
            (
                p
                for p in self.state.posts.values()
                if not p.published
                and not p.deleted
                and p.scheduled_for is not None
                and p.scheduled_for <= now
            ),
            key=lambda p: p.scheduled_for or 0,
        )
        webhooks = []
        for post in due:
            post.published, post.created = True, float(post.scheduled_for or now)
            for photo_id in post.photo_ids:
                if photo := self.state.photos.get(photo_id):
                    photo.published = True
            if post.video_id and (video := self.state.videos.get(post.video_id)):
                video.published = True
            webhooks.append((post.id, *self._post_added(post)))
        return webhooks

    def _attachments(self, post: Post) -> dict[str, Any] | None:
        photos = [self.state.photos[i] for i in post.photo_ids if i in self.state.photos]
        if post.video_id and (video := self.state.videos.get(post.video_id)):
            item = {"type": "video_inline", "target": {"id": video.id}, "url": video.file_url}
            return {"data": [item]}
        items = [
            {
                "type": "photo",
                "target": {"id": p.id},
                "media": {"image": {"src": p.url}},
                "description": p.alt_text_custom,
            }
            for p in photos
        ]
        if len(items) > 1:
            return {"data": [{"type": "album", "subattachments": {"data": items}}]}
        if items:
            return {"data": items}
        if post.link:
            return {"data": [{"type": "share", "url": post.link}]}
        return None

    def scheduled_posts(self, call: Call, page: PageConfig) -> dict[str, Any]:
        wanted = parse_fields(
            call.params.get("fields"), ["created_time", "message", "scheduled_publish_time", "id"]
        )
        posts = sorted(
            (
                p
                for p in self.state.posts.values()
                if p.page_id == page.id
                and not p.deleted
                and not p.published
                and p.scheduled_for is not None
            ),
            key=lambda p: p.scheduled_for or 0,
        )
        return page_of(call, [self._post_json(p, wanted) for p in posts])

    def _post_json(self, post: Post, wanted: list[str]) -> dict[str, Any]:
        page = self.state.page(post.page_id)
        available = {
            "id": post.id,
            "message": post.message or None,
            "created_time": iso_time(post.created),
            "permalink_url": post.permalink,
            "is_published": post.published,
            "status_type": post.status_type,
            "link": post.link,
            "scheduled_publish_time": post.scheduled_for,
            "from": {"id": page.id, "name": page.name} if page else None,
            "attachments": self._attachments(post),
            "full_picture": next(
                (self.state.photos[i].url for i in post.photo_ids if i in self.state.photos), None
            ),
        }
        return select(available, wanted, "PagePost")

    # -- Facebook: photos and videos -----------------------------------------------------------

    def publish_photo(self, call: Call, page: PageConfig) -> dict[str, Any]:
        """`url` (multipart `source` is not simulated), `caption`/`message`, `published`,
        `alt_text_custom`, `temporary`; published photos make a post `{page-id}_{photo-id}`."""
        url = call.params.get("url")
        if not url:
            raise requires_upload()
        caption = str(call.params.get("caption") or call.params.get("message") or "")
        published, scheduled_for = self._schedule(call)
        alt = call.params.get("alt_text_custom")
        photo = Photo(
            self.state.ids.object_part(),
            page.id,
            str(url),
            caption,
            call.now,
            alt_text_custom=str(alt) if alt not in (None, "") else None,
            temporary=as_bool(call.params.get("temporary", False), "temporary"),
        )
        self.state.photos[photo.id] = photo
        if not published and scheduled_for is None:
            return {"id": photo.id}
        post = self._new_post(
            call,
            page,
            f"{page.id}_{photo.id}",
            caption,
            published=published,
            scheduled_for=scheduled_for,
            status_type="added_photos",
            photos=[photo],
        )
        return {"id": photo.id, "post_id": post.id}

    def get_photo(self, call: Call, photo: Photo) -> dict[str, Any]:
        available = {
            "id": photo.id,
            "name": photo.caption or None,
            "alt_text": "Może być zdjęciem",  # Meta's automatic alt text
            "alt_text_custom": photo.alt_text_custom,
            "link": f"https://www.facebook.com/photo/?fbid={photo.id}",
            "images": [{"source": photo.url}],
            "created_time": iso_time(photo.created),
            "page_story_id": photo.post_id if photo.published else None,
        }
        return select(
            available, parse_fields(call.params.get("fields"), ["created_time", "id"]), "Photo"
        )

    def publish_video(self, call: Call, page: PageConfig) -> dict[str, Any]:
        """`file_url`, `description`, `title`, `published`, `scheduled_publish_time`; the post of
        a published video is `{page-id}_{video-id}`."""
        file_url = call.params.get("file_url")
        if not file_url:
            raise requires_upload()
        published, scheduled_for = self._schedule(call)
        video = Video(
            self.state.ids.object_part(),
            page.id,
            str(file_url),
            str(call.params.get("description") or ""),
            str(call.params.get("title") or ""),
            call.now,
        )
        self.state.videos[video.id] = video
        if published or scheduled_for is not None:
            self._new_post(
                call,
                page,
                f"{page.id}_{video.id}",
                video.description,
                published=published,
                scheduled_for=scheduled_for,
                status_type="added_video",
                video=video,
            )
        return {"id": video.id}

    def get_video(self, call: Call, video: Video) -> dict[str, Any]:
        available = {
            "id": video.id,
            "description": video.description or None,
            "title": video.title or None,
            "source": video.file_url,
            "created_time": iso_time(video.created),
            "published": video.published,
            "post_id": video.post_id,
            "permalink_url": f"/{video.page_id}/videos/{video.id}/",
        }
        return select(
            available,
            parse_fields(call.params.get("fields"), ["created_time", "description", "id"]),
            "Video",
        )

    def add_captions(self, call: Call, video: Video) -> dict[str, Any]:
        """Meta takes a `captions_file` upload (an .srt named with its locale); the sandbox takes
        `captions_url` (or the file's name in `captions_file`) and `locale`, e.g. pl_PL."""
        source = call.params.get("captions_url") or call.params.get("captions_file")
        if not source:
            raise err.invalid_param("The parameter captions_file is required")
        locale = str(call.params.get("locale") or "")
        if not LOCALE.match(locale):
            raise err.invalid_param("Param locale must be a locale such as pl_PL")
        video.captions = [c for c in video.captions if c.locale != locale]
        default = as_bool(call.params.get("is_default", not video.captions), "is_default")
        if default:
            for caption in video.captions:
                caption.is_default = False
        video.captions.append(Caption(locale, str(source), call.now, is_default=default))
        return {"success": True}

    def list_captions(self, call: Call, video: Video) -> dict[str, Any]:
        data = [
            {
                "locale": c.locale,
                "is_default": c.is_default,
                "is_auto_generated": False,
                "create_time": iso_time(c.created),
                "uri": c.url,
            }
            for c in video.captions
        ]
        return page_of(call, data)

    # -- Instagram: containers and publishing --------------------------------------------------

    def create_container(self, call: Call, found: Any) -> dict[str, Any]:
        _page, account = found
        params = call.params
        media_type = str(params.get("media_type") or "").upper()
        carousel_item = as_bool(params.get("is_carousel_item", False), "is_carousel_item")
        caption = str(params.get("caption") or "")
        if len(caption) > IG_CAPTION_CHARS:
            raise err.invalid_param(
                f"The caption is too long: at most {IG_CAPTION_CHARS} characters"
            )
        image_url, video_url = params.get("image_url"), params.get("video_url")
        children: list[Container] = []
        if media_type == "CAROUSEL":
            if carousel_item:
                raise err.invalid_param("A carousel cannot be a carousel item")
            children = self._carousel_children(call, account.id)
            kind = "CAROUSEL"
        elif media_type in ("REELS", "VIDEO"):
            if not video_url:
                raise err.invalid_param("The parameter video_url is required")
            if media_type == "VIDEO" and not carousel_item:
                raise err.invalid_param(
                    "The VIDEO media type is no longer supported for single posts: use REELS"
                )
            kind = "VIDEO" if carousel_item else "REELS"
        elif media_type in ("", "IMAGE"):
            if not image_url:
                raise err.invalid_param("The parameter image_url is required")
            kind = "IMAGE"
        else:
            raise err.invalid_param("Param media_type must be one of IMAGE, REELS, CAROUSEL, VIDEO")
        alt = params.get("alt_text")
        container = Container(
            self.state.ids.ig_object_id(),
            account.id,
            kind,
            call.now,
            caption="" if carousel_item else caption,
            image_url=str(image_url) if kind == "IMAGE" else None,
            video_url=str(video_url) if kind in ("REELS", "VIDEO") else None,
            alt_text=str(alt) if alt not in (None, "") and kind == "IMAGE" else None,
            children=[c.id for c in children],
            is_carousel_item=carousel_item,
        )
        if kind in ("REELS", "VIDEO"):
            container.ready_at = call.now + self.state.ig_video_processing_seconds
        for child in children:
            child.used_in = container.id
        self.state.containers[container.id] = container
        return {"id": container.id}

    def _carousel_children(self, call: Call, account_id: str) -> list[Container]:
        ids = as_id_list(call.params.get("children"))
        low, high = CAROUSEL_CHILDREN
        if not low <= len(ids) <= high:
            raise err.invalid_param(f"Param children must hold {low} to {high} container ids")
        children = []
        for index, child_id in enumerate(ids):
            child = self.state.containers.get(child_id)
            if (
                child is None
                or child.account_id != account_id
                or not child.is_carousel_item
                or child.used_in is not None
                or child in children
                or self._container_status(child) != "FINISHED"
            ):
                raise err.invalid_param(
                    f"Param children[{index}] must be an unused carousel item container "
                    f"of this account ({child_id!r})"
                )
            children.append(child)
        return children

    def _container_status(self, container: Container) -> str:
        now = self.state.clock()
        if container.status_code != "FINISHED":
            return container.status_code
        if now - container.created > CONTAINER_LIFETIME:
            return "EXPIRED"
        return "IN_PROGRESS" if now < container.ready_at else "FINISHED"

    def get_container(self, call: Call, container: Container) -> dict[str, Any]:
        status = self._container_status(container)
        available = {
            "id": container.id,
            "status_code": status,
            "status": CONTAINER_STATUS.get(status, status),
        }
        return select(
            available, parse_fields(call.params.get("fields"), ["id"]), "ShadowIGMediaBuilder"
        )

    def publish_container(self, call: Call, found: Any) -> dict[str, Any]:
        _page, account = found
        creation_id = str(call.params.get("creation_id") or "")
        if not creation_id:
            raise err.invalid_param("The parameter creation_id is required.")
        container = self.state.containers.get(creation_id)
        status = self._container_status(container) if container else ""
        if status == "IN_PROGRESS":
            raise err.ig_media_not_ready()
        if (
            container is None
            or container.account_id != account.id
            or container.is_carousel_item
            or status != "FINISHED"
        ):
            raise err.ig_container_missing(creation_id)
        if self._quota_usage(account.id, call.now - DAY) >= IG_QUOTA_TOTAL:
            raise err.ig_publish_limit()
        children = [self.state.containers[c] for c in container.children]
        media = Media(
            self.state.ids.ig_object_id(),
            account.id,
            container.caption,
            call.now,
            media_product_type="REELS" if container.media_type == "REELS" else "FEED",
            media_type={"CAROUSEL": "CAROUSEL_ALBUM", "REELS": "VIDEO"}.get(
                container.media_type, container.media_type
            ),
            media_url=container.image_url
            or container.video_url
            or (children[0].image_url or children[0].video_url if children else None),
            alt_text=container.alt_text,
            children=[self.state.ids.ig_object_id() for _ in children],
            container_id=container.id,
        )
        self.state.media[media.id] = media
        self.state.ig_published.append((account.id, call.now))
        container.status_code, container.media_id = "PUBLISHED", media.id
        call.announce("instagram", media.id)
        return {"id": media.id}

    def _quota_usage(self, account_id: str, since: float) -> int:
        return sum(1 for who, when in self.state.ig_published if who == account_id and when > since)

    def publishing_limit(self, call: Call, found: Any) -> dict[str, Any]:
        _page, account = found
        since = time_param(call, "since")
        window_start = call.now - DAY if since is None else max(since, call.now - DAY)
        available = {
            "quota_usage": self._quota_usage(account.id, window_start),
            "config": {"quota_total": IG_QUOTA_TOTAL, "quota_duration": IG_QUOTA_DURATION},
        }
        wanted = parse_fields(call.params.get("fields"), ["quota_usage"])
        return {"data": [select(available, wanted, "ContentPublishingLimitResponse")]}
