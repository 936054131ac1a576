"""The regulamin generator, its publication checks and the viewpoint lint (no database)."""

import dataclasses
import re

import pytest

from ratusz.moderation.regulamin_text import (
    MANDATORY,
    PLACEHOLDER,
    SECTIONS,
    ClauseDraft,
    OfficeFacts,
    about_text,
    blocking_problems,
    generate,
    lint,
    render_markdown,
)

REMOVAL = {  # key -> (allows_delete, allows_permanent_block)
    "threats": (True, True),
    "hate": (True, False),
    "insults": (False, False),
    "vulgar": (False, False),
    "personal_data": (False, False),
    "spam": (True, True),
    "fake_account": (True, True),
    "illegal": (True, False),
    "election_silence": (False, False),
    "off_topic_flood": (False, False),
    "repeated_unlawful": (False, True),
}
PROCEDURE = {  # key -> section key
    "warning": "sanctions",
    "restriction": "sanctions",
    "permanent_block": "sanctions",
    "review": "sanctions",
    "comments_off": "sanctions",
    "correction": "appeals",
    "appeal_upheld": "appeals",
}
SECTION_NO = {key: i for i, (key, _) in enumerate(SECTIONS, start=1)}


def complete_facts(**changes) -> OfficeFacts:
    facts = OfficeFacts(
        name="Gmina Przykładowo",
        kind="gmina",
        address="ul. Rynek 1, 00-001 Przykładowo",
        email="urzad@przykladowo.pl",
        phone="+48 12 345 67 89",
        bip_url="https://bip.przykladowo.pl",
        website_url="https://przykladowo.pl",
        epuap_address="/ugprzykladowo/SkrytkaESP",
        edoreczenia_address="AE:PL-12345-67890-ABCDE-12",
        hours_text="poniedziałek 8:00–17:00, wtorek–piątek 7:30–15:30",
        complaints_text="poniedziałek 15:30–17:00",
        operators="Referat Promocji i Komunikacji (inspektor ds. komunikacji)",
        head_title="Wójt Gminy Przykładowo",
        order_number="0050.12.2026",
        adopted_on="2026-11-02",
        channels=[("Facebook: Gmina Przykładowo", "https://facebook.com/gminaprzykladowo"),
                  ("Instagram: @gminaprzykladowo", "https://instagram.com/gminaprzykladowo")],
        appeal_url="https://przykladowo.pl/odwolanie",
        register_url="https://przykladowo.pl/moderacja",
        gdpr_url="https://bip.przykladowo.pl/rodo-facebook",
        iod_email="iod@przykladowo.pl",
        accessibility_url="https://przykladowo.pl/deklaracja-dostepnosci",
    )
    return dataclasses.replace(facts, **changes)


def all_text(sections, clauses) -> str:
    return "\n".join([*sections.values(), *(f"{c.title} {c.text} {c.legal_ground}"
                                             for c in clauses)])


# --- generate + blocking_problems ----------------------------------------------------------------

@pytest.mark.parametrize("kind", ["gmina", "miasto", "powiat", "unit"])
def test_complete_facts_give_a_publishable_document(kind):
    sections, clauses = generate(complete_facts(kind=kind))
    assert set(sections) == MANDATORY == {key for key, _ in SECTIONS}
    assert all(len(body.strip()) > 80 for body in sections.values())
    assert PLACEHOLDER not in all_text(sections, clauses)
    assert blocking_problems(sections, clauses) == []
    assert lint(sections, clauses) == []


def test_every_clause_key_has_the_right_kind_number_and_flags():
    _, clauses = generate(complete_facts())
    by_key = {c.key: c for c in clauses}
    assert set(by_key) == set(REMOVAL) | set(PROCEDURE)
    assert len({c.number for c in clauses}) == len(clauses)
    assert len(by_key) == len(clauses)
    removal_no = SECTION_NO["removal"]
    for key, (delete, block) in REMOVAL.items():
        c = by_key[key]
        assert (c.kind, c.allows_delete, c.allows_permanent_block) == ("removal", delete, block)
        assert c.number.startswith(f"{removal_no}.")
        assert c.title and c.text and c.legal_ground
    for key, section in PROCEDURE.items():
        c = by_key[key]
        assert c.kind == "procedure"
        assert c.number.startswith(f"{SECTION_NO[section]}.")
    # numbers within a section run 1..n in order
    removal_numbers = [c.number for c in clauses if c.kind == "removal"]
    assert removal_numbers == [f"{removal_no}.{i}" for i in range(1, len(REMOVAL) + 1)]


def test_legal_grounds_follow_the_brief():
    _, clauses = generate(complete_facts())
    grounds = {c.key: c.legal_ground for c in clauses}
    assert "art. 190" in grounds["threats"] and "art. 255" in grounds["threats"]
    assert "art. 256" in grounds["hate"] and "art. 257" in grounds["hate"]
    assert "art. 212" in grounds["insults"] and "art. 23" in grounds["insults"]
    assert "RODO" in grounds["personal_data"]
    assert "art. 190a § 2" in grounds["fake_account"]
    assert "art. 107" in grounds["election_silence"]
    assert f"§ {SECTION_NO['removal']} regulaminu" in grounds["vulgar"]


def test_section_content_built_from_facts():
    facts = complete_facts()
    s, clauses = generate(facts)
    assert "Strona nie jest prowadzona przez podmiot zewnętrzny" in s["operators"]
    assert facts.register_url in s["operators"]
    assert all(url in s["operators"] for _, url in facts.channels)
    for value in (facts.bip_url, facts.epuap_address, facts.edoreczenia_address,
                  facts.hours_text, facts.complaints_text, facts.address, facts.email):
        assert value in s["official_channels"]
    assert "art. 9" in s["informational"] and "art. 14" in s["informational"]
    assert "Krytyka" in s["removal"] and "dozwolona" in s["removal"]
    assert "7 dni" in s["sanctions"] and "30 dni" in s["sanctions"]
    assert "co 90 dni" in s["sanctions"] and "przełożonego" in s["sanctions"]
    assert facts.appeal_url in s["appeals"] and "6 miesięcy" in s["appeals"]
    assert "bez konta" not in s["appeals"] and "nie wymaga konta" in s["appeals"]
    assert "Meta Platforms Ireland" in s["gdpr"] and "art. 26" in s["gdpr"]
    assert facts.iod_email in s["gdpr"] and facts.gdpr_url in s["gdpr"]
    assert "art. 6 ustawy z dnia 4 kwietnia 2019 r." in s["accessibility"]
    assert "art. 108" in s["elections"] and "art. 107" in s["elections"]
    assert ("zarządzeniem nr 0050.12.2026 Wójta Gminy Przykładowo z dnia 2 listopada 2026 r."
            in s["final"])
    permanent = next(c for c in clauses if c.key == "permanent_block")
    for key in ("threats", "spam", "fake_account", "repeated_unlawful"):
        assert next(c.number for c in clauses if c.key == key) in permanent.text
    assert "90 dni" in permanent.text


def test_external_operator_and_custom_terms():
    s, clauses = generate(complete_facts(external_operator="Agencja XYZ sp. z o.o.",
                                         restriction_days=(3, 14, 60), block_review_days=30,
                                         appeal_months=3, kind="powiat",
                                         head_title="Starosta Powiatowy"))
    assert "Agencja XYZ sp. z o.o." in s["operators"]
    assert "podmiot zewnętrzny." not in s["operators"]
    restriction = next(c for c in clauses if c.key == "restriction")
    assert "3 dni" in restriction.text and "14 dni" in restriction.text
    assert "60 dni" in restriction.text
    assert "co 30 dni" in s["sanctions"] and "3 miesięcy" in s["appeals"]
    assert "Starosty Powiatowego" in s["final"]


def test_unknown_kind_is_rejected():
    with pytest.raises(ValueError):
        generate(complete_facts(kind="województwo"))


@pytest.mark.parametrize(("field", "named"), [
    ("epuap_address", "ePUAP"),
    ("order_number", "numer zarządzenia"),
    ("adopted_on", "data podpisania zarządzenia"),
    ("appeal_url", "formularza odwołania"),
    ("iod_email", "inspektora ochrony danych"),
    ("head_title", "tytuł kierownika"),
])
def test_missing_fact_gives_placeholder_and_blocks(field, named):
    sections, clauses = generate(complete_facts(**{field: ""}))
    text = all_text(sections, clauses)
    assert f"{PLACEHOLDER}: " in text
    assert named in text
    problems = blocking_problems(sections, clauses)
    assert problems
    assert any(named in p for p in problems)
    assert lint(sections, clauses) == []


def test_missing_channels_and_invalid_date():
    sections, clauses = generate(complete_facts(channels=[], adopted_on="2.11.2026"))
    problems = " ".join(blocking_problems(sections, clauses))
    assert "lista stron i kont" in problems
    assert "podano: 2.11.2026" in problems


def test_blank_section_blocks():
    sections, clauses = generate(complete_facts())
    sections["gdpr"] = "  \n "
    del sections["elections"]
    problems = blocking_problems(sections, clauses)
    assert any("Ochrona danych osobowych" in p for p in problems)
    assert any("Okres wyborczy" in p for p in problems)


def test_no_removal_clause_blocks():
    sections, clauses = generate(complete_facts())
    problems = blocking_problems(sections, [c for c in clauses if c.kind != "removal"])
    assert any("przyczyny ukrywania" in p for p in problems)


def test_removal_clause_without_text_or_ground_blocks():
    sections, clauses = generate(complete_facts())
    clauses[0].legal_ground = " "
    clauses[1].text = ""
    problems = blocking_problems(sections, clauses)
    assert any(clauses[0].number in p and "podstawy" in p for p in problems)
    assert any(clauses[1].number in p and "treści" in p for p in problems)


def test_removal_section_must_allow_criticism():
    sections, clauses = generate(complete_facts())
    sections["removal"] = re.sub(r"\*\*Krytyka[^*]*\*\*", "", sections["removal"])
    assert any("krytyka" in p for p in blocking_problems(sections, clauses))
    sections["removal"] += "\n\nKrytyka nie jest dozwolona."
    assert any("krytyka" in p for p in blocking_problems(sections, clauses))
    sections["removal"] += "\n\nKRYTYKA URZEDU JEST DOZWOLONA."
    assert blocking_problems(sections, clauses) == []


def test_duplicate_numbers_and_keys_block():
    sections, clauses = generate(complete_facts())
    clauses.append(dataclasses.replace(clauses[0]))
    clauses.append(ClauseDraft("9.9", "threats", "X", "Y", "Z", "removal"))
    problems = blocking_problems(sections, clauses)
    assert any(f"Numer punktu „{clauses[0].number}”" in p for p in problems)
    assert any("Klucz punktu „threats”" in p for p in problems)


def test_clause_number_outside_sections_blocks():
    sections, clauses = generate(complete_facts())
    clauses.append(ClauseDraft("99.1", "extra", "X", "Y", "Z", "removal"))
    assert any("99.1" in p for p in blocking_problems(sections, clauses))


# --- lint --------------------------------------------------------------------------------------

def removal_clause(text: str) -> ClauseDraft:
    return ClauseDraft("6.1", "custom", "Zasada", text, "art. 1", "removal")


@pytest.mark.parametrize(("text", "stem"), [
    ("Administrator może usuwać komentarze bez podania przyczyny.", "bez podania przyczyn"),
    ("Administrator zastrzega sobie prawo do usuwania wpisów bez podania przyczyn.",
     "bez podania przyczyn"),
    ("Usuwane są wpisy godzące w wizerunek i dobre imię Gminy.", "wizerunek"),
    ("Usuwane są wpisy godzące w wizerunek i dobre imię Gminy.", "dobre imię"),
    ("Ukrywane będą komentarze negatywne.", "negatywne"),
    ("Usuwamy treści krytyczne wobec władz gminy.", "krytyczne"),
    ("Zakazane są wpisy rzucające ZŁE ŚWIATŁO NA WIZERUNKU URZEDU.", "WIZERUNKU"),
    ("Treści naruszające dobrego imienia Urzędu Miasta podlegają ukryciu.", "dobrego imienia"),
    ("Wpisy szkodzące interesom gminy mogą zostać ukryte.", "szkodzące interesom gminy"),
    ("Komentarze uderzające w Burmistrza będą usuwane.", "uderzające w Burmistrza"),
    ("Moderator ukrywa wpisy według uznania administratora.", "według uznania"),
    ("Moderacja odbywa się uznaniowo.", "uznaniowo"),
    ("Komentarze niezgodne z linią programową urzędu są usuwane.", "niezgodne z linią"),
    ("Wpisy niezgodne ze stanowiskiem władz są ukrywane.", "niezgodne ze stanowiskiem"),
    ("Nie wolno publikować treści krytycznych.", "krytycznych"),
    ("Krytyka jest dozwolona, ale komentarze negatywne usuwamy.", "negatywne"),
    ("Krytyka nie jest dozwolona.", "Krytyka"),
    ("Nie ukrywa się komentarzy, chyba że są negatywne.", "negatywne"),
    ("Treści naruszające dobre imię.", "dobre imię"),
])
def test_lint_flags_viewpoint_based_wording(text, stem):
    findings = lint({}, [removal_clause(text)])
    assert any(stem.lower() in f.phrase.lower() for f in findings), findings
    assert all(f.where == "clause 6.1" and f.message for f in findings)
    assert all(f.phrase in text for f in findings)


def test_lint_flags_sections_and_titles():
    sections = {"removal": "Administrator usuwa wpisy bez podania przyczyn.",
                "sanctions": "Blokujemy autorów komentarzy negatywnych.",
                "purpose": "Dbamy o wizerunek gminy."}  # not linted: outside removal rules
    clause = ClauseDraft("6.2", "image", "Ochrona wizerunku", "Treści są ukrywane.", "x",
                         "removal")
    where = {f.where for f in lint(sections, [clause])}
    assert where == {"section removal", "section sanctions", "clause 6.2"}


@pytest.mark.parametrize("text", [
    "Krytyka działań urzędu jest dozwolona.",
    "Krytyka działań urzędu, jego władz i decyzji jest dozwolona.",
    "Komentarze krytyczne wobec urzędu nie są powodem ukrycia.",
    "Wolno krytykować decyzje wójta.",
    "Nie ukrywa się komentarzy krytycznych ani negatywnych opinii o gminie.",
    "Krytyka nigdy nie stanowi powodu ukrycia komentarza.",
    "Zniesławianie innych osób (art. 212 k.k.) oraz naruszanie dobrego imienia innych osób.",
    "Komentarze są ukrywane w godzinach pracy urzędu gminy.",
    "Naruszanie dobrego imienia pracowników urzędu gminy (art. 23 i 24 k.c.).",
    "Krytyka władz jest dozwolona, jeżeli nie zawiera gróźb ani wulgaryzmów.",
])
def test_lint_does_not_flag_permission_or_lawful_wording(text):
    assert lint({"removal": text}, [removal_clause(text)]) == []


def test_lint_ignores_clauses_outside_removal_and_sanctions():
    clause = ClauseDraft("8.5", "x", "Odwołanie", "Komentarze negatywne.", "x", "procedure")
    assert lint({}, [clause]) == []


# --- output ------------------------------------------------------------------------------------

def test_render_markdown_contains_every_heading_and_clause():
    facts = complete_facts()
    sections, clauses = generate(facts)
    md = render_markdown(sections, clauses, title="Regulamin strony Gminy Przykładowo",
                         version=facts.version, adopted_on=facts.adopted_on,
                         order_number=facts.order_number)
    assert md.startswith("# Regulamin strony Gminy Przykładowo\n")
    assert "2 listopada 2026 r." in md.splitlines()[2] and "0050.12.2026" in md.splitlines()[2]
    positions = [md.index(f"## § {i}. {heading}\n") for i, (_, heading) in
                 enumerate(SECTIONS, start=1)]
    assert positions == sorted(positions)
    for c in clauses:
        line = f"{c.number}. **{c.title}**: {c.text} _(Podstawa: {c.legal_ground})_"
        assert line in md
        section_no = int(c.number.split(".")[0])
        start = positions[section_no - 1]
        end = positions[section_no] if section_no < len(positions) else len(md)
        assert start < md.index(line) < end


def test_about_text_is_short_and_links_the_rules():
    url = "https://bip.przykladowo.pl/regulamin-strony-facebook"
    text = about_text(complete_facts(), url)
    assert len(text) <= 255
    assert url in text and "Gmina Przykładowo" in text and "ePUAP" in text
    long = complete_facts(name="Gmina i Miasto " + "Bardzo Długa Nazwa " * 6,
                          bip_url="https://bip.example.pl/" + "x" * 80)
    text = about_text(long, url)
    assert len(text) <= 255 and url in text
