from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ratusz.channels.models import Channel
from ratusz.offices.forms import _https_urls
from ratusz.offices.models import Office
from ratusz.publishing.models import CAPTION_TYPES, IMAGE_TYPES, VIDEO_TYPES, Post

IMAGE_ROWS = 4
MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_VIDEO_BYTES = 200 * 1024 * 1024


def _accept(types: list[str]) -> str:
    return ",".join(f".{t}" for t in types)


class PostForm(forms.Form):
    type = forms.ChoiceField(label=_("Type of post"), choices=Post.Type.choices)
    channels = forms.ModelMultipleChoiceField(
        label=_("Publish on"), queryset=Channel.objects.none(),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))
    text = forms.CharField(label=_("Text"), required=False, max_length=63206,
                           widget=forms.Textarea(attrs={"rows": 8}))
    link = forms.URLField(label=_("Link (e.g. to the BIP entry)"), required=False,
                          max_length=500, assume_scheme="https")
    publish_at = forms.DateTimeField(
        label=_("Publish at (empty: as soon as approved)"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local",
                                          "class": "form-control form-control-sm"},
                                   format="%Y-%m-%dT%H:%M"))
    on_platform = forms.BooleanField(
        label=_("Let Facebook hold the scheduled post (10 minutes to 30 days ahead); "
                "otherwise Ratusz holds it and checks it again at publication"),
        required=False)
    video = forms.FileField(label=_("Video"), required=False,
                            widget=forms.ClearableFileInput(
                                attrs={"accept": _accept(VIDEO_TYPES)}))
    video_name = forms.CharField(required=False, widget=forms.HiddenInput)
    captions = forms.FileField(label=_("Captions file (SRT or VTT)"), required=False,
                               widget=forms.ClearableFileInput(
                                   attrs={"accept": _accept(CAPTION_TYPES)}))
    captions_name = forms.CharField(required=False, widget=forms.HiddenInput)
    live = forms.BooleanField(label=_("Live broadcast: captions will be added afterwards"),
                              required=False)
    remove_video = forms.BooleanField(label=_("Remove the video"), required=False)

    def __init__(self, *args, office: Office, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        self.fields["channels"].queryset = Channel.objects.filter(
            office=office, status=Channel.Status.ACTIVE).order_by("platform")
        for n in range(IMAGE_ROWS):
            self.fields[f"image{n}"] = forms.FileField(
                label=_("Image %(n)d") % {"n": n + 1}, required=False,
                widget=forms.ClearableFileInput(attrs={"accept": _accept(IMAGE_TYPES)}))
            self.fields[f"image{n}_name"] = forms.CharField(required=False,
                                                            widget=forms.HiddenInput)
            self.fields[f"image{n}_pk"] = forms.IntegerField(required=False,
                                                             widget=forms.HiddenInput)
            self.fields[f"image{n}_alt"] = forms.CharField(
                label=_("Alternative text for image %(n)d: what it shows, in a sentence")
                % {"n": n + 1}, required=False, max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}))
            self.fields[f"image{n}_has_text"] = forms.BooleanField(
                label=_("The image carries written text"), required=False)
            self.fields[f"image{n}_remove"] = forms.BooleanField(
                label=_("Remove"), required=False)

    def clean_publish_at(self):
        value = self.cleaned_data.get("publish_at")
        if value is not None and not 2000 <= value.year <= 2100:
            raise forms.ValidationError(_("Give a date between 2000 and 2100."))
        if value is not None and timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value

    def clean(self):
        data = super().clean()
        for n in range(IMAGE_ROWS):
            upload = data.get(f"image{n}")
            if upload and upload.size > MAX_IMAGE_BYTES:
                self.add_error(f"image{n}", _("An image may have at most 8 MB."))
        if data.get("video") and data["video"].size > MAX_VIDEO_BYTES:
            self.add_error("video", _("A video may have at most 200 MB."))
        return data

    def image_rows(self) -> list[dict]:
        rows = []
        for n in range(IMAGE_ROWS):
            rows.append({"pk": self.cleaned_data.get(f"image{n}_pk"),
                         "file": self.cleaned_data.get(f"image{n}"),
                         "alt": self.cleaned_data.get(f"image{n}_alt", ""),
                         "has_text": self.cleaned_data.get(f"image{n}_has_text", False),
                         "remove": self.cleaned_data.get(f"image{n}_remove", False)})
        return rows

    def video_data(self) -> dict:
        return {"file": self.cleaned_data.get("video"),
                "captions": self.cleaned_data.get("captions"),
                "live": self.cleaned_data.get("live", False),
                "remove": self.cleaned_data.get("remove_video", False)}

    def image_fields(self) -> list[dict]:
        """The image rows as groups of bound fields, for the template."""
        return [{"n": n, "file": self[f"image{n}"], "name": self[f"image{n}_name"],
                 "pk": self[f"image{n}_pk"], "alt": self[f"image{n}_alt"],
                 "has_text": self[f"image{n}_has_text"], "remove": self[f"image{n}_remove"]}
                for n in range(IMAGE_ROWS)]


class SettingsForm(forms.ModelForm):
    post_approval = forms.MultipleChoiceField(
        label=_("Post types that need a supervisor's approval"), choices=Post.Type.choices,
        required=False, widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}))

    class Meta:
        model = Office
        formfield_callback = _https_urls
        fields = ["bip_feed_url", "bank_accounts", "post_approval"]
        widgets = {"bank_accounts": forms.Textarea(attrs={"rows": 2})}

    def clean_bank_accounts(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["bank_accounts"].splitlines()]
        return "\n".join(_account_digits(line) for line in lines if line)


def _account_digits(line: str) -> str:
    from stdnum import iban

    compact = iban.compact(line)
    if compact.isdigit():
        compact = f"PL{compact}"
    if not iban.is_valid(compact):
        raise forms.ValidationError(_("%(line)s is not a valid bank account number.")
                                    % {"line": line})
    return iban.format(compact)


class ReasonForm(forms.Form):
    note = forms.CharField(label=_("Justification or comment"), required=False,
                           max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class TaskForm(forms.Form):
    url = forms.URLField(label=_("Address of the accessible version"), max_length=500,
                         assume_scheme="https")
