"""What the dashboard shows, read in one place: the figures of a month beside the month before,
the self-audit of the last whole month, and the lists beside them."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from ratusz.lib.timeutil import month_before
from ratusz.offices.models import Office
from ratusz.publishing.models import Post
from ratusz.reports import charts, figures, metrics, selfaudit, services
from ratusz.reports.models import MonthlyReport


def dashboard_figures(office: Office, *, month: date, channel=None, department=None,
                      today: date) -> dict:
    """The dashboard's context. A finished month of the whole office is read from its monthly
    report as generated (no recomputing); anything else is computed now."""
    period = metrics.Period.month(month.year, month.month)
    previous_period = period.previous()
    if period.end > today:
        # This month so far, beside the same days of the month before (not all of it).
        period = metrics.Period(period.start, today)
        previous_period = metrics.Period(previous_period.start, min(
            previous_period.end, previous_period.start + timedelta(days=period.days - 1)))
    reports = {r.month: r for r in MonthlyReport.objects.filter(
        office=office, status=MonthlyReport.Status.READY,
        month__in=[period.start, previous_period.start, month_before(today)])}

    def figures_for(chosen: metrics.Period, *, filtered: bool = True) -> dict:
        whole = chosen.whole_months() == 1 and chosen.end < today
        if whole and not (filtered and (channel or department)) and chosen.start in reports:
            return reports[chosen.start].data
        if filtered:
            return metrics.compute(office, chosen, channel=channel, department=department)
        return metrics.compute(office, chosen)

    current = figures_for(period)
    previous = figures_for(previous_period)
    # The self-audit judges a whole, finished month of the whole office: questions that came
    # in an hour ago say nothing yet about how the office answers.
    audited = metrics.Period.month(month.year, month.month)
    if audited.end >= today:
        audited = audited.previous()
    audit_metrics = current if (audited == period and channel is None and department is None) \
        else figures_for(audited, filtered=False)
    audit = selfaudit.audit(office, metrics=audit_metrics)
    start, end = period.bounds(ZoneInfo(office.time_zone))
    names = dict(office.departments.values_list("slug", "name"))
    stored = reports.get(period.start) if current is getattr(
        reports.get(period.start), "data", None) else None
    return {
        "period": period, "previous_period": previous_period, "m": services.labelled(current),
        "figures": figures.key_figures(current, previous), "charts": charts.all_charts(current),
        "audit": audit, "score": selfaudit.score(audit), "audited": audited,
        "from_report": stored,
        "unlinked": Post.objects.filter(
            office=office, type=Post.Type.NOTICE, has_bip_link=False,
            status=Post.Status.PUBLISHED, published_at__gte=start, published_at__lt=end,
        ).order_by("-published_at")[:20],
        "departments_rows": [
            {**row, "department": names.get(row.get("department"), row.get("department"))}
            for row in current["response"].get("by_department") or [] if row.get("questions")],
    }
