from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ratusz.intake import services


@db_task()
def drain_deliveries_task() -> None:
    services.drain()


@db_periodic_task(crontab(minute="*"))
def sweep_deliveries_task() -> None:
    services.deliveries_requeue()
    services.drain(recheck=0)
