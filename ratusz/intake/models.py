from django.db import models


class Delivery(models.Model):
    """One webhook POST from Meta, stored raw before anything else happens to it."""

    class Status(models.TextChoices):
        RECEIVED = "received", "received"
        PROCESSING = "processing", "processing"
        PROCESSED = "processed", "processed"
        FAILED = "failed", "failed"
        # Failed every attempt; kept for a person to look at, never retried by itself.
        DEAD = "dead", "dead"

    received_at = models.DateTimeField(auto_now_add=True)
    body = models.BinaryField()
    signature = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    attempts = models.PositiveIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    # Counts of what the events did, and the reasons anything was skipped.
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "id"])]

    def __str__(self) -> str:
        return f"delivery {self.pk} ({self.status})"
