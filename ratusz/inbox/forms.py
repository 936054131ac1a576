from django import forms
from django.utils.translation import gettext_lazy as _

from ratusz.inbox.models import Conversation


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 4}),
                           max_length=8000)
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    mode = forms.ChoiceField(label=_("Send as"), choices=[
        ("public", _("Public reply under the comment")),
        ("private", _("Private reply (Messenger / Direct)")),
        ("message", _("Message")),
    ])
    footer = forms.BooleanField(label=_("Add the office's footer"), required=False,
                                initial=True)
    confirm = forms.BooleanField(label=_("I have read the warnings; send it as it is"),
                                 required=False)
    # The newest message the writer had seen: an answer someone else sent after it is shown
    # before a second answer goes out.
    seen = forms.IntegerField(widget=forms.HiddenInput, required=False)
    confirm_other = forms.BooleanField(label=_("I have read the other answer; send mine too"),
                                       required=False)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=4000)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Conversation.Status.choices)


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("Person"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        members = office.memberships.select_related("user").order_by("user__last_name")
        self.fields["assignee"].choices = [("", _("nobody"))] + [
            (str(m.user_id), m.user.get_full_name() or m.user.get_username()) for m in members
        ]
        self.fields["department"].choices = [("", _("none"))] + [
            (d.slug, d.name) for d in office.departments.all()
        ]
