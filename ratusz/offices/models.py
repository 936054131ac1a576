import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Office(models.Model):
    class Kind(models.TextChoices):
        GMINA = "gmina", _("Municipality (gmina)")
        MIASTO = "miasto", _("City hall")
        POWIAT = "powiat", _("County (powiat)")
        UNIT = "unit", _("Organisational unit")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="units"
    )
    time_zone = models.CharField(_("time zone"), max_length=60, default="Europe/Warsaw")
    bip_url = models.URLField(_("BIP address"), blank=True)
    website_url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    epuap_address = models.CharField(_("ePUAP inbox"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(max_length=60)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "slug"], name="department_slug_per_office")
        ]
        verbose_name = _("department")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    """Ordered from least to most powerful; `Role.rank` compares them."""

    VIEWER = "viewer", _("Viewer")
    RESPONDER = "responder", _("Responder")
    MODERATOR = "moderator", _("Moderator")
    SUPERVISOR = "supervisor", _("Supervisor")
    ADMIN = "admin", _("Administrator")

    @classmethod
    def rank(cls, role: str) -> int:
        return list(cls.values).index(role)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    department = models.ForeignKey(
        Department, null=True, blank=True, on_delete=models.SET_NULL, related_name="members"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="one_membership_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.office}: {self.role}"

    def allows(self, role: str) -> bool:
        return Role.rank(self.role) >= Role.rank(role)


class LoginFailure(models.Model):
    """A failed login, kept briefly to slow down password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} at {self.at}"
