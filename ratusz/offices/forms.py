import re
from datetime import time

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ratusz.offices.models import Closure, Office

SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$")
WEEKDAY_LABELS = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
                  _("Saturday"), _("Sunday")]


def parse_spans(text: str) -> list[tuple[time, time]]:
    """'7:30-15:30' or '8:00-12:00, 13:00-16:00' (empty: closed that day)."""
    spans = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = SPAN.match(part)
        if not match:
            raise forms.ValidationError(_("Write hours as 7:30-15:30; separate spans with commas."))
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59 or (h1, m1) >= (h2, m2):
            raise forms.ValidationError(_("The office must open before it closes."))
        spans.append((time(h1, m1), time(h2, m2)))
    spans.sort()
    if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):
        raise forms.ValidationError(_("The spans of one day overlap."))
    return spans


def format_spans(spans) -> str:
    return ", ".join(f"{a.hour}:{a.minute:02d}-{b.hour}:{b.minute:02d}" for a, b in spans)


class OfficeTimeForm(forms.ModelForm):
    rules_url = forms.URLField(label=_("page rules (regulamin) address"), required=False,
                               assume_scheme="https")

    class Meta:
        model = Office
        fields = ["response_target_minutes", "ack_messages", "ack_comments", "ack_text",
                  "duty_contact", "duty_emails", "rules_url", "human_agent_enabled"]
        widgets = {"ack_text": forms.Textarea(attrs={"rows": 4})}

    def clean_duty_emails(self):
        emails = [e.strip() for e in self.cleaned_data["duty_emails"].split(",") if e.strip()]
        validate = forms.EmailField().clean
        for email in emails:
            validate(email)
        return ", ".join(emails)


class HoursForm(forms.Form):
    def __init__(self, *args, week=None, **kwargs):
        super().__init__(*args, **kwargs)
        for day, label in enumerate(WEEKDAY_LABELS):
            self.fields[f"day_{day}"] = forms.CharField(
                label=label, required=False, max_length=100,
                initial=format_spans((week or {}).get(day, [])))

    def week(self) -> dict[int, list[tuple[time, time]]]:
        return {day: spans for day in range(7)
                if (spans := self.cleaned_data[f"day_{day}"])}

    def clean(self):
        cleaned = super().clean()
        for day in range(7):
            try:
                cleaned[f"day_{day}"] = parse_spans(cleaned.get(f"day_{day}", ""))
            except forms.ValidationError as error:
                self.add_error(f"day_{day}", error)
        return cleaned


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["day", "kind", "reason"]
        widgets = {"day": forms.DateInput(attrs={"type": "date"})}


def _https_urls(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class OfficeRulesFactsForm(forms.ModelForm):
    """What the page rules, the statements of reasons and the public register say about the
    office."""

    runs_facebook_group = forms.TypedChoiceField(
        label=_("Does the office run a Facebook group (not only a page)?"), required=False,
        choices=[("", _("not answered")), ("True", _("yes")), ("False", _("no"))],
        coerce=lambda value: value == "True", empty_value=None)

    class Meta:
        model = Office
        formfield_callback = _https_urls
        fields = ["name", "head_title", "address", "email", "phone", "bip_url", "website_url",
                  "epuap_address", "edoreczenia_address", "iod_email", "gdpr_url",
                  "accessibility_url", "page_operators", "external_operator", "appeal_months",
                  "runs_facebook_group"]

    def clean_appeal_months(self):
        months = self.cleaned_data["appeal_months"]
        if months < 6:
            raise forms.ValidationError(_("Appeals are accepted for at least 6 months."))
        return months


class OfficeReplyStyleForm(forms.ModelForm):
    class Meta:
        model = Office
        formfield_callback = _https_urls
        fields = ["reply_greeting_required", "reply_signature", "reply_footer", "reply_jargon",
                  "approve_sensitive", "llm_url", "llm_model"]
        widgets = {"reply_footer": forms.Textarea(attrs={"rows": 2}),
                   "reply_jargon": forms.Textarea(attrs={"rows": 4})}
