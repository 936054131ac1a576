"""The rule analysers on typical texts and their hard negatives. Whole-set quality is
measured by `ratusz triage evaluate` and bench/triage.py, not here."""

import pytest

from ratusz.triage.analysis import analyze
from ratusz.triage.analysis.normalize import fold


def flags(text: str, channel: str = "message") -> list[str]:
    return analyze(text, channel).flags


@pytest.mark.parametrize("text", [
    "Czuć gaz na klatce schodowej, Lipowa 5!!",
    "Las za szkołą się pali, płomienie idą w stronę domów",
    "drzewo leży na drodze do Zalesia, nie da się przejechać",
    "Zerwana linia energetyczna leży na chodniku przy Polnej i iskrzy",
    "Woda wlewa się do piwnicy, zalewa nam dom, pomocy",
    "Mama z demencją wyszła z domu i nie wróciła, szukamy jej od godziny",
    "nie chce juz zyc, mysle zeby skonczyc ze soba",
    "Dziecko weszło na cienki lód na stawie, niech ktoś przyjdzie!",
])
def test_emergencies(text):
    assert "urgent" in flags(text)


@pytest.mark.parametrize("text", [
    "Zabijcie mnie, ale nie rozumiem tego formularza",
    "W 2010 roku zalało nam piwnicę, od tamtej pory nic nie zrobiono z rowem",
    "Dziękujemy strażakom za wczorajszą akcję przy pożarze stodoły!",
    "Polecam film o strażakach w kinie w GOK-u",
    "Dziura na Szkolnej jest coraz większa, proszę ją załatać",
    "Pali mi się grunt pod nogami, termin na ulgę mija w piątek",
    "Jutro ćwiczenia straży, będzie syrena i pokaz gaszenia pożaru",
])
def test_not_emergencies(text):
    assert "urgent" not in flags(text)


@pytest.mark.parametrize("text", [
    "Wnoszę o udostępnienie informacji publicznej w zakresie umów na promocję gminy.",
    "Ile gmina wydała na Dni Gminy w tym roku?",
    "ile zarabia wójt",
    "Proszę o kopię umowy z firmą, która odśnieża drogi.",
    "Ilu mieszkańców zablokowaliście na tym profilu?",
])
def test_public_information_requests(text):
    assert "public_information_request" in flags(text)


@pytest.mark.parametrize("text", [
    "Kiedy jest odbiór śmieci na Słonecznej?",
    "Ile mam zapłacić za wydanie odpisu aktu urodzenia?",
    "Na jakim etapie jest mój wniosek o dodatek mieszkaniowy?",
])
def test_not_public_information_requests(text):
    assert "public_information_request" not in flags(text)


@pytest.mark.parametrize("text", [
    "Składam skargę na pracownika referatu podatków.",
    "Odwołuję się od decyzji w sprawie podatku od nieruchomości.",
    "Chcę złożyć wniosek o wydanie zaświadczenia o niezaleganiu.",
    "Mieszkańcy Borek składają petycję w sprawie przedszkola.",
])
def test_formal_matters(text):
    assert "formal_matter" in flags(text)


def test_asking_how_to_file_is_a_question_not_a_filing():
    result = analyze("Jak złożyć wniosek o dowód osobisty?")
    assert "question" in result.flags and "formal_matter" not in result.flags


@pytest.mark.parametrize("text", [
    "proszę o informację kiedy będzie naprawiona lampa",
    "czy ktoś wie do której jest czynny PSZOK",
    "Chciałabym się dowiedzieć, jak zapisać dziecko do przedszkola",
    "Kiedy wreszcie naprawicie ten chodnik?",
])
def test_questions_with_or_without_a_question_mark(text):
    assert "question" in flags(text)


@pytest.mark.parametrize("text", ["Dziękuję bardzo za szybką odpowiedź!",
                                  "Lampa na Polnej nie świeci od tygodnia."])
def test_not_questions(text):
    assert "question" not in flags(text)


@pytest.mark.parametrize("text", [
    "Kredyt bez BIK w 15 minut! Wejdź na https://szybka-kasa.example",
    "Twoja strona zostanie zablokowana za naruszenie zasad. Zweryfikuj konto tutaj",
    "Głosujcie na nr 3 na liście, nasz kandydat na wójta!",
    "Gratulacje! Wygrałeś iPhone'a, odbierz nagrodę klikając w link",
])
def test_spam(text):
    result = analyze(text, "comment")
    assert "spam" in result.flags and "question" not in result.flags


def test_a_link_alone_is_not_spam():
    assert "spam" not in flags("Tu jest harmonogram: https://bip.gmina.example/odpady")


@pytest.mark.parametrize("text,topic", [
    ("Kiedy odbiór bioodpadów?", "waste"),
    ("Do kiedy płacimy drugą ratę podatku od nieruchomości?", "taxes"),
    ("Na Polnej nie świeci latarnia", "roads"),
    ("Od rana nie ma wody w kranie", "water"),
    ("Autobus o 7:15 znowu nie przyjechał", "transport"),
    ("Jak zapisać dziecko do przedszkola?", "education"),
    ("Gdzie złożyć wniosek o dowód osobisty?", "registry"),
    ("Kiedy festyn na Dni Gminy?", "events"),
    ("Dzień dobry", "other"),
])
def test_topics(text, topic):
    assert analyze(text).topic == topic


def test_evidence_points_at_what_the_resident_wrote():
    text = "Proszę pilnie!!! CZUĆ GAZ na klatce"
    result = analyze(text)
    quotes = {text[e.start:e.end].lower() for e in result.evidence
              if e.flag == "urgent" and e.start is not None}
    assert "czuć gaz" in quotes


def test_folding_keeps_a_map_to_the_original():
    folded = fold("Ty D3BIIIL, k u r w a")
    assert folded.text == "ty debil, kurwa"
    start = folded.text.index("kurwa")
    assert folded.span(start, start + 5) == (12, 21)


def test_any_text_is_safe():
    for text in ["", " ", "\x00\u202e", "🔥" * 5000, "a" * 30000, "?" * 100, "1" * 400]:
        result = analyze(text)
        assert all(0 <= s <= 1 for s in result.scores.values())
