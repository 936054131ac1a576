"""The tone and form check: each check with a case that trips it and one that does not."""

import pytest

from ratusz.inbox.tone import BLOCKING, WARNING, Style, check

GOOD = "Dzień dobry,\nodbiór gabarytów jest 5 grudnia.\nPozdrawiamy,\nZespół Urzędu Gminy"
STYLE = Style(signature="Zespół Urzędu Gminy",
              own_contacts=["urzad@gmina.example.pl", "+48 12 345 67 00", "ul. Rynek 1"])


def checks(text: str, public: bool = True) -> dict[str, str]:
    return {f.check: f.severity for f in check(text, public=public, style=STYLE)}


def test_a_good_reply_passes():
    assert checks(GOOD) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("Odbiór jest 5 grudnia.\nPozdrawiamy,\nZespół Urzędu Gminy", "greeting"),
    ("Dzień dobry,\nodbiór jest 5 grudnia.\nPozdrawiam, Anna", "signature"),
    ("Dzień dobry,\njak już pisaliśmy, odbiór jest 5 grudnia.\nZespół Urzędu Gminy", "tone"),
    ("Dzień dobry,\nproszę czytać ze zrozumieniem.\nZespół Urzędu Gminy", "tone"),
    ("Dzień dobry,\nuprzejmie informuję, że odbiór jest 5 grudnia.\nZespół Urzędu Gminy",
     "jargon"),
    ("Dzień dobry,\nw przedmiotowej sprawie odbiór jest 5 grudnia.\nZespół Urzędu Gminy",
     "jargon"),
    ("Dzień dobry,\n" + " ".join(["słowo"] * 30) + ".\nZespół Urzędu Gminy", "long_sentence"),
    ("Dzień dobry,\npostanawiamy umorzyć zaległość.\nZespół Urzędu Gminy", "decision"),
    ("Dzień dobry,\nproszę podać swój numer PESEL.\nZespół Urzędu Gminy", "asks_for_data"),
])
def test_each_warning(text, expected):
    assert checks(text).get(expected) == WARNING


def test_personal_data_in_public_blocks_but_the_offices_own_contacts_do_not():
    leak = ("Dzień dobry,\npan Jan Kowalski, PESEL 44051401359, dostał zwrot.\n"
            "Zespół Urzędu Gminy")
    assert checks(leak)["personal_data"] == BLOCKING
    assert "personal_data" not in checks(leak, public=False)  # a private message may
    own = ("Dzień dobry,\nzadzwoń: 12 345 67 00 albo napisz: urzad@gmina.example.pl.\n"
           "Zespół Urzędu Gminy")
    assert checks(own) == {}
    asking = "Dzień dobry,\nproszę podać swój numer PESEL.\nZespół Urzędu Gminy"
    assert "asks_for_data" not in checks(asking, public=False)


def test_an_office_may_add_its_own_jargon_and_drop_the_greeting():
    style = Style(require_greeting=False, jargon=["celem załatwienia"])
    found = {f.check for f in check("Celem załatwienia sprawy zapraszamy.\nPozdrawiamy",
                                    public=False, style=style)}
    assert found == {"jargon"}
