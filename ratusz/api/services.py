from django.db import transaction
from django.utils import timezone

from ratusz.api.models import ApiToken
from ratusz.audit.services import record


@transaction.atomic
def token_create(*, actor, user, name: str) -> tuple[ApiToken, str]:
    """Create a token; the key is returned once and never stored."""
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=user, name=name[:100], prefix=key[:12],
                                    key_hash=ApiToken.hash(key))
    record(actor=actor, verb="api.token.created", target=token,
           data={"user": user.get_username(), "name": token.name, "prefix": token.prefix})
    return token, key


@transaction.atomic
def token_revoke(*, actor, token: ApiToken) -> None:
    if token.revoked_at:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(actor=actor, verb="api.token.revoked", target=token,
           data={"user": token.user.get_username(), "prefix": token.prefix})


def token_user(key: str):
    """The person behind a key, or None for an unknown or revoked one."""
    token = ApiToken.objects.select_related("user").filter(
        key_hash=ApiToken.hash(key or ""), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    if token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
