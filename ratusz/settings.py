"""Django settings for Ratusz, read from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str:
    """Read a variable; `NAME_FILE` pointing at a file wins, so secrets can live in files.
    An empty variable counts as unset."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    value = os.environ.get(name) or default
    if value is None:
        raise ImproperlyConfigured(f"Environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


VAR_DIR = Path(env("RATUSZ_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)
DEBUG = env_bool("RATUSZ_DEBUG", False)
SECRET_KEY = env("RATUSZ_SECRET_KEY", "dev-only-insecure-key-change-me")
# Page access tokens are encrypted at rest with a key derived from this secret.
RATUSZ_TOKEN_KEY = env("RATUSZ_TOKEN_KEY", SECRET_KEY)
ALLOWED_HOSTS = env("RATUSZ_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in env("RATUSZ_CSRF_TRUSTED_ORIGINS", "").split(",") if o]
RATUSZ_BASE_URL = env("RATUSZ_BASE_URL", "http://127.0.0.1:8000")

RATUSZ_META_APP_SECRET = env("RATUSZ_META_APP_SECRET", "sandbox-app-secret")
RATUSZ_META_VERIFY_TOKEN = env("RATUSZ_META_VERIFY_TOKEN", "sandbox-verify-token")
RATUSZ_META_APP_ID = env("RATUSZ_META_APP_ID", "900000000000001")
RATUSZ_GRAPH_URL = env("RATUSZ_GRAPH_URL", "http://127.0.0.1:8100/v25.0")
RATUSZ_GRAPH_TIMEOUT = float(env("RATUSZ_GRAPH_TIMEOUT", "10"))
# The key for an office's language-model endpoint, if it needs one (the endpoint and the model
# are set per office; drafts are off until an office sets them).
RATUSZ_LLM_KEY = env("RATUSZ_LLM_KEY", "")
RATUSZ_LLM_TIMEOUT = float(env("RATUSZ_LLM_TIMEOUT", "30"))
# Ask the Graph API for a new messaging resident's name and a new post's text (data
# minimisation: an office may switch this off and see platform ids instead of names).
RATUSZ_FETCH_PLATFORM_DETAILS = env_bool("RATUSZ_FETCH_PLATFORM_DETAILS", True)
# Triage: a harmful-content model retrained with the office's own corrections
# (`ratusz triage retrain` prints its path); empty means the model shipped with Ratusz.
RATUSZ_HARMFUL_MODEL = env("RATUSZ_HARMFUL_MODEL", "")
# A drain of webhook deliveries looks again this long after it ran dry; kicks are debounced
# for less than that, so no delivery waits for the minute sweeper.
RATUSZ_DRAIN_RECHECK = float(env("RATUSZ_DRAIN_RECHECK", "0.3"))
RATUSZ_DRAIN_DEBOUNCE = float(env("RATUSZ_DRAIN_DEBOUNCE", "0.2"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "huey.contrib.djhuey",
    "ratusz.audit",
    "ratusz.offices",
    "ratusz.channels",
    "ratusz.outbox",
    "ratusz.inbox",
    "ratusz.triage",
    "ratusz.moderation",
    "ratusz.answers",
    "ratusz.publishing",
    "ratusz.reports",
    "ratusz.api",
    "ratusz.intake",
    "ratusz.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ratusz.web.middleware.PolishByDefaultMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "ratusz.urls"
WSGI_APPLICATION = "ratusz.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'ratusz.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;"
        ),
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
    # Raw webhook deliveries get a file of their own (see ratusz/intake/router.py).
    _main = Path(DATABASES["default"]["NAME"])
    DATABASES["intake"] = {
        **DATABASES["default"],
        "OPTIONS": dict(DATABASES["default"]["OPTIONS"]),
        "NAME": str(_main.with_name(f"{_main.stem}-intake{_main.suffix or '.sqlite3'}")),
        "TEST": {"NAME": str(VAR_DIR / "test-intake.sqlite3")},
    }
DATABASE_ROUTERS = ["ratusz.intake.router.IntakeRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    HUEY = {"huey_class": "huey.RedisHuey", "name": "ratusz", "url": REDIS_URL}
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "ratusz",
        "filename": str(VAR_DIR / "huey.sqlite3"),
    }
HUEY["immediate"] = env_bool("RATUSZ_TASKS_IMMEDIATE", False)
HUEY["consumer"] = {"workers": int(env("RATUSZ_WORKER_THREADS", "2")), "worker_type": "thread"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inbox:conversation-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "ratusz" / "locale"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "ratusz" / "static"]
# Images and videos of posts: Meta fetches them by URL, so RATUSZ_BASE_URL must be public
# for a real page (the sandbox does not fetch them).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("RATUSZ_MEDIA_DIR", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Behind a TLS-terminating proxy: cookies only over HTTPS, and trust the proxy's header.
HTTPS = RATUSZ_BASE_URL.startswith("https://")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
# Behind a proxy, the client's address is the last one the proxy added to X-Forwarded-For.
RATUSZ_BEHIND_TLS_PROXY = env_bool("RATUSZ_BEHIND_TLS_PROXY", False)
if RATUSZ_BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(env("RATUSZ_HSTS_SECONDS", "0"))
# Alerts and breach notices go by e-mail; without RATUSZ_EMAIL_HOST they are printed instead.
EMAIL_HOST = env("RATUSZ_EMAIL_HOST", "")
EMAIL_PORT = int(env("RATUSZ_EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("RATUSZ_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env("RATUSZ_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("RATUSZ_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = env("RATUSZ_EMAIL_FROM", "ratusz@localhost")
EMAIL_BACKEND = ("django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST
                 else "django.core.mail.backends.console.EmailBackend")
# Who hears about a message that looks like an emergency: dotted paths of callables taking
# the message and returning how many people they reached.
RATUSZ_EMERGENCY_NOTIFIERS = [
    n for n in env("RATUSZ_EMERGENCY_NOTIFIERS", "ratusz.inbox.clock.notify_by_email").split(",")
    if n]
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("RATUSZ_LOG_LEVEL", "INFO")},
    "loggers": {"huey": {"level": "WARNING"}, "httpx": {"level": "WARNING"},
                "weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
