"""Scenario files, the demo-day content, delivery directives and playback into the sandbox state."""

from __future__ import annotations

import re

import httpx
import pytest

from ratusz.sandbox.scenario import (
    Event,
    Redeliver,
    ScenarioError,
    Send,
    load_scenario,
    scenario_from_dict,
)
from ratusz.sandbox.state import SandboxState
from ratusz.sandbox.traffic import (
    BUSINESS_SUITE_APP_ID,
    UNCONNECTED_PAGE_ID,
    play_events,
    play_scenario,
)
from ratusz.sandbox.util import parse_duration
from ratusz.sandbox.world import load_world

from .conftest import IG_ID, PAGE_ID, SECRET, TARGET, TOKEN, Captured


def pesel_valid(pesel: str) -> bool:
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    total = sum(int(d) * w for d, w in zip(pesel[:10], weights, strict=True))
    return len(pesel) == 11 and (10 - total % 10) % 10 == int(pesel[10])


@pytest.fixture(scope="module")
def demo():
    return load_scenario("demo-day")


def play(steps, state, captured, speed=1.0, sleeps=None, delay=0.0):
    return play_events(
        steps,
        TARGET,
        SECRET,
        speed=speed,
        state=state,
        sender=captured,
        sleep=(sleeps.append if sleeps is not None else (lambda s: None)),
        delay=delay,
    )


@pytest.fixture
def state(clock):
    return SandboxState(load_world(), clock)


def test_parse_duration():
    assert parse_duration("-2h30m") == -9000
    assert parse_duration("+1d") == 86400
    assert parse_duration("90s") == 90 and parse_duration("-45") == -45 and parse_duration(12) == 12
    for bad in ("", "-", "2x", "h"):
        with pytest.raises(ValueError):
            parse_duration(bad)


# -- demo-day content ------------------------------------------------------------------------------


def test_demo_day_has_40_to_60_events_of_every_required_kind(demo):
    events = demo.events
    assert 40 <= len(events) <= 60
    kinds = {(e.channel, e.kind) for e in events}
    required = {
        ("facebook", k)
        for k in (
            "comment",
            "comment_edit",
            "comment_remove",
            "comment_hide",
            "reaction",
            "page_post",
            "message",
            "message_edit",
            "postback",
            "read",
            "delivery",
            "echo",
        )
    } | {("instagram", k) for k in ("comment", "message", "message_delete", "echo", "seen")}
    assert required <= kinds, required - kinds
    assert any(e.parent for e in events if e.channel == "facebook")
    assert any(e.parent for e in events if e.channel == "instagram")
    assert (
        any(e.attachments for e in events)
        and any(e.quick_reply for e in events)
        and any(e.reply_to for e in events)
    )
    echoes = [e for e in events if e.kind == "echo" and e.channel == "facebook"]
    assert any(e.app_id == BUSINESS_SUITE_APP_ID for e in echoes)
    assert {"numeric_ids", "legacy_sender", "extra_fields", "unconnected_page"} <= {
        v for e in events for v in e.variants
    }


def test_demo_day_covers_the_office_topics(demo):
    texts = [e.text or "" for e in demo.events]
    joined = "\n".join(texts).lower()
    for phrase in (
        "harmonogram",
        "pszok",
        "podatku od nieruchomości",
        "rat",
        "dziura",
        "odśnieżanie",
        "czuć gaz",
        "lipowa 5",
        "wnoszę o udostępnienie informacji publicznej",
        "skarg",
    ):
        assert phrase in joined, phrase
    pesels = re.findall(r"\b\d{11}\b", joined)
    assert pesels and all(pesel_valid(p) for p in pesels)
    assert any("https://" in t and "kredyt" in t.lower() for t in texts)
    offensive = [t for t in texts if re.search(r"idioci|debil", t, re.I)]
    assert len(offensive) == 2
    ig_festyn = [
        e
        for e in demo.events
        if e.channel == "instagram" and e.kind == "comment" and e.post == "festyn"
    ]
    assert len(ig_festyn) >= 2
    per_person = {}
    for e in demo.events:
        if e.kind == "message" and e.channel == "facebook":
            per_person[e.who] = per_person.get(e.who, 0) + 1
    assert max(per_person.values()) >= 3  # a Messenger thread with follow-ups


def test_demo_day_uses_every_directive(demo):
    directives = [s.directive for s in demo.steps if not isinstance(s, Event)]
    assert {"batch", "out_of_order", "redeliver", "delay"} <= set(directives)
    assert directives.count("redeliver") >= 3
    assert sum(isinstance(p, Redeliver) for p in demo.plan) >= 3


def test_playing_demo_day_registers_everyone_so_the_desk_can_answer(clock):
    from ratusz.sandbox.app import SandboxApp
    from ratusz.sandbox.delivery import Deliverer

    captured = Captured()
    app = SandboxApp(
        load_world(), deliverer=Deliverer(TARGET, SECRET, sender=captured), clock=clock
    )
    sleeps = []
    deliveries = play_scenario(
        "demo-day", TARGET, SECRET, speed=20, state=app.state, sender=captured, sleep=sleeps.append
    )
    planned = [p for p in load_scenario("demo-day").plan if isinstance(p, (Send, Redeliver))]
    assert len(deliveries) == len(captured.posts) == len(planned)
    assert captured.verified() and all(d.state == "delivered" for d in deliveries)
    assert sleeps and max(sleeps) == pytest.approx(3.0 / 20)
    for payload in captured.payloads():
        assert payload["object"] in ("page", "instagram")
        for entry in payload["entry"]:
            assert entry["id"] in (PAGE_ID, IG_ID, UNCONNECTED_PAGE_ID, int(PAGE_ID))
            assert entry["time"] <= clock.now * 1000
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")
    threads = list(app.state.threads.values())
    assert len(threads) >= 8
    for thread in threads:
        if thread.last_inbound is None:
            continue
        response = client.post(
            f"/v25.0/{thread.account_id}/messages",
            json={
                "recipient": {"id": thread.user_id},
                "message": {"text": "Dzień dobry"},
                "access_token": TOKEN,
            },
        )
        assert response.status_code == 200, (thread.user_name, response.text)
    assert any(c.deleted for c in app.state.comments.values())
    assert any(c.hidden for c in app.state.comments.values())


# -- directives ------------------------------------------------------------------------------------


def comment(name, who, at, text="Pytanie", **extra):
    return {
        "name": name,
        "kind": "comment",
        "who": who,
        "post": "odpady",
        "at": at,
        "text": text,
        **extra,
    }


def message(name, who, at, channel="facebook", text="Dzień dobry"):
    return {"name": name, "kind": "message", "who": who, "at": at, "channel": channel, "text": text}


def test_batch_groups_changes_in_one_entry_and_messages_in_separate_entries(state):
    captured = Captured()
    steps = [
        {"directive": "batch", "count": 4},
        comment("a", "Anna", "-3m"),
        comment("b", "Piotr", "-2m"),
        message("m1", "Ewa", "-1m"),
        message("m2", "Jan", "0"),
    ]
    deliveries = play(steps, state, captured)
    assert len(deliveries) == 1 and len(captured.posts) == 1
    payload = captured.payloads()[0]
    feed, *messaging = payload["entry"]
    assert len(feed["changes"]) == 2 and len(messaging) == 2
    assert all(len(e["messaging"]) == 1 for e in messaging)


def test_batch_across_objects_splits_into_one_post_per_object(state):
    captured = Captured()
    steps = [
        {"directive": "batch", "count": 2},
        comment("a", "Anna", "-1m"),
        {"kind": "comment", "channel": "instagram", "who": "Ola", "post": "festyn", "text": "Hej"},
    ]
    play(steps, state, captured)
    assert [p["object"] for p in captured.payloads()] == ["page", "instagram"]


def test_redeliver_sends_the_same_bytes_and_headers(state):
    captured = Captured()
    steps = [
        comment("a", "Anna", "-2m"),
        comment("b", "Piotr", "-1m"),
        {"directive": "redeliver", "ref": "a"},
    ]
    deliveries = play(steps, state, captured)
    assert captured.posts[2][1:] == captured.posts[0][1:]
    assert captured.posts[1][1] != captured.posts[0][1]
    assert deliveries[2].redelivery_of == deliveries[0].seq


def test_out_of_order_swaps_delivery_but_keeps_timestamps(state, clock):
    captured = Captured()
    steps = [
        {"directive": "out_of_order", "count": 2},
        comment("parent", "Anna", "-10m", "Pierwszy"),
        comment("reply", "Piotr", "-5m", "Odpowiedź", parent="parent", post=None),
    ]
    play(steps, state, captured)
    first, second = (p["entry"][0]["changes"][0]["value"] for p in captured.payloads())
    assert (first["message"], second["message"]) == ("Odpowiedź", "Pierwszy")
    assert first["parent_id"] == second["comment_id"]
    assert first["created_time"] > second["created_time"]
    assert second["created_time"] == int(clock.now - 600)


def test_delay_is_scaled_by_speed_and_changed_by_the_delay_directive(state):
    sleeps = []
    steps = [
        comment("a", "Anna", "0"),
        comment("b", "Anna", "0"),
        {"directive": "delay", "seconds": 10},
        comment("c", "Anna", "0"),
        {"directive": "redeliver", "ref": "a"},
    ]
    play(steps, state, Captured(), speed=4, sleeps=sleeps, delay=2.0)
    assert sleeps == [0.5, 2.5, 2.5]


def test_event_without_at_is_stamped_with_its_planned_delivery_time(state, clock):
    captured = Captured()
    play(
        [message("m1", "Anna", None), message("m2", "Anna", None)],
        state,
        captured,
        speed=2,
        delay=6.0,
    )
    times = [p["entry"][0]["messaging"][0]["timestamp"] for p in captured.payloads()]
    assert times == [int(clock.now * 1000), int((clock.now + 3) * 1000)]


def test_messaging_event_sets_the_thread_window_from_its_timestamp(state, clock):
    play(
        [message("m1", "Anna Kowalska", "-23h"), message("ig", "Ola", "-2h", channel="instagram")],
        state,
        Captured(),
    )
    windows = {t.user_name: t.last_inbound for t in state.threads.values()}
    assert windows == {"Anna Kowalska": clock.now - 23 * 3600, "Ola": clock.now - 7200}


# -- variants --------------------------------------------------------------------------------------


def test_variants_numeric_ids_legacy_sender_extra_fields_and_unconnected_page(state):
    captured = Captured()
    steps = [
        comment("old", "Henryk", "-3m", variants=["numeric_ids", "legacy_sender"]),
        comment("extra", "Olga", "-2m", variants=["extra_fields"]),
        comment("elsewhere", "Wiesław", "-1m", variants=["unconnected_page"]),
        {
            "kind": "comment",
            "channel": "instagram",
            "who": "Ola",
            "post": "festyn",
            "text": "x",
            "variants": ["ig_comment_id"],
        },
    ]
    play(steps, state, captured)
    old, extra, elsewhere, ig = captured.payloads()
    value = old["entry"][0]["changes"][0]["value"]
    assert old["entry"][0]["id"] == int(PAGE_ID) and "from" not in value
    assert value["sender_name"] == "Henryk" and isinstance(value["sender_id"], int)
    assert (
        "sandbox_unknown" in extra
        and extra["entry"][0]["changes"][0]["value"]["is_sandbox_extra"] is True
    )
    assert elsewhere["entry"][0]["id"] == UNCONNECTED_PAGE_ID
    assert elsewhere["entry"][0]["changes"][0]["value"]["post_id"].startswith(
        UNCONNECTED_PAGE_ID + "_"
    )
    ig_value = ig["entry"][0]["changes"][0]["value"]
    assert ig_value["comment_id"] == ig_value["id"]
    texts = {c.author_name for c in state.comments.values()}
    assert (
        "Wiesław" not in texts and "Henryk" in texts
    )  # events for an unconnected page are not registered


# -- validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "steps,problem",
    [
        ([{"kind": "explode", "who": "A", "text": "x"}], "not available"),
        ([{"kind": "comment", "who": "A", "text": "x"}], "needs `post`"),
        (
            [{"kind": "comment_edit", "target": "later", "text": "x"}, comment("later", "A", "0")],
            "not an earlier event",
        ),
        ([{"directive": "redeliver", "ref": "a"}, comment("a", "A", "0")], "earlier event"),
        (
            [
                {"directive": "batch", "count": 2},
                comment("a", "A", "0"),
                {"directive": "delay", "seconds": 1},
            ],
            "followed by",
        ),
        ([comment("a", "A", "0"), comment("a", "B", "0")], "duplicate name"),
        (
            [{"kind": "comment", "who": "A", "post": "odpady", "text": "x", "colour": "red"}],
            "unknown event fields",
        ),
        ([{"kind": "seen", "channel": "facebook", "who": "A"}], "not available"),
        ([{"directive": "out_of_order", "count": 1}, comment("a", "A", "0")], "count"),
    ],
)
def test_invalid_scenarios_are_rejected(steps, problem):
    with pytest.raises(ScenarioError, match=problem):
        scenario_from_dict({"step": steps})


def test_scenario_plan_from_toml_text():
    import tomllib

    text = """
[scenario]
name = "mini"
delay = 1.5
[[step]]
directive = "batch"
count = 2
[[step]]
name = "a"
kind = "comment"
who = "Anna"
post = "odpady"
text = "Kiedy odbiór?"
at = "-1h"
[[step]]
kind = "message"
who = "Anna"
text = "Halo"
[[step]]
directive = "redeliver"
ref = "a"
"""
    scenario = scenario_from_dict(tomllib.loads(text))
    assert scenario.name == "mini" and scenario.delay == 1.5
    assert scenario.plan == [Send((1, 2)), Redeliver("a")]
    assert scenario.events[0].at == -3600


def test_played_replies_are_registered_under_their_parent(clock):
    from ratusz.sandbox.app import SandboxApp
    from ratusz.sandbox.delivery import Deliverer

    app = SandboxApp(load_world(), deliverer=Deliverer(None, SECRET), clock=clock)
    steps = [
        comment("top", "Anna", "-5m", "Pytanie"),
        comment("re", "Piotr", "-4m", "Odpowiedź", parent="top", post=None),
        {
            "name": "ig",
            "kind": "comment",
            "channel": "instagram",
            "who": "Ola",
            "post": "festyn",
            "text": "Kiedy?",
            "at": "-3m",
        },
        {
            "kind": "comment",
            "channel": "instagram",
            "who": "Kuba",
            "parent": "ig",
            "text": "Też pytam",
        },
    ]
    deliveries = play_events(steps, None, SECRET, state=app.state, deliverer=app.deliverer)
    fb_top = deliveries[0].payload["entry"][0]["changes"][0]["value"]["comment_id"]
    ig_top = deliveries[2].payload["entry"][0]["changes"][0]["value"]["id"]
    client = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://sandbox")
    fb = client.get(
        f"/v25.0/{fb_top}/comments", params={"fields": "message", "access_token": TOKEN}
    )
    ig = client.get(f"/v25.0/{ig_top}/replies", params={"fields": "text", "access_token": TOKEN})
    assert [c["message"] for c in fb.json()["data"]] == ["Odpowiedź"]
    assert [c["text"] for c in ig.json()["data"]] == ["Też pytam"]
