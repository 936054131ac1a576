"""The office's monthly public report: its figures as they were computed, and whether the office
has published it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MonthlyReport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be generated")
        RUNNING = "running", _("Being generated")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Generation failed")

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE,
                               related_name="monthly_reports")
    month = models.DateField(help_text="The first day of the month.")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)  # when a worker started on it
    step = models.CharField(max_length=200, blank=True)
    # The figures (aggregates only: no resident is named or identified).
    data = models.JSONField(default=dict, blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["office", "month"], name="one_report_per_month"),
            models.CheckConstraint(condition=models.Q(published_at=None) | models.Q(
                status="ready"), name="only_ready_reports_published"),
        ]
        verbose_name = _("monthly report")

    def __str__(self) -> str:
        return f"{self.office} {self.month:%Y-%m}"

    @property
    def slug(self) -> str:
        return f"{self.month:%Y-%m}"
