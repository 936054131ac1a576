"""Questions and requests that need an answer, with or without a question mark."""

import re

from ratusz.triage.analysis.base import Finding
from ratusz.triage.analysis.lexicon import best_per_reason, cues, evidence, hits, noisy_or
from ratusz.triage.analysis.normalize import Folded

_START = r"(?:^|[.!?\n]\s*|,\s*|\b(?:a|i|oraz|ale|to|wiec|tylko|dzien dobry|witam|hej)\s+)"
_WH = (r"(?:czy|kiedy|gdzie|jak|ile|dlaczego|czemu|kto|komu|kogo|co|jaki|jaka|jakie|jakiego|"
       r"jakim|jakich|ktory|ktora|ktore|ktorego|ktorej|od kiedy|do kiedy|o ktorej|skad|dokad|po"
       r" co|na kiedy|w jaki sposob|z kim|u kogo|do kogo|na jakiej|w jakim|w jakich|w ktorym|"
       r"na ktorej|za ile|do ktorej|od ktorej)")

ASKING = [
    *cues("question mark", 0.8, r"\?(?!\S*\b(?:http|www|\.pl|\.com))"),
    *cues("question word", 0.55, rf"{_START}{_WH}\b"),
    *cues("request", 0.75,
          r"\bprosz\w* o (informacj|info\b|odpowiedz|pomoc|kontakt|wyjasnien|przeslani|"
          r"udostepnien|interwencj|sprawdzeni|napraw|usuniec|zajecie|wskazani|podani|"
          r"informowani|poinformowani|rozwazeni|zmian|wymian|przyciecie|wyciecie|uzupelnien|"
          r"pilne|szybk|oddzwonien|telefon|wiadomosc|instrukcj|zaswiadczen|termin|spotkani|"
          r"rozpatrzeni|przyjeci|reakcj|zainteresowani|weryfikacj|kopi|wydanie|umorzeni|zwrot)",
          r"\bprosz\w* (sprawdzic|odpowiedziec|poinformowac|naprawic|przyslac|wyslac|podac|"
          r"interweniowac|zajac|zrobic|usunac|wyjasnic|pomoc|przekazac|oddzwonic|zadzwonic|"
          r"odpisac|skontaktowac|potwierdzic|wskazac|zwrocic|dac znac|o kontakt)",
          r"\buprzejmie prosz", r"\bbardzo prosz\w* o\b", r"\bprosimy o\b", r"\bprosilbym\b",
          r"\bprosilabym\b", r"\bzwracam sie (z prosba|z zapytaniem|o)",
          r"\bchcial\w* (bym|abym)? ?(sie )?(dowiedziec|zapytac|zapisac|zglosic|zlozyc|"
          r"umowic|wiedziec|uzyskac|otrzymac|wyjasnic|prosic)",
          r"\bczy (ktos|ktokolwiek) (wie|moze|orientuje)", r"\bnie wiem (jak|gdzie|czy|kiedy|co|"
          r"do kogo|ile)", r"\bpotrzebuj\w* (informacj|pomocy|zaswiadczen|kontakt|odpowiedz|"
          r"numer|adres)", r"\bmam (pytanie|prosbe|zapytanie)", r"\bpytanie\b", r"\bzapytanie\b",
          r"\bpytam\b", r"\bdajcie znac", r"\bdaj(cie)? info", r"\bodpisz(cie)?\b",
          r"\bodpowiedzcie\b", r"\bodpowiedz (mi|nam)\b", r"\bodezwij(cie)? sie",
          r"\bzrobcie (cos|z tym)", r"\bzajmijcie sie", r"\bnaprawcie\b", r"\bposprzatajcie",
          r"\binterweniujcie", r"\bprzyslijcie", r"\bwyjasnijcie", r"\bpowiedzcie\b",
          r"\bpodajcie\b", r"\bsprawdzcie\b", r"\bprosze o\b", r"\bchcialbym\b", r"\bchcialabym\b",
          r"\bciekaw\w* (jestem|jestesmy) (kiedy|czy|ile|jak|dlaczego|kto)",
          r"\binteresuje mnie", r"\bprosba o\b", r"\bbede wdzieczn", r"\bbylbym wdzieczn",
          r"\bbylabym wdzieczn", r"\bz gory dziekuj", r"\bw jaki sposob\b", r"\bco (mam|moge|"
          r"trzeba|nalezy|musze) (zrobic|zabrac|przyniesc|dostarczyc)"),
    *cues("call for help", 0.6, r"\bpomocy\b", r"\bratunku\b", r"\bpomozcie\b",
          r"\bniech ktos\b", r"\bniech (gmina|urzad|wojt|burmistrz|straz|policja|ktos) (cos )?"
          r"(zrobi|przyjedzie|zareaguje|sprawdzi|zajmie)", r"\bwezwijcie\b", r"\bprzyjedzcie\b"),
]
RHETORICAL = cues("rhetorical", -0.5, r"\bkto by pomyslal", r"\bco za (\w+ )?(skandal|kpina|"
                  r"wstyd|bzdur|dramat|kompromitacj|bajzel|ludzie|pomysl|glupot)",
                  r"\bjak (zwykle|zawsze)\b", r"\bco tu (duzo )?mowic", r"\bco ja (ci|wam) "
                  r"powiem", r"\bczy to nie piekne", r"\bkto to widzial",
                  r"\bjak mozna byc (tak|az tak)")
THANKS_ONLY = re.compile(r"^\W*(dziekuj\w*|dzieki|dziekujemy|super|brawo|ok|okej|dobrze|"
                         r"pozdrawiam|gratulacje|swietnie)\b[^?]*$")


def analyze(folded: Folded) -> Finding:
    found = best_per_reason(hits(folded, ASKING))
    if not found:
        return Finding()
    score = noisy_or(h.cue.weight for h in found)
    rhetorical = best_per_reason(hits(folded, RHETORICAL))
    asks_plainly = any(h.cue.reason in ("request", "call for help") for h in found)
    if rhetorical and not asks_plainly and len(found) == 1:
        score *= 0.5
    if THANKS_ONLY.match(folded.text) and not asks_plainly:
        score *= 0.4
    return Finding(round(score, 3), evidence("question", folded, found + rhetorical))
