"""Permission-checked fetching. An outsider gets 404, a member without the role gets 403."""

import re

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ratusz.offices.models import Membership, Office, Role

SLUG = re.compile(r"[-a-zA-Z0-9_]{1,60}")


def membership_for(user, office: Office) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, office=office).first()


def require_role(user, office: Office, role: str = Role.VIEWER) -> Membership:
    membership = membership_for(user, office)
    if membership is None:
        raise Http404("No such office.")
    if not membership.allows(role):
        raise PermissionDenied("Your role does not allow this.")
    return membership


def access_office(user, slug: str, *, role: str = Role.VIEWER) -> tuple[Office, Membership]:
    if not slug or not SLUG.fullmatch(slug):
        raise Http404("No such office.")
    office = Office.objects.filter(slug=slug).first()
    if office is None:
        raise Http404("No such office.")
    return office, require_role(user, office, role)


def offices_of(user) -> list[Office]:
    if not user.is_authenticated:
        return []
    return list(Office.objects.filter(memberships__user=user).order_by("name"))
