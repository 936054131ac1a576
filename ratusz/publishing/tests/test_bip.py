"""The BIP feed: reading RSS and Atom, proposing the entry a draft post is about, and telling
whether a post links to the office's BIP or website. Pure: no database."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ratusz.publishing import bip
from ratusz.publishing.bip import FeedEntry, links_to_bip, match, parse_feed

DEMO = Path(bip.__file__).parent / "data" / "bip-demo.xml"
ATOM = Path(__file__).parent / "data" / "bip-atom.xml"
BIP = "https://bip.przykladowo.example.pl"
WEBSITE = "https://przykladowo.example.pl"


@pytest.fixture(scope="module")
def entries() -> list[FeedEntry]:
    return parse_feed(DEMO.read_bytes())


def by_link_part(entries: list[FeedEntry], part: str) -> FeedEntry:
    (found,) = [entry for entry in entries if part in entry.link]
    return found


# --- Reading the feed -------------------------------------------------------------------------

def test_rss_entries_in_feed_order_with_titles_links_and_guids(entries):
    assert len(entries) == 15
    first = entries[0]
    assert first.title.startswith("Informacja o zagrożeniu powodziowym")
    assert first.link == ("https://bip.przykladowo.example.pl/artykul/1287/"
                          "informacja-o-zagrozeniu-powodziowym-ostrzezenie-hydrologiczne")
    assert first.guid == "bip-przykladowo-1287"
    assert len({entry.guid for entry in entries}) == 15
    assert all(entry.link.startswith(BIP + "/artykul/") for entry in entries)


def test_rss_published_dates_are_aware(entries):
    session = by_link_part(entries, "/1284/")
    assert session.title == "XXV sesja Rady Gminy Przykładowo – 10 grudnia 2026 r."
    # Thu, 03 Dec 2026 12:15:00 +0100
    assert session.published == datetime(2026, 12, 3, 11, 15, tzinfo=UTC)
    assert all(entry.published and entry.published.tzinfo for entry in entries)
    assert all(datetime(2026, 11, 1, tzinfo=UTC) <= entry.published
               <= datetime(2026, 12, 31, tzinfo=UTC) for entry in entries)


def test_rss_summary_is_plain_text_with_entities_decoded(entries):
    session = by_link_part(entries, "/1284/")
    assert "<" not in session.summary and "&" not in session.summary
    assert "zwołuję XXV sesję Rady Gminy Przykładowo, która odbędzie się" in session.summary
    assert "10 grudnia 2026 r. (czwartek) o godz. 10:00" in session.summary  # &nbsp; collapsed
    assert "  " not in session.summary and "\n" not in session.summary
    # The description as escaped HTML rather than CDATA reads the same.
    water = by_link_part(entries, "/1281/")
    assert water.summary.startswith("Gminny Zakład Gospodarki Komunalnej w Przykładowie informuje")
    assert "odbiorców przy ul. Lipowej" in water.summary
    assert "<p>" not in water.summary and "&oacute;" not in water.summary
    # A link inside the description leaves its text, not its tag.
    tax = by_link_part(entries, "/1268/")
    assert "Uchwała Nr XXIV/187/2026 (PDF, 201 KB)" in tax.summary
    assert "href" not in tax.summary


def test_fixture_signs_with_positions(entries):
    assert by_link_part(entries, "/1284/").summary.endswith("Przewodniczący Rady Gminy Przykładowo")
    assert "PESEL" not in DEMO.read_text(encoding="utf-8")


def test_atom_entries(tmp_path):
    entries = parse_feed(ATOM.read_bytes())
    # The entry without a link and the one with a javascript: link are skipped.
    assert [entry.link.rsplit("/", 2)[1] for entry in entries] == ["1301", "1298", "1295"]
    plan, decision, registry = entries
    assert plan.title == ("Obwieszczenie Wójta Gminy Przykładowo o wyłożeniu projektu planu "
                          "ogólnego")  # "W&oacute;jta" in an HTML title
    assert plan.guid == "tag:bip.przykladowo.example.pl,2026:artykul-1301"
    assert plan.published == datetime(2026, 12, 7, 7, 30, tzinfo=UTC)
    assert plan.summary.startswith("Projekt planu ogólnego wyłożono do publicznego wglądu od 14")
    # Only <updated>: that is the date; XHTML content stands in for a missing summary.
    assert decision.published == datetime(2026, 12, 4, 13, 20, tzinfo=UTC)
    assert decision.summary.startswith("Wójt Gminy Przykładowo zawiadamia o wydaniu decyzji")
    assert "pokoju nr 12." in decision.summary and "<" not in decision.summary
    # No <id>: the link is the guid; no date at all: None.
    assert registry.guid == registry.link
    assert registry.published is None


def test_text_input_with_a_declared_encoding_is_not_decoded_twice():
    feed = ("<?xml version='1.0' encoding='ISO-8859-2'?><rss version='2.0'><channel>"
            "<title>BIP</title><item><title>Sesja Rady Gminy – zażółć gęślą jaźń</title>"
            "<link>https://bip.przykladowo.example.pl/artykul/1</link></item></channel></rss>")
    (entry,) = parse_feed(feed)
    assert entry.title == "Sesja Rady Gminy – zażółć gęślą jaźń"
    assert entry.guid == entry.link  # no <guid>: the link
    assert entry.summary == "" and entry.published is None


def test_summary_is_capped():
    long = "<p>" + "Bardzo długi opis obwieszczenia. " * 200 + "</p>"
    feed = ("<rss version='2.0'><channel><item><title>Obwieszczenie</title>"
            "<link>https://bip.przykladowo.example.pl/artykul/2</link>"
            f"<description><![CDATA[{long}]]></description></item></channel></rss>")
    (entry,) = parse_feed(feed.encode())
    assert len(entry.summary) <= 2000
    assert entry.summary.endswith("…")


def test_items_without_title_or_link_are_skipped():
    feed = b"""<rss version="2.0"><channel>
      <item><title>Bez linku</title><description>opis</description></item>
      <item><link>https://bip.przykladowo.example.pl/artykul/3</link></item>
      <item><title>  </title><link>https://bip.przykladowo.example.pl/artykul/4</link></item>
      <item><title>Dobry wpis</title><link>https://bip.przykladowo.example.pl/artykul/5</link>
        <guid>5</guid></item>
    </channel></rss>"""
    assert [entry.title for entry in parse_feed(feed)] == ["Dobry wpis"]


@pytest.mark.parametrize("data", [
    b"", "", "   ", b"\x00\xff\xfe garbage", "to nie jest kanał RSS",
    "<html><body><p>Strona główna</p></body></html>",
    b"<rss><channel><item><title>Urwany kan",
    b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>",
    None, 42,
])
def test_malformed_or_empty_feed_gives_nothing(data):
    assert parse_feed(data) == []


def test_a_path_or_url_is_data_never_opened():
    assert parse_feed(str(DEMO)) == []
    assert parse_feed(str(DEMO).encode()) == []
    assert parse_feed("https://bip.przykladowo.example.pl/rss.xml") == []


# --- Proposing the entry ----------------------------------------------------------------------

def best(text: str, entries: list[FeedEntry]) -> str:
    found = match(text, entries)
    assert found, f"nothing proposed for {text!r}"
    return found[0][0].link.split("/")[4]


@pytest.mark.parametrize("text, article", [
    ("Zapraszamy na XXV sesję Rady Gminy 10 grudnia o 10:00", "1284"),
    ("zapraszamy na xxv sesje rady gminy", "1284"),
    ("W czwartek 10.12.2026 odbędzie się sesja Rady Gminy. Transmisja w BIP.", "1284"),
    ("Przerwa w dostawie wody na ul. Lipowej", "1281"),
    ("przerwa w dostawie wody na ulicy Lipowej we wtorek", "1281"),
    ("Przetarg na odbiór odpadów", "1270"),
    ("Ogłosiliśmy przetarg na wywóz śmieci w 2027 roku", "1270"),
    ("Przetargu na odbior odpadow nie rozstrzygnieto", "1270"),
    ("Harmonogram wywozu śmieci na przyszły rok już dostępny", "1272"),
    ("Nowe stawki podatku od nieruchomości na 2027 rok", "1268"),
    ("Uchwała nr XXIV/187/2026 opublikowana", "1268"),
    ("Zarządzenie nr 0050.123.2026", "1276"),
    ("31 grudnia Urząd Gminy będzie nieczynny", "1276"),
    ("Wybory sołtysa w Dąbrówce już w niedzielę 6 grudnia", "1262"),
    ("Budzet obywatelski - nabor wnioskow trwa do 7 grudnia", "1255"),
    ("Uwaga! Ostrzeżenie przed powodzią, worki z piaskiem w remizie OSP", "1287"),
    ("Trwają konsultacje programu współpracy z organizacjami pozarządowymi", "1240"),
    ("Odśnieżanie dróg gminnych – gdzie zgłaszać", "1265"),
    ("Składajcie wnioski do planu ogólnego do końca roku", "1244"),
    ("Ogłaszamy konkurs ofert dla klubów sportowych na 2027", "1279"),
    ("Wszczęto postępowanie w sprawie farmy fotowoltaicznej w Starej Woli", "1249"),
])
def test_match_proposes_the_entry_the_post_is_about(entries, text, article):
    assert best(text, entries) == article


def test_match_scores_are_0_to_1_best_first_and_limited(entries):
    found = match("Przetarg na odbiór odpadów komunalnych", entries)
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    assert all(bip.THRESHOLD <= score <= 1 for score in scores)
    # The tender first; the collection schedule (same words, no "przetarg") may follow.
    assert found[0][0].link.split("/")[4] == "1270"
    assert len(match("Przetarg na odbiór odpadów komunalnych", entries, limit=1)) == 1
    assert match("Przetarg na odbiór odpadów", entries, limit=0) == []


def test_a_link_to_the_entry_itself_is_a_certain_match(entries):
    text = ("Szczegóły: bip.przykladowo.example.pl/artykul/1262/"
            "wybory-soltysa-i-rady-soleckiej-solectwa-dabrowka/ (zapraszamy)")
    ((entry, score),) = match(text, entries)[:1]
    assert entry.link.split("/")[4] == "1262" and score == 1.0


@pytest.mark.parametrize("text", [
    "Życzymy wszystkim mieszkańcom wesołych świąt",
    "Zycze wszystkim mieszkancom wesolych swiat i szczesliwego nowego roku",
    "Gratulujemy naszym sportowcom medali na zawodach w Krakowie",
    "Jarmark bożonarodzeniowy na rynku w sobotę 12 grudnia",
    "Uwaga na oszustów podszywających się pod pracowników gazowni",
    "Nowy chodnik na ul. Szkolnej gotowy",
    "Gmina Przykładowo informuje",
    "Zapraszamy na koncert kolęd w kościele parafialnym",
    "Wójt Gminy wręczył nagrody",
    "Mikołajki w przedszkolu – zobaczcie zdjęcia!",
    "Biblioteka poleca nowości na grudzień",
    "Kolejne pieniądze z Unii Europejskiej dla naszej gminy!",
    "",
    "👍👍👍",
])
def test_match_proposes_nothing_for_an_unrelated_post(entries, text):
    assert match(text, entries) == []


def test_match_with_no_entries():
    assert match("Zapraszamy na XXV sesję Rady Gminy", []) == []


def test_terms_fold_stem_and_read_official_numbers():
    assert bip.terms("przetargu") == bip.terms("Przetarg") == bip.terms("PRZETARGI")
    assert bip.terms("sesji") == bip.terms("sesja") == bip.terms("sesję") == bip.terms("sesjach")
    assert bip.terms("podatku") == bip.terms("podatek")
    assert bip.terms("odpadów") == bip.terms("odpady") == bip.terms("odpadow")
    assert bip.terms("10 grudnia") == bip.terms("10.12.2026") == bip.terms("2026-12-10")
    assert bip.terms("o godz. 10.30") == []  # a time, not a date
    assert "=xxiv/187/2026" in bip.terms("Uchwała Nr XXIV/187/2026")
    assert "=0050/123/2026" in bip.terms("Zarządzenie Nr 0050.123.2026")
    assert "#xxv" in bip.terms("XXV sesja") and "#xxv" in bip.terms("xxv sesja")
    assert bip.terms("i w na do oraz że się") == []


# --- Links to the BIP -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Szczegóły: https://bip.przykladowo.example.pl/artykul/1284/xxv-sesja.",
    "https://bip.przykladowo.example.pl",
    "Więcej w BIP: bip.przykladowo.example.pl/artykul/1284",
    "zobacz BIP.Przykladowo.Example.pl",
    "http://bip.przykladowo.example.pl:8080/artykul/1",
    "https://archiwum.bip.przykladowo.example.pl/2019/1",  # a subdomain
])
def test_links_to_bip(text):
    assert links_to_bip(text, BIP)
    assert links_to_bip(text, BIP, WEBSITE)


@pytest.mark.parametrize("text", [
    "https://przykladowo.example.pl/aktualnosci/sesja",
    "www.przykladowo.example.pl/budzet-obywatelski",
    "https://wydarzenia.przykladowo.example.pl/",
])
def test_links_to_the_website_count_when_given(text):
    assert links_to_bip(text, BIP, WEBSITE)
    assert not links_to_bip(text, BIP)


@pytest.mark.parametrize("text", [
    "",
    "Zapraszamy na sesję, szczegóły w BIP",
    "https://bip.przykladowo.example.pl.evil.com/artykul/1284",
    "bip.przykladowo.example.pl.evil.com/artykul/1284",
    "https://evil.com/bip.przykladowo.example.pl/artykul/1284",
    "https://bip.przykladowo.example.pl@evil.com/",
    "https://notbip.przykladowo-example.pl/",
    "https://innagmina.example.pl/bip",
    "https://www.facebook.com/gminaprzykladowo",
    "Piszcie na sekretariat@bip.przykladowo.example.pl",
    "ftp://bip.przykladowo.example.pl/plik",
])
def test_not_links_to_bip(text):
    assert not links_to_bip(text, BIP, WEBSITE)


def test_links_to_bip_without_any_address_configured():
    assert not links_to_bip("https://bip.przykladowo.example.pl/artykul/1", "")


def test_a_bip_on_a_shared_host_counts_only_its_own_part():
    shared = "https://bip.example.pl/ugprzykladowo"
    assert links_to_bip("https://bip.example.pl/ugprzykladowo/artykul/1", shared)
    assert not links_to_bip("https://bip.example.pl/ugsasiednia/artykul/1", shared)
    assert not links_to_bip("https://bip.example.pl/ugprzykladowo2/artykul/1", shared)


def test_bip_url_may_be_given_without_scheme_or_with_www():
    assert links_to_bip("https://bip.przykladowo.example.pl/x", "bip.przykladowo.example.pl")
    assert links_to_bip("https://przykladowo.example.pl/x", "", "https://www.przykladowo.example.pl/")
