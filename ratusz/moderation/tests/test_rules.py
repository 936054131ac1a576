"""The page rules as versions: generated, blocked while incomplete, published once, readable
forever, printed by `ratusz regulamin render`."""

import pytest
from django.core.management import call_command

from ratusz.audit.models import AuditEvent
from ratusz.moderation import rules
from ratusz.moderation.models import Regulamin
from ratusz.moderation.regulamin_text import MANDATORY, SECTIONS
from ratusz.moderation.services import ActRefused

pytestmark = pytest.mark.django_db


def test_the_demo_rules_are_complete_published_and_clean(demo):
    regulamin = Regulamin.objects.in_force(demo)
    assert regulamin.version == 1 and not regulamin.is_draft
    assert set(regulamin.sections) == set(MANDATORY)
    assert all(body.strip() for body in regulamin.sections.values())
    assert rules.problems(regulamin) == [] and rules.lint(regulamin) == []
    keys = set(regulamin.clauses.values_list("key", flat=True))
    assert {"threats", "hate", "insults", "vulgar", "personal_data", "spam", "fake_account",
            "illegal", "election_silence", "repeated_unlawful", "correction",
            "appeal_upheld", "review"} <= keys
    permanent = set(regulamin.clauses.filter(allows_permanent_block=True)
                    .values_list("key", flat=True))
    assert permanent == {"threats", "spam", "fake_account", "repeated_unlawful"}
    text = rules.render(regulamin)
    for part in ("krytyk", "nie jest oficjalnym kanałem", "ePUAP", "AE:PL-12345-67890-ABCDE-12",
                 "Meta Platforms Ireland", "0050.12.2026", "/o/demo/odwolanie",
                 "Referat Promocji i Komunikacji", "90 dni"):
        assert part.lower() in text.lower(), part


def test_publishing_is_blocked_while_a_section_is_empty_and_a_published_version_never_changes(
        demo, people):
    draft = rules.regulamin_generate(actor=people.admin, office=demo)
    assert draft.version == 2 and draft.is_draft
    assert any("zarządzenia" in p or "zarządzenie" in p for p in rules.problems(draft))
    sections = dict(draft.sections, gdpr="  ")
    draft = rules.regulamin_edit(actor=people.admin, regulamin=draft, sections=sections,
                                 clauses={}, order_number="0050.20.2026", adopted_on=None)
    with pytest.raises(ActRefused):
        rules.regulamin_publish(actor=people.admin, regulamin=draft)
    assert Regulamin.objects.in_force(demo).version == 1
    from datetime import date

    draft = rules.regulamin_edit(actor=people.admin, regulamin=draft,
                                 sections=dict(draft.sections, gdpr="Klauzula RODO: ..."),
                                 clauses={}, order_number="0050.20.2026",
                                 adopted_on=date(2026, 11, 20))
    with pytest.raises(ActRefused):  # only an administrator publishes
        rules.regulamin_publish(actor=people.supervisor, regulamin=draft)
    published = rules.regulamin_publish(actor=people.admin, regulamin=draft)
    assert Regulamin.objects.in_force(demo) == published
    with pytest.raises(ActRefused):
        rules.regulamin_edit(actor=people.admin, regulamin=published, sections={}, clauses={},
                             order_number="x", adopted_on=None)
    published.title = "Zmieniony"
    with pytest.raises(ValueError):
        published.save()
    assert AuditEvent.objects.filter(verb="moderation.regulamin.published").count() == 2


def test_the_lint_catches_viewpoint_clauses(demo, people):
    draft = rules.regulamin_generate(actor=people.admin, office=demo)
    insults = draft.clauses.get(key="insults")
    rules.regulamin_edit(actor=people.admin, regulamin=draft, sections=draft.sections,
                         clauses={insults.pk: {"text": "Usuwamy komentarze negatywne oraz "
                                                       "godzące w wizerunek i dobre imię "
                                                       "Gminy, bez podania przyczyny."}},
                         order_number="1", adopted_on=None)
    phrases = " ".join(f.phrase.lower() for f in rules.lint(draft))
    for word in ("negatywne", "wizerunek", "dobre imię", "bez podania przyczyny"):
        assert word in phrases


def test_the_public_page_shows_the_version_in_force_and_earlier_ones(demo, people, client):
    page = client.get("/o/demo/regulamin")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-version="1"' in body
    for _key, title in SECTIONS:
        assert title in body
    draft = rules.regulamin_generate(actor=people.admin, office=demo, order_number="2/2026",
                                     adopted_on=__import__("datetime").date(2026, 11, 25))
    rules.regulamin_publish(actor=people.admin, regulamin=draft)
    body = client.get("/o/demo/regulamin").content.decode()
    assert 'data-version="2"' in body and "/o/demo/regulamin/v1" in body
    old = client.get("/o/demo/regulamin/v1").content.decode()
    assert 'data-version="1"' in old
    markdown = client.get("/o/demo/regulamin?format=md")
    assert markdown["Content-Type"].startswith("text/markdown")
    assert client.get("/o/demo/regulamin/v9").status_code == 404
    assert client.get("/o/nowhere/regulamin").status_code == 404


def test_the_cli_prints_the_rules_in_force(demo, capsys):
    call_command("regulamin", "render", "--office", "demo")
    out = capsys.readouterr().out
    assert out.startswith("# ") and "0050.12.2026" in out
    for _key, title in SECTIONS:
        assert title in out
    call_command("regulamin", "lint", "--office", "demo")
    assert capsys.readouterr().out == ""


def test_the_about_text_fits_the_page_field(demo):
    about = rules.about(Regulamin.objects.in_force(demo))
    assert len(about) <= 255 and "/o/demo/regulamin" in about


def test_the_rules_page_renders_their_markdown_and_escapes_everything_else():
    from ratusz.moderation.templatetags.moderation_text import plain_markdown

    html = plain_markdown("**Gmina** <script>x</script>\n\n- jeden\n- dwa https://bip.example.pl/a.")
    assert html.startswith("<p><strong>Gmina</strong> &lt;script&gt;")
    assert "<ul><li>jeden</li><li>dwa <a href=\"https://bip.example.pl/a\"" in html
    assert "<script>" not in html
