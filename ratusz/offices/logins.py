"""Slowing down password guessing: after MAX_FAILURES failed logins for one username within
WINDOW, that username cannot log in until the oldest of them is WINDOW old."""

from datetime import timedelta

from django.utils import timezone

from ratusz.offices.models import LoginFailure

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def login_wait(username: str) -> timedelta | None:
    """How long this username must wait before trying again, or None."""
    since = timezone.now() - WINDOW
    failures = list(LoginFailure.objects.filter(username=username.lower()[:150], at__gte=since)
                    .order_by("-at").values_list("at", flat=True)[:MAX_FAILURES])
    if len(failures) < MAX_FAILURES:
        return None
    return failures[-1] + WINDOW - timezone.now()


def login_failure_record(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], ip=ip or None)
    LoginFailure.objects.filter(at__lt=timezone.now() - WINDOW * 4).delete()


def login_failures_clear(username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()[:150]).delete()
