"""Platform timestamps: Meta mixes UNIX seconds, milliseconds and ISO strings."""

from datetime import UTC, datetime

_MS_THRESHOLD = 100_000_000_000  # later than year 5138 in seconds, so it must be milliseconds


def from_platform(value: object) -> datetime | None:
    """Parse seconds, milliseconds (int, float or digit string) or ISO 8601; None when unusable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text.lstrip("-").isdigit():
            value = int(text)
        else:
            try:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if not isinstance(value, int | float):
        return None
    seconds = value / 1000 if abs(value) >= _MS_THRESHOLD else value
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
