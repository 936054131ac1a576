from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ratusz.audit.services import record
from ratusz.channels.models import Channel


@transaction.atomic
def channel_connect(
    *, actor, office, platform: str, platform_id: str, name: str, owner_type: str, token: str,
    username: str = "", linked_page_id: str = "",
) -> Channel:
    if owner_type == Channel.OwnerType.PRIVATE:
        raise ValidationError(
            _("A private page of an office holder cannot be run from the office's desk.")
        )
    if owner_type not in Channel.OwnerType.values:
        raise ValidationError(_("Unknown owner type."))
    if Channel.objects.filter(platform=platform, platform_id=str(platform_id)).exists():
        raise ValidationError(_("This account is already connected."))
    channel = Channel(
        office=office, platform=platform, platform_id=str(platform_id), name=name,
        owner_type=owner_type, username=username, linked_page_id=str(linked_page_id or ""),
    )
    channel.set_token(token)
    channel.save()
    record(actor=actor, verb="channels.channel.connected", office=office, target=channel,
           data={"after": {"platform": platform, "platform_id": str(platform_id), "name": name,
                           "owner_type": owner_type}})
    return channel


@transaction.atomic
def channel_mark_broken(*, actor, channel: Channel, reason: str) -> Channel:
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    if channel.status == Channel.Status.BROKEN and channel.status_reason == reason:
        return channel
    before = channel.status
    channel.mark_broken(reason)
    channel.save(update_fields=["status", "status_reason", "status_changed_at"])
    record(actor=actor, verb="channels.channel.broken", office=channel.office, target=channel,
           data={"before": {"status": before}, "after": {"status": channel.status},
                 "reason": reason})
    return channel


@transaction.atomic
def channel_replace_token(*, actor, channel: Channel, token: str) -> Channel:
    """A new access token (after a password change or an expired session) revives a channel."""
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    before = channel.status
    channel.set_token(token)
    channel.status, channel.status_reason = Channel.Status.ACTIVE, ""
    channel.status_changed_at = timezone.now()
    channel.save(update_fields=["token_encrypted", "status", "status_reason",
                                "status_changed_at"])
    record(actor=actor, verb="channels.channel.token_replaced", office=channel.office,
           target=channel, data={"before": {"status": before}, "after": {"status": "active"}})
    return channel


@transaction.atomic
def channel_target_set(*, actor, channel: Channel, minutes: int | None) -> Channel:
    channel = Channel.objects.select_for_update().get(pk=channel.pk)
    before = channel.response_target_minutes
    if before == minutes:
        return channel
    channel.response_target_minutes = minutes
    channel.save(update_fields=["response_target_minutes"])
    record(actor=actor, verb="channels.channel.target_changed", office=channel.office,
           target=channel, data={"before": before, "after": minutes})
    return channel


def channel_for_account(platform: str, account_id: str) -> Channel | None:
    """The connected channel for a platform account id, or None when it is not ours."""
    return (
        Channel.objects.select_related("office")
        .filter(platform=platform, platform_id=str(account_id))
        .first()
    )
