"""The sandbox as a WSGI application: Graph API routes plus the /_sandbox/ control API."""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from . import errors as err
from .control import ControlApi, ScenarioRun
from .delivery import Deliverer
from .graph import Call, GraphApi
from .residents import ResidentReactions, Schedule
from .state import Fault, SandboxState
from .world import World
from .wsgi_io import BadRequest, Request, Response, json_response, parse_request

StartResponse = Callable[..., Any]


class SandboxApp:
    """Local stand-in for graph.facebook.com and for Meta's webhook deliveries.

    Webhooks caused by Graph calls (echoes, feed changes) go through `deliverer`; by default a
    background deliverer to `webhook_target`. An injected deliverer is switched to the state's
    delivery log so `/_sandbox/deliveries` shows everything.

    With `residents_react` > 0, residents comment on every post and media published through the
    API, that many seconds later and again twice as late (`residents.py`); `schedule` replaces the
    daemon timer threads that run those comments (tests run them by hand).
    """

    def __init__(
        self,
        world: World,
        *,
        webhook_target: str | None = None,
        app_secret: str = "",
        deliverer: Deliverer | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        timeout_seconds: float = 30.0,
        residents_react: float = 0.0,
        schedule: Schedule | None = None,
    ) -> None:
        self.world = world
        self.state = SandboxState(world, clock)
        self.lock = self.state.lock
        if deliverer is None:
            deliverer = Deliverer(webhook_target, app_secret, background=True, clock=clock)
        deliverer.log = self.state.deliveries
        self.deliverer = deliverer
        self.sleep = sleep
        self.timeout_seconds = timeout_seconds
        self.graph = GraphApi(self.state)
        self.control = ControlApi(self)
        self.reactions = ResidentReactions(self.state, deliverer, residents_react, schedule)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self.dispatch(environ)
        except Exception as exc:  # a sandbox bug: answer like Meta's code 1, keep the server alive
            traceback.print_exc()
            error = err.GraphError(
                f"An unknown error occurred ({type(exc).__name__}: {exc})",
                code=1,
                status=500,
                transient=True,
            )
            response = json_response(500, error.body(self.state.ids.fbtrace_id()))
        start_response(response.status_line, response.headers)
        return [response.body]

    def dispatch(self, environ: dict[str, Any]) -> Response:
        request, problem = parse_request(environ)
        self.publish_due()
        if request.version is None and request.segments[:1] == ["_sandbox"]:
            return self.control.handle(request)
        return self.graph_call(request, problem)

    def publish_due(self) -> None:
        """Scheduled posts whose time has come are published (with their feed webhook) before
        any request, Graph or control, is answered."""
        with self.lock:
            due = self.graph.publish_due()
        for post_id, payload, summary in due:
            self.deliverer.deliver(payload, summary)
            self.reactions.published("facebook", post_id)

    def start_scenario(self, name: str, speed: float = 1.0) -> ScenarioRun:
        return self.control.launch(name, speed)

    # -- Graph API ---------------------------------------------------------------------------------

    def graph_call(self, request: Request, problem: BadRequest | None = None) -> Response:
        fault = self.state.take_fault(request.path)
        if fault and fault.kind == "timeout":
            self.sleep(fault.seconds if fault.seconds is not None else self.timeout_seconds)
        call = Call(request, self.state)
        with self.lock:
            status, body = self._answer(call, fault, problem)
            headers = self._usage_headers(call, fault, body)
            self.state.record_request(
                {
                    "time": self.state.clock(),
                    "method": request.method,
                    "path": request.path,
                    "version": request.version,
                    "query": request.query,
                    "body": request.body,
                    "token": request.token,
                    "status": status,
                    "response": body,
                    "fault": fault.kind if fault else None,
                }
            )
            outbox = list(call.outbox) if status == 200 else []
            published = list(call.published) if status == 200 else []
        for payload, summary in outbox:
            self.deliverer.deliver(payload, summary)
        for channel, object_id in published:
            self.reactions.published(channel, object_id)
        return json_response(status, body, headers)

    def _answer(
        self, call: Call, fault: Fault | None, problem: BadRequest | None
    ) -> tuple[int, dict[str, Any]]:
        try:
            if problem:
                raise err.invalid_param(str(problem))
            if fault and fault.kind != "timeout":
                raise self._fault_error(call, fault)
            return 200, self.graph.handle(call)
        except err.GraphError as exc:
            return exc.status, exc.body(self.state.ids.fbtrace_id())

    def _fault_error(self, call: Call, fault: Fault) -> err.GraphError:
        token = call.request.token
        call.page = self.state.page_by_token(token) if token else None
        if call.page:
            call.usage_key = call.page.id
        if fault.kind == "5xx":
            return err.transient_failure()
        if fault.kind == "token_expired":
            return self.graph.expired()
        return err.rate_limited(fault.code or self._rate_limit_code(call))

    def _rate_limit_code(self, call: Call) -> int:
        first = call.request.segments[0] if call.request.segments else ""
        found = self.state.resolve(first)
        instagram = found is not None and (
            found[0] in ("ig_account", "media", "container")
            or (found[0] == "comment" and found[1].channel == "instagram")
        )
        if instagram:
            call.usage_key = self._ig_id(call) or call.usage_key
            call.usage_type = "instagram"
            return 80002
        if call.request.segments[1:2] == ["messages"]:
            call.usage_type = "messenger"
            return 613
        return 80001

    def _ig_id(self, call: Call) -> str | None:
        page = call.page or self.world.default_page
        return page.instagram.id if page.instagram else None

    def _usage_headers(
        self, call: Call, fault: Fault | None, body: dict[str, Any]
    ) -> list[tuple[str, str]]:
        key = call.usage_key or self.world.default_page.id
        usage = self.state.count_call(key, self.world.page_calls_per_hour).as_dict()
        app_usage = self.state.count_call("__app__", self.world.app_calls_per_hour).as_dict()
        regain = 0
        if fault and fault.kind == "rate_limit":
            regain = fault.minutes
            if fault.code == 4:
                app_usage["call_count"] = 100
            else:
                usage["call_count"] = 100
        buc = {key: [{"type": call.usage_type, **usage, "estimated_time_to_regain_access": regain}]}
        headers = [
            ("X-Business-Use-Case-Usage", json.dumps(buc, separators=(",", ":"))),
            ("X-App-Usage", json.dumps(app_usage, separators=(",", ":"))),
        ]
        error = body.get("error") if isinstance(body, dict) else None
        if error and error.get("code") == 190:
            headers.append(
                (
                    "WWW-Authenticate",
                    f'OAuth "Facebook Platform" "invalid_token" "{error["message"]}"',
                )
            )
        return headers
