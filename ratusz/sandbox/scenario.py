"""Scenario files: a list of resident events plus delivery directives, read from TOML.

[scenario]
name = "demo-day"
delay = 3.0                # seconds between deliveries at speed 1

[[step]]                   # an event
name = "odpady-1"          # local name other steps can refer to
channel = "facebook"       # facebook | instagram
kind = "comment"
who = "Anna Kowalska"
post = "odpady"            # world post/media key, full id, or the local name of a page_post
text = "Kiedy odbiór?"
at = "-5h"                 # time relative to the start of playback (absent: when delivered)

[[step]]                   # a directive
directive = "batch"        # batch N | out_of_order N | redeliver ref | delay seconds
count = 3
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .util import parse_duration

SCENARIOS_DIR = Path(__file__).parent / "scenarios"

KINDS: dict[str, set[str]] = {
    "facebook": {
        "comment",
        "comment_edit",
        "comment_remove",
        "comment_hide",
        "comment_unhide",
        "reaction",
        "page_post",
        "message",
        "message_edit",
        "message_delete",
        "postback",
        "read",
        "delivery",
        "echo",
    },
    "instagram": {"comment", "message", "message_edit", "message_delete", "echo", "seen"},
}
TARGET_KINDS = {  # kind -> kinds its `target` may name
    "comment_edit": {"comment"},
    "comment_remove": {"comment"},
    "comment_hide": {"comment"},
    "comment_unhide": {"comment"},
    "message_edit": {"message"},
    "message_delete": {"message"},
    "read": {"echo"},
    "delivery": {"echo"},
    "seen": {"echo"},
    "reaction": {"comment"},
}
NEEDS_WHO = {"comment", "reaction", "message", "postback", "read", "delivery", "echo", "seen"}
NEEDS_TEXT = {"comment", "comment_edit", "page_post", "echo"}
SINGLE_KINDS = {"comment", "message", "postback", "reaction", "page_post", "echo"}
DIRECTIVES = {"batch", "out_of_order", "redeliver", "delay"}
VARIANT_NAMES = {
    "numeric_ids",
    "legacy_sender",
    "extra_fields",
    "ig_comment_id",
    "unconnected_page",
}


class ScenarioError(ValueError):
    pass


@dataclass(frozen=True)
class Event:
    kind: str
    channel: str = "facebook"
    name: str | None = None
    who: str | None = None
    username: str | None = None
    text: str | None = None
    at: float | None = None
    post: str | None = None
    parent: str | None = None
    target: str | None = None
    reply_to: str | None = None
    attachments: tuple[dict[str, Any], ...] = ()
    quick_reply: str | None = None
    title: str | None = None
    payload: str | None = None
    reaction: str | None = None
    app_id: int | None = None
    link: str | None = None
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Directive:
    directive: str
    count: int = 2
    ref: str | None = None
    seconds: float | None = None


Step = Event | Directive


@dataclass(frozen=True)
class Send:
    events: tuple[int, ...]  # indices into the step list, delivered together in one POST


@dataclass(frozen=True)
class Redeliver:
    ref: str


@dataclass(frozen=True)
class SetDelay:
    seconds: float


PlanItem = Send | Redeliver | SetDelay


@dataclass
class Scenario:
    name: str
    steps: list[Step]
    delay: float = 2.0
    description: str = ""
    plan: list[PlanItem] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [s for s in self.steps if isinstance(s, Event)]


# -- parsing ---------------------------------------------------------------------------------------

_EVENT_FIELDS = {f.name for f in fields(Event)}


def event_from_dict(raw: dict[str, Any]) -> Event:
    unknown = set(raw) - _EVENT_FIELDS
    if unknown:
        raise ScenarioError(f"unknown event fields {sorted(unknown)} in {raw!r}")
    data = dict(raw)
    if data.get("at") is not None:
        data["at"] = parse_duration(data["at"])
    data["attachments"] = tuple(data.get("attachments", ()))
    data["variants"] = tuple(data.get("variants", ()))
    if data.get("app_id") is not None:
        data["app_id"] = int(data["app_id"])
    return Event(**data)


def directive_from_dict(raw: dict[str, Any]) -> Directive:
    allowed = {"directive", "count", "ref", "seconds"}
    if set(raw) - allowed:
        raise ScenarioError(f"unknown directive fields {sorted(set(raw) - allowed)} in {raw!r}")
    seconds = raw.get("seconds")
    return Directive(
        raw["directive"],
        int(raw.get("count", 2)),
        raw.get("ref"),
        None if seconds is None else float(seconds),
    )


def step_from_dict(raw: dict[str, Any]) -> Step:
    return directive_from_dict(raw) if "directive" in raw else event_from_dict(raw)


def scenario_from_dict(data: dict[str, Any], default_name: str = "scenario") -> Scenario:
    head = data.get("scenario", {})
    steps = [step_from_dict(raw) for raw in data.get("step", [])]
    scenario = Scenario(
        name=head.get("name", default_name),
        steps=steps,
        delay=float(head.get("delay", 2.0)),
        description=head.get("description", ""),
    )
    validate(scenario.steps)
    scenario.plan = compile_plan(scenario.steps)
    return scenario


def scenario_path(name_or_path: str | Path) -> Path:
    path = Path(name_or_path)
    if path.suffix == ".toml" and path.exists():
        return path
    candidate = SCENARIOS_DIR / f"{name_or_path}.toml"
    if not candidate.exists():
        raise ScenarioError(f"no scenario named {name_or_path!r} (looked in {SCENARIOS_DIR})")
    return candidate


def load_scenario(name_or_path: str | Path) -> Scenario:
    path = scenario_path(name_or_path)
    with open(path, "rb") as fh:
        return scenario_from_dict(tomllib.load(fh), default_name=path.stem)


def available_scenarios() -> list[str]:
    return sorted(p.stem for p in SCENARIOS_DIR.glob("*.toml"))


# -- validation ------------------------------------------------------------------------------------


def validate(steps: list[Step]) -> None:
    """Check kinds, required fields and that every reference names an earlier event."""
    seen: dict[str, Event] = {}
    for position, step in enumerate(steps, 1):
        where = f"step {position}"
        if isinstance(step, Directive):
            _validate_directive(step, seen, where)
            continue
        _validate_event(step, seen, where)
        if step.name:
            if step.name in seen:
                raise ScenarioError(f"{where}: duplicate name {step.name!r}")
            seen[step.name] = step


def validate_single(event: Event) -> None:
    """Checks for one hand-made event; its `parent` may be a comment id already in the sandbox."""
    if event.kind not in SINGLE_KINDS:
        raise ScenarioError(f"a single event must be one of {sorted(SINGLE_KINDS)}")
    if event.target or event.reply_to:
        raise ScenarioError("a single event cannot refer to other events (target, reply_to)")
    _validate_event(event, {}, "event", check_refs=False)


def _validate_event(
    event: Event, seen: dict[str, Event], where: str, check_refs: bool = True
) -> None:
    if event.channel not in KINDS:
        raise ScenarioError(f"{where}: unknown channel {event.channel!r}")
    if event.kind not in KINDS[event.channel]:
        raise ScenarioError(f"{where}: kind {event.kind!r} is not available on {event.channel}")
    if event.kind in NEEDS_WHO and not event.who:
        raise ScenarioError(f"{where}: {event.kind} needs `who`")
    if event.kind in NEEDS_TEXT and not event.text:
        raise ScenarioError(f"{where}: {event.kind} needs `text`")
    if event.kind == "message" and not (event.text or event.attachments):
        raise ScenarioError(f"{where}: message needs `text` or `attachments`")
    if event.kind == "comment" and not (event.post or event.parent):
        raise ScenarioError(f"{where}: comment needs `post` or `parent`")
    if unknown := set(event.variants) - VARIANT_NAMES:
        raise ScenarioError(f"{where}: unknown variants {sorted(unknown)}")
    if check_refs:
        _validate_refs(event, seen, where)


def _validate_refs(event: Event, seen: dict[str, Event], where: str) -> None:
    for attr, kinds in (
        ("parent", {"comment"}),
        ("reply_to", {"message", "echo"}),
        ("target", TARGET_KINDS.get(event.kind)),
    ):
        ref = getattr(event, attr)
        if ref is None:
            continue
        if ref not in seen:
            raise ScenarioError(
                f"{where}: `{attr}` refers to {ref!r}, which is not an earlier event"
            )
        if kinds and seen[ref].kind not in kinds:
            raise ScenarioError(
                f"{where}: `{attr}` must name a {'/'.join(sorted(kinds))}, not {seen[ref].kind}"
            )
    if (
        event.kind in TARGET_KINDS
        and event.kind not in {"read", "delivery", "seen", "reaction"}
        and not event.target
    ):
        raise ScenarioError(f"{where}: {event.kind} needs `target`")


def _validate_directive(directive: Directive, seen: dict[str, Event], where: str) -> None:
    if directive.directive not in DIRECTIVES:
        raise ScenarioError(f"{where}: unknown directive {directive.directive!r}")
    if directive.directive == "redeliver" and directive.ref not in seen:
        raise ScenarioError(f"{where}: redeliver needs `ref` naming an earlier event")
    if directive.directive == "delay" and (directive.seconds is None or directive.seconds < 0):
        raise ScenarioError(f"{where}: delay needs `seconds` >= 0")
    if directive.directive == "batch" and directive.count < 1:
        raise ScenarioError(f"{where}: batch needs `count` >= 1")
    if directive.directive == "out_of_order" and directive.count < 2:
        raise ScenarioError(f"{where}: out_of_order needs `count` >= 2")


# -- delivery plan ---------------------------------------------------------------------------------


def compile_plan(steps: list[Step]) -> list[PlanItem]:
    """Turn steps into deliveries: `batch N` groups the next N events into one POST,
    `out_of_order N`
    sends the next N events in reverse order, `redeliver` repeats the POST that carried `ref`."""
    plan: list[PlanItem] = []
    sent: set[str] = set()
    i = 0
    while i < len(steps):
        step = steps[i]
        before = len(plan)
        if isinstance(step, Event):
            plan.append(Send((i,)))
            i += 1
        elif step.directive in ("batch", "out_of_order"):
            group = _take_events(steps, i + 1, step.count, step.directive)
            if step.directive == "batch":
                plan.append(Send(tuple(group)))
            else:
                plan.extend(Send((j,)) for j in reversed(group))
            i += 1 + step.count
        elif step.directive == "redeliver":
            if step.ref not in sent:
                raise ScenarioError(f"redeliver of {step.ref!r} before it was delivered")
            plan.append(Redeliver(step.ref))  # type: ignore[arg-type]
            i += 1
        else:
            plan.append(SetDelay(step.seconds or 0.0))
            i += 1
        for item in plan[before:]:
            if isinstance(item, Send):
                sent.update(name for j in item.events if (name := steps[j].name))  # type: ignore[union-attr]
    return plan


def _take_events(steps: list[Step], start: int, count: int, directive: str) -> list[int]:
    group = list(range(start, start + count))
    if group[-1] >= len(steps) or any(not isinstance(steps[j], Event) for j in group):
        raise ScenarioError(
            f"{directive} {count} at step {start} must be followed by {count} events"
        )
    return group
