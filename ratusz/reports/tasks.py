from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ratusz.reports import services


@db_task()
def generate_report_task(report_id: int) -> None:
    services.report_generate(report_id)


@db_periodic_task(crontab(day="1", hour="6", minute="0"))
def monthly_reports_task() -> None:
    """On the first of each month, last month's report for every office, to review."""
    services.reports_for_last_month()
