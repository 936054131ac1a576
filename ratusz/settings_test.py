"""Test settings: immediate tasks, fast hashing, no debounce; the database comes from
DATABASE_URL as in production, so the suite runs on SQLite and on PostgreSQL."""

from ratusz.settings import *  # noqa: F403

HUEY = {**HUEY, "immediate": True}  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
RATUSZ_DRAIN_RECHECK = 0.0
RATUSZ_DRAIN_DEBOUNCE = 0.0
RATUSZ_META_APP_SECRET = "test-app-secret"  # noqa: S105
RATUSZ_META_VERIFY_TOKEN = "test-verify-token"  # noqa: S105
RATUSZ_GRAPH_URL = "http://graph.test/v25.0"
RATUSZ_FETCH_PLATFORM_DETAILS = False  # the sandbox fixture switches it on
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "root": {"handlers": [], "level": "CRITICAL"}}
# Live-server request threads must not keep connections open past their request, or the
# PostgreSQL test database cannot be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
