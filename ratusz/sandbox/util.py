"""Small helpers shared by the sandbox: time formats, durations and Meta-looking ids."""

from __future__ import annotations

import base64
import random
import re
import string
import threading
from datetime import UTC, datetime

_UNITS = re.compile(r"(?:(?P<d>\d+)d)?(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?")
_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


def parse_duration(text: str | int | float) -> float:
    """Parse "-2h30m", "+1d", "90s", "-45" (or a number of seconds) into seconds."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text)
    cleaned = str(text).strip().replace(" ", "")
    sign = -1.0 if cleaned.startswith("-") else 1.0
    body = cleaned[1:] if cleaned[:1] in ("+", "-") else cleaned
    if body.isdigit():
        return sign * float(body)
    match = _UNITS.fullmatch(body)
    if not body or match is None:
        raise ValueError(f"invalid duration: {text!r}")
    return sign * sum(int(match.group(unit) or 0) * mult for unit, mult in _SECONDS.items())


def iso_time(ts: float) -> str:
    """Graph API time format, e.g. 2026-11-28T09:18:00+0000."""
    return datetime.fromtimestamp(int(ts), tz=UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def meta_date(ts: float) -> str:
    """Date format used in Meta's token expiry messages, e.g. Thursday, 26-Nov-26 10:00:00 UTC."""
    return datetime.fromtimestamp(int(ts), tz=UTC).strftime("%A, %d-%b-%y %H:%M:%S UTC")


class IdFactory:
    """Random ids shaped like Meta's. Thread-safe; seedable for reproducible runs."""

    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed)
        self._lock = threading.Lock()

    def digits(self, length: int, first: str = "1") -> str:
        with self._lock:
            rest = "".join(self._random.choice(string.digits) for _ in range(length - len(first)))
        return first + rest

    def chars(self, length: int, alphabet: str = string.ascii_letters + string.digits) -> str:
        with self._lock:
            return "".join(self._random.choice(alphabet) for _ in range(length))

    def messenger_mid(self) -> str:
        return "m_" + self.chars(64, string.ascii_letters + string.digits + "-_")

    def instagram_mid(self, account_id: str) -> str:
        raw = f"ig_message_item:1:IGMessageThread:{account_id}:{self.digits(39, '3')}"
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def fbtrace_id(self) -> str:
        return "A" + self.chars(22, string.ascii_letters + string.digits + "-_")

    def object_part(self) -> str:
        return self.digits(15, "1")

    def ig_object_id(self) -> str:
        return self.digits(17, "18")
