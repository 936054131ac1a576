from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ratusz.offices.access import access_office
from ratusz.offices.models import Role
from ratusz.triage import selectors, services
from ratusz.triage.analysis import TOPICS, version
from ratusz.triage.forms import ProtectionForm, RoutesForm
from ratusz.triage.models import TopicRoute


def _routes(office) -> dict[str, int]:
    return dict(TopicRoute.objects.filter(office=office).values_list("topic", "department_id"))


def _context(office, membership, **forms_):
    return {
        "office": office, "membership": membership, "version": version(),
        "routes_form": forms_.get("routes_form") or RoutesForm(office=office,
                                                               routes=_routes(office)),
        "protection_form": ProtectionForm(initial={"protective_hide": office.protective_hide}),
        "summary": selectors.office_summary(office),
    }


@login_required
@require_GET
def triage_settings(request: HttpRequest, slug: str) -> HttpResponse:
    """What triage found lately, which department takes which topic, and the protective hide."""
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    return render(request, "triage/settings.html", _context(office, membership))


@login_required
@require_POST
def routes_save(request: HttpRequest, slug: str) -> HttpResponse:
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    form = RoutesForm(request.POST, office=office, routes=_routes(office))
    if not form.is_valid():
        return render(request, "triage/settings.html",
                      _context(office, membership, routes_form=form), status=400)
    current = _routes(office)
    for topic in TOPICS:
        department = form.cleaned_data.get(topic)
        if (department.pk if department else None) != current.get(topic):
            services.route_set(actor=request.user, office=office, topic=topic,
                               department=department)
    messages.success(request, _("Topic routes saved."))
    return redirect("triage-settings", slug=office.slug)


@login_required
@require_POST
def protection_save(request: HttpRequest, slug: str) -> HttpResponse:
    office, _membership = access_office(request.user, slug, role=Role.ADMIN)
    form = ProtectionForm(request.POST)
    form.is_valid()
    services.protective_hide_set(actor=request.user, office=office,
                                 enabled=form.cleaned_data.get("protective_hide", False))
    messages.success(request, _("Setting saved."))
    return redirect("triage-settings", slug=office.slug)
