"""Requests with legal weight: public information (UDIP) and formal matters (KPA).

A request for public information needs no form and no mention of the act: "ile kosztował
festyn?" is one. It is recognised by a subject that is a public matter (spending, contracts,
tenders, salaries, resolutions, minutes, blocked accounts...) together with an ask (a question,
"proszę o", "wnoszę o", "udostępnienie", "kopia"). Questions about the writer's own case are not.

Formal matters are applications, complaints, proposals, appeals, objections and petitions.
Asking how to file one ("jak złożyć wniosek o dowód?") is a question, not the filing itself.
"""

from ratusz.triage.analysis.base import Evidence, Finding
from ratusz.triage.analysis.lexicon import (
    any_of,
    best_per_reason,
    cues,
    evidence,
    hits,
    noisy_or,
)
from ratusz.triage.analysis.normalize import Folded

UDIP_EXPLICIT = cues("public information", 0.9,
                     r"\binformacj\w* publiczn", r"\bdostep\w* do informacji",
                     r"\bu\.?d\.?i\.?p\b", r"\bdip\b(?= |$)", r"\bw trybie (ustawy|art|dostepu)",
                     r"\bart\.? ?(2|10|13) (ust\.? ?\d )?(ustawy|u\.?d)")
ASK = any_of(r"\?", r"\bwnosz\w*", r"\bwnosimy", r"\bprosz\w* o\b", r"\bprosimy o\b",
             r"\bprosze (podac|przeslac|udostepnic|wskazac|poinformowac|o)\b",
             r"\budostepni\w*", r"\bprzeslani\w*", r"\bprzeslac\b", r"\bkopi[ie]\b", r"\bskan\w*",
             r"\bzwracam sie", r"\bzwracamy sie", r"\bdomagam", r"\bzadam\b", r"\bzadamy",
             r"\bchcial\w* (bym|abym|em|am)? ?(sie )?(dowiedziec|otrzymac|zobaczyc|uzyskac|"
             r"poznac|wiedziec)", r"\bchce (wiedziec|zobaczyc|otrzymac|uzyskac|poznac)",
             r"\bpodajcie\b", r"\bpokazcie\b", r"\bopublikujcie\b", r"\bujawnijcie\b",
             r"\bczy (mozna|moge|mozemy) (otrzymac|uzyskac|zobaczyc|prosic)",
             r"\bgdzie (moge|mozna) (znalezc|zobaczyc|przeczytac)", r"\bjawn\w*",
             r"\bniech (wojt|burmistrz|urzad|gmina|ktos)\w* (poda|pokaze|ujawni|opublikuje)",
             r"\b(ile|jaki|jaka|jakie|kto|ktora|ktore|czy)\b")
# Public matters held by the office.
SUBJECT = [
    *cues("spending", 0.75,
          r"\bile (\w+ ){0,2}(kosztowal|kosztowala|kosztowalo|kosztowaly|wydano|"
          r"wydal|wydala|wydali|zaplacono|zaplacil|zaplacila|zaplacili|przeznaczono|przeznaczyl|"
          r"przeznaczyla|poszlo|wyniosl|wyniosla|wynioslo|bedzie kosztowac|kosztowac)",
          r"\bile (pieniedzy|kasy|srodkow|zlotych|zl)\b", r"\bkwot\w* (wydan|przeznaczon|umowy|"
          r"dotacji|kontraktu)", r"\b(koszt|koszty|kosztow) (festyn|imprez|remont|budow|inwestycj|"
          r"promocj|kampanii|wyjazd|delegacj|obslugi|prowadzenia)",
          r"\bkoszt\w* (\w+ ){0,2}(organizacji|festyn|imprez|dozynek|remont|budowy|inwestycj|"
          r"promocj|kampanii)", r"\bwydatk\w* (na|gminy|urzedu)",
          r"\bna co (poszly|wydano|gmina wydala)", r"\bw jakiej kwocie",
          r"\bile kosztuje (prowadzenie|utrzymanie|obsluga|funkcjonowanie|gmine|urzad|miasto)",
          r"\bwartosc (umowy|kontraktu|zamowienia|inwestycji)"),
    *cues("salaries", 0.75, r"\bile zarabia", r"\bile (dostaje|dostaja|bierze|biora|inkasuje)",
          r"\bdiet\w* (soltys|radn|przewodnicz)", r"\bile (\w+ )?diety",
          r"\bwynagrodzeni\w* (\w+ ){0,2}(wojta|burmistrza|prezydenta|"
          r"sekretarza|skarbnika|radnych|urzednikow|kierownik|dyrektor|prezesa|zastepcy|pracownik"
          r"|w urzedzie)", r"\b(pensj|pobory|premi|nagrod)\w* (wojta|burmistrza|prezydenta|"
          r"sekretarza|skarbnika|radnych|urzednikow|prezesa|zastepcy|dyrektor)",
          r"\bdiet\w* (radnych|radnego|soltys)", r"\b(premie|nagrody) (w urzedzie|dla urzednik)"),
    *cues("documents", 0.7,
          r"\b(kopi\w*|udostepni\w*|skan\w*|przesla\w*|opublikow\w*|wglad\w*|tresc\w*|zobaczyc|"
          r"pokaz\w*|ujawni\w*|zapozna\w*) (\w+ ){0,4}(umow|faktur|uchwal|protokol|zarzadzeni|"
          r"ekspertyz|opini\w* prawn|audyt|"
          r"sprawozdani|rejestr\w* umow|nagrani\w* (z )?sesji|dokumentacj\w* (przetarg|"
          r"inwestycj|projekt)|oferty? (zlozon|w przetarg)|kosztorys|analiz\w* (ruchu|koszt)|"
          r"wynik\w* kontroli|protokol\w* (z )?kontroli|raport\w* (z|o)|korespondencj\w* (z|"
          r"miedzy|urzedu|wojta|burmistrza)|rejestr\w* (skarg|wnioskow|petycji)|ewidencj\w* "
          r"(wydatk|umow))"),
    *cues("listing", 0.75, r"\b(prosze|prosimy|poprosze|poprosimy|wnosze|chce|chcialbym|"
          r"chcialabym|prosze podac|prosze o)\b.{0,30}\b(zestawieni|liste|wykaz|spis|kopi|skan|"
          r"kwot|dane o|dane dotyczace|informacj\w* o (wydatk|kosztach|umow|kwot|wynagrodz))",
          r"\bile (umow|zlecen|kontraktow|faktur)", r"\bwysokosc\w* (wyplacon|diet|wynagrodz|"
          r"premi|nagrod|dotacj)", r"\bjak\w* (dotacj|kwot|dofinansowani)\w* (dostal|otrzymal|"
          r"przyznan|dostala|otrzymala|wyplacon)", r"\bprosze podac (kwot|wysokosc|liczb)",
          r"\b(udostepni\w*|przeslani\w*|kopi\w*) (\w+ ){0,3}korespondencj"),
    *cues("document", 0.45, r"\b(umowy|umowa) (z|na|miedzy)\b", r"\buchwal\w* (rady|nr)",
          r"\bprotokol\w* (z|ze) (sesji|posiedzen|komisji)", r"\bnagrani\w* (z )?sesji"),
    *cues("tender", 0.6, r"\b(kto|jakie firmy|ile ofert|wynik\w*|rozstrzygn\w*|ofert\w*|"
          r"za ile|kwot\w*|cen\w*) .{0,40}\bprzetarg", r"\bprzetarg\w* .{0,40}\b(wygral|"
          r"rozstrzygn|ofert|kwot|cen[aey]|startowal|wykonawc)", r"\bzamowieni\w* publiczn"),
    *cues("contractor", 0.7, r"\bjakie firmy", r"\bkto (byl )?(wygral|dostal|realizuje|wykonuje|"
          r"buduje|wykonal|wykonawca)", r"\bwykonawc\w* (inwestycj|"
          r"remontu|budowy|umowy)", r"\bz jaka firma", r"\bktora firma"),
    *cues("page moderation", 0.75, r"\bile (kont|osob|uzytkownikow|mieszkancow|profili)\w* "
          r"(\w+ )?(zablokow|zbanow)", r"\b(zasad|regul|regulamin)\w* (blokowania|moderacji|"
          r"usuwania|moderowania)", r"\bkto (prowadzi|administruje|moderuje) (ten |te |ta )?"
          r"(profil|strone|fanpage)", r"\bliczb\w* (zablokowanych|zbanowanych)",
          r"\bilu (mieszkancow|osob|uzytkownikow|ludzi) (\w+ )?(zablokow|zbanow)",
          r"\bkto decyduje o (usuwaniu|ukrywaniu|blokowaniu)",
          r"\b(agencj|firma zewnetrzn)\w* czy", r"\bna jakiej podstawie "
          r"(kasujecie|usuwacie|blokujecie|ukrywacie)"),
    *cues("statistics", 0.55, r"\bile (osob|mieszkancow|dzieci|uczniow|wnioskow|decyzji|"
          r"pozwolen|etatow|urzednikow|pracownikow|interwencji|mandatow|skarg)\b(?! (moze|"
          r"musi|trzeba))", r"\bliczb\w* (zatrudnionych|wydanych|etatow|pracownikow|urzednikow|"
          r"mandatow|interwencji|zlozonych wnioskow)",
          r"\bstan zatrudnienia", r"\bzatrudni\w* (w urzedzie|w gminie)"),
    *cues("public subject", 0.45, r"\bbudzet\w*", r"\bdotacj\w* (dla|na|z)",
          r"\bsrodk\w* (publiczn|unijn|z budzetu)", r"\bpieniadz\w* publiczn",
          r"\bpieniedzy (gminy|publicznych|podatnikow)", r"\bpodatnikow"),
]
OWN_CASE = any_of(r"\bmo(j|ja|je|jego|jej|jemu|im|ich)\b (\w+ )?(podat|wniosek|wniosku|decyzj|"
                  r"sprawa|sprawy|sprawie|zasilek|zasilku|swiadczen|rat|dowod|paszport|zgloszeni|"
                  r"oplat|deklaracj|rachun|zaswiadcz)", r"\bnasz\w* (wniosek|wniosku|sprawie)",
                  r"\bkiedy (bedzie )?(odbior|wywoz)", r"\bgodzin\w* (otwarcia|pracy)",
                  r"\bdo ktorej (czynny|otwarte|pracuje)", r"\bile (mam|musze|trzeba|bede) "
                  r"(zaplacic|placic|czekac)", r"\bile (kosztuje|wynosi|kosztowac bedzie) "
                  r"(wydanie|wymiana|odpis|oplata|dowod|paszport|zaswiadczen|slub|wywoz|worek|"
                  r"bilet|karta|abonament|miejsce)", r"\bile kosztuje (nas|mnie) ",
                  r"\bgdzie (w bip\S*|na stronie|w biuletynie)", r"\bgdzie (znajde|moge znalezc|"
                  r"szukac)", r"\bciekawe (ile|kto|jak|czy)", r"\bczy (ona|ta uchwala|to) (juz )?"
                  r"(weszl|obowiazuj)",
                  r"\bnie moge (sie )?(znalezc|doszukac)",
                  r"\b(zgubil\w*|korekt\w*|zmian\w* danych na) (\w+ )?faktur")

FORMAL = [
    *cues("complaint", 0.8, r"\bskarg\w*", r"\bskarz\w* (na|sie na)", r"\bzloz\w* skarg",
          r"\bzaskarz"),
    *cues("appeal", 0.8, r"\bodwolani\w*(?! (wojta|burmistrza|prezydenta|radn|sesji|imprez|"
          r"koncert|festyn|kursu|zajec|lekcji|spotkan))", r"\bodwoluj\w* sie",
          r"\bodwolac sie\b", r"\bodwolam sie\b", r"\bodwolal\w* sie"),
    *cues("notice", 0.7, r"\bzglaszam (zamiar|zakonczenie|rozpoczecie|wycink|usuniecie)",
          r"\bnadani\w* numeru", r"\bzawiadomieni\w* o (zakonczeniu|zamiarze|rozpoczeciu)"),
    *cues("correction", 0.6, r"\bkorekt\w* (deklaracj|decyzj)", r"\breklamacj\w*"),
    *cues("certificate", 0.7, r"\bprosz\w* o (wydanie |wystawienie )?(zaswiadczeni|decyzj|odpis|"
          r"wypis|zezwoleni|pozwoleni|umorzeni|rozlozeni)"),
    *cues("objection", 0.75, r"\bsprzeciw\w*", r"\bzazaleni\w*", r"\bwnosz\w* protest",
          r"\bzastrzezeni\w* do (decyzji|projektu|planu|wyniku)", r"\buwag\w* do (projektu|"
          r"planu|mpzp|studium)"),
    *cues("petition", 0.8, r"\bpetycj\w*"),
    *cues("application", 0.7,
          r"\bwnios(ek|ku|kiem|ki)\b (o|w sprawie|do)\b(?! (udostepnien|informacj|dostep))",
          r"\bpodani\w*\b(?! (do publicznej|przyczyn|danych|informacj|nazwisk|numer))",
          r"\bwnosz\w* o (?!udostepnien|informacj|przeslani|kopi|dostep)",
          r"\bwydani\w* (decyzji|zaswiadczeni|pozwoleni|warunkow|zezwoleni|wypisu|wyrysu|"
          r"zgody|opinii)", r"\bdecyzj\w* (o|w sprawie) (warunk|umorzen|zwrot|pozwolen|rozloz|"
          r"przyznan|odmow|ustaleni|lokalizac|srodowisk|wycink|podzial)",
          r"\bumorzeni\w* (podatku|zaleglosci|odsetek|naleznosci|oplaty)",
          r"\brozlozeni\w* (na raty|zaleglosci|platnosci)", r"\bzaswiadczeni\w* o\b",
          r"\bpozwoleni\w* na (budowe|wycink|rozbiork)", r"\bwarunk\w* zabudowy",
          r"\bzezwoleni\w* na"),
]
ANNOUNCES = any_of(r"\b(chce|chcial\w*|chcemy|pragne|pragniemy|zamierzam\w*) (\w+ )?(zlozyc|"
                   r"zglosic|zaskarzyc|wniesc|sie odwolac|zlozyc|zgloszenie|zaskarzenie)",
                   r"\bzglaszam (sprzeciw|zastrzez|uwag|protest)",
                   r"\bskladam", r"\bskladamy", r"\bwnosz", r"\bwnosimy", r"\bniniejszym",
                   r"\bzloz(e|ymy)\b", r"\bprzesylam", r"\bpisze (skarg|wniosek|odwolan|petycj|"
                   r"sprzeciw|zazaleni)",
                   r"\bw zalaczeniu", r"\bzalaczam", r"\bprosze o (wydanie|umorzenie|rozlozenie|"
                   r"rozpatrzenie|przyjecie|uwzglednienie|zmiane)", r"\bodwoluj", r"\bodwolam",
                   r"\bskarze\b", r"\bsprzeciwiam", r"\bdomagam", r"\bzadam", r"\bzadamy",
                   r"\bbede (skladac|pisac)", r"\bw imieniu", r"\bbede sie odwol",
                   r"\bjako strona")
HOW_TO = any_of(r"\b(jak|gdzie|czy|kiedy|w jaki sposob|jakie dokumenty|co potrzeb\w*|"
                r"ile (kosztuje|czeka))\b[^.?!]{0,60}\b(zlozyc|zlozenie|zalatwic|zalatwia|"
                r"uzyskac|dostac|wyrobic|zlozyc|wypelnic|skladac|sklada|sie sklada|zglosic|"
                r"zaskarzyc)", r"\bjaki (formularz|wzor|druk)", r"\bgdzie (jest|znajde) (formularz"
                r"|wzor|druk)", r"\bczy (trzeba|musze|potrzeb)", r"\bczy (urzad|gmina) (wystawia|"
                r"wydaje|przyjmuje|prowadzi)", r"\bskad (moge |mozna )?(pobrac|wziac|dostac)",
                r"\bwystarczy\b", r"\bile trwa\b")
# Asking about a matter already filed is a question about its progress.
STATUS = any_of(r"\bmo(j|ja|jego|jej|im|je)\w* (wnios|skarg|odwolan|petycj|sprzeciw|"
                r"zazalen)", r"\b(we|do|przy) wniosku\b", r"\bwyslal\w* (\w+ )?(odwolani|skarg|"
                r"wniosek|sprzeciw)", r"\bskladal\w*", r"\btermin z wnioskiem",r"\brozpatrzon\w*",
                r"\brozpatrzyl\w*", r"\brozpatrywan", r"\bna jakim etapie",
                r"\bczekam\b", r"\bprzy (wniosku|skladaniu)", r"\bprzeszl[oa]\b",
                r"\bdziek\w* (\w+ )?za pomoc", r"\bzlozyl\w*", r"\bzlozone\b",
                r"\bco (sie dzieje|slychac) z",
                r"\b(zlozyl\w*|wyslal\w*) [^.?!]{0,60}\b(cisza|nic|bez odpowiedzi|do dzis)")


def public_information(folded: Folded) -> Finding:
    text = folded.text
    explicit = best_per_reason(hits(folded, UDIP_EXPLICIT))
    subject = best_per_reason(hits(folded, SUBJECT))
    if not explicit and not subject:
        return Finding()
    asked = ASK.search(text)
    weights = [h.cue.weight for h in explicit + subject]
    score = noisy_or(weights)
    if not asked:
        score *= 0.45
    if OWN_CASE.search(text) and not explicit:
        score *= 0.4
    found = explicit + subject
    extra = []
    if asked:
        start, end = folded.span(asked.start(), asked.end())
        extra.append(Evidence("public_information_request", "ask", start, end,
                              asked.group(0).strip()))
    return Finding(round(score, 3), evidence("public_information_request", folded, found) + extra)


_ASKS = any_of(r"\?", r"(^|[.!]\s*)(czy|jak|gdzie|kiedy|ile|do kogo|komu|co)\b",
               r"\bmoim zdaniem\b", r"\bktos powinien")


def formal_matter(folded: Folded) -> Finding:
    found = best_per_reason(hits(folded, FORMAL))
    if not found:
        return Finding()
    score = noisy_or(h.cue.weight for h in found)
    text = folded.text
    announces = ANNOUNCES.search(text)
    if not announces and (STATUS.search(text) or HOW_TO.search(text)):
        score *= 0.4  # the progress of a matter filed earlier, or how to file one
    elif not announces and _ASKS.search(text):
        score *= 0.55  # a question about a procedure, not the filing itself
    elif announces:
        score = noisy_or([score, 0.4])
    return Finding(round(score, 3), evidence("formal_matter", folded, found))


def vetoes(folded: Folded) -> set[str]:
    """Flags the rules deliberately keep down, which a stem model must not raise: asking
    how to file or how a filed matter is going is not a formal matter; asking about one's
    own case or where something is published is not a request for public information."""
    text = folded.text
    out = set()
    if not ANNOUNCES.search(text) and (STATUS.search(text) or HOW_TO.search(text)):
        out.add("formal_matter")
    if OWN_CASE.search(text) and not any(c.pattern.search(text) for c in UDIP_EXPLICIT):
        out.add("public_information_request")
    return out
