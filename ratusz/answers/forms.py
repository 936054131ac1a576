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
