from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from ratusz.outbox import services


@db_task()
def send_action_task(action_id: int) -> None:
    services.action_send(action_id)


@db_periodic_task(crontab(minute="*"))
def sweep_outbox_task() -> None:
    for action_id in services.actions_due():
        send_action_task(action_id)
