"""Spam and scams: money offers, fake prizes, phishing for the page's login, advertising, chain
messages and election campaigning in comments."""

from ratusz.triage.analysis.base import Finding
from ratusz.triage.analysis.lexicon import best_per_reason, cues, evidence, hits, noisy_or
from ratusz.triage.analysis.normalize import Folded

SPAM = [
    *cues("money offer", 0.7, r"\bpozyczk\w*", r"\bkredyt\w* (bez|od reki|dla kazdego|online)",
          r"\bchwilowk", r"\bbez bik", r"\bbez zaswiadczen o dochod", r"\bzarob\w* (nawet |do |od "
          r")?\d", r"\bzarabiaj\w*", r"\bkryptowalut", r"\bbitcoin", r"\bforex", r"\bkrypto\b",
          r"\bpasywn\w* dochod", r"\bpraca (w|z) domu", r"\bdorabiaj", r"\bdorobic (nawet|do)",
          r"\binwestuj\w*", r"\binwestycj\w* (od|juz od|z gwarancj)", r"\bgwarantowan\w* zysk",
          r"\bzysk\w* (nawet |do )?\d", r"\b\d[\d ]* ?(zl|pln|euro|usd|\$) (dziennie|tygodniowo|"
          r"miesiecznie|na dzien|na tydzien)", r"\bbez wychodzenia z domu", r"\bmilioner"),
    *cues("giveaway", 0.75, r"\brozdajemy", r"\bpolub\w*,? udostepni\w*", r"\bskomentuj\w* ",
          r"\bloteri", r"\boplat\w* manipulacyjn", r"\bwygral\w* (pan|pani)\b"),
    *cues("fake prize", 0.75, r"\bwygral\w* (nagrod|iphone|samochod|bon|voucher|\d)",
          r"\bzostal\w* (wylosowan|wybran)", r"\bodbierz (swoja |swoj )?(nagrod|prezent|bon|"
          r"voucher)", r"\bnagrod\w* (czeka|do odebrania)", r"\bdarmow\w* (iphone|telefon|bon|"
          r"voucher|karta)", r"\bgratulacje[!,. ]+(wygral|zostal)", r"\bkliknij (w )?(link|"
          r"tutaj|ponizej)", r"\bbon o wartosci", r"\bvoucher\w*", r"\bgiveaway"),
    *cues("phishing", 0.85, r"\b(strona|stron[ey]|konto|konta|profil|fanpage|page)\w* (\w+ )?"
          r"(zostanie|zostal\w*|bedzie|moze zostac) (trwale )?(zablokowan|usunie|wylaczon|"
          r"zawieszon|dezaktywowan)", r"\bzweryfikuj", r"\bweryfikacj\w* (konta|strony|profilu)",
          r"\bnaruszeni\w* (zasad|standard|praw autorskich|regulaminu)", r"\bmeta (support|"
          r"business|team|pro)", r"\bfacebook (support|team|security)", r"\bpage support",
          r"\bcommunity standards", r"\bcopyright", r"\bpotwierdz\w* (swoje |swoja )?"
          r"(dane|tozsamosc|konto)", r"\bpodaj\w* (login|haslo)", r"\blogin i haslo",
          r"\bodwolaj sie (tutaj|pod linkiem|klikajac)", r"\bw ciagu (24|48) godzin",
          r"\bverify", r"\bsuspended"),
    *cues("advertising", 0.55, r"\bpromocj\w* -?\d+ ?%", r"\brabat\w*", r"\bzamow (teraz|juz)",
          r"\bsprawdz (nasz|oferte|link|profil)", r"\boferujemy", r"\bnasza firma (oferuje|"
          r"zaprasza|swiadczy)", r"\bnajtaniej", r"\btanio\b", r"\bpozycjonowani", r"\bseo\b",
          r"\bsklep\w* (internetow|online)", r"\bkod rabatowy", r"\bwyprzedaz",
          r"\bnapisz (na )?priv", r"\bpisz (na )?priv", r"\bzapraszam (na|do) (moj|naszego|"
          r"sklepu|profilu|priv)", r"\bwiecej (informacji )?na (priv|moim profilu|stronie "
          r"www)", r"\bdarmowa wycena", r"\bkontakt (pod|na) (numer|nr|priv)",
          r"\bzaobserwuj", r"\bobserwuj (moj|nasz)", r"\bfollow", r"\bdm\b",
          r"\bcena (tylko|juz od)", r"\bsprzedam\b", r"\bkupie\b", r"\bgratis\b", r"\bnajtansz",
          r"\bmontaz w\b", r"\bbezplatn\w* (wycen|konsultac|audyt)"),
    *cues("service offer", 0.45, r"\bsklad\w* (opalu|wegla|budowlan)", r"\bceny (jak|od|juz)\b",
          r"\bskup\b", r"\buslug\w* (koparka|minikoparka|remontow|"
          r"budowlan|transportow|sprzatani|ogrodnicz|hydraulicz|elektryczn)", r"\btarot",
          r"\bwrozb", r"\bzdejmowani\w* urok", r"\bpowrot\w* milosc", r"\bsprawdz,? czy sie "
          r"kwalifikuj", r"\bdofinansowani\w* (nawet |do )?\d+ ?%", r"\bnawet \d+ ?% "),
    *cues("contact", 0.45, r"\bzapraszamy\W*$", r"\bdowoz gratis",
          r"\bpisz (w wiadomosci|na priv|prywatnie|pw)", r"\bcena do "
          r"negocjacji", r"\bdojazd gratis", r"\btanio i solidnie", r"\bcala gmina i okolice",
          r"\bskutecznosc \d+", r"\bkliknij\b"),
    *cues("price", 0.4, r"\b(od|juz od|tylko|za) \d+ ?(zl|pln|euro)", r"\b\d+ ?%",
          r"\bzadzwon\w*:? \+?\d", r"\btel\.? ?\+?\d"),
    *cues("link", 0.35, r"\bwww\.\w+", r"https?://\S+", r"\bbit\.ly"),
    *cues("scam", 0.75, r"\bclick\b", r"\bdeletion\b", r"\binfringement", r"\bconfirm "
          r"(your |the )?(ownership|account|identity)", r"\bdear\b", r"\bmillion", r"\btransfer\b",
          r"\bbeneficiar", r"\binheritance", r"\bspadek po\b", r"\bwestern union"),
    *cues("hoax", 0.7, r"\budostepnij (ten|ta|to|te) (post|wiadomosc|wpis)", r"\bskopiuj i wklej",
          r"\bnie wyrazam zgody", r"\bprzeslij (te|ta|to) (wiadomosc )?do \d+",
          r"\b(messenger|facebook|whatsapp) (bedzie|zmienia|zostanie) (platny|zasady|platn)",
          r"\blat pecha", r"\bspotka cie szczescie"),
    *cues("chain message", 0.6, r"\bprzekaz (te |ta |to )?(\w+ )?\d+ osob",
          r"\bprzeslij (dalej|to|do \d+)", r"\budostepnij (to |dalej |"
          r"do )?\d*\s*(osob|znajom)", r"\bjesli nie (udostepnisz|przeslesz)", r"\blancusz",
          r"\bprzekaz dalej"),
    *cues("campaigning", 0.7, r"\bglosuj\w* na\b", r"\boddaj\w* (swoj )?glos na\b",
          r"\b(nr|numer) \d+ na liscie", r"\bzaglosuj\w*", r"\bnasz kandydat",
          r"\bkomitet\w* wyborcz", r"\bkww\b", r"\bwybierz (mnie|nas|\w+ na (wojta|burmistrza|"
          r"radn))", r"\bpostaw (krzyzyk|x) (przy|na)", r"\bglos na (\w+ ){0,2}to glos",
          r"\bkandyduj\w* (na|do) (wojta|burmistrza|rady|prezydenta|sejm|radn)",
          r"\bwesprzyj\w* (mnie|nas) w wyborach", r"\bstawia\w* krzyzyk",
          r"\blist\w* (nr|numer) ?\d+",
          r"\bpozycj\w* \d+ (\w+ ){0,4}(do rady|do sejmu|na wojta|na burmistrza)"),
]


def analyze(folded: Folded) -> Finding:
    found = best_per_reason(hits(folded, SPAM))
    if not found:
        return Finding()
    weights = [h.cue.weight for h in found]
    only_links = len(found) == 1 and found[0].cue.reason in ("advertising", "link")
    score = noisy_or(weights)
    if only_links:
        score *= 0.7  # one weak advertising cue (a link, a "rabat") is not enough on its own
    return Finding(round(score, 3), evidence("spam", folded, found))
