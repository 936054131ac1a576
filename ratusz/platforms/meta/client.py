"""A small Graph API client for the calls Ratusz makes, with Meta's error semantics."""

import json
from dataclasses import dataclass, field
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


def classify(error: GraphError) -> str:
    if error.code in TOKEN_CODES:
        return TOKEN
    if error.code in RATE_LIMIT_CODES or error.subcode == 2534040:
        return RATE_LIMITED
    if error.code in TRANSIENT_CODES or error.is_transient or error.http_status >= 500:
        return RETRY
    return STOP


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
                 transport: httpx.BaseTransport | None = None) -> None:
        self._client = httpx.Client(
            base_url=base_url.rstrip("/") + "/", timeout=timeout, transport=transport,
            headers={"Authorization": f"Bearer {token}"},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "GraphClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, method: str, path: str, *, params: dict[str, Any] | None = None,
                json_body: dict[str, Any] | None = None) -> dict[str, Any]:
        try:
            response = self._client.request(method, path.lstrip("/"), params=params,
                                            json=json_body)
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
