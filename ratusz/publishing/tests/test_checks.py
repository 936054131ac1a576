"""The checks before publishing: each one with a draft that trips it and one that does not.
Pure Python: no database."""

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ratusz.publishing import checks
from ratusz.publishing.bip import FeedEntry
from ratusz.publishing.checks import (
    BLOCKING,
    WARNING,
    Context,
    Draft,
    Image,
    Period,
    Video,
    findings_json,
    invites_input,
    run,
)

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
OWN_ACCOUNT = "PL61 1090 1014 0000 0712 1981 2874"
OTHER_ACCOUNT = "PL16 1020 1026 0000 0102 0318 9862"  # valid check digits, not the office's
QUESTION = "Co o tym myślicie?"
GOOD_ALT = "Dzieci sadzą drzewa w parku miejskim"
# A plain information post that passes every check.
GOOD = "Od poniedziałku biblioteka jest otwarta do 19. " + QUESTION


def ctx(**kwargs) -> Context:
    kwargs.setdefault("now", NOW)
    kwargs.setdefault("bip_url", "https://bip.przykladowo.pl")
    kwargs.setdefault("website_url", "https://przykladowo.pl")
    kwargs.setdefault("own_accounts", [OWN_ACCOUNT])
    return Context(**kwargs)


def found(text: str = GOOD, context: Context | None = None, **kwargs) -> dict:
    """Findings by code (the first of each code)."""
    out: dict = {}
    for finding in run(Draft(text=text, **kwargs), context or ctx()):
        out.setdefault(finding.code, finding)
    return out


def test_a_good_post_passes_every_check():
    assert run(Draft(text=GOOD, images=[Image(name="park.jpg", alt=GOOD_ALT)]), ctx()) == []


def test_the_module_touches_no_models():
    tree = ast.parse(Path(checks.__file__).read_text(encoding="utf-8"))
    modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in modules if m.endswith("models") or m.startswith("django.db")]


# -- personal data --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "blocked"), [
    ("Zwrot dla pana o numerze PESEL 44051401359. " + QUESTION, True),
    ("Zwrot dla pana o numerze PESEL 44051401358. " + QUESTION, False),  # wrong check digit
    ("Znaleziono dowód osobisty ABA300000. " + QUESTION, True),
    ("Znaleziono paszport EA1234567. " + QUESTION, True),
    ("Wpłaty prosimy na konto " + OTHER_ACCOUNT + ". " + QUESTION, True),
    ("Wpłaty prosimy na konto urzędu " + OWN_ACCOUNT + ". " + QUESTION, False),
])
def test_identifiers_block_unless_invalid_or_the_offices_own_account(text, blocked):
    finding = found(text).get("personal.identifier")
    assert (finding is not None) == blocked
    if blocked:
        assert finding.severity == BLOCKING and not finding.overridable
        assert "44051401359" not in finding.message  # the value is masked


def test_the_own_account_is_compared_by_digits():
    context = ctx(own_accounts=["16102010260000010203189862"])
    assert "personal.identifier" not in found(
        "Wpłaty na konto " + OTHER_ACCOUNT + ". " + QUESTION, context)


def test_an_identifier_in_an_alternative_text_blocks_too():
    image = Image(name="a.jpg", alt="Skan dokumentu z numerem PESEL 44051401359 na stole")
    assert "personal.identifier" in found(images=[image])


@pytest.mark.parametrize("text", [
    "Pan Jan Kowalski mieszka przy ul. Polnej 5 i prosi o pomoc.",
    "Szukamy Anny Nowak, ostatnio widzianej przy ul. Leśnej 12.",
    "Zaginęła Katarzyna Wiśniewska, zamieszkała w Przykładowie.",
])
def test_a_private_persons_name_with_an_address_needs_a_tick(text):
    finding = found(text + " " + QUESTION)["personal.name_address"]
    assert finding.severity == WARNING and finding.needs_ack


@pytest.mark.parametrize("text", [
    "Wójt Jan Kowalski zaprasza do urzędu przy ul. Głównej 1.",
    "Pani Burmistrz Anna Nowak przyjmuje mieszkańców przy ul. Głównej 1.",
    "Spotkanie z Janem Kowalskim, sołtysem, na pl. Wolności 3.",
    "Szkoła im. Marii Konopnickiej przy ul. Jana Pawła II 5 zaprasza.",
    "Jan Kowalski zdobył medal. Zawody odbyły się przy ul. Polnej 5.",
    "Jan Kowalski zdobył medal w biegu na 10 km.",
])
def test_officials_patrons_and_names_without_an_address_need_no_tick(text):
    assert "personal.name_address" not in found(text + " " + QUESTION)


# -- accessibility --------------------------------------------------------------------------------

@pytest.mark.parametrize(("alt", "code"), [
    ("", "a11y.alt_missing"),
    ("   ", "a11y.alt_missing"),
    ("IMG_2041.jpg", "a11y.alt_filename"),
    ("DSC0001", "a11y.alt_filename"),
    ("zdjecie.png", "a11y.alt_filename"),
    ("grafika1.jpeg", "a11y.alt_filename"),
    ("park", "a11y.alt_filename"),  # the image's own file name
    ("Dzieci w parku", "a11y.alt_short"),
    (GOOD_ALT, None),
])
def test_alternative_text(alt, code):
    result = found(images=[Image(name="park.jpg", alt=alt)])
    codes = {c for c in result if c.startswith("a11y.alt")}
    assert codes == ({code} if code else set())
    if code:
        assert result[code].severity == BLOCKING and result[code].overridable
        assert "BIP" in result[code].message  # says the republication task will be created


def test_each_image_is_checked():
    images = [Image(name="a.jpg", alt=GOOD_ALT), Image(name="b.jpg", alt="")]
    findings = [f for f in run(Draft(text=GOOD, images=images), ctx())
                if f.code == "a11y.alt_missing"]
    assert len(findings) == 1 and "b.jpg" in findings[0].message


@pytest.mark.parametrize(("video", "code", "severity"), [
    (Video(name="sesja.mp4"), "a11y.captions", BLOCKING),
    (Video(name="sesja.mp4", captions="sesja.vtt"), None, None),
    (Video(name="sesja.mp4", live=True), "a11y.live", WARNING),
    (Video(name="sesja.mp4", captions="sesja.srt", live=True), None, None),
])
def test_video_captions(video, code, severity):
    result = found(video=video)
    codes = {c for c in result if c in ("a11y.captions", "a11y.live")}
    assert codes == ({code} if code else set())
    if code:
        assert result[code].severity == severity
        assert result[code].overridable == (code == "a11y.captions")


def test_text_only_in_an_image_warns():
    picture = Image(name="plakat.jpg", alt="Plakat festynu z programem i godzinami", has_text=True)
    assert found("Festyn! " + QUESTION, images=[picture])["a11y.text_in_image"].severity == WARNING
    assert "a11y.text_in_image" in found("", images=[Image(name="a.jpg", alt=GOOD_ALT)])
    long = ("Festyn rodzinny odbędzie się w sobotę 14 czerwca od godziny 15 na stadionie. Będą "
            "koncerty, konkursy dla dzieci i pokaz strażaków. " + QUESTION)
    assert "a11y.text_in_image" not in found(long, images=[picture])
    assert "a11y.text_in_image" not in found("Festyn! " + QUESTION,
                                             images=[Image(name="a.jpg", alt=GOOD_ALT)])


# -- BIP ------------------------------------------------------------------------------------------

NOTICE = "Obwieszczenie Wójta Gminy o wyłożeniu projektu planu miejscowego dla wsi Nowa."
ENTRIES = [
    FeedEntry(guid="1", title="Obwieszczenie o wyłożeniu projektu planu miejscowego wsi Nowa",
              link="https://bip.przykladowo.pl/artykul/1", summary="", published=NOW),
    FeedEntry(guid="2", title="Ogłoszenie o przetargu na dostawę węgla",
              link="https://bip.przykladowo.pl/artykul/2", summary="", published=NOW),
]


def test_a_notice_without_a_bip_link_is_blocked_for_good():
    finding = found(NOTICE, type="notice")["bip.missing"]
    assert finding.severity == BLOCKING and not finding.overridable
    assert finding.proposal is None


@pytest.mark.parametrize(("text", "link"), [
    (NOTICE, "https://bip.przykladowo.pl/artykul/1"),
    (NOTICE + " Szczegóły: bip.przykladowo.pl/artykul/1", ""),
    (NOTICE + " Szczegóły: https://przykladowo.pl/aktualnosci/7", ""),
])
def test_a_notice_linking_bip_or_the_website_passes(text, link):
    result = found(text, type="notice", link=link)
    assert "bip.missing" not in result and "bip.not_bip" not in result


def test_a_notice_linking_only_elsewhere_is_stopped():
    result = found(NOTICE + " Szczegóły: https://www.gov.pl/web/planowanie", type="notice")
    assert result["bip.not_bip"].severity == BLOCKING and not result["bip.not_bip"].overridable
    assert "bip.missing" not in result


def test_a_post_needs_text():
    assert found("", images=[Image(name="a.jpg", alt=GOOD_ALT)])["platform.no_text"].severity \
        == BLOCKING
    assert "platform.no_text" not in found("Festyn w sobotę. " + QUESTION)


def test_the_matching_bip_entry_is_proposed():
    finding = found(NOTICE, ctx(bip_entries=ENTRIES), type="notice")["bip.missing"]
    assert finding.proposal == {"title": ENTRIES[0].title, "link": ENTRIES[0].link}
    assert ENTRIES[0].link in finding.message


def test_the_bip_check_is_for_notices_only():
    assert "bip.missing" not in found(NOTICE + " " + QUESTION, type="information")


# -- plain language -------------------------------------------------------------------------------

LONG = ("Mieszkańcy, którzy chcą skorzystać z dopłaty do wymiany pieca, mogą złożyć wniosek w "
        "urzędzie albo przez internet do końca marca tego roku.")  # 22 words


def test_a_long_sentence_is_quoted():
    finding = found(LONG + " " + QUESTION)["plain.long_sentence"]
    assert finding.severity == WARNING
    assert "Mieszkańcy, którzy chcą skorzystać z dopłaty" in finding.message and "22" in (
        finding.message)


def test_sentences_of_twenty_words_pass_and_abbreviations_do_not_end_them():
    twenty = " ".join(["słowo"] * 19) + " koniec."
    assert "plain.long_sentence" not in found(twenty + " " + QUESTION)
    short = "Zbiórka jest 15 maja 2024 r. o godz. 10. Miejsce: ul. Polna 5. Zapraszamy!"
    assert "plain.long_sentence" not in found(short + " " + QUESTION)


def test_at_most_three_long_sentences_are_reported():
    findings = [f for f in run(Draft(text=" ".join([LONG] * 5) + " " + QUESTION), ctx())
                if f.code == "plain.long_sentence"]
    assert len(findings) == 3


def test_undefined_abbreviations_are_named():
    finding = found("Wnioski przyjmuje GOPS i ZGK w Przykładowie. " + QUESTION)[
        "plain.abbreviation"]
    assert "GOPS" in finding.message and "ZGK" in finding.message


@pytest.mark.parametrize("text", [
    "Wnioski przyjmuje Gminny Ośrodek Pomocy Społecznej (GOPS). Potem GOPS oddzwoni.",
    "Wnioski przyjmuje GOPS (Gminny Ośrodek Pomocy Społecznej) w Przykładowie.",
    "Zapisz się w USC albo przez BIP. Dotyczy też ZUS i KRUS.",
    "UWAGA MIESZKAŃCY! PILNE: XII sesja Rady Gminy.",
])
def test_defined_known_and_shouted_capitals_are_not_abbreviations(text):
    assert "plain.abbreviation" not in found(text + " " + QUESTION)


def test_the_office_can_add_known_abbreviations():
    text = "Wnioski przyjmuje GOPS. " + QUESTION
    assert "plain.abbreviation" in found(text)
    assert "plain.abbreviation" not in found(text, ctx(known_abbreviations={"GOPS"}))


def test_jargon_is_found_without_diacritics_and_the_list_is_the_offices():
    text = "W nawiazaniu do pytań: biblioteka jest otwarta. " + QUESTION
    assert "w nawiązaniu do" in found(text)["plain.jargon"].message
    assert "plain.jargon" not in found(GOOD)
    assert "plain.jargon" not in found(text, ctx(jargon=["niniejszym"]))


@pytest.mark.parametrize(("tag", "flagged"), [
    ("#gminaprzykladowo", True),
    ("#GMINAPRZYKLADOWO", True),
    ("#GminaPrzykładowo", False),
    ("#gmina", False),  # short
])
def test_hashtags_in_camel_case(tag, flagged):
    result = found(GOOD + " " + tag)
    assert ("plain.hashtag" in result) == flagged
    if flagged:
        assert tag in result["plain.hashtag"].message


def test_more_than_three_emoji_warn():
    assert "plain.emoji" in found(GOOD + " 🎉🎈☀️👍🏽")
    assert "plain.emoji" not in found(GOOD + " 🎉☀️👍🏽")
    assert "plain.emoji" not in found(GOOD + " 🇵🇱 👨‍👩‍👧 🎉")  # a flag and a family are one each


# -- elections ------------------------------------------------------------------------------------

ELECTION = Period(name="Wybory samorządowe 2025",
                  campaign_start=datetime(2025, 2, 1, tzinfo=UTC),
                  silence_start=datetime(2025, 4, 4, 22, tzinfo=UTC),
                  silence_end=datetime(2025, 4, 6, 19, tzinfo=UTC))
CANDIDATE = "Otwieramy nowy chodnik. Dziękujemy Janowi Kowalskiemu za starania! " + QUESTION


def test_a_candidate_during_the_campaign_needs_approval():
    context = ctx(elections=[ELECTION], watch_phrases=["Jan Kowalski"])
    finding = found(CANDIDATE, context)["election.campaign"]
    assert finding.severity == WARNING and finding.needs_approval
    assert "Jan Kowalski" in finding.message


def test_the_same_draft_outside_the_campaign_passes():
    before = ctx(elections=[ELECTION], watch_phrases=["Jan Kowalski"],
                 now=datetime(2025, 1, 15, tzinfo=UTC))
    assert "election.campaign" not in found(CANDIDATE, before)
    assert "election.campaign" not in found(CANDIDATE, ctx(elections=[ELECTION]))  # no phrase


@pytest.mark.parametrize(("text", "flagged"), [
    ("Chcemy kontynuować inwestycje w kolejnej kadencji.", True),
    ("Kontynuujemy inwestycje.", True),
    ("Zaglosuj 7 kwietnia!", True),
    ("Zagłosuj w budżecie obywatelskim na swój projekt.", False),
    ("Lokale wyborcze są czynne od 7 do 21.", False),
])
def test_default_campaign_phrases(text, flagged):
    result = found(text + " " + QUESTION, ctx(elections=[ELECTION]))
    assert ("election.campaign" in result) == flagged


def test_publishing_in_the_silence_is_blocked_but_may_be_overridden():
    at = datetime(2025, 4, 5, 9, tzinfo=UTC)
    finding = found(GOOD, ctx(elections=[ELECTION]), publish_at=at)["election.silence"]
    assert finding.severity == BLOCKING and finding.overridable
    assert "election.silence" not in found(GOOD, ctx(elections=[ELECTION]),
                                           publish_at=ELECTION.silence_end)
    now_silent = ctx(elections=[ELECTION], now=at)
    assert "election.silence" in found(GOOD, now_silent)  # no time set: now


# -- dialogue -------------------------------------------------------------------------------------

def test_an_information_without_an_invitation_gets_a_suggestion():
    plain = "Od poniedziałku biblioteka jest otwarta do 19."
    assert found(plain)["dialogue.invite"].severity == WARNING
    assert "dialogue.invite" not in found(plain + " " + QUESTION)
    assert "dialogue.invite" not in found(plain, type="promotion")
    assert "dialogue.invite" in found(plain, type="event")


@pytest.mark.parametrize(("text", "link", "invites"), [
    ("Czy wiecie, że mamy nowy park?", "", True),
    ("Jakie zajęcia chcielibyście mieć w bibliotece? Piszcie.", "", True),
    ("Dajcie znać w komentarzach, co sądzicie.", "", True),
    ("Zapraszamy do komentowania.", "", True),
    ("Trwają konsultacje planu.", "", True),
    ("Wypełnij ankietę o komunikacji.", "", True),
    ("Zagłosuj w budżecie obywatelskim!", "", True),
    ("Szczegóły w formularzu.", "https://forms.gle/abc123", True),
    ("Co się zmieni? Biblioteka będzie otwarta dłużej.", "", False),
    ("Biblioteka jest zamknięta.", "https://przykladowo.pl/biblioteka", False),
])
def test_invites_input(text, link, invites):
    assert invites_input(text, link) == invites


# -- platforms ------------------------------------------------------------------------------------

def test_instagram_needs_a_picture_or_a_video():
    finding = found(channels=["instagram"])["platform.ig_media"]
    assert finding.severity == BLOCKING and not finding.overridable
    assert "platform.ig_media" not in found(channels=["instagram"],
                                            images=[Image(name="a.jpg", alt=GOOD_ALT)])
    assert "platform.ig_media" not in found(channels=["instagram"],
                                            video=Video(name="a.mp4", captions="a.vtt"))
    assert "platform.ig_media" not in found()  # Facebook only


def test_instagram_caption_limits_and_links():
    media = {"images": [Image(name="a.jpg", alt=GOOD_ALT)], "channels": ["instagram"]}
    assert "platform.ig_caption" in found(GOOD + " " + "a" * 2200, **media)
    assert "platform.ig_caption" in found(
        GOOD + " " + " ".join(f"#Tag{n}" for n in range(31)), **media)
    assert "platform.ig_caption" not in found(
        GOOD + " " + " ".join(f"#Tag{n}" for n in range(30)), **media)
    assert found(GOOD + " https://przykladowo.pl", **media)["platform.ig_link"].severity == (
        WARNING)
    assert "platform.ig_link" not in found(GOOD, **media)


def test_facebook_text_limit():
    assert "platform.fb_length" in found(GOOD + " " + "a" * 63300)
    assert "platform.fb_length" not in found(GOOD + " " + "a" * 3000)


# -- schedule -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("delta", "code"), [
    (timedelta(hours=-1), "schedule.past"),
    (timedelta(seconds=-30), None),  # a minute's grace for the time it took to submit
    (timedelta(days=2), None),
    (timedelta(days=200), "schedule.far"),
])
def test_schedule(delta, code):
    result = found(publish_at=NOW + delta)
    codes = {c for c in result if c.startswith("schedule.")}
    assert codes == ({code} if code else set())
    if code == "schedule.past":
        assert result[code].severity == BLOCKING


# -- the result -----------------------------------------------------------------------------------

def test_blocking_findings_come_first_in_a_stable_order():
    draft = Draft(text="Wnioski przyjmuje GOPS.", type="notice", channels=["instagram"],
                  publish_at=NOW - timedelta(days=1))
    first = run(draft, ctx())
    assert [f.code for f in first] == [
        "bip.missing", "platform.ig_media", "schedule.past", "plain.abbreviation"]
    assert run(draft, ctx()) == first


def test_findings_json_shape():
    rows = findings_json(run(Draft(text="Wnioski przyjmuje GOPS.", type="notice"), ctx()))
    assert rows and all(set(row) == {"check", "severity", "message"} for row in rows)
    assert rows[0]["check"] == "bip" and rows[0]["severity"] == BLOCKING
    assert findings_json([]) == []
