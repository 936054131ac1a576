import contextlib
import os
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from hypothesis import settings as hypothesis_settings

from ratusz.testing import World

# CI replays the same examples every run, so a red build always means a change broke
# something; on developers' machines the fuzz tests keep exploring new inputs.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "default")


def pytest_collection_modifyitems(items):
    """Every database test may touch every database: webhooks land in the intake store."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is not None and "databases" not in marker.kwargs:
            item.add_marker(pytest.mark.django_db(*marker.args, databases="__all__",
                                                  **marker.kwargs), append=False)


@pytest.fixture
def world(db):
    return World()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs on-commit callbacks (task enqueues) of every database when the
    block ends, as a real commit would."""

    @contextlib.contextmanager
    def capture(execute: bool = True):
        with contextlib.ExitStack() as stack:
            for alias in settings.DATABASES:
                stack.enter_context(django_capture_on_commit_callbacks(using=alias,
                                                                       execute=execute))
            yield

    return capture


@pytest.fixture
def webhook(client, committed):
    """Post a signed delivery and run what would run after commit (processing, sending)."""
    from ratusz.testing import post_webhook

    def send(payload, secret: str = "test-app-secret"):  # noqa: S107
        with committed():
            return post_webhook(client, payload, secret)

    return send


@pytest.fixture
def sandbox(client, committed, monkeypatch, settings):
    """The desk talking to the local Meta sandbox, in-process."""
    settings.RATUSZ_FETCH_PLATFORM_DETAILS = True
    from ratusz.outbox import sender
    from ratusz.testing import SandboxLink

    link = SandboxLink(client, committed)
    monkeypatch.setattr(sender, "GRAPH_TRANSPORT", link.transport)
    return link


WARSAW = ZoneInfo("Europe/Warsaw")
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=WARSAW)


@pytest.fixture
def demo(db):
    """The demo office (with its published rules) on a Tuesday morning, when it is open."""
    from ratusz.inbox.clock import forget_calendars
    from ratusz.web.demo import load_demo

    forget_calendars()
    with time_machine.travel(TUESDAY_MORNING):
        office, _ = load_demo(history=False)
        yield office
    forget_calendars()


@pytest.fixture
def people(demo):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects

    class People:
        admin = users.get(username="admin")
        supervisor = users.get(username="sekretarz")
        moderator = users.get(username="redaktor")
        responder = users.get(username="odpady")
        viewer = users.get(username="podglad")

    return People


@pytest.fixture
def clause(demo):
    """A clause of the demo office's rules in force, by key."""
    from ratusz.moderation.models import Regulamin

    regulamin = Regulamin.objects.in_force(demo)
    return lambda key: regulamin.clauses.get(key=key)


@pytest.fixture
def comment(sandbox, demo):
    """A resident's public comment on the demo Page, as it arrived through the sandbox."""
    from ratusz.inbox.models import Message

    def make(text="Urzędnicy to złodzieje i banda nierobów!", who="Jan Hejter",
             channel="facebook"):
        sandbox.inbound(channel=channel, kind="comment", text=text, who=who)
        sandbox.flush()
        return Message.objects.filter(direction="in").order_by("-pk").first()

    return make


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from ratusz.testing import CHROMIUM, CHROMIUM_FLAGS

    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def desk(live_server, monkeypatch):
    """The desk on a live server, with the Meta sandbox delivering webhooks to it over HTTP."""
    import httpx

    from ratusz.outbox import sender
    from ratusz.sandbox.app import SandboxApp
    from ratusz.sandbox.delivery import Deliverer
    from ratusz.sandbox.world import load_world
    from ratusz.web.demo import load_demo

    office, _ = load_demo(history=False)
    # The human reply is under test here, whatever the hour the suite runs at.
    office.ack_messages = False
    office.save(update_fields=["ack_messages"])
    target = f"{live_server.url}/webhooks/meta"
    app = SandboxApp(load_world(), deliverer=Deliverer(target, "test-app-secret"),
                     app_secret="test-app-secret")  # noqa: S106 - the test app's secret
    monkeypatch.setattr(sender, "GRAPH_TRANSPORT", httpx.WSGITransport(app=app))
    app.http = httpx.Client(transport=httpx.WSGITransport(app=app), base_url="http://graph.test")
    return app
