"""A believable past month of the demo office: posts, residents' comments and messages, the
office's answers, statutory deadlines and moderation, so the dashboard and the monthly report
have something to show on the day the demo is loaded.

Everything is written straight to the database (nothing goes through the outbox, so nothing is
sent to the sandbox), dated inside the month in the office's time zone, and drawn from a random
generator seeded with the month: the same month always gives the same history. Platform ids
start with "hist-" so they never clash with the sandbox world's. Identifiers in residents' texts
(the two comments the personal-data detector hid) have wrong check digits: they look like a
PESEL or an account number to a reader, but are no one's.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import translation

from ratusz.channels.models import Channel
from ratusz.inbox.clock import ack_text
from ratusz.inbox.models import Conversation, Deadline, Message, Resident
from ratusz.inbox.models import Post as InboxPost
from ratusz.lib.workcal import RULES, legal_end
from ratusz.moderation import statement
from ratusz.moderation.models import Appeal, ModerationAct, Regulamin, ReviewItem, new_reference
from ratusz.offices.calendar import calendar_for
from ratusz.offices.models import Office
from ratusz.publishing.bip import links_to_bip
from ratusz.publishing.checks import invites_input
from ratusz.publishing.models import BipEntry, Post, Target, Task
from ratusz.triage.analysis import FLAGS
from ratusz.triage.models import Analysis

VERSION = "demo-history"
PREFIX = "hist-"
IN, OUT = Message.Direction.IN, Message.Direction.OUT
COMMENT, MESSAGE = Message.Kind.COMMENT, Message.Kind.MESSAGE
DESK, AUTOMATIC, PLATFORM = Message.Origin.DESK, Message.Origin.AUTOMATIC, Message.Origin.PLATFORM
Act = ModerationAct.Kind
QUESTION_FLAGS = {"question", "public_information_request", "formal_matter", "urgent"}
# Short names of triage flags in the tables below.
SHORT = {"q": "question", "neg": "negative", "formal": "formal_matter",
         "udip": "public_information_request"}
# Who answers what (usernames of the demo's staff), and the department a topic goes to.
ANSWERERS = {"waste": ["odpady", "odpady", "redaktor"], "taxes": ["podatki", "podatki", "redaktor"],
             "public_information": ["sekretarz"]}
ROUTES = {"waste": "odpady", "taxes": "podatki", "roads": "drogi", "registry": "usc",
          "social": "gops", "safety": "kryzys"}
UNANSWERED_SHARE = 0.08

# -- who writes ------------------------------------------------------------------------------

FACEBOOK_NAMES = [
    "Marta Zając", "Krzysztof Wróbel", "Ewa Dudek", "Paweł Mazurek", "Joanna Krawiec",
    "Tomasz Pawłowski", "Agnieszka Sikora", "Marek Baran", "Magdalena Michalak",
    "Grzegorz Szewczyk", "Beata Ostrowska", "Jan Tomaszewski", "Dorota Pietrzyk",
    "Andrzej Jabłoński", "Monika Wieczorek", "Robert Król", "Alicja Nowakowska",
    "Renata Olszewska", "Łukasz Jaworski", "Iwona Malinowska", "Halina Witkowska",
    "Michał Walczak", "Teresa Rutkowska", "Bartosz Sobczak", "Elżbieta Sadowska",
    "Wiesław Borkowski",
]
# The people moderation deals with (Facebook).
OFFENDER, FLOODER, SPAMMER, APPELLANT = ("Zbigniew Górski", "Jerzy Kalinowski", "Oferta Dnia",
                                         "Ryszard Kubiak")
INSTAGRAM_NAMES = [
    "ania_z_dabrowki", "kuba.biega", "monika.w.ogrodzie", "przykladowo_foto", "ola_i_psy",
    "marcin.rowerem", "zuza.czyta", "kasia.k_92", "tata_trojki", "piotrek_zalesie",
]

STREETS = ["Lipowa", "Klonowa", "Polna", "Leśna", "Szkolna", "Kościelna", "Ogrodowa",
           "Słoneczna", "Krótka", "Długa", "Kwiatowa", "Parkowa", "Łąkowa", "Brzozowa",
           "Sosnowa", "Młyńska", "Strażacka"]
# Sołectwa: nominative, genitive, locative.
VILLAGES = [("Dąbrówka", "Dąbrówki", "Dąbrówce"), ("Nadrzecze", "Nadrzecza", "Nadrzeczu"),
            ("Zalesie", "Zalesia", "Zalesiu"), ("Wólka", "Wólki", "Wólce"),
            ("Kolonia Przykładowo", "Kolonii Przykładowo", "Kolonii Przykładowo")]
INSTAGRAM_WOMEN = {"ania_z_dabrowki", "monika.w.ogrodzie", "ola_i_psy", "zuza.czyta",
                   "kasia.k_92"}
GENDERED = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")

# -- what the office published ----------------------------------------------------------------
# key, platform, type, BIP entry guid (or None), theme of the comments, where in the month (a
# fraction of its working days), how many comment threads, accessibility override, text.
POSTS = [
    ("roads", "facebook", "notice", "bip-przykladowo-1265", "roads_winter", 0.04, 12, None,
     "Komunikat w sprawie zimowego utrzymania dróg gminnych w nadchodzącym sezonie. Drogi "
     "odśnieża i posypuje wykonawca wybrany w przetargu: najpierw drogi do szkół, przychodni i "
     "przystanków, potem pozostałe. Lista dróg w kolejności odśnieżania i telefon dyżurnego są "
     "w BIP: {link}"),
    ("seniors", "instagram", "event", None, "seniors", 0.08, 6, "done",
     "Dzień Seniora w Gminnym Ośrodku Kultury! Koncert, kawa i ciasto, a dla chętnych "
     "bezpłatne pomiary ciśnienia. Wstęp wolny. Kto z Was przyjdzie? 🎶 #DzieńSeniora "
     "#Przykładowo"),
    ("cleanair", "facebook", "information", None, "cleanair", 0.12, 9, None,
     "Punkt konsultacyjny programu Czyste Powietrze w urzędzie (pokój nr 8) pomoże wypełnić "
     "wniosek o dotację na wymianę pieca, pompę ciepła albo ocieplenie domu. Dyżury w każdy "
     "poniedziałek w godz. 12:00–16:00. Macie pytania o program? Piszcie w komentarzach."),
    ("budget", "facebook", "information", "bip-przykladowo-1255", "budget", 0.18, 11, None,
     "Budżet obywatelski na przyszły rok: zgłoś swój pomysł! Czekamy na projekty za nawet "
     "100 tys. zł – plac zabaw, siłownia plenerowa, ławki, zieleń. Formularz i zasady: {link} "
     "Jaki projekt przydałby się w Twojej okolicy? Napisz w komentarzu."),
    ("waste", "facebook", "notice", "bip-przykladowo-1272", "waste", 0.22, 14, None,
     "Harmonogram odbioru odpadów komunalnych na przyszły rok jest już w BIP. Sprawdź dni "
     "odbioru dla swojej ulicy lub sołectwa: {link} Papierowy harmonogram dostarczymy razem z "
     "workami do segregacji."),
    ("session", "facebook", "event", None, "session", 0.28, 9, None,
     "Zapraszamy na sesję Rady Gminy Przykładowo w najbliższy czwartek o godz. 10:00 w sali "
     "konferencyjnej urzędu. Obrady będą transmitowane na żywo, a nagranie opublikujemy w BIP: "
     "https://bip.przykladowo.example.pl/rada Macie pytania o sesję? Napiszcie w komentarzu."),
    ("sorting", "instagram", "information", None, "sorting", 0.32, 7, None,
     "Segregacja bez tajemnic ♻️ Kartony po mleku – do żółtego, popiół – do zmieszanych, szkło "
     "bez nakrętek – do zielonego. Macie pytania o segregację? Zadajcie je w komentarzu! "
     "#segregacja #Przykładowo"),
    ("taxes", "facebook", "information", None, "taxes", 0.38, 12, "open",
     "Przypominamy: {rate} mija termin płatności raty podatku od nieruchomości, rolnego i "
     "leśnego. Podatek zapłacisz przelewem na rachunek podany w decyzji albo w kasie urzędu "
     "(także kartą i BLIKIEM). Szczegóły: https://bip.przykladowo.example.pl/podatki Masz "
     "pytanie? Zadaj je w komentarzu."),
    ("environment", "facebook", "notice", "bip-przykladowo-1249", "environment", 0.42, 5, None,
     "Obwieszczenie o wszczęciu postępowania w sprawie wydania decyzji o środowiskowych "
     "uwarunkowaniach (RI.6220.7.2026). Z dokumentacją można się zapoznać w urzędzie, pokój "
     "nr 14. Pełna treść: {link}"),
    ("water", "facebook", "notice", None, "water", 0.48, 16, None,
     "Komunikat GZGK: jutro w godz. 8:00–14:00 nie będzie wody na ul. Polnej i ul. Łąkowej w "
     "Przykładowie z powodu wymiany zasuw na sieci wodociągowej. Beczkowóz z wodą pitną stanie "
     "przy skrzyżowaniu obu ulic. Za utrudnienia przepraszamy."),
    ("roadworks", "facebook", "information", None, "roadworks", 0.52, 9, None,
     "Remont ul. Szkolnej: do odwołania ruch odbywa się wahadłowo, a przystanek przy szkole "
     "jest przeniesiony o 100 m, na ul. Kościelną. Przebudowa obejmuje jezdnię, chodnik i "
     "oświetlenie. Prosimy o ostrożność."),
    ("job", "facebook", "notice", "bip-przykladowo-1259", "job", 0.58, 5, None,
     "Ogłoszenie o naborze na wolne stanowisko urzędnicze: podinspektor ds. inwestycji i "
     "funduszy zewnętrznych w Referacie Dróg i Inwestycji. Wymagania i termin składania "
     "dokumentów: {link}"),
    ("consultation", "facebook", "consultation", "bip-przykladowo-1240", "consultation", 0.62,
     6, None,
     "Konsultacje społeczne projektu Programu współpracy Gminy z organizacjami pozarządowymi "
     "na przyszły rok. Formularz konsultacyjny i termin: {link} Zapraszamy organizacje, kluby "
     "sportowe i koła gospodyń wiejskich: co Waszym zdaniem powinno się znaleźć w programie?"),
    ("run", "instagram", "event", None, "run", 0.68, 5, None,
     "Bieg Gminny w Przykładowie – zapisy otwarte! Trasy dla dzieci (400 m i 1 km) i dorosłych "
     "(5 km). Zapisy w GOK i na https://przykladowo.example.pl/bieg 🏃 #bieg #Przykładowo"),
    ("plan", "facebook", "notice", "bip-przykladowo-1244", "plan", 0.75, 6, None,
     "Obwieszczenie Wójta Gminy Przykładowo o przystąpieniu do sporządzenia planu ogólnego "
     "gminy. Wnioski do planu można składać w terminie i w sposób opisany w obwieszczeniu: "
     "{link}"),
    ("photos", "instagram", "promotion", None, "photos", 0.82, 5, None,
     "Przykładowo z lotu ptaka – zdjęcia laureatów konkursu fotograficznego GOK. Które miejsce "
     "w gminie lubicie najbardziej? 📸 #Przykładowo"),
]
OVERRIDES = {
    "done": ("a11y.alt_short", "Plakat przygotował GOK w ostatniej chwili; opis programu w "
             "wersji tekstowej opublikujemy na stronie gminy w ciągu tygodnia."),
    "open": ("a11y.alt_short", "Infografika z terminami rat; pełny opis tekstowy opublikujemy "
             "na stronie gminy razem z kalendarzem płatności."),
}
TAX_RATES = [(3, 15), (5, 15), (9, 15), (11, 15)]

# -- what residents write and what the office answers -------------------------------------------
# An intent: (flags, topic, resident's texts, the office's answers). Flags: q = question,
# neg = dissatisfied, formal = a formal matter, priv = answered privately. No answers: the office
# may leave it (praise, an opinion) or thank. {street} and {village} are filled in (with _loc,
# _gen and _acc for their cases), {female|male} forms by the resident's gender.

Intent = tuple[str, str, list[str], list[str]]

THANKS = ["Dziękuję za odpowiedź!", "Dzięki, wszystko jasne.", "Dziękuję, pozdrawiam.",
          "Ok, dziękuję 🙂", "Dziękuję bardzo za pomoc.", "Super, dzięki!"]
OFFICE_THANKS = ["Dziękujemy!", "Dziękujemy za dobre słowo!", "Dziękujemy, pozdrawiamy!"]

FORMAL_ANSWER = (
    "ta sprawa wymaga złożenia wniosku w urzędzie. Można to zrobić przez ePUAP "
    "(/UGPrzykladowo/SkrytkaESP), e-Doręczenia albo osobiście: ul. Rynek 1, w godzinach pracy "
    "urzędu. Wiadomość na Facebooku nie jest wnioskiem, ale chętnie podpowiemy, jaki formularz "
    "wybrać.")

THEMES: dict[str, list[Intent]] = {
    "roads_winter": [
        ("q neg", "roads", ["Czy ul. {street} też jest na liście odśnieżania? W zeszłym roku nikt "
                            "nie przyjechał."],
         ["ul. {street} jest odśnieżana w drugiej kolejności, po drogach do szkół i "
          "przystanków. Pełna lista dróg jest w komunikacie w BIP. Jeśli w tym sezonie coś "
          "zostanie pominięte, prosimy o zgłoszenie."]),
        ("q", "roads", ["Pod jaki numer dzwonić, jak droga nie będzie odśnieżona?",
                        "Gdzie zgłaszać nieodśnieżoną drogę w nocy?"],
         ["zgłoszenia w godzinach pracy urzędu przyjmuje Referat Dróg i Inwestycji: "
          "+48 12 345 67 00, a poza nimi dyżurny gminy: 600 100 200."]),
        ("q", "roads", ["Kto odśnieża chodniki przy drogach gminnych, gmina czy właściciele "
                        "posesji?"],
         ["chodniki bezpośrednio przy posesjach odśnieżają ich właściciele. Gmina odśnieża "
          "chodniki przy przystankach, szkołach i budynkach gminnych."]),
        ("q", "roads", ["Czy skrzyżowanie przy szkole będzie posypywane rano przed lekcjami? "
                        "Dzieci się tam przewracają."],
         ["tak, skrzyżowanie przy szkole jest w pierwszej kolejności posypywania. Przekazaliśmy "
          "wykonawcy prośbę, żeby było gotowe przed 7:30."]),
        ("q neg", "roads", ["Kiedy w końcu ktoś załata dziury na ul. {street_loc}? Zaraz przyjdzie "
                            "zima."],
         ["dziękujemy za zgłoszenie. Przekazaliśmy je do Referatu Dróg i Inwestycji; ubytki na "
          "ul. {street_loc} zostaną uzupełnione przed zimą."]),
        ("neg", "roads", ["Oby w tym roku było lepiej niż w zeszłym."],
         ["zrobimy wszystko, żeby tak było. Uwagi prosimy zgłaszać na bieżąco."]),
        ("", "roads", ["Dobrze, że informujecie z wyprzedzeniem."], []),
    ],
    "waste": [
        ("q", "waste", ["Kiedy jest odbiór bio na ul. {street_loc}?",
                        "W który dzień odbierają plastik na ul. {street_loc}?"],
         ["harmonogram odbioru dla ul. {street_loc} i wszystkich pozostałych ulic jest w BIP: "
          "https://bip.przykladowo.example.pl/odpady. Papierowy harmonogram dostarczymy też "
          "razem z workami."]),
        ("q", "waste", ["Czy harmonogram dla {village_gen} się zmienia?"],
         ["dla sołectwa {village} dni odbioru zostają bez zmian. Szczegóły są w harmonogramie "
          "w BIP."]),
        ("q", "waste", ["Gdzie mogę oddać stary telewizor i lodówkę?"],
         ["zużyty sprzęt elektroniczny można oddać bezpłatnie w PSZOK przy ul. Polnej (od "
          "wtorku do soboty). Raz w roku organizujemy też zbiórkę sprzed posesji."]),
        ("q", "waste", ["Kiedy będzie zbiórka gabarytów?", "Kiedy odbiór mebli sprzed domu?"],
         ["odpady wielkogabarytowe odbieramy sprzed posesji dwa razy w roku – terminy są w "
          "harmonogramie w BIP. Przez cały rok można je oddać w PSZOK przy ul. Polnej."]),
        ("q neg priv", "waste", ["U nas na ul. {street_loc} znowu nie zabrali plastików. Kto za to "
                                 "odpowiada?"],
         ["przepraszamy za kłopot. Przekazaliśmy zgłoszenie firmie odbierającej odpady; odbiór "
          "z ul. {street_loc} zostanie uzupełniony w ciągu dwóch dni roboczych."]),
        ("q", "waste", ["Czy worki na szkło można odebrać w urzędzie?"],
         ["tak, worki do segregacji wydajemy w urzędzie (parter, pokój nr 3) w godzinach pracy "
          "urzędu oraz w PSZOK."]),
        ("q", "waste", ["Czy opłata za śmieci wzrośnie od stycznia?"],
         ["stawkę opłaty ustala Rada Gminy w drodze uchwały. Jeśli projekt zmiany stawki trafi "
          "na sesję, opublikujemy go w BIP i poinformujemy o tym tutaj."]),
        ("neg", "waste", ["Odbiór co dwa tygodnie to latem za rzadko."],
         ["dziękujemy za uwagę. Częstotliwość odbioru określa uchwała Rady Gminy; przekażemy "
          "Państwa głos przy pracach nad nowym regulaminem."]),
        ("", "waste", ["Dziękujemy za przypomnienie!"], []),
    ],
    "plan": [
        ("q", "permits", ["Jak złożyć wniosek do planu ogólnego? Do kiedy można?"],
         ["wnioski można składać pisemnie w urzędzie, przez ePUAP albo e-mailem, w terminie "
          "podanym w obwieszczeniu w BIP. Formularz wniosku jest w tym samym miejscu."]),
        ("q", "permits", ["Czy plan ogólny oznacza, że moja działka rolna może stać się "
                          "budowlana?"],
         ["plan ogólny określi strefy i zasady zabudowy dla całej gminy. O przeznaczeniu "
          "konkretnej działki rozstrzygną jego ustalenia; jeśli ma {Pani|Pan} takie plany, warto "
          "złożyć wniosek."]),
        ("q", "permits", ["Czy będzie spotkanie informacyjne w sprawie planu?"],
         ["tak, spotkanie odbędzie się w sali konferencyjnej urzędu; termin podamy w osobnym "
          "wpisie i w BIP."]),
        ("q formal", "permits", ["Chcę złożyć wniosek o warunki zabudowy, czy mogę to zrobić "
                                 "tutaj w komentarzu?"], [FORMAL_ANSWER]),
        ("neg", "permits", ["Kolejne papiery, a ludzie i tak nie mają nic do powiedzenia."],
         ["wnioski mieszkańców są rozpatrywane przy sporządzaniu planu, a jego projekt zostanie "
          "wyłożony do publicznego wglądu. Zachęcamy do udziału."]),
    ],
    "environment": [
        ("q", "environment", ["Co to za inwestycja? Chodzi o tę fermę przy {village_loc}?"],
         ["postępowanie dotyczy budowy hali magazynowej przy drodze powiatowej, nie fermy. "
          "Dokumentacja jest do wglądu w urzędzie (pokój nr 14), a uwagi można składać w "
          "terminie podanym w obwieszczeniu."]),
        ("q", "environment", ["Gdzie można zobaczyć raport o oddziaływaniu na środowisko?"],
         ["dokumentację można przejrzeć w Referacie Dróg i Inwestycji (pokój nr 14) w "
          "godzinach pracy urzędu."]),
        ("q neg", "environment", ["Dlaczego o takich rzeczach mieszkańcy dowiadują się z "
                                  "Facebooka, a nie na zebraniu wiejskim?"],
         ["obwieszczenie jest w BIP i na tablicach ogłoszeń w sołectwach; na Facebooku "
          "publikujemy je dodatkowo. Poprosimy sołtysa o omówienie sprawy na zebraniu."]),
        ("neg", "environment", ["Nie chcemy tu kolejnego smrodu."], []),
    ],
    "job": [
        ("q", "other", ["Do kiedy można składać dokumenty?"],
         ["termin składania dokumentów i lista wymaganych dokumentów są w ogłoszeniu w BIP "
          "(link we wpisie)."]),
        ("q", "other", ["Czy można złożyć dokumenty mailem?"],
         ["dokumenty przyjmujemy w urzędzie, pocztą albo przez ePUAP, tak jak opisano w "
          "ogłoszeniu w BIP."]),
        ("q", "other", ["Czy wymagane jest doświadczenie w administracji?"],
         ["wymagania niezbędne i dodatkowe są w ogłoszeniu w BIP. Doświadczenie w "
          "administracji jest wymaganiem dodatkowym."]),
        ("", "other", ["Udostępniam dalej."], []),
    ],
    "water": [
        ("q", "water", ["Do której nie będzie wody na ul. Polnej?",
                        "Do której będzie przerwa na Łąkowej?"],
         ["przerwa potrwa do ok. 14:00. Beczkowóz z wodą pitną stoi przy skrzyżowaniu ul. "
          "Polnej i Łąkowej."]),
        ("q", "water", ["Czy ul. {street} też będzie bez wody?"],
         ["przerwa obejmuje tylko ul. Polną i Łąkową. Na ul. {street_loc} woda będzie bez "
          "przerwy."]),
        ("q neg", "water", ["Dlaczego informujecie dzień wcześniej? Nie da się tak nic "
                            "zaplanować."],
         ["przepraszamy. Wymiana zasuw wynikała z usterki wykrytej w tym tygodniu; o "
          "planowanych pracach informujemy z kilkudniowym wyprzedzeniem."]),
        ("q", "water", ["Czy po przerwie woda będzie zdatna do picia?"],
         ["tak. Po pracach sieć jest płukana, a GZGK sprawdza jakość wody. Przez chwilę woda "
          "może być mętna – wystarczy ją spuścić przez kilka minut."]),
        ("q", "water", ["Gdzie stoi beczkowóz?"],
         ["beczkowóz stoi przy skrzyżowaniu ul. Polnej i Łąkowej."]),
        ("q neg", "water", ["Starsi ludzie nie mają Facebooka. Czy ktoś ich uprzedzi?"],
         ["informacja jest też na tablicach ogłoszeń, a GZGK rozniósł ulotki na obu ulicach. "
          "Dziękujemy za troskę o sąsiadów."]),
        ("q neg", "water", ["Już trzeci raz w tym roku. Kiedy w końcu wymienicie te stare rury?"],
         ["wymiana sieci wodociągowej na ul. Polnej jest w planie inwestycji na przyszły rok; "
          "szczegóły przedstawimy po uchwaleniu budżetu."]),
        ("", "water", ["Dzięki za info.", "Dziękuję za informację."], []),
    ],
    "budget": [
        ("q", "other", ["Czy projekt może zgłosić osoba niepełnoletnia?"],
         ["projekt może zgłosić każdy mieszkaniec, który ukończył 16 lat. Osoby młodsze mogą to "
          "zrobić z pomocą rodzica lub opiekuna."]),
        ("q", "other", ["Ile podpisów trzeba zebrać pod projektem?"],
         ["projekt trzeba poprzeć listą co najmniej 15 mieszkańców. Wzór listy jest w BIP "
          "razem z formularzem."]),
        ("q", "other", ["Jaka jest maksymalna kwota jednego projektu?"],
         ["jeden projekt może kosztować do 100 tys. zł. Cała pula na przyszły rok to "
          "400 tys. zł."]),
        ("q", "other", ["Gdzie można złożyć formularz?"],
         ["formularz można złożyć w urzędzie, przez ePUAP albo przez formularz internetowy – "
          "wszystkie możliwości są w ogłoszeniu w BIP."]),
        ("", "other", ["Proponuję siłownię pod chmurką w {village_loc}.",
                       "Przydałby się plac zabaw w {village_loc}, dzieci nie mają gdzie się bawić.",
                       "Ławki i kosze przy ścieżce nad zalewem!"],
         ["dziękujemy! Zachęcamy do zgłoszenia pomysłu na formularzu – link jest we wpisie."]),
        ("neg", "other", ["Znowu wygra projekt dla centrum, a wioski jak zwykle nic."],
         ["w tym roku połowa puli jest zarezerwowana na projekty w sołectwach. Zachęcamy do "
          "zgłaszania pomysłów."]),
    ],
    "taxes": [
        ("q", "taxes", ["Do kiedy jest ostatnia rata podatku od nieruchomości?"],
         ["raty podatku od nieruchomości są płatne do 15 marca, 15 maja, 15 września i "
          "15 listopada."]),
        ("q", "taxes", ["Czy można zapłacić całą kwotę przy pierwszej racie?"],
         ["tak, podatek można zapłacić w całości do terminu pierwszej raty."]),
        ("q", "taxes", ["Można płacić kartą w urzędzie?"],
         ["tak, w kasie urzędu (parter) można płacić kartą i BLIKIEM w godzinach pracy "
          "urzędu."]),
        ("q priv", "taxes", ["Nie pamiętam numeru konta do wpłaty podatku, gdzie go znajdę?"],
         ["numer rachunku do wpłat jest w decyzji podatkowej. Jeśli nie ma jej {Pani|Pan} pod "
          "ręką, prosimy o telefon do Referatu Podatków: +48 12 345 67 00, wewn. 15."]),
        ("q", "taxes", ["Czy podatek rolny płaci się w tych samych terminach?"],
         ["tak, podatek rolny płaci się w tych samych czterech ratach co podatek od "
          "nieruchomości."]),
        ("q neg", "taxes", ["A za co te podwyżki co roku?"],
         ["stawki podatków na przyszły rok ustala Rada Gminy; projekt uchwały z uzasadnieniem "
          "jest w BIP, a sesja jest otwarta dla mieszkańców."]),
        ("q", "taxes", ["Czy trzeba zgłaszać nowy garaż do podatku?"],
         ["tak. Nowy budynek zgłasza się w ciągu 14 dni od zakończenia budowy lub rozpoczęcia "
          "użytkowania, na formularzu IN-1. Formularz jest w BIP."]),
    ],
    "cleanair": [
        ("q", "environment", ["Jak umówić się na wizytę w punkcie konsultacyjnym?"],
         ["wizytę można umówić telefonicznie: +48 12 345 67 00, wewn. 21, albo przyjść bez "
          "zapisów w poniedziałek w godz. 12:00–16:00."]),
        ("q", "environment", ["Ile wynosi dopłata do pompy ciepła?"],
         ["wysokość dotacji zależy od dochodu i rodzaju urządzenia. W punkcie konsultacyjnym "
          "pomożemy ją wyliczyć i wypełnić wniosek."]),
        ("q", "environment", ["Czy pomagacie wypełnić wniosek?"],
         ["tak, pracownik punktu pomaga wypełnić i złożyć wniosek. Prosimy zabrać zaświadczenie "
          "o dochodach i dane nieruchomości."]),
        ("q", "environment", ["Czy dofinansowanie obejmuje też ocieplenie domu?"],
         ["tak, program finansuje również ocieplenie ścian i dachu oraz wymianę okien i drzwi, "
          "zwykle razem z wymianą źródła ciepła."]),
        ("", "environment", ["Był{am|em} w punkcie, bardzo miła obsługa, polecam."],
         ["dziękujemy za dobre słowo!"]),
        ("neg", "environment", ["Papierów więcej niż dotacji."], []),
    ],
    "session": [
        ("q", "politics", ["O której zaczyna się sesja i czy będzie transmisja?"],
         ["sesja zaczyna się o 10:00. Transmisja będzie na żywo, a nagranie opublikujemy w "
          "BIP."]),
        ("q", "politics", ["Gdzie można obejrzeć nagranie z poprzedniej sesji?"],
         ["nagrania wszystkich sesji są w BIP, w zakładce Rada Gminy – Transmisje i nagrania."]),
        ("q", "politics", ["Czy mieszkaniec może zabrać głos na sesji?"],
         ["tak, mieszkańcy mogą zabrać głos za zgodą przewodniczącego rady, zwykle w punkcie "
          "„Wolne wnioski”."]),
        ("q", "politics", ["Czy na sesji będzie mowa o podwyżce opłat za wodę?"],
         ["porządek obrad jest w BIP. Projekt uchwały w sprawie taryfy za wodę nie jest w nim "
          "ujęty."]),
        ("q", "politics", ["Gdzie znajdę porządek obrad?"],
         ["porządek obrad jest w BIP, w zakładce Rada Gminy – Sesje."]),
        ("neg", "politics", ["Szkoda, że sesje są w godzinach pracy. Ludzie pracujący nie mogą "
                             "przyjść."],
         ["dziękujemy za uwagę – przekażemy ją przewodniczącemu rady. Wszystkie sesje można "
          "obejrzeć na żywo i w nagraniu."]),
    ],
    "consultation": [
        ("q", "other", ["Gdzie wysłać uwagi do programu?"],
         ["uwagi można zgłaszać na formularzu konsultacyjnym: e-mailem, przez ePUAP albo w "
          "urzędzie. Formularz i termin są w ogłoszeniu w BIP."]),
        ("q", "other", ["Czy koła gospodyń wiejskich też mogą zgłaszać uwagi?"],
         ["tak, uwagi mogą zgłaszać wszystkie organizacje pozarządowe działające w gminie, w "
          "tym koła gospodyń wiejskich."]),
        ("", "other", ["Warto zwiększyć kwotę na sport dla dzieci i młodzieży."],
         ["dziękujemy! Prosimy zgłosić tę uwagę także na formularzu konsultacyjnym, żeby trafiła "
          "do sprawozdania z konsultacji."]),
        ("q", "other", ["Kiedy będą wyniki konsultacji?"],
         ["sprawozdanie z konsultacji opublikujemy w BIP w ciągu 30 dni od ich zakończenia."]),
    ],
    "roadworks": [
        ("q", "roads", ["Jak długo potrwa remont ul. Szkolnej?"],
         ["zgodnie z umową prace potrwają jeszcze około trzech tygodni. O zmianach organizacji "
          "ruchu będziemy informować na bieżąco."]),
        ("q", "roads", ["Którędy jeżdżą autobusy szkolne w czasie remontu?"],
         ["autobusy szkolne jeżdżą objazdem przez ul. {street_acc}; przystanek przy szkole jest "
          "przeniesiony o 100 m, na ul. Kościelną."]),
        ("q neg", "roads", ["Dlaczego wykonawca kończy pracę o 14? Tak to będzie trwało do "
                            "wiosny."],
         ["wykonawca pracuje w dni robocze od 7:00 do 17:00. Sprawdzimy, dlaczego w tym "
          "tygodniu prace kończyły się wcześniej."]),
        ("q", "roads", ["Czy będzie też nowy chodnik?"],
         ["tak, remont obejmuje jezdnię, chodnik po stronie szkoły i oświetlenie."]),
        ("", "roads", ["Nareszcie! Czekaliśmy na to latami."], ["dziękujemy!"]),
        ("neg", "roads", ["Błoto na całej ulicy, nie da się przejść."],
         ["przekazaliśmy wykonawcy prośbę o sprzątanie jezdni na koniec każdego dnia prac."]),
    ],
    "seniors": [
        ("q", "events", ["O której zaczyna się Dzień Seniora?"],
         ["zaczynamy o 15:00 w sali GOK. Wstęp wolny!"]),
        ("q", "events", ["Czy trzeba się zapisać?"], ["zapisy nie są potrzebne. Zapraszamy!"]),
        ("q", "events", ["Czy będzie transport z {village_gen}?"],
         ["tak, autobus odjedzie spod świetlicy w {village_loc} o 14:20. Prosimy o wcześniejszy "
          "telefon do GOK."]),
        ("", "events", ["Mama była w zeszłym roku, bardzo jej się podobało ❤️",
                        "Super inicjatywa 👏"], ["dziękujemy! Zapraszamy ponownie."]),
    ],
    "sorting": [
        ("q", "waste", ["A kartony po mleku to do plastiku czy do papieru?"],
         ["kartony po mleku i sokach wrzucamy do żółtego pojemnika na metale i tworzywa "
          "sztuczne."]),
        ("q", "waste", ["Gdzie wyrzucać zużyte baterie?"],
         ["baterie można wrzucić do pojemników w urzędzie, w szkołach i w sklepach albo oddać w "
          "PSZOK."]),
        ("q", "waste", ["Czy szkło trzeba myć?"],
         ["nie trzeba myć, wystarczy opróżnić. Prosimy tylko zdjąć nakrętki."]),
        ("q", "waste", ["Co z kubkami po kawie na wynos?"],
         ["papierowe kubki po kawie wrzucamy do odpadów zmieszanych – mają warstwę plastiku."]),
        ("", "waste", ["Przydatne, dzięki!"], []),
    ],
    "run": [
        ("q", "events", ["Jak zapisać dziecko na bieg?"],
         ["zapisy dzieci prowadzi GOK – osobiście albo przez formularz na stronie "
          "https://przykladowo.example.pl/bieg."]),
        ("q", "events", ["Czy będzie pomiar czasu?"],
         ["tak, w biegu głównym czas mierzą chipy w numerach startowych."]),
        ("q", "events", ["Gdzie można zaparkować?"],
         ["parking będzie przy szkole i przy hali sportowej. Prosimy nie parkować na ul. "
          "Sportowej – tam biegnie trasa."]),
        ("", "events", ["Biegniemy całą rodziną! 🏃"], []),
    ],
    "photos": [
        ("", "other", ["Piękne zdjęcia! 😍", "Najładniejsza gmina w okolicy.",
                       "Zalew o zachodzie słońca najpiękniejszy."], ["dziękujemy!"]),
        ("q", "other", ["Czy można je wykorzystać na swojej stronie?"],
         ["tak, z podaniem źródła: Gmina Przykładowo. Jeśli potrzebne są pliki w pełnej "
          "rozdzielczości, prosimy o wiadomość."]),
        ("neg", "other", ["Ładne zdjęcia, a drogi dziurawe."], []),
    ],
}

DIRECT: list[Intent] = [
    ("q neg", "waste", ["Dzień dobry, na ul. {street_loc} od dwóch tygodni nie odebrano odpadów "
                        "zmieszanych. Co mam zrobić?"],
     ["przepraszamy za kłopot. Zgłoszenie przekazaliśmy firmie odbierającej odpady; odbiór "
      "zostanie uzupełniony w ciągu dwóch dni roboczych. Jeśli tak się nie stanie, prosimy o "
      "wiadomość."]),
    ("q", "waste", ["Dzień dobry, wprowadził{am|em} się na ul. {street_acc}. Jak złożyć deklarację "
                    "śmieciową?"],
     ["deklarację o wysokości opłaty za gospodarowanie odpadami składa się w ciągu 14 dni od "
      "zamieszkania: w urzędzie, przez ePUAP albo pocztą. Formularz jest w BIP w zakładce "
      "Odpady."]),
    ("q", "waste", ["Czy mogę dostać drugi pojemnik na bio?"],
     ["tak, dodatkowy pojemnik można zamówić w Referacie Gospodarki Odpadami, telefonicznie "
      "albo w urzędzie. Firma dostarczy go w ciągu dwóch tygodni."]),
    ("q", "taxes", ["Dzień dobry, nie dosta{łam|łem} jeszcze decyzji podatkowej na ten rok. Co "
                    "zrobić?"],
     ["prosimy o kontakt z Referatem Podatków (tel. +48 12 345 67 00, wewn. 15). Sprawdzimy, "
      "czy decyzja została wysłana, i w razie potrzeby doręczymy ją ponownie."]),
    ("q formal", "taxes", ["Czy mogę rozłożyć zaległość w podatku na raty?"],
     ["tak, można złożyć wniosek o rozłożenie zaległości na raty. " + FORMAL_ANSWER]),
    ("q", "taxes", ["Sprzedał{am|em} działkę w zeszłym miesiącu. Czy muszę to gdzieś zgłosić do "
                    "podatku?"],
     ["tak, zmianę trzeba zgłosić w ciągu 14 dni na formularzu IN-1, zaznaczając korektę. "
      "Nabywca składa własną informację. Formularz jest w BIP."]),
    ("q neg", "water", ["Dzień dobry, rachunek za wodę jest dwa razy wyższy niż zwykle. Gdzie to "
                        "zgłosić?"],
     ["rachunki za wodę wystawia Gminny Zakład Gospodarki Komunalnej: tel. 12 345 67 80. Warto "
      "też sprawdzić wodomierz – wysoki odczyt bywa oznaką wycieku."]),
    ("q", "water", ["Od kilku dni słabe ciśnienie wody na ul. {street_loc}. Czy coś się dzieje?"],
     ["dziękujemy za zgłoszenie. GZGK sprawdzi sieć na ul. {street_loc} jeszcze w tym tygodniu."]),
    ("q", "roads", ["Nie świeci latarnia na ul. {street_loc}, przy przystanku. Jest ciemno i "
                    "niebezpiecznie."],
     ["dziękujemy za zgłoszenie. Awarię przekazaliśmy firmie, która utrzymuje oświetlenie; "
      "naprawa zwykle trwa do 7 dni."]),
    ("q neg", "roads", ["Na ul. {street_loc} jest wielka dziura w asfalcie, można urwać koło. "
                        "Kiedy ktoś to naprawi?"],
     ["dziękujemy za zgłoszenie. Przekazaliśmy je do Referatu Dróg i Inwestycji; ekipa "
      "zabezpieczy i uzupełni ubytek w ciągu kilku dni."]),
    ("q", "roads", ["Kiedy będzie wyrównana droga gruntowa w {village_loc}?"],
     ["równanie dróg gruntowych w {village_loc} jest zaplanowane na najbliższe tygodnie, gdy tylko "
      "pozwoli pogoda."]),
    ("q", "registry", ["Jak zamówić odpis aktu urodzenia dla syna? Mieszkam teraz w Niemczech."],
     ["odpis aktu stanu cywilnego zamówi {Pani|Pan} przez gov.pl albo ePUAP, bez wizyty w "
      "urzędzie. Odpis możemy wysłać na adres za granicą."]),
    ("q", "registry", ["Czy dowód osobisty można odebrać w sobotę?"],
     ["urząd jest czynny w poniedziałek od 8:00 do 16:00, a od wtorku do piątku od 7:30 do "
      "15:30; w soboty jest zamknięty. Dowód odbiera osobiście osoba, dla której go wydano."]),
    ("q", "registry", ["Chcemy wziąć ślub w plenerze. Czy to możliwe?"],
     ["tak, ślub cywilny może się odbyć poza urzędem. Prosimy o kontakt z Urzędem Stanu "
      "Cywilnego, najlepiej kilka miesięcy przed planowaną datą."]),
    ("q", "social", ["Dzień dobry, czy gmina pomaga w zakupie opału na zimę? Mam niską "
                     "emeryturę."],
     ["w sprawie pomocy prosimy o kontakt z Gminnym Ośrodkiem Pomocy Społecznej: tel. "
      "12 345 67 50. Szczegóły sytuacji najlepiej opisać na miejscu albo przez telefon."]),
    ("q", "social", ["Gdzie zgłosić, że starsza sąsiadka mieszka sama i potrzebuje pomocy?"],
     ["dziękujemy za troskę. Prosimy o kontakt z GOPS: tel. 12 345 67 50. Pracownik socjalny "
      "skontaktuje się z sąsiadką."]),
    ("q", "other", ["W jakich godzinach jest czynny urząd we wtorek?"],
     ["we wtorek urząd jest czynny od 7:30 do 15:30. W poniedziałek pracujemy od 8:00 do "
      "16:00."]),
    ("q neg formal", "other", ["Chcę złożyć skargę na to, jak mnie potraktowano w urzędzie. Jak "
                               "to zrobić?"],
     ["przykro nam, że sprawa nie została dobrze załatwiona. Skargę można złożyć pisemnie na "
      "adres ul. Rynek 1, e-mailem (urzad@przykladowo.example.pl), przez ePUAP albo "
      "e-Doręczenia. Odpowiemy w ciągu miesiąca."]),
    ("q formal", "permits", ["Dzień dobry, chcę wyciąć dwa drzewa na swojej działce. Czy mogę "
                             "złożyć wniosek przez Messengera?"], [FORMAL_ANSWER]),
    ("q formal", "permits", ["Jak dostać zaświadczenie o przeznaczeniu działki w planie? Czy "
                             "mogę je zamówić tutaj?"], [FORMAL_ANSWER]),
    ("q", "events", ["Czy GOK organizuje zajęcia dla dzieci w ferie?"],
     ["tak, program zajęć feryjnych GOK opublikuje na swojej stronie i u nas na Facebooku."]),
]
FOLLOW_UPS = [
    ("A czy mogę to załatwić przez kogoś z rodziny?",
     "tak, wystarczy pisemne pełnomocnictwo. Dla najbliższej rodziny pełnomocnictwo jest "
     "zwolnione z opłaty skarbowej."),
    ("A ile to potrwa?", "zwykle do 7 dni roboczych. Poinformujemy, gdyby miało potrwać dłużej."),
    ("Czy muszę przyjść osobiście?",
     "nie trzeba – sprawę można załatwić przez ePUAP albo pocztą."),
    ("A jeśli nie mam profilu zaufanego?",
     "profil zaufany można potwierdzić w urzędzie w godzinach jego pracy, zajmuje to kilka "
     "minut. Można też złożyć dokumenty pocztą."),
]

# Requests for public information (Messenger), each with the answer sent when it was done.
REQUESTS = [
    ("Dzień dobry, na podstawie ustawy o dostępie do informacji publicznej proszę o informację, "
     "ile gmina wydała w ubiegłym roku na promocję w mediach społecznościowych. Odpowiedź proszę "
     "przesłać w tej wiadomości.",
     "w ubiegłym roku gmina wydała na promocję w mediach społecznościowych 4 860 zł brutto "
     "(reklamy sponsorowane wydarzeń gminnych)."),
    ("Wnoszę o udostępnienie informacji publicznej: kopii umowy na odbiór odpadów komunalnych "
     "zawartej przez gminę na ten rok.",
     "przesyłamy skan umowy na odbiór i zagospodarowanie odpadów komunalnych. Dane osobowe "
     "pracowników wykonawcy zostały zanonimizowane."),
    ("Proszę o udostępnienie informacji publicznej: ile kont zablokowano na stronie gminy na "
     "Facebooku w tym roku i z jakich powodów.",
     "w tym roku na stronie gminy zablokowano na stałe jedno konto (rozsyłanie spamu) i "
     "czasowo ograniczono jedno. Miesięczne zestawienia czynności moderacyjnych publikujemy w "
     "rejestrze na stronie urzędu."),
    ("Proszę o informację publiczną: jaki był koszt remontu ul. Szkolnej i kto był wykonawcą.",
     "koszt przebudowy ul. Szkolnej według umowy wynosi 1 248 000 zł brutto; wykonawcę "
     "wyłoniono w przetargu, którego wynik jest w BIP."),
    ("Na podstawie art. 2 ustawy o dostępie do informacji publicznej wnoszę o przesłanie "
     "protokołu z ostatniej sesji Rady Gminy.",
     "protokół z ostatniej sesji Rady Gminy jest w BIP: "
     "https://bip.przykladowo.example.pl/rada/protokoly. Przesyłamy go również w załączniku."),
]
EMERGENCIES = [
    ("Pomocy! Na ul. Leśnej drzewo przewróciło się na jezdnię i zerwało przewody, iskrzy!", "",
     "Jeśli zagrożone jest życie lub zdrowie, prosimy natychmiast dzwonić pod 112. Dyżurny "
     "gminy już wie – powiadomił straż pożarną i pogotowie energetyczne. Prosimy nie zbliżać "
     "się do przewodów."),
    ("Czuć mocno gaz przy przystanku koło szkoły na ul. Szkolnej. Co robić?", "q",
     "Prosimy natychmiast odejść od tego miejsca i zadzwonić pod 112 albo 992 (pogotowie "
     "gazowe). Dyżurny gminy już wie i powiadomił pogotowie gazowe."),
]

# -- moderation: what was hidden, and why -------------------------------------------------------
INSULTS = ["Banda nierobów w tym urzędzie, tylko kasę biorą.",
           "Wójt to złodziej i kłamca, wszyscy o tym wiedzą.",
           "Ta pani z referatu to kompletna idiotka.",
           "Radni to banda darmozjadów i złodziei."]
VULGAR = ["Co za ch*****e rządy, wszystko idzie w d**ę.",
          "Zamiast pie*****ć o segregacji, weźcie się do roboty."]
SPAM = "🔥 Zarabiaj nawet 500 zł dziennie bez wychodzenia z domu! Szczegóły: " \
       "http://szybka-kasa.example.com 🔥"
THREAT = "Jak jeszcze raz podniesiecie opłaty, to przyjdę do urzędu i zrobię z wami porządek. " \
         "Pożałujecie."
HATE = "Tych przyjezdnych obcokrajowców trzeba pogonić z gminy, niech wracają do siebie."
FLOOD = "Kiedy w końcu naprawicie drogę na Zalesie???"
FLOOD_ANSWER = ("przebudowa drogi do Zalesia jest w projekcie budżetu na przyszły rok. Do tego "
                "czasu ekipa drogowa uzupełni ubytki, w tym miesiącu.")
CRITICISM = "Wójt obiecywał tę drogę trzy lata temu i dalej nic. To jest kompromitacja, a nie " \
            "zarządzanie!"
# Identifiers with wrong check digits: they read like a PESEL and an account number, and are
# no one's (the detector "found" them in the story; no real number is stored anywhere).
PESEL_TEXT = ("Złożył{am|em} deklarację w zeszłym tygodniu, PESEL ", "85031212345",
              ", czy już wpłynęła?")
IBAN_TEXT = ("Wpłacił{am|em} podatek z konta ", "61 1090 1014 0000 0712 1981 2875",
             ", a w systemie dalej widzę zaległość. Co jest?")
PROTECTIVE_ANSWER = ("ukryliśmy komentarz, bo zawierał {what} – dla {Pani|Pana} bezpieczeństwa. "
                     "W tej sprawie prosimy o kontakt z Referatem Podatków: +48 12 345 67 00 "
                     "albo przez ePUAP.")


# -- the month being written ------------------------------------------------------------------

@dataclass(eq=False)
class _Msg:
    thread: "_Thread"
    direction: str
    origin: str
    kind: str
    text: str
    at: datetime
    user: object = None
    flags: frozenset = frozenset()
    topic: str = "other"
    items: list = field(default_factory=list)
    private: bool = False
    parent: str = ""
    pid: str | None = None
    hidden_at: datetime | None = None
    shown_at: datetime | None = None
    deleted_at: datetime | None = None
    author_name: str = ""
    obj: Message | None = None

    @property
    def is_question(self) -> bool:
        return self.direction == IN and bool(self.flags & QUESTION_FLAGS)

    @property
    def is_answer(self) -> bool:
        return self.direction == OUT and self.origin == DESK


@dataclass(eq=False)
class _Thread:
    kind: str
    channel: Channel
    resident: Resident
    key: str
    post: InboxPost | None = None
    messages: list[_Msg] = field(default_factory=list)
    topic: str = "other"
    acknowledged: str = ""
    closed: bool | None = None
    conversation: Conversation | None = None


class _History:
    def __init__(self, office: Office, month: date) -> None:
        self.office = office
        self.month = month.replace(day=1)
        self.tz = ZoneInfo(office.time_zone)
        following = (self.month + timedelta(days=32)).replace(day=1)
        self.start = datetime.combine(self.month, time.min, self.tz)
        self.end = datetime.combine(following, time.min, self.tz)
        self.days = [self.month + timedelta(days=i) for i in range((following - self.month).days)]
        self.rng = random.Random(f"ratusz-demo-history-{self.month:%Y-%m}")
        self.calendar = calendar_for(office, self.month)
        self.workdays = [d for d in self.days if self.calendar.is_working_day(d)]
        if len(self.workdays) < 10:
            raise ValueError("The office calendar has too few working days in this month.")
        self.staff = {m.user.username: m.user for m in office.memberships.select_related("user")}
        channels = {c.platform: c for c in office.channels.all()}
        self.facebook, self.instagram = channels["facebook"], channels["instagram"]
        self.departments = {d.slug: d for d in office.departments.all()}
        self.regulamin = Regulamin.objects.in_force(office)
        self.clauses = {c.key: c for c in self.regulamin.clauses.all()} if self.regulamin else {}
        self.bip = {e.guid: e for e in BipEntry.objects.filter(office=office)}
        self.threads: list[_Thread] = []
        self.counter = 0
        self.acks: dict[tuple[str, bool], str] = {}
        self.posts: dict[str, tuple[Post, InboxPost]] = {}
        self.deadlines: list[tuple[_Thread, date, datetime]] = []
        self.acts: list[ModerationAct] = []
        self.reviews: list[tuple] = []
        self.appeal: tuple | None = None

    # -- small helpers --------------------------------------------------------------------------

    def pid(self, kind: str) -> str:
        self.counter += 1
        return f"{PREFIX}{kind}-{self.month:%Y%m}-{self.counter:05d}"

    def day_at(self, fraction: float) -> date:
        return self.workdays[min(len(self.workdays) - 1, int(fraction * len(self.workdays)))]

    def at(self, day: date, hour: int, minute: int = 0, second: int | None = None) -> datetime:
        second = self.rng.randint(0, 59) if second is None else second
        return datetime.combine(day, time(hour, minute, second), self.tz)

    def working(self, moment: datetime, minutes: float) -> datetime:
        """`minutes` of the office's working time after `moment` (a person at the desk)."""
        found = self.calendar.add_working_time(moment, timedelta(minutes=minutes))
        return (found or self.end) + timedelta(seconds=self.rng.randint(0, 50))

    def answer_text(self, body: str) -> str:
        signature = self.office.reply_signature or self.office.name
        return f"Dzień dobry,\n\n{body}\n\nPozdrawiamy,\n{signature}"

    def delay(self) -> float:
        """Working minutes until a person answers: mostly within the hour, a tail to the next
        day."""
        roll = self.rng.random()
        if roll < 0.55:
            return self.rng.uniform(4, 60)
        if roll < 0.85:
            return self.rng.uniform(60, 240)
        if roll < 0.97:
            return self.rng.uniform(240, 600)
        return self.rng.uniform(600, 1100)

    def answerer(self, topic: str):
        return self.staff[self.rng.choice(ANSWERERS.get(topic, ["redaktor"] * 5 + ["sekretarz"]))]

    # -- residents and posts --------------------------------------------------------------------

    def load_residents(self) -> None:
        def make(channel, name, index):
            return Resident(channel=channel, display_name=name,
                            platform_id=f"{PREFIX}{channel.platform[:2]}-{index:04d}")

        names = FACEBOOK_NAMES + [OFFENDER, FLOODER, SPAMMER, APPELLANT]
        self.fb_residents = [make(self.facebook, n, i) for i, n in enumerate(names, start=1)]
        self.ig_residents = [make(self.instagram, n, i)
                             for i, n in enumerate(INSTAGRAM_NAMES, start=1)]
        Resident.objects.bulk_create(self.fb_residents + self.ig_residents)
        self.named = {r.display_name: r for r in self.fb_residents}
        self.female = {r.pk: (r.display_name in INSTAGRAM_WOMEN if r.channel == self.instagram
                              else r.display_name.split()[0].endswith("a"))
                       for r in self.fb_residents + self.ig_residents}
        regular = self.fb_residents[:len(FACEBOOK_NAMES)]
        # Some residents write often, most now and then.
        self.weights = {r.pk: self.rng.paretovariate(1.3) for r in regular + self.ig_residents}
        self.commenters = {"facebook": regular, "instagram": self.ig_residents}

    def load_posts(self) -> None:
        redaktor, sekretarz = self.staff["redaktor"], self.staff["sekretarz"]
        rate = self.next_tax_rate()
        pub_posts, inbox_posts, when = [], [], {}
        used: set[date] = set()
        for key, platform, kind, guid, _theme, fraction, _n, override, text in POSTS:
            entry = self.bip.get(guid) if guid else None
            channel = self.facebook if platform == "facebook" else self.instagram
            day = self.day_at(fraction)
            if day in used and self.workdays.index(day) + 1 < len(self.workdays):
                day = self.workdays[self.workdays.index(day) + 1]
            used.add(day)
            spans = self.calendar.spans(day)
            opens, closes = spans[0][0], spans[-1][1]
            published = opens + timedelta(minutes=self.rng.randint(40, int(
                (closes - opens).total_seconds() // 60) - 60), seconds=self.rng.randint(0, 59))
            body = text.format(link=entry.link if entry else "", rate=rate).strip()
            post = Post(office=self.office, type=kind, text=body,
                        link=entry.link if entry else "", status=Post.Status.PUBLISHED,
                        author=redaktor, bip_entry=entry, published_at=published)
            if kind in (self.office.post_approval or []):
                post.approver = sekretarz
            post.has_bip_link = links_to_bip(f"{post.link} {post.text}", self.office.bip_url,
                                             self.office.website_url)
            post.invites_input = invites_input(post.text, post.link)
            if override:
                code, reason = OVERRIDES[override]
                post.overrides = [{"code": code, "reason": reason, "by": redaktor.username}]
            when[key] = self.approval_times(published)
            platform_id = self.pid("post")
            inbox = InboxPost(channel=channel, platform_id=platform_id, text=body,
                              created_at=published, permalink_url=self.permalink(channel,
                                                                                 platform_id))
            pub_posts.append(post)
            inbox_posts.append(inbox)
            self.posts[key] = (post, inbox)
        Post.objects.bulk_create(pub_posts)
        InboxPost.objects.bulk_create(inbox_posts)
        for key, (post, _inbox) in self.posts.items():
            post.created_at, post.submitted_at, post.approved_at = when[key]
            if post.approver is None:
                post.approved_at = None
            post.updated_at = post.published_at
        Post.objects.bulk_update(pub_posts, ["created_at", "submitted_at", "approved_at",
                                             "updated_at"])
        Target.objects.bulk_create([
            Target(post=post, channel=inbox.channel, status=Target.Status.PUBLISHED,
                   platform_id=inbox.platform_id, inbox_post=inbox,
                   published_at=post.published_at)
            for post, inbox in self.posts.values()])
        self.load_tasks()

    def approval_times(self, published: datetime) -> tuple[datetime, datetime, datetime]:
        """Written, submitted and approved before it went out, inside the month."""
        approved = published - timedelta(minutes=self.rng.randint(5, 90))
        submitted = approved - timedelta(minutes=self.rng.randint(15, 300))
        created = submitted - timedelta(minutes=self.rng.randint(20, 240))
        return tuple(max(moment, self.start + timedelta(minutes=i))
                     for i, moment in enumerate((created, submitted, approved)))

    def permalink(self, channel: Channel, platform_id: str) -> str:
        if channel.platform == "instagram":
            return f"https://www.instagram.com/p/{platform_id}/"
        return f"https://www.facebook.com/{channel.platform_id}/posts/{platform_id}"

    def next_tax_rate(self) -> str:
        from ratusz.inbox.clock import MONTHS

        for month, day in TAX_RATES:
            if (month, day) >= (self.month.month, 1):
                return f"{day} {MONTHS[month - 1]}"
        return f"15 {MONTHS[2]}"

    def load_tasks(self) -> None:
        tasks = []
        for key, (post, _inbox) in self.posts.items():
            override = next(p[7] for p in POSTS if p[0] == key)
            if not override:
                continue
            published = timezone_local_date(post.published_at, self.tz)
            task = Task(post=post, kind=Task.Kind.REPUBLISH, reason=post.overrides[0]["reason"],
                        due=published + timedelta(days=7), created_at=post.published_at)
            if override == "done":
                task.done_at = self.working(post.published_at, self.rng.uniform(900, 1400))
                task.done_by = self.staff["redaktor"]
                task.url = "https://przykladowo.example.pl/aktualnosci/dzien-seniora-w-gok"
            tasks.append(task)
        Task.objects.bulk_create(tasks)

    # -- conversations --------------------------------------------------------------------------

    def thread(self, kind: str, channel: Channel, resident: Resident, post=None,
               topic: str = "other", key: str | None = None) -> _Thread:
        key = key or (f"dm:{resident.platform_id}" if kind == Conversation.Kind.DIRECT
                      else self.pid("c"))
        found = _Thread(kind=kind, channel=channel, resident=resident, key=key, post=post,
                        topic=topic)
        self.threads.append(found)
        return found

    def write(self, thread: _Thread, text: str, at: datetime, flags: str = "",
              topic: str | None = None, items: list | None = None) -> _Msg:
        """A resident writes (the root comment of a comment thread is its key)."""
        if thread.kind == Conversation.Kind.COMMENTS:
            root = not thread.messages
            pid = thread.key if root else self.pid("c")
            parent = thread.post.platform_id if root else thread.key
            kind = COMMENT
        else:
            pid, parent, kind = self.pid("m"), "", MESSAGE
        msg = _Msg(thread=thread, direction=IN, origin=PLATFORM, kind=kind, text=text, at=at,
                   flags=_flags(flags), topic=topic or thread.topic,
                   items=items or [], pid=pid, parent=parent,
                   author_name=thread.resident.display_name)
        thread.messages.append(msg)
        if thread.kind == Conversation.Kind.DIRECT:
            self.acknowledge(thread, msg)
        return msg

    def reply(self, thread: _Thread, text: str, at: datetime, user, *,
              private_to: _Msg | None = None) -> _Msg:
        """The office answers: publicly under the comment, by a private reply, or in a
        Messenger or Instagram thread."""
        if private_to is not None:
            kind, parent = MESSAGE, private_to.pid
        elif thread.kind == Conversation.Kind.COMMENTS:
            kind, parent = COMMENT, thread.key
        else:
            kind, parent = MESSAGE, thread.resident.platform_id
        msg = _Msg(thread=thread, direction=OUT, origin=DESK, kind=kind, text=text, at=at,
                   user=user, private=private_to is not None, parent=parent,
                   pid=self.pid("r" if kind == COMMENT else "m"),
                   author_name=user.get_full_name() or user.username)
        thread.messages.append(msg)
        return msg

    def acknowledge(self, thread: _Thread, msg: _Msg, emergency: bool = False) -> None:
        """The out-of-hours acknowledgement: one per conversation per closed period."""
        if not self.office.ack_messages or self.calendar.is_open(msg.at):
            return
        opening = self.calendar.next_opening(msg.at)
        if opening is None or thread.acknowledged == opening.isoformat():
            return
        key = (opening.isoformat(), emergency)
        if key not in self.acks:
            self.acks[key] = ack_text(self.office, opening, emergency)
        thread.acknowledged = opening.isoformat()
        thread.messages.append(_Msg(
            thread=thread, direction=OUT, origin=AUTOMATIC, kind=MESSAGE, text=self.acks[key],
            at=msg.at + timedelta(seconds=self.rng.randint(3, 20)),
            parent=thread.resident.platform_id, pid=self.pid("m"),
            author_name=translation.gettext("Automatic reply")))

    def answer_at(self, asked: datetime) -> datetime | None:
        """When a person answers a question asked at `asked` (None: not in this month)."""
        found = self.working(asked, self.delay())
        return found if found < self.end else None

    def converse(self, thread: _Thread, intent: Intent, at: datetime, *,
                 follow_up: float = 0.35, answered: bool | None = None) -> None:
        """One exchange: the resident writes, the office (perhaps) answers, the resident
        (perhaps) thanks or asks more."""
        flags, topic, texts, answers = intent
        female = self.female[thread.resident.pk]
        values = _places(self.rng.choice(STREETS), self.rng.choice(VILLAGES))
        text = _words(self.rng.choice(texts), female, values)
        msg = self.write(thread, text, at, flags, topic)
        if answered is None:
            wanted = msg.is_question or self.rng.random() < (0.4 if answers else 0.2)
            answered = bool(wanted) and not (msg.is_question
                                             and self.rng.random() < UNANSWERED_SHARE)
        if not answered:
            return
        when = self.answer_at(at)
        if when is None:
            return
        user = self.answerer(topic)
        body = _words(self.rng.choice(answers) if answers else self.rng.choice(OFFICE_THANKS),
                      female, values)
        if "priv" in flags.split() and thread.kind == Conversation.Kind.COMMENTS:
            self.reply(thread, self.answer_text(body), when, user, private_to=msg)
            self.reply(thread, "Dzień dobry, odpisaliśmy w wiadomości prywatnej. Pozdrawiamy, "
                       f"{self.office.reply_signature}", when + timedelta(seconds=40), user)
            return
        if not answers:
            self.reply(thread, body, when, user)
            return
        self.reply(thread, self.answer_text(body), when, user)
        if self.rng.random() >= follow_up:
            return
        # In a chat the resident writes back soon; under a post, whenever they look again.
        wait = (3, 60) if thread.kind == Conversation.Kind.DIRECT else (6, 600)
        later = self.awake(when + timedelta(minutes=self.rng.uniform(*wait)))
        if later >= self.end:
            return
        if self.rng.random() < 0.6:
            self.write(thread, self.rng.choice(THANKS), later)
        else:
            question, response = self.rng.choice(FOLLOW_UPS)
            self.converse(thread, ("q", topic, [question], [response]), later, follow_up=0.3)

    def awake(self, moment: datetime) -> datetime:
        """Residents write between 6:00 and midnight."""
        local = moment.astimezone(self.tz)
        if local.hour < 6:
            return self.at(local.date(), self.rng.randint(6, 8), self.rng.randint(0, 59))
        return moment

    # -- comment threads ------------------------------------------------------------------------

    def load_comments(self) -> None:
        for key, platform, _kind, _guid, theme, _fraction, count, _override, _text in POSTS:
            post, inbox = self.posts[key]
            channel = inbox.channel
            for _ in range(count):
                at = self.comment_time(post.published_at)
                if at is None:
                    continue
                resident = self.pick(platform)
                intent = self.rng.choice(THEMES[theme])
                thread = self.thread(Conversation.Kind.COMMENTS, channel, resident, inbox,
                                     intent[1])
                self.converse(thread, intent, at)

    def comment_time(self, published: datetime) -> datetime | None:
        for _ in range(8):
            hours = self.rng.lognormvariate(1.3, 1.1)
            at = self.awake(published + timedelta(hours=hours))
            if at < self.end - timedelta(hours=2):
                return at
        return None

    def pick(self, platform: str) -> Resident:
        people = self.commenters[platform]
        return self.rng.choices(people, weights=[self.weights[r.pk] for r in people])[0]

    # -- direct threads -------------------------------------------------------------------------

    def load_direct(self) -> None:
        fb = list(self.commenters["facebook"])
        self.rng.shuffle(fb)
        ig = list(self.commenters["instagram"])
        self.rng.shuffle(ig)
        # Requests for public information, each with a statutory deadline.
        fractions = [0.05, 0.2, 0.35, 0.5, 0.6]
        for index, ((text, final), fraction) in enumerate(zip(REQUESTS, fractions, strict=True)):
            self.request(fb.pop(), text, final, self.day_at(fraction), late=index == 0)
        self.emergencies(fb.pop(), fb.pop())
        people = [(self.facebook, r) for r in fb[:15]] + [(self.instagram, r) for r in ig[:8]]
        for channel, resident in people:
            thread = self.thread(Conversation.Kind.DIRECT, channel, resident)
            at = self.direct_time(self.start + timedelta(days=self.rng.uniform(0, 6)))
            for _episode in range(self.rng.choice([1, 1, 1, 2, 2, 3])):
                if at is None:
                    break
                intent = self.rng.choice(DIRECT)
                thread.topic = intent[1] if len(thread.messages) == 0 else thread.topic
                self.converse(thread, intent, at, follow_up=0.45)
                last = max(m.at for m in thread.messages)
                at = self.direct_time(last + timedelta(days=self.rng.uniform(3, 10)))

    def direct_time(self, after: datetime) -> datetime | None:
        """A moment after `after` when a resident writes: mostly in the day, some evenings."""
        day = after.astimezone(self.tz).date()
        while day < self.days[-1]:
            if not self.calendar.is_working_day(day) and self.rng.random() < 0.75:
                day += timedelta(days=1)  # fewer people write to the office at the weekend
                continue
            if self.rng.random() < 0.85 and self.calendar.is_working_day(day):
                at = self.at(day, self.rng.randint(8, 14), self.rng.randint(0, 59))
            else:
                at = self.at(day, self.rng.randint(16, 22), self.rng.randint(0, 59))
            if at > after:
                return at if at < self.end - timedelta(hours=6) else None
            day += timedelta(days=1)
        return None

    def request(self, resident: Resident, text: str, final: str, day: date, late: bool) -> None:
        """A request for public information: acknowledged with its deadline, answered on time
        (or, once, late)."""
        sekretarz = self.staff["sekretarz"]
        thread = self.thread(Conversation.Kind.DIRECT, self.facebook, resident,
                             topic="public_information")
        asked = self.at(day, self.rng.randint(9, 13), self.rng.randint(0, 59))
        self.write(thread, text, asked, "q udip", "public_information")
        end = legal_end(day, RULES["udip"])
        target = self.calendar.internal_target(day, RULES["udip"])
        acked = self.working(asked, self.rng.uniform(30, 200))
        self.reply(thread, self.answer_text(
            "dziękujemy, traktujemy tę wiadomość jako wniosek o udostępnienie informacji "
            f"publicznej. Odpowiemy bez zbędnej zwłoki, najpóźniej do "
            f"{statement.polish_date(end)} Wniosek można też złożyć przez ePUAP "
            f"({self.office.epuap_address})."), acked, sekretarz)
        if late:
            after = [d for d in self.workdays if d > end]
            done_day = after[min(2, len(after) - 1)]
        else:
            choices = [d for d in self.workdays if day < d <= min(target, end)]
            choices = choices[2:] or choices or [self.workdays[-1]]
            done_day = self.rng.choice(choices)
        done = self.at(done_day, self.rng.randint(9, 13), self.rng.randint(0, 59))
        self.reply(thread, self.answer_text(
            f"w odpowiedzi na wniosek z {statement.polish_date(day)} informujemy, że {final}"),
            done, sekretarz)
        thread.closed = True
        self.deadlines.append((thread, day, done + timedelta(minutes=2)))

    def emergencies(self, first: Resident, second: Resident) -> None:
        """Two messages that looked like an emergency, taken by a person within minutes: one in
        office hours, one on a Saturday evening."""
        day = self.day_at(0.27)
        saturdays = [d for d in self.days if d.weekday() == 5 and d > self.day_at(0.55)]
        evening = saturdays[0] if saturdays else self.days[-2]
        for resident, (text, flags, answer), at in [
                (first, EMERGENCIES[0], self.at(evening, 21, self.rng.randint(5, 40))),
                (second, EMERGENCIES[1], self.at(day, 11, self.rng.randint(5, 40)))]:
            thread = self.thread(Conversation.Kind.DIRECT, self.facebook, resident,
                                 topic="safety")
            msg = _Msg(thread=thread, direction=IN, origin=PLATFORM, kind=MESSAGE, text=text,
                       at=at, flags=_flags(flags) | {"urgent"}, topic="safety",
                       pid=self.pid("m"), author_name=resident.display_name)
            thread.messages.append(msg)
            self.acknowledge(thread, msg, emergency=True)
            answered = at + timedelta(minutes=self.rng.uniform(3, 8))
            self.reply(thread, f"{answer}\n\n{self.office.reply_signature}", answered,
                       self.staff["redaktor"])
            self.write(thread, "Dziękuję, już przyjechali.",
                       answered + timedelta(minutes=self.rng.uniform(15, 40)))
            thread.closed = True

    # -- moderation -----------------------------------------------------------------------------

    def comment_on(self, key: str, resident: Resident, text: str, at: datetime,
                   flags: str = "", topic: str = "other", items=None) -> _Msg:
        post, inbox = self.posts[key]
        at = max(at, post.published_at + timedelta(minutes=self.rng.randint(20, 90)))
        thread = self.thread(Conversation.Kind.COMMENTS, inbox.channel, resident, inbox, topic)
        thread.closed = True
        return self.write(thread, text, at, flags, topic, items)

    def act(self, kind: str, clause_key: str | None, msg: _Msg | None, at: datetime, *,
            actor="redaktor", resident: Resident | None = None, description: str = "",
            detector: str = "", automatic: bool = False, reverses=None, duration=None,
            approver=None, executed: datetime | None = None) -> ModerationAct:
        clause = self.clauses.get(clause_key) if clause_key else None
        resident = resident or (msg.thread.resident if msg else None)
        thread = msg.thread if msg else None
        channel = thread.channel if thread else resident.channel
        act = ModerationAct(
            reference=new_reference("M"), office=self.office, channel=channel, kind=kind,
            status=ModerationAct.Status.DONE, resident=resident,
            post=thread.post if thread else None, regulamin=self.regulamin if clause else None,
            clause=clause, legal_basis="" if clause else PROTECTIVE_BASIS,
            description=description, automatic=automatic, detector=detector,
            actor=self.staff[actor] if actor else None, created_at=at, reverses=reverses,
            notice="sent" if kind in ModerationAct.RESTRICTING else "")
        act.appeal_deadline_from(max(self.office.appeal_months, 6))
        act.executed_at = executed or at + timedelta(seconds=self.rng.randint(2, 25))
        if kind == Act.RESTRICT:
            act.duration_days, act.expires_at = duration, at + timedelta(days=duration)
            act.lifted_at = act.expires_at + timedelta(minutes=self.rng.randint(1, 4))
        if kind == Act.BLOCK:
            act.review_at = at + timedelta(days=90)
            act.approval_reason = "permanent"
            act.approved_by = self.staff[approver]
            act.approved_at = act.executed_at - timedelta(seconds=15)
        if msg is not None:
            if kind == Act.HIDE:
                msg.hidden_at = act.executed_at
            elif kind == Act.UNHIDE:
                msg.hidden_at = None
                msg.shown_at = act.executed_at
            elif kind == Act.DELETE:
                msg.deleted_at = act.executed_at
        act._msg = msg  # joined to the saved message later
        self.acts.append(act)
        return act

    def load_moderation(self) -> None:
        c = self.clauses
        if not {"insults", "vulgar", "spam", "threats", "hate", "off_topic_flood",
                "personal_data", "appeal_upheld"} <= set(c):
            return  # no rules in force to cite: the month had no moderation
        named = self.named
        offender = named[OFFENDER]
        # A resident climbs the ladder: hidden twice, hidden again and restricted for 7 days.
        first = self.comment_on("cleanair", offender, INSULTS[0],
                                self.at(self.day_at(0.15), 19, 40), "neg harmful")
        self.act(Act.HIDE, "insults", first, self.working(first.at, self.rng.uniform(10, 40)))
        second = self.comment_on("session", offender, VULGAR[0],
                                 self.at(self.day_at(0.30), 21, 10), "neg")
        self.act(Act.HIDE, "vulgar", second, self.working(second.at, self.rng.uniform(10, 40)))
        third = self.comment_on("taxes", offender, INSULTS[1],
                                self.at(self.day_at(0.40), 10, 5), "neg harmful")
        hidden = self.working(third.at, self.rng.uniform(15, 30))
        self.act(Act.HIDE, "insults", third, hidden)
        self.act(Act.RESTRICT, "insults", third, hidden + timedelta(minutes=4), duration=7,
                 description="Trzecie w ciągu miesiąca znieważenie (wcześniej dwa komentarze "
                             "ukryte, autor otrzymał uzasadnienia).")
        # Other insults and vulgarity: hidden, not deleted.
        for key, text, clause, fraction, hour, who in [
                ("waste", INSULTS[2], "insults", 0.25, 13, 0),
                ("session", INSULTS[3], "insults", 0.29, 16, 1),
                ("sorting", VULGAR[1], "vulgar", 0.35, 11, 2)]:
            resident = (self.commenters["instagram"][who] if key == "sorting"
                        else self.commenters["facebook"][-1 - who])
            msg = self.comment_on(key, resident, text, self.at(self.day_at(fraction), hour, 20),
                                  "neg harmful" if clause == "insults" else "neg")
            self.act(Act.HIDE, clause, msg, self.working(msg.at, self.rng.uniform(15, 60)))
        # The same question three times in ten minutes: the first is answered, the repeats
        # hidden, and the author warned.
        flooder = named[FLOODER]
        post_at = self.at(self.day_at(0.55), 8, 50)
        first_flood = self.comment_on("roadworks", flooder, FLOOD, post_at, "q neg", "roads")
        self.reply(first_flood.thread, self.answer_text(FLOOD_ANSWER),
                   self.working(first_flood.at, self.rng.uniform(40, 70)), self.staff["redaktor"])
        first_flood.thread.closed = False
        repeats = [self.comment_on("roadworks", flooder, FLOOD,
                                   first_flood.at + timedelta(minutes=m), "q neg", "roads")
                   for m in (7, 16)]
        hide_at = self.working(repeats[-1].at, self.rng.uniform(15, 25))
        for index, msg in enumerate(repeats):
            self.act(Act.HIDE, "off_topic_flood", msg, hide_at + timedelta(minutes=index))
        self.act(Act.WARNING, "off_topic_flood", repeats[-1], hide_at + timedelta(minutes=3),
                 description="Ten sam komentarz opublikowany trzykrotnie w ciągu kwadransa.")
        # A spammer: hidden, then deleted and blocked for good with a supervisor's approval.
        spammer = named[SPAMMER]
        spam_one = self.comment_on("budget", spammer, SPAM, self.at(self.day_at(0.20), 3, 12),
                                   "spam")
        self.act(Act.HIDE, "spam", spam_one, self.working(spam_one.at, self.rng.uniform(5, 20)))
        spam_two = self.comment_on("consultation", spammer, SPAM,
                                   self.at(self.day_at(0.64), 14, 2), "spam")
        deleted = self.working(spam_two.at, self.rng.uniform(10, 20))
        self.act(Act.DELETE, "spam", spam_two, deleted)
        self.act(Act.BLOCK, "spam", spam_two, deleted + timedelta(minutes=2),
                 approver="sekretarz", executed=self.working(deleted, self.rng.uniform(30, 60)),
                 description="Konto rozsyła ten sam link do oszustwa pod różnymi wpisami; "
                             "wcześniejszy komentarz ukryto.")
        # The personal-data detector hides two comments at once; a person checks them.
        for fraction, hour, (before, number, after), kind, what in [
                (0.40, 18, PESEL_TEXT, "pesel", "numer PESEL"),
                (0.45, 9, IBAN_TEXT, "iban", "numer rachunku bankowego")]:
            writer = self.pick("facebook")
            before = _words(before, self.female[writer.pk], {})
            text = before + number + after
            items = [{"type": kind, "start": len(before), "end": len(before) + len(number)}]
            msg = self.comment_on("taxes", writer, text,
                                  self.at(self.day_at(fraction), hour, 22),
                                  "q personal_data" + (" neg" if kind == "iban" else ""),
                                  "taxes", items)
            act = self.act(Act.HIDE, "personal_data", msg,
                           msg.at + timedelta(seconds=self.rng.randint(3, 15)), actor=None,
                           automatic=True, detector=f"personal_data:{kind}",
                           description=f"W komentarzu rozpoznano: {what}.")
            checked = self.working(act.created_at, self.rng.uniform(10, 45))
            self.reviews.append((msg, ReviewItem.Reason.AUTO_HIDDEN, act, checked,
                                 ReviewItem.Outcome.KEPT))
            answer = _words(PROTECTIVE_ANSWER, self.female[writer.pk], {"what": what})
            self.reply(msg.thread, self.answer_text(answer),
                       checked + timedelta(minutes=2), self.staff["podatki"])
            msg.thread.closed = False
        # A threat, deleted (the detector pointed at it, a person decided), and hate speech.
        for key, text, clause, kind, fraction, hour in [
                ("session", THREAT, "threats", Act.DELETE, 0.33, 12),
                ("job", HATE, "hate", Act.HIDE, 0.60, 10)]:
            msg = self.comment_on(key, self.commenters["facebook"][-4 - len(self.reviews)],
                                  text, self.at(self.day_at(fraction), hour, 14),
                                  "harmful neg")
            act = self.act(kind, clause, msg, self.working(msg.at, self.rng.uniform(12, 30)),
                           detector="harmful")
            self.reviews.append((msg, ReviewItem.Reason.HARMFUL, act, act.created_at,
                                 ReviewItem.Outcome.ACTED))
        # Criticism hidden as an insult; the appeal is upheld and the comment shown again.
        appellant = named[APPELLANT]
        criticism = self.comment_on("roads", appellant, CRITICISM,
                                    self.at(self.day_at(0.10), 20, 15), "neg", "roads")
        hide = self.act(Act.HIDE, "insults", criticism,
                        self.working(criticism.at, self.rng.uniform(5, 20)))
        filed = self.at(hide.created_at.astimezone(self.tz).date() + timedelta(days=1), 19, 3)
        decided = self.working(filed, self.rng.uniform(500, 800))
        unhide = self.act(Act.UNHIDE, "appeal_upheld", criticism, decided + timedelta(minutes=1),
                          actor="sekretarz", reverses=hide,
                          description="Odwołanie uwzględnione: komentarz jest krytyką "
                                      "działalności organu, a nie znieważeniem.")
        self.appeal = (hide, unhide, filed, decided)

    # -- writing it all -------------------------------------------------------------------------

    def save_conversations(self) -> None:
        conversations, messages = [], []
        for thread in self.threads:
            thread.messages.sort(key=lambda m: m.at)
            conversations.append(self.conversation(thread))
        Conversation.objects.bulk_create(conversations)
        for thread in self.threads:
            for msg in thread.messages:
                msg.obj = Message(
                    conversation=thread.conversation, channel=thread.channel, kind=msg.kind,
                    direction=msg.direction, origin=msg.origin, platform_id=msg.pid,
                    parent_platform_id=msg.parent,
                    resident=thread.resident if msg.direction == IN else None,
                    author_user=msg.user, author_name=msg.author_name, text=msg.text,
                    is_private_reply=msg.private, created_at=msg.at, text_version_at=msg.at,
                    deleted_at=msg.deleted_at, is_hidden=msg.hidden_at is not None,
                    visibility_changed_at=msg.hidden_at or msg.shown_at,
                    delivery=(Message.Delivery.READ if msg.direction == OUT
                              and msg.kind == MESSAGE else Message.Delivery.SENT
                              if msg.direction == OUT else Message.Delivery.NONE))
                messages.append(msg)
        Message.objects.bulk_create([m.obj for m in messages], batch_size=500)
        Analysis.objects.bulk_create([self.analysis(m) for m in messages if m.direction == IN],
                                     batch_size=500)

    def conversation(self, thread: _Thread) -> Conversation:
        msgs = thread.messages
        last = msgs[-1]
        inbound = [m for m in msgs if m.direction == IN]
        waiting = None
        for msg in msgs:
            if msg.is_answer:
                waiting = None
            elif msg.is_question and waiting is None:
                waiting = msg
        answers = [m for m in msgs if m.is_answer]
        conv = Conversation(
            office=self.office, channel=thread.channel, kind=thread.kind, thread_key=thread.key,
            post=thread.post, resident=thread.resident,
            department=self.departments.get(ROUTES.get(thread.topic, "")),
            assignee=answers[-1].user if answers else None,
            preview="" if last.deleted_at else last.text[:200],
            acknowledged_period=thread.acknowledged, last_message_at=last.at,
            last_inbound_at=max(m.at for m in inbound) if inbound else None)
        if waiting is not None:
            target = thread.channel.response_target_minutes or \
                self.office.response_target_minutes
            conv.status = (Conversation.Status.CLOSED if thread.closed
                           else Conversation.Status.OPEN)
            conv.response_due_at = self.calendar.add_working_time(waiting.at,
                                                                  timedelta(minutes=target))
            conv.breach_notified_at = conv.response_due_at + timedelta(minutes=1)
        elif thread.closed is False or (last.is_answer and thread.closed is None
                                        and self.rng.random() < 0.25):
            conv.status = Conversation.Status.WAITING
        else:
            conv.status = Conversation.Status.CLOSED
        thread.conversation = conv
        return conv

    def analysis(self, msg: _Msg) -> Analysis:
        scores = {flag: round(self.rng.uniform(0.01, 0.2), 3) for flag in FLAGS}
        for flag in msg.flags:
            scores[flag] = round(self.rng.uniform(0.62, 0.97), 3)
        flags = [flag for flag in FLAGS if flag in msg.flags]
        return Analysis(message=msg.obj, version=VERSION, machine_flags=flags, scores=scores,
                        personal_items=msg.items, topic=msg.topic,
                        analyzed_at=msg.at + timedelta(seconds=self.rng.randint(1, 4)),
                        **dict.fromkeys(flags, True))

    def save_deadlines(self) -> None:
        rows = []
        for thread, day, done in self.deadlines:
            rows.append(Deadline(
                office=self.office, conversation=thread.conversation, rule=Deadline.Rule.UDIP,
                started_on=day, legal_end=legal_end(day, RULES["udip"]),
                internal_target=self.calendar.internal_target(day, RULES["udip"]),
                owner=self.staff["sekretarz"], status=Deadline.Status.DONE, done_at=done))
        Deadline.objects.bulk_create(rows)
        for row, (thread, _day, _done) in zip(rows, self.deadlines, strict=True):
            row.created_at = thread.messages[0].at + timedelta(seconds=5)
        Deadline.objects.bulk_update(rows, ["created_at"])

    def save_moderation(self) -> None:
        if not self.acts:
            return
        for act in self.acts:
            msg = act._msg
            act.message = msg.obj if msg else None
            act.snapshot = self.snapshot(act, msg)
            act.statement = statement.build(act, masks=[(i["start"], i["end"])
                                                        for i in (msg.items if msg else [])])
        first = [a for a in self.acts if a.reverses is None]
        ModerationAct.objects.bulk_create(first)
        ModerationAct.objects.bulk_create([a for a in self.acts if a.reverses is not None])
        items = []
        for msg, reason, act, resolved, outcome in self.reviews:
            items.append(ReviewItem(
                office=self.office, message=msg.obj, reason=reason, created_at=msg.at +
                timedelta(seconds=5), due_at=self.end_of_day(msg.at), outcome=outcome,
                resolved_at=resolved, resolved_by=self.staff["redaktor"], act=act))
        ReviewItem.objects.bulk_create(items)
        hide, unhide, filed, decided = self.appeal
        Appeal.objects.create(
            reference=new_reference("O"), office=self.office, act=hide,
            act_reference=hide.reference, account_name=APPELLANT,
            text="Mój komentarz nikogo nie obraża – to krytyka tego, że drogi nadal nie ma. "
                 "Proszę o jego przywrócenie.",
            status=Appeal.Status.UPHELD, created_at=filed, decided_by=self.staff["sekretarz"],
            decided_at=decided, reversal=unhide,
            decision=f"Odwołanie uwzględnione. Komentarz zawiera ostrą, ale rzeczową krytykę "
                     f"działalności wójta, która według § {hide.clause.number} regulaminu jest "
                     "dozwolona i nie jest znieważeniem. Komentarz został przywrócony.")

    def end_of_day(self, moment: datetime) -> datetime:
        day = moment.astimezone(self.tz).date()
        for offset in range(10):
            spans = self.calendar.spans(day + timedelta(days=offset))
            if spans and spans[-1][1] > moment:
                return spans[-1][1]
        return moment + timedelta(days=1)

    def snapshot(self, act: ModerationAct, msg: _Msg | None) -> dict:
        snap: dict = {}
        if msg is not None:
            snap.update(text=msg.text, author=msg.author_name, message_platform_id=msg.pid,
                        created_at=msg.at.isoformat(),
                        conversation=str(msg.thread.conversation.uuid))
        if act.resident is not None:
            snap.update(author=snap.get("author") or act.resident.display_name,
                        account_id=act.resident.platform_id)
        if act.post is not None:
            snap.update(post_platform_id=act.post.platform_id, post_url=act.post.permalink_url)
        return snap

    def fix_dates(self) -> None:
        """Rows whose creation time the database sets take the time of the story."""
        convs = Conversation.objects.filter(office=self.office, thread_key__in=[
            t.key for t in self.threads])
        first = Message.objects.filter(conversation=OuterRef("pk")).order_by("created_at")
        convs.update(created_at=Subquery(first.values("created_at")[:1]))
        Message.objects.filter(conversation__in=convs).update(received_at=F("created_at"))
        residents = self.fb_residents + self.ig_residents
        seen: dict[int, datetime] = {}
        for thread in self.threads:
            for msg in thread.messages:
                if msg.direction == IN:
                    pk = thread.resident.pk
                    seen[pk] = min(msg.at, seen.get(pk, msg.at))
        for resident in residents:
            resident.first_seen_at = seen.get(resident.pk, self.start)
        Resident.objects.bulk_update(residents, ["first_seen_at"])

    def load(self) -> dict:
        self.load_residents()
        self.load_posts()
        self.load_comments()
        self.load_direct()
        self.load_moderation()
        self.save_conversations()
        self.save_deadlines()
        self.save_moderation()
        self.fix_dates()
        messages = [m for t in self.threads for m in t.messages]
        return {
            "month": f"{self.month:%Y-%m}",
            "residents": len(self.fb_residents) + len(self.ig_residents),
            "posts": len(self.posts),
            "conversations": len(self.threads),
            "comment_threads": sum(t.kind == Conversation.Kind.COMMENTS for t in self.threads),
            "direct_threads": sum(t.kind == Conversation.Kind.DIRECT for t in self.threads),
            "messages": len(messages),
            "inbound": sum(m.direction == IN for m in messages),
            "answers": sum(m.is_answer for m in messages),
            "acknowledgements": sum(m.origin == AUTOMATIC for m in messages),
            "deadlines": len(self.deadlines),
            "moderation_acts": len(self.acts),
            "appeals": 1 if self.appeal else 0,
        }


PROTECTIVE_BASIS = ("art. 5 ust. 1 lit. f i art. 32 RODO (ochrona danych osobowych autora "
                    "komentarza)")


def _places(street: str, village: tuple[str, str, str]) -> dict[str, str]:
    """A street (a feminine adjective: "Lipowa") and a village in the cases the texts need."""
    stem = street[:-1]
    return {"street": street, "street_loc": stem + ("iej" if stem[-1] in "kg" else "ej"),
            "street_acc": stem + "ą", "village": village[0], "village_gen": village[1],
            "village_loc": village[2]}


def _words(text: str, female: bool, values: dict[str, str]) -> str:
    """The text for a woman or a man ("Był{am|em}"), with its places filled in."""
    text = GENDERED.sub(lambda match: match[1] if female else match[2], text)
    return text.format(**values) if values else text


def _flags(short: str) -> frozenset:
    """'q neg priv' -> the triage flags question and negative ('priv' is how it is answered)."""
    return frozenset(SHORT.get(word, word) for word in short.split() if word != "priv")


def timezone_local_date(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


@transaction.atomic
def load_history(office: Office, *, month: date) -> dict:
    """Fill `month` (its first day) with a month of the office's work; return what was made."""
    with translation.override("pl"):
        return _History(office, month).load()
