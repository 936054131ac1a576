from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from ratusz.moderation.services import blocks_remind_reviews, restrictions_lift_expired


@db_periodic_task(crontab(minute="*/5"))
@lock_task("moderation-restrictions")
def restrictions_task() -> None:
    """Expired restrictions are lifted on the platform within five minutes."""
    restrictions_lift_expired()


@db_periodic_task(crontab(hour="7", minute="30"))
@lock_task("moderation-block-reviews")
def block_reviews_task() -> None:
    """Each morning, the owners of blocks due for review hear about it (once a week)."""
    blocks_remind_reviews()
