"""Several workers at once, with real transactions: nothing is lost and nothing is doubled."""

import threading

import pytest
from django.db import connection

from ratusz.inbox.ingest import event_ingest
from ratusz.inbox.models import Conversation, Message
from ratusz.intake.models import Delivery
from ratusz.intake.services import drain
from ratusz.platforms.meta.events import parse_payload
from ratusz.platforms.meta.signature import encode_like_meta
from ratusz.testing import feed_comment, messenger_message

pytestmark = pytest.mark.django_db(transaction=True)


def run_together(*jobs):
    barrier = threading.Barrier(len(jobs))
    results, errors = [], []

    def worker(job):
        try:
            barrier.wait(timeout=10)
            results.append(job())
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results, errors


def test_two_workers_applying_the_same_new_comment_store_it_once(world):
    event = parse_payload(feed_comment("998877_1")).events[0]
    results, errors = run_together(lambda: event_ingest(world.page, event),
                                   lambda: event_ingest(world.page, event))
    assert errors == []
    assert sorted(results) == ["created", "unchanged"]
    assert Message.objects.count() == 1 and Conversation.objects.count() == 1


def test_two_drains_process_every_delivery_exactly_once(world):
    for i in range(30):  # stored as the receiver does, minus the kick that would drain inline
        payload = feed_comment(f"998877_{i}") if i % 2 else messenger_message(
            f"m_{i}", sender=str(5000 + i % 3))
        Delivery.objects.create(body=encode_like_meta(payload), signature="sha256=test")
    results, errors = run_together(lambda: drain(recheck=0), lambda: drain(recheck=0))
    assert errors == []
    assert sum(results) == 30
    assert set(Delivery.objects.values_list("status", flat=True)) == {"processed"}
    assert Message.objects.count() == 30
