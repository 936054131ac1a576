from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from ratusz.triage.services import reanalyze


@db_periodic_task(crontab(minute="*/10"))
@lock_task("triage-reanalyze")
def reanalyze_task() -> None:
    """After an upgrade brings better analysers, stored messages are read again in the
    background, a few thousand at a time, so the inbox's flags catch up without a command."""
    reanalyze(actor="ratusz", limit=5000)
