"""Webhook bytes, signatures, retries and redelivery."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from ratusz.platforms.meta.signature import verify_sha256
from ratusz.sandbox.delivery import Deliverer, build_delivery

from .conftest import SECRET, TARGET

PAYLOAD = {
    "object": "page",
    "entry": [
        {
            "id": "100000000000001",
            "time": 1795860245,
            "changes": [
                {
                    "field": "feed",
                    "value": {
                        "item": "comment",
                        "verb": "add",
                        "message": "Kiedy będzie odśnieżona ul. Żółkiewskiego?",
                    },
                }
            ],
        }
    ],
}


def test_body_is_ascii_with_lowercase_unicode_escapes():
    body, headers = build_delivery(PAYLOAD, SECRET)
    assert body.isascii()
    assert b"b\\u0119dzie od\\u015bnie\\u017cona ul. \\u017b\\u00f3\\u0142kiewskiego" in body
    assert json.loads(body) == PAYLOAD
    assert headers["Content-Type"] == "application/json"


def test_signatures_cover_the_exact_bytes():
    body, headers = build_delivery(PAYLOAD, SECRET)
    expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert headers["X-Hub-Signature-256"] == f"sha256={expected}"
    assert (
        headers["X-Hub-Signature"]
        == "sha1=" + hmac.new(SECRET.encode(), body, hashlib.sha1).hexdigest()
    )
    assert verify_sha256(body, headers["X-Hub-Signature-256"], SECRET)
    # a receiver that re-serialises the JSON (unescaped UTF-8) would compute a different signature
    reserialised = json.dumps(json.loads(body), ensure_ascii=False, separators=(",", ":")).encode()
    assert not verify_sha256(reserialised, headers["X-Hub-Signature-256"], SECRET)
    assert not verify_sha256(body, headers["X-Hub-Signature-256"], "another-secret")


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=80))
def test_any_text_round_trips_and_verifies(text):
    payload = {
        "object": "instagram",
        "entry": [{"id": "1", "changes": [{"field": "comments", "value": {"text": text}}]}],
    }
    body, headers = build_delivery(payload, SECRET)
    assert body.isascii()
    assert json.loads(body)["entry"][0]["changes"][0]["value"]["text"] == text
    assert verify_sha256(body, headers["X-Hub-Signature-256"], SECRET)


def test_retries_non_2xx_with_backoff_until_success():
    answers = iter([500, 503, 200])
    calls, sleeps = [], []

    def sender(url, body, headers):
        calls.append(body)
        return next(answers)

    deliverer = Deliverer(
        TARGET, SECRET, sender=sender, sleep=sleeps.append, backoff=0.5, retries=3
    )
    delivery = deliverer.deliver(PAYLOAD, "test")
    assert delivery.state == "delivered" and [a.status for a in delivery.attempts] == [
        500,
        503,
        200,
    ]
    assert sleeps == [0.5, 1.0]
    assert len(set(calls)) == 1  # every attempt carries the same bytes


def test_gives_up_after_retries_and_records_connection_errors():
    def sender(url, body, headers):
        raise httpx.ConnectError("connection refused")

    sleeps: list[float] = []
    delivery = Deliverer(TARGET, SECRET, sender=sender, sleep=sleeps.append, retries=2).deliver(
        PAYLOAD
    )
    assert delivery.state == "failed" and len(delivery.attempts) == 3
    assert all(a.status is None and "ConnectError" in a.error for a in delivery.attempts)
    assert sleeps == [0.5, 1.0]


def test_without_target_deliveries_are_recorded_as_skipped():
    delivery = Deliverer(None, SECRET).deliver(PAYLOAD)
    assert delivery.state == "skipped" and delivery.attempts == [] and delivery.payload == PAYLOAD


def test_redelivery_is_byte_identical():
    seen = []
    deliverer = Deliverer(TARGET, SECRET, sender=lambda u, b, h: seen.append((b, dict(h))) or 200)
    first = deliverer.deliver(PAYLOAD, "pierwsza")
    again = deliverer.redeliver(first)
    assert seen[0] == seen[1]
    assert again.redelivery_of == first.seq and again.seq == first.seq + 1


def test_httpx_client_as_sender_posts_signed_bytes():
    received = []

    def handler(request: httpx.Request) -> httpx.Response:
        received.append(request)
        return httpx.Response(200)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    delivery = Deliverer(TARGET, SECRET, sender=client).deliver(PAYLOAD)
    assert delivery.state == "delivered"
    request = received[0]
    assert str(request.url) == TARGET and request.method == "POST"
    assert verify_sha256(request.content, request.headers["x-hub-signature-256"], SECRET)
    assert request.headers["content-type"] == "application/json"


def test_background_deliverer_keeps_order_and_flushes():
    seen = []
    deliverer = Deliverer(
        TARGET,
        SECRET,
        sender=lambda u, b, h: seen.append(json.loads(b)["n"]) or 200,
        background=True,
    )
    for n in range(20):
        deliverer.deliver({"object": "page", "entry": [], "n": n})
    assert deliverer.flush(timeout=5)
    assert seen == list(range(20))
    assert all(d.state == "delivered" for d in deliverer.log.since(0))
