"""What an office's administrator needs to see to know the desk is healthy."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min
from django.utils import timezone

from ratusz.channels.models import Channel
from ratusz.intake.models import Delivery
from ratusz.outbox.models import OutboxAction


@dataclass
class Health:
    channels: list
    outbox_counts: dict
    failed_actions: list
    delivery_counts: dict
    oldest_waiting_since: datetime | None


def health_get(office) -> Health:
    outbox = OutboxAction.objects.filter(office=office)
    waiting = Delivery.objects.filter(status__in=[Delivery.Status.RECEIVED,
                                                  Delivery.Status.PROCESSING])
    oldest = waiting.aggregate(first=Min("received_at"))["first"]
    return Health(
        channels=list(Channel.objects.filter(office=office).order_by("platform", "name")),
        outbox_counts=dict(outbox.values_list("status").annotate(n=Count("id"))),
        failed_actions=list(outbox.filter(status=OutboxAction.Status.FAILED,
                                          created_at__gte=timezone.now() - timedelta(days=7))
                            .select_related("channel", "message__conversation")
                            .order_by("-created_at")[:50]),
        # Deliveries are not yet tied to an office; counts only, never their content.
        delivery_counts=dict(Delivery.objects.values_list("status").annotate(n=Count("id"))),
        oldest_waiting_since=oldest,
    )
