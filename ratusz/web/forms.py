import math

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from ratusz.offices.logins import login_failure_record, login_failures_clear, login_wait


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, refusing a username after repeated failures."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        wait = login_wait(username)
        if wait is not None:
            minutes = max(1, math.ceil(wait.total_seconds() / 60))
            raise ValidationError(ngettext(
                "Too many failed attempts. Try again in %(minutes)d minute.",
                "Too many failed attempts. Try again in %(minutes)d minutes.", minutes,
            ) % {"minutes": minutes}, code="throttled")
        try:
            cleaned = super().clean()
        except ValidationError:
            login_failure_record(username, self.request.META.get("REMOTE_ADDR")
                                 if self.request else None)
            raise
        login_failures_clear(username)
        return cleaned
