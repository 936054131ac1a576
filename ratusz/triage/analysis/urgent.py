"""Emergencies: danger to life, health or property now.

A danger cue (fire, gas, flood, a downed line, a fallen tree on the road, an injured person, a
person at risk of suicide, a missing vulnerable person...) raises the score; a cue that the
danger is happening now (teraz, właśnie, pomocy, 112, "!!!") raises it further. Cues that the
text is about the past, a film, a drill, a plan or an idiom ("zabijcie mnie, ale...") lower it,
unless the text also says the danger is still there (nadal, wciąż, znowu, teraz).
"""

import re

from ratusz.triage.analysis import textmodel
from ratusz.triage.analysis.base import Evidence, Finding
from ratusz.triage.analysis.lexicon import (
    Cue,
    Hit,
    any_of,
    best_per_reason,
    cues,
    evidence,
    hits,
    noisy_or,
)
from ratusz.triage.analysis.normalize import Folded

_W = r"(?:\w+ ){0,3}"  # up to three words in between

DANGER = [
    *cues("fire", 0.75, r"\bpozar", r"\bpali sie\b(?! (grunt|do|mi grunt))", r"\bplon(ie|a)\b",
          r"\bogien\b", r"\bpalacy sie", r"\bzapalil\w* sie", r"\bdym\w* (sie )?(z|ze|w|na)\b",
          r"\bdymi\b", r"\bgesty dym", r"\bw plomieniach"),
    *cues("gas", 0.8, rf"\bgaz\w* {_W}(czuc|ulatnia|wycieka|smierdzi|syczy)",
          rf"\b(czuc|czuje|czujemy|smierdzi|zapach|wyciek|ulatnia sie|ulatniajacy) {_W}gaz",
          r"\bczad\w*", r"\btlenek wegla", r"\bczujnik (czadu|gazu) (piszczy|wyje|sie wlaczyl)"),
    *cues("flood", 0.7, r"\bpowodz", r"\bpodtop", r"\bzalewa\b", r"\bzalewa (nam|nas|mi|dom)",
          rf"\bwoda {_W}(wlewa|leje sie|wdziera|zalewa|podchodzi|wchodzi|plynie)",
          rf"\b(wlewa|wdziera) sie {_W}woda", r"\bwylal\w* (rzeka|potok|staw)",
          r"\b(rzeka|potok|rzeczka) (wylewa|wylala|przelewa)",
          r"\bwoda (stoi )?(w|do) (domu|mieszkani|piwnic|garazu|budynku)",
          r"\b(szambo|kanalizacja|scieki)\w* {0,1}\w* (wylewa|cofa|zalewa|wybija)",
          r"\bpekla rura", r"\bzalalo\b", r"\bzalane\b"),
    *cues("power line", 0.8,
          r"\bzerwan\w* (linia|linie|przewod|kabel|kable|trakcj)",
          rf"\b(przewod|kabel|kable|linia|linie|drut)\w* {_W}(lezy|leza|lezacy|wisi|wisza|zwisa|"
          r"iskrzy|na (ziemi|drodze|jezdni|chodniku))",
          r"\biskrzy\b", r"\bpod napieciem", r"\bporazeni\w* pradem", r"\bslup\w* (sie )?"
          r"(przewrocil|lezy|przechyl|zlaman)"),
    *cues("tree", 0.75,
          rf"\b(drzewo|drzewa|konar|galaz|galezie)\w* {_W}(lezy|leza|lezace|spadl|spadlo|"
          r"przewrocil|przewrocilo|zwalil|zwalilo|runel|runelo|blokuj|tarasuj|przygniotl|na drodze"
          r"|na jezdni|na samoch|na dom|na dach|na przewod|na linie)",
          r"\b(przewrocone|powalone|zwalone) (drzewo|drzewa)"),
    *cues("injury", 0.75, r"\branny\b", r"\branna\b", r"\branni\b", r"\brannych\b",
          r"\bnieprzytomn", r"\bnie oddycha", r"\bkrwawi", r"\bpotracon", r"\bpotracil",
          r"\bzaslabl", r"\bzaslabla", r"\blezy (na ziemi|na chodniku|na drodze|na ulicy|"
          r"nieruchom|bez ruchu)", r"\bczlowiek lezy", r"\bwezwijcie (karetke|pogotowie)",
          r"\bzlamal\w* (noge|reke)", r"\bpogryz\w*", r"\bugryzion\w*",
          r"\brzuc\w* sie (\w+ )?na (dzieci|ludzi|dziecko|czlowieka|kobiete|mnie|nas)",
          r"\bpies\w* {0,1}\w* (atakuje|gryzie|rzucil"
          r"|rzuca)"),
    *cues("crash", 0.6, r"\bwypadek\b", r"\bwypadku\b", r"\bzderzeni", r"\brozbil\w*",
          r"\bdachowa\w*", r"\bkarambol"),
    *cues("suicide", 0.9, r"\bsamobojstw", r"\bodebrac sobie zycie", r"\bodebranie sobie zycia",
          r"\bnie chce (juz )?zyc\b", r"\bskoncze ze soba", r"\bskonczyc ze soba",
          r"\b(zabic|zabije|zabilam|zabilem|powiesic|powiesze|otruc|otruje) sie\b",
          r"\bskocze z (mostu|dachu|okna|balkonu)", r"\bnie ma sensu zyc",
          r"\bnie widze sensu (zycia|zyc)", r"\bpozegnac sie ze wszystkimi",
          r"(?#n:zabi,powiesi,otru)\bsie (zabic|zabije|zabila|zabil|powiesi|powiesze|otruje|"
          r"otrul)\b",
          r"\bskoncze z (tym wszystkim|tym zyciem|soba|zyciem)", r"\bnie mam (juz )?sily zyc",
          r"\bchce umrzec", r"\bwolal\w* bym nie zyc"),
    *cues("missing person", 0.8, r"\bzaginal", r"\bzaginel[ao]\b", r"\bzaginion",
          r"\bnie wrocil\w* (do domu|na noc)", r"\bwyszl\w* z domu i (nie|nikt)",
          r"\b(szukamy|poszukujemy|szukam) (babci|dziadka|mamy|taty|ojca|matki|syna|corki|"
          r"dziecka|brata|siostry|sasiad|pana|pani|starsz)", r"\bnie mozemy (jej|go) znalezc",
          r"\bbladzi\b"),
    *cues("structure", 0.75, r"\bzarwal\w* sie", r"\bprzysypan", r"\bprzygniecion",
          r"\bpod gruzami", r"\b(sciana|strop|dach|budynek|kamienic|komin)\w* (\w+ ){0,3}(sie )?"
          r"(pochyla|sypie sie|zarwal|zapada|przechyla)", r"\bgrozi zawaleni",
          r"\bzawal(il|ila|ilo|a|i) sie",
          r"\bzawala sie", r"\bwali sie (dach|strop|sciana|budynek|dom)",
          r"\brunal\w* (dach|strop)",
          r"\bpeka (sciana|strop|dach)", r"\bdach\w* {0,1}\w* (zapada|ugina)"),
    *cues("ice", 0.7, r"\b(cienki|cienkim) lod", r"\bpod lod", r"\bzalamal\w* sie lod",
          r"\bna lodzie (jest|sa|bawi|stoi)", r"\bwpadl\w* do (wody|rzeki|stawu|przerebli)",
          rf"\bgololedz\w* {_W}(wypad|rozbij|przewrac|zderz)", r"\btonie\b", r"\btopi sie\b"),
    *cues("explosion", 0.8, r"\bwybuch(l|)\w*", r"\beksploz"),
    *cues("fire", 0.75, r"\bpodpal\w*", r"\bdym\w* (idzie|leci|wydobywa|bucha|wali|"
          r"sie wydobywa|na klatk)", r"\bsie pali\b", r"\bplomien\w*",
          r"\bpali sie (las|dom|stodola|"
          r"budynek|samochod|auto|trawa|mieszkanie|blok|dach)", r"\bspalenizn"),
    *cues("unconscious", 0.8, r"\bstracil\w* przytomnosc", r"\bbez przytomnosci",
          r"(?#n:oznak zycia)\bnie (daje|dawal\w*) oznak zycia",
          r"\bnie rusza sie\b", r"\bzawal serca",
          r"\budar\w* (teraz|wlasnie)", r"\bdusi sie\b", r"\bnie moze oddychac"),
    *cues("poisoning", 0.7, r"\bskazeni\w*", r"\bzatru\w*", r"\bwymiot\w*",
          r"\b(snete|martwe) ryby", r"\bryby (plywaja brzuchami|sna|zdychaja)",
          r"\bwylewa sie (cos|substancj|olej|chemi|paliwo)", r"\bwyciek\w* (paliwa|oleju|"
          r"chemikali|substancji|amoniaku)"),
]
# More of the same kinds, written the many ways residents put them.
DANGER += [
    # People: hurt, collapsed, unresponsive, bleeding, cold, drowning, trapped.
    *cues("person hurt", 0.75, r"\brozbit\w* (glow|twarz|czol)", r"\bkrew (leci|sie leje|plynie)",
          r"\bw kaluzy krwi", r"\bzakrwawion", r"\bslabo kontaktuj", r"\bnie kontaktuj",
          r"\bnie reaguj\w*", r"\bnie mozna (go|jej) dobudzic", r"\bdrgawk", r"\batak "
          r"(padaczki|epilepsji|serca|astmy)", r"\bnapad\w* padaczk", r"\bsinieje", r"\bsine usta",
          r"\bnie oddycha", r"\bdusi sie", r"\bzadlawil", r"\bspadl\w* z (dachu|drabiny|"
          r"rusztowania|balkonu|roweru|wysokosci|schodow)", r"\blezy (\w+ ){0,3}(na ziemi|na "
          r"chodniku|na jezdni|na przystanku|w rowie|na sniegu|pod blokiem|na schodach|na "
          r"lawce)", r"\b(ktos|czlowiek|mezczyzna|kobieta|starszy pan|starsza pani|pan|pani|"
          r"dziecko|chlopiec|dziewczynka)\w* lezy\b", r"\bwychlodzen", r"\bzamarz",
          r"\bhipotermi", r"\bodmroz", r"\btonie\b", r"\btonal\w*", r"\btopi sie\b",
          r"\bpod wode\b", r"\bzaklinowa", r"\buwiezi\w*", r"\butknal\w* w windzie",
          r"\buwiezion\w* w", r"\bzatrzasnal\w* sie w", r"\bnie moze (sie )?wydostac",
          r"\bprzygniotl\w*", r"\bzasypal\w*", r"\bporazil\w*"),
    # Self-harm written indirectly.
    *cues("self-harm", 0.85, r"\bnie ma po co zyc", r"\bnie ma sensu (dalej )?zyc",
          r"\bwszystko skoncz", r"\bskonczyc ze wszystkim", r"\bskoncze to (dzis|dzisiaj|"
          r"wieczorem|teraz)", r"\bsie potn", r"\bpocial\w* sie", r"\bpociac sie",
          r"\btabletk\w* (wszystkie|naraz|cale opakowanie|nalyk|polknal|zazyl)",
          r"\bnalykal\w*", r"\bostatni raz (pisze|pisze do|sie odzywam)",
          r"(?#n:ostatni raz)\bto (juz )?"
          r"ostatni raz", r"\bzegnam (was|wszystkich|sie)", r"\bpozegnal\w* sie",
          r"\bnikt mi nie pomogl\w*", r"\bnie chce mi sie (juz )?zyc", r"\bchce (juz )?"
          r"odejsc", r"\bmysli samobojcz", r"\bodebrac sobie", r"\brzucic sie pod",
          r"\bskoczyc z (mostu|dachu|okna|balkonu|wiaduktu)", r"\bna moscie (stoi|siedzi)",
          r"\bzamknal\w* sie w (lazience|pokoju|piwnicy|garazu)"),
    # Vulnerable people missing.
    *cues("missing person", 0.8, r"\b(alzheimer|demencj|otepieni|autyzm|autystyczn)\w*"
          r"(?=.{0,120}\b(wyszl|nie ma|zgubil|szukam|szukamy|nie wrocil|zaginal|widzian))",
          r"\bnie ma (mojej|mojego|naszej|naszego) (mamy|taty|babci|dziadka|syna|corki|"
          r"dziecka|brata|siostry|meza|zony)", r"\bwidzian\w* (przy|kolo|na|w)\b",
          r"\bwyszl\w* z domu (w kapciach|w pizamie|bez kurtki|bez butow|w nocy|rano i)",
          r"\bzgubil\w* sie (dziecko|syn|corka|babcia|dziadek)", r"\bdziecko (samo|same) (na|"
          r"przy|nad)"),
    # Fire, smoke, gas, explosion.
    *cues("fire", 0.75, r"\bogien (bucha|idzie|przeszedl|z okna|z dachu)", r"\bpali sie\b",
          r"\bpalil\w* sie (dach|dom|samochod|auto|las|stodola|blok)", r"\bplomien",
          r"\bzadymion\w*", r"\bdym\w* (na klatce|w klatce|z okien|z okna|z dachu|z piwnicy|"
          r"z mieszkania|z komina (sasiad|budynku))", r"\bsmierdzi spalenizn",
          r"\bczujnik\w* dymu (wyje|piszczy)"),
    *cues("gas", 0.8, r"\b(rure|rura|rury|przylacz)\w* (z )?gaz", r"\bsyczy\b",
          r"\bsmierdzi gazem", r"\bczuc gazem", r"\bzapach gazu"),
    # Water, weather and structures.
    *cues("flood", 0.7, r"\bwoda (jest |stoi |siega |juz )?(po kolana|po kostki|na parterze|w "
          r"salonie|w kuchni|na podlodze|w piwnicy|na ulicy|na drodze)",
          r"\bpeknieta (rura|magistrala)", r"\bpekl\w* (magistral|wodociag|rura)",
          r"\bwybija (studzienk|kanalizacj|woda)", r"\bfekali\w* (w|na|do)",
          r"\bzalewa (ulice|droge|piwnice|mieszkanie|dom|posesje|osiedle)",
          r"\bzalalo (nam |mi )?(piwnic|mieszkani|dom|garaz|ulice|droge)",
          r"\bpoziom (wody|rzeki) (rosnie|sie podnosi)", r"\bwaly? (przecieka|puszcza|peka)",
          r"\bprzerwal\w* wal"),
    *cues("storm damage", 0.75, r"\b(wichura|wiatr|burza|nawalnica|traba)\w* (\w+ )?(zerwal|"
          r"zerwala|powalil|powalila|przewrocil|przewrocila|zniszczyl|zniszczyla|uszkodzil)",
          r"\bzerwal\w* dach", r"\bzerwany dach", r"\bblach\w* (wisi|lata|lomocze|odpada|fruwa)",
          r"\bdachowk\w* (spadaj|leca|odpadaj)"),
    *cues("structure", 0.75, r"\bsie (zarwal|zawalil|oberwal|zapadl)\w*", r"\bosuwisk",
          r"\bobsunal\w*", r"\bszczelin\w* (w|na|urosl|sie "
          r"powieksza)", r"\bpekl\w* (sciana|strop|fundament|mur)", r"\bpeka (sciana|strop|"
          r"dom|budynek|mur)", r"\bosypuj\w*", r"\bkawalki? (cegiel|tynku|gzymsu|balkonu|"
          r"elewacji|muru)\w* (leca|spadaj|odpadaj)", r"\bbalkon\w* (sie )?(kruszy|odpada|"
          r"wali|oberwal)", r"\bgzyms\w* (odpada|wisi|spadl)", r"\bzapadl\w* sie (jezdnia|"
          r"droga|chodnik|ziemia|grunt)", r"\bzapadlisk", r"\bdziura w (jezdni|drodze) (na|"
          r"glebok)\w* \d", r"\bkladk\w* (sie )?(zarwal|zawalil|runel|oberwal)",
          r"\bmost\w* (sie )?(zarwal|zawalil|podmyty|podmyl)", r"\bpodmyl\w*"),
    # Roads.
    *cues("road danger", 0.7, r"\bwpadl\w* do (rowu|rzeki|stawu|potoku|wody|kanalu)",
          r"\blezy na dachu", r"\bkierowca (jest |chyba |zostal )?(w srodku|uwieziony|"
          r"zakleszczony)", r"\bw barierk", r"\bo malo (nie )?(rozjech|potracil|zderz|wjech)",
          r"\b(swiatla|sygnalizacja)\w* (\w+ ){0,3}(nie dzialaj|nie dziala|zgasl|padl)",
          r"\blodowic\w*", r"\bszklank\w* na (drodze|moscie|jezdni)", r"\bgolo?ledz\w* "
          r"(na )?(moscie|drodze|jezdni)", r"\bplama oleju", r"\b(auta|samochody) (\w+ )?"
          r"(wpadaja|sie rozbijaja|tancza|wyladowaly)"),
    # Pollution and chemicals.
    *cues("pollution", 0.7, r"\b(maz|plama|ciecz|substancj)\w* (\w+ ){0,2}(plynie|w potoku|"
          r"w rzece|w wodzie|splywa)", r"\bsmierdzi (\w+ )?(rozpuszczalnik|chemi|amoniak|"
          r"benzyn|paliwem|ropa)", r"\bryby (\w+ )?(wyplywaja|plywaja) brzuchami",
          r"\bsnete ryby", r"\bazbest\w* (lata|fruwa|zrywaj|rozbij|kruszy|wiatr)",
          r"\bbeczk\w* (z|ze) (chemi|substancj|olej)"),
    # Animals and violence.
    *cues("attack", 0.8, r"\b(dzik|dziki|wataha|locha|pies|psy|owczarek|amstaff|pitbull|"
          r"rottweiler)\w* (?:\W*\w+){0,6}\W+(rzucil|rzucila|rzucaja|rzuca|zaatakowal|atakuj|"
          r"ugryzl|pogryzl|goni)", r"\bbojka\b.{0,60}\b(noz|noze|krew|maczet|butelk)",
          r"(?#n:nozem,maczeta,siekiera,bronia,pistoletem)\b(z|ma) (nozem|maczeta|siekiera|"
          r"bronia|pistoletem)\b", r"\bbija (sie|kogos|"
          r"czlowieka|chlopaka)", r"\bwlamuj\w* sie", r"\bktos (sie )?wlamuje",
          r"\bstrzal\w*", r"\bdzga"),
]
DANGER += [
    *cues("self-harm", 0.85, r"\bnie daje (juz )?rady (z tym wszystkim|zyc|dluzej)",
          r"\bbedzie (wreszcie )?spokoj\b", r"\bnikomu (juz )?nie (bede|bedzie) przeszkadza",
          r"\bporozdawal\w* (swoje )?rzeczy", r"\bpojde na (wiadukt|most|tory|dach)",
          r"\bi tak nikt nie zauwaz", r"\bpozegnani\w* (ze|na|z)\b",
          r"\b(jej|jego|mnie) (juz )?(jutro |dzis |wkrotce )?nie bedzie\b", r"\bnie bedzie mnie\b",
          r"\bkoniec ze mna"),
    *cues("person hurt", 0.75, r"\bkrew (z|na|leci|plynie|wszedzie)\b", r"\bkrwi (na|z)\b"),
    *cues("attack", 0.8,
          r"(?#n:noz,maczet,siekier,pistolet,bron)\b(ma|maja|z|trzyma|wyciagnal) (\w+ )?"
          r"(noz|nozem|maczet|siekier|"
          r"pistolet|bron)", r"\b(tnie|tna|dzga|bija|leja|kopia) sie\b", r"\bnapadl\w*"),
]
# A dangerous thing and what it is doing, in either order, in one sentence: "blachy lecą z
# dachu", "z dachu lecą blachy", "ziemia zjeżdża na jezdnię", "z cysterny cieknie ciecz".
_THING = re.compile(
    r"\b(drzew|konar|galez|blach|dachow|dach|eternit|azbest|plyt|tynk|gzyms|balkon|cegl|"
    r"scian|strop|kladk|most|wiadukt|skarp|ziemi|bloto|jezdni|asfalt|nawierzchn|linia|lini[ei]|"
    r"przewod|kabel|kable|slup|trakcj|woda|wody|ciecz|maz|substancj|chlor|amoniak|olej|paliw|"
    r"benzyn|ropa|gaz|dym|ogien|plomien|iskr|sopl|szyb|rusztowani|dzwig|krowy|krow|konie|kon\b|"
    r"bydlo|dzik|wilk|cysterny|cysterna|beczk|komin|latarni|slupy|znak)")
_ACTION = re.compile(
    r"\b(lezy|leza|lezace|spadl|spadla|spadlo|spadly|spada|spadaj|leca|leci|odpada|odpadaj|"
    r"zrywa|zerwal|kruszy|zapada|zapadl|zjezdza|osuwa|obsuwa|tryska|cieknie|ciekna|wycieka|"
    r"iskrzy|plonie|plona|peka|pekl|pekla|wali sie|runal|runela|przewrocil|przewraca|lamia|"
    r"lamie|lataja|fruwa|wisi|wisza|zwisa|chwieje|przechyla|podmywa|wylewa|wdziera|cofa|"
    r"chodza po|biegaja po|stoja na|po jezdni|po drodze|po torach|zagradza|blokuje|"
    r"tarasuje|w poprzek|na jezdni|na drodze|"
    r"na chodnik|na przystan|na ludzi|na dzieci|na auta|na samochod)")
_EXPOSED = re.compile(
    r"\b(ludzie|ludzi|dzieci|dzieciaki|przechodn|piesi|pieszych|auta|samochody|kierowc|"
    r"wozek|wozkiem|ktos|nikt nie (zabezpieczyl|postawil|przyjechal|reaguje|odbiera)|po "
    r"ciemku|z pelna predkoscia|slalom|oczy piek|kaszl|dusza|za zakretem|w nocy|zaraz|szybko|"
    r"uwazajcie|zamknijcie|zabezpieczcie|przed chwila|teraz|juz)\b")
_SENTENCES = re.compile(r"[^.!?\n]+")


def _thing_doing(text: str) -> tuple[int, int] | None:
    """The span of a sentence where a dangerous thing is doing something dangerous."""
    for sentence in _SENTENCES.finditer(text):
        part = sentence.group()
        if _THING.search(part) and _ACTION.search(part):
            return sentence.start(), sentence.end()
    return None


# Hazards that need an immediacy cue too: on their own they are often an ordinary defect.
HAZARD = cues("hazard", 0.45,
              r"\bugina sie", r"\btrzeszczy", r"\bpekniec\w*", r"\bspadnie\b", r"\bspada\b",
              r"\boderwan\w*", r"\bwisi (nad|na)\b", r"\bprzewrocil\w* sie (ciezarowk|"
              r"samochod|auto|tir|autobus|ciagnik)", r"\bstluczk", r"\bw rowie\b",
              r"\bzasypan\w* (pol )?jezdni", r"\b(na|przez) (jezdni|droge|tory)\w*",
              r"\bluzem (na|po) (drodze|jezdni|ulicy|krajowce|szosie)", r"\bpo drugiej stronie "
              r"barierki", r"\bpatrzy w dol", r"\bna (krajowk|drog|jezdni|szos|obwodnic|tory)\w*",
              r"\b(krowy|krow|konie|kon|stado|bydlo|sarny|sarna|los|dziki)\b",
              r"\b(na|po) (lodzie|lod)\b", r"\blod\w* (cienki|peka|trzeszczy)",
              r"\bsygnalizacj\w* (padla|nie dziala|zgasla)", r"\bswiatla zgasly",
              r"\bcos (mu|jej) sie stalo",
              r"\b(sasiad|sasiadka|mama|tata|babcia|dziadek|brat|siostra|syn|corka|maz|zona)\w* "
              r"(\w+ ){0,3}nie (odbiera|otwiera)", r"\bupadl\w*",
              r"\bdym\w*", r"\bzapach\w* (gazu|spalenizny|dymu)", r"\bwoda\b", r"\bprad\w*",
              r"\bkabel\w*", r"\bniebezpiecz\w*", r"\bzagrozeni\w*", r"\bgrozi\b",
              r"\bagresywn\w*", r"\bdzik\w* (na|w|biega)", r"\bgolo?ledz\w*", r"\bslisko\b",
              r"\b-\s?\d\d\b", r"\bmroz\w*", r"\bbezdomn\w*", r"\bleca na\b",
              r"\bnad (chodnikiem|ludzmi|glowami)", r"\btiry\b", r"\bnie mamy wody "
              r"pitnej", r"\bkrzyk\w*", r"\bwola o pomoc", r"\bplacz\w*")
URGENCY = cues("urgency", 0.45, r"\bnatychmiast", r"\bpilne\b", r"\bpilnie\b",
               r"\bzanim (ktos|ktokolwiek|dziecko|sie) (\w+ )?(zabije|zginie|wjedzie|"
               r"zrobi|stanie|utonie|spadnie|zatruje|wpadnie)", r"\bzaraz (spadnie|bedzie "
               r"(nieszczescie|tragedia|wypadek)|wybuchnie|ktos|sie zawali|runie)",
               r"\b112\b", r"\b99[789]\b", r"\bniech ktos (przyjedzie|przyjdzie|przysle)",
               r"\bprzyslac (kogos|straz|patrol)", r"\bprzyslijcie", r"\bprzyjedzcie",
               r"\bratunku\b", r"\bpomocy\b", r"\bpomozcie\b", r"\bdzieje sie (to )?teraz",
               r"\bw tej chwili\b", r"\bprzed chwila\b", r"\bwlasnie teraz", r"\bteraz\b",
               r"\bod (godziny|\d+ (min|godz))", r"\bnieszczesci", r"\bdzwon\w* (na|po) "
               r"(straz|policj|pogotowi|112)", r"\bwezwijcie", r"\bzadzwoncie",
               r"\bzamknac (droge|ulice|most|hale|szkole|budynek)", r"!{2,}",
               r"\bboje sie,? ze (cos|ktos)", r"\bgdzie dzwonic", r"\bkogo (zawiadomic|wezwac)",
               r"\bniech ktos (zadzwoni|cos zrobi)", r"\bnie wiem co robic",
               r"\bhamuj\w*", r"\bodgrodzic", r"\bzaraz (ktos|ludzie|dzieci)",
               r"\bludzie (\w+ )?(chodza|stoja|przechodza)",
               r"\bdzieci (\w+ )?(ida|chodza|wracaja|bawia)",
               r"\bgdzie jest (piaskarka|straz|policja|pogotowie|ktos)", r"\bhalo\b",
               r"\bwieczorem\b", r"\bdzis(iaj)? w nocy\b", r"\bw nocy ma byc",
               r"\bnikt nie (postawil|zabezpieczyl|przyjechal|reaguje)", r"\bkaretk\w*",
               r"\bpogotowi\w*", r"\bstraz\w*",
               r"\bco robic\b(?! (gdy|w razie|jak))", r"\bktos (sie )?(zabije|zginie|utonie)",
               r"\bktos (w to |w nia |w niego )?wjedzie")
NOW = cues("now", 0.35, r"\bteraz\b", r"\bwlasnie\b", r"\bw tej chwili\b", r"\bnatychmiast",
           r"\bpilne\b", r"\bpilnie\b", r"\bszybko\b", r"\bratunku\b", r"\bpomocy\b",
           r"\bpomozcie\b", r"\b112\b", r"\b99[789]\b", r"\bdzwon\w* (na|po) (straz|policj|pogot)",
           r"\bwezwal\w*", r"!{2,}", r"\bnadal\b", r"\bwciaz\b", r"\bcaly czas\b", r"\bdalej\b",
           r"\bznowu\b", r"\bznow\b", r"\bdzis\b", r"\bdzisiaj\b", r"\bprzed chwila\b",
           r"\bwlasnie teraz", r"\bjuz od (godziny|\d+ min)", r"\bzaraz\b", r"\bmoze dojsc do trag",
           r"\bw tym momencie", r"\bprosze o (pomoc|interwencj)", r"\bniech ktos")
STILL = any_of(r"\bteraz\b", r"\bwlasnie\b", r"\bw tej chwili\b", r"\bprzed chwila\b",
               r"\bratunku\b", r"\bpomocy\b", r"\bpomozcie\b", r"\bpilne\b",
               r"\bw tym momencie", r"\bnadal (sie )?(pali|plonie|leje|zalewa|lezy|czuc|iskrzy)")
# The past, fiction, drills, plans and prevention, and idioms.
NOT_NOW = cues("not now", -0.6,
               r"(?<!od )\bwczoraj\b", r"\bprzedwczoraj\b", r"\bzanim dojdzie do",
               r"\bw kominku", r"\bw zeszl\w*", r"\bw ubiegl\w*",
               r"\bw (19|20)\d\d\b", r"\b(19|20)\d\d r", r"\blata temu\b", r"\blat temu\b",
               r"\brok temu\b", r"\bmiesiac temu\b", r"\btydzien temu\b", r"\bkiedys\b",
               r"\bpo (powodzi|pozarze)\b", r"\bugaszon", r"\bjuz po wszystkim",
               r"\bjuz (jest )?(ugaszon|bezpiecz|opanowan|usunie|posprzatan|naprawion)",
               r"\bdziek\w* (strazak|sluzb|ratownik|policj|za szybk|za sprawn|za pomoc|za akcj)",
               r"\bpodziekowani", r"\bpamietam\b", r"\bwspomin", r"\brocznic",
               r"\bfilm(ie|y|ow|u)?\b(?! (z|ze) (telefonu|komorki))(?!.{0,30}nagrywa)",
               r"\bserial", r"\bksiazk", r"\bgra\b", r"\bcwiczeni", r"\bpokaz\w*",
               r"\bmanewr", r"\bszkoleni", r"\bdzien strazaka", r"\bsymulacj", r"\bprobny alarm",
               r"\balarm probny", r"\bkonkurs", r"\bfajerwerk", r"\bna scenie", r"\blegend",
               r"\bhalloween", r"\bprzebral", r"\bwczorajsz", r"\bdziek\w* (\w+ )?(druh|osp|"
               r"strazak|sluzb|ratownik|policj)", r"\bgdyby nie wy\b", r"\b\d+ lat temu",
               r"\bco robic (gdy|w razie|jak)", r"\bw razie\b", r"\bzeby nie (bylo|doszlo)",
               r"\bdofinansowan\w*", r"\bdotacj\w*", r"\bdoplac\w*", r"\bdo czujnik",

               r"\bniniejszym\b", r"\bskladam (zazaleni|odwolani|skarg|wniosek)",
               r"\b(nikomu )?nic (sie )?nie stalo", r"\bnic groznego",
               r"\bjuz (\w+ )?(pociet|uprzatniet|usuniet|naprawion|posprzatan|zabezpieczon)",
               r"\bprzejazd (jest )?wolny", r"\b(woda|wszystko) juz (zeszl|opadl)",
               r"\bz zeszlego (tygodnia|miesiaca|roku)", r"\bmaraton\w*", r"\bodcink\w*",
               r"\bkino\b", r"\bw kinie", r"\bspektakl", r"\bpali (\w+ )?(liscie|smieci|galezie|"
               r"trawe)", r"\bnie ma (pradu|wody)\b(?!.{0,80}\b(respirator|koncentrator|tlen|"
               r"dializ))",
               r"\bprzed powodzia", r"\bprzeciwpowodziow", r"\bw przyszlosci",
               r"\bzabezpieczeni\w* (przeciw|przed)", r"\bzabezpieczyc (sie )?przed",
               r"\bplan\w* (zarzadzania|ewakuac|kryzys)", r"\bubezpiecz", r"\bodszkodowan",
               r"\bzasil\w* (dla|po) (powodzian|poszkodowan)", r"\bstatystyk",
               r"\bzbiorka (dla|na)", r"\bzbiorke (dla|na)", r"\bstrat\w* po")
IDIOMS = cues("idiom", -0.9, r"\bjak bedzie (pozar|powodz|wypadek)",
              r"\bgdyby (byl|wybuchl|doszlo|sie|cos)", r"\bna wypadek (pozaru|powodzi|awarii)",
              r"\bzawal\w* (serca )?przy (tych|takich|tej|tym)",
              r"\b(zawal|zawalu|udaru) (mozna|idzie) dostac",
              r"\bzabij(cie)? mnie\b", r"\bszlag (mnie )?trafi", r"\bumier\w* ze (smiechu|nudow)",
              r"\bumre ze", r"\bpali (mi )?sie grunt", r"\bgrunt (mi )?sie pali",
              r"\bnie pali sie\b", r"\bkrew (mnie )?zalewa", r"\bzalewa mnie krew",
              r"\bpali sie do (roboty|pracy)", r"\bzaraz wybuchne", r"\bwybuchnal\w* smiechem",
              r"\bogien w (sercu|oczach)", r"\bzalew(a|ani)\w* (nas |mnie )?(reklam|spam|ulotk|"
              r"informacj|papier)", r"\bpowodz (reklam|spamu|ulotek|papierow|informacji|"
              r"wnioskow|skarg)", r"\bmam urwanie glowy", r"\bglowa mi peka",
              r"\bnie zyje ze smiechu", r"\bspalilam sie ze wstydu", r"\bspalilem sie ze wstydu",
              r"\bumieram\b(?! (z bolu|z zimna))", r"\bzabic czas", r"\bzaginal\w* (list|wniosek|"
              r"dokument|pismo|paczk|przesylk|kot|pies)", r"\bgaz do dechy",
              r"\bdaj(cie)? gaz", r"\bwypadek przy pracy\b(?=.*\b(zasil|odszkod|zglosz))")
AGAINST = NOT_NOW + IDIOMS
# The evidence label of `_thing_doing`; its pattern is never run (the sentence is found there).
THING_DOING = Cue("hazard", 0.45, re.compile("$^"))
_MISSING_ANIMAL = re.compile(r"\bzagin\w* (kot|pies|piesek|kotek|papug)|\b(kot|pies|piesek|kotek)"
                             r" (zaginal|zaginela)")


def analyze(folded: Folded) -> Finding:
    text = folded.text
    danger = best_per_reason(hits(folded, DANGER))
    weak = best_per_reason(hits(folded, HAZARD))
    pressing = best_per_reason(hits(folded, URGENCY))
    doing = _thing_doing(text)
    exposed = _EXPOSED.search(text)
    thing = bool(doing and (exposed or pressing))
    if thing:
        weak = [*weak, Hit(THING_DOING, *doing)]
    model = textmodel.load("urgent")
    probability = model.probability(text) if model is not None else 0.0
    # The model alone, with no danger word at all, must be surer than its trained threshold:
    # a false alarm wakes the on-duty people.
    hinted = bool(danger or weak or pressing or thing)
    learned = model is not None and probability >= (
        model.threshold if hinted else max(model.threshold, 0.6))
    ruled = bool(danger or (weak and (pressing or thing)))
    if not ruled and not learned:
        return Finding()
    score = 0.0
    if danger:
        score = noisy_or(h.cue.weight for h in danger)
    elif ruled:
        score = noisy_or([0.45, 0.45 if len(weak) == 1 else 0.55])
    if learned:
        # The model's view of the whole text: just over the line at its threshold.
        span = max(1e-6, 1.0 - model.threshold)
        score = max(score, 0.55 + 0.4 * (probability - model.threshold) / span)
    found = danger + weak + pressing
    now = best_per_reason(hits(folded, NOW))
    if ruled:
        score = noisy_or([score, *[h.cue.weight for h in now[:2]]])
    against = best_per_reason(hits(folded, AGAINST))
    still = bool(STILL.search(text))
    for hit in against:
        if hit.cue.reason == "idiom":
            score *= 0.25
        elif not still:
            score *= 0.35
    if _MISSING_ANIMAL.search(text):
        score *= 0.3
    out = evidence("urgent", folded, found + now + against)
    if learned:
        out.append(Evidence("urgent", "model", detail=f"{probability:.2f}: "
                            + ", ".join(model.reasons(text))))
    return Finding(round(min(score, 1.0), 3), out)
