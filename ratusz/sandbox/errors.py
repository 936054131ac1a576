"""Graph API errors shaped like Meta's error object (code, subcode, type, fbtrace_id, ...)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DOCS_URL = "https://developers.facebook.com/docs/graph-api"
RATE_URL = "https://developers.facebook.com/docs/graph-api/overview/rate-limiting"


@dataclass
class GraphError(Exception):
    message: str
    code: int
    type: str = "OAuthException"
    subcode: int | None = None
    status: int = 400
    transient: bool = False
    user_title: str | None = None
    user_msg: str | None = None

    def body(self, fbtrace_id: str) -> dict[str, Any]:
        error: dict[str, Any] = {"message": self.message, "type": self.type, "code": self.code}
        if self.subcode is not None:
            error["error_subcode"] = self.subcode
        if self.user_title:
            error["error_user_title"] = self.user_title
        if self.user_msg:
            error["error_user_msg"] = self.user_msg
        error["is_transient"] = self.transient
        error["fbtrace_id"] = fbtrace_id
        return {"error": error}


def unsupported(method: str, object_id: str) -> GraphError:
    return GraphError(
        f"Unsupported {method.lower()} request. Object with ID '{object_id}' does not exist, "
        f"cannot be loaded due to missing permissions, or does not support this operation. "
        f"Please read the Graph API "
        f"documentation at {DOCS_URL}",
        code=100,
        subcode=33,
        type="GraphMethodException",
    )


def invalid_param(message: str, subcode: int | None = None) -> GraphError:
    return GraphError(f"(#100) {message}", code=100, subcode=subcode)


def nonexisting_field(field: str, node_type: str) -> GraphError:
    return invalid_param(f"Tried accessing nonexisting field ({field}) on node type ({node_type})")


def missing_token() -> GraphError:
    return GraphError(
        "An access token is required to request this resource.", code=190, subcode=467
    )


def invalid_token() -> GraphError:
    return GraphError(
        "Invalid OAuth access token - Cannot parse access token",
        code=190,
        subcode=467,
        user_title="Nieprawidłowy token",
        user_msg="Token dostępu jest nieprawidłowy. Połącz stronę ponownie.",
    )


def expired_token(expired_at: str, now: str) -> GraphError:
    return GraphError(
        f"Error validating access token: Session has expired on {expired_at}. "
        f"The current time is {now}.",
        code=190,
        subcode=463,
        user_title="Session expired",
        user_msg="Please log in again.",
    )


def outside_window() -> GraphError:
    return GraphError(
        "(#10) This message is sent outside of allowed window. "
        "Learn more about the new policy here: "
        "https://developers.facebook.com/docs/messenger-platform/policy-overview",
        code=10,
        subcode=2018278,
    )


def private_reply_refused(reason: str) -> GraphError:
    return invalid_param(
        f"Private reply is not allowed for this comment: {reason}", subcode=2534025
    )


def no_instagram_user() -> GraphError:
    return invalid_param("No matching user found", subcode=2534014)


def person_unavailable() -> GraphError:
    return GraphError("(#551) This person isn't available right now.", code=551, subcode=1545041)


def ig_publish_limit() -> GraphError:
    """Instagram's content publishing limit (API-published posts in a moving 24 hours)."""
    return GraphError(
        "Application request limit reached",
        code=9,
        subcode=2207042,
        user_title="Max posts reached",
        user_msg="You reached maximum number of posts that is allowed to be published by "
        "Content Publish API.",
    )


def ig_container_missing(creation_id: str) -> GraphError:
    """`media_publish` with a container that does not exist, expired or was published already."""
    return GraphError(
        "The requested resource does not exist",
        code=24,
        subcode=2207008,
        user_title="Media builder expired",
        user_msg=f"The media builder with creation id = {creation_id} does not exist or "
        "has been expired.",
    )


def ig_media_not_ready() -> GraphError:
    """`media_publish` before the container's status_code is FINISHED (videos take a while)."""
    return GraphError(
        "Media ID is not available",
        code=9007,
        subcode=2207027,
        user_title="Media not ready",
        user_msg="The media is not ready for publishing, please wait for a moment",
    )


def transient_failure() -> GraphError:
    return GraphError(
        "An unexpected error has occurred. Please retry your request later.",
        code=2,
        status=500,
        transient=True,
    )


RATE_LIMITS: dict[int, tuple[int | None, str]] = {
    4: (None, "(#4) Application request limit reached"),
    17: (None, "(#17) User request limit reached"),
    32: (None, "(#32) Page request limit reached"),
    613: (2534040, "(#613) Calls to this api have exceeded the rate limit."),
    80001: (
        None,
        "(#80001) There have been too many calls to this Page account. Wait a bit and try again. "
        f"For more info, please refer to {RATE_URL}.",
    ),
    80002: (
        None,
        "(#80002) There have been too many calls to this Instagram account. Wait a bit and try "
        f"again. For more info, please refer to {RATE_URL}.",
    ),
    80006: (
        None,
        "(#80006) There have been too many messaging requests to this Page. Wait a bit and try "
        f"again. For more info, please refer to {RATE_URL}.",
    ),
}


def rate_limited(code: int) -> GraphError:
    subcode, message = RATE_LIMITS[code]
    return GraphError(message, code=code, subcode=subcode, transient=True)
