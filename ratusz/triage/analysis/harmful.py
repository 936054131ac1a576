"""Harmful content: insults, vulgarity aimed at people, threats, incitement and hate speech.

`analyze(folded)` returns a `Finding` for the flag "harmful": a score in 0..1 (harmful from
`base.THRESHOLD`, 0.5), one Evidence per lexicon hit with its span in the original text
("lexicon:insult", "lexicon:vulgar", "lexicon:threat", "lexicon:hate") and one Evidence
"model" with the model's probability. Two parts, both over the folded text (`normalize.fold`:
lower case, no diacritics, look-alike letters, leet digits, stretched and spaced-out letters
undone):

* A lexicon with rules that say whether a word is aimed at a person. An insult noun ("debil",
  "idiota", "cwel") is always aimed at someone; a swear word ("kurwa", "chuj", "jebać") only
  when it is ("ty chuju", "spierdalaj", "jebany wójt", "chuj ci w dupę"), so "k***a, znowu
  korek" is not flagged. Threats and incitement are phrases ("wiem, gdzie mieszkasz", "spalę
  wam ten urząd", "powiesić ich wszystkich"). Stars and dots hiding letters ("ch*j", "k***a",
  "je...ny") stand for the word they hide. An insult, vulgarity, threat or slur aimed at
  someone raises the flag by itself.
* A linear model (logistic regression) over hashed character 2-5-grams, word uni- and bigrams
  and the lexicon counts, trained on PolEval 2019 task 6.1 plus hand-written municipal
  examples (`ratusz.triage.training`, docs/triage-model.md). It catches what the lexicon does
  not know. Its weights come in two domains sharing everything but the lexicon-count weights
  and the bias: "poleval" (PolEval's labelling, threshold by cross-validation) and
  "municipal" (used here), where undirected swearing and criticism count against the flag.

Harsh criticism of the office, the council or the head of office ("nieudolna władza",
"złodziejstwo", "banda nieudaczników", "wójt do dymisji") is protected speech. Words that
describe conduct ("złodziej", "kłamca", "nieudacznik", "pajac", "banda") are in the lexicon
only as "criticism": the model counts them, they never raise the flag. Name-calling in the
vocative ("ty pajacu", "ty śmieciu") is an insult.

The model is read lazily, once per process (`load(path)` swaps in a retrained one).
Inference imports only numpy and the standard library.
"""

from __future__ import annotations

import json
import math
import re
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ratusz.triage.analysis.base import Evidence, Finding
from ratusz.triage.analysis.normalize import Folded

FLAG = "harmful"
MODEL_VERSION = "harmful-2026.11.28"  # the artefact shipped in models/; see model_version()
MODEL_DIR = Path(__file__).resolve().parent / "models"
DEFAULT_MODEL = MODEL_DIR / "harmful.json"

# --------------------------------------------------------------------------------------------
# Lexicon. Forms are folded (no diacritics, "ł" -> "l") and written with doubled letters
# collapsed, the way tokens are looked up ("debiil" -> "debil").
# Classes:
#   insult  always aimed at a person ("debil", "idiotko", "szmato")
#   vulgar  vulgarity aimed at a person ("chuju", "spierdalaj", "skurwysyn", "zjebie")
#   hate    a slur against a group ("ciapaci", "czarnuch", "pedały")
#   weak    an insult only when addressed ("ty baranie", "ty świnio"; "baranie" alone may be a
#           farm animal, "suka" a dog)
#   swear   swearing not aimed at anyone by itself ("kurwa", "chuj z tym", "zajebiste")
#   threat  a word that is a threat or death wish on its own ("zdychaj", "zdechnij")
#   criticism  harsh words about conduct ("złodzieje", "kłamco", "pajace", "nieudacznicy",
#           "banda", "koryto"): protected speech, never a flag by itself; the model counts
#           them so it can learn how they differ from insults
# --------------------------------------------------------------------------------------------

INSULT, VULGAR, HATE, WEAK, SWEAR, THREAT = "insult", "vulgar", "hate", "weak", "swear", "threat"
CRITICISM = "criticism"
CLASSES = (INSULT, VULGAR, HATE, WEAK, SWEAR, THREAT, CRITICISM)
STRONG = (INSULT, VULGAR, HATE, THREAT)  # what raises the flag by itself


def _forms(spec: str) -> list[str]:
    """"debil:,a,u,em" -> debil, debila, debilu, debilem. Several specs split by spaces."""
    out = []
    for part in spec.split():
        stem, _, endings = part.partition(":")
        out.extend(stem + ending for ending in endings.split(",")) if endings else out.append(stem)
    return out


_M = ",a,u,em,e,i,y,ow,om,ami,ach"  # masculine person nouns, loosely (all cases, both numbers)

_LEXICON: dict[str, str] = {}


def _add(cls: str, *specs: str) -> None:
    for spec in specs:
        for form in _forms(spec):
            _LEXICON.setdefault(_squeeze(form), cls)


_DOUBLED = re.compile(r"([^\W\d_])\1+")


def _squeeze(word: str) -> str:
    """Doubled letters collapse ("debiil" -> "debil"); the lexicon is stored this way."""
    return _DOUBLED.sub(r"\1", word)


_add(INSULT,
     f"debil:{_M} debilk:a,i,o,e,ami,om debilek",
     "idiot:a,y,o,e,om,ami,ach,ow,ka,ki,ko,ke,ce,ek,kami idioci idiocie",
     f"kretyn:{_M} kretyn:ie kretyni kretynk:a,i,o,e,ami kretynek",
     f"imbecyl:{_M} imbecylk:a,i,o,e",
     "matol:,a,u,e,em,y,ow,ami matolk:a,i,o,e",
     "glupek:,u glupk:a,u,i,iem,ow,ami,om glupol:,a,u,e,y,ow",
     "tepak:,a,u,i,iem,ow,ami tepol:,a,u,e,y tepa:dzido,pizdo",
     "duren durni:a,u,e,em,ow,ami",
     "palant:,a,em,y,ow,ami,om palancie",
     "patafian:,a,ie,y,ow,ami",
     "oszolom:,a,ie,y,ow,ami,em",
     "psychol:,a,u,e,em,i,ow,ami",
     "frajer:,a,ze,em,zy,ow,ami,om",
     "lamus:,a,ie,y,ow,em,ami",
     "cwel:,a,u,e,em,i,ow,ami,om",
     "dziwk:a,o,i,e,ami,om dziwek",
     "szmato szmaciar:z,za,zu,ze,zy,zem,zow,a,o,y",
     "dupek:,u dupk:a,u,i,iem,ow,ami,om",
     "gnid:a,o,y,e,om,ami gnid",
     "gnojek:,u gnojk:a,u,i,iem,ow,ami",
     "bydlak:,a,u,i,iem,ow,ami",
     "kanali:a,o,e,i,ami",
     "szuj:a,o,e,ami",
     "mend:a,o,y,e,ami",
     "padalec padalc:a,u,e,em,ow,ami",
     "kmiot:,a,y,ow,em,ami kmiocie",
     "cham:,a,ie,y,ow,em,ami,ka,ko,ki,ke",
     "prostaku ciemniaku",
     "uposledzencu uposledzency uposledzeniec",
     "niedorozwoju",
     "gamoniu",
     "przyglupie przyglup:,a,y,ow,ami,em",
     "polglowek:,u polglowk:i,a,ow,ami",
     "kutafon:,ie,y,a,ow",
     "pajacu",  # only the vocative: "pajac" alone is used as criticism of officials
     "smieciu",  # only the vocative: "śmieci" are rubbish
     "gowniarzu",
     "zdziro zdzir:a,y szmaciaro",
     "lachudro lachudr:a,y",
     "baranie",
     "brudas:,y,ow,ami,ie,a",
     "lafirynd:a,o,y,e,ami wywlok:a,o,i,e,ami ladacznic:a,o,e,y,ami puszczalsk:a,ie,o,ich",
     "degenerat:,a,ie,y,ow,em,ami,ko,ka,ki zwyrodnialc:u,y,ow,ami zwyrodnialec",
     "polmozg:,a,u,i,ow,iem,owiu polmozgow:cu,cy,iec cwiercinteligen:t,cie,ci,tow,ta",
     "obszczymur:ek,ku,ki,kow,ka smierdziel:,u,e,a,em,i,ow",
     "spaslak:,u,i,ow,a,iem maszkar:a,o,y,e poczwar:a,o,y,e szkarad:a,o,y,e",
     "schizol:,u,e,a,em,i,ow lajz:a,o,y,e,ami szczyl:u,e,i",
     "psychopat:a,o,y,ow,ami,ka,ko,ki,ke socjopat:a,o,y,ow,ka,ko,ki swolocz:,y,a,e,ami",
     "raszpl:a,o,e,y,i pind:a,o,y,e,zia,ziu,ziami szmaciur:a,o,y,e jedz:a,o,e,y,ami",
     "megier:a,o,y,e kmiot:ek,ka,ki,kow,ku,kami,ach cwok:,u,i,ow,a,iem tlumok:,u,i,ow",
     "pomyleni:ec,ency,encu,enca popaprani:ec,ency,encu,enca szajbus:,ie,y,a,em,ow",
     "prostak:,a,i,ow,iem,ami holot:a,o,y,e,ami",
     )

_add(VULGAR,
     "kurwo kurwi:sko,szonie,szon,szony,arz,arzu,arze kurew kurwami",
     "skurwiel:,u,e,em,i,a,ow,ami skurwysyn:,ie,u,y,ow,em,ami,a,om skurwysynk:u,i",
     "sukinsyn:,ie,y,ow,em,a,u,ami",
     "chuju chuje chujem chujow chujami chujek:,u chujk:i,u huju huje hujem hujow",
     "pizdo pizda pizdeczk:a,o,i",
     "cipo",
     "kutas:,ie,y,a,em,ow,ami",
     "fiucie",
     "zjeb:,a,ie,y,ow,em,ami,ki,ku zjebus:,ie,y,a",
     "pojeb:,a,ie,y,ow,em,ami,us,usie,usy",
     "popierdoleniec popierdolenc:u,y,a,ow,em",
     "pierdolisz pierdolicie",
     "spierdalaj:,cie spierdalac spierdalajta wypierdalaj:,cie wypierdalac wypierdalajta",
     "wypierdol:cie spierdol:cie odpierdalaj:,cie odpierdolcie",
     "spierdolaj wypierdolaj",
     "ssij ssijcie obciagnij",
     "pizdzielcu pizdzielec",
     "jebaniec jebanc:u,y,a,ow,em",
     "ciulu ciule ciulem ciulow",
     )

_add(HATE,
     "czarnuch:,a,u,y,ow,em,ami,om",
     "ciapat:y,a,e,ego,ych,ym,ymi ciapaci ciapak:,i,ow,ami,u",
     "zydek zydk:i,ow,ami,u zydostw:o,a,u zydowic:a,y,e zydlak:,i,ow zydzisk:o,a",
     "parchy parchow parchami parchu",
     "ukr:y,ow,ami",
     "kacap:,y,ow,ami,ie,a kacapi:a,e",
     "szwab:,y,ow,ami,ie,u",
     "zoltk:i,ow,ami",
     "pedal:,a,e,em,y,ow,ami,om pedzio:,wi pedziow pedzi:u,e",
     "ciot:a,o,y,ami,om ciotow",
     "lesb:a,o,y,ami,om,ach",
     "homos:ie,y,ow,iow",
     "podludzi:e podczlowiek",
     "cyganstwo cyganstwa",
     "muslimy muslim:ow,ami",
     "katol:e,i,ow,u,ami",
     "pejsat:y,e,ych,ym,a,ego pejsaci",
     )

_add(WEAK,
     "baran:,y osle swinio swinia krowo krowa malpo dzido dzida",
     "suko suka",  # "suka" is also the dog that ran away
     "glupi glupia glupie glupcze glupiec glupcy glupcow",
     "tepy tepa tepe tepi",
     "dziadu dziadzie dziadyga",
     "babo baba babsko babsztylu babsztyl",
     "gnoju gnoj",  # also manure
     "kundlu",
     "downie down downem",  # "zespół Downa" is not an insult
     "mongolu",
     "kaleko kaleka kaleke kalekami uposledzonego uposledzonej uposledzonych",
     "grubasie grubas grubasy grubasko",
     "wiesniaku wiesniak wiesniaki wsioku wsiok",
     "bydle bydlo",
     "scierwo scierwa scierwem",
     "dran drania draniu dranie draniem",
     "lajdak lajdaku lajdaki lajdakow",
     "zboczeniec zboczencu zboczency zboczencow",
     "szmata",
     "cymbale",
     "glabie glaby glabow",
     "bezmozgu bezmozgi bezmozgowcu",
     "czubku",
     "menel menele menelu meneli",
     "zul zule zulu zuli zulem",
     "swir swira swirze swiry",
     "gowniarz gowniarze gowniarzy gowniarzami gowniara gowniary",
     "pasozyt pasozycie pasozyty pasozytow",
     "murzyn murzynie murzyni murzyny murzynow",
     "cygan cyganie cyganow cyganami",
     "uposledzony uposledzona uposledzeni",
     "wiedzm:a,o,y,e tuman:,ie,y,ow wieprz:,u,e,a,em,ami knur:ze,y,a prosiak:,u,i",
     "pijak:,u,i,ow,iem pijaczyn:a,o,y kaszalot:,ie,y wieloryb:,ie,y pasztet:,cie,y",
     "brzydul:a,o,e,ami blondynk:a,o,i wariat:,a,ie,ka,ko,ki,ow,ami bachor:,ze,y,ow,a",
     "smarkacz:,u,e,a,y,ow pomiot:,cie wesz szczur:,ze,y,ow robak:u,i karaluch:u,y",
     "nieuk:,u,i,ow,a",
     "lal:a,o,y,unia cioleku ciolek ciolki tluku tlukow cep:ie,y ofiaro ofiara ofiary",
     "burak:,u,i,ow flondr:a,o,y wariatk:a,o,i pijus:,ie,y alkoholik:,u,i,ow cpun:,ie,y,ow,a",
     "meliniarz:,u,e,y,a patus:,ie,y,a,ow patol:a,o,e karyn:a,o,y madk:a,i,o dresiarz:,u,e,y",
     )

_add(SWEAR,
     "kurwa kurwy kurwe kurwie kurwaa kurwica kurewsko kurewski kurewskie kurewska kurva kurvy",
     "chuj chuja chujowi chujowo chujowy chujowa chujowe chujnia chujni huj huja",
     "pizdy pizdu pizdzie",
     "dupa dupy dupe dupie dupsko dupska",
     "gowno gowna gownem gowniany gowniane gowniana",
     "zasrany zasrane zasrana zasranym",
     "cipa cipy fiut fiuta",
     "jebac jebany jebana jebane jebani jebanego jebanej jebanym jebanych jebanymi",
     "pierdole pierdolic pierdoli pierdolony pierdolona pierdolone pierdoleni pierdolonego",
     "pierdolonej pierdolonym pierdolonych pierdolenie",
     "zajebisty zajebiscie zajebiste",
     "pojebany pojebana pojebane pojebani zjebany zjebana zjebane zjebani",
     "popierdolony popierdolona popierdolone popierdoleni",
     "pierdolniety pierdolnieta pierdolnieci jebniety jebnieta jebnieci",
     )

_add(THREAT, "zdychaj zdychajcie zdechnij zdechnijcie")

# Prefixes: every word starting with one has the class ("skurwysynami", "pisdzielstwo").
_PREFIXES: dict[str, str] = {
    "skurwysyn": VULGAR, "skurwiel": VULGAR, "pisdziel": VULGAR, "pizdziel": VULGAR,
    "popierdolen": VULGAR, "kurwiszon": VULGAR, "chujoglow": VULGAR, "jebaniec": VULGAR,
    "czarnuch": HATE, "ciapat": HATE, "zydostw": HATE, "pedalstw": HATE, "cyganstw": HATE,
    "zlodziej": CRITICISM, "zlodzie": CRITICISM, "klamc": CRITICISM, "klamst": CRITICISM,
    "oszust": CRITICISM, "oszusc": CRITICISM, "zdrajc": CRITICISM, "sprzedawczyk": CRITICISM,
    "pajac": CRITICISM, "blazen": CRITICISM, "blazn": CRITICISM, "nieudacznik": CRITICISM,
    "nierob": CRITICISM, "darmozjad": CRITICISM, "kombinator": CRITICISM,
    "cwaniak": CRITICISM, "cwaniac": CRITICISM, "karierowicz": CRITICISM,
    "aferzy": CRITICISM, "afer": CRITICISM, "kolesiostw": CRITICISM, "koryt": CRITICISM,
    "bando": CRITICISM, "banda": CRITICISM, "bandy": CRITICISM, "sitw": CRITICISM,
    "mafi": CRITICISM, "lzesz": CRITICISM, "lzecie": CRITICISM, "klamies": CRITICISM,
    "klamiecie": CRITICISM, "bredzi": CRITICISM, "pieprzy": CRITICISM, "kompromitac": CRITICISM,
    "skandal": CRITICISM, "zenad": CRITICISM, "nieudoln": CRITICISM, "niekompeten": CRITICISM,
    "dymisj": CRITICISM, "hanb": CRITICISM, "wstyd": CRITICISM, "kpin": CRITICISM,
    "piskomun": CRITICISM, "pisior": CRITICISM, "lewactw": CRITICISM, "komuch": CRITICISM,
    "peowc": CRITICISM, "platfus": CRITICISM, "kaczyst": CRITICISM, "targowic": CRITICISM,
    "zlodziejstw": CRITICISM, "zlodziejsk": CRITICISM, "lapowkar": CRITICISM,
    "lapowk": CRITICISM, "kolesi": CRITICISM, "nepoty": CRITICISM, "partacz": CRITICISM,
    "idiotyz": CRITICISM, "idiotycz": CRITICISM, "debilizm": CRITICISM, "debiln": CRITICISM,
    "kretynizm": CRITICISM, "kretynsk": CRITICISM, "glupot": CRITICISM, "absurd": CRITICISM,
}
_PREFIX_LENGTHS = sorted({len(prefix) for prefix in _PREFIXES}, reverse=True)

# Roots that make any word containing them swearing ("wkurwia", "rozpierdolili", "zajebali").
_SWEAR_ROOTS = ("kurw", "pierdol", "pierdal", "jeb", "chuj", "pizd", "skurw")

# People a vulgar adjective can be aimed at ("jebany wójt", "ten pierdolony urzędas").
_PERSON_PREFIXES = (
    "wojt", "burmistrz", "prezydent", "radn", "urzedni", "urzedas", "sasiad", "soltys",
    "kierownik", "dyrektor", "sekretar", "skarbni", "policjan", "straznik", "kierowc", "facet",
    "gosc", "bab", "dziad", "chlop", "ksiadz", "ksieza", "ksiedz", "klech", "pisowc", "pisior",
    "lewak", "ludzi", "ludzie", "czlowiek", "gowniarz", "smarkacz", "menel", "cygan", "zyd",
    "ukrain", "rusk", "arab", "murzyn", "pedal", "ciot", "lesb", "gej", "kobiet", "baba",
    "meszczyzn", "mezczyzn", "dzieciak", "synek", "corka", "matk", "ojciec", "ojca", "pani",
    "panu", "panem", "panowie", "posel", "posl", "polityk", "sedzi", "kolesi", "koles", "ziom",
)
_PERSON_WORDS = frozenset(("pan", "pana", "panie", "typ", "typa", "typie", "typem", "typy",
                           "typek", "typka", "syn", "syna", "synu", "maz", "meza", "zona", "zone",
                           "pis", "pisu", "po"))


def _is_person(word: str) -> bool:
    return word in _PERSON_WORDS or (word.startswith(_PERSON_PREFIXES)
                                     and not word.startswith("panstw"))


_SECOND_PERSON = frozenset(("ty", "wy", "jestes", "jestescie", "tys", "zes", "cie", "ciebie",
                            "tobie", "toba", "was", "wam", "wami"))
_VULGAR_ADJECTIVES = frozenset(_forms(
    "jeban:y,a,e,i,ego,ej,ym,ych,ymi pierdolon:y,a,e,i,ego,ej,ym,ych "
    "popierdolon:y,a,e,i,ego,ym,ych pojeban:y,a,e,i,ego,ym,ych zjeban:y,a,e,i,ego,ym,ych "
    "zasran:y,a,e,i,ego,ym,ych skurwial:y,a,e,ego,ym,ych chujow:y,a,e,i,ego "
    "jebniet:y,a,e,ego,ych,ym pierdolniet:y,a,e,ego,ych,ym jebnieci pierdolnieci"))
# Words that show a swear word or a weak insult is aimed at the person spoken to.
_ADDRESS_BEFORE = frozenset(("ty", "wy", "jestes", "jestescie", "tys", "jaki", "jaka",
                             "jakis", "jakas", "taki", "taka", "tacy", "takie", "stary", "stara",
                             "glupi", "glupia", "tepy", "tepa", "skonczony", "skonczona",
                             "jebany", "jebana", "pierdolony", "pierdolona", "zasrany",
                             "zasrana", "zwykly", "zwykla", "zwyklym", "zwykla", "wredny",
                             "wredna", "gruby", "gruba", "grubego", "grubej", "glupiego",
                             "glupiej", "starego", "starej", "tepego", "tepej", "zwyklego",
                             "zwyklej", "wrednego", "wrednej", "jebanego", "jebanej",
                             "pierdolonego", "pierdolonej", "zasranego", "zasranej",
                             "skonczonego", "skonczonej"))
_NOT_A_NAME = frozenset(("ze", "bo", "a", "i", "ale", "czy", "jak", "mowi", "twierdzi", "uwaza",
                         "mysli", "pisze", "sadzi", "powiedzial", "powiedziala", "napisal",
                         "napisala", "stwierdzil", "stwierdzila", "mowil", "mowila", "wie"))
_TO_INSULT = frozenset(("szmata", "bydle", "scierwo", "swinia", "dzida", "menel", "zul"))
_AIMED_AFTER = frozenset(("jebany", "jebana", "jebane", "jebani", "pierdolony", "pierdolona",
                          "pierdolone", "pierdoleni", "jedna", "jeden", "jedne", "jedni",
                          "zasrany", "zasrana", "zasrane", "zasrani"))
# "robią z nas idiotów", "mają nas za debili", "czuję się jak idiota", "nazwał mnie debilem":
# the writer is not insulting anyone.
_SELF_BEFORE = frozenset(("jestem", "jestesmy", "bylem", "bylam", "bylismy", "bylysmy",
                          "czuje", "czujemy", "wyszedlem", "wyszlam", "wyszlismy", "zrobili",
                          "robia", "robi", "robicie", "robisz"))

_OBJ = r"(?:cie|ciebie|was|wam|ci|tobie|twoj\w*|wasz\w*)"
_GROUPS = (r"(?:zyd\w*|cygan\w*|romow\w*|romami|romski\w*|romsk\w*|ukrainc\w*|ukry|ukrow|"
           r"ukrami|rusk\w*|rosjan\w*|niemc\w*|niemiaszk\w*|arab\w*|muzulman\w*|islam\w*|"
           r"imigran\w*|uchodzc\w*|murzyn\w*|czarnuch\w*|czarnych|gej\w*|lesbij\w*|pedal\w*|"
           r"lgbt\w*|teczow\w*|homosek\w*|homoseksual\w*|transplciow\w*|katol\w*|lewak\w*|"
           r"lewactw\w*|niepelnospraw\w*|bezdomn\w*|wietnam\w*|chinczy\w*|azjat\w*|hindus\w*|"
           r"ciapat\w*|kacap\w*|szwab\w*|zoltk\w*|obcokrajow\w*|ukrainki|ukrainek|kaleki|"
           r"kalekom|kalekami|kalek|uposledzen\w*|uposledzon\w*|autyst\w*|chorzy psychicznie|"
           r"transwestyt\w*)")
_VICTIMS = (r"(?:ich|go|was|wszystkich|takich|wojta|burmistrza|prezydenta|radn\w+|urzednik\w*|"
            r"urzedas\w*|sasiad\w*|zlodziei|zdrajcow|zdrajce|zdrajcy|politykow|sedziow|"
            r"ksiezy|klechow|komunistow|pisowcow|polakow|" + _GROUPS[3:])
_SUBHUMAN = (r"(?:zaraza|zarazy|zaraze|robactwo|robactwa|scierwo|scierwa|pasozyty|"
             r"pasozytami|podludzie|podludzi|dzicz|holota|holoty|motloch|plaga|gnidy|pomiot|"
             r"pomiotem|zwyrodnialcy)")
_ANIMALS = (r"(?:zwierzeta|bydlo|malpy|szczury|karaluchy|swinie|wszy|pchly|robaki|psy|"
            r"smiecie|odpady|scierwa|bestie|dzikusy|zwierzaki)")
# (class, pattern[, prefixes of words one of which must be in the text: by default read off
# the pattern's first group, see _triggers]).
_PHRASES: list[tuple[str, ...]] = [
    # Threats aimed at the reader ("zabiję cię", "spalę ci dom", "połamię wam nogi").
    (THREAT, r"\b(?:zabije|zabijemy|zajebie|zajebiemy|zatluke|zatluczemy|udusze|udusimy|"
             r"powiesze|powiesimy|zastrzele|zastrzelimy|odstrzele|rozwale|rozwalimy|dorwe|"
             r"dorwiemy|dopadne|dopadniemy|polamie|polamiemy|poderzne|zarzne|zadzgam|"
             r"zakatrupie|utopie|wykoncze|wykonczymy|rozjade|przejade|obije|obijemy|nakopie|"
             r"nakopiemy|zlamie|spale|spalimy|podpale|podpalimy|zgnoje|"
             r"wypatrosze|rozszarpie|zmiazdze|potne|rozkwasze|zniszcze|zniszczymy|dojade|"
             r"dojedziemy|odpierdole|wpierdole|napierdole|najebie|zapierdole|rozjebie|"
             r"rozpierdole|wyjebie|przypierdole|pierdolne|jebne|wykastruje) " + _OBJ +
             r"\b"),
    # ... or at someone else ("zabiję go", "powieszę wójta").
    (THREAT, r"\b(?:zabije|zatluke|udusze|powiesze|zastrzele|odstrzele|wystrzelam|"
             r"rozstrzelam|podpale|spale|zarzne|poderzne|dopadne|dorwe|zajebie|wykoncze|"
             r"zgnoje|zniszcze|zabijemy|powiesimy|zastrzelimy|dopadniemy|dorwiemy|spalimy) "
             r"(?:tego |te |tych |ta )?(?:go|ich|wojta|burmistrza|prezydenta|radn\w+|"
             r"urzednik\w*|urzedas\w*|sasiad\w*|wszystkich|sekretarz\w*|soltys\w*|"
             r"kierownik\w*|skurwiel\w*|skurwysyn\w*|gnoj\w*|gnid\w*)\b"),
    (THREAT, r"(?<!nie )\b(?:wiem|wiemy|znam|znamy) (?:\w+ )?gdzie (?:\w+ )?(?:mieszkasz|"
             r"mieszkacie|pracujesz|pracujecie|chodzisz|parkujesz|spisz|sypiasz|"
             r"nocujesz|twoje dzieci|wasze dzieci|twoja corka|twoj syn|twoja zona|"
             r"chodza twoje|chodzi twoja|chodzi twoj)\b"),
    (THREAT, r"\b(?:dostaniesz|dostaniecie|oberwiesz|oberwiecie|zarobisz|zarobicie|"
             r"zaliczysz|zaliczycie|spuszcze (?:ci|wam)|sprzedam (?:ci|wam)|"
             r"wyjebie (?:ci|wam)|przypierdole (?:ci|wam)|pierdolne (?:ci|wam)|"
             r"jebne (?:ci|wam)|strzele (?:ci|wam)|dam (?:ci|wam)|dolozymy (?:ci|wam)|"
             r"przywale (?:ci|wam)|przyjebie (?:ci|wam)|wjebie (?:ci|wam))"
             r" (?:(?:w|po|przez|na) )?(?:ryj|ryju|morde|mordzie|leb|lbie|pysk|pysku|zeby|"
             r"zebach|nery|nerach|japie|gebe|gebie|gardlo|wpierdol|wpierdziel|wjeb|lomot|"
             r"baty|manto|kose|kulke|kulki|noza|nozem|bombe|wciry|lanie|lupnia|oklep)\b"),
    (THREAT, r"(?<!sobie )(?<!se )(?<!sie )\b(?:kulk[ai]|kulke|kula|strzal) "
             r"(?:w|prosto w|miedzy) "
             r"(?:leb|lba|lbie|czolo|glowe|potylice|tyl glowy|oczy|serce)\b"),
    (THREAT, r"\b(?:juz nie zyjesz|juz nie zyjecie|jestes trupem|jestescie trupami|"
             r"jestes martwy|jestes martwa|jestescie martwi|twoje dni sa policzone|zginiesz|"
             r"zginiecie|obys zdechl\w*|zebys zdechl\w*|obyscie zdechli|zebyscie zdechli|"
             r"obys sczezl\w*|obys zgnil\w*|obys sie udlawil\w*|obyscie sie udlawili|"
             r"zebys sie udlawil\w*|obys sie zachlysnal\w*|zdechniesz|zdechniecie|"
             r"popamietasz mnie|"
             r"popamietacie mnie|uwazaj jak chodzisz|uwazaj po zmroku|uwazajcie po zmroku|"
             r"ogladaj sie za siebie|ogladajcie sie za siebie|bedziesz wisial|"
             r"bedziesz wisiala|bedziecie wisiec|bedziesz gryzl ziemie|nie wyjdziesz z tego "
             r"zywy|nie wyjdziesz stad zywy|zrobie z toba porzadek|zrobimy z wami porzadek|"
             r"zrobie ci krzywde|zrobimy wam krzywde|zrobie ci kuku|ktos ci zrobi krzywde)\b"),
    (THREAT, r"\b(?:policze|policzymy|porachuje|porachujemy) sie (?:z )?(?:toba|wami|nim|"
             r"nia|nimi|wojtem|burmistrzem|prezydentem|radnymi|urzednikami|tym \w+)\b"),
    (THREAT, r"\b(?:cie|ciebie|was|go) (?:\w+ )?(?:zabije|zabijemy|zajebie|zajebiemy|zatluke|"
             r"udusze|powiesze|powiesimy|zastrzele|odstrzele|dorwe|dorwiemy|dopadne|"
             r"dopadniemy|zarzne|poderzne|wykoncze|wykonczymy|zgnoje|rozjade|przejade|"
             r"obije|nakopie|spale|podpale|rozszarpie|zmiazdze|zniszcze|zniszczymy)\b"
             r"(?! (?:papierosy|nerwy|upal|stres|korki|podatki|ceny|rachunki)\b)",
     "cie ciebie was go"),
    (THREAT, r"\b(?:sie|jeszcze sie) (?:\w+ )?(?:policzymy|porachujemy|policze|porachuje)\b"),
    (THREAT, r"\b(?:poderzne|podetne|utne|obetne|odetne|urwe|wyrwe|powyrywam|polamie|"
             r"poobcinam|pourywam|poderzniemy|obetniemy|polamiemy|rozwale|rozwalimy|"
             r"rozkwasze|rozbije|roztrzaskam|przestrzele|poprzetracam|przetrace|wybije|"
             r"powybijam|rozjebie|rozpierdole|urwiemy|odstrzele) (?:ci|wam|mu|jej|im) "
             r"(?:\w+ )?(?:gardlo|gardla|leb|lby|lba|glowe|glowy|jaja|rece|lape|lapy|nogi|"
             r"kolana|ryj|ryja|morde|mordy|zeby|kosci|gebe|pysk|czaszke|dupe|giry|kulasy|"
             r"palce)\b"),
    (THREAT, r"\b(?:nogi|lby|leb|lba|rece|jaja|lapy|glowe|glowy|zeby|kosci|gardlo|gardla|"
             r"giry|morde|ryj) (?:ci|wam|mu|im|jej) (?:\w+ ){0,3}?(?:powyrywam|wyrwe|urwe|"
             r"polamie|poobcinam|pourywam|obetne|utne|poderzne|poprzetracam|przetrace|wybije|"
             r"powybijam|polamiemy|powyrywamy|obetniemy|rozwale|rozbije|rozkwasze|obije|"
             r"przestawie|wyrwiemy|urwiemy)\b"),
    (THREAT, r"\b(?:ci|wam|mu|im|jej) (?:\w+ )?(?:morde|ryj|leb|lba|gebe|pysk|zeby|nogi|"
             r"rece|giry|kosci|jaja|czaszke|glowe|kolana|lapy|gardlo) (?:\w+ ){0,3}?(?:obije|"
             r"rozwale|rozbije|rozkwasze|polamie|powyrywam|wyrwe|urwe|obetne|utne|poderzne|"
             r"poprzetracam|przetrace|wybije|powybijam|obijemy|rozwalimy|polamiemy|"
             r"przestawie|poobcinam|pourywam|skopie|obijecie)\b",
     "obij rozwa rozbi rozkw polam powyr wyrwe urwe obetn utne poder poprz przet wybij "
     "powyb przes poobc pouryw skopi"),
    (THREAT, r"\b(?:przyjde|przyjdziemy|wpadne|wpadniemy|przyjade|przyjedziemy|wroce|"
             r"wrocimy|zjawie sie|zjawimy sie|pojde|pojdziemy) (?:\w+ ){0,4}?(?:z|ze) "
             r"(?:\w+ )?(?:bronia|nozem|nozami|siekiera|siekierami|maczeta|kijem|kijami|"
             r"palami|palkami|widlami|kanistrem|benzyna|spluwa|pistoletem|strzelba|"
             r"karabinem|granatem|kastetem|bejsbolem|bejsbolami|pochodniami|kosami)\b"),
    (THREAT, r"\b(?:podloze|podlozymy|zostawie|zostawimy|wrzuce|wrzucimy|zdetonuje|"
             r"zdetonujemy|wniose|wniesiemy) (?:\w+ ){0,2}?(?:bombe|ladunek wybuchowy|"
             r"granat|koktajl molotowa|koktajle molotowa)\b"),
    (THREAT, r"\b(?:wysadze|wysadzimy|spale|spalimy|podpale|podpalimy|spalic|spalcie|"
             r"podpalic|podpalcie|wysadzic|wysadzcie|rozpierdole|"
             r"rozpierdolimy|rozjebie|rozjebiemy|zdemoluje|zdemolujemy|rozwale|rozwalimy) "
             r"(?:\w+ ){0,2}?(?:urzad|ratusz|gmine|budynek|dom|chate|chalupe|auto|samochod|"
             r"biuro|mieszkanie|posesje|komisariat|kosciol|meczet|synagoge|bude|bude)\b"),
    # Incitement: calls to kill, hang or burn people.
    (THREAT, r"\b(?:zabic|zabijcie|zabijac|zastrzelic|rozstrzelac|wystrzelac|odstrzelic|"
             r"powiesic|powieszac|wieszac|wyrznac|wybic|wytepic|zagazowac|spalic|spalcie|"
             r"palic|zlinczowac|wykastrowac|wymordowac|ukamienowac|ukrzyzowac|utopic|"
             r"pozabijac|wyrzynac|zatluc|zajebac|eksterminowac|wyzabijac|posiekac|"
             r"zakopac|zadzgac|zarznac|poderznac) (?:\w+ )?" + _VICTIMS + r"\b"),
    (THREAT, r"\b" + _VICTIMS + r" (?:\w+ ){0,3}?(?:zabic|zastrzelic|"
             r"rozstrzelac|wystrzelac|odstrzelic|powiesic|wieszac|wyrznac|wybic|wytepic|"
             r"zagazowac|zlinczowac|wykastrowac|wymordowac|ukamienowac|pozabijac|zatluc|"
             r"do odstrzalu|pod sciane|pod mur|na szubienice|na latarnie|na latarniach|"
             r"na galezi|do gazu|do pieca|do komory|do obozu|do lagru|na stos)\b",
     "zabic zastr rozst wystr odstr powie wiesz wyrzn wybic wytep zagaz zlinc wykas wymor "
     "ukami pozab zatlu sciane mur szubi latar galez gazu pieca komor obozu lagru stos"),
    (THREAT, r"\b(?:na|do) (?:szubienic\w*|stryczek|stryczka|gazu z nimi|gazu z wami|"
             r"pieca z nimi|pieca z wami|odstrzalu z nimi|sciany z nimi|pala z nimi)\b",
     "szubi stryc gazu pieca odstr sciany pala"),
    (THREAT, r"\b(?:wisiec|zawisna|zawisnie|zawisniecie|powiesimy|powiesza|bedzie wisial|"
             r"beda wisiec|bedziecie wisiec|bedziesz wisial) (?:\w+ ){0,2}?(?:na|za) "
             r"(?:\w+ )?(?:latarni\w*|galezi|szubienic\w*|drzewie|drzewach|stryczku|"
             r"sznurze|suchej)\b"),
    (THREAT, r"\b(?:na latarnie|na latarniach|na szubienice|na galeziach) (?:z |ich |"
             r"wszystkich |tych )?(?:\w+ )?(?:nimi|wami|ich|wszystkich|zdrajc\w*|"
             r"zlodzie\w*|radnych|urzednik\w*|" + _GROUPS[3:] + r"\b", "latar szubi galez"),
    (THREAT, r"\b(?:zycze|zyczymy|zyczylbym|zyczylabym|zyczyc) (?:ci|wam|mu|jej|im|tobie) "
             r"(?:\w+ )?(?:raka|smierci|zdechniecia|zgonu|zawalu|udaru|nowotworu|"
             r"wylewu|choroby|kalectwa)\b"),
    (THREAT, r"\b(?:niech|oby|zeby) (?:sie )?(?:\w+ ){0,2}?(?<!nie )(?:powiesi|powiesza|zabije|"
             r"zabija|utopi|utopia|otruje|otruja|zastrzeli|zastrzela)(?: sie)?\b(?! (?:nikt|"
             r"nikogo|czas)\b)"),
    (THREAT, r"\b(?:bedzie|bedziesz|bedziecie|beda) (?:\w+ )?(?:zbierac|zbierala|zbieral|"
             r"zbierali|wypluwac|wypluwal|wypluwala) (?:swoje )?zeby\b"),
    (THREAT, r"\bzbierac (?:swoje )?zeby (?:z|po) (?:podlogi|chodnika|ziemi|asfaltu|bruku)\b"),
    # Hate: death wishes and expulsions aimed at groups, dehumanising a group.
    (HATE, r"\b(?:zyd\w*|zydowsk\w* (?:lobby|mafia|klika|sitwa)|zydostw\w*|"
           r"pejsat\w*) (?:\w+ ){0,2}?(?:rzadz\w*|kontroluj\w*|przejmuj\w*|przejel\w*|"
           r"stoi za|stoja za|pociaga\w* za sznurki|okupuj\w*|wykupuj\w*|wykupil\w*)\b",
     "zyd zydz zydo zydk zydost zydows pejsa"),
    (HATE, r"\bzydowsk\w* (?:lobby|mafia|mafii|klika|kliki|sitwa|sitwy|okupac\w*|"
           r"spisek|spisku|wladz\w*)\b"),
    (HATE, r"\b" + _GROUPS + r" (?:\w+ ){0,8}?(?:trzeba|nalezy|musimy|powinno sie|wypada)? ?"
           r"(?:ich |je |tych |wszystkich )(?:\w+ )?(?:wygonic|wysiedlic|wyrzucic|przegonic|"
           r"pogonic|wypedzic|deportowac|wykurzyc|wywalic|wywiezc|przepedzic)\b"),
    (HATE, r"\b" + _GROUPS + r" (?:\w+ )?(?:powinn\w*|powinien|maja|niech|musza) (?:\w+ )?"
           r"(?:siedziec w domu|siedza w domu|siedziec w domach|zniknac|znikna|wyginac|wygina|"
           r"wymrzec|wymra|sie nie pokazywac|nie wychodzic z domu|nie rozmnazac sie|sie nie "
           r"rozmnazac|byc zamknieci|byc zamkniete|siedziec w zakladach|siedziec w klatkach)\b"),
    (HATE, r"\b" + _GROUPS + r" (?:\w+ ){0,6}?(?:to |sa )(?:\w+ )?(?:plemie|plemiona|"
           r"horda|hordy|banda|bandy|rasa|nacja|holota|szajka|sfora)\b"),
    (HATE, r"\b" + _GROUPS + r" (?:\w+ ){0,5}?(?:to )?nie (?:sa )?(?:ludzie|ludzmi)\b"),
    (HATE, r"\bsmierc (?:\w+ )?(?:\w+om|" + _GROUPS[3:] + r"\b"),
    (HATE, r"\b(?:won|wypad|wypierdalac|spierdalac|wynocha|precz|wypierdalajcie|"
           r"spierdalajcie) (?:\w+ )?(?:z polski|z naszego kraju|do afryki|do arabii|"
           r"do izraela|do rosji|na ukraine|do ukrainy|do niemiec|do azji|do swojego kraju|"
           r"do swoich|z europy|do palestyny|z kraju)\b"),
    (HATE, r"\b" + _GROUPS + r" (?:\w+ ){0,2}?(?:to |sa |jak )?(?:\w+ )?" + _SUBHUMAN + r"\b"),
    (HATE, r"\b" + _GROUPS + r" (?:to|sa) (?:\w+ )?" + _ANIMALS + r"\b"),
    (HATE, r"\b" + _SUBHUMAN + r" (?:\w+ )?" + _GROUPS + r"\b"),
    (HATE, r"\b(?:teczow\w*|lgbt\w*|pedalsk\w*|zydowsk\w*|cygansk\w*|ukrainsk\w*|"
           r"muzulmansk\w*|ciapat\w*|murzynsk\w*|arabsk\w*|islamsk\w*|banderowsk\w*|"
           r"kacapsk\w*|rusk\w*|szwabsk\w*|zydows\w*|romsk\w*) (?:szmaty|kurwy|gnidy|"
           r"scierwa|pomioty|swinie|zaraza|zarazy|"
           r"zaraze|holota|holoty|bydlo|bydla|scierwo|scierwa|robactwo|dzicz|plaga|motloch|"
           r"pomiot\w*|zwierzeta|swinie|malpy|szczury|smiecie|smieci|pasozyty|bestie|"
           r"brudasy|robactwo|szkodniki)\b"),
    (HATE, r"\b(?:brudn\w+|smierdzac\w+|smierdzi\w*|parszyw\w+|zawszon\w+|zapchlon\w+|"
           r"przeklet\w+|leniw\w+|zakichan\w+|pierdolon\w+|jeban\w+|zasran\w+) " + _GROUPS
     + r"\b"),
    (HATE, r"\b(?:wszyscy |kazdy |kazda |caly |cala )?" + _GROUPS + r" (?:to |sa )"
           r"(?:\w+ )?(?:zlodzieje|bandyci|przestepcy|gwalciciele|terrorysci|pedofile|"
           r"zboczency|zboczeni|brudasy|nieroby|darmozjady|pasozyty|podludzie|dzikusy|"
           r"zwierzeta|chorzy psychicznie|nienormalni|degeneraci|zwyrodnialcy|smierdziele|"
           r"lenie|zlodziejami|bandytami|przestepcami|gwalcicielami|terrorystami|"
           r"pedofilami|zboczencami|smieciami|zwierzetami|brudasami|pasozytami)\b"),
    (HATE, r"\b(?:jebac|jebane|jebani|pierdolone|pierdoleni|pierdolic) (?:tych |te |"
           r"wszystkich )?" + _GROUPS + r"\b"),
    # Vulgarity aimed at the reader.
    (INSULT, r"\b(?:pusty|pusta|pusta|zakuty|zakuta|tepy|tepa|durny|durna|glupi|glupia|"
             r"ciasny|ciasna) (?:leb|lbie|lba|lby|glowa|glowo|pale|palo|dzbanie|dzban|dynia|"
             r"dynio|baniak|baniaku|czerep|czerepie)\b"),
    (THREAT, r"\b(?:zeby|oby|obys|niech) (?:ci|wam|mu|jej|im|tobie)? ?(?:\w+ )?(?:uschly|"
             r"uschla|uschlo|uschnie|uschna|odpadly|odpadla|odpadlo|zgnily|zgnila|zgnilo|"
             r"sparalizowalo|pokrecilo|skrecilo|odjelo|spuchly|spuchl|zgnije|zgnija|odpadna|"
             r"odpadnie|wyschly|wyschla)\b", "zeby oby obys niech"),
    (THREAT, r"\b(?:spuscic|spuscimy|spuszcze|poszczuc|poszczuje|poszczujemy) (?:\w+ )?"
             r"(?:psy|psa|psami|psem) na\b"),
    (VULGAR, r"\b(?:zamknij|zamknijcie|stul|stulcie|zawrzyj|zawrzyjcie) (?:\w+ )?(?:ryj|ryja|"
             r"morde|mordy|pysk|pyski|jape|gebe|gebie|dziob|kufe|jadaczke|twarz)\b"),
    (INSULT, r"\b(?:idz|idzcie|marsz|lec|lecz|wracaj) (?:\w+ )?(?:sie leczyc|do psychiatry|do "
             r"psychiatryka|do wariatkowa|do czubkow|na leczenie|sie zbadac|lecz sie)\b"),
    (INSULT, r"\b(?:iq|inteligencj\w*|mozg\w*|rozum\w*) (?:\w+ ){0,3}?(?:(?:na poziomie|"
             r"jak u|mniejsz\w+ niz|ponizej|wielkosci|rozmiaru) )?(?:\w+ ){0,2}?(?:temperatury|"
             r"pantofelka|ameby|kamienia|buta|ziemniaka|kury|rozwielitki|muchy|stolu|krzesla|"
             r"pnia|orzeszka|orzecha|grochu|ziarnka|rodzynka|kapusty|pantofla|mrowki|komara|"
             r"chomika|glonu|wirusa|bakterii)\b"),
    (INSULT, r"\b(?:wracaj|wracajcie|marsz|idz|won|zmykaj|spadaj) (?:\w+ )?(?:do|na) "
             r"(?:kuchni|garow|garnkow|zmywaka|pieluch|kuchnie|pralki)\b"),
    (INSULT, r"\b(?:powinna|powinni|powinien|trzeba bylo|szkoda ze nie|szkoda ze) (?:\w+ ){0,2}?"
             r"(?:cie|was|ciebie|go|ja) (?:\w+ )?(?:usunac|wyskrobac|abortowac|usunela|"
             r"wyskrobala|poronic|utopic)\b"),
    (THREAT, r"\b(?:niech|oby|obys|zeby|zebys) (?:\w+ ){0,2}?(?:zdechnie|zdechna|zdycha|zdychaja|"
             r"sczeznie|sczezna|zgnije|zgnija|zdechl\w*|sczezl\w*|zgnil\w*|udlawi|udlawia|"
             r"udlawil\w*|spali sie|spalil\w* sie|powiesi sie|powiesil\w* sie)\b"),
    (VULGAR, r"\b(?:chuj|huj|pizda|kutas|fiut) (?:ci|wam|mu|jej|im|tobie) "
             r"(?:w|na|do) (?:dupe|dupsko|oko|ryj|morde|gebe|pysk|leb|zadek)\b"),
    (VULGAR, r"\b(?:pierdol|pierdolcie|jeb|jebcie|odpierdol|odpierdolcie|odjeb|odjebcie|"
             r"pierdolnij|pierdolnijcie|jebnij|jebnijcie|spierdol|spierdolcie|wypierdol|"
             r"wypierdolcie|zajeb|zajebcie|jebaj|jebajcie|zapierdol|wal|walcie) sie\b"),
    (VULGAR, r"\b(?:chuj|gowno|huj|gowna|chuja) (?:\w+ )?(?:cie|was|ciebie|wam|tobie) "
             r"(?:to )?(?:obchodzi|obchodza|interesuje|obchodzic|powinno obchodzic)\b"),
    (VULGAR, r"\b(?:idz|idzcie|spadaj|spadajcie|wypad|wypadaj|won|zjezdzaj|spieprzaj|"
             r"spieprzajcie) (?:sie )?(?:\w+ )?(?:jebac|pierdolic|walic|w chuj|w pizdu|"
             r"na chuj|do chuja|kurwa|kurwo|chuju|szmato|pierdolcie)\b"),
    (VULGAR, r"\b(?:pocaluj|pocalujcie|possij|possijcie|ssij|ssijcie|obciagnij|"
             r"obciagnijcie|wyliz|wylizcie) (?:\w+ )?(?:w dupe|mnie w dupe|pale|chuja|"
             r"kutasa|fiuta|mi|mnie)\b"),
    (VULGAR, r"\b(?:ty|wy|jestes|jestescie|tys) (?:\w+ )?(?:chujem|kurwa|kurwe|kurwy|"
             r"pizda|pizde|cipa|cipe|dupa|gowno|gownem|zjebem|cwelem|szmata|szmate|"
             r"kutasem|dzbanem|dzban|chujcem|chujem|gownojadem|pizdziel\w*)\b"
             r"(?! (?:mac|jego|jej|nedzy)\b)",
     "chuje kurwa kurwe kurwy pizda pizde cipa cipe dupa gowno gowne zjebe cwele szmat "
     "kutas dzban chujc gowno pizdz"),
    (VULGAR, r"\b(?:jebac|jebcie|pierdolic|ruchac|wyruchac|wydymac|wyjebac|dojebac|"
             r"jebie|jebiemy|pierdole|pierdolimy) (?:tego |tych |te |ta |cala |calego |"
             r"caly |twoja |twojego |twoich |twoja )?(?:wojta|burmistrza|prezydenta|"
             r"radn\w+|urzednik\w*|urzedas\w*|sasiad\w*|sasiadke|policje|policjantow|psy|"
             r"pis|lewak\w*|ksie\w*|klech\w*|ciebie|cie|was|go|ich|mu|twoj\w*|wasz\w*|"
             r"matk\w*|stara|starego|kierowc\w*|soltys\w*|sekretar\w*)\b"),
    (VULGAR, r"\b(?:twoja|twoj|twoje|wasza|wasz|wasze) (?:\w+ )?(?:stara|matka|"
             r"matke|siostra|zona|corka) (?:to |jest |byla )?(?:\w+ )?(?:kurwa|kurwe|"
             r"dziwka|dziwke|szmata|szmate|suka|pizda|kurwom)\b"),
    (VULGAR, r"\b(?:pierdolisz|pierdolicie|pierdolili|pierdolil|pierdolila|pierdoli|"
             r"pierdolic|ruchac|ruchalem|wyrucham|rucham|jebalem|jebac|wyjebalem) "
             r"(?:\w+ )?(?:twoja|twoj|twoje|twoja stara|wasza|wasze|twojej|twoja matke|"
             r"twoja zone|twoja siostre|twoja corke|wasza matke|wasze matki)\b"),
]


def _triggers(pattern: str) -> dict[int, frozenset] | None:
    """Words one of which a text must contain for `pattern` to match, read off the
    alternatives of its first group (and of the next one, when the first is optional):
    {0: whole words, n: prefixes of n letters (3..5)}. None when they cannot be read."""
    rest = re.sub(r"^(?:\(\?<!?[^)]*\))*(?:\\b)?", "", pattern)
    found: dict[int, set] = {}
    while True:
        if not rest.startswith("(?:"):
            head = re.match(r"[a-z]+", rest)
            if not head:
                return None
            alternatives, rest, optional = [rest], "", False
        else:
            depth, end = 0, 0
            for i, char in enumerate(rest):
                depth += (char == "(") - (char == ")")
                if depth == 0:
                    end = i
                    break
            inner, rest = rest[3:end], rest[end + 1:]
            optional = rest.startswith("?")
            alternatives, depth, piece = [], 0, ""
            for char in inner:
                depth += (char == "(") - (char == ")")
                if char == "|" and depth == 0:
                    alternatives.append(piece)
                    piece = ""
                else:
                    piece += char
            alternatives.append(piece)
        for alternative in alternatives:
            head = re.match(r"[a-z]+", alternative)
            if not head:
                return None
            word = head.group()
            if len(word) == len(alternative) or alternative[len(word)] == " ":
                found.setdefault(0, set()).add(word)
            elif len(word) >= 3:
                found.setdefault(min(len(word), 5), set()).add(word[:5])
            else:
                return None
        if not optional:
            return {length: frozenset(words) for length, words in found.items()}
        rest = rest[1:].lstrip(" ")


def _explicit(prefixes: str) -> dict[int, frozenset]:
    """Triggers written out: words of up to three letters whole, longer ones as prefixes."""
    found: dict[int, set] = {}
    for prefix in prefixes.split():
        length = 0 if len(prefix) <= 3 else min(len(prefix), 5)
        found.setdefault(length, set()).add(prefix[:5])
    return {length: frozenset(words) for length, words in found.items()}


_PHRASE_RES = [(entry[0], re.compile(entry[1]),
                _explicit(entry[2]) if len(entry) > 2 else _triggers(entry[1]))
               for entry in _PHRASES]


@dataclass(frozen=True, slots=True)
class Hit:
    cls: str
    start: int  # folded offsets
    end: int
    word: str


_WORD = re.compile(r"[^\W\d_]+(?:\*+[^\W\d_]*)*|\*+[^\W\d_]+")
# Words a masked token may stand for: the lexicon plus the verbs the phrases need
# ("zaj***ę tego kierownika" -> "zajebie", "sp******aj" -> "spierdalaj").
_MASKABLE = {**dict.fromkeys(_forms(
    "zajebi:e,emy,esz zapierdol:e,imy wpierdol:e,imy napierdol:e,imy rozpierdol:e,imy "
    "przypierdol:e,imy wyjebi:e,emy rozjebi:e,emy pierdol:e,isz,icie jeb:ie,iesz,ac,cie,nij "
    "wypierdalac spierdalac odpierdol:,cie wpierdol pierdolnij jebnij "
    "zabij:e,emy zatluk:e udusz:e zastrzel:e dorw:e,iemy dopadn:e,iemy"), None), **_LEXICON}
_LEXICON_BY_FIRST: dict[str, list[str]] = {}
for _form in _MASKABLE:
    _LEXICON_BY_FIRST.setdefault(_form[0], []).append(_form)
_STAR_PRIORITY = {SWEAR: 0, VULGAR: 1, INSULT: 2, HATE: 3, THREAT: 4, WEAK: 5, CRITICISM: 6}


@lru_cache(maxsize=65536)
def _classify(token: str) -> str | None:
    """The lexicon class of one folded token (masked letters already resolved), or None."""
    key = _squeeze(token)
    cls = _LEXICON.get(key)
    if cls is not None:
        return cls
    if "y" in key:  # a Cyrillic "у" written for "u" folds to "y": "kуrwo", "chуj"
        swapped = key.replace("y", "u")
        if any(root in swapped for root in _SWEAR_ROOTS) and swapped in _LEXICON:
            return _LEXICON[swapped]
    for length in _PREFIX_LENGTHS:
        if len(key) >= length:
            cls = _PREFIXES.get(key[:length])
            if cls is not None:
                return cls
    if len(key) >= 4 and any(root in key for root in _SWEAR_ROOTS):
        return SWEAR
    return None


@lru_cache(maxsize=4096)
def unmask(token: str) -> str | None:
    """The lexicon word a token with hidden letters stands for ("ch*j" -> "chuj", "k***a" ->
    "kurwa", "sp******aj" -> "spierdalaj", "je***ny" -> "jebany"), or None. First each star is
    exactly one letter; failing that (with three letters shown), a run of n stars (or dots) is
    n-1 to n+1 letters, and failing that (four letters shown, three stars), 1 to 2n+2 letters.
    A leading star needs four letters shown.
    Several candidates: swearing wins, as that is what people mask most."""
    key = _squeeze(token)
    visible = len(key) - key.count("*")
    if visible < (4 if key[0] == "*" else 2) or len(key) > 40:
        return None  # "*ab" could be anything; no lexicon word is that long
    candidates = _LEXICON_BY_FIRST.get(key[0], ()) if key[0] != "*" else _MASKABLE
    for slack in (0, 1, 2):
        if (slack == 1 and visible < 3) or (slack == 2 and (visible < 4 or key.count("*") < 3)):
            break
        parts = []
        for piece in re.split(r"(\*+)", key):
            if piece.startswith("*"):
                n = len(piece)
                low, high = ((n, n), (max(1, n - 1), n + 1), (1, 2 * n + 2))[slack]
                parts.append(f"[a-z]{{{low},{high}}}")
            else:
                parts.append(re.escape(piece))
        pattern = re.compile("".join(parts))
        found = [form for form in candidates if pattern.fullmatch(form)]
        if found:
            return min(found, key=lambda form: _STAR_PRIORITY.get(_MASKABLE[form], 0))
    return None


def lexicon_hits(text: str) -> list[Hit]:
    """Lexicon and phrase matches in a folded text, after the rules that decide whether a
    word is aimed at a person. Swearing and weak insults that are not aimed at anyone stay in
    the list with their class (SWEAR, WEAK): the model counts them, the flag ignores them."""
    original = text
    matches = list(_WORD.finditer(text))
    tokens = [m.group() for m in matches]
    origin = None  # set when masked words were resolved: resolved offset -> folded offset
    if "*" in text:
        pieces, origin, last = [], [], 0
        for k, m in enumerate(matches):
            if "*" not in tokens[k]:
                continue
            word = unmask(tokens[k])
            if word is None:
                continue
            pieces.append(text[last:m.start()])
            origin.extend(range(last, m.start()))
            pieces.append(word)
            origin.extend([m.start()] * (len(word) - 1) + [m.end() - 1])
            tokens[k] = word
            last = m.end()
        pieces.append(text[last:])
        origin.extend(range(last, len(text)))
        text = "".join(pieces)
    if _PAUSE.search(text):  # phrases ignore commas, dashes, quotes: "wiem, gdzie mieszkasz"
        if origin is None:
            origin = list(range(len(text)))
        pieces, squashed_origin, last = [], [], 0
        for m in _PAUSE.finditer(text):
            pieces.append(text[last:m.start()])
            squashed_origin.extend(origin[last:m.start()])
            pieces.append(" ")
            squashed_origin.append(origin[m.start()])
            last = m.end()
        pieces.append(text[last:])
        squashed_origin.extend(origin[last:])
        text, origin = "".join(pieces), squashed_origin
    hits: list[Hit] = []
    for k, token in enumerate(tokens):
        cls = _classify(token)
        if cls is None:
            continue
        if cls in (WEAK, SWEAR):
            cls = _aimed(cls, tokens, k)
        elif cls in (INSULT, VULGAR) and _not_aimed(tokens, k):
            cls = WEAK
        elif cls == HATE and token.startswith("pedal") and _pedal_context(tokens):
            continue  # a bicycle's or a car's pedal
        hits.append(Hit(cls, matches[k].start(), matches[k].end(), matches[k].group()))
    present = {0: set(tokens), 3: {t[:3] for t in tokens}, 4: {t[:4] for t in tokens},
               5: {t[:5] for t in tokens}}
    for cls, pattern, triggers in _PHRASE_RES:
        if triggers is not None and all(present[length].isdisjoint(words)
                                        for length, words in triggers.items()):
            continue
        for m in pattern.finditer(text):
            if origin is None:
                hits.append(Hit(cls, m.start(), m.end(), m.group()))
            else:
                start, end = origin[m.start()], origin[m.end() - 1] + 1
                hits.append(Hit(cls, start, end, m.group()))
    if hits and (_REPORTING.search(original) or _MENTION_WORD.search(original)):
        hits = [_reported(hit, original) for hit in hits]
    return hits


_PAUSE = re.compile(r"[ ]?[,;:\-\u2013\u2014\"'\u201c\u201d\u201e\u00ab\u00bb()\[\]/]+[ ]?|  +")


# Someone reporting what another person said or wrote: 'napisał do mnie "ty debilu"',
# "radny powiedział, że opozycja to banda idiotów". The insult is quoted, not made.
_REPORTING = re.compile(r"\b(?:powiedzial|powiedziala|powiedzieli|napisal|napisala|napisali|"
                        r"nazwal|nazwala|nazwali|wyzwal|wyzwala|wyzwali|wyzywal|wyzywala|"
                        r"wyzywali|krzyczal|krzyczala|krzyczeli|stwierdzil|stwierdzila|"
                        r"pisal|pisala|pisali|mowil|mowila|mowili|wykrzykiwal|wykrzykiwala|"
                        r"wysylal|wysylala|wyslal|wyslala|grozil|grozila|grozili)\b")
_QUOTE_OR_THAT = re.compile(r"[\"'\u201c\u201d\u201e\u00ab\u00bb:]|\bze\b")


_MENTION_WORD = re.compile(r"\b(?:slow|wyraz|okresle|hasl|epitet|wyzwisk|nazywani|uzywani|"
                           r"pisani)")
_MENTION = re.compile(r"\b(?:slowo|slowa|slowem|wyraz|wyrazu|wyrazem|wyrazy|okreslenie|"
                      r"okreslenia|okresleniem|haslo|hasla|epitet|epitety|wyzwisko|wyzwiska|"
                      r"nazywanie|nazywania|uzywanie|uzywania|pisanie|pisania) ?[\"'\u201c"
                      r"\u201d\u201e\u00ab\u00bb]?$")


def _reported(hit: Hit, text: str) -> Hit:
    """Demote an insult or slur that follows a reporting verb and a quote mark, a colon or
    "że" in the same sentence ('napisał do mnie "ty debilu"'), or is mentioned as a word
    ('słowo "pedał" w komentarzu to wstyd'). Threats stay (a reported threat still needs a
    person)."""
    if hit.cls not in (INSULT, VULGAR, HATE):
        return hit
    if _MENTION.search(text, 0, hit.start):
        return Hit(WEAK, hit.start, hit.end, hit.word)
    sentence_start = max(text.rfind(mark, 0, hit.start) for mark in ".!?\n") + 1
    before = text[sentence_start:hit.start]
    verbs = list(_REPORTING.finditer(before))
    if not verbs or not _QUOTE_OR_THAT.search(before, verbs[-1].end()):
        return hit
    return Hit(WEAK, hit.start, hit.end, hit.word)


_US = frozenset(("nas", "mnie", "siebie", "ludzi", "mieszkancow", "obywateli", "wyborcow",
                 "podatnikow", "petentow", "klientow", "rodzicow", "emerytow"))
_HONORIFICS = frozenset(("pan", "pana", "panu", "panem", "panie", "pani", "panstwo", "radny",
                         "radnego", "radnemu", "radnym", "wojt", "wojta", "wojcie", "burmistrz",
                         "burmistrza", "burmistrzu", "sasiad", "sasiada", "sasiadem", "kolega",
                         "kolegi", "kolego", "szanowny", "szanowna", "drogi", "droga"))


def _not_aimed(tokens: list[str], k: int) -> bool:
    """"jestem idiotą", "robią z nas idiotów", "mają nas za debili", "czuję się jak idiota",
    "nazwał mnie debilem": the writer is not insulting anyone."""
    prev1 = tokens[k - 1] if k else ""
    prev2 = tokens[k - 2] if k > 1 else ""
    prev3 = tokens[k - 3] if k > 2 else ""
    if prev1 in _SELF_BEFORE or (prev1 == "jak" and prev2 in ("sie", "jestem", "czuje")):
        return True
    if prev1 in _US and prev2 in ("z", "ze", "za"):
        return True
    if prev1 in _HONORIFICS and tokens[k].startswith("baran"):
        return True  # "Panie Baranie", "radny Baran": a surname
    if prev1 in ("za", "jak", "na") and (prev2 in _US or prev2 == "sie"):
        return True
    if prev1 in ("za", "jak") and prev3 in _US and prev2 in ("tu", "wszystkich", "tutaj"):
        return True
    return prev2.startswith(("nazw", "wyzw")) or prev1.startswith(("nazw", "wyzw"))


def _aimed(cls: str, tokens: list[str], k: int) -> str:
    """Promote swearing or a weak insult to an insult or vulgarity when it is aimed at a
    person ("ty baranie", "świnia jedna", "jebany wójt", "ty chuju", "chuj ci w dupę")."""
    key = _squeeze(tokens[k])
    prev1 = tokens[k - 1] if k else ""
    prev2 = tokens[k - 2] if k > 1 else ""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
    addressed = (prev1 in _ADDRESS_BEFORE or (prev2 == "co" and prev1 == "za")
                 or (prev2 in ("ty", "wy") and prev1 not in ("nie", "i", "a", "to", "tez",
                                                            "juz", "sie", "mi", "mnie")))
    if cls == WEAK:
        if (addressed or nxt in _AIMED_AFTER or (prev1 == "to" and key in _TO_INSULT)
                or (prev1 and _classify(prev1) == WEAK and not prev1.startswith("cygan")
                    and not key.startswith("cygan"))) and not _not_aimed(tokens, k):
            return INSULT  # "ty baranie", "świnia jedna", "upośledzony kaleka"
        return WEAK
    if key in _VULGAR_ADJECTIVES:
        near = tokens[max(0, k - 2):k] + tokens[k + 1:k + 3]
        if any(_is_person(w) or w in _SECOND_PERSON or _classify(w) in (CRITICISM, WEAK)
               for w in near):
            return VULGAR  # "jebany wójt", "jebane nieroby", "pierdolony menel"
        return SWEAR
    if key in ("kurwa", "kurwe", "kurwy", "chuj", "huj", "pizda", "cipa", "dupa", "gowno",
               "szmata", "fiut"):
        if prev1 in ("ty", "wy", "jestes", "jestescie", "tys", "stara", "stary", "jebana",
                     "jebany", "pierdolona", "pierdolony", "glupia", "glupi", "zwykla",
                     "zwykly", "skonczona", "skonczony", "wredna", "wredny", "ta", "ten") \
                and not (prev1 in ("ta", "ten") and key in ("dupa", "gowno", "chuj", "kurwa")):
            return VULGAR
        if nxt in _AIMED_AFTER and any(_is_person(w) or w in _SECOND_PERSON
                                       or _classify(w) == CRITICISM
                                       for w in tokens[max(0, k - 4):k]):
            return VULGAR  # "wójt to złodziej i kurwa jebana"; not "kurwa jebana, korek"
        prev3 = tokens[k - 3] if k > 2 else ""
        if prev1 == "to" and (_is_person(prev2) or _classify(prev2) == CRITICISM or (
                (_is_person(prev3) or _classify(prev3) == CRITICISM)
                and prev2 not in _NOT_A_NAME)):
            return VULGAR  # "wójt to chuj", "radny Kowalski to ch*j"; not "mówi, że to kurwa"
        if key == "kurwy" and prev1 not in ("do", "od") and nxt not in ("nedzy", "mac",
                                                                        "jebanej"):
            return VULGAR  # "te kurwy z urzędu"; not "do kurwy nędzy"
        if key in ("chuj", "huj") and nxt in ("ci", "wam", "mu", "jej", "im", "tobie"):
            return VULGAR
    if key in ("jebac", "pierdolic", "jebie", "pierdole") and nxt and (
            _is_person(nxt) or nxt in _SECOND_PERSON
            or nxt in ("go", "ich", "policje", "psy", "rade", "rady", "zarzad")):
        return VULGAR
    return SWEAR


def _pedal_context(tokens: list[str]) -> bool:
    return any(t.startswith(("rower", "gaz", "hamul", "sprzegl", "samoch", "auto", "kierown"))
               for t in tokens)


# --------------------------------------------------------------------------------------------
# Features: shared, byte for byte, by training (ratusz.triage.training) and inference.
# --------------------------------------------------------------------------------------------

_U32 = np.uint32
_PRIME = _U32(0x01000193)


def _mix(x: np.ndarray, salt: int) -> np.ndarray:
    """A 32-bit avalanche (murmur3's finaliser) so buckets are spread evenly."""
    x = x ^ _U32(salt & 0xFFFFFFFF)
    x ^= x >> _U32(16)
    x *= _U32(0x85EBCA6B)
    x ^= x >> _U32(13)
    x *= _U32(0xC2B2AE35)
    x ^= x >> _U32(16)
    return x


def char_ngram_ids(text: str, lo: int, hi: int, mask: int) -> np.ndarray:
    """Bucket ids of every character n-gram (lo..hi) of " text ", deterministic across runs
    and machines (a polynomial rolling hash over code points, no Python hash())."""
    codes = np.frombuffer((" " + text + " ").encode("utf-32-le"), dtype=_U32)
    out = []
    h = codes.copy()
    for n in range(1, hi + 1):
        if n > 1:
            if len(codes) < n:
                break
            with np.errstate(over="ignore"):
                h = h[:-1] * _PRIME + codes[n - 1:]
        if n >= lo:
            out.append(_mix(h, n * 0x9E3779B1) & _U32(mask))
    return np.concatenate(out) if out else np.zeros(0, _U32)


def word_ngram_ids(text: str, hi: int, mask: int) -> np.ndarray:
    """Bucket ids of word unigrams (and bigrams when hi >= 2), by zlib.crc32."""
    words = _WORD.findall(_DOUBLED.sub(r"\1", text))
    hashes = [zlib.crc32(w.encode()) for w in words]
    if hi >= 2:
        hashes += [zlib.crc32(f"{a} {b}".encode()) for a, b in zip(words, words[1:], strict=False)]
    if not hashes:
        return np.zeros(0, _U32)
    return _mix(np.array(hashes, dtype=_U32), 0x27D4EB2F) & _U32(mask)


LEXICON_FEATURES = ("insult", "vulgar", "hate", "threat", "weak", "swear", "criticism",
                    "second_person", "any_strong")


def lexicon_features(text: str, hits: list[Hit]) -> np.ndarray:
    counts = dict.fromkeys(LEXICON_FEATURES, 0.0)
    for hit in hits:
        counts[hit.cls] += 1.0
    counts["second_person"] = float(sum(1 for w in _WORD.findall(text) if w in _SECOND_PERSON))
    counts["any_strong"] = float(any(h.cls in STRONG for h in hits))
    return np.array([min(counts[name], 3.0) / 3.0 for name in LEXICON_FEATURES],
                    dtype=np.float32)


def _distinct(ids: np.ndarray) -> np.ndarray:
    """np.unique(ids), ten times faster on short arrays."""
    if len(ids) < 2:
        return ids
    ids = np.sort(ids)
    keep = np.empty(len(ids), bool)
    keep[0] = True
    np.not_equal(ids[1:], ids[:-1], out=keep[1:])
    return ids[keep]


def _ngram_blocks(text: str, config: dict):
    """(bucket ids, value of each id) per n-gram block. "binary" values: each distinct n-gram
    once, the block L2-normalised; "tf": every occurrence, divided by the square root of the
    number of n-grams (cheaper: no sorting)."""
    mask = (1 << config["bits"]) - 1
    binary = config.get("values", "binary") == "binary"
    lo, hi = config["char_ngrams"]
    if hi:
        ids = char_ngram_ids(text, lo, hi, mask)
        if binary:
            ids = _distinct(ids)
        yield ids, config["char_weight"] / math.sqrt(max(len(ids), 1))
    if config["word_ngrams"]:
        ids = word_ngram_ids(text, config["word_ngrams"], mask)
        if binary:
            ids = _distinct(ids)
        yield ids, config["word_weight"] / math.sqrt(max(len(ids), 1))


def features(text: str, config: dict, hits: list[Hit] | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
    """Sparse feature vector of a folded text: (indices, values), indices may repeat (their
    values add up). Blocks: character n-grams, word n-grams (see `_ngram_blocks`), then the
    lexicon counts, which sit after the 2**bits hashed buckets."""
    index_parts, value_parts = [], []
    for ids, value in _ngram_blocks(text, config):
        index_parts.append(ids)
        value_parts.append(np.full(len(ids), value, np.float32))
    if config.get("lexicon_weight"):
        if hits is None:
            hits = lexicon_hits(text)
        lex = lexicon_features(text, hits) * np.float32(config["lexicon_weight"])
        nonzero = np.flatnonzero(lex)
        index_parts.append((nonzero + (1 << config["bits"])).astype(_U32))
        value_parts.append(lex[nonzero])
    if not index_parts:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    return (np.concatenate(index_parts).astype(np.int64), np.concatenate(value_parts))


def n_features(config: dict) -> int:
    return (1 << config["bits"]) + len(LEXICON_FEATURES)


def combine(model_logit: float, hits: list[Hit], config: dict) -> float:
    """The final score from the model's calibrated logit (0 at the chosen threshold) and the
    lexicon: an aimed insult, a threat or a slur raises the flag by itself."""
    score = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, model_logit))))
    floors = config.get("floors", _FLOORS)
    for hit in hits:
        floor = floors.get(hit.cls)
        if floor is not None and floor > score:
            score = floor
    strong = {h.cls for h in hits if h.cls in STRONG}
    if len(strong) >= 2 or sum(1 for h in hits if h.cls in STRONG) >= 3:
        score = max(score, 0.95)
    return score


_FLOORS = {THREAT: 0.95, HATE: 0.9, VULGAR: 0.85, INSULT: 0.8}
_REASONS = {INSULT: "lexicon:insult", VULGAR: "lexicon:vulgar", HATE: "lexicon:hate",
            THREAT: "lexicon:threat"}


# --------------------------------------------------------------------------------------------
# The model artefact.
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Model:
    weights: np.ndarray  # float32, n_features(config), the domain's lexicon deltas included
    bias: float  # shifted so that the decision value is 0 at the domain's threshold
    config: dict
    meta: dict
    domain: str

    @property
    def version(self) -> str:
        return self.meta.get("version", "unknown")

    def logit(self, text: str, hits: list[Hit]) -> float:
        """weights . features(text) + bias, without building the feature vector."""
        total = self.bias
        for ids, value in _ngram_blocks(text, self.config):
            total += value * float(self.weights[ids].sum(dtype=np.float64))
        if self.config.get("lexicon_weight"):
            first = 1 << self.config["bits"]
            lexicon = lexicon_features(text, hits)
            total += self.config["lexicon_weight"] * float(
                np.dot(self.weights[first:first + len(lexicon)], lexicon))
        return total


_lock = threading.Lock()
_model: Model | None = None


def _resolve(path) -> Path:
    path = Path(path)
    if path.is_dir():
        path = path / "harmful.json"
    if path.suffix == ".npz":
        path = path.with_suffix(".json")
    return path


def read_model(path=None, domain: str | None = None) -> Model:
    """Read an artefact (its .json, the .npz next to it, or their folder) without installing
    it. `domain`: "municipal" (the default: the project's policy on criticism and swearing)
    or "poleval" (PolEval 2019's labelling, for comparison with published results)."""
    path = _resolve(path or DEFAULT_MODEL)
    meta = json.loads(path.read_text(encoding="utf-8"))
    with np.load(path.with_suffix(".npz")) as arrays:
        weights = arrays["weights"].astype(np.float32)
    config = meta["features"]
    if len(weights) != n_features(config):
        raise ValueError(f"{path}: {len(weights)} weights, the features need "
                         f"{n_features(config)}")
    domain = domain or meta.get("default_domain", "municipal")
    settings = meta["domains"][domain]
    first = 1 << config["bits"]
    weights[first:first + len(LEXICON_FEATURES)] += np.asarray(settings["lexicon_delta"],
                                                               dtype=np.float32)
    return Model(weights, float(settings["bias"]), config, meta, domain)


def load(path=None, domain: str | None = None) -> Model:
    """Load the model at `path` (default: the one shipped in models/) and use it from now on
    in this process. A retrained office model is swapped in by passing its path (the folder
    or its harmful.json)."""
    global _model
    loaded = read_model(path, domain)
    with _lock:
        _model = loaded
    return loaded


def model() -> Model:
    """The model in use, read on first use."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = read_model(None)
    return _model


def model_version() -> str:
    return model().version


def analyze(folded: Folded) -> Finding:
    text = folded.text
    current = model()
    hits = lexicon_hits(text)
    logit = current.logit(text, hits)
    probability = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))
    score = combine(logit, hits, current.config)
    evidence, seen = [], set()
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        reason = _REASONS.get(hit.cls)
        if reason is None or (reason, hit.start, hit.end) in seen:
            continue
        seen.add((reason, hit.start, hit.end))
        start, end = folded.span(hit.start, hit.end)
        evidence.append(Evidence(FLAG, reason, start, end, hit.word))
    evidence.append(Evidence(FLAG, "model", detail=f"{probability:.2f}"))
    return Finding(round(score, 4), evidence)
