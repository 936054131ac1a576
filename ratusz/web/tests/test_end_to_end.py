"""The whole pipeline against the Meta sandbox: webhook in, human reply out, echo back."""

import json
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from ratusz.audit.services import verify_chain
from ratusz.inbox.clock import forget_calendars
from ratusz.inbox.models import Conversation, Message
from ratusz.inbox.services import reply_send
from ratusz.intake.models import Delivery
from ratusz.sandbox.traffic import play_scenario
from ratusz.testing import SandboxLink
from ratusz.web.demo import load_demo

pytestmark = pytest.mark.django_db


WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def demo(db):
    """The demo office on a Tuesday morning, when it is open (the clock keeps ticking)."""
    forget_calendars()
    with time_machine.travel(datetime(2026, 11, 24, 10, 0, tzinfo=WARSAW)):
        office, _ = load_demo(history=False)
        yield office
    forget_calendars()


def redactor():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="redaktor")


def test_comment_answered_publicly_reaches_the_platform_once(sandbox, demo, committed):
    sandbox.inbound(channel="facebook", kind="comment", text="Kiedy odbiór gabarytów?",
                    who="Ewa Malinowska")
    sandbox.flush()
    conversation = Conversation.objects.get()
    with committed():
        reply = reply_send(actor=redactor(), conversation=conversation,
                           text="Odbiór gabarytów 12 grudnia.", mode="public")
    sandbox.flush()  # the sandbox's feed webhook for the Page's own comment
    reply.refresh_from_db()
    assert reply.delivery == "sent" and reply.platform_id
    posts = [r for r in sandbox.graph_requests() if r["method"] == "POST"]
    assert len(posts) == 1 and posts[0]["path"].endswith(f"/{conversation.thread_key}/comments")
    assert Message.objects.filter(direction="out").count() == 1
    assert set(sandbox.statuses) == {200}


def test_messenger_message_answered_privately_and_echo_matched(sandbox, demo, committed):
    sandbox.inbound(channel="facebook", kind="message", text="Czy mogę zapłacić podatek online?",
                    who="Jan Kowalski")
    sandbox.flush()
    conversation = Conversation.objects.get(kind="direct")
    with committed():
        reply = reply_send(actor=redactor(), conversation=conversation,
                           text="Tak, przelewem na konto gminy.", mode="message")
    assert sandbox.flush() == 1  # the echo
    reply.refresh_from_db()
    assert reply.delivery == "sent" and reply.platform_id.startswith("m_")
    assert Message.objects.filter(direction="out").count() == 1


def test_private_reply_to_a_comment(sandbox, demo, committed):
    sandbox.inbound(channel="facebook", kind="comment",
                    text="Proszę o kontakt w sprawie mojej deklaracji", who="Adam Nowicki")
    sandbox.flush()
    conversation = Conversation.objects.get()
    with committed():
        reply = reply_send(actor=redactor(), conversation=conversation,
                           text="Odpisaliśmy prywatnie.", mode="private")
    sandbox.flush()
    reply.refresh_from_db()
    assert reply.delivery == "sent" and reply.is_private_reply


def test_instagram_dm_reply(sandbox, demo, committed):
    sandbox.inbound(channel="instagram", kind="message", text="Jak zgłosić dziurę w drodze?",
                    who="kasia_z_lipowej")
    sandbox.flush()
    conversation = Conversation.objects.get(channel__platform="instagram")
    with committed():
        reply = reply_send(actor=redactor(), conversation=conversation,
                           text="Przez formularz na stronie gminy.", mode="message")
    sandbox.flush()
    reply.refresh_from_db()
    assert reply.delivery == "sent"
    assert Message.objects.filter(direction="out").count() == 1


def test_demo_day_lands_whole_without_duplicates(sandbox, demo, capsys):
    deliveries = play_scenario("demo-day", SandboxLink.TARGET, sandbox.secret, speed=1000,
                               state=sandbox.app.state, sender=sandbox._queue,
                               sleep=lambda s: None)
    sandbox.flush()
    assert set(sandbox.statuses) == {200}
    # The scenario's deliveries, plus the sandbox's webhooks for the protective hide and for
    # the echo of the private notice sent to the comment's author.
    assert Delivery.objects.count() == len(deliveries) + 2
    assert set(Delivery.objects.values_list("status", flat=True)) == {"processed"}
    ids = list(Message.objects.values_list("platform_id", flat=True))
    assert len(ids) == len(set(ids))
    kinds = Counter(Message.objects.values_list("channel__platform", "kind", "direction"))
    for kind in [("facebook", "comment", "in"), ("facebook", "message", "in"),
                 ("instagram", "comment", "in"), ("instagram", "message", "in"),
                 ("facebook", "message", "out")]:
        assert kinds[kind] > 0, kind
    texts = " ".join(Message.objects.values_list("text", flat=True)).lower()
    for word in ["śmieci", "podat", "gaz", "informacji publicznej", "44051401359"]:
        assert word in texts, word
    summaries = [d.summary["counts"] for d in Delivery.objects.all()]
    assert any(c.get("unchanged") for c in summaries)  # redeliveries changed nothing
    # Triage read every resident's message and the desk acted on the three that matter.
    incoming = Message.objects.filter(direction="in").exclude(text="")
    assert not incoming.filter(analysis__isnull=True).exists()
    gas = incoming.get(text__contains="Czuć gaz")
    assert gas.analysis.urgent and gas.conversation.is_urgent
    pesel = incoming.get(text__contains="44051401359")
    assert pesel.analysis.personal_data and pesel.is_hidden
    udip = incoming.get(text__contains="informacji publicznej")
    assert udip.analysis.public_information_request
    assert udip.conversation.deadlines.filter(rule="udip").exists()
    assert verify_chain().ok
    call_command("export", "messages")
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == Message.objects.filter(created_at__isnull=False).count()



def test_messaging_residents_get_their_names_and_posts_their_text(sandbox, demo):
    sandbox.inbound(channel="facebook", kind="message", text="Dzień dobry", who="Jan Kowalski")
    sandbox.inbound(channel="instagram", kind="comment", text="Super!", who="ola.nowak")
    sandbox.flush()
    direct = Conversation.objects.get(kind="direct")
    assert direct.resident.display_name == "Jan Kowalski"
    comment = Conversation.objects.get(kind="comments")
    assert comment.post.text  # the media caption, fetched from the Graph API


def test_out_of_hours_the_resident_gets_one_automatic_acknowledgement(sandbox, db):
    forget_calendars()
    with time_machine.travel(datetime(2026, 11, 28, 21, 0, tzinfo=WARSAW)):  # Saturday night
        load_demo(history=False)
        sandbox.inbound(channel="facebook", kind="message", who="Jan Kowalski",
                        text="Czuć gaz w piwnicy bloku przy Lipowej 5!")
        sandbox.flush()
        sandbox.inbound(channel="facebook", kind="message", who="Jan Kowalski",
                        text="Halo, jest tam ktoś?")
        sandbox.flush()
    forget_calendars()
    sent = [r for r in sandbox.graph_requests()
            if r["method"] == "POST" and r["path"].endswith("/messages")]
    assert len(sent) == 1
    text = sent[0]["body"]["message"]["text"]
    assert "automatyczna" in text and "w poniedziałek 30 listopada od 8:00" in text
    assert "112" in text and "600 100 200" in text
    ack = Message.objects.get(origin=Message.Origin.AUTOMATIC)
    assert ack.delivery == "sent"
    assert Conversation.objects.get().status == Conversation.Status.NEW
