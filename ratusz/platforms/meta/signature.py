"""Webhook signing as Meta does it: HMAC over the exact bytes on the wire.

Shared by the receiver (verification) and the sandbox (signing), so both agree on the format.
"""

import hashlib
import hmac
import json
from typing import Any


def sign_sha256(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def sign_sha1(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode(), body, hashlib.sha1).hexdigest()
    return f"sha1={digest}"


def verify_sha256(body: bytes, header: str | None, secret: str) -> bool:
    """Check `X-Hub-Signature-256` in constant time; a missing or odd header is a failure."""
    if not header or not secret:
        return False
    algo, _, received = header.strip().partition("=")
    if algo.lower() != "sha256" or not received or not received.isascii():
        return False
    expected = sign_sha256(body, secret).partition("=")[2]
    return hmac.compare_digest(expected, received.strip().lower())


def encode_like_meta(payload: Any) -> bytes:
    """Serialise a payload the way Meta sends it: ASCII with lowercase `\\uXXXX` escapes."""
    return json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode("ascii")
