"""The harmful-content detector: lexicon rules, the model artefact, evidence spans, retraining.

The sentences below are a held-out municipal set: none of them is in the training examples
(ratusz/triage/data/harmful-extra.jsonl), which a test checks.
"""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from ratusz.triage.analysis import harmful
from ratusz.triage.analysis.base import THRESHOLD
from ratusz.triage.analysis.normalize import fold

EXTRA = Path(__file__).resolve().parents[1] / "data" / "harmful-extra.jsonl"


def score(text: str) -> float:
    return harmful.analyze(fold(text)).score


def flagged(text: str) -> bool:
    return score(text) >= THRESHOLD


OBFUSCATED = [
    "Ty d e b i l u, nie pisz tu więcej.",  # spacing
    "Ty d.e.b.i.l.u jeden",
    "Ty debiiiilu jeden",  # stretched letters
    "Ty ddebiilu",  # doubled letters
    "Wójt to 1d10ta",  # digits
    "Ty d3b1lu",
    "Ty ιdιoto",  # Greek iota
    "Ty dеbilu",  # Cyrillic e
    "Ty кretynie",  # Cyrillic k
    "Ty ch**u",  # stars
    "Ty k*rwo",
    "Sp********aj z moich wiadomości",
    "Ch*j ci w d*pę, panie sołtysie",
    "Je...ny urzędas znowu zgubił wniosek",  # dots
    "Ty deb\u200bilu",  # zero-width space
    "Radny to skonczony kretyn i zjeb",  # no diacritics
    "jestes zwyklym debilem",
    "ty glupia babo, nie pisz wiecej",
    "Zaaabiję cięęę, wójcie",
    "j e b a ć   r a d ę   g m i n y",  # spaced words with wider gaps between them
    "Radny to zwykła sz.m.a.t.a",  # a digraph among dotted letters
    "Sołtys to ch.u.j",
    "Ty stara kуrwо",  # Cyrillic у written for u
]

INSULTS_AND_VULGARITY = [
    "Panie wójcie, jest pan zwykłym idiotą i tyle.",
    "Ten kretyn z wydziału komunikacji znowu zgubił moje dokumenty.",
    "Debile z rady miasta, kto wam dał mandat?",
    "Pani Basia z kadr to głupia krowa.",
    "Wynocha z urzędu, ty śmieciu.",
    "Ty pajacu, weź się do roboty.",
    "Spierdalajcie wszyscy z tego ratusza.",
    "Kurwy z magistratu znowu kombinują.",
    "Jebany urzędas nie chciał przyjąć wniosku.",
    "Pierdolę was, złodzieje jebani.",
    "Ty stary chuju, oddaj kasę za remont.",
    "Odwal się, szmato.",
    "Marta z Kwiatowej to szmata i dziwka, niech wszyscy wiedzą.",
]

THREATS = [
    "Jak cię spotkam, to ci mordę obiję.",
    "Wiemy gdzie mieszkacie, radni. Zobaczymy się.",
    "Podpalę ci chałupę, sąsiedzie.",
    "Jeszcze raz i spalimy ten wasz urząd.",
    "Trzeba ich wszystkich wystrzelać, tych urzędasów.",
    "Zatłukę tego skurwiela z urzędu skarbowego.",
    "Zdychaj, pajacu.",
]

HATE = [
    "Żydzi to zaraza tego kraju.",
    "Cyganie to brudasy i złodzieje, wyrzucić ich z gminy.",
    "Geje to zboczeńcy i pedofile.",
    "Ciapatych nie chcemy, niech spierdalają do siebie.",
]

PROTECTED_CRITICISM = [
    "Nieudolna władza!",
    "Skandal.",
    "To złodziejstwo publicznych pieniędzy, nic innego.",
    "Wstyd i kompromitacja.",
    "Wójt powinien podać się do dymisji.",
    "Kompromitacja! Trzeci raz przekładacie termin otwarcia basenu.",
    "Wójt jest nieudolny i powinien odejść.",
    "Urząd marnuje nasze pieniądze na bzdury.",
    "To złodziejstwo, a nie podwyżka.",
    "Radni znowu zagłosowali przeciwko mieszkańcom, wstyd.",
    "Skandal, że do tej pory nikt nie naprawił mostu.",
    "Banda nieudaczników, nawet choinki nie umieją postawić.",
    "Burmistrz kłamał w kampanii i wszyscy o tym wiemy.",
    "Pani w okienku była niemiła, to nie pierwszy raz.",
    "Robicie z nas głupków, obiecując obwodnicę od 10 lat.",
    "Jak można być tak bezczelnym, panie burmistrzu?",
    "Dno i wodorosty, a nie zarządzanie gminą.",
    "Gówno prawda, że nie było pieniędzy na szkołę.",
    "Czy kiedyś ktoś w tym urzędzie ruszy dupę i naprawi tę lampę?",
]

NOT_AIMED_SWEARING_AND_IDIOMS = [
    "kurde",
    "Cholera jasna, znowu nie odebrali śmieci.",
    "k***a znowu korek",
    "Kurwa, znowu autobus nie przyjechał.",
    "Kurde, nic nie działa na tej stronie.",
    "Ja pierdolę, jakie korki na Warszawskiej.",
    "Chuj z tym parkingiem, zaparkuję gdzie indziej.",
    "Zajebiście, że wreszcie otworzyli bibliotekę.",
    "Zabiłbym za porządny chodnik na tej ulicy.",
    "Szlag mnie trafi z tymi objazdami.",
    "Ten remont mnie wykończy.",
    "Nie jestem idiotą, wiem że ta droga była remontowana.",
    "Wójt mówi, że to kurwa nic nie kosztuje, a rachunek przyszedł na 300 zł.",
    "Kurwa jebana, znowu awaria wody.",
]

NEUTRAL_LOOKALIKES = [
    "Zaginął pies, czarny kundel, reaguje na imię Burek.",
    "Czy można palić ognisko na działce?",
    "Nie wiem gdzie mieszkacie, ale u nas na Leśnej nie ma prądu od rana.",
    "Ukraińskie dzieci w naszej szkole świetnie sobie radzą.",
    "Czy będzie parada równości w tym roku?",
    "Sąsiad trzyma świnie i krowy, czy potrzebuje zgody?",
    "Moja suka się oszczeniła, czy trzeba zgłaszać szczeniaki?",
    "Panie Baranie, kiedy będzie droga?",
    "Pedał hamulca w autobusie linii 5 piszczy.",
    "Papierosy cię zabiją, a palarnia jest przy samym wejściu do przychodni.",
]

HARMFUL = OBFUSCATED + INSULTS_AND_VULGARITY + THREATS + HATE
NOT_HARMFUL = PROTECTED_CRITICISM + NOT_AIMED_SWEARING_AND_IDIOMS + NEUTRAL_LOOKALIKES


@pytest.mark.parametrize("text", HARMFUL)
def test_harmful_is_flagged(text):
    assert flagged(text), (text, score(text))


@pytest.mark.parametrize("text", NOT_HARMFUL)
def test_criticism_swearing_and_lookalikes_are_not_flagged(text):
    assert not flagged(text), (text, score(text))


def test_held_out_set_is_not_in_the_training_examples():
    with EXTRA.open(encoding="utf-8") as lines:
        training = {json.loads(line)["text"].strip().lower() for line in lines if line.strip()}
    assert not {text.strip().lower() for text in HARMFUL + NOT_HARMFUL} & training


@pytest.mark.parametrize(("text", "reason", "quote"), [
    ("Ty D3BIIIL jeden", "lexicon:insult", "D3BIIIL"),
    ("Panie wójcie, ty k u r w o jedna", "lexicon:vulgar", "k u r w o"),
    ("No i co, ch*j ci w d*pę, urzędasie", "lexicon:vulgar", "ch*j ci w d*pę"),
    ("Dzień dobry. Wiem, gdzie mieszkasz.", "lexicon:threat", "Wiem, gdzie mieszkasz"),
    ("Ciapaci won z Polski", "lexicon:hate", "Ciapaci"),
    ("Ty dеbilu", "lexicon:insult", "dеbilu"),
])
def test_evidence_quotes_what_the_resident_wrote(text, reason, quote):
    finding = harmful.analyze(fold(text))
    quotes = {text[e.start:e.end] for e in finding.evidence if e.reason == reason}
    assert quote in quotes, [(e.reason, e.start, e.end) for e in finding.evidence]


def test_the_model_always_gives_its_probability():
    for text in ("", "Dzień dobry", "Ty debilu"):
        finding = harmful.analyze(fold(text))
        model = [e for e in finding.evidence if e.reason == "model"]
        assert len(model) == 1 and model[0].start is None
        assert 0.0 <= float(model[0].detail) <= 1.0
        assert 0.0 <= finding.score <= 1.0
        assert all(e.flag == "harmful" for e in finding.evidence)


def test_swearing_is_not_evidence_but_is_counted_by_the_model():
    finding = harmful.analyze(fold("Kurwa, znowu korek"))
    assert [e.reason for e in finding.evidence] == ["model"]
    hits = harmful.lexicon_hits(fold("Kurwa, znowu korek").text)
    assert [h.cls for h in hits] == [harmful.SWEAR]


def test_masked_words_resolve_to_the_word_they_hide():
    assert harmful.unmask("ch*j") == "chuj"
    assert harmful.unmask("k***a") == "kurwa"
    assert harmful.unmask("sp******aj") == "spierdalaj"
    assert harmful.unmask("d***l") == "debil"
    assert harmful.unmask("***") is None
    assert harmful.unmask("p*zza") is None


def test_reported_insults_are_not_the_writers():
    assert not flagged('Ktoś napisał do mnie pod postem "ty debilu", gdzie to zgłosić?')
    assert not flagged("Radny powiedział na sesji, że opozycja to banda idiotów. Czy to "
                       "jest w protokole?")


def test_inference_and_training_features_agree():
    model = harmful.model()
    for text in ["Ty debilu", "Kurwa, znowu korek na Lipowej", "", "ąę " * 100]:
        folded = fold(text).text
        hits = harmful.lexicon_hits(folded)
        index, values = harmful.features(folded, model.config, hits)
        expected = float(np.dot(model.weights[index].astype(np.float64), values)) + model.bias
        assert model.logit(folded, hits) == pytest.approx(expected, abs=1e-4)


def test_shipped_artefact():
    model = harmful.model()
    meta = model.meta
    assert model.version == harmful.MODEL_VERSION == harmful.model_version()
    assert model.weights.dtype == np.float32 and model.weights.nbytes < 30e6
    assert model.domain == "municipal"
    assert "Ptaszyński" in meta["citation"] and "BSD" in meta["license"]
    assert (harmful.MODEL_DIR / "POLEVAL-LICENSE.txt").read_text().startswith("BSD 3-Clause")
    cv = meta["cross_validation"]
    assert cv["detector"]["f1"] > 0.5 and cv["extra"]["f1"] > 0.85
    poleval = harmful.read_model(domain="poleval")
    assert poleval.bias != model.bias


def test_inference_needs_neither_scikit_learn_nor_scipy():
    code = ("import sys\n"
            "from ratusz.triage.analysis import harmful\n"
            "from ratusz.triage.analysis.normalize import fold\n"
            "harmful.analyze(fold('Ty debilu'))\n"
            "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))\n")
    root = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], cwd=root,  # noqa: S603
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_retrained_artefact_round_trips(tmp_path):
    from ratusz.triage import training

    texts = ["Ty debilu jeden", "Spierdalaj z tym", "Zabiję cię", "Ty kretynie",
             "Jesteś zwykłym idiotą", "Ty gnido", "Wiem gdzie mieszkasz", "Ty świnio",
             "Dzień dobry, kiedy odbiór śmieci?", "Dziękuję za pomoc", "Kurwa, znowu korek",
             "Wójt powinien podać się do dymisji", "Proszę o informację", "Skandal i wstyd",
             "Gdzie zapłacić podatek?", "Kiedy będzie festyn?"] * 2
    labels = ([1] * 8 + [0] * 8) * 2
    sources = ["extra"] * len(texts)
    config = {**training.DEFAULT_CONFIG, "bits": 12}
    path = training.train(texts, labels, config=config, C=4.0, output=tmp_path,
                          version="office-test-1", sources=sources, folds=2,
                          log=lambda message: None)
    assert path == tmp_path / "harmful.json" and path.with_suffix(".npz").exists()
    meta = json.loads(path.read_text(encoding="utf-8"))
    assert meta["features"]["bits"] == 12 and meta["cross_validation"]["extra"]["examples"] == 32

    retrained = harmful.read_model(tmp_path)
    assert retrained.version == "office-test-1" and len(retrained.weights) == 4096 + len(
        harmful.LEXICON_FEATURES)
    shipped = harmful.model()
    try:
        assert harmful.load(path).version == "office-test-1"
        assert harmful.model_version() == "office-test-1"
        good, bad = fold("Dziękuję za pomoc"), fold("Ty debilu jeden")
        assert harmful.analyze(bad).score > harmful.analyze(good).score
        assert harmful.analyze(good).score < THRESHOLD
    finally:
        harmful.load()
    assert harmful.model_version() == shipped.version


def test_retrain_with_adds_office_examples(tmp_path, monkeypatch):
    from ratusz.triage import training

    seen = {}

    def fake_train(texts, labels, **kwargs):
        seen.update(texts=texts, labels=labels, **kwargs)
        path = tmp_path / "harmful.json"
        path.write_text(json.dumps({"version": "v", "threshold": 0.0, "cross_validation": {
            "detector": {"f1": 0.6, "precision": 0.6, "recall": 0.6},
            "office": {"f1": 1.0, "precision": 1.0, "recall": 1.0}}}))
        return path

    data = tmp_path / "train.tsv"
    data.write_text("text\tharmful\ttype\n@anonymized_account Ty debilu\t1\t1\nMiły dzień\t0\t0\n",
                    encoding="utf-8")
    monkeypatch.setattr(training, "train", fake_train)
    path, metrics = training.retrain_with([("Radni to kretyni", 1), ("Wstyd!", 0)],
                                          output=tmp_path, data=data, log=lambda m: None)
    assert path == tmp_path / "harmful.json"
    assert seen["texts"][:2] == ["Ty debilu", "Miły dzień"]  # no Twitter mentions
    assert seen["texts"][-2:] == ["Radni to kretyni", "Wstyd!"]
    assert seen["sources"][-2:] == ["office", "office"] and seen["labels"][-2:] == [1, 0]
    assert seen["weights"][-1] == training.EXTRA_WEIGHT
    assert metrics["cv_f1"] == 0.6 and metrics["cv_office_f1"] == 1.0


def test_the_phrase_gate_never_hides_a_match(monkeypatch):
    texts = HARMFUL + NOT_HARMFUL
    gated = [harmful.lexicon_hits(fold(text).text) for text in texts]
    monkeypatch.setattr(harmful, "_PHRASE_RES",
                        [(cls, pattern, None) for cls, pattern, _ in harmful._PHRASE_RES])
    assert [harmful.lexicon_hits(fold(text).text) for text in texts] == gated


def test_folding_for_the_lexicon():
    assert fold("deb\u200bil\u00adu").text == "debilu"  # invisible characters dropped
    assert fold("je...ny").text == "je***ny"  # dots hiding letters are stars
    assert fold("je…ny").span(2, 5) == (2, 3)  # the ellipsis is one character of the original
    assert fold("No tak... nie wiem").text == "no tak... nie wiem"
    assert fold("D E B I L z tego wójta").text == "debil z tego wojta"
    assert fold("S.p.i.e.r.d.a.l.a.j z naszej wsi").text == "spierdalaj z naszej wsi"
    assert fold("i K U R W A").text == "i kurwa"
    assert fold("Ty D3BIIIL, k u r w a").text == "ty debil, kurwa"
    assert fold("j e b a ć   r a d ę").text == "jebac rade"  # the wider gap stays a space
    assert fold("sz.m.a.t.a").text == "szmata" and fold("ch.u.j").text == "chuj"
    assert fold("a i w tym").text == "a i w tym"  # three spaced letters are words
    assert fold("idźcie w ch*j z tym").text == "idzcie w ch*j z tym"  # mixed separators
    folded = fold("j e b a ć   r a d ę")
    assert folded.span(0, 5) == (0, 9) and folded.span(6, 10) == (12, 19)
