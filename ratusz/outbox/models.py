import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_ATTEMPTS = 8
# After an unanswered call, wait this long for the platform's echo before trying again.
UNKNOWN_OUTCOME_GRACE = timedelta(minutes=5)


class OutboxAction(models.Model):
    """One outgoing platform call, sent by the worker, never twice."""

    class Kind(models.TextChoices):
        COMMENT_REPLY = "comment_reply", _("Public reply to a comment")
        MESSAGE = "message", _("Direct message")
        PRIVATE_REPLY = "private_reply", _("Private reply to a comment")
        COMMENT_HIDE = "comment_hide", _("Hide or unhide a comment")
        COMMENT_DELETE = "comment_delete", _("Delete a comment")
        BLOCK = "block", _("Block or unblock a person")
        POST_COMMENTS = "post_comments", _("Turn comments on a post off or on")
        POST_PUBLISH = "post_publish", _("Publish a post")
        POST_DELETE = "post_delete", _("Withdraw a scheduled post")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Sending")
        UNKNOWN = "unknown", _("Checking whether it arrived")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    target_id = models.CharField(max_length=512)
    payload = models.JSONField(default=dict)
    idempotency_key = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    error_code = models.IntegerField(null=True, blank=True)
    error_subcode = models.IntegerField(null=True, blank=True)
    error_message = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    result_id = models.CharField(max_length=512, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.target_id} ({self.status})"

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.PENDING, self.Status.SENDING, self.Status.UNKNOWN}

    def backoff(self, minimum_seconds: int = 0) -> timedelta:
        """Exponential backoff from 10 s, capped at one hour, at least what Meta asked for."""
        seconds = min(10 * 2 ** max(self.attempts - 1, 0), 3600)
        return timedelta(seconds=max(seconds, minimum_seconds))
