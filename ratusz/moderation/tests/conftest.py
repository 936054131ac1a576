from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ratusz.inbox.clock import forget_calendars

WARSAW = ZoneInfo("Europe/Warsaw")
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=WARSAW)


@pytest.fixture
def demo(db):
    """The demo office (with its published rules) on a Tuesday morning, when it is open."""
    from ratusz.web.demo import load_demo

    forget_calendars()
    with time_machine.travel(TUESDAY_MORNING):
        office, _ = load_demo()
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
