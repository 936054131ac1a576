"""Shared pieces of the Graph API handlers: the call context and parameter helpers."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import errors as err
from . import payloads as pl
from .state import SandboxState
from .world import PageConfig
from .wsgi_io import Request

DAY = 86400.0


@dataclass
class Call:
    """One Graph API request being handled."""

    request: Request
    state: SandboxState
    page: PageConfig | None = None
    usage_key: str | None = None
    usage_type: str = "pages"
    outbox: list[tuple[pl.Json, str]] = field(default_factory=list)
    published: list[tuple[str, str]] = field(default_factory=list)  # (channel, post/media id)

    @property
    def params(self) -> dict[str, Any]:
        return self.request.params

    @property
    def now(self) -> float:
        return self.state.clock()

    def deliver(self, payload: pl.Json, summary: str) -> None:
        self.outbox.append((payload, summary))

    def announce(self, channel: str, object_id: str) -> None:
        """A post (facebook) or media (instagram) went live: residents may react to it."""
        self.published.append((channel, object_id))


# -- small parameter helpers -----------------------------------------------------------------------


def as_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise err.invalid_param(f"Param {name} must be a boolean")


def as_id_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [v.strip() for v in str(value).split(",") if v.strip()]


def parse_fields(value: Any, default: list[str]) -> list[str]:
    """Top-level field names of `fields=a,b{c,d},e` (sub-selections are accepted and ignored)."""
    if not value:
        return default
    names, depth, current = [], 0, ""
    for char in str(value):
        depth += (char == "{") - (char == "}")
        if char == "," and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [n.split("{", 1)[0].split(".", 1)[0].strip() for n in names if n.strip()]


def select(available: dict[str, Any], wanted: list[str], node_type: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name in wanted:
        if name not in available:
            raise err.nonexisting_field(name, node_type)
        value = available[name]
        if value is not None:
            result[name] = value
    return result


def parse_time(value: Any) -> float:
    if isinstance(value, (int, float)) or str(value).strip().isdigit():
        return float(value)
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        raise err.invalid_param("The specified scheduled publish time is invalid.") from None


def page_of(call: Call, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Cursor paging as Graph does it (`limit`, `after`; cursors are opaque strings)."""
    try:
        limit = max(1, min(100, int(call.params.get("limit", 25))))
    except ValueError:
        raise err.invalid_param("Param limit must be an integer") from None
    start = _decode_cursor(call.params.get("after"))
    chunk = items[start : start + limit]
    result: dict[str, Any] = {"data": chunk}
    if chunk:
        paging: dict[str, Any] = {
            "cursors": {"before": _cursor(start), "after": _cursor(start + len(chunk))}
        }
        if start + limit < len(items):
            version = call.request.version or "v25.0"
            base = f"https://graph.facebook.com/{version}/{'/'.join(call.request.segments)}"
            paging["next"] = f"{base}?limit={limit}&after={_cursor(start + limit)}"
        result["paging"] = paging
    return result


def _cursor(index: int) -> str:
    return base64.b64encode(str(index).encode()).decode()


def _decode_cursor(value: Any) -> int:
    if not value:
        return 0
    try:
        return max(0, int(base64.b64decode(str(value)).decode()))
    except ValueError:
        raise err.invalid_param("Invalid cursor") from None
