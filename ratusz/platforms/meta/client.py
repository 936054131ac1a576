"""A small Graph API client for the calls Ratusz makes, with Meta's error semantics."""

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
from django.utils.translation import gettext as _

# What the caller should do with a failed call.
RETRY = "retry"  # transient: try again later with backoff
RATE_LIMITED = "rate_limited"  # back off for longer, then retry
STOP = "stop"  # the request itself cannot succeed (window closed, permission, duplicate...)
TOKEN = "token"  # noqa: S105 - the Page connection is broken; staff must reconnect
UNKNOWN = "unknown"  # no answer: the call may or may not have taken effect

RATE_LIMIT_CODES = {4, 17, 32, 341, 613, 80001, 80002, 80006}
TRANSIENT_CODES = {1, 2}
TOKEN_CODES = {102, 190}


@dataclass
class GraphError(Exception):
    message: str
    code: int = 0
    subcode: int = 0
    type: str = ""
    http_status: int = 0
    is_transient: bool = False
    user_message: str = ""
    fbtrace_id: str = ""
    retry_after_seconds: int = 0
    outcome: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        super().__init__(self.message)
        if not self.outcome:
            self.outcome = classify(self)

    def __str__(self) -> str:
        code = f"#{self.code}" + (f"/{self.subcode}" if self.subcode else "")
        return f"{code} {self.message}" if self.code else self.message


# Instagram content publishing: 100 API-published posts in a moving 24 hours (code 9), and a
# container whose media is not processed yet (code 9007).
IG_PUBLISH_LIMIT_SUBCODE = 2207042
IG_MEDIA_NOT_READY_SUBCODE = 2207027


def classify(error: GraphError) -> str:
    if error.code in TOKEN_CODES:
        return TOKEN
    if (
        error.code in RATE_LIMIT_CODES
        or error.subcode in (2534040, IG_PUBLISH_LIMIT_SUBCODE)
    ):
        return RATE_LIMITED
    if (
        error.code in TRANSIENT_CODES
        or error.is_transient
        or error.http_status >= 500
        or error.subcode == IG_MEDIA_NOT_READY_SUBCODE
    ):
        return RETRY
    return STOP


def _normalise(text: str) -> str:
    return " ".join(str(text or "").split())


def _same_text(published: str, wanted: str) -> bool:
    """Whitespace aside, the same text, or the text with a link appended (see `_with_link`)."""
    published, wanted = _normalise(published), _normalise(wanted)
    if not wanted:
        return False
    if published == wanted:
        return True
    rest = published[len(wanted):].strip() if published.startswith(wanted) else ""
    return rest.startswith(("http://", "https://")) and " " not in rest


def _with_link(message: str, link: str) -> str:
    """Posts with photos or a video cannot carry `link`: the link goes at the end of the text."""
    if not link or link in message:
        return message
    return f"{message.rstrip()}\n\n{link}" if message.strip() else link


def _timestamp(value: Any) -> float | None:
    try:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        return None


def _retry_after(headers: httpx.Headers) -> int:
    """Minutes Meta says to wait, from `X-Business-Use-Case-Usage`, in seconds."""
    try:
        usage = json.loads(headers.get("x-business-use-case-usage", "{}"))
        waits = [
            int(item.get("estimated_time_to_regain_access") or 0)
            for items in usage.values() if isinstance(items, list)
            for item in items if isinstance(item, dict)
        ]
    except (ValueError, AttributeError, TypeError):
        return 0
    return max(waits, default=0) * 60


def _error_from_response(response: httpx.Response) -> GraphError:
    try:
        body = response.json()
        err = body.get("error", {}) if isinstance(body, dict) else {}
    except ValueError:
        err = {}
    if not isinstance(err, dict):
        err = {}
    return GraphError(
        message=str(err.get("message") or f"HTTP {response.status_code}"),
        code=int(err.get("code") or 0) if str(err.get("code") or "0").isdigit() else 0,
        subcode=int(err.get("error_subcode") or 0)
        if str(err.get("error_subcode") or "0").isdigit() else 0,
        type=str(err.get("type") or ""),
        http_status=response.status_code,
        is_transient=err.get("is_transient") is True,
        user_message=str(err.get("error_user_msg") or ""),
        fbtrace_id=str(err.get("fbtrace_id") or ""),
        retry_after_seconds=_retry_after(response.headers),
    )


class GraphClient:
    """Calls one Graph API base URL with one access token."""

    def __init__(self, base_url: str, token: str, *, timeout: float = 10.0,
                 transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 poll_tries: int = 5, poll_delay: float = 2.0) -> None:
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/", timeout=timeout, transport=transport,
            headers={"Authorization": f"Bearer {token}"},
        )
        self._sleep = sleep
        self.poll_tries = max(1, poll_tries)
        self.poll_delay = poll_delay

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "GraphClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                json_body: dict[str, Any] | None = None,
                data: dict[str, Any] | None = None) -> dict[str, Any]:
        """One call; `data` is sent form-encoded (Graph's own way, e.g. `attached_media[0]`)."""
        try:
            response = self._client.request(method, path.lstrip("/"), params=params,
                                            json=json_body, data=data)
        except httpx.TimeoutException as exc:
            raise GraphError(_("Meta's Graph API did not answer in time."),
                             outcome=UNKNOWN) from exc
        except httpx.HTTPError as exc:
            # The request never reached Meta, so retrying cannot post twice.
            raise GraphError(_("Meta's Graph API cannot be reached."), outcome=RETRY) from exc
        if response.status_code >= 400:
            error = _error_from_response(response)
            if method != "GET" and response.status_code >= 500:
                # A server error after the request arrived: Meta may have done it anyway.
                error.outcome = UNKNOWN
            raise error
        try:
            data = response.json()
        except ValueError as exc:
            raise GraphError(_("Meta's Graph API gave an answer that cannot be read."),
                             http_status=response.status_code, outcome=UNKNOWN) from exc
        return data if isinstance(data, dict) else {"data": data}

    # The calls Ratusz makes, named after what they do.

    def send_message(self, account_id: str, *, recipient: dict[str, str], text: str,
                     messaging_type: str = "RESPONSE", tag: str = "",
                     metadata: str = "") -> dict[str, Any]:
        body: dict[str, Any] = {
            "recipient": recipient, "messaging_type": messaging_type,
            "message": {"text": text},
        }
        if tag:
            body["tag"] = tag
        if metadata:
            body["message"]["metadata"] = metadata
        return self.request("POST", f"{account_id}/messages", json_body=body)

    def reply_to_comment(self, object_id: str, text: str, *, instagram: bool) -> dict[str, Any]:
        edge = "replies" if instagram else "comments"
        return self.request("POST", f"{object_id}/{edge}", json_body={"message": text})

    def set_comment_hidden(self, comment_id: str, hidden: bool, *,
                           instagram: bool) -> dict[str, Any]:
        """Facebook takes `is_hidden`, Instagram takes `hide`; both answer {"success": true}."""
        field = "hide" if instagram else "is_hidden"
        return self.request("POST", comment_id, json_body={field: hidden})

    def delete_comment(self, comment_id: str) -> dict[str, Any]:
        """Facebook and Instagram alike: DELETE /{comment-id} -> {"success": true}."""
        return self.request("DELETE", comment_id)

    def set_blocked(self, page_id: str, user_id: str, blocked: bool, *, id_kind: str,
                    instagram: bool) -> dict[str, Any]:
        """Block or unblock a person on the Page. Facebook: the Page's `blocked` edge, which
        takes a PSID (`psid`, from Messenger) or a commenter's id (`user`). Instagram: the
        Moderate Conversations API (`block_user` / `unblock_user`, IGSID)."""
        if instagram:
            return self.request("POST", f"{page_id}/moderate_conversations", json_body={
                "user_ids": [{"id": user_id}],
                "actions": ["block_user" if blocked else "unblock_user"]})
        key = id_kind if id_kind in {"psid", "user", "uid", "asid"} else "user"
        if blocked:
            return self.request("POST", f"{page_id}/blocked", json_body={key: [user_id]})
        return self.request("DELETE", f"{page_id}/blocked", params={key: user_id})

    def set_comments_enabled(self, media_id: str, enabled: bool) -> dict[str, Any]:
        """Instagram media: POST /{ig-media-id} comment_enabled=true|false."""
        return self.request("POST", media_id, json_body={"comment_enabled": enabled})

    def list_comments(self, object_id: str, *, instagram: bool,
                      limit: int = 100) -> list[dict[str, Any]]:
        """Replies under a comment (or comments on a post), newest first where supported."""
        if instagram:
            data = self.request("GET", f"{object_id}/replies", params={
                "fields": "id,text,username,from,timestamp", "limit": limit})
        else:
            data = self.request("GET", f"{object_id}/comments", params={
                "fields": "id,from,message,created_time,parent", "limit": limit,
                "order": "reverse_chronological", "filter": "stream"})
        return [c for c in data.get("data", []) if isinstance(c, dict)]

    def get_object(self, object_id: str, fields: str) -> dict[str, Any]:
        return self.request("GET", object_id, params={"fields": fields})

    # Publishing.

    def publish_page_post(self, page_id: str, *, message: str, link: str = "",
                          photos: Sequence[dict[str, str]] = (),
                          video: dict[str, str] | None = None,
                          scheduled_at: int | None = None) -> dict[str, Any]:
        """Publish (or schedule, `scheduled_at` = UNIX time 10 minutes to 30 days ahead) a Page
        post: text with an optional link, photos ({"url", "alt"}: uploaded unpublished with their
        alt text, then attached to one `/feed` post) or a video ({"url", "title",
        "captions_url"}). Returns {"id": page post id, "photo_ids": [...], "video_id": ...}.

        Once the post exists nothing raises: a failed captions upload is reported as
        "captions_error", so that a caller retrying on an error never posts twice.
        """
        schedule: dict[str, str] = {}
        if scheduled_at is not None:
            schedule = {"published": "false", "scheduled_publish_time": str(int(scheduled_at))}
        if video:
            return self._publish_page_video(page_id, _with_link(message, link), video, schedule)
        photo_ids = [self._upload_photo(page_id, photo, temporary=bool(schedule))
                     for photo in photos]
        form: dict[str, str] = {"message": _with_link(message, link) if photo_ids else message}
        if link and not photo_ids:
            form["link"] = link
        for index, photo_id in enumerate(photo_ids):
            form[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        form.update(schedule)
        data = self.request("POST", f"{page_id}/feed", data=form)
        return {"id": str(data.get("id") or ""), "photo_ids": photo_ids, "video_id": ""}

    def _upload_photo(self, page_id: str, photo: dict[str, str], *, temporary: bool) -> str:
        """An unpublished photo, to be attached to a post; `temporary` for scheduled posts."""
        form = {"url": photo["url"], "published": "false"}
        if photo.get("alt"):
            form["alt_text_custom"] = photo["alt"]
        if temporary:
            form["temporary"] = "true"
        return str(self.request("POST", f"{page_id}/photos", data=form)["id"])

    def _publish_page_video(self, page_id: str, description: str, video: dict[str, str],
                            schedule: dict[str, str]) -> dict[str, Any]:
        form = {"file_url": video["url"], "description": description}
        if video.get("title"):
            form["title"] = video["title"]
        form.update(schedule)
        video_id = str(self.request("POST", f"{page_id}/videos", data=form)["id"])
        # A video's post is `{page-id}_{video-id}`.
        result: dict[str, Any] = {"id": f"{page_id}_{video_id}", "photo_ids": [],
                                  "video_id": video_id}
        if video.get("captions_url"):
            try:
                self.request("POST", f"{video_id}/captions", data={
                    "captions_url": video["captions_url"],
                    "locale": video.get("captions_locale") or "pl_PL"})
            except GraphError as exc:
                result["captions_error"] = str(exc)
        return result

    def publish_instagram(self, ig_user_id: str, *, caption: str,
                          images: Sequence[dict[str, str]] = (),
                          video: dict[str, str] | None = None) -> dict[str, Any]:
        """Publish on Instagram now (the API cannot schedule): one image, a REELS video, or a
        carousel of several images (and the video). Makes the container, waits until its
        status_code is FINISHED, then publishes it. Returns {"id": media id, "container_id"}."""
        if not images and not video:
            raise ValueError("An Instagram post needs an image or a video.")
        media = f"{ig_user_id}/media"
        if video and not images:
            container = self._container(media, {"media_type": "REELS", "video_url": video["url"],
                                                "caption": caption})
        elif len(images) == 1 and not video:
            container = self._container(media, {"image_url": images[0]["url"],
                                                "caption": caption}, alt=images[0].get("alt", ""))
        else:
            children = [self._container(media, {"image_url": image["url"],
                                                "is_carousel_item": "true"},
                                        alt=image.get("alt", ""))
                        for image in images]
            if video:
                child = self._container(media, {"media_type": "VIDEO", "video_url": video["url"],
                                                "is_carousel_item": "true"})
                self._wait_until_finished(child)
                children.append(child)
            container = self._container(media, {"media_type": "CAROUSEL",
                                                "children": ",".join(children),
                                                "caption": caption})
        self._wait_until_finished(container)
        data = self.request("POST", f"{ig_user_id}/media_publish",
                            data={"creation_id": container})
        return {"id": str(data.get("id") or ""), "container_id": container}

    def _container(self, path: str, form: dict[str, str], *, alt: str = "") -> str:
        if alt:
            form = {**form, "alt_text": alt}
        return str(self.request("POST", path, data=form)["id"])

    def _wait_until_finished(self, container_id: str) -> None:
        status = ""
        for attempt in range(self.poll_tries):
            if attempt:
                self._sleep(self.poll_delay)
            data = self.request("GET", container_id, params={"fields": "status_code"})
            status = str(data.get("status_code") or "")
            if status == "FINISHED":
                return
            if status in ("ERROR", "EXPIRED", "PUBLISHED"):
                raise GraphError(
                    _("Instagram could not prepare the media for publishing (status "
                      "%(status)s).") % {"status": status}, outcome=STOP)
        raise GraphError(_("Instagram is still processing the media; publishing will be "
                           "tried again."), outcome=RETRY)

    def find_page_post(self, page_id: str, message: str, since: int) -> str:
        """The id of a post with this text published (or scheduled) since `since` (UNIX time),
        to learn whether a call whose outcome is unknown took effect; "" if none."""
        fields = "id,message,created_time"
        for item in self._items(f"{page_id}/feed",
                                {"fields": fields, "since": int(since), "limit": 100}):
            created = _timestamp(item.get("created_time"))
            if created is not None and created < since:
                break
            if _same_text(item.get("message") or "", message):
                return str(item.get("id") or "")
        for item in self._items(f"{page_id}/scheduled_posts", {"fields": fields, "limit": 100}):
            created = _timestamp(item.get("created_time"))
            if (created is None or created >= since) and _same_text(item.get("message") or "",
                                                                    message):
                return str(item.get("id") or "")
        return ""

    def find_instagram_media(self, ig_user_id: str, caption: str, since: int) -> str:
        """The id of media with this caption published since `since`; "" if none."""
        for item in self._items(f"{ig_user_id}/media",
                                {"fields": "id,caption,timestamp", "since": int(since),
                                 "limit": 100}):
            created = _timestamp(item.get("timestamp"))
            if created is not None and created < since:
                break
            if _normalise(item.get("caption") or "") == _normalise(caption) and caption.strip():
                return str(item.get("id") or "")
        return ""

    def _items(self, path: str, params: dict[str, Any], pages: int = 3) -> Iterator[dict[str, Any]]:
        """The items of a list edge, newest first, following `after` cursors for a few pages."""
        params = dict(params)
        for _page in range(pages):
            data = self.request("GET", path, params=params)
            yield from (item for item in data.get("data", []) if isinstance(item, dict))
            paging = data.get("paging") if isinstance(data.get("paging"), dict) else {}
            after = (paging.get("cursors") or {}).get("after")
            if not after or not paging.get("next"):
                return
            params["after"] = after

    def delete_post(self, post_id: str) -> dict[str, Any]:
        """DELETE /{page-post-id} -> {"success": true}; scheduled posts are deleted the same way."""
        return self.request("DELETE", post_id)
