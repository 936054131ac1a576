from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from ratusz.offices.models import Office
from ratusz.publishing import services


@db_periodic_task(crontab(minute="*"))
@lock_task("publishing-due")
def publish_due_task() -> None:
    services.publish_due()


@db_periodic_task(crontab(minute="17"))
@lock_task("publishing-bip-feeds")
def bip_feeds_task() -> None:
    for office in Office.objects.exclude(bip_feed_url=""):
        services.bip_fetch(office)
