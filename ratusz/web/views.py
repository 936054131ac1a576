from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ratusz.channels.services import channel_target_set
from ratusz.inbox.clock import ack_text, forget_calendars, office_calendar
from ratusz.offices.access import access_office
from ratusz.offices.calendar import (
    closure_add,
    closure_remove,
    opening_hours_set,
    weekly_spans,
)
from ratusz.offices.forms import ClosureForm, HoursForm, OfficeTimeForm
from ratusz.offices.models import Office, OpeningHours, Role
from ratusz.offices.services import office_time_settings_update
from ratusz.web.selectors import health_get


@login_required
@require_GET
def status(request: HttpRequest, slug: str) -> HttpResponse:
    """The desk's health for an office's administrator: channels, sending, webhook intake."""
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    return render(request, "web/status.html", {
        "office": office, "membership": membership, "health": health_get(office)})


def _calendar_context(office, membership, **forms_):
    today = timezone.localdate()
    week = weekly_spans(office, OpeningHours.Kind.OPEN, today)
    complaints = weekly_spans(office, OpeningHours.Kind.COMPLAINTS, today)
    calendar = office_calendar(office)
    opening = calendar.next_opening(timezone.now())
    return {
        "office": office, "membership": membership,
        "settings_form": forms_.get("settings_form") or OfficeTimeForm(instance=office),
        "hours_form": forms_.get("hours_form") or HoursForm(week=week),
        "complaints_form": forms_.get("complaints_form") or HoursForm(
            week=complaints, prefix="complaints"),
        "channels": office.channels.order_by("platform", "name"),
        "closure_form": forms_.get("closure_form") or ClosureForm(),
        "closures": office.closures.filter(day__gte=timezone.localdate()),
        "next_opening": opening,
        "preview": ack_text(office, opening, emergency=False) if opening else "",
        "preview_emergency": ack_text(office, opening, emergency=True) if opening else "",
    }


@login_required
@require_GET
def calendar_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Opening hours, closures and the out-of-hours acknowledgement, with a live preview."""
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    return render(request, "web/calendar.html", _calendar_context(office, membership))


def _save_calendar_form(request, slug, make_form, context_key, save, done_message):
    """The calendar page's forms: check, save through a service, or show the errors."""
    office, membership = access_office(request.user, slug, role=Role.ADMIN)
    form = make_form(office)
    if not form.is_valid():
        context = _calendar_context(office, membership, **{context_key: form})
        return render(request, "web/calendar.html", context, status=400)
    save(office, form)
    forget_calendars()
    messages.success(request, done_message)
    return redirect("calendar", slug=office.slug)


@login_required
@require_POST
def calendar_settings_save(request: HttpRequest, slug: str) -> HttpResponse:
    return _save_calendar_form(
        request, slug,
        lambda office: OfficeTimeForm(request.POST, instance=Office.objects.get(pk=office.pk)),
        "settings_form",
        lambda office, form: office_time_settings_update(actor=request.user, office=office,
                                                         **form.cleaned_data),
        _("Settings saved."))


@login_required
@require_POST
def calendar_hours_save(request: HttpRequest, slug: str) -> HttpResponse:
    return _save_calendar_form(
        request, slug, lambda office: HoursForm(request.POST), "hours_form",
        lambda office, form: opening_hours_set(actor=request.user, office=office,
                                               week=form.week()),
        _("Opening hours saved."))


@login_required
@require_POST
def calendar_complaints_save(request: HttpRequest, slug: str) -> HttpResponse:
    return _save_calendar_form(
        request, slug, lambda office: HoursForm(request.POST, prefix="complaints"),
        "complaints_form",
        lambda office, form: opening_hours_set(actor=request.user, office=office,
                                               week=form.week(),
                                               kind=OpeningHours.Kind.COMPLAINTS),
        _("Hours for complaints saved."))


@login_required
@require_POST
def calendar_channel_target(request: HttpRequest, slug: str, uuid) -> HttpResponse:
    office, _membership = access_office(request.user, slug, role=Role.ADMIN)
    channel = get_object_or_404(office.channels, uuid=uuid)
    raw = request.POST.get("minutes", "").strip()
    if raw and not (raw.isdigit() and 0 < int(raw) <= 100_000):
        messages.error(request, _("Give the target in whole minutes, or leave it empty."))
    else:
        channel_target_set(actor=request.user, channel=channel, minutes=int(raw) if raw else None)
        messages.success(request, _("Target saved."))
    return redirect("calendar", slug=office.slug)


@login_required
@require_POST
def calendar_closure_add(request: HttpRequest, slug: str) -> HttpResponse:
    return _save_calendar_form(
        request, slug, lambda office: ClosureForm(request.POST), "closure_form",
        lambda office, form: closure_add(actor=request.user, office=office, **form.cleaned_data),
        _("Closure day added."))


@login_required
@require_POST
def calendar_closure_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    office, _membership = access_office(request.user, slug, role=Role.ADMIN)
    closure = get_object_or_404(office.closures, pk=pk)
    closure_remove(actor=request.user, closure=closure)
    forget_calendars()
    messages.success(request, _("Closure day removed."))
    return redirect("calendar", slug=office.slug)
