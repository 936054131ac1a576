"""Reply templates: per office and department, versioned (an edit is a new version, so what a
reply was built from stays readable), searchable by keyword."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReplyTemplate(models.Model):
    class Kind(models.TextChoices):
        ANSWER = "answer", _("Answer")
        FORMAL = "formal", _("Formal matter: how to file it")
        UDIP = "udip", _("Request for public information")
        COMPLAINT = "complaint", _("Complaint or motion")
        EMERGENCY = "emergency", _("Emergency")
        PRIVATE = "private", _("Moving to a private channel")

    family = models.UUIDField(default=uuid.uuid4, db_index=True)  # the same template's versions
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE,
                               related_name="reply_templates")
    department = models.ForeignKey("offices.Department", null=True, blank=True,
                                   on_delete=models.SET_NULL)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices,
                            default=Kind.ANSWER)
    title = models.CharField(_("title"), max_length=200)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["family", "version"], name="one_template_version"),
            models.UniqueConstraint(fields=["family"], condition=models.Q(is_current=True),
                                    name="one_current_template_version"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"


class KnowledgeEntry(models.Model):
    """A question the office answers often, its answer and where it is published (BIP, the
    office's site): the ground suggestions stand on."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE,
                               related_name="knowledge")
    key = models.SlugField(_("key"), max_length=80)
    department = models.ForeignKey("offices.Department", null=True, blank=True,
                                   on_delete=models.SET_NULL)
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    source_url = models.URLField(_("source (BIP or the office's site)"), blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    promoted_from = models.ForeignKey("inbox.Message", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        constraints = [models.UniqueConstraint(fields=["office", "key"],
                                               name="one_knowledge_key_per_office")]

    def __str__(self) -> str:
        return self.key


class Handoff(models.Model):
    """A question the person answering a conversation asks a department, and the department's
    draft answer (or internal note) handed back for them to send."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for the department")
        ANSWERED = "answered", _("Answered by the department")
        USED = "used", _("Answer sent to the resident")
        CANCELLED = "cancelled", _("Withdrawn")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE)
    conversation = models.ForeignKey("inbox.Conversation", on_delete=models.CASCADE,
                                     related_name="handoffs")
    department = models.ForeignKey("offices.Department", on_delete=models.PROTECT)
    question = models.TextField(_("question for the department"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    asked_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    draft = models.TextField(_("draft answer for the resident"), blank=True)
    note = models.TextField(_("internal note for the person answering"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at"]
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return f"{self.department} ({self.status})"


class ReplyDraft(models.Model):
    """A reply that waits for a supervisor: in a sensitive conversation, or by new staff."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved and sent")
        RETURNED = "returned", _("Returned with a comment")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE)
    conversation = models.ForeignKey("inbox.Conversation", on_delete=models.CASCADE,
                                     related_name="reply_drafts")
    mode = models.CharField(max_length=10)
    text = models.TextField()
    reason = models.CharField(max_length=40)  # why it needs approval
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(blank=True)
    message = models.ForeignKey("inbox.Message", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.conversation_id} {self.status}"

    REASONS = {"new_staff": _("the author's replies need approval"),
               "dissatisfaction": _("the resident is dissatisfied"),
               "formal_matter": _("a formal matter"), "politics": _("a political topic")}

    @property
    def reason_label(self) -> str:
        return str(self.REASONS.get(self.reason, self.reason))
