"""The optional language-model draft, against a local fake of the office's endpoint: only the
retrieved entries reach the prompt, identifiers never do, and nothing is sent."""

import httpx
import pytest

from ratusz.answers import knowledge, llm
from ratusz.answers.llm_fake import FakeModel
from ratusz.answers.models import KnowledgeEntry
from ratusz.inbox.models import Message
from ratusz.outbox.models import OutboxAction

pytestmark = pytest.mark.django_db


@pytest.fixture
def model(monkeypatch, demo):
    fake = FakeModel()
    monkeypatch.setattr(llm, "TRANSPORT", httpx.WSGITransport(app=fake))
    demo.llm_url, demo.llm_model = "http://llm.test/v1", "bielik-11b"
    demo.save(update_fields=["llm_url", "llm_model"])
    knowledge.forget()
    return fake


def test_the_draft_is_grounded_in_retrieved_entries_only_and_never_sent(
        demo, people, sandbox, client, model):
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Kiedy wywóz śmieci na Lipowej? Mój PESEL 44051401359.")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    retrieved = [s["entry"] for s in knowledge.suggest(demo, "Kiedy wywóz śmieci na Lipowej?")]
    assert retrieved
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/?llm=1").content.decode()
    assert "data-llm-draft" in page and "Dzień dobry, " in page
    [request] = model.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "bielik-11b"
    prompt = request["body"]["messages"][-1]["content"]
    for entry in retrieved:
        assert entry.answer in prompt
    others = KnowledgeEntry.objects.filter(office=demo).exclude(
        pk__in=[e.pk for e in retrieved])
    assert others.exists() and not any(e.answer in prompt for e in others)
    assert "44051401359" not in prompt and "[PESEL]" in prompt
    assert "Jan Nowak" not in prompt
    assert not Message.objects.filter(direction="out").exists()
    assert not OutboxAction.objects.exists()


def test_no_draft_when_the_model_is_off_or_the_base_has_nothing(demo, people, sandbox,
                                                                client, monkeypatch):
    fake = FakeModel()
    monkeypatch.setattr(llm, "TRANSPORT", httpx.WSGITransport(app=fake))
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Kiedy wywóz śmieci?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/?llm=1").content.decode()
    assert "data-llm-draft" not in page and fake.requests == []  # off by default
    demo.llm_url, demo.llm_model = "http://llm.test/v1", "m"
    demo.save(update_fields=["llm_url", "llm_model"])
    with pytest.raises(llm.Unavailable):
        llm.draft(demo, "qwertyuiop zxcvbnm")
    assert fake.requests == []
