"""Platform timestamps: Meta mixes UNIX seconds, milliseconds and ISO strings."""

from datetime import UTC, date, datetime, timedelta

from django.utils import timezone

_MS_THRESHOLD = 100_000_000_000  # later than year 5138 in seconds, so it must be milliseconds
# Nothing on Facebook predates 2004; a time more than a day ahead is a broken clock or forgery.
_EARLIEST = datetime(2004, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=1)


def from_platform(value: object) -> datetime | None:
    """Parse seconds, milliseconds (int, float or digit string) or ISO 8601; None when unusable
    or outside the plausible range."""
    parsed = _parse(value)
    if parsed is None or not _EARLIEST <= parsed <= timezone.now() + _FUTURE_SLACK:
        return None
    return parsed


def _parse(value: object) -> datetime | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text.lstrip("-").isascii() and text.lstrip("-").isdigit():
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


def month_before(day: date) -> date:
    """The first day of the month before `day`'s month."""
    return (day.replace(day=1) - timedelta(days=1)).replace(day=1)
