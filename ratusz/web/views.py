from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ratusz.offices.access import access_office
from ratusz.offices.models import Role
from ratusz.web.selectors import health_get


@login_required
@require_GET
def status(request: HttpRequest, slug: str) -> HttpResponse:
    """The desk's health for an office's administrator: channels, sending, webhook intake."""
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    return render(request, "web/status.html", {
        "office": office, "membership": membership, "health": health_get(office)})
