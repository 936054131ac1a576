"""Refuse to talk to the real Meta with the demo's public secrets."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Warning, register

DEMO_SECRETS = {"sandbox-app-secret", "sandbox-verify-token", "dev-only-insecure-key-change-me"}


def _talks_to_meta() -> bool:
    host = urlsplit(settings.RATUSZ_GRAPH_URL).hostname or ""
    return host.endswith(("facebook.com", "instagram.com"))


@register()
def check_secrets(app_configs, **kwargs):
    problems = []
    in_use = {
        "RATUSZ_META_APP_SECRET": settings.RATUSZ_META_APP_SECRET,
        "RATUSZ_META_VERIFY_TOKEN": settings.RATUSZ_META_VERIFY_TOKEN,
        "RATUSZ_SECRET_KEY": settings.SECRET_KEY,
    }
    for name, value in in_use.items():
        if value in DEMO_SECRETS and _talks_to_meta():
            problems.append(Error(
                f"{name} still has the demo value while RATUSZ_GRAPH_URL points at Meta.",
                hint=f"Set {name} (or {name}_FILE) to a secret of your own.", id="ratusz.E001"))
    return problems


@register(deploy=True)
def check_secret_key(app_configs, **kwargs):
    """`ratusz check --deploy` reminds whoever installs Ratusz for real."""
    if settings.SECRET_KEY in DEMO_SECRETS:
        return [Warning("RATUSZ_SECRET_KEY has the demo value: fine for the demo, not for "
                        "real use.", id="ratusz.W001")]
    return []
