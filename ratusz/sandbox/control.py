"""Control API under /_sandbox/: logs, deliveries, faults, reset, scenarios, hand-made events."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import RATE_LIMITS
from .page import render_index
from .scenario import Redeliver, ScenarioError, Send, available_scenarios, load_scenario
from .state import FAULT_KINDS, Fault
from .traffic import Player, inbound_event, play_inbound
from .wsgi_io import Request, Response, html_response, json_response, redirect

if TYPE_CHECKING:
    from .app import SandboxApp


@dataclass
class ScenarioRun:
    name: str
    speed: float
    total: int
    stop: threading.Event = field(default_factory=threading.Event)
    thread: threading.Thread | None = None
    player: Player | None = None
    error: str | None = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def as_json(self) -> dict[str, Any]:
        sent = len(self.player.deliveries) if self.player else 0
        return {
            "name": self.name,
            "speed": self.speed,
            "running": self.running,
            "deliveries": sent,
            "planned": self.total,
            "error": self.error,
        }


def _bad(message: str, status: int = 400) -> Response:
    return json_response(status, {"error": message})


def _since(request: Request) -> int:
    try:
        return int(request.query.get("since", 0))
    except (TypeError, ValueError):
        return 0


class ControlApi:
    def __init__(self, app: SandboxApp) -> None:
        self.app = app
        self.state = app.state
        self.run: ScenarioRun | None = None
        self.routes = {
            ("GET", ""): self.index,
            ("GET", "requests"): self.requests,
            ("GET", "deliveries"): self.deliveries,
            ("POST", "redeliver"): self.redeliver,
            ("GET", "faults"): self.faults,
            ("POST", "faults"): self.add_fault,
            ("DELETE", "faults"): self.clear_faults,
            ("POST", "reset"): self.reset,
            ("GET", "scenario"): self.scenario_status,
            ("POST", "scenario"): self.start_scenario,
            ("DELETE", "scenario"): self.stop_scenario,
            ("GET", "scenarios"): self.scenarios,
            ("POST", "inbound"): self.inbound,
            ("GET", "state"): self.summary,
        }

    def handle(self, request: Request) -> Response:
        name = "/".join(request.segments[1:])
        handler = self.routes.get((request.method, name))
        if handler is None:
            return _bad(f"no control route {request.method} /_sandbox/{name}", 404)
        return handler(request)

    # -- logs --------------------------------------------------------------------------------------

    def requests(self, request: Request) -> Response:
        data = self.state.requests_since(_since(request))
        return json_response(
            200, {"data": data, "last": data[-1]["seq"] if data else _since(request)}
        )

    def deliveries(self, request: Request) -> Response:
        with self.state.lock:
            data = [d.as_json() for d in self.state.deliveries.since(_since(request))]
        return json_response(
            200, {"data": data, "last": data[-1]["seq"] if data else _since(request)}
        )

    def redeliver(self, request: Request) -> Response:
        try:
            original = self.state.deliveries.get(int(request.body.get("seq", 0) or 0))
        except (TypeError, ValueError):
            return _bad("seq must be an integer")
        if original is None:
            return _bad("no delivery with that seq", 404)
        return json_response(200, {"delivery": self.app.deliverer.redeliver(original).seq})

    # -- faults ------------------------------------------------------------------------------------

    def faults(self, request: Request) -> Response:
        with self.state.lock:
            return json_response(200, {"data": [f.as_json() for f in self.state.faults]})

    def add_fault(self, request: Request) -> Response:
        body = request.body
        kind = body.get("kind")
        if kind not in FAULT_KINDS:
            return _bad(f"kind must be one of {list(FAULT_KINDS)}")
        try:
            fault = Fault(
                kind=kind,
                remaining=int(body.get("count", 1)),
                path_contains=body.get("path_contains") or None,
                seconds=float(body["seconds"]) if body.get("seconds") is not None else None,
                code=int(body["code"]) if body.get("code") is not None else None,
                minutes=int(body.get("minutes", 5)),
            )
        except (TypeError, ValueError) as exc:
            return _bad(f"invalid fault: {exc}")
        if fault.remaining < 1:
            return _bad("count must be at least 1")
        if fault.code is not None and (kind != "rate_limit" or fault.code not in RATE_LIMITS):
            return _bad(
                f"code applies to rate_limit faults and must be one of {sorted(RATE_LIMITS)}"
            )
        self.state.add_fault(fault)
        return self.faults(request)

    def clear_faults(self, request: Request) -> Response:
        with self.state.lock:
            self.state.faults.clear()
        return json_response(200, {"success": True})

    # -- lifecycle and scenarios -------------------------------------------------------------------

    def reset(self, request: Request) -> Response:
        if self.run:
            self.run.stop.set()
        self.state.reset()
        return json_response(200, {"success": True})

    def scenarios(self, request: Request) -> Response:
        return json_response(200, {"data": available_scenarios()})

    def scenario_status(self, request: Request) -> Response:
        return json_response(200, {"scenario": self.run.as_json() if self.run else None})

    def start_scenario(self, request: Request) -> Response:
        try:
            run = self.app.start_scenario(
                str(request.body.get("name", "")), float(request.body.get("speed", 1.0))
            )
        except (ScenarioError, ValueError) as exc:
            return _bad(str(exc))
        except RuntimeError as exc:
            return _bad(str(exc), 409)
        return json_response(202, {"started": True, "scenario": run.as_json()})

    def stop_scenario(self, request: Request) -> Response:
        if self.run:
            self.run.stop.set()
        return json_response(200, {"success": True})

    def launch(self, name: str, speed: float) -> ScenarioRun:
        if self.run and self.run.running:
            raise RuntimeError(f"scenario {self.run.name!r} is still running")
        scenario = load_scenario(name)
        run = ScenarioRun(
            name=scenario.name,
            speed=speed,
            total=sum(isinstance(p, Send | Redeliver) for p in scenario.plan),
        )
        run.player = Player(
            self.state.world, self.app.deliverer, state=self.state, speed=speed, stop=run.stop
        )

        def work() -> None:
            try:
                run.player.play(scenario)  # type: ignore[union-attr]
            except Exception as exc:  # reported through GET /_sandbox/scenario
                run.error = f"{type(exc).__name__}: {exc}"

        run.thread = threading.Thread(target=work, name=f"scenario-{scenario.name}", daemon=True)
        self.run = run
        run.thread.start()
        return run

    # -- hand-made events --------------------------------------------------------------------------

    def inbound(self, request: Request) -> Response:
        is_form = "json" not in request.headers.get("content-type", "")
        try:
            event = inbound_event(dict(request.body), self.state.world, self.state)
            resolved, delivery = play_inbound(event, self.state, self.app.deliverer)
        except (ScenarioError, KeyError, TypeError, ValueError) as exc:
            return _bad(f"invalid inbound event: {exc}")
        if is_form and request.body:
            return redirect("/_sandbox/")
        ids = {k: v for k, v in resolved.ids.items() if isinstance(v, (str, int, type(None)))}
        return json_response(
            200, {"ids": ids, "delivery": delivery.seq, "payload": resolved.payload}
        )

    def summary(self, request: Request) -> Response:
        s = self.state
        with s.lock:
            data = {
                "threads": [vars(t).copy() for t in s.threads.values()],
                "comments": [vars(c).copy() for c in s.comments.values()],
                "posts": [vars(p).copy() for p in s.posts.values()],
                "media": [vars(m).copy() for m in s.media.values()],
                "photos": [vars(p).copy() for p in s.photos.values()],
                "videos": [
                    {**vars(v), "captions": [vars(c).copy() for c in v.captions]}
                    for v in s.videos.values()
                ],
                "containers": [vars(c).copy() for c in s.containers.values()],
                "sent": [vars(m).copy() for m in s.sent],
                "private_replies": dict(s.private_replies),
                "blocked": {k: dict(v) for k, v in s.blocked.items()},
                "subscriptions": dict(s.subscriptions),
            }
        return json_response(200, data)

    # -- the human page ----------------------------------------------------------------------------

    def index(self, request: Request) -> Response:
        with self.state.lock:
            requests = self.state.requests[-30:][::-1]
            deliveries = self.state.deliveries.since(0)[-30:][::-1]
            faults = list(self.state.faults)
            pages = self.state.world.pages
            posts = [
                (p.id, p.message.split("\n")[0])
                for p in self.state.posts.values()
                if p.published and not p.deleted
            ]
            media = [(m.id, m.caption) for m in self.state.media.values()]
        return html_response(
            200,
            render_index(
                requests,
                deliveries,
                faults,
                pages,
                posts + media,
                self.run.as_json() if self.run else None,
                self.app.deliverer.target_url,
            ),
        )
