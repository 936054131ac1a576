from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task
from huey.exceptions import RetryTask

from ratusz.inbox import clock, details


@db_task(retries=3, retry_delay=60)
def fetch_resident_name_task(resident_id: int) -> None:
    if details.resident_fetch_name(resident_id):
        raise RetryTask()


@db_task(retries=3, retry_delay=60)
def fetch_post_details_task(post_id: int) -> None:
    if details.post_fetch_details(post_id):
        raise RetryTask()


@db_periodic_task(crontab(minute="*"))
def notify_breaches_task() -> None:
    clock.breaches_notify()
