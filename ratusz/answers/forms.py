from django import forms
from django.utils.translation import gettext_lazy as _

from ratusz.answers.models import ReplyTemplate


class TemplateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=ReplyTemplate.Kind.choices)
    department = forms.ChoiceField(label=_("Department"), required=False)
    keywords = forms.CharField(label=_("Keywords (for search)"), max_length=300, required=False)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}),
                           max_length=8000)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", _("whole office"))] + [
            (d.slug, d.name) for d in office.departments.all()]


class KnowledgeForm(forms.Form):
    question = forms.CharField(label=_("Question"), max_length=1000,
                               widget=forms.Textarea(attrs={"rows": 2}))
    answer = forms.CharField(label=_("Answer"), max_length=4000,
                             widget=forms.Textarea(attrs={"rows": 4}))
    source_url = forms.URLField(label=_("Source (BIP or the office's site)"), required=False,
                                assume_scheme="https")
    keywords = forms.CharField(label=_("Keywords (for search)"), max_length=300,
                               required=False)


class HandoffAskForm(forms.Form):
    department = forms.ChoiceField(label=_("Department"))
    question = forms.CharField(label=_("Question for the department"), max_length=4000,
                               widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [(d.slug, d.name) for d in office.departments.all()]


class HandoffAnswerForm(forms.Form):
    draft = forms.CharField(label=_("Draft answer for the resident"), max_length=8000,
                            required=False, widget=forms.Textarea(attrs={"rows": 5}))
    note = forms.CharField(label=_("Internal note for the person answering"), max_length=4000,
                           required=False, widget=forms.Textarea(attrs={"rows": 2}))
