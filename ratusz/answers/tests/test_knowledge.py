"""The knowledge base: Polish search, suggestions beside the composer with their sources,
promoting a past answer, importing a CSV, and the evaluation command."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from ratusz.answers import knowledge
from ratusz.answers.kb import Index, terms
from ratusz.answers.models import KnowledgeEntry
from ratusz.audit.models import AuditEvent
from ratusz.inbox.models import Message

pytestmark = pytest.mark.django_db

CSV = "\n".join([
    "key,department,question,answer,source_url,keywords",
    'podatek-nieruchomosci,podatki,Do kiedy płacić podatek od nieruchomości?,"Podatek od '
    'nieruchomości płaci się w czterech ratach: do 15 marca, 15 maja, 15 września i 15 '
    'listopada.",https://bip.example.pl/podatki,raty termin',
    "odpady-harmonogram,odpady,Kiedy jest odbiór odpadów?,Harmonogram odbioru odpadów jest w "
    "BIP dla każdej ulicy.,https://bip.example.pl/odpady,śmieci wywóz",
    'wycinka-drzew,,Czy potrzebuję zezwolenia na wycinkę drzewa?,"Na wycinkę drzewa na własnej '
    'działce zwykle wystarczy zgłoszenie, zależnie od obwodu pnia.",'
    "https://bip.example.pl/wycinka,drzewo zgłoszenie",
]) + "\n"


def test_terms_fold_inflection_and_diacritics():
    assert terms("podatku od nieruchomości") == terms("podatek od nieruchomosci")
    assert terms("Kiedy wywóz śmieci?") == ["odbio", "odpad"]


def test_the_ranking_prefers_the_entry_that_answers():
    index = Index.build([(1, [("Kiedy jest odbiór odpadów?", 3)]),
                         (2, [("Do kiedy płacić podatek od nieruchomości?", 3)])])
    assert [d for d, _s, _m in index.search("podatek od nieruchomosci kiedy?")][0] == 2
    assert index.search("zupełnie coś innego") == []


def test_import_suggest_and_insert_with_the_source(demo, people, sandbox, client):
    knowledge.forget()
    KnowledgeEntry.objects.filter(office=demo).delete()
    assert knowledge.entries_import(actor=people.admin, office=demo, csv_text=CSV) == 3
    assert AuditEvent.objects.filter(verb="answers.knowledge.imported").exists()
    found = knowledge.suggest(demo, "podatek od nieruchomosci do kiedy?")
    assert found[0]["entry"].key == "podatek-nieruchomosci"
    assert knowledge.suggest(demo, "kiedy zabierają śmieci z Lipowej")[0]["entry"].key == \
        "odpady-harmonogram"
    sandbox.inbound(channel="facebook", kind="comment", who="Ewa Malinowska",
                    text="Dzień dobry, do kiedy trzeba zapłacić podatek od nieruchomosci?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    client.force_login(people.responder)
    page = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert 'data-entry="podatek-nieruchomosci"' in page and "https://bip.example.pl/podatki" in page
    entry = KnowledgeEntry.objects.get(key="podatek-nieruchomosci")
    page = client.get(f"/inbox/c/{conversation.uuid}/?kb={entry.pk}").content.decode()
    assert "Dzień dobry, Ewa" in page and "Więcej: https://bip.example.pl/podatki" in page


def test_a_past_answer_is_suggested_and_can_become_an_entry(demo, people, sandbox, committed):
    from ratusz.inbox.services import reply_send

    knowledge.forget()
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Gdzie mogę oddać stary telewizor?")
    sandbox.flush()
    first = Message.objects.get(direction="in").conversation
    with committed():
        reply = reply_send(actor=people.responder, conversation=first, mode="message",
                           text="Dzień dobry, zużyty sprzęt przyjmuje PSZOK przy ul. Polnej.")
    sandbox.inbound(channel="facebook", kind="message", who="Anna Lis",
                    text="Telewizor stary gdzie oddać?")
    sandbox.flush()
    second = Message.objects.filter(direction="in").exclude(conversation=first).get().conversation
    past = knowledge.past_answers(demo, "Telewizor stary gdzie oddać?",
                                  exclude_conversation=second)
    assert [p["message"] for p in past] == [reply]
    entry = knowledge.entry_promote(actor=people.moderator, reply=reply)
    assert entry.question == "Gdzie mogę oddać stary telewizor?"
    assert entry.promoted_from == reply and entry.answer.startswith("Dzień dobry")
    with pytest.raises(PermissionDenied):  # a responder cannot write the knowledge base
        knowledge.entry_promote(actor=people.responder, reply=reply)


def test_the_evaluate_command_reports_recall(demo, people, tmp_path, capsys):
    knowledge.forget()
    KnowledgeEntry.objects.filter(office=demo).delete()
    knowledge.entries_import(actor=people.admin, office=demo, csv_text=CSV)
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"text": "do kiedy podatek od nieruchomosci", "expected": "podatek-nieruchomosci"},
        {"text": "wycinka drzewa na działce", "expected": "wycinka-drzew"},
        {"text": "rozkład autobusów do miasta", "expected": None}]))
    call_command("kb", "evaluate", "--office", "demo", "--questions", str(questions))
    result = json.loads(capsys.readouterr().out)
    assert result["questions"] == 2 and result["without_answer"] == 1
    assert result["recall_at_3"] == 1.0


def test_the_knowledge_page_imports_a_csv_and_a_reply_is_saved_from_the_thread(
        demo, people, client, sandbox, committed):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ratusz.inbox.services import reply_send

    knowledge.forget()
    client.force_login(people.responder)
    assert client.get("/o/demo/wiedza?q=podatek").status_code == 200
    upload = SimpleUploadedFile("kb.csv", CSV.encode(), content_type="text/csv")
    assert client.post("/o/demo/wiedza", {"csv": upload}).status_code == 403
    client.force_login(people.moderator)
    upload = SimpleUploadedFile("kb.csv", CSV.encode(), content_type="text/csv")
    client.post("/o/demo/wiedza", {"csv": upload})
    page = client.get("/o/demo/wiedza?q=wycinka drzewa").content.decode()
    assert 'data-entry="wycinka-drzew"' in page
    sandbox.inbound(channel="facebook", kind="message", who="Jan Nowak",
                    text="Gdzie oddać zużytą baterię?")
    sandbox.flush()
    conversation = Message.objects.get(direction="in").conversation
    with committed():
        reply = reply_send(actor=people.moderator, conversation=conversation, mode="message",
                           text="Dzień dobry, baterie przyjmuje PSZOK i sklepy.")
    thread = client.get(f"/inbox/c/{conversation.uuid}/").content.decode()
    assert f"/wiedza/z-odpowiedzi/{reply.uuid}" in thread
    client.post(f"/wiedza/z-odpowiedzi/{reply.uuid}")
    assert KnowledgeEntry.objects.get(promoted_from=reply).question == \
        "Gdzie oddać zużytą baterię?"


def test_the_demo_questions_find_their_entry_in_the_top_three(demo):
    """A regression guard on the labelled set written apart from the search code: recall at
    3 was 0.917 (recall at 1: 0.833) when it was measured; nothing was tuned on it."""
    from pathlib import Path

    from ratusz.answers.management.commands.kb import evaluate

    knowledge.forget()
    data = Path(__file__).resolve().parent.parent / "data" / "kb-questions.jsonl"
    lines = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    result = evaluate(demo, lines)
    assert result["questions"] >= 70 and result["recall_at_3"] >= 0.85, result["misses"]


def test_a_bip_feed_becomes_entries_with_their_links(demo, people, tmp_path, capsys):
    knowledge.forget()
    feed = tmp_path / "bip.xml"
    feed.write_text("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>BIP Gminy Przykładowo</title>
<item><title>Harmonogram odbioru odpadów na 2027 rok</title>
<link>https://bip.przykladowo.example.pl/odpady/2027</link>
<description>&lt;p&gt;Nowy harmonogram odbioru odpadów obowiązuje
od 1 stycznia 2027 r.&lt;/p&gt;</description></item>
<item><title>Ogłoszenie bez treści</title><link>https://bip.przykladowo.example.pl/x</link></item>
</channel></rss>""", encoding="utf-8")
    call_command("kb", "import", "--office", "demo", "--feed", str(feed))
    assert capsys.readouterr().out.strip() == "1 entries"
    entry = KnowledgeEntry.objects.get(key="harmonogram-odbioru-odpadow-na-2027-rok")
    assert entry.answer == "Nowy harmonogram odbioru odpadów obowiązuje od 1 stycznia 2027 r."
    assert entry.source_url == "https://bip.przykladowo.example.pl/odpady/2027"
    assert knowledge.suggest(demo, "harmonogram odpadow 2027")[0]["entry"] == entry
