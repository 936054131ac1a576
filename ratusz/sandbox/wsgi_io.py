"""WSGI request parsing and responses, the way the Graph API accepts parameters.

Parameters may come in the query string, a form body or a JSON body; form values holding JSON
(`recipient={"id":"..."}`) and PHP-style brackets (`recipient[id]=...`) are decoded as Graph does.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs

_VERSION = re.compile(r"^/(v\d+(?:\.\d+)?)(?=/|$)")
_BRACKETS = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])+)$")


class BadRequest(ValueError):
    pass


@dataclass
class Request:
    method: str
    path: str
    version: str | None
    segments: list[str]
    query: dict[str, Any]
    body: dict[str, Any]
    headers: dict[str, str]
    raw_body: bytes = b""

    @property
    def params(self) -> dict[str, Any]:
        return {**self.query, **self.body}

    @property
    def token(self) -> str | None:
        auth = self.headers.get("authorization", "")
        scheme, _, value = auth.partition(" ")
        if scheme.lower() in ("bearer", "oauth") and value.strip():
            return value.strip()
        token = self.params.get("access_token")
        return str(token) if token else None


@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def status_line(self) -> str:
        return f"{self.status} {HTTPStatus(self.status).phrase}"

    def json(self) -> Any:
        return json.loads(self.body)


def json_response(status: int, data: Any, headers: list[tuple[str, str]] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=True).encode("ascii")
    return Response(
        status, body, [("Content-Type", "application/json; charset=UTF-8"), *(headers or [])]
    )


def html_response(status: int, html: str) -> Response:
    return Response(status, html.encode("utf-8"), [("Content-Type", "text/html; charset=utf-8")])


def redirect(location: str) -> Response:
    return Response(303, b"", [("Location", location)])


def decode_value(value: Any) -> Any:
    """A string holding JSON (object/array/true/false) becomes the decoded value."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _flatten_qs(raw: dict[str, list[str]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, values in raw.items():
        value: Any = values[0] if len(values) == 1 else values
        match = _BRACKETS.match(key)
        if not match:
            result[key] = decode_value(value)
            continue
        node = result.setdefault(match.group(1), {})
        parts = re.findall(r"\[([^\[\]]*)\]", match.group(2))
        for part in parts[:-1]:
            node = node.setdefault(part, {}) if isinstance(node, dict) else {}
        if isinstance(node, dict):
            node[parts[-1]] = decode_value(value)
    return result


def parse_query(text: str) -> dict[str, Any]:
    return _flatten_qs(parse_qs(text, keep_blank_values=True))


def _read_body(environ: dict[str, Any]) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    return environ["wsgi.input"].read(length) if length > 0 else b""


def parse_body(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw.strip():
        return {}
    if "json" in content_type or (not content_type and raw.lstrip()[:1] == b"{"):
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise BadRequest(f"body is not valid JSON: {exc}") from exc
        if not isinstance(data, dict):
            raise BadRequest("JSON body must be an object")
        return {k: decode_value(v) for k, v in data.items()}
    if "multipart/" in content_type:
        raise BadRequest("multipart bodies are not supported by the sandbox")
    return parse_query(raw.decode("utf-8", errors="replace"))


def parse_request(environ: dict[str, Any]) -> tuple[Request, BadRequest | None]:
    """Parse a WSGI environ; a malformed body is returned as the second item, not raised."""
    path = environ.get("PATH_INFO", "") or "/"
    match = _VERSION.match(path)
    version = match.group(1) if match else None
    rest = path[match.end() :] if match else path
    headers = {
        k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
    }
    content_type = environ.get("CONTENT_TYPE", "") or ""
    headers["content-type"] = content_type
    raw = _read_body(environ)
    problem = None
    try:
        body = parse_body(raw, content_type.lower())
    except BadRequest as exc:
        body, problem = {}, exc
    request = Request(
        method=environ.get("REQUEST_METHOD", "GET").upper(),
        path=path,
        version=version,
        segments=[s for s in rest.split("/") if s],
        query=parse_query(environ.get("QUERY_STRING", "")),
        body=body,
        headers=headers,
        raw_body=raw,
    )
    return request, problem
