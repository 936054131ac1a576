import hashlib
import json
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AuditEvent(models.Model):
    """One state change, hash-chained to the previous row so tampering shows."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    seq = models.PositiveBigIntegerField(unique=True)
    created_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    actor_label = models.CharField(max_length=150)
    office = models.ForeignKey(
        "offices.Office", null=True, blank=True, on_delete=models.PROTECT
    )
    verb = models.CharField(max_length=100, db_index=True)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=100, blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        indexes = [models.Index(fields=["office", "seq"])]
        verbose_name = _("audit event")

    def __str__(self) -> str:
        return f"{self.seq} {self.verb}"

    def compute_hash(self) -> str:
        body: dict[str, Any] = {
            "seq": self.seq,
            "created_at": self.created_at.isoformat(),
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "office": self.office_id,
            "verb": self.verb,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "data": self.data,
            "prev": self.prev_hash,
        }
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()


class AuditHead(models.Model):
    """The chain's tip; locking this single row serialises appends on every database."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"head at {self.seq}"
