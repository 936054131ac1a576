import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ratusz.lib import crypto


class Channel(models.Model):
    """A Facebook Page or Instagram professional account that one office runs."""

    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"

    class OwnerType(models.TextChoices):
        OFFICE_PAGE = "office_page", _("Office page")
        ORGAN_PROFILE = "organ_profile", _("Official profile of the head of office")
        # Kept as a choice so a refusal can name it; services never create one.
        PRIVATE = "private", _("Private page of an office holder")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        BROKEN = "broken", _("Connection broken")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="channels")
    platform = models.CharField(max_length=10, choices=Platform.choices)
    platform_id = models.CharField(max_length=64)
    name = models.CharField(_("name"), max_length=200)
    username = models.CharField(_("username"), max_length=100, blank=True)
    # Instagram accounts reached through Facebook Login send via their linked Page.
    linked_page_id = models.CharField(max_length=64, blank=True)
    owner_type = models.CharField(max_length=20, choices=OwnerType.choices)
    token_encrypted = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    status_reason = models.TextField(blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    connected_at = models.DateTimeField(default=timezone.now)
    # Overrides the office's first-response target for this channel (working minutes).
    response_target_minutes = models.PositiveIntegerField(
        _("first response target (working minutes)"), null=True, blank=True)

    class Meta:
        ordering = ["platform", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "platform_id"], name="one_channel_per_account"
            ),
            models.CheckConstraint(
                condition=~models.Q(owner_type="private"), name="no_private_pages"
            ),
        ]
        verbose_name = _("channel")

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.name}"

    def __repr__(self) -> str:
        # Never let the token reach logs through a repr.
        return f"<Channel {self.platform}:{self.platform_id}>"

    def set_token(self, token: str) -> None:
        self.token_encrypted = crypto.encrypt(token)

    def get_token(self) -> str:
        return crypto.decrypt(self.token_encrypted) if self.token_encrypted else ""

    @property
    def public_url(self) -> str:
        """The page's or account's public address, for the rules and the udip pack."""
        if self.platform == self.Platform.INSTAGRAM:
            return f"https://www.instagram.com/{self.username or self.platform_id}/"
        return f"https://www.facebook.com/{self.platform_id}"

    @property
    def send_account_id(self) -> str:
        """The id whose `/messages` edge sends for this channel."""
        return self.linked_page_id or self.platform_id

    def mark_broken(self, reason: str) -> None:
        self.status, self.status_reason = self.Status.BROKEN, reason
        self.status_changed_at = timezone.now()
