"""Posts the office publishes on its pages, BIP first: drafts, approvals, schedules, tasks."""

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

IMAGE_TYPES = ["jpg", "jpeg", "png", "gif", "webp"]
VIDEO_TYPES = ["mp4", "mov", "webm"]
CAPTION_TYPES = ["srt", "vtt"]


def media_path(instance, filename: str) -> str:
    """A random name that keeps the extension: media are served to Meta without a login, so
    a draft's file must not be guessable, and a resident's upload name says nothing."""
    extension = filename.rsplit(".", 1)[-1].lower()[:5] if "." in filename else "bin"
    return f"posts/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Post(models.Model):
    class Type(models.TextChoices):
        NOTICE = "notice", _("Official notice")
        INFORMATION = "information", _("Information")
        EVENT = "event", _("Event")
        CONSULTATION = "consultation", _("Consultation")
        PROMOTION = "promotion", _("Promotion")
        CRISIS = "crisis", _("Crisis alert")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Waiting for approval")
        SCHEDULED = "scheduled", _("Scheduled")
        PAUSED = "paused", _("Paused: election silence")
        PUBLISHING = "publishing", _("Publishing")
        PUBLISHED = "published", _("Published")
        FAILED = "failed", _("Not published")
        WITHDRAWN = "withdrawn", _("Withdrawn by the office")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="posts")
    type = models.CharField(_("type of post"), max_length=12, choices=Type.choices,
                            default=Type.INFORMATION)
    text = models.TextField(_("text"), blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    channels = models.ManyToManyField("channels.Channel", through="Target", related_name="+")
    publish_at = models.DateTimeField(_("publish at (empty: as soon as approved)"), null=True,
                                      blank=True)
    on_platform = models.BooleanField(
        _("schedule on Facebook (10 minutes to 30 days ahead) instead of in Ratusz"),
        default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    # Who last changed the text and who submitted it: neither may approve it (four eyes).
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    approver = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    approval_note = models.TextField(blank=True)
    return_comment = models.TextField(blank=True)
    # What the author ticked and overrode at submission: [{"code", "reason"}], kept for the record.
    acknowledged = models.JSONField(default=list, blank=True)
    overrides = models.JSONField(default=list, blank=True)
    bip_entry = models.ForeignKey("BipEntry", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="posts")
    # Computed on save from the text, for the reports.
    has_bip_link = models.BooleanField(default=False)
    invites_input = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "publish_at"])]
        verbose_name = _("post")

    def __str__(self) -> str:
        return self.text[:60] or str(self.uuid)

    def save(self, *args, **kwargs) -> None:
        from ratusz.publishing.bip import links_to_bip
        from ratusz.publishing.checks import invites_input

        self.has_bip_link = links_to_bip(f"{self.link} {self.text}", self.office.bip_url,
                                         self.office.website_url)
        self.invites_input = invites_input(self.text, self.link)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "has_bip_link", "invites_input"}
        super().save(*args, **kwargs)

    @property
    def editable(self) -> bool:
        """A draft, a post waiting for approval, or one withdrawn or paused before it went out
        (saving makes it a draft again). Once sent, a post stays as it went out: a failed one
        is tried again (it may have reached Meta after all)."""
        return self.status in {self.Status.DRAFT, self.Status.SUBMITTED, self.Status.WITHDRAWN,
                               self.Status.PAUSED}

    @property
    def is_open(self) -> bool:
        """A published post stays open while a republication or captions task is not done."""
        return self.status != self.Status.PUBLISHED or self.tasks.filter(done_at=None).exists()


class Image(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    file = models.FileField(_("image"), upload_to=media_path,
                            validators=[FileExtensionValidator(IMAGE_TYPES)])
    original_name = models.CharField(max_length=255, blank=True)
    alt = models.TextField(_("alternative text"), blank=True)
    has_text = models.BooleanField(_("the image carries written text"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.alt[:60] or self.file.name

    @property
    def name(self) -> str:
        return self.original_name or self.file.name.rsplit("/", 1)[-1]


class Video(models.Model):
    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="video")
    file = models.FileField(_("video"), upload_to=media_path, blank=True,
                            validators=[FileExtensionValidator(VIDEO_TYPES)])
    captions = models.FileField(_("captions (SRT or VTT)"), upload_to=media_path,
                                blank=True, validators=[FileExtensionValidator(CAPTION_TYPES)])
    live = models.BooleanField(_("live broadcast (captions added afterwards)"), default=False)

    def __str__(self) -> str:
        return self.file.name

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]


class Target(models.Model):
    """A post on one channel: what the platform calls it once it is there."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        SENDING = "sending", _("Sending")
        SCHEDULED = "scheduled", _("Scheduled on the platform")
        PUBLISHED = "published", _("Published")
        FAILED = "failed", _("Not published")
        WITHDRAWN = "withdrawn", _("Withdrawn from the platform")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="targets")
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    platform_id = models.CharField(max_length=512, blank=True)
    action = models.ForeignKey("outbox.OutboxAction", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    inbox_post = models.ForeignKey("inbox.Post", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="targets")
    published_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "channel"],
                                               name="one_target_per_channel")]

    def __str__(self) -> str:
        return f"{self.post} @ {self.channel}"


class Task(models.Model):
    """Work a published post still owes: republishing it accessibly, or adding captions."""

    class Kind(models.TextChoices):
        REPUBLISH = "republish", _("Republish accessibly on the website or in BIP")
        CAPTIONS = "captions", _("Add captions to the recording or remove it")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    reason = models.TextField(blank=True)
    due = models.DateField()
    url = models.URLField(_("address of the accessible version"), max_length=500, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_at", "due"]
        constraints = [
            models.UniqueConstraint(fields=["post", "kind"], name="one_task_per_kind"),
            models.CheckConstraint(condition=models.Q(done_at=None) | ~models.Q(url=""),
                                   name="done_task_has_url"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.post}"


class BipEntry(models.Model):
    """An entry of the office's BIP feed, proposed to notices that are about it."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE,
                               related_name="bip_entries")
    guid = models.CharField(max_length=500)
    title = models.CharField(max_length=500)
    link = models.URLField(max_length=500)
    summary = models.TextField(blank=True)
    published = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-published", "-pk"]
        constraints = [models.UniqueConstraint(fields=["office", "guid"],
                                               name="one_bip_entry_per_guid")]

    def __str__(self) -> str:
        return self.title
