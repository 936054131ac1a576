"""What triage found in each resident's message, and what people said about it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ratusz.triage.analysis import FLAGS, TOPICS

FLAG_LABELS = {
    "question": _("Question"),
    "urgent": _("Emergency"),
    "personal_data": _("Personal data"),
    "public_information_request": _("Public information request"),
    "formal_matter": _("Formal matter"),
    "harmful": _("Harmful"),
    "spam": _("Spam"),
    "negative": _("Dissatisfied"),
}
TOPIC_LABELS = {
    "waste": _("Waste"), "taxes": _("Local taxes"), "roads": _("Roads and lighting"),
    "water": _("Water and sewage"), "transport": _("Transport"), "education": _("Education"),
    "social": _("Social help"), "registry": _("Civil registry"),
    "permits": _("Permits and planning"), "environment": _("Environment"),
    "events": _("Events"), "safety": _("Safety"),
    "public_information": _("Public information"), "politics": _("Politics"),
    "other": _("Other"),
}
PERSONAL_DATA_LABELS = {
    "pesel": "PESEL", "nip": "NIP", "regon": "REGON", "id_card": _("ID card number"),
    "passport": _("passport number"), "iban": _("bank account"), "phone": _("phone number"),
    "email": _("e-mail address"), "address": _("home address"), "health": _("health data"),
}
# Identifiers that are never needed in a public comment: the protective hide acts on these.
PROTECTED_IDENTIFIERS = {"pesel", "id_card", "passport", "iban"}


class Analysis(models.Model):
    """The latest analysis of one message. The flag columns hold the effective verdict: the
    analysers' result with people's corrections (`Label`) applied on top."""

    message = models.OneToOneField("inbox.Message", on_delete=models.CASCADE,
                                   related_name="analysis")
    version = models.CharField(max_length=80)
    question = models.BooleanField(default=False)
    urgent = models.BooleanField(default=False)
    personal_data = models.BooleanField(default=False)
    public_information_request = models.BooleanField(default=False)
    formal_matter = models.BooleanField(default=False)
    harmful = models.BooleanField(default=False)
    spam = models.BooleanField(default=False)
    negative = models.BooleanField(default=False)
    machine_flags = models.JSONField(default=list)
    scores = models.JSONField(default=dict)
    personal_items = models.JSONField(default=list)  # [{"type", "start", "end"}], no values
    evidence = models.JSONField(default=list)
    topic = models.CharField(max_length=32, choices=[(t, TOPIC_LABELS[t]) for t in TOPICS],
                             default="other")
    analyzed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")

    def __str__(self) -> str:
        return f"analysis of message {self.message_id}: {', '.join(self.flags) or '-'}"

    @property
    def flags(self) -> list[str]:
        return [flag for flag in FLAGS if getattr(self, flag)]

    def corrected(self, flag: str) -> bool:
        return getattr(self, flag) != (flag in self.machine_flags)


class Label(models.Model):
    """A person's verdict on one flag of one message: a correction of the analysers and a
    labelled example for evaluation and retraining."""

    message = models.ForeignKey("inbox.Message", on_delete=models.CASCADE,
                                related_name="triage_labels")
    flag = models.CharField(max_length=40, choices=[(f, FLAG_LABELS[f]) for f in FLAGS])
    value = models.BooleanField()
    machine_score = models.FloatField(null=True, blank=True)
    machine_version = models.CharField(max_length=80, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "flag"], name="one_label_per_flag"),
        ]
        verbose_name = _("triage label")

    def __str__(self) -> str:
        return f"{self.flag}={self.value} on message {self.message_id}"


class TopicRoute(models.Model):
    """Which department of an office takes new conversations on a topic."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE,
                               related_name="topic_routes")
    topic = models.CharField(max_length=32, choices=[(t, TOPIC_LABELS[t]) for t in TOPICS])
    department = models.ForeignKey("offices.Department", on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "topic"], name="one_route_per_topic"),
        ]
        verbose_name = _("topic route")

    def __str__(self) -> str:
        return f"{self.topic} -> {self.department_id}"
