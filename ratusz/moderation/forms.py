import uuid

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from ratusz.moderation.models import Clause, ModerationAct

DURATIONS = [("", "-"), ("7", _("7 days")), ("30", _("30 days")), ("90", _("90 days"))]
APPEAL_SALT = "ratusz.moderation.appeal"
MIN_SECONDS = 2  # a person needs longer than this to fill the form; a bot often does not
MAX_SECONDS = 24 * 3600


class ActForm(forms.Form):
    kind = forms.ChoiceField(label=_("Act"), choices=ModerationAct.Kind.choices)
    clause = forms.ModelChoiceField(label=_("Clause of the page rules"),
                                    queryset=Clause.objects.none(),
                                    empty_label=_("Choose the clause"))
    duration_days = forms.TypedChoiceField(label=_("Duration of a restriction"),
                                           choices=DURATIONS, coerce=int, empty_value=None,
                                           required=False)
    description = forms.CharField(
        label=_("Facts and circumstances (part of the statement of reasons)"),
        widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=4000)

    def __init__(self, *args, regulamin=None, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.clause_groups = []
        if regulamin is not None:
            self.fields["clause"].queryset = regulamin.clauses.all()
            label = self.fields["clause"].label_from_instance = lambda c: (
                f"§ {c.number} {c.title}" + (f" ({c.legal_ground})" if c.legal_ground else ""))
            clauses = list(regulamin.clauses.all())
            self.clause_groups = [
                (_("Reasons to restrict content or people"),
                 [(c.pk, label(c)) for c in clauses if c.kind == Clause.Kind.REMOVAL]),
                (_("Procedures: restoring, reviews, comments off"),
                 [(c.pk, label(c)) for c in clauses if c.kind == Clause.Kind.PROCEDURE]),
            ]
        if kinds:
            self.fields["kind"].choices = [(k, v) for k, v in ModerationAct.Kind.choices
                                           if k in kinds]


class RefuseForm(forms.Form):
    reason = forms.CharField(label=_("Why the act is refused"),
                             widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class KeepForm(forms.Form):
    days = forms.IntegerField(label=_("Next review in (days)"), min_value=1, max_value=90,
                              initial=90)
    note = forms.CharField(label=_("Why the block stays"), max_length=500,
                           widget=forms.Textarea(attrs={"rows": 2}))


class ReportForm(forms.Form):
    note = forms.CharField(label=_("What should a moderator look at?"), max_length=2000,
                           required=False, widget=forms.Textarea(attrs={"rows": 2}))


class IdentifyForm(forms.Form):
    act_reference = forms.CharField(label=_("Number of the act the appeal is about"),
                                    max_length=40)


class DecideForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Decision"), coerce=lambda v: v == "1",
        choices=[("1", _("Uphold: reverse the act")), ("0", _("Dismiss: the act stays"))],
        widget=forms.RadioSelect)
    reasons = forms.CharField(label=_("Reasons (the resident receives them)"),
                              widget=forms.Textarea(attrs={"rows": 4}), max_length=8000)


class AppealForm(forms.Form):
    """The public appeal form: no login, no third-party captcha. A hidden field must stay
    empty, and a signed timestamp shows the form was read before it was sent."""

    act_reference = forms.CharField(
        label=_("Number of the decision (from the statement of reasons), e.g. M-7K3P-9QXD"),
        max_length=40, required=False)
    account_name = forms.CharField(label=_("Your name on Facebook or Instagram"),
                                   max_length=200, required=False)
    description = forms.CharField(
        label=_("If you have no number: what happened and when (which comment, which post)"),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, required=False)
    text = forms.CharField(label=_("Why you think the decision was wrong"),
                           widget=forms.Textarea(attrs={"rows": 5}), max_length=8000)
    contact_email = forms.EmailField(
        label=_("E-mail for the answer (optional; without it, keep the link you get)"),
        required=False)
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = signing.dumps({"n": uuid.uuid4().hex}, salt=APPEAL_SALT)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("The form could not be accepted."), code="bot")
        token = data.get("started") or ""
        try:
            value = signing.loads(token, salt=APPEAL_SALT, max_age=MAX_SECONDS)
        except signing.BadSignature:  # forged, or older than a day
            raise forms.ValidationError(_("The form expired. Please send it again."),
                                        code="expired") from None
        data["nonce"] = str(value.get("n", ""))[:32] if isinstance(value, dict) else ""
        if not data["nonce"]:
            raise forms.ValidationError(_("The form expired. Please send it again."),
                                        code="expired")
        try:
            signing.loads(token, salt=APPEAL_SALT, max_age=MIN_SECONDS)
        except signing.SignatureExpired:
            pass  # older than a few seconds: a person read the form
        else:
            raise forms.ValidationError(_("The form was sent too quickly. Please check it and "
                                          "send it again."), code="fast")
        if not data.get("act_reference", "").strip() and not data.get("description",
                                                                        "").strip():
            raise forms.ValidationError(_("Give the number of the decision or describe what "
                                          "happened."), code="which")
        return data


class ElectionForm(forms.Form):
    name = forms.CharField(label=_("Election"), max_length=200)
    campaign_start = forms.DateField(label=_("Campaign starts"),
                                     widget=forms.DateInput(attrs={"type": "date"}))
    voting_day = forms.DateField(label=_("Voting day"),
                                 widget=forms.DateInput(attrs={"type": "date"}))
    second_round = forms.DateField(label=_("Second round (if any)"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    polls_close = forms.TimeField(label=_("Polls close"), initial="21:00", required=False,
                                  widget=forms.TimeInput(attrs={"type": "time"}))
    watch_phrases = forms.CharField(
        label=_("Candidates, committees and slogans to watch in posts, one per line"),
        required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class MarkForm(forms.Form):
    role = forms.ChoiceField(label=_("This account belongs to"), choices=[
        ("", _("nobody in the election")), ("candidate", _("a candidate")),
        ("committee", _("an election committee"))], required=False)
    note = forms.CharField(label=_("Who (e.g. the candidate's name and committee)"),
                           max_length=200, required=False)
