"""The dashboard and the public report in a real browser, checked with axe-core."""

from datetime import date

from ratusz.reports import metrics, services
from ratusz.reports.models import MonthlyReport
from ratusz.testing import BROWSER_MARKS, assert_accessible
from ratusz.web.demo import DEMO_PASSWORD, load_demo

pytestmark = BROWSER_MARKS


def test_the_dashboard_and_the_public_report_are_accessible(live_server, page):
    import time_machine

    from ratusz.conftest import WARSAW

    # The demo's history is the month before "today": pin today so it is October 2026.
    with time_machine.travel(__import__("datetime").datetime(2026, 11, 24, 10, 0,
                                                             tzinfo=WARSAW)):
        office, _created = load_demo()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Nazwa użytkownika").fill("sekretarz")
    page.get_by_label("Hasło").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Zaloguj się").click()
    page.wait_for_url("**/inbox/")
    page.goto(f"{live_server.url}/o/demo/raporty/")
    page.locator("[data-figures]").wait_for()
    assert page.locator("[data-audit] [data-item]").count() >= 8
    assert_accessible(page, "reports dashboard")
    page.select_option("#f-month", index=1)
    page.get_by_role("button", name="Pokaż").click()
    page.wait_for_url("**m=**")
    assert_accessible(page, "reports dashboard, previous month")

    month = date(2026, 10, 1)
    report = MonthlyReport.objects.filter(office=office, month=month).first() or \
        MonthlyReport.objects.create(office=office, month=month,
                                     status=MonthlyReport.Status.READY,
                                     data=metrics.compute(office, metrics.Period.month(2026, 10)))
    if report.published_at is None:
        from ratusz.offices.models import Membership

        supervisor = Membership.objects.get(office=office, user__username="sekretarz").user
        services.report_publish(actor=supervisor, report=report)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/o/demo/raport/2026-10")
    page.locator("#sec-response").wait_for()
    assert_accessible(page, "public monthly report")
