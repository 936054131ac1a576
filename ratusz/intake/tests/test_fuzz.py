"""Throw random bodies, headers and signatures at the receiver: never a 500, nothing stored
without a valid signature, and any signed JSON object is processed without an error."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ratusz.intake.models import Delivery
from ratusz.platforms.meta.signature import encode_like_meta, sign_sha256
from ratusz.testing import IG_ID, PAGE_ID

pytestmark = pytest.mark.django_db
SECRET = "test-app-secret"
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=40), st.sampled_from([PAGE_ID, IG_ID, "add", "remove",
                                                           "comment", "feed", "\x00", ""]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
    max_leaves=20)
ids = st.one_of(st.sampled_from([PAGE_ID, IG_ID, "1", "x" * 200]), st.integers(), scalars)


def maybe(strategy):
    return st.one_of(strategy, json_values)


feed_values = st.fixed_dictionaries({}, optional={
    "item": maybe(st.sampled_from(["comment", "status", "post", "reaction", "photo"])),
    "verb": maybe(st.sampled_from(["add", "edited", "edit", "remove", "hide", "unhide"])),
    "comment_id": maybe(ids), "post_id": maybe(ids), "parent_id": maybe(ids),
    "from": maybe(st.fixed_dictionaries({"id": ids, "name": maybe(st.text(max_size=300))})),
    "sender_id": ids, "sender_name": maybe(st.text()),
    "created_time": maybe(st.integers(min_value=-10**15, max_value=10**15)),
    "message": maybe(st.text(max_size=300)), "photo": json_values, "post": json_values,
})
messaging_events = st.fixed_dictionaries({}, optional={
    "sender": maybe(st.fixed_dictionaries({"id": ids})),
    "recipient": maybe(st.fixed_dictionaries({"id": ids})),
    "timestamp": maybe(st.integers(min_value=-10**16, max_value=10**16)),
    "message": maybe(st.fixed_dictionaries({}, optional={
        "mid": maybe(ids), "text": maybe(st.text()), "is_echo": maybe(st.booleans()),
        "is_deleted": maybe(st.booleans()), "attachments": json_values,
        "metadata": maybe(st.text()), "reply_to": json_values, "app_id": ids})),
    "message_edit": json_values, "postback": json_values, "read": json_values,
    "delivery": maybe(st.fixed_dictionaries({"mids": json_values, "watermark": scalars})),
})
entries = st.fixed_dictionaries({}, optional={
    "id": maybe(ids), "time": maybe(st.integers()),
    "changes": maybe(st.lists(st.fixed_dictionaries({}, optional={
        "field": maybe(st.sampled_from(["feed", "comments", "mentions"])),
        "value": maybe(st.one_of(feed_values, json_values))}), max_size=3)),
    "messaging": maybe(st.lists(maybe(messaging_events), max_size=3)),
})
payloads = st.fixed_dictionaries({
    "object": maybe(st.sampled_from(["page", "instagram", "user"])),
    "entry": maybe(st.lists(maybe(entries), max_size=3)),
})


@FUZZ
@given(body=st.binary(max_size=300), signature=st.one_of(
    st.none(), st.text(max_size=80), st.text(max_size=70).map(lambda t: "sha256=" + t),
    st.from_regex(r"sha256=[0-9a-f]{64}", fullmatch=True)))
def test_random_bytes_and_signatures_are_refused_without_storing(client, body, signature):
    headers = {} if signature is None else {"X-Hub-Signature-256": signature}
    try:
        response = client.post("/webhooks/meta", body, content_type="application/json",
                               headers=headers)
    except ValueError:  # the test client itself refuses some header values (newlines)
        return
    assert response.status_code == 403
    assert not Delivery.objects.exists()


@FUZZ
@given(body=st.binary(max_size=300))
def test_signed_garbage_is_a_4xx_never_a_500(client, body):
    response = client.post("/webhooks/meta", body, content_type="application/json",
                           headers={"X-Hub-Signature-256": sign_sha256(body, SECRET)})
    try:
        valid = isinstance(json.loads(body), dict)
    except ValueError:
        valid = False
    assert response.status_code == (200 if valid else 400)


@FUZZ
@given(payload=payloads)
def test_any_signed_meta_shaped_payload_is_processed_without_error(client, world_once,
                                                                   committed, payload):
    assert_processed(client, committed, payload)


def assert_processed(client, committed, payload) -> None:
    body = encode_like_meta(payload)
    with committed():
        response = client.post("/webhooks/meta", body, content_type="application/json",
                               headers={"X-Hub-Signature-256": sign_sha256(body, SECRET)})
    assert response.status_code == 200
    delivery = Delivery.objects.order_by("-id").first()
    assert delivery.status == Delivery.Status.PROCESSED, delivery.error


@pytest.fixture
def world_once(world):
    return world


any_chars = st.characters(categories=["L", "N", "P", "S", "Zs", "Cc", "Cs"])
texts = st.one_of(st.text(max_size=60), st.text(max_size=20).map(lambda t: f"a\x00{t}"),
                  st.text(any_chars, max_size=30), st.text(min_size=150, max_size=400),
                  st.just(""))
real_ids = st.one_of(st.from_regex(r"[0-9]{1,20}(_[0-9]{1,20})?", fullmatch=True),
                     st.integers(min_value=0, max_value=10**18), texts)
times = st.one_of(st.integers(min_value=0, max_value=4_000_000_000),
                  st.integers(min_value=10**12, max_value=4 * 10**12), texts,
                  st.sampled_from(["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                   "2026-11-27T09:24:05+0000"]))
comment_values = st.fixed_dictionaries({
    "item": st.just("comment"), "verb": st.sampled_from(["add", "edited", "remove", "hide"]),
    "comment_id": real_ids, "post_id": real_ids, "parent_id": real_ids,
    "from": st.fixed_dictionaries({"id": real_ids, "name": texts}),
    "created_time": times, "message": texts,
})
message_events = st.fixed_dictionaries({
    "sender": st.fixed_dictionaries({"id": real_ids}),
    "recipient": st.fixed_dictionaries({"id": st.just(PAGE_ID)}),
    "timestamp": times,
    "message": st.fixed_dictionaries({"mid": real_ids, "text": texts}, optional={
        "is_echo": st.booleans(), "metadata": texts,
        "attachments": st.lists(st.fixed_dictionaries({
            "type": texts, "payload": st.fixed_dictionaries({"url": texts})}), max_size=2)}),
})
shaped = st.one_of(
    st.builds(lambda v, t: {"object": "page", "entry": [
        {"id": PAGE_ID, "time": t, "changes": [{"field": "feed", "value": v}]}]},
        comment_values, times),
    st.builds(lambda e: {"object": "page", "entry": [{"id": PAGE_ID, "messaging": [e]}]},
              message_events),
)


@FUZZ
@given(payload=shaped)
def test_well_shaped_payloads_with_hostile_values_are_stored_without_error(
    client, world_once, committed, payload
):
    assert_processed(client, committed, payload)


def test_deeply_nested_json_is_a_400_not_a_500(client):
    body = b"[" * 100_000 + b"]" * 100_000
    response = client.post("/webhooks/meta", body, content_type="application/json",
                           headers={"X-Hub-Signature-256": sign_sha256(body, SECRET)})
    assert response.status_code == 400
