"""The `ratusz triage` contract: JSON lines in, one JSON line out per input, in order."""

import io
import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from ratusz.inbox.models import Message
from ratusz.testing import messenger_message
from ratusz.triage.analysis import FLAGS, PERSONAL_DATA_TYPES, TOPICS
from ratusz.triage.services import label_set

LINES = [
    {"id": 1, "text": "Pilne! Czuć gaz na klatce schodowej przy Lipowej 5!", "channel": "message"},
    {"id": "b", "text": "Mój PESEL to 44051401359, proszę sprawdzić deklarację.",
     "channel": "comment"},
    {"id": None, "text": "", "channel": "comment"},
    {"id": 4, "text": "Wnoszę o udostępnienie informacji publicznej: umowy na odbiór odpadów."},
]


def run(monkeypatch, capsys, text: str, *args) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    call_command("triage", *args)
    return [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]


def test_one_line_out_per_line_in_with_the_contract_fields(monkeypatch, capsys):
    out = run(monkeypatch, capsys, "\n".join(json.dumps(x, ensure_ascii=False) for x in LINES))
    assert [o["id"] for o in out] == [1, "b", None, 4]
    for o in out:
        assert set(o) == {"id", "flags", "scores", "personal_data", "topic"}
        assert set(o["flags"]) <= set(FLAGS) and set(o["scores"]) == set(FLAGS)
        assert all(0 <= v <= 1 for v in o["scores"].values())
        assert o["topic"] in TOPICS
        for item in o["personal_data"]:
            assert item["type"] in PERSONAL_DATA_TYPES and 0 <= item["start"] < item["end"]
    assert "urgent" in out[0]["flags"]
    assert out[1]["personal_data"] == [{"type": "pesel", "start": 13, "end": 24}]
    assert out[2]["flags"] == []
    assert "public_information_request" in out[3]["flags"]


def test_bad_lines_get_an_error_line_and_do_not_stop_the_rest(monkeypatch, capsys):
    text = ('not json\n{"id": 7, "text": 5}\n[1]\n\n' + "[" * 100_000 + "\n"
            '{"id": 9, "text": "x \\ud83d"}\n{"id": NaN, "text": "a"}\n'
            '{"id": 8, "text": "Dzień dobry"}\n')
    out = run(monkeypatch, capsys, text)
    assert [o.get("id") for o in out] == [None, 7, None, None, None, 9, None, 8]
    assert all("error" in o for o in out[:5]) and "flags" in out[5] and "flags" in out[7]


def test_it_needs_no_database(tmp_path):
    """Run as a process with a database URL that cannot work."""
    env = {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none", "PATH": "/usr/bin:/bin",
           "RATUSZ_VAR_DIR": str(tmp_path), "RATUSZ_SECRET_KEY": "x" * 50}
    done = subprocess.run([sys.executable, "-m", "ratusz", "triage"], env=env,
                          input='{"id": 1, "text": "Kiedy odbiór śmieci?"}\n',
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["flags"] == ["question"]


def test_evaluate_reports_precision_and_recall(tmp_path, capsys):
    labelled = tmp_path / "set.jsonl"
    labelled.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in [
        {"id": "1", "channel": "message", "text": "Czuć gaz na klatce, pomocy!",
         "flags": ["urgent"], "personal_data": [], "topic": "safety"},
        {"id": "2", "channel": "comment", "text": "Mój PESEL 44051401359",
         "flags": ["personal_data"], "personal_data": [{"type": "pesel", "text": "44051401359"}],
         "topic": "other"},
    ]), encoding="utf-8")
    call_command("triage", "evaluate", str(labelled), "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["examples"] == 2
    assert report["flags"]["urgent"]["recall"] == 1.0
    assert report["identifiers"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1,
                                     "fp": 0, "fn": 0, "support": 1}


@pytest.mark.django_db
def test_corrections_export_as_a_labelled_file(world, webhook, capsys):
    webhook(messenger_message("m_1", text="Ten urzędnik to kompletny idiota"))
    message = Message.objects.get()
    label_set(actor=world.anna, message=message, flag="harmful", value=True)
    label_set(actor=world.anna, message=message, flag="question", value=False)
    call_command("triage", "export-labels", "--office", "a")
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["text"] == "Ten urzędnik to kompletny idiota"
    assert row["flags"] == ["harmful"] and sorted(row["judged_flags"]) == ["harmful", "question"]


@pytest.mark.django_db
def test_retrain_adds_the_office_corrections_and_writes_a_loadable_model(
        world, webhook, tmp_path, capsys, settings):
    from ratusz.audit.models import AuditEvent
    from ratusz.triage.analysis import harmful

    webhook(messenger_message("m_1", text="Ty kmiocie z urzędu, wynocha"))
    label_set(actor=world.anna, message=Message.objects.get(), flag="harmful", value=True)
    rows = ["text\tharmful\ttype"]
    for i in range(40):
        bad = i % 4 == 0
        rows.append(f"{'ty głupi debilu' if bad else 'ładna pogoda dziś'} numer {i}\t"
                    f"{int(bad)}\t{int(bad)}")
    data = tmp_path / "train.tsv"
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    call_command("triage", "retrain", "--office", "a", "--data", str(data), "--output",
                 str(out))
    report = json.loads(capsys.readouterr().out)
    model = harmful.read_model(report["model"])
    assert model.version == report["version"]
    event = AuditEvent.objects.get(verb="triage.model.retrained")
    assert event.data["corrections"] == 1
