"""Resident traffic: plays scenario events to a webhook target, the way Meta delivers them.

Playback registers every event in the sandbox state (when one is given) just before delivering
it, so the Graph API knows the comments, the posts and each thread's last inbound message.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import httpx

from . import payloads as pl
from .delivery import Deliverer, Delivery, Sender, build_delivery
from .resolver import BUSINESS_SUITE_APP_ID, UNCONNECTED_PAGE_ID, Resolved, Resolver, register
from .scenario import (
    Directive,
    Event,
    Redeliver,
    Scenario,
    ScenarioError,
    Send,
    SetDelay,
    Step,
    compile_plan,
    load_scenario,
    step_from_dict,
    validate,
    validate_single,
)
from .state import SandboxState
from .util import IdFactory
from .world import World, load_world

__all__ = [
    "BUSINESS_SUITE_APP_ID",
    "UNCONNECTED_PAGE_ID",
    "Player",
    "build_delivery",
    "inbound_event",
    "play_events",
    "play_inbound",
    "play_scenario",
]


# -- playback --------------------------------------------------------------------------------------


class Player:
    """Plays steps to a deliverer: delays (scaled by `speed`), batches, redeliveries, reordering."""

    def __init__(
        self,
        world: World,
        deliverer: Deliverer,
        *,
        state: SandboxState | None = None,
        speed: float = 1.0,
        sleep: Callable[[float], None] | None = None,
        clock: Callable[[], float] | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.world = world
        self.deliverer = deliverer
        self.state = state
        self.speed = speed
        self.stop = stop or threading.Event()
        self.sleep = sleep or self.stop.wait
        self.clock = clock or (state.clock if state else time.time)
        self.ids = state.ids if state else IdFactory(world.seed)
        self.deliveries: list[Delivery] = []
        self.by_name: dict[str, Delivery] = {}
        self.resolved: dict[int, Resolved] = {}

    def play(self, scenario: Scenario) -> list[Delivery]:
        start = self.clock()
        resolver = Resolver(self.world, self.ids, self.state)
        self.resolved = resolver.resolve_all(scenario.steps, self._times(scenario, start))
        delay, first = scenario.delay, True
        for item in scenario.plan or compile_plan(scenario.steps):
            if self.stop.is_set():
                break
            if isinstance(item, SetDelay):
                delay = item.seconds
                continue
            if not first and delay > 0:
                self.sleep(delay / self.speed)
            first = False
            if isinstance(item, Send):
                self._send([self.resolved[i] for i in item.events])
            elif isinstance(item, Redeliver):
                self._record(self.deliverer.redeliver(self.by_name[item.ref]), [])
        return self.deliveries

    def _times(self, scenario: Scenario, start: float) -> dict[int, float]:
        """Event times: `start + at`, or the expected delivery time in declaration order."""
        times: dict[int, float] = {}
        elapsed, delay, first = 0.0, scenario.delay, True
        for index, step in enumerate(scenario.steps):
            if isinstance(step, Directive):
                delay = (
                    step.seconds
                    if step.directive == "delay" and step.seconds is not None
                    else delay
                )
                continue
            elapsed += 0.0 if first else delay / self.speed
            first = False
            times[index] = start + (step.at if step.at is not None else elapsed)
        return times

    def _send(self, group: list[Resolved]) -> None:
        if self.state is not None:
            for r in group:
                register(self.state, r)
        for batch in pl.merge([r.payload for r in group]):
            members = [r for r in group if r.payload["object"] == batch["object"]]
            summary = "; ".join(r.summary() for r in members)
            if len(members) > 1:
                summary = f"batch of {len(members)}: {summary}"
            self._record(self.deliverer.deliver(batch, summary), members)

    def _record(self, delivery: Delivery, members: list[Resolved]) -> None:
        self.deliveries.append(delivery)
        for r in members:
            if r.event.name:
                self.by_name[r.event.name] = delivery


def _deliverer(
    target_url: str | None,
    app_secret: str,
    state: SandboxState | None,
    sender: Sender | httpx.Client | None,
    sleep: Callable[[float], None] | None,
) -> Deliverer:
    kwargs: dict[str, Any] = {"sender": sender, "log": state.deliveries if state else None}
    if sleep is not None:
        kwargs["sleep"] = sleep
    return Deliverer(target_url, app_secret, **kwargs)


def play_scenario(
    name: str | Path,
    target_url: str | None,
    app_secret: str,
    speed: float = 1.0,
    state: SandboxState | None = None,
    *,
    world: World | None = None,
    sender: Sender | httpx.Client | None = None,
    sleep: Callable[[float], None] | None = None,
    deliverer: Deliverer | None = None,
    stop: threading.Event | None = None,
) -> list[Delivery]:
    """Play a scenario (name in `scenarios/` or a path) and return its deliveries in order."""
    scenario = load_scenario(name)
    return _play(
        scenario, target_url, app_secret, speed, state, world, sender, sleep, deliverer, stop
    )


def play_events(
    events: Iterable[Step | dict[str, Any]],
    target_url: str | None,
    app_secret: str,
    speed: float = 1.0,
    state: SandboxState | None = None,
    *,
    delay: float = 0.0,
    world: World | None = None,
    sender: Sender | httpx.Client | None = None,
    sleep: Callable[[float], None] | None = None,
    deliverer: Deliverer | None = None,
) -> list[Delivery]:
    """Play a list of steps (Event/Directive objects or scenario-style dicts)."""
    steps = [s if isinstance(s, (Event, Directive)) else step_from_dict(s) for s in events]
    validate(steps)
    scenario = Scenario(name="events", steps=steps, delay=delay, plan=compile_plan(steps))
    return _play(
        scenario, target_url, app_secret, speed, state, world, sender, sleep, deliverer, None
    )


def _play(
    scenario: Scenario,
    target_url: str | None,
    app_secret: str,
    speed: float,
    state: SandboxState | None,
    world: World | None,
    sender: Sender | httpx.Client | None,
    sleep: Callable[[float], None] | None,
    deliverer: Deliverer | None,
    stop: threading.Event | None,
) -> list[Delivery]:
    world = state.world if state else (world or load_world())
    deliverer = deliverer or _deliverer(target_url, app_secret, state, sender, sleep)
    player = Player(world, deliverer, state=state, speed=speed, sleep=sleep, stop=stop)
    return player.play(scenario)


INBOUND_ALIASES = {"author": "who", "post_id": "post", "media_id": "post", "parent_id": "parent"}


def _default_post(world: World, channel: str) -> str:
    items = world.posts if channel == "facebook" else world.media
    if not items:
        raise ScenarioError(f"the world has no {channel} post to comment on")
    return items[0].key


def inbound_event(data: dict[str, Any], world: World, state: SandboxState | None = None) -> Event:
    """One hand-made event for `POST /_sandbox/inbound`; `parent_id` may be a real comment id and
    `post` a real post or media id (e.g. one the desk published), whose channel is then implied."""
    raw = {INBOUND_ALIASES.get(k, k): v for k, v in data.items() if v not in (None, "")}
    post = str(raw.get("post", ""))
    if "channel" not in raw and state is not None and post:
        with state.lock:
            if state.media_for(post) is not None and state.post_for(post) is None:
                raw["channel"] = "instagram"
    raw.setdefault("channel", "facebook")
    raw.setdefault("kind", "comment")
    raw.setdefault("who", "Jan Kowalski")
    if raw["kind"] in ("comment", "reaction") and not raw.get("post") and not raw.get("parent"):
        raw["post"] = _default_post(world, raw["channel"])
    event = step_from_dict(raw)
    if not isinstance(event, Event):
        raise ScenarioError("inbound takes an event, not a directive")
    validate_single(event)
    return event


def play_inbound(
    event: Event, state: SandboxState, deliverer: Deliverer
) -> tuple[Resolved, Delivery]:
    """Resolve, register and deliver one hand-made event (parent may be a real comment id)."""
    resolver = Resolver(state.world, state.ids, state)
    resolved = resolver.resolve(
        0, event, state.clock() if event.at is None else state.clock() + event.at
    )
    register(state, resolved)
    return resolved, deliverer.deliver(resolved.payload, resolved.summary())
