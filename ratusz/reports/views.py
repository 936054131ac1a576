"""Reports: the desk's dashboard with a self-audit, and the monthly public report (web page,
PDF and CSV) at /o/<office>/raport/<YYYY-MM>."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ratusz.channels.models import Channel
from ratusz.lib.text import is_uuid
from ratusz.lib.timeutil import month_before
from ratusz.offices.access import SLUG, access_office, membership_for
from ratusz.offices.models import Office, Role
from ratusz.reports import selectors, services
from ratusz.reports.models import MonthlyReport


def _month(value: str, default: date) -> date:
    """A month typed in the address (YYYY-MM) from 2000 to this one, else the default's."""
    try:
        year, month = (int(x) for x in value.split("-"))
        chosen = date(year, month, 1)
    except ValueError:
        return default.replace(day=1)
    if not date(2000, 1, 1) <= chosen <= timezone.localdate().replace(day=1):
        return default.replace(day=1)
    return chosen


@login_required
@require_GET
def dashboard(request: HttpRequest, slug: str):
    """Figures for a month (this one so far, by default) beside the month before, charts with
    their tables, and the self-audit."""
    office, membership = access_office(request.user, slug, role=Role.VIEWER)
    today = timezone.localdate()
    month = _month(request.GET.get("m", ""), today)
    if month > today:
        month = today.replace(day=1)
    channel = Channel.objects.filter(office=office, uuid=request.GET.get("channel") or None) \
        .first() if is_uuid(request.GET.get("channel", "")) else None
    department = office.departments.filter(slug=request.GET.get("department", "")).first()
    figures_now = selectors.dashboard_figures(office, month=month, channel=channel,
                                              department=department, today=today)
    return render(request, "reports/dashboard.html", {
        "office": office, "membership": membership, "month": month, **figures_now,
        "reports": MonthlyReport.objects.filter(office=office)[:24],
        "channels": Channel.objects.filter(office=office).order_by("platform"),
        "departments": office.departments.all(), "channel": channel, "department": department,
        "months": _recent_months(today), "can_publish": membership.allows(Role.SUPERVISOR),
        "definitions": services.definitions()})



def _recent_months(today: date, count: int = 13) -> list[date]:
    months, month = [], today.replace(day=1)
    for _n in range(count):
        months.append(month)
        month = month_before(month)
    return months


def _report(office: Office, month: str) -> MonthlyReport:
    try:
        first = date.fromisoformat(f"{month}-01")
    except ValueError as exc:
        raise Http404("No such month.") from exc
    return get_object_or_404(MonthlyReport.objects.select_related("office"), office=office,
                             month=first)


@login_required
@require_POST
def report_generate(request: HttpRequest, slug: str):
    office, _membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    month = _month(request.POST.get("month", ""), timezone.localdate())
    try:
        report = services.report_request(actor=request.user, office=office, month=month)
    except services.ReportRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect("reports-dashboard", slug=office.slug)
    return redirect("reports-report", slug=office.slug, month=report.slug)


@login_required
@require_POST
def report_publish(request: HttpRequest, slug: str, month: str):
    office, _membership = access_office(request.user, slug, role=Role.SUPERVISOR)
    report = _report(office, month)
    try:
        if request.POST.get("withdraw"):
            services.report_withdraw(actor=request.user, report=report)
            messages.success(request, _("The report is no longer public."))
        else:
            services.report_publish(actor=request.user, report=report)
            messages.success(request, _("Published. Link to it from BIP."))
    except services.ReportRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
    return redirect("reports-report", slug=office.slug, month=report.slug)


def _public_report(request: HttpRequest, slug: str, month: str) -> tuple[MonthlyReport, bool]:
    """A published report for anyone; an unpublished one only for the office's staff."""
    if not SLUG.fullmatch(slug or ""):
        raise Http404("No such office.")
    office = get_object_or_404(Office, slug=slug)
    report = _report(office, month)
    staff = membership_for(request.user, office) is not None
    if report.published_at is None and not staff:
        raise Http404("Not published.")
    return report, staff


@require_GET
def report_index(request: HttpRequest, slug: str):
    """The office's published monthly reports, for anyone (and a link from BIP)."""
    if not SLUG.fullmatch(slug or ""):
        raise Http404("No such office.")
    office = get_object_or_404(Office, slug=slug)
    return render(request, "reports/report_index.html", {
        "office": office, "membership": membership_for(request.user, office),
        "reports": MonthlyReport.objects.filter(office=office, published_at__isnull=False)})


@require_GET
def report_page(request: HttpRequest, slug: str, month: str):
    report, staff = _public_report(request, slug, month)
    membership = membership_for(request.user, report.office)
    context = {"staff": staff, "membership": membership,
               "can_publish": bool(membership and membership.allows(Role.SUPERVISOR))}
    if report.status != MonthlyReport.Status.READY:
        if request.htmx:
            return render(request, "reports/_progress.html", {"report": report, **context})
        return render(request, "reports/report_public.html",
                      {"office": report.office, "report": report, **context})
    if request.htmx:  # the progress poll: the report is ready, load the page
        response = HttpResponse()
        response["HX-Refresh"] = "true"
        return response
    return render(request, "reports/report_public.html",
                  {**services.report_context(report), **context})


@require_GET
def report_pdf(request: HttpRequest, slug: str, month: str):
    report, _staff = _public_report(request, slug, month)
    if report.status != MonthlyReport.Status.READY:
        raise Http404("Not generated yet.")
    response = HttpResponse(services.report_pdf(report, base_url=request.build_absolute_uri("/")),
                            content_type="application/pdf")
    response["Content-Disposition"] = (f'inline; filename="raport-{report.office.slug}-'
                                       f'{report.slug}.pdf"')
    return response


@require_GET
def report_csv(request: HttpRequest, slug: str, month: str):
    report, _staff = _public_report(request, slug, month)
    if report.status != MonthlyReport.Status.READY:
        raise Http404("Not generated yet.")
    response = HttpResponse(services.report_csv(report.data), content_type="text/csv; "
                                                                          "charset=utf-8")
    response["Content-Disposition"] = (f'attachment; filename="raport-{report.office.slug}-'
                                       f'{report.slug}.csv"')
    return response
