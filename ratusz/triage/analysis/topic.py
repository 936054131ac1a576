"""Topic for routing: keyword stems per topic, the strongest total wins; "other" when none.

Each office maps topics to its departments (`triage.TopicRoute`), so the same text can reach
"Referat Gospodarki Komunalnej" in one gmina and "Wydział Ochrony Środowiska" in another.
"""

import re

from ratusz.triage.analysis.base import Evidence
from ratusz.triage.analysis.normalize import Folded

_STEMS = {
    "waste": (3, r"smieci|smiec\w*|odpad|wywoz\w* (smieci|odpad)|odbior\w* (smieci|odpad|"
              r"bio|plastik|szkla|papier|gabaryt|popiol|zmieszan)|kontener|pojemnik|kubl|kubel"
              r"|work\w* na (smieci|odpad)|segregac|pszok|gabaryt|popiol|smieciark|"
              r"harmonogram\w* (odbioru|wywozu)|bio(odpad)?\b|zmieszan|deklaracj\w* smieciow|"
              r"oplat\w* (za|smieciow) (smieci|odpad)|elektrosmiec|szkl[oa]\b|work(i|ow|ach)\b|"
              r"plastik|makulatur|papier\b|smietnik|kosz(e|y)? na smieci"),
    "taxes": (3, r"podat\w*|\brat[aey]\b|\braty\b|nieruchomosc\w*|deklaracj\w* (na )?podat|"
              r"umorzen|zaleglosc|odsetk|nakaz\w* platnicz|skarbnik|nr konta|numer (konta|"
              r"rachunku)|wplat|oplat\w* (lokaln|targow|miejscow|skarbow)|akcyz|upomnieni|"
              r"egzekucj"),
    "roads": (3, r"drog[aiey]?\b|drogow|ulic[aey]|ulicy|chodnik|dziur\w*|jezdni|asfalt|lamp\w*"
              r"|oswietl|latarn|odsniez|plug\w*|posyp\w*|solark|remont\w* (drogi|ulicy|chodnika"
              r"|mostu)|przejsci\w* dla pieszych|prog\w* zwalniaj|kraweznik|\bmost\w*|wiadukt|"
              r"rondo|ronda|parking|znak\w* drogow|skrzyzowan|pobocz|koleiny|nawierzchni|"
              r"sciezk\w* rowerow|swiatl\w* (na skrzyzowaniu|uliczn)|gololedz|objazd"),
    "water": (3, r"\bwod[aeyz]\b|wodz\w*|wodociag|kanaliz|scieki|sciek\w*|szambo|szamba|"
              r"oczyszczaln|hydrant|wodomierz|cisnieni\w* wody|awari\w* (wody|wodociag|"
              r"kanaliz)|deszczow|studni|przylacz|rur\w*|zbiornik bezodplyw|brak wody"),
    "transport": (3, r"autobus|\bbus\w*|przystan|rozklad\w* jazdy|\bkurs\w*|\blini[aie] (nr )?"
                  r"\d|pkp|pociag|komunikacj\w* (miejsk|publiczn|gminn)|bilet|mpk|dojazd|"
                  r"przewoz|gimbus|rower\w* miejsk|kolej|tramwaj|\bpks\b|dowoz\w* (do pracy|"
                  r"autobus)"),
    "education": (3, r"szkol|przedszkol|zlob\w*|nauczyciel|uczni|uczen|rekrutacj|dyrektor\w* "
                  r"szkoly|lekcj|swietlic|stolowk|dowoz\w* (dzieci|uczniow)|klas[aey]|"
                  r"egzamin|wyprawk|podrecznik|oddzial przedszkoln|obiad\w* w szkole"),
    "social": (3, r"\bg?ops\b|\bmops\b|pomoc\w* spoleczn|zasil\w*|swiadczen|800 ?(plus|\+)|"
               r"500 ?(plus|\+)|dodat\w* (mieszkaniow|oslonow|weglow|energetyczn)|bezdomn|"
               r"senior|karta duzej|kdr\b|asystent\w* (rodziny|osobist)|"
               r"niepelnospraw|opiek\w*|dom\w* pomocy|stypendi|bon\w* (senior|cieplownicz)|"
               r"teleopiek|pomoc\w* (dla|finansow|rzeczow)|ubostw|pieluch|pomocy sasiedzkiej|"
               r"uchodzc|dializ|szpital|rehabilitac|paczk\w* (na swieta|zywnosciow)|bank\w* "
               r"zywnosci|emeryt|renci"),
    "registry": (3, r"\busc\b|urzad\w* stanu cywilnego|akt\w* (urodzenia|malzenstwa|zgonu)|"
                 r"\bslub\w*|dowod\w* osobist|dowod\w*\b|meldun|zameldow|wymeldow|paszport|"
                 r"odpis\w*|ewidencj\w* ludnosci|meldowan|zgon|rejestracj\w* (dziecka|"
                 r"urodzenia)|obywatelstw|nazwisk|profil zaufany|e-?dowod"),
    "permits": (3, r"pozwoleni\w* na budow|warunk\w* zabudowy|\bwz\b|miejscow\w* plan|mpzp|"
                r"plan\w* zagospodarowania|studium|dzialk|podzial\w* (dzialki|nieruchom)|"
                r"budow\w* domu|architekt|geodez|zgloszeni\w* (budowy|robot)|nadzor\w* "
                r"budowlan|\bpinb\b|rozbudow|przebudow|ogrodzeni|wypis\w* (i )?wyrys|"
                r"zjazd\w*|adresow\w* (nieruchom|numer)|numer\w* porzadkow|pozwoleni|wiat[aey]\b|"
                r"garaz|od (mojej |naszej )?granicy|samowol\w* budowlan|budynek gospodarcz"),
    "environment": (3, r"drzew|wycink|zielen|\bpark\w*|smog|powietrz|piec\w*|kopciuch|"
                    r"spalani|dzik\w* wysypisk|zwierz|\bpsy\b|\bpies\w*|\bpsa\b|\bkot\w*|"
                    r"bezpansk|schronisk|\bdzik\w*|\blas\w*\b|lesie|rzek|halas|azbest|ekolog|"
                    r"fotowolt|klimat|trawnik|nasadzen|kwiat|ekogroszek|opal\b|wegl[aeu]\b|"
                    r"skwer|kosz\w* (trawy|trawnik)|czyste powietrze|"
                    r"wymian\w* piec|chwast|ptak|gniazd|bobr|komar|kleszcz|ochron\w* srodowiska"),
    "events": (3, r"festyn|koncert|dni (gminy|miasta)|dozynk|impreza|imprez\w*|wydarzeni|"
               r"jarmark|kino|bibliotek|\bgok\b|osrod\w* kultury|zawody|turniej|wystaw|spektakl|"
               r"sylwest|wigili|kiermasz|piknik|bieg\w* (uliczn|charytat)|warsztat|"
               r"animacj|karnawal|parad|orkiestr|wosp|przedstawieni|bilety na"),
    "safety": (3, r"straz\w*|policj|pozar|powodz|wypadek|wypadku|bezpieczen|monitoring|kamer|"
               r"wandal|kradziez|dzielnicow|alarm|syren|zagrozeni|\bgaz\w*|czad|brak pradu|"
               r"\bprad\w*|ostrzezeni|burz\w*|wichur|huragan|zagin\w*|samobojstw|ratunk|112|"
               r"pogotowi|karetk|zerwan\w* (linia|przewod)|iskrz|ewakuac|podtop|zalewa|"
               r"agresywn|rann\w*|napad|pijan|libacj|dym\w*|plon|zarzadzani\w* kryzysow|"
               r"przewrocon\w* drzew|drzewo (lezy|spadl|przewrocil)"),
    "public_information": (3, r"informacj\w* publiczn|\bbip\b|uchwal|protokol|nagrani\w* "
                           r"(z )?sesji|przetarg|umow[aey]?\b|umow\w*|budzet|wydatk|"
                           r"wynagrodzen|rejestr\w* umow|zarzadzeni|ile (kosztowal|"
                           r"wydano|zarabia|zaplacono)|faktur|dotacj|zablokowan\w* (kont|osob|"
                           r"mieszkanc)|jawnosc|transparentn"),
    "politics": (3, r"wojt|burmistrz|prezydent\w* (miasta|gminy)|\bradn\w*|rad[ayz]i? "
                 r"(gminy|miasta|miejsk|powiatu)|wybor|kampani|kandydat|partia|partii|\bpis\b|"
                 r"\bpo\b(?= i | vs| czy)|koalicj|opozycj|kadencj|referendum|dymisj|sesj\w* rady|"
                 r"starost|marszal|soltys|polityk|glosowani|mandat\w* radn|komitet\w* wyborcz|"
                 r"wladz[aey]|glosuj|list[aey] (nr|numer)|fundusz\w* solecki|sesj\w*|rada\b|"
                 r"radzie\b|"
                 r"rady\b"),
}
_PATTERNS = {topic: (weight, re.compile(rf"\b(?:{stems})")) for topic, (weight, stems)
             in _STEMS.items()}
# When two topics tie, the more specific one wins (roads over safety for "drzewo na drodze"
# goes to safety only if the danger words outweigh it).
_ORDER = list(_STEMS)


def analyze(folded: Folded) -> tuple[str, list[Evidence]]:
    best, best_score, best_hits = "other", 0, []
    for topic in _ORDER:
        weight, pattern = _PATTERNS[topic]
        matches = list(pattern.finditer(folded.text))
        if not matches:
            continue
        distinct = {m.group(0) for m in matches}
        score = weight * len(distinct) + len(matches)
        if score > best_score:
            best, best_score, best_hits = topic, score, matches
    evidence = []
    for match in best_hits[:3]:
        start, end = folded.span(match.start(), match.end())
        evidence.append(Evidence("topic", best, start, end, match.group(0)))
    return best, evidence
