from django import forms
from django.utils.translation import gettext_lazy as _

from ratusz.triage.analysis import TOPICS
from ratusz.triage.models import TOPIC_LABELS


class RoutesForm(forms.Form):
    """One department (or none) per topic."""

    def __init__(self, *args, office, routes: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        for topic in TOPICS:
            self.fields[topic] = forms.ModelChoiceField(
                queryset=office.departments.all(), required=False, label=TOPIC_LABELS[topic],
                empty_label=_("nobody: stays in the shared inbox"),
                initial=routes.get(topic))


class ProtectionForm(forms.Form):
    protective_hide = forms.BooleanField(
        required=False,
        label=_("Hide public comments that carry a PESEL, ID card, passport or bank account "
                "number"),
        help_text=_("The comment is hidden on Facebook or Instagram at once (its author and "
                    "their friends still see it; nobody else does) and stays in the desk. "
                    "Whether a hide needs a clause of the page's rules is not settled in Polish "
                    "law; protecting the resident's identifiers is a GDPR duty of the page's "
                    "joint controller, so this is on by default. A person can unhide it."))
