"""Dissatisfaction: the writer is angry, disappointed or complains. Criticism is welcome here;
the flag only tells the person answering to take extra care with tone."""

import re

from ratusz.triage.analysis.base import Finding
from ratusz.triage.analysis.lexicon import best_per_reason, cues, evidence, hits, noisy_or
from ratusz.triage.analysis.normalize import Folded

NEGATIVE = [
    *cues("outrage", 0.7, r"\bskandal", r"\bkpin\w*", r"\bzenad\w*", r"\bwstyd(u|em)?\b",
          r"\bkompromitacj", r"\bskompromitow", r"\bhanieb", r"\bsmiechu warte", r"\bparodi\w*",
          r"\bcyrk\w*", r"\bfarsa\b", r"\bbezczeln", r"\barogan", r"\blekcewaz", r"\bpogard",
          r"\boburz\w*", r"\bniedopuszczaln", r"\bniewybaczaln", r"\bniepowazn",
          r"\bjak tak mozna", r"\bco to ma byc", r"\bto jest chore", r"\bzgroza", r"\bparanoj",
          r"\babsurd\w*", r"\bzalosn\w*", r"\bmasakra", r"\bdramat\w*", r"\btragedi\w*",
          r"\bporazk\w*", r"\bfatal\w*", r"\bokropn\w*", r"\bbeznadziej\w*",
          r"\bbubel", r"\bbubl", r"\bfuszer", r"\bpartacz\w*", r"\bspartacz", r"\bnieudol\w*",
          r"\bniekompeten\w*", r"\bmarnotraw\w*", r"\bzmarnowan", r"\bzlodziej\w*",
          r"\bzlodziejstw", r"\bzlodziejsk", r"\bprzekret", r"\bwalek", r"\boszu(k|st)\w*",
          r"\bnieuczciw", r"\bkoles(ie|iostw)", r"\bnepotyzm", r"\bsyf\w*", r"\bbalagan",
          r"\bbajzel", r"\bchlew", r"\bkatastrof", r"\bbrak slow", r"\bszkoda slow",
          r"\bzalamk", r"\bzalamuj", r"\bgorzej\b", r"\bnajgorsz", r"\bkiepsk", r"\bslab\w* "
          r"(obsluga|praca|organizacja)", r"\bbrud\w*", r"\bsmierdzi", r"\bsmrod",
          r"\bnie do (przyjecia|wytrzymania|zniesienia)", r"\btandet", r"\bpseudo",
          r"\bbandyt", r"\bzenujac", r"\bjak w (prl|trzecim swiecie)", r"\bhanba",
          r"\bbarbarzyn", r"\bfikcj", r"\bbezradn", r"\bbezsiln", r"\bnie radzi",
          r"\bnie (ma|maja) pojecia", r"\bnic nie (umie|umieja|potrafi)", r"\bjak po wojnie",
          r"\bpotraktowa\w* (mnie|nas) jak", r"\bnie tak sie (rozmawia|traktuje)",
          r"\bgeniusz\w* (planowania|organizacji)", r"\bmija sie z prawda", r"\bklam\w*",
          r"\bnauczk", r"\bmajatek\b", r"\bserce mi stanelo", r"\bpozuje"),
    *cues("feeling", 0.7, r"\bmam dosc", r"\bdosc tego", r"\bmamy dosc", r"\bwkurz\w*",
          r"\bwkurw\w*", r"\bdenerw\w*", r"\birytuj", r"\bzdenerwow", r"\bjestem (zly|zla|"
          r"wsciekl|rozczarow|zawiedzion|zniesmacz|oburzon|zalamany|zalamana)",
          r"\bwscieka\w*", r"\brozczarow", r"\bzawiod\w*", r"\bzawiedzion", r"\bniezadowol",
          r"\bzniesmacz", r"\bszlag (mnie )?traf", r"\bkrew (mnie )?zalewa", r"\bnerw\w* (mi|mnie)",
          r"\bile (mozna|jeszcze)\b", r"\bjak dlugo (jeszcze|mamy|mozna)", r"\bnie moge (juz|sie "
          r"doprosic)", r"\bsmutn\w*", r"\bprzykr\w*", r"\bzal\b", r"\bniestety\b"),
    *cues("mild", 0.4, r"\bwreszcie\b", r"\bszkoda\b", r"\bstraszn\w*", r"\bod (tygodnia|tygodni|"
          r"miesiaca|miesiecy|roku|lat|dwoch|trzech|kilku|lipca|sierpnia|wiosny|\d+ (dni|tygodni|"
          r"miesiecy|lat))\b", r"\bdlaczego (az|tak|zlikwid|nie|znowu|wy)", r"\bczemu (az|tak|nie)",
          r"\bw gore\b", r"\bza duzo\b", r"\bledwo\b", r"\btyle sie mowilo"),
    *cues("neglect", 0.6, r"\bznowu\b", r"\bznow\b", r"\bpo raz kolejny", r"\bkolejny raz",
          r"\bpo raz (drugi|trzeci|czwarty|piaty|enty|\d+)", r"\bdo (dzis|dzisiaj|tej pory)\b",
          r"\bcisza\b", r"\bani widu",
          r"\bw koncu\b(?= (ktos|cos|naprawi|zrob|zaj|odbierz|przyjedz|odpowied))",
          r"\bnikt (nic|sie nie|tego nie|nie)", r"\bnikogo (to )?nie", r"\bolewa\w*", r"\bolewk",
          r"\bolali", r"\bignoruj", r"\bzignorowa", r"\bzero (reakcji|odpowiedzi|zainteresowania|"
          r"pomocy)", r"\bbrak (reakcji|odpowiedzi|jakiejkolwiek)", r"\bbez (odpowiedzi|reakcji|"
          r"echa)", r"\bnie (odpowiada|odpowiedzial|odpowiedziano|odbiera|reaguje|zareagowal|"
          r"naprawiono|zrobiono|odebrano|odebrali|przyjechal|przyjechali|dziala od|dzialaja od)",
          r"\bjak (zwykle|zawsze)\b", r"\btypowe\b", r"\bobiecywa\w*",
          r"\bobiecal\w* i", r"\bobietnic\w*", r"\bczekam (juz|od|ponad)", r"\bczekamy (juz|od|"
          r"ponad)", r"\bzadnej (odpowiedzi|reakcji|informacji)", r"\bdalej nic\b",
          r"\bnadal nic\b", r"\bwciaz nic\b", r"\bi nic\b", r"\bnic sie nie (dzieje|zmienia|"
          r"zmienilo)", r"\bnie da sie\b", r"\bprzeciez\b"),
    *cues("complaint", 0.5, r"\bskarg\w*", r"\bodwoluj", r"\bodwolani\w* od", r"\bzazaleni",
          r"\breklamacj", r"\bnaliczono", r"\bblednie\b", r"\bniesprawiedliw", r"\bcenzur",
          r"\bsprzeciw\w*", r"\bprotest\w*", r"\bzastrzez",
          r"\bnie zgadzam sie", r"\bnie zgadzamy sie", r"\bdomagam sie", r"\bzadam\b",
          r"\bzadamy\b", r"\bdymisj", r"\bodwolani\w* (wojta|burmistrza|prezydenta)",
          r"\breferendum"),
    *cues("sarcasm", 0.55, r"\bgratuluj\w* (pomyslu|pomyslowosci|organizacji|wyobrazni|"
          r"decyzji)", r"\bbrawo (wy|gmina|urzad|wladze|za)\b", r"\bbrawo\W+(dla )?(urzedu|"
          r"gminy|wladz)", r"\bdziek\w* za nic", r"\bdzieki (wielkie )?za (nic|taki|taka|takie)",
          r"\bswietna robota\b.*\b(nie|znowu|jak zwykle)", r"\bsuper (pomysl|robota|organizacja)"
          r"\b.*\b(nie|znowu|jak zwykle|tylko)", r"\bno pieknie", r"\bpiekne dzieki",
          r"\bwielkie brawa"),
    *cues("emoji", 0.45, r"[\U0001F621\U0001F92C\U0001F620\U0001F44E\U0001F92E\U0001F624"
          r"\U0001F644\U0001F612\U0001F61E\U0001F620\U0001F926\U0001F937\U0001F4A9]"),
]
_SHOUTING = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ]{4,}(?:\W+[A-ZĄĆĘŁŃÓŚŹŻ]{2,}){2,}")
_EXCLAIM = re.compile(r"!{3,}|\?!|!\?")
_THANKS = re.compile(r"\b(dziekuj\w*|dzieki|dziekujemy|super sprawa|swietn\w*|"
                     r"brawo dla (wszystkich|organizatorow)|gratulacje dla)\b")


def analyze(folded: Folded, original: str) -> Finding:
    found = best_per_reason(hits(folded, NEGATIVE))
    weights = [h.cue.weight for h in found]
    if _SHOUTING.search(original):
        weights.append(0.35)
    if _EXCLAIM.search(original):
        weights.append(0.25)
    if not weights:
        return Finding()
    score = noisy_or(weights)
    if _THANKS.search(folded.text) and not any(h.cue.reason in ("sarcasm",) for h in found):
        score *= 0.6
    return Finding(round(score, 3), evidence("negative", folded, found))
