from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ratusz.reports import services


@db_task()
def generate_report_task(report_id: int) -> None:
    services.report_generate(report_id)


@db_periodic_task(crontab(hour="6", minute="0"))
def monthly_reports_task() -> None:
    """Every morning (so a worker that was down on the 1st catches up), last month's report
    for every office that has none yet, to review."""
    services.reports_for_last_month()
