"""Moderation by the page's published rules: the rules (regulamin) with numbered clauses, acts
that cite them with reasons, the review queue, appeals and accounts marked during elections."""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed


def new_reference(prefix: str) -> str:
    """'M-7K3P-9QXD': short, typed by residents into the appeal form, not guessable."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{prefix}-{code[:4]}-{code[4:]}"


class RegulaminQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Regulamin.Status.PUBLISHED)

    def in_force(self, office, at=None) -> "Regulamin | None":
        """The version in force at a moment (now by default): the latest one published by
        then."""
        at = at or timezone.now()
        return self.published().filter(office=office, effective_from__lte=at).order_by(
            "-effective_from", "-version").first()


class Regulamin(models.Model):
    """One version of an office's page rules. A draft is edited; a published version never
    changes again, so every act keeps pointing at the words it cited."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT,
                               related_name="regulamins")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    title = models.CharField(_("title"), max_length=300)
    sections = models.JSONField(default=dict)  # section key -> Markdown body
    order_number = models.CharField(_("order (zarządzenie) number"), max_length=100, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    effective_from = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    # Where the office published it outside Ratusz (its BIP page), for the udip pack.
    bip_page_url = models.URLField(_("BIP page address"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RegulaminQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["office", "version"], name="one_regulamin_version"),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(effective_from__isnull=False),
                name="published_regulamin_has_effective_date"),
        ]
        verbose_name = _("page rules version")

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.pk and not kwargs.get("force_insert"):
            stored = type(self).objects.filter(pk=self.pk).values_list("status",
                                                                        flat=True).first()
            if stored == self.Status.PUBLISHED:
                raise ValueError("A published version of the rules cannot change.")
        super().save(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Clause(models.Model):
    """A numbered clause. Removal clauses are the reasons moderation may cite; procedure
    clauses (review, correction, upheld appeal) are cited when something is restored."""

    class Kind(models.TextChoices):
        REMOVAL = "removal", _("Reason for restricting content or people")
        PROCEDURE = "procedure", _("Procedure")

    regulamin = models.ForeignKey(Regulamin, on_delete=models.CASCADE, related_name="clauses")
    number = models.CharField(_("number"), max_length=12)
    key = models.SlugField(_("key"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    legal_ground = models.CharField(_("legal ground"), max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    allows_delete = models.BooleanField(_("allows deleting"), default=False)
    allows_permanent_block = models.BooleanField(_("allows a permanent block"), default=False)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["regulamin", "number"], name="one_clause_number"),
            models.UniqueConstraint(fields=["regulamin", "key"], name="one_clause_key"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def label(self) -> str:
        return f"§ {self.number} {self.title}"

    @property
    def section_key(self) -> str:
        """The section a clause belongs to, from its number ('5.2' is in the fifth)."""
        from ratusz.moderation.regulamin_text import SECTIONS

        head = self.number.split(".", 1)[0]
        index = int(head) - 1 if head.isdigit() else -1
        return SECTIONS[index][0] if 0 <= index < len(SECTIONS) else ""


class ModerationAct(models.Model):
    """One act on a comment, a person or a post, with the clause it cites and its reasons."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hide a comment")
        UNHIDE = "unhide", _("Show a hidden comment again")
        DELETE = "delete", _("Delete a comment")
        WARNING = "warning", _("Private warning")
        RESTRICT = "restrict", _("Temporary restriction")
        BLOCK = "block", _("Permanent block")
        UNBLOCK = "unblock", _("Lift a restriction or block")
        COMMENTS_OFF = "comments_off", _("Turn comments off on a post")
        COMMENTS_ON = "comments_on", _("Turn comments on again")

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting", _("Awaiting a supervisor's approval")
        REFUSED = "refused", _("Approval refused")
        SENDING = "sending", _("Being carried out on the platform")
        DONE = "done", _("Done")
        FAILED = "failed", _("The platform refused it")

    RESTRICTING = {Kind.HIDE, Kind.DELETE, Kind.WARNING, Kind.RESTRICT, Kind.BLOCK,
                   Kind.COMMENTS_OFF}
    RESTORING = {Kind.UNHIDE, Kind.UNBLOCK, Kind.COMMENTS_ON}
    ON_COMMENTS = {Kind.HIDE, Kind.UNHIDE, Kind.DELETE}
    ON_PEOPLE = {Kind.RESTRICT, Kind.BLOCK, Kind.UNBLOCK}
    ON_POSTS = {Kind.COMMENTS_OFF, Kind.COMMENTS_ON}

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT)
    channel = models.ForeignKey("channels.Channel", on_delete=models.PROTECT)
    kind = models.CharField(max_length=15, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices)
    message = models.ForeignKey("inbox.Message", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="moderation_acts")
    resident = models.ForeignKey("inbox.Resident", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="moderation_acts")
    post = models.ForeignKey("inbox.Post", null=True, blank=True, on_delete=models.SET_NULL)
    regulamin = models.ForeignKey(Regulamin, null=True, blank=True, on_delete=models.PROTECT)
    clause = models.ForeignKey(Clause, null=True, blank=True, on_delete=models.PROTECT)
    # Only the automatic protective hide may stand on the law alone (no rules in force yet).
    legal_basis = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)  # the facts, in the moderator's words
    statement = models.TextField()  # the statement of reasons as the resident gets it
    snapshot = models.JSONField(default=dict)  # the content and its author at the time
    automatic = models.BooleanField(default=False)
    detector = models.CharField(max_length=60, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="moderation_acts")
    created_at = models.DateTimeField(default=timezone.now)
    duration_days = models.PositiveIntegerField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    review_at = models.DateTimeField(null=True, blank=True)
    review_reminded_at = models.DateTimeField(null=True, blank=True)
    approval_reason = models.CharField(max_length=20, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)
    refusal = models.TextField(blank=True)
    executed_at = models.DateTimeField(null=True, blank=True)
    # Done by hand in Meta's tools, where the API cannot do it (comments off on Facebook).
    manual = models.BooleanField(default=False)
    lifted_at = models.DateTimeField(null=True, blank=True)
    reverses = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="reversals")
    appeal_until = models.DateTimeField()
    outbox_action = models.ForeignKey("outbox.OutboxAction", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    notice_action = models.ForeignKey("outbox.OutboxAction", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    notice = models.CharField(max_length=200, blank=True)  # how the statement reached them

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["office", "created_at"]),
                   models.Index(fields=["kind", "status", "expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(clause__isnull=False)
                | models.Q(automatic=True, kind="hide") & ~models.Q(legal_basis=""),
                name="act_cites_a_clause"),
        ]
        verbose_name = _("moderation act")

    def __str__(self) -> str:
        return f"{self.reference} {self.kind}"

    @property
    def is_active_restriction(self) -> bool:
        return (self.kind in {self.Kind.RESTRICT, self.Kind.BLOCK}
                and self.status == self.Status.DONE and self.lifted_at is None)

    def appeal_deadline_from(self, months: int) -> None:
        self.appeal_until = self.created_at + timedelta(days=round(months * 30.44))


class ReviewItem(models.Model):
    """Something a moderator must look at: a comment a detector flagged or hid, or one a
    colleague reported. Same-working-day target."""

    class Reason(models.TextChoices):
        HARMFUL = "harmful", _("May be a threat, hate speech or an insult")
        AUTO_HIDDEN = "auto_hidden", _("Hidden automatically: check it")
        REPORTED = "reported", _("Reported by a colleague")
        ELECTION = "election", _("Mentions a candidate during the election silence")

    class Outcome(models.TextChoices):
        OPEN = "", _("Open")
        ACTED = "acted", _("Acted on")
        KEPT = "kept", _("Left as it is")

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE)
    message = models.ForeignKey("inbox.Message", on_delete=models.CASCADE,
                                related_name="review_items")
    reason = models.CharField(max_length=12, choices=Reason.choices)
    note = models.TextField(blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    outcome = models.CharField(max_length=6, choices=Outcome.choices, blank=True, default="")
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    act = models.ForeignKey(ModerationAct, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["message", "reason"],
                                    condition=models.Q(resolved_at__isnull=True),
                                    name="one_open_review_per_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.message_id}"


class Appeal(models.Model):
    """A resident's appeal against an act, filed outside the platform."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        UPHELD = "upheld", _("Upheld: the act is reversed")
        DISMISSED = "dismissed", _("Dismissed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT)
    act = models.ForeignKey(ModerationAct, null=True, blank=True, on_delete=models.PROTECT,
                            related_name="appeals")
    act_reference = models.CharField(max_length=40, blank=True)  # as the resident typed it
    account_name = models.CharField(max_length=200, blank=True)  # as the resident typed it
    description = models.TextField(blank=True)  # which act, when it has no reference
    text = models.TextField()
    contact_email = models.EmailField(blank=True)
    # A keyed hash of the sender's address, only to slow down floods; never shown.
    sender_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # The form's one-time number: a double click or a replayed form makes no second appeal.
    form_nonce = models.CharField(max_length=32, null=True, blank=True, unique=True)
    late = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision = models.TextField(blank=True)
    reversal = models.ForeignKey(ModerationAct, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="+")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["office", "status"])]

    def __str__(self) -> str:
        return self.reference


class MarkedAccount(models.Model):
    """An account recorded as a candidate's or an election committee's: during a campaign,
    acts against it need a supervisor."""

    class Role(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        COMMITTEE = "committee", _("Election committee")

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE)
    resident = models.ForeignKey("inbox.Resident", on_delete=models.CASCADE)
    role = models.CharField(max_length=10, choices=Role.choices)
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["office", "resident"],
                                               name="one_mark_per_account")]

    def __str__(self) -> str:
        return f"{self.role}: {self.resident}"
