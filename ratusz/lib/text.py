"""Making untrusted platform text safe to store and to link to."""

from urllib.parse import urlsplit


def clean(value: str) -> str:
    """Drop NUL (PostgreSQL refuses it) and lone surrogates (not encodable as UTF-8)."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def safe_url(value: str) -> str:
    """The URL if it is http(s), else "": a `javascript:` link must never become clickable."""
    value = clean(value).strip()
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        return ""
    return value if scheme in {"http", "https"} else ""


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: dict) -> str:
    """`{name}` placeholders filled in; unknown ones stay as they were (staff write these
    texts, so a typo must show, never crash)."""
    return text.format_map(_Defaulting(values))


def is_uuid(value: str) -> bool:
    """Whether a value typed in an address or a form is a UUID (a query with it cannot fail)."""
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
