import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Resident(models.Model):
    """A person as one platform account sees them (PSID, IGSID or commenter id)."""

    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    platform_id = models.CharField(max_length=512)
    display_name = models.CharField(max_length=200, blank=True)
    first_seen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "platform_id"], name="one_resident_per_id")
        ]

    def __str__(self) -> str:
        return self.display_name or self.platform_id


class Post(models.Model):
    """A post of the office's page (Facebook) or a media item (Instagram)."""

    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    platform_id = models.CharField(max_length=512)
    text = models.TextField(blank=True)
    permalink_url = models.TextField(blank=True)
    created_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "platform_id"], name="one_post_per_id")
        ]

    def __str__(self) -> str:
        return self.text[:60] or self.platform_id


class Conversation(models.Model):
    """A Messenger or Instagram thread, or one top-level comment with its replies."""

    class Kind(models.TextChoices):
        COMMENTS = "comments", _("Comment thread")
        DIRECT = "direct", _("Direct messages")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        WAITING = "waiting", _("Waiting for the resident")
        CLOSED = "closed", _("Closed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # Root comment id for comment threads, the resident's id for direct threads.
    thread_key = models.CharField(max_length=520)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL)
    resident = models.ForeignKey(Resident, null=True, blank=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    department = models.ForeignKey(
        "offices.Department", null=True, blank=True, on_delete=models.SET_NULL
    )
    preview = models.CharField(max_length=200, blank=True)
    # Set by triage when a resident's message looks like an emergency; the inbox shows such
    # conversations first until someone answers, closes or corrects them.
    is_urgent = models.BooleanField(default=False)
    # The first-response clock: runs in office working time while a resident waits for the
    # office; cleared when the office answers.
    response_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    breach_notified_at = models.DateTimeField(null=True, blank=True)
    # The closed period (its next opening) in which the out-of-hours acknowledgement went out.
    acknowledged_period = models.CharField(max_length=40, blank=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_inbound_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-last_message_at"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "thread_key"], name="one_thread_per_key")
        ]
        indexes = [models.Index(fields=["office", "status", "last_message_at"])]

    def __str__(self) -> str:
        return self.preview or str(self.uuid)

    @property
    def resident_label(self) -> str:
        if self.resident is None:
            return ""
        return self.resident.display_name or self.resident.platform_id

    def note_inbound(self, message: "Message") -> None:
        """A resident wrote: the thread needs the office again."""
        when = message.created_at
        if when and (self.last_inbound_at is None or when > self.last_inbound_at):
            self.last_inbound_at = when
        self._bump(message)
        if self.status in {self.Status.WAITING, self.Status.CLOSED}:
            self.status = self.Status.OPEN

    def note_outbound(self, message: "Message") -> None:
        """The office answered: the first-response clock stops."""
        self._bump(message)
        self.response_due_at = self.breach_notified_at = None
        self.is_urgent = False  # a person answered: the emergency no longer jumps the queue
        if self.status in {self.Status.NEW, self.Status.OPEN}:
            self.status = self.Status.WAITING

    def _bump(self, message: "Message") -> None:
        when = message.created_at
        if when and (self.last_message_at is None or when >= self.last_message_at):
            self.last_message_at = when
            self.preview = "" if message.deleted_at else (message.text or "")[:200]


class Message(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        MESSAGE = "message", _("Message")

    class Direction(models.TextChoices):
        IN = "in", _("From a resident")
        OUT = "out", _("From the office")

    class Origin(models.TextChoices):
        PLATFORM = "platform", _("Received from the platform")
        DESK = "desk", _("Written in Ratusz")
        AUTOMATIC = "automatic", _("Automatic acknowledgement")
        EXTERNAL = "external", _("Written outside Ratusz")

    class Delivery(models.TextChoices):
        NONE = "", "-"
        PENDING = "pending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Not sent")
        DELIVERED = "delivered", _("Delivered")
        READ = "read", _("Read")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE,
                                     related_name="messages")
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    direction = models.CharField(max_length=3, choices=Direction.choices)
    origin = models.CharField(max_length=10, choices=Origin.choices)
    platform_id = models.CharField(max_length=512, null=True, blank=True)
    parent_platform_id = models.CharField(max_length=512, blank=True)
    resident = models.ForeignKey(Resident, null=True, blank=True, on_delete=models.SET_NULL)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    author_name = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)
    attachments = models.JSONField(default=list, blank=True)
    is_private_reply = models.BooleanField(default=False)
    created_at = models.DateTimeField(null=True, blank=True, db_index=True)
    received_at = models.DateTimeField(auto_now_add=True)
    # The platform time of the text we hold, so an old version never overwrites a newer one.
    text_version_at = models.DateTimeField(null=True, blank=True)
    edit_count = models.PositiveIntegerField(default=0)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    is_hidden = models.BooleanField(default=False)
    visibility_changed_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, blank=True)
    delivery_error = models.TextField(blank=True)
    outbox_action = models.OneToOneField(
        "outbox.OutboxAction", null=True, blank=True, on_delete=models.SET_NULL
    )
    # The composer's one-time token: a double click or a resubmitted form sends nothing twice.
    submission_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "platform_id"], condition=models.Q(platform_id__isnull=False),
                name="one_message_per_platform_id",
            ),
            models.UniqueConstraint(
                fields=["conversation", "submission_key"],
                condition=~models.Q(submission_key=""), name="one_message_per_submission",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def author_label(self) -> str:
        """A resident's current name (it may be fetched after the message arrived)."""
        if self.resident is not None and self.resident.display_name:
            return self.resident.display_name
        if self.author_name:
            return self.author_name
        return self.resident.platform_id if self.resident else ""

    @property
    def is_known(self) -> bool:
        """False for a tombstone created by an event that arrived before the message."""
        return self.created_at is not None


class Note(models.Model):
    """An internal note; residents never see it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.text[:60]


class Deadline(models.Model):
    """A statutory deadline started by a resident's matter (art. 57 KPA arithmetic)."""

    class Rule(models.TextChoices):
        UDIP = "udip", _("Public information request: 14 days")
        UDIP_EXTENDED = "udip-extended", _("Public information request, extended: 2 months")
        COMPLAINT = "complaint", _("Complaint or motion: 1 month")
        SUPPLEMENT = "supplement", _("Call to supplement an application: 7 days")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT)
    conversation = models.ForeignKey(Conversation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="deadlines")
    rule = models.CharField(max_length=20, choices=Rule.choices)
    started_on = models.DateField()
    legal_end = models.DateField()
    internal_target = models.DateField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="deadlines")
    status = models.CharField(max_length=5, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["legal_end", "pk"]
        indexes = [models.Index(fields=["office", "status", "legal_end"])]

    def __str__(self) -> str:
        return f"{self.rule} until {self.legal_end}"


class Presence(models.Model):
    """Who has a conversation open, and whether they are writing in it (refreshed every few
    seconds by the page), so two people do not answer the same resident at once."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE,
                                     related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    seen_at = models.DateTimeField()
    writing = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "user"],
                                               name="one_presence_per_person")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"
