"""Turning stored deliveries into inbox state.

Processing, numbered because web processes and several workers race:
1. the receiver stores the raw body and, after commit, asks for a drain (at most one request
   per process every RATUSZ_DRAIN_DEBOUNCE seconds, shorter than RATUSZ_DRAIN_RECHECK);
2. a drain claims deliveries one by one with a conditional UPDATE, oldest first;
3. each event is applied in its own transaction and is idempotent, so a crash or a redelivery
   can only repeat work, never double it;
4. the periodic sweeper re-queues deliveries that were left claimed or failed.
"""

import json
import logging
import threading
import time
from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ratusz.channels.services import channel_for_account
from ratusz.inbox.ingest import arrival_id, event_ingest, known_arrivals
from ratusz.intake.models import Delivery
from ratusz.intake.router import intake_alias
from ratusz.platforms.meta.events import parse_payload

log = logging.getLogger(__name__)
STALE_CLAIM = timedelta(minutes=5)
MAX_ATTEMPTS = 10
_last_kick = 0.0
_kick_lock = threading.Lock()


def delivery_store(*, body: bytes, signature: str) -> Delivery:
    delivery = Delivery.objects.create(body=body, signature=signature[:100])
    # robust: a queue that is down must not turn a stored delivery into a 500 (Meta would
    # redeliver); the minute sweeper drains it anyway.
    transaction.on_commit(request_drain, using=intake_alias(), robust=True)
    return delivery


def request_drain() -> None:
    global _last_kick
    with _kick_lock:
        now = time.monotonic()
        if now - _last_kick < settings.RATUSZ_DRAIN_DEBOUNCE:
            return
        _last_kick = now
    from ratusz.intake.tasks import drain_deliveries_task

    drain_deliveries_task()


def _claim_next() -> Delivery | None:
    for candidate in Delivery.objects.filter(status=Delivery.Status.RECEIVED).order_by("id")[:20]:
        claimed = Delivery.objects.filter(pk=candidate.pk, status=Delivery.Status.RECEIVED).update(
            status=Delivery.Status.PROCESSING, claimed_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
        if claimed:
            candidate.refresh_from_db()
            return candidate
    return None


def drain(*, recheck: float | None = None) -> int:
    """Process waiting deliveries until none are left; look once more after `recheck` seconds,
    since a kick debounced in another process may have been meant for this drain."""
    done = 0
    recheck = settings.RATUSZ_DRAIN_RECHECK if recheck is None else recheck
    while True:
        delivery = _claim_next()
        if delivery is None:
            if recheck <= 0:
                return done
            time.sleep(recheck)
            recheck = 0
            continue
        delivery_process(delivery)
        done += 1


def delivery_process(delivery: Delivery) -> Delivery:
    counts: Counter[str] = Counter()
    skipped: list[str] = []
    errors: list[str] = []
    try:
        payload = json.loads(bytes(delivery.body))
    except (ValueError, RecursionError):
        payload = None
    try:
        parsed = parse_payload(payload)
    except Exception as exc:  # noqa: BLE001 - the parser is meant to be total; never hang
        log.exception("Delivery %s could not be parsed", delivery.pk)
        _finish(delivery, counts, skipped, [f"parser: {type(exc).__name__}: {exc}"[:500]])
        delivery.refresh_from_db()
        return delivery
    skipped.extend(parsed.skipped)
    channels = _channels(parsed.events)
    known = {c.pk: known_arrivals(c, parsed.events) for c in set(channels.values()) if c}
    for event in parsed.events:
        channel = channels[event.platform, event.account_id]
        if channel is None:
            counts["not_connected"] += 1
            continue
        if arrival_id(event) in known[channel.pk]:
            counts["unchanged"] += 1
            continue
        try:
            counts[event_ingest(channel, event)] += 1
        except Exception as exc:  # noqa: BLE001 - keep going; the delivery is retried
            log.exception("Event in delivery %s failed", delivery.pk)
            errors.append(f"{type(event).__name__}: {exc}"[:500].replace("\x00", ""))
    counts["skipped"] = len(skipped)
    _finish(delivery, counts, skipped, errors)
    delivery.refresh_from_db()
    return delivery


def _channels(events) -> dict:
    """The connected channel for each (platform, account id) in a delivery, looked up once."""
    keys = {(e.platform, e.account_id) for e in events}
    return {(platform, account): channel_for_account(platform, account)
            for platform, account in keys}


def _finish(delivery: Delivery, counts: Counter[str], skipped: list[str],
            errors: list[str]) -> None:
    if not errors:
        status = Delivery.Status.PROCESSED
    elif delivery.attempts >= MAX_ATTEMPTS:
        status = Delivery.Status.DEAD
        log.error("Delivery %s failed %s times and is left for a person: %s",
                  delivery.pk, delivery.attempts, errors[0])
    else:
        status = Delivery.Status.FAILED
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status, processed_at=timezone.now(), error="\n".join(errors),
        summary={"counts": dict(counts), "skipped": skipped[:50]},
    )


def deliveries_requeue() -> int:
    """Put back what a dead worker left claimed, and failed deliveries worth another try."""
    stale = timezone.now() - STALE_CLAIM
    Delivery.objects.filter(
        status=Delivery.Status.PROCESSING, claimed_at__lt=stale, attempts__gte=MAX_ATTEMPTS
    ).update(status=Delivery.Status.DEAD, error="Processing never finished.")
    return Delivery.objects.filter(
        Q(status=Delivery.Status.PROCESSING, claimed_at__lt=stale)
        | Q(status=Delivery.Status.FAILED, processed_at__lt=stale),
        attempts__lt=MAX_ATTEMPTS,
    ).update(status=Delivery.Status.RECEIVED)
