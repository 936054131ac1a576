import uuid
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def default_post_approval() -> list[str]:
    """Every type of post waits for a second person, except crisis alerts, which cannot."""
    return ["notice", "information", "event", "consultation", "promotion"]


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
    rules_url = models.URLField(_("page rules (regulamin) address"), blank=True)
    # Time: the response target in working minutes, the out-of-hours acknowledgement, and
    # who is alerted about messages that look like an emergency.
    response_target_minutes = models.PositiveIntegerField(
        _("first response target (working minutes)"), default=240)
    ack_messages = models.BooleanField(
        _("acknowledge messages out of hours"), default=True)
    ack_comments = models.BooleanField(
        _("acknowledge public comments out of hours"), default=False)
    ack_text = models.TextField(_("acknowledgement text"), blank=True)
    duty_contact = models.CharField(_("on-duty crisis contact"), max_length=200, blank=True)
    duty_emails = models.CharField(_("e-mails alerted about emergencies"), max_length=500,
                                   blank=True)
    protective_hide = models.BooleanField(
        _("hide public comments that carry a PESEL, ID card, passport or bank account number"),
        default=True)
    human_agent_enabled = models.BooleanField(
        _("the office's Meta app has the Human Agent feature"), default=True)
    # Facts the page's rules (regulamin) and the public moderation register state.
    head_title = models.CharField(_("head of office (title)"), max_length=200, blank=True)
    edoreczenia_address = models.CharField(_("e-Doręczenia address"), max_length=100,
                                           blank=True)
    iod_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    gdpr_url = models.URLField(_("GDPR information clause address"), blank=True)
    accessibility_url = models.URLField(_("accessibility statement address"), blank=True)
    page_operators = models.CharField(
        _("who runs the page (positions, not names)"), max_length=300, blank=True)
    external_operator = models.CharField(
        _("outside firm that runs the page (empty if none)"), max_length=200, blank=True)
    # A Watchdog question: a group's members are admitted and removed outside the page's rules.
    runs_facebook_group = models.BooleanField(_("the office runs a Facebook group"), null=True,
                                              blank=True)
    appeal_months = models.PositiveSmallIntegerField(
        _("appeals accepted for (months)"), default=6)
    # How the office writes: the tone and form check holds every draft to it.
    reply_greeting_required = models.BooleanField(
        _("replies start with a greeting"), default=True)
    reply_signature = models.CharField(
        _("signature at the end of replies"), max_length=200, blank=True)
    reply_footer = models.TextField(
        _("footer for public replies (e.g. that answers are information, not decisions)"),
        blank=True)
    reply_jargon = models.TextField(
        _("bureaucratic phrases to avoid, one per line (empty: Ratusz's list)"), blank=True)
    # Optional drafts by a language model behind an OpenAI-compatible endpoint the office runs
    # (e.g. a self-hosted Polish model); empty: off. Grounded only in the knowledge base.
    llm_url = models.URLField(_("language model endpoint (OpenAI-compatible, empty: off)"),
                              blank=True)
    llm_model = models.CharField(_("language model name"), max_length=100, blank=True)
    approve_sensitive = models.BooleanField(
        _("replies in sensitive conversations (dissatisfaction, formal matters, politics) need "
          "a supervisor's approval"), default=False)
    # Publishing: the BIP feed polled for entries to link from notices, the office's own bank
    # accounts (fine to publish), and the post types that wait for a second person.
    bip_feed_url = models.URLField(_("BIP feed (RSS or Atom) address"), blank=True)
    bank_accounts = models.TextField(
        _("the office's own bank accounts, one per line (may appear in posts)"), blank=True)
    post_approval = models.JSONField(
        _("post types that need a supervisor's approval"), default=default_post_approval,
        blank=True)
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
    # The position (stanowisko) the public register and udip answers name instead of a person.
    position = models.CharField(_("position"), max_length=200, blank=True)
    # New staff: every reply they write waits for a supervisor's approval.
    replies_need_approval = models.BooleanField(_("replies need approval"), default=False)
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


class OpeningHours(models.Model):
    """One span of a weekday's opening hours; a split day has two rows. Rows carry the dates
    they apply from and to, so a change of hours can be scheduled ahead."""

    class Kind(models.TextChoices):
        OPEN = "open", _("Office open")
        COMPLAINTS = "complaints", _("Complaints and motions accepted after hours")

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("weekday"))  # 0 = Monday
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.OPEN)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        ordering = ["weekday", "opens"]
        constraints = [
            models.CheckConstraint(condition=models.Q(weekday__lte=6), name="weekday_0_to_6"),
            models.CheckConstraint(condition=models.Q(opens__lt=models.F("closes")),
                                   name="opens_before_closes"),
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"

    def applies_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)


class Closure(models.Model):
    """A day the office is closed although it is no public holiday."""

    class Kind(models.TextChoices):
        HOLIDAY_ON_SATURDAY = "saturday_holiday", _("Day off for a holiday falling on Saturday")
        BRIDGE = "bridge", _("Bridge day")
        AD_HOC = "ad_hoc", _("Other closure")

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="closures")
    day = models.DateField(_("day"))
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["office", "day"], name="one_closure_a_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.kind}"


class Election(models.Model):
    """An election the office lives through: acts against candidates' accounts need a
    supervisor during the campaign, and agitation is hidden during the silence."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="elections")
    name = models.CharField(_("name"), max_length=200)
    campaign_start = models.DateField(_("campaign starts"))
    voting_day = models.DateField(_("voting day"))
    second_round = models.DateField(_("second round"), null=True, blank=True)
    # Polls close at 21:00; the silence runs from midnight the day before until then.
    polls_close = models.TimeField(_("polls close"), default=time(21, 0))
    watch_phrases = models.TextField(
        _("candidates, committees and slogans to watch in posts, one per line"), blank=True)

    class Meta:
        ordering = ["-voting_day"]
        constraints = [
            models.CheckConstraint(condition=models.Q(campaign_start__lte=models.F("voting_day")),
                                   name="campaign_before_voting"),
        ]
        verbose_name = _("election")

    def __str__(self) -> str:
        return self.name

    @property
    def last_day(self):
        return self.second_round or self.voting_day

    def silences(self, tz) -> list[tuple[datetime, datetime]]:
        """The silence before each round: from midnight the day before the vote until the polls
        close (art. 107 Kodeks wyborczy), as aware datetimes in the office's time zone."""
        return [(datetime.combine(vote - timedelta(days=1), time(0), tz),
                 datetime.combine(vote, self.polls_close, tz))
                for vote in filter(None, [self.voting_day, self.second_round])]

    def phrases(self) -> list[str]:
        return [line.strip() for line in self.watch_phrases.splitlines() if line.strip()]

    def in_campaign(self, day) -> bool:
        """From the campaign's start to the last voting day, silence included."""
        return self.campaign_start <= day <= self.last_day
