"""Polish translations of the interface, applied to the .po file by `make messages`.

Kept as a dict so a reviewer sees every English source string next to its Polish text.
"""

PL = {
    "audit event": "zdarzenie dziennika",
    "Office page": "Strona urzędu",
    "Official profile of the head of office": "Oficjalny profil organu (wójta, burmistrza, prezydenta)",
    "Private page of an office holder": "Prywatna strona osoby pełniącej funkcję",
    "Active": "Aktywny",
    "Connection broken": "Połączenie zerwane",
    "name": "nazwa",
    "username": "nazwa użytkownika",
    "channel": "kanał",
    "A private page of an office holder cannot be run from the office's desk.":
        "Prywatnej strony osoby pełniącej funkcję nie można prowadzić z biurka urzędu.",
    "Unknown owner type.": "Nieznany rodzaj właściciela.",
    "Channel connected": "Kanał podłączony",
    "Channel connection broken": "Połączenie kanału zerwane",
    "Channel access token replaced": "Token dostępu kanału wymieniony",
    "Reply": "Odpowiedź",
    "Send as": "Wyślij jako",
    "Public reply under the comment": "Publiczna odpowiedź pod komentarzem",
    "Private reply (Messenger / Direct)": "Prywatna odpowiedź (Messenger / Direct)",
    "Message": "Wiadomość",
    "Internal note": "Notatka wewnętrzna",
    "Person": "Osoba",
    "Department": "Wydział",
    "nobody": "nikt",
    "none": "brak",
    "Comment thread": "Wątek komentarzy",
    "Direct messages": "Wiadomości prywatne",
    "New": "Nowa",
    "Open": "W toku",
    "Waiting for the resident": "Czeka na mieszkańca",
    "Closed": "Zamknięta",
    "Comment": "Komentarz",
    "From a resident": "Od mieszkańca",
    "From the office": "Od urzędu",
    "Received from the platform": "Odebrana z platformy",
    "Written in Ratusz": "Napisana w Ratuszu",
    "Written outside Ratusz": "Napisana poza Ratuszem",
    "Sending": "Wysyłanie",
    "Sent": "Wysłana",
    "Not sent": "Niewysłana",
    "Delivered": "Dostarczona",
    "Read": "Przeczytana",
    "More than 7 days have passed since the resident's last message, so Meta does not allow a reply in this thread. The resident has to write first.":
        "Od ostatniej wiadomości mieszkańca minęło ponad 7 dni, więc Meta nie pozwala odpowiedzieć w tym wątku. Mieszkaniec musi napisać pierwszy.",
    "The reply is empty.": "Odpowiedź jest pusta.",
    "The reply is longer than the platform allows.": "Odpowiedź jest dłuższa, niż pozwala platforma.",
    "The comment this thread started with is no longer available.":
        "Komentarz, od którego zaczął się ten wątek, nie jest już dostępny.",
    "A private reply can only answer a resident's comment.":
        "Prywatną odpowiedzią można odpowiedzieć tylko na komentarz mieszkańca.",
    "A private reply is possible only within 7 days of the comment.":
        "Prywatna odpowiedź jest możliwa tylko w ciągu 7 dni od komentarza.",
    "Meta allows only one private reply to a comment.":
        "Meta pozwala na jedną prywatną odpowiedź na komentarz.",
    "This kind of reply is not possible in this conversation.":
        "Taka odpowiedź nie jest możliwa w tej rozmowie.",
    "Instagram does not allow replies to a hidden comment.":
        "Instagram nie pozwala odpowiadać na ukryty komentarz.",
    "The channel's connection is broken; reconnect it first.":
        "Połączenie kanału jest zerwane; najpierw podłącz go ponownie.",
    "That department belongs to another office.": "Ten wydział należy do innego urzędu.",
    "That person does not work in this office.": "Ta osoba nie pracuje w tym urzędzie.",
    "Unknown status.": "Nieznany status.",
    "The note is empty.": "Notatka jest pusta.",
    "Conversations": "Rozmowy",
    "Unknown author": "Autor nieznany",
    "No conversations match these filters.": "Żadna rozmowa nie pasuje do tych filtrów.",
    "Resident": "Mieszkaniec",
    "Office": "Urząd",
    "Private reply": "Odpowiedź prywatna",
    "edited": "edytowano",
    "hidden": "ukryty",
    "deleted on the platform": "usunięty na platformie",
    "Attachment": "Załącznik",
    "open": "otwórz",
    "The platform refused this reply:": "Platforma odrzuciła tę odpowiedź:",
    "Try again": "Spróbuj ponownie",
    "No messages yet.": "Nie ma jeszcze wiadomości.",
    "Conversation": "Rozmowa",
    "Back to the inbox": "Wróć do skrzynki",
    "Messages with": "Wiadomości z:",
    "Comments by": "Komentarze:",
    "Under the post": "Pod wpisem",
    "(the post's text is not known yet)": "(treść wpisu nie jest jeszcze znana)",
    "Open the post": "Otwórz wpis",
    "Messages": "Wiadomości",
    "Answer": "Odpowiedz",
    "Replies on social media are information, not an administrative decision. Formal matters go through the office's official channels.":
        "Odpowiedzi w mediach społecznościowych mają charakter informacyjny, nie są rozstrzygnięciem administracyjnym. Sprawy formalne załatwia się oficjalnymi kanałami urzędu.",
    "Send": "Wyślij",
    "Handling": "Obsługa",
    "Assign": "Przydziel",
    "Reopen": "Otwórz ponownie",
    "Close": "Zamknij",
    "Assigned to": "Przydzielono",
    "Internal notes": "Notatki wewnętrzne",
    "Residents never see these notes.": "Mieszkańcy nigdy nie widzą tych notatek.",
    "No notes.": "Brak notatek.",
    "Add note": "Dodaj notatkę",
    "Inbox": "Skrzynka",
    "Filter conversations": "Filtruj rozmowy",
    "Search": "Szukaj",
    "Channel": "Kanał",
    "all": "wszystkie",
    "Status": "Status",
    "not closed": "niezamknięte",
    "Mine": "Moje",
    "Unassigned": "Nieprzydzielone",
    "Filter": "Filtruj",
    "Keyboard: j and k move between conversations, Enter opens one, / searches.":
        "Klawiatura: j i k przechodzą między rozmowami, Enter otwiera rozmowę, / przenosi do wyszukiwania.",
    "Message received": "Wiadomość odebrana",
    "Reply made outside Ratusz recorded": "Zapisano odpowiedź udzieloną poza Ratuszem",
    "Message edited by its author": "Autor edytował wiadomość",
    "Message deleted on the platform": "Wiadomość usunięta na platformie",
    "Comment hidden on the platform": "Komentarz ukryty na platformie",
    "Comment unhidden on the platform": "Komentarz odkryty na platformie",
    "Reply queued": "Odpowiedź w kolejce",
    "Reply delivered to the platform": "Odpowiedź przekazana na platformę",
    "Reply not delivered": "Odpowiedź nie dotarła",
    "Conversation assigned": "Rozmowa przydzielona",
    "Conversation status changed": "Zmieniono status rozmowy",
    "Internal note added": "Dodano notatkę wewnętrzną",
    "The reply is on its way.": "Odpowiedź jest w drodze.",
    "Assignment saved.": "Przydział zapisany.",
    "Status changed.": "Status zmieniony.",
    "Note added.": "Notatka dodana.",
    "Sending again.": "Wysyłamy ponownie.",
    "Municipality (gmina)": "Gmina",
    "City hall": "Urząd miasta",
    "County (powiat)": "Powiat (starostwo)",
    "Organisational unit": "Jednostka organizacyjna",
    "kind": "rodzaj",
    "time zone": "strefa czasowa",
    "BIP address": "adres BIP",
    "website": "strona internetowa",
    "e-mail": "e-mail",
    "phone": "telefon",
    "address": "adres",
    "ePUAP inbox": "skrzynka ePUAP",
    "office": "urząd",
    "department": "wydział",
    "Viewer": "Podgląd",
    "Responder": "Odpowiadający",
    "Moderator": "Moderator",
    "Supervisor": "Przełożony",
    "Administrator": "Administrator",
    "role": "rola",
    "Office created": "Utworzono urząd",
    "Department created": "Utworzono wydział",
    "Role granted": "Nadano rolę",
    "Role changed": "Zmieniono rolę",
    "Role revoked": "Odebrano rolę",
    "Public reply to a comment": "Publiczna odpowiedź na komentarz",
    "Direct message": "Wiadomość prywatna",
    "Private reply to a comment": "Prywatna odpowiedź na komentarz",
    "Waiting to be sent": "Czeka na wysłanie",
    "Checking whether it arrived": "Sprawdzamy, czy dotarła",
    "Sent to the platform": "Wysłano na platformę",
    "Sending failed": "Wysyłka nieudana",
    "Sending retried by a person": "Ponowiono wysyłkę",
    "Polish": "polski",
    "English": "angielski",
    "Log in": "Zaloguj się",
    "Log in to the desk": "Logowanie do biurka",
    "Wrong username or password.": "Błędna nazwa użytkownika lub hasło.",
    "Username": "Nazwa użytkownika",
    "Password": "Hasło",
    "Each person has their own account. Ask your office's administrator for one.":
        "Każda osoba ma własne konto. Poproś o nie administratora w swoim urzędzie.",
    "Skip to content": "Przejdź do treści",
    "Main navigation": "Nawigacja główna",
    "Log out": "Wyloguj",
    "Language": "Język",
    "Meta's standard 24-hour reply window is open until %(until)s.":
        "Standardowe 24-godzinne okno odpowiedzi Mety jest otwarte do %(until)s.",
    "The 24-hour window has passed; a person may still reply until %(until)s (sent with Meta's HUMAN_AGENT tag).":
        "Minęły 24 godziny; pracownik może jeszcze odpowiedzieć do %(until)s (Meta dostanie tag HUMAN_AGENT).",
    "Meta did not answer and no echo came back, so the message may or may not have arrived. Check with the resident before trying again.":
        "Meta nie odpowiedziała i nie wróciło potwierdzenie, więc wiadomość mogła dotrzeć albo nie. Zanim wyślesz ją ponownie, sprawdź to z mieszkańcem.",
    "Meta's Graph API did not answer in time.": "Graph API Mety nie odpowiedziało na czas.",
    "Meta's Graph API cannot be reached.": "Nie można połączyć się z Graph API Mety.",
    "Meta's Graph API gave an answer that cannot be read.":
        "Graph API Mety zwróciło odpowiedź, której nie da się odczytać.",
    'The connection to %(platform)s "%(name)s" is broken: replies cannot be sent.':
        'Połączenie z kanałem %(platform)s „%(name)s” jest zerwane: odpowiedzi nie mogą zostać wysłane.',
    "Meta said:": "Komunikat Mety:",
    "An administrator has to store a new access token (ratusz channel token).":
        "Administrator musi zapisać nowy token dostępu (ratusz channel token).",
    "Too many failed attempts. Try again in %(minutes)d minute.": [
        "Zbyt wiele nieudanych prób. Spróbuj ponownie za %(minutes)d minutę.",
        "Zbyt wiele nieudanych prób. Spróbuj ponownie za %(minutes)d minuty.",
        "Zbyt wiele nieudanych prób. Spróbuj ponownie za %(minutes)d minut.",
        "Zbyt wiele nieudanych prób. Spróbuj ponownie za %(minutes)d minuty.",
    ],
    "Desk status": "Stan biurka",
    "Channels": "Kanały",
    "Account id": "Identyfikator konta",
    "Since": "Od",
    "No channel is connected yet.": "Nie podłączono jeszcze żadnego kanału.",
    "Sending to the platforms": "Wysyłka na platformy",
    "Not sent in the last 7 days": "Niewysłane w ostatnich 7 dniach",
    "When": "Kiedy",
    "Kind": "Rodzaj",
    "Reason": "Powód",
    "Open the conversation": "Otwórz rozmowę",
    "Webhooks from Meta (whole installation)": "Webhooki od Mety (cała instalacja)",
    "Processed": "Przetworzone",
    "Waiting": "Czekające",
    "the oldest for %(age)s": "najstarszy od %(age)s",
    "Failed, will be retried": "Nieudane, zostaną ponowione",
    "Given up after every retry": "Porzucone po wszystkich próbach",
    "Deliveries that were given up are kept with their raw content for the installation's operator; the worker's log says why.":
        "Porzucone dostawy są przechowywane wraz z surową treścią dla operatora instalacji; przyczynę podaje dziennik workera.",
    "Office open": "Urząd otwarty",
    "Complaints and motions accepted after hours": "Przyjmowanie skarg i wniosków po godzinach",
    "weekday": "dzień tygodnia",
    "opens": "otwarcie",
    "closes": "zamknięcie",
    "valid from": "obowiązuje od",
    "valid to": "obowiązuje do",
    "Day off for a holiday falling on Saturday": "Dzień wolny za święto przypadające w sobotę",
    "Bridge day": "Dzień wolny między świętami (most)",
    "Other closure": "Inne zamknięcie urzędu",
    "day": "dzień",
    "reason": "powód",
    "Opening hours changed": "Zmieniono godziny pracy",
    "Closure day added": "Dodano dzień zamknięcia urzędu",
    "This is an automatic reply: the office is closed now. We will read your message and answer {next_opening}. The rules of our page: {rules_url}":
        "To jest automatyczna odpowiedź: urząd jest teraz nieczynny. Przeczytamy Twoją wiadomość i odpowiemy {next_opening}. Zasady naszej strony: {rules_url}",
    "If life, health or property is in danger, call the emergency number 112 now. The municipality's on-duty crisis contact: {duty_contact}.":
        "Jeśli zagrożone jest życie, zdrowie lub mienie, zadzwoń teraz pod numer alarmowy 112. Dyżur kryzysowy gminy: {duty_contact}.",
    "Ratusz: a message that looks like an emergency": "Ratusz: wiadomość, która wygląda na zagrożenie",
    "A resident wrote on %(channel)s:\n\n%(text)s\n\nOpen it: %(link)s":
        "Mieszkaniec napisał na kanale %(channel)s:\n\n%(text)s\n\nOtwórz rozmowę: %(link)s",
    "Automatic reply": "Odpowiedź automatyczna",
    "Automatic acknowledgement": "Automatyczne potwierdzenie",
    "Out-of-hours acknowledgement sent": "Wysłano automatyczne potwierdzenie poza godzinami pracy",
    "On-duty people alerted about a possible emergency": "Zaalarmowano dyżurnych o możliwym zagrożeniu",
    "page rules (regulamin) address": "adres regulaminu strony",
    "first response target (working minutes)": "czas na pierwszą odpowiedź (minuty robocze)",
    "acknowledge messages out of hours": "potwierdzaj wiadomości poza godzinami pracy",
    "acknowledge public comments out of hours": "potwierdzaj komentarze publiczne poza godzinami pracy",
    "acknowledgement text": "treść automatycznego potwierdzenia",
    "on-duty crisis contact": "kontakt do dyżuru kryzysowego",
    "e-mails alerted about emergencies": "adresy e-mail alarmowane o zagrożeniach",
    "the office's Meta app has the Human Agent feature": "aplikacja urzędu w Mecie ma funkcję Human Agent",
    "More than 24 hours have passed since the resident's last message and the office's Meta app has no Human Agent feature, so Meta does not allow a reply here. Answer by another channel (e-mail, phone) or wait for the resident to write again.":
        "Od ostatniej wiadomości mieszkańca minęły ponad 24 godziny, a aplikacja urzędu w Mecie nie ma funkcji Human Agent, więc Meta nie pozwala tu odpowiedzieć. Odpowiedz innym kanałem (e-mail, telefon) albo poczekaj, aż mieszkaniec napisze ponownie.",
    "Ratusz: a resident is waiting longer than the office's target":
        "Ratusz: mieszkaniec czeka dłużej, niż zakłada urząd",
    "The first answer was due %(due)s.\n\n%(preview)s\n\nOpen it: %(link)s":
        "Pierwsza odpowiedź powinna była paść do %(due)s.\n\n%(preview)s\n\nOtwórz rozmowę: %(link)s",
    "answer was due %(due)s": "odpowiedź była należna do %(due)s",
    "answer by %(due)s": "odpowiedź do %(due)s",
    "Order": "Kolejność",
    "newest first": "najnowsze najpierw",
    "least time left to answer": "najmniej czasu na odpowiedź",
    "First-response time exceeded": "Przekroczono czas na pierwszą odpowiedź",
    "Unknown deadline rule.": "Nieznany rodzaj terminu.",
    "Public information request: 14 days": "Wniosek o informację publiczną: 14 dni",
    "Public information request, extended: 2 months": "Wniosek o informację publiczną, termin przedłużony: 2 miesiące",
    "Complaint or motion: 1 month": "Skarga lub wniosek: 1 miesiąc",
    "Call to supplement an application: 7 days": "Wezwanie do uzupełnienia podania: 7 dni",
    "Done": "Załatwiony",
    "done": "załatwiony",
    "Internal target": "Termin wewnętrzny",
    "Legal end": "Termin ustawowy",
    "overdue": "po terminie",
    "Mark as done": "Oznacz jako załatwiony",
    "Statutory deadlines": "Terminy ustawowe",
    "No deadline runs in this conversation.": "W tej rozmowie nie biegnie żaden termin.",
    "Start a deadline from today": "Rozpocznij termin od dziś",
    "Start": "Rozpocznij",
    "Deadlines": "Terminy",
    "The legal end follows art. 57 KPA (the first day is not counted; an end on a Saturday, Sunday or holiday moves to the next working day). The internal target is the office's last working day before the nominal end.":
        "Termin ustawowy liczy się według art. 57 KPA (nie wlicza się dnia zdarzenia; koniec przypadający w sobotę, niedzielę lub święto przesuwa się na następny dzień roboczy). Termin wewnętrzny to ostatni dzień pracy urzędu przed nominalnym końcem.",
    "Open deadlines, the most urgent first": "Otwarte terminy, najpilniejsze najpierw",
    "Matter": "Sprawa",
    "Rule": "Rodzaj",
    "Started": "Początek",
    "Owner": "Odpowiada",
    "past the internal target": "po terminie wewnętrznym",
    "on time": "w terminie",
    "No open deadlines.": "Brak otwartych terminów.",
    "Statutory deadline started": "Rozpoczęto bieg terminu ustawowego",
    "Statutory deadline closed": "Zamknięto termin ustawowy",
    "Deadline started.": "Termin rozpoczęty.",
    "Deadline closed.": "Termin zamknięty.",
    "Monday": "Poniedziałek",
    "Tuesday": "Wtorek",
    "Wednesday": "Środa",
    "Thursday": "Czwartek",
    "Friday": "Piątek",
    "Saturday": "Sobota",
    "Sunday": "Niedziela",
    "Write hours as 7:30-15:30; separate spans with commas.":
        "Wpisz godziny jako 7:30-15:30; kolejne przedziały oddziel przecinkami.",
    "The office must open before it closes.": "Urząd musi się otwierać przed zamknięciem.",
    "The spans of one day overlap.": "Przedziały godzin tego dnia nachodzą na siebie.",
    "Response and acknowledgement settings changed": "Zmieniono ustawienia odpowiedzi i automatycznego potwierdzenia",
    "Closure day removed": "Usunięto dzień zamknięcia urzędu",
    "Calendar and hours": "Kalendarz i godziny",
    "Public holidays come from the Polish calendar by themselves (24 December from 2025 on). Add here the days the office closes although they are no holiday.":
        "Święta ustawowe są uwzględniane automatycznie (24 grudnia od 2025 r.). Dodaj tu dni, w które urząd jest zamknięty, choć nie są świętem.",
    "Opening hours": "Godziny pracy",
    "For example 7:30-15:30, or 8:00-12:00, 13:00-16:00; empty: closed.":
        "Na przykład 7:30-15:30 albo 8:00-12:00, 13:00-16:00; puste pole: nieczynne.",
    "Save the hours": "Zapisz godziny",
    "Closure days": "Dni zamknięcia urzędu",
    "Remove": "Usuń",
    "No closure days ahead.": "Brak zaplanowanych dni zamknięcia.",
    "Add the closure day": "Dodaj dzień zamknięcia",
    "Answers and the out-of-hours acknowledgement": "Odpowiedzi i automatyczne potwierdzenie poza godzinami pracy",
    "Leave empty for the standard text. Placeholders: {next_opening}, {rules_url}, {duty_contact}, {complaints_hours}, {office}. The text must say it is automatic.":
        "Zostaw puste, aby użyć tekstu standardowego. Pola do wstawienia: {next_opening}, {rules_url}, {duty_contact}, {complaints_hours}, {office}. Tekst musi mówić, że jest automatyczny.",
    "Comma-separated. They get an e-mail about every message that looks like an emergency, at any hour.":
        "Oddzielone przecinkami. Otrzymają e-mail o każdej wiadomości, która wygląda na zagrożenie, o każdej porze.",
    "Save the settings": "Zapisz ustawienia",
    "Preview": "Podgląd",
    "A resident writing now would get this (the office next opens %(when)s):":
        "Mieszkaniec piszący teraz otrzymałby taką wiadomość (urząd będzie otwarty: %(when)s):",
    "And when the message looks like an emergency:": "A gdy wiadomość wygląda na zagrożenie:",
    "The office has no opening hours yet, so no acknowledgement is sent.":
        "Urząd nie ma jeszcze godzin pracy, więc potwierdzenia nie są wysyłane.",
    "Settings saved.": "Ustawienia zapisane.",
    "Opening hours saved.": "Godziny pracy zapisane.",
    "Closure day added.": "Dodano dzień zamknięcia.",
    "Closure day removed.": "Usunięto dzień zamknięcia.",
    "Channel's first response target changed": "Zmieniono czas na pierwszą odpowiedź dla kanału",
    "One private reply (Messenger / Direct) to this comment is possible until %(until)s.":
        "Jedna prywatna odpowiedź (Messenger / Direct) na ten komentarz jest możliwa do %(until)s.",
    "After-hours slot for complaints and motions": "Przyjmowanie skarg i wniosków po godzinach pracy",
    "If the head of office receives residents' complaints outside opening hours, give the slot here; the acknowledgement can name it with {complaints_hours}.":
        "Jeśli kierownik urzędu przyjmuje skargi i wnioski mieszkańców poza godzinami pracy, podaj tu te godziny; automatyczne potwierdzenie może je podać za pomocą {complaints_hours}.",
    "Save the slot": "Zapisz godziny przyjęć",
    "First response target per channel": "Czas na pierwszą odpowiedź w poszczególnych kanałach",
    "Empty: the office's target (%(minutes)s working minutes).":
        "Puste pole: czas ustawiony dla urzędu (%(minutes)s minut roboczych).",
    "Save": "Zapisz",
    "Hours for complaints saved.": "Godziny przyjmowania skarg zapisane.",
    "Give the target in whole minutes, or leave it empty.":
        "Podaj czas w pełnych minutach albo zostaw pole puste.",
    "Target saved.": "Czas zapisany.",
    "This account is already connected.": "To konto jest już podłączone.",
    "Account created": "Utworzono konto",
    "Meta no longer allows a reply here: more than 7 days have passed since the resident's last message.":
        "Meta nie pozwala już tu odpowiedzieć: od ostatniej wiadomości mieszkańca minęło ponad 7 dni.",
    # Triage (issue 4)
    "Emergency": "Zagrożenie",
    "Flag": "Oznaczenie",
    "any": "dowolne",
    "Unknown flag.": "Nieznane oznaczenie.",
    "hide public comments that carry a PESEL, ID card, passport or bank account number":
        "ukrywaj publiczne komentarze z numerem PESEL, dowodu osobistego, paszportu lub konta",
    "Hide or unhide a comment": "Ukrycie lub odkrycie komentarza",
    "Question": "Pytanie",
    "Personal data": "Dane osobowe",
    "Public information request": "Wniosek o informację publiczną",
    "Formal matter": "Sprawa formalna",
    "Harmful": "Szkodliwe",
    "Spam": "Spam",
    "Dissatisfied": "Niezadowolenie",
    "Waste": "Odpady",
    "Local taxes": "Podatki lokalne",
    "Roads and lighting": "Drogi i oświetlenie",
    "Water and sewage": "Woda i kanalizacja",
    "Transport": "Transport",
    "Education": "Edukacja",
    "Social help": "Pomoc społeczna",
    "Civil registry": "Stan cywilny i dowody",
    "Permits and planning": "Budownictwo i planowanie",
    "Environment": "Środowisko",
    "Events": "Wydarzenia",
    "Safety": "Bezpieczeństwo",
    "Public information": "Informacja publiczna",
    "Politics": "Polityka",
    "Other": "Inne",
    "ID card number": "numer dowodu osobistego",
    "passport number": "numer paszportu",
    "bank account": "numer konta",
    "phone number": "numer telefonu",
    "e-mail address": "adres e-mail",
    "home address": "adres zamieszkania",
    "health data": "dane o zdrowiu",
    "analysis": "analiza",
    "analyses": "analizy",
    "triage label": "ocena oznaczenia",
    "topic route": "przypisanie tematu",
    "Why? Click to see what triage found": "Dlaczego? Kliknij, aby zobaczyć, co znalazła analiza",
    "Set by a person.": "Ustawione przez pracownika.",
    "No single phrase: the model's overall judgement.":
        "Bez jednego wyrażenia: ogólna ocena modelu.",
    "Not right: remove this flag": "Błędne: usuń oznaczenie",
    "Topic": "Temat",
    "Add a flag triage missed": "Dodaj oznaczenie, które analiza pominęła",
    "Add flag": "Dodaj oznaczenie",
    "Triage flag corrected": "Poprawiono oznaczenie analizy",
    "Comment with personal data hidden for protection":
        "Ukryto komentarz z danymi osobowymi, by chronić mieszkańca",
    "Conversation routed to a department by topic": "Rozmowa skierowana do referatu według tematu",
    "Topic route changed": "Zmieniono przypisanie tematu do referatu",
    "Stored messages analysed again": "Ponownie przeanalizowano zapisane wiadomości",
    "Harmful-content model retrained": "Ponownie wytrenowano model treści szkodliwych",
    "nobody: stays in the shared inbox": "nikt: zostaje we wspólnej skrzynce",
    "Hide public comments that carry a PESEL, ID card, passport or bank account number":
        "Ukrywaj publiczne komentarze z numerem PESEL, dowodu osobistego, paszportu lub konta",
    "The comment is hidden on Facebook or Instagram at once (its author and their friends still see it; nobody else does) and stays in the desk. Whether a hide needs a clause of the page's rules is not settled in Polish law; protecting the resident's identifiers is a GDPR duty of the page's joint controller, so this is on by default. A person can unhide it.":
        "Komentarz zostaje od razu ukryty na Facebooku lub Instagramie (widzi go tylko autor i jego znajomi) i zostaje w Ratuszu. Polskie prawo nie przesądza, czy takie ukrycie wymaga punktu regulaminu strony; ochrona identyfikatorów mieszkańca to obowiązek współadministratora danych (RODO), dlatego ta opcja jest domyślnie włączona. Pracownik może komentarz odkryć.",
    "Triage": "Analiza wiadomości",
    "Ratusz reads every comment and message as it arrives and marks what it finds. It never answers, deletes or blocks on its own: it puts emergencies first and alerts the on-duty people, starts the deadline of a request for public information, sends new conversations to the department of their topic and, if you allow it below, hides public comments that expose a resident's identifiers.":
        "Ratusz czyta każdy komentarz i wiadomość zaraz po nadejściu i oznacza, co w nich znalazł. Sam nigdy nie odpowiada, nie usuwa i nie blokuje: stawia zagrożenia na początku listy i powiadamia dyżurnych, uruchamia termin wniosku o informację publiczną, kieruje nowe rozmowy do referatu według tematu oraz, jeśli na to pozwolisz poniżej, ukrywa publiczne komentarze ujawniające identyfikatory mieszkańca.",
    "Found in the last %(days)s days": "Znalezione w ostatnich %(days)s dniach",
    "%(total)s residents' messages analysed.": "Przeanalizowane wiadomości mieszkańców: %(total)s.",
    "People corrected %(n)s flags (%(removed)s removed, %(added)s added).":
        "Pracownicy poprawili oznaczenia: %(n)s (usunięte: %(removed)s, dodane: %(added)s).",
    "Analysers": "Wersja analizy",
    "Messages by flag": "Wiadomości według oznaczenia",
    "Share": "Udział",
    "Which department takes which topic": "Który referat zajmuje się którym tematem",
    "A new conversation that nobody has taken goes to the department of its topic. A person can always hand it elsewhere.":
        "Nowa rozmowa, której nikt jeszcze nie wziął, trafia do referatu przypisanego do jej tematu. Pracownik zawsze może ją przekazać dalej.",
    "Save topic routes": "Zapisz przypisania tematów",
    "Protecting residents' data": "Ochrona danych mieszkańców",
    "Triage settings changed": "Zmieniono ustawienia analizy wiadomości",
    "Topic routes saved.": "Zapisano przypisania tematów.",
    "Setting saved.": "Zapisano ustawienie.",
    "Hidden comment made visible again": "Ukryty komentarz ponownie widoczny",
    "The comment will be visible again in a moment.": "Komentarz za chwilę będzie znów widoczny.",
    "Unhide": "Odkryj",
    # Moderation: page rules, acts, appeals, public register
    "Moderate": "Moderuj",
    "Report to a moderator": "Zgłoś moderatorowi",
    "This appeal has already been decided.": "To odwołanie zostało już rozpatrzone.",
    "Give the reasons for the decision: the resident receives them.":
        "Podaj uzasadnienie rozstrzygnięcia: mieszkaniec je otrzyma.",
    "Someone other than the person who took or approved the act must decide the appeal.":
        "Odwołanie musi rozpatrzyć inna osoba niż ta, która podjęła lub zatwierdziła działanie.",
    "7 days": "7 dni",
    "30 days": "30 dni",
    "90 days": "90 dni",
    "Act": "Działanie",
    "Clause of the page rules": "Punkt regulaminu strony",
    "Choose the clause": "Wybierz punkt regulaminu",
    "Duration of a restriction": "Czas trwania ograniczenia",
    "Facts and circumstances (part of the statement of reasons)":
        "Stan faktyczny i okoliczności (część uzasadnienia)",
    "Why the act is refused": "Powód odrzucenia",
    "Next review in (days)": "Następny przegląd za (dni)",
    "Why the block stays": "Dlaczego blokada zostaje utrzymana",
    "What should a moderator look at?": "Na co moderator powinien zwrócić uwagę?",
    "Decision": "Rozstrzygnięcie",
    "Uphold: reverse the act": "Uwzględnij: cofnij działanie",
    "Dismiss: the act stays": "Nie uwzględniaj: działanie pozostaje w mocy",
    "Reasons (the resident receives them)": "Uzasadnienie (otrzyma je mieszkaniec)",
    "Number of the decision (from the statement of reasons), e.g. M-7K3P-9QXD":
        "Numer decyzji (z uzasadnienia), np. M-7K3P-9QXD",
    "Your name on Facebook or Instagram": "Twoja nazwa na Facebooku lub Instagramie",
    "If you have no number: what happened and when (which comment, which post)":
        "Jeśli nie masz numeru: co się stało i kiedy (który komentarz, pod którym wpisem)",
    "Why you think the decision was wrong": "Dlaczego uważasz, że decyzja była błędna",
    "E-mail for the answer (optional; without it, keep the link you get)":
        "Adres e-mail do odpowiedzi (nieobowiązkowy; bez niego zachowaj otrzymany link)",
    "Leave this field empty": "Pozostaw to pole puste",
    "The form could not be accepted.": "Nie można przyjąć formularza.",
    "The form expired. Please send it again.": "Formularz wygasł. Prosimy wysłać go ponownie.",
    "The form was sent too quickly. Please check it and send it again.":
        "Formularz został wysłany zbyt szybko. Prosimy go sprawdzić i wysłać ponownie.",
    "Give the number of the decision or describe what happened.":
        "Podaj numer decyzji albo opisz, co się stało.",
    "Draft": "Projekt",
    "Published": "Opublikowany",
    "title": "tytuł",
    "order (zarządzenie) number": "numer zarządzenia",
    "adopted on": "data przyjęcia",
    "BIP page address": "adres strony w BIP",
    "page rules version": "wersja regulaminu strony",
    "Reason for restricting content or people": "Powód ograniczenia treści lub osób",
    "Procedure": "Procedura",
    "number": "numer",
    "key": "klucz",
    "text": "treść",
    "legal ground": "podstawa prawna",
    "allows deleting": "dopuszcza usunięcie",
    "allows a permanent block": "dopuszcza blokadę stałą",
    "Hide a comment": "Ukrycie komentarza",
    "Show a hidden comment again": "Przywrócenie widoczności komentarza",
    "Delete a comment": "Usunięcie komentarza",
    "Private warning": "Prywatne ostrzeżenie",
    "Temporary restriction": "Czasowe ograniczenie",
    "Permanent block": "Blokada stała",
    "Lift a restriction or block": "Zdjęcie ograniczenia lub blokady",
    "Turn comments off on a post": "Wyłączenie komentarzy pod wpisem",
    "Turn comments on again": "Ponowne włączenie komentarzy",
    "Awaiting a supervisor's approval": "Czeka na zatwierdzenie przez przełożonego",
    "Approval refused": "Nie zatwierdzono",
    "Being carried out on the platform": "W trakcie wykonywania na platformie",
    "The platform refused it": "Odrzucone przez platformę",
    "moderation act": "działanie moderacyjne",
    "Hidden automatically: check it": "Ukryty automatycznie: sprawdź",
    "Reported by a colleague": "Zgłoszony przez współpracownika",
    "Mentions a candidate during the election silence":
        "Wzmianka o kandydacie w czasie ciszy wyborczej",
    "Acted on": "Podjęto działanie",
    "Left as it is": "Pozostawiony bez zmian",
    "Received": "Wpłynęło",
    "Upheld: the act is reversed": "Uwzględnione: działanie cofnięte",
    "Dismissed": "Nieuwzględnione",
    "Candidate": "Kandydat",
    "Election committee": "Komitet wyborczy",
    "The number of the head of office's order (zarządzenie) is missing.":
        "Brakuje numeru zarządzenia kierownika urzędu.",
    "The date the rules were adopted is missing.": "Brakuje daty przyjęcia regulaminu.",
    "A published version cannot change; make a new draft.":
        "Opublikowanej wersji nie można zmienić; przygotuj nowy projekt.",
    "Your role does not allow this moderation act.":
        "Twoja rola nie pozwala na to działanie moderacyjne.",
    "This message belongs to another office.": "Ta wiadomość należy do innego urzędu.",
    "Only a resident's comment can be hidden, shown or deleted.":
        "Ukryć, przywrócić lub usunąć można tylko komentarz mieszkańca.",
    "The comment is already deleted.": "Komentarz jest już usunięty.",
    "The comment is already hidden.": "Komentarz jest już ukryty.",
    "The comment is not hidden.": "Komentarz nie jest ukryty.",
    "Choose the post whose comments are concerned.":
        "Wybierz wpis, którego komentarzy dotyczy działanie.",
    "Choose the account the act concerns.": "Wybierz konto, którego dotyczy działanie.",
    "The office has no page rules in force. Publish the rules first: every act must cite one of their clauses.":
        "Urząd nie ma obowiązującego regulaminu strony. Najpierw opublikuj regulamin: każde działanie musi powoływać się na jeden z jego punktów.",
    "Choose the clause of the page rules the act is based on.":
        "Wybierz punkt regulaminu strony, na którym opiera się działanie.",
    "The clause is not part of the rules in force (version %(v)s).":
        "Ten punkt nie należy do obowiązującego regulaminu (wersja %(v)s).",
    "Only a reason listed in the rules (a removal clause) can justify restricting content or people.":
        "Ograniczenie treści lub osób może uzasadniać tylko powód wymieniony w regulaminie (punkt o ograniczaniu treści lub osób).",
    "A permanent block is allowed only for the reasons the rules mark for it (spam or fake accounts, threats, repeated unlawful content).":
        "Blokada stała jest dopuszczalna tylko z powodów, które regulamin do tego wskazuje (spam lub fałszywe konta, groźby, powtarzające się treści niezgodne z prawem).",
    "A restriction lasts 7, 30 or 90 days.": "Ograniczenie trwa 7, 30 lub 90 dni.",
    "Moderation notice": "Powiadomienie o moderacji",
    "Unknown moderation act.": "Nieznane działanie moderacyjne.",
    "This account has no restriction or block in force.":
        "To konto nie ma obowiązującego ograniczenia ani blokady.",
    "Comments on this post were not turned off through Ratusz.":
        "Komentarze pod tym wpisem nie zostały wyłączone za pomocą Ratusza.",
    "Meta does not allow a private message to this person now (the 7-day or 24-hour window has passed, or the one private reply to the comment was used). Hide the comment instead; the statement of reasons stays available to them.":
        "Meta nie pozwala teraz wysłać tej osobie wiadomości prywatnej (minęło okno 7 dni lub 24 godzin albo wykorzystano już jedyną prywatną odpowiedź na komentarz). Zamiast tego ukryj komentarz; uzasadnienie pozostanie dla tej osoby dostępne.",
    "This act is not waiting for approval.": "To działanie nie czeka na zatwierdzenie.",
    "A second person must approve: you asked for this act yourself.":
        "Zatwierdzić musi druga osoba: to działanie zostało zlecone przez Ciebie.",
    "Say why the act is refused.": "Podaj powód odrzucenia.",
    "Ratusz: a block is due for review": "Ratusz: nadszedł termin przeglądu blokady",
    "The block %(ref)s was due for review on %(day)s. Keep it with a new review date or lift it: %(link)s":
        "Przegląd blokady %(ref)s przypadał na %(day)s. Utrzymaj ją z nowym terminem przeglądu albo ją zdejmij: %(link)s",
    "Only a block in force is reviewed.": "Przeglądowi podlega tylko obowiązująca blokada.",
    "Unknown role.": "Nieznana rola.",
    "Moderation": "Moderacja",
    "Review queue": "Kolejka do przeglądu",
    "Approvals": "Do zatwierdzenia",
    "Restrictions and blocks": "Ograniczenia i blokady",
    "Appeals": "Odwołania",
    "Public information pack": "Pakiet informacji publicznej",
    "Page rules": "Regulamin strony",
    "Public register": "Publiczny rejestr moderacji",
    "Meta's API cannot do this on Facebook: do it by hand in Meta Business Suite (post menu, 'Who can comment').":
        "API Mety nie pozwala na to na Facebooku: zrób to ręcznie w Meta Business Suite (menu wpisu, „Kto może komentować”).",
    "Clause": "Punkt regulaminu",
    "rules version": "wersja regulaminu",
    "Who": "Kto",
    "automatic (detector)": "automatycznie (detektor)",
    "decided by": "decyzja przełożonego:",
    "Expires": "Wygasa",
    "Review due": "Termin przeglądu",
    "Lifted": "Zdjęto",
    "Notice to the person": "Powiadomienie osoby",
    "sent by private message": "wysłane wiadomością prywatną",
    "being sent": "w trakcie wysyłania",
    "Meta allows no message now: available on request and at its link":
        "Meta nie pozwala teraz na wiadomość: uzasadnienie jest dostępne na żądanie i pod własnym linkiem",
    "statement link": "link do uzasadnienia",
    "Refused because": "Powód odrzucenia",
    "Approval": "Zatwierdzenie",
    "A permanent block needs a second person with the supervisor role.":
        "Blokada stała wymaga zatwierdzenia przez drugą osobę z uprawnieniami przełożonego.",
    "During an election campaign an act against a candidate's or committee's account needs a supervisor.":
        "W czasie kampanii wyborczej działanie wobec konta kandydata lub komitetu wymaga zatwierdzenia przez przełożonego.",
    "Approve and carry out": "Zatwierdź i wykonaj",
    "Refuse": "Odrzuć",
    "Another supervisor must decide.": "Decyzję musi podjąć inny przełożony.",
    "Statement of reasons": "Uzasadnienie",
    "Snapshot of the content": "Treść w chwili działania",
    "Moderation act": "Działanie moderacyjne",
    "Content concerned": "Treść, której dotyczy działanie",
    "Account": "Konto",
    "Post": "Wpis",
    "This account is marked as: %(role)s. During the campaign (%(election)s) an act against it needs a supervisor's approval.":
        "To konto jest oznaczone jako: %(role)s. W czasie kampanii (%(election)s) działanie wobec niego wymaga zatwierdzenia przez przełożonego.",
    "The office has no page rules in force. An act must cite a clause of published rules.":
        "Urząd nie ma obowiązującego regulaminu strony. Działanie musi powoływać się na punkt opublikowanego regulaminu.",
    "Hiding is the default. Deleting needs a clause that allows it; a permanent block a clause marked for it and a supervisor's approval. Criticism is never a reason.":
        "Domyślną reakcją jest ukrycie. Usunięcie wymaga punktu, który na nie pozwala; blokada stała wymaga punktu wskazanego jako jej podstawa oraz zatwierdzenia przez przełożonego. Krytyka nigdy nie jest powodem.",
    "Only for a temporary restriction: 7 or 30 days; 90 days after an earlier restriction.":
        "Tylko przy czasowym ograniczeniu: 7 lub 30 dni; 90 dni po wcześniejszym ograniczeniu.",
    "The person gets a statement of reasons with the act, its scope and duration, the content, the clause, whether a detector was involved, and how to appeal. It goes by private message where Meta allows it, and is always available at its link.":
        "Osoba otrzyma uzasadnienie, które wskazuje działanie, jego zakres i czas trwania, treść, punkt regulaminu, informację, czy brał w tym udział automatyczny detektor, oraz sposób odwołania się. Uzasadnienie trafia do niej wiadomością prywatną, jeśli Meta na to pozwala, i zawsze jest dostępne pod własnym linkiem.",
    "Carry out the act": "Wykonaj działanie",
    "This account's history": "Historia tego konta",
    "Next step of the graduated sanctions": "Kolejny stopień reakcji",
    "hide the comment": "ukrycie komentarza",
    "private warning": "prywatne ostrzeżenie",
    "restriction of 7 or 30 days": "ograniczenie na 7 lub 30 dni",
    "a longer restriction": "dłuższe ograniczenie",
    "automatic": "automatyczne",
    "No earlier acts.": "Brak wcześniejszych działań.",
    "Appeal": "Odwołanie",
    "after the appeal deadline": "po terminie na odwołanie",
    "taken by": "decyzja:",
    "a detector": "detektor",
    "The resident gave no valid number; find the act from the description.":
        "Mieszkaniec nie podał prawidłowego numeru; ustal działanie na podstawie opisu.",
    "Account name given": "Podana nazwa konta",
    "What happened": "Co się stało",
    "Why it was wrong": "Dlaczego decyzja była błędna",
    "Contact": "Kontakt",
    "none: the resident follows the status link":
        "brak: mieszkaniec sprawdza stan sprawy pod linkiem",
    "Content at the time of the act": "Treść w chwili działania",
    "Decide": "Rozstrzygnij",
    "Reversal": "Cofnięcie",
    "Appeal against a moderation decision": "Odwołanie od decyzji moderacyjnej",
    "If %(office)s hid or deleted your comment, warned you, or restricted or blocked your account on its page, you can appeal here. You do not need a Facebook or Instagram account, so this form works also if you were blocked.":
        "Jeśli na stronie urzędu (%(office)s) ukryto lub usunięto Twój komentarz, udzielono Ci ostrzeżenia albo ograniczono lub zablokowano Twoje konto, możesz tu złożyć odwołanie. Nie potrzebujesz konta na Facebooku ani Instagramie, więc formularz działa także po zablokowaniu.",
    "Someone other than the person who took the decision reviews your appeal and answers with reasons. If the appeal is upheld, the decision is reversed on the platform.":
        "Odwołanie rozpatruje inna osoba niż ta, która podjęła decyzję, i odpowiada z uzasadnieniem. Jeśli odwołanie zostanie uwzględnione, decyzja zostanie cofnięta na platformie.",
    "The page rules": "Regulamin strony",
    "We use what you write only to handle the appeal. Do not include your PESEL or other identifiers.":
        "To, co napiszesz, wykorzystamy wyłącznie do rozpatrzenia odwołania. Nie podawaj numeru PESEL ani innych identyfikatorów.",
    "Send the appeal": "Wyślij odwołanie",
    "Someone other than the person who took the act decides. An upheld appeal reverses the act on the platform.":
        "Rozstrzyga inna osoba niż ta, która podjęła działanie. Uwzględnienie odwołania cofa działanie na platformie.",
    "The public appeal form": "Publiczny formularz odwołania",
    "Number": "Numer",
    "Decided by": "Kto zdecydował",
    "after the deadline": "po terminie",
    "not identified": "nie ustalono",
    "No appeals.": "Brak odwołań.",
    "Your appeal": "Twoje odwołanie",
    "%(office)s received your appeal. Keep this page's address: the answer will appear here.":
        "Twoje odwołanie wpłynęło do urzędu (%(office)s). Zachowaj adres tej strony: tutaj pojawi się odpowiedź.",
    "Decision and reasons": "Rozstrzygnięcie i uzasadnienie",
    "Acts waiting for approval": "Działania czekające na zatwierdzenie",
    "Asked by": "Zlecający",
    "Why approval": "Dlaczego wymaga zatwierdzenia",
    "permanent block": "blokada stała",
    "election campaign": "kampania wyborcza",
    "Nothing waits for approval.": "Nic nie czeka na zatwierdzenie.",
    "Restrictions and blocks in force": "Obowiązujące ograniczenia i blokady",
    "Every restriction ends on its date (Ratusz lifts it on the platform); every permanent block has a review date. Review a block when it is due: keep it with a new date, or lift it.":
        "Każde ograniczenie kończy się w wyznaczonym dniu (Ratusz zdejmuje je na platformie); każda blokada stała ma termin przeglądu. Gdy ten termin nadejdzie, przejrzyj blokadę: utrzymaj ją z nową datą albo ją zdejmij.",
    "Ends or review": "Koniec lub przegląd",
    "Review": "Przegląd",
    "review overdue": "przegląd po terminie",
    "Lift": "Zdejmij",
    "Keep": "Utrzymaj",
    "Keep the block": "Utrzymaj blokadę",
    "No account is restricted or blocked.": "Żadne konto nie jest ograniczone ani zablokowane.",
    "The office has no page rules in force, so no act can be taken: every act must cite a clause.":
        "Urząd nie ma obowiązującego regulaminu strony, więc nie można podjąć żadnego działania: każde działanie musi powoływać się na punkt regulaminu.",
    "Prepare the rules": "Przygotuj regulamin",
    "%(n)s act waits for approval.": [
        "%(n)s działanie czeka na zatwierdzenie.",
        "%(n)s działania czekają na zatwierdzenie.",
        "%(n)s działań czeka na zatwierdzenie.",
        "%(n)s działania czekają na zatwierdzenie.",
    ],
    "%(n)s appeal waits for a decision.": [
        "%(n)s odwołanie czeka na rozstrzygnięcie.",
        "%(n)s odwołania czekają na rozstrzygnięcie.",
        "%(n)s odwołań czeka na rozstrzygnięcie.",
        "%(n)s odwołania czekają na rozstrzygnięcie.",
    ],
    "To review": "Do przeglądu",
    "Comments a detector flagged or hid, and comments colleagues reported. Target: the same working day. Hiding is the default; criticism is never a reason.":
        "Komentarze oznaczone lub ukryte przez detektor oraz komentarze zgłoszone przez współpracowników. Cel: ten sam dzień roboczy. Domyślną reakcją jest ukrycie; krytyka nigdy nie jest powodem.",
    "Comments to review": "Komentarze do przeglądu",
    "Due": "Termin",
    "Why": "Powód",
    "Author": "Autor",
    "thread": "wątek",
    "Hiding was right": "Ukrycie było zasadne",
    "Leave as it is": "Pozostaw bez zmian",
    "Nothing to review.": "Nie ma nic do przeglądu.",
    "Moderation register": "Rejestr moderacji",
    "How the office moderated its pages, month by month: counts only, never the people concerned. Each act cites a clause of the page rules and comes with a statement of reasons and a way to appeal.":
        "Jak urząd moderował swoje strony, miesiąc po miesiącu: wyłącznie liczby, nigdy dane osób, których to dotyczyło. Każde działanie powołuje się na punkt regulaminu strony, ma uzasadnienie i można się od niego odwołać.",
    "%(n)s account is restricted or blocked now.": [
        "%(n)s konto jest teraz ograniczone lub zablokowane.",
        "%(n)s konta są teraz ograniczone lub zablokowane.",
        "%(n)s kont jest teraz ograniczonych lub zablokowanych.",
        "%(n)s konta są teraz ograniczone lub zablokowane.",
    ],
    "Who runs the pages": "Kto prowadzi strony",
    "Not stated.": "Nie określono.",
    "An outside firm takes part: %(firm)s.": "Uczestniczy w tym podmiot zewnętrzny: %(firm)s.",
    "No outside firm runs the pages.": "Żaden podmiot zewnętrzny nie prowadzi stron.",
    "Acts by month": "Działania według miesięcy",
    "Month": "Miesiąc",
    "Automatic": "Automatyczne",
    "Manual": "Ręczne",
    "Upheld": "Uwzględnione",
    "By clause": "Według punktów regulaminu",
    "Download as CSV": "Pobierz jako CSV",
    "Clauses cited": "Przywołane punkty regulaminu",
    "Page rules (regulamin)": "Regulamin strony",
    "Moderation may only cite a clause of published rules. Ratusz drafts complete rules from the office's data, with every mandatory section; fill in what is marked, check the warnings, then publish. A published version never changes; a change is a new version, and earlier ones stay readable.":
        "Moderacja może powoływać się wyłącznie na punkty opublikowanego regulaminu. Ratusz przygotowuje pełny projekt regulaminu na podstawie danych urzędu, ze wszystkimi obowiązkowymi częściami; uzupełnij oznaczone miejsca, sprawdź ostrzeżenia, a następnie opublikuj. Opublikowana wersja nigdy się nie zmienia; każda zmiana to nowa wersja, a wcześniejsze pozostają dostępne.",
    "In force": "Obowiązuje",
    "version": "wersja",
    "since": "od",
    "No rules are in force: moderation acts are refused until a version is published.":
        "Żaden regulamin nie obowiązuje: działania moderacyjne są odrzucane, dopóki nie zostanie opublikowana któraś wersja.",
    "Draft a new version from the office's data":
        "Przygotuj projekt nowej wersji na podstawie danych urzędu",
    "Versions": "Wersje",
    "Version": "Wersja",
    "In force since": "Obowiązuje od",
    "No versions yet.": "Nie ma jeszcze żadnej wersji.",
    "Cannot be published yet:": "Nie można jeszcze opublikować:",
    "Wording that invites removing opinions (a warning):":
        "Sformułowania, które mogą skłaniać do usuwania opinii (ostrzeżenie):",
    "Order (zarządzenie) number": "Numer zarządzenia",
    "Adopted on": "Data przyjęcia",
    "BIP page address (once published there)":
        "Adres strony w BIP (po opublikowaniu tam regulaminu)",
    "Clauses": "Punkty regulaminu",
    "Title": "Tytuł",
    "Legal ground": "Podstawa prawna",
    "Text": "Treść",
    "Save the draft": "Zapisz projekt",
    "Save and publish": "Zapisz i opublikuj",
    "Published versions cannot change.": "Opublikowanych wersji nie można zmieniać.",
    "Public page": "Strona publiczna",
    "Text for the page's About section": "Tekst do sekcji „Informacje” strony",
    "Text for BIP (Markdown)": "Tekst do BIP (Markdown)",
    "Show": "Pokaż",
    "%(office)s has not published rules for its pages yet.":
        "Urząd (%(office)s) nie opublikował jeszcze regulaminu swoich stron.",
    "Version %(v)s of %(day)s, order no. %(order)s.":
        "Wersja %(v)s z dnia %(day)s, zarządzenie nr %(order)s.",
    "This is an earlier version.": "To jest wcześniejsza wersja.",
    "The rules in force": "Obowiązujący regulamin",
    "Ground": "Podstawa",
    "All versions": "Wszystkie wersje",
    "Appeal against this decision": "Odwołaj się od tej decyzji",
    "Courts treat these facts as public information (the number of blocked accounts, the blocking rules, who runs the page). The pack answers such a request for any date.":
        "Sądy uznają te dane za informację publiczną (liczba zablokowanych kont, zasady blokowania, kto prowadzi stronę). Pakiet pozwala odpowiedzieć na taki wniosek według stanu na dowolny dzień.",
    "As at": "Stan na",
    "Download as text": "Pobierz jako tekst",
    "Page rules: new draft version": "Regulamin strony: nowy projekt wersji",
    "Page rules: draft edited": "Regulamin strony: zmieniono projekt",
    "Page rules: version published": "Regulamin strony: opublikowano wersję",
    "Moderation act requested": "Zlecono działanie moderacyjne",
    "Moderation act approved by a supervisor": "Przełożony zatwierdził działanie moderacyjne",
    "Moderation act refused by a supervisor": "Przełożony odrzucił działanie moderacyjne",
    "Moderation act carried out": "Wykonano działanie moderacyjne",
    "Moderation act refused by the platform": "Platforma odrzuciła działanie moderacyjne",
    "Restriction lifted when it expired": "Zdjęto ograniczenie po jego wygaśnięciu",
    "Block review reminder sent": "Wysłano przypomnienie o przeglądzie blokady",
    "Block reviewed and kept": "Przejrzano i utrzymano blokadę",
    "Comment put in the review queue": "Dodano komentarz do kolejki do przeglądu",
    "Reviewed comment left as it is": "Przejrzany komentarz pozostawiono bez zmian",
    "Appeal received": "Wpłynęło odwołanie",
    "Appeal decided": "Rozstrzygnięto odwołanie",
    "Account marked as a candidate's or committee's":
        "Oznaczono konto jako należące do kandydata lub komitetu",
    "Account no longer marked": "Usunięto oznaczenie konta",
    "Too many appeals were sent from here in the last hour. Please try again later or write to the office.":
        "W ciągu ostatniej godziny wysłano stąd zbyt wiele odwołań. Prosimy spróbować później albo napisać do urzędu.",
    "The act waits for a supervisor's approval.":
        "Działanie czeka na zatwierdzenie przez przełożonego.",
    "Approved: the act is being carried out.": "Zatwierdzono: działanie jest wykonywane.",
    "Refused.": "Odrzucono.",
    "Give the days until the next review and why the block stays.":
        "Podaj liczbę dni do następnego przeglądu i powód utrzymania blokady.",
    "The block stays; the next review is set.":
        "Blokada zostaje utrzymana; wyznaczono termin następnego przeglądu.",
    "Left as it is; the review is recorded.": "Pozostawiono bez zmian; przegląd został odnotowany.",
    "A moderator will look at the comment.": "Moderator sprawdzi ten komentarz.",
    "The appeal is decided.": "Odwołanie zostało rozstrzygnięte.",
    "A new draft was generated from the office's data. Check it, fill what is marked, then publish it.":
        "Przygotowano nowy projekt na podstawie danych urzędu. Sprawdź go, uzupełnij oznaczone miejsca, a następnie opublikuj.",
    "Published: this version is now in force.": "Opublikowano: ta wersja już obowiązuje.",
    "Draft saved.": "Projekt zapisany.",
    "head of office (title)": "kierownik urzędu (nazwa funkcji)",
    "e-Doręczenia address": "adres do e-Doręczeń",
    "data protection officer's e-mail": "e-mail inspektora ochrony danych",
    "GDPR information clause address": "adres klauzuli informacyjnej RODO",
    "accessibility statement address": "adres deklaracji dostępności",
    "who runs the page (positions, not names)": "kto prowadzi stronę (stanowiska, nie nazwiska)",
    "outside firm that runs the page (empty if none)":
        "podmiot zewnętrzny prowadzący stronę (puste, jeśli brak)",
    "appeals accepted for (months)": "termin na odwołanie (miesiące)",
    "position": "stanowisko",
    "campaign starts": "początek kampanii",
    "voting day": "dzień głosowania",
    "second round": "druga tura",
    "election": "wybory",
    "Block or unblock a person": "Zablokowanie lub odblokowanie osoby",
    "Turn comments on a post off or on": "Wyłączenie lub włączenie komentarzy pod wpisem",
    "API token created": "Utworzono klucz API",
    "API token revoked": "Unieważniono klucz API",
    "Election": "Wybory",
    "Campaign starts": "Początek kampanii",
    "Voting day": "Dzień głosowania",
    "Second round (if any)": "Druga tura (jeśli jest)",
    "This account belongs to": "To konto należy do",
    "nobody in the election": "nikogo startującego w wyborach",
    "a candidate": "kandydata",
    "an election committee": "komitetu wyborczego",
    "Who (e.g. the candidate's name and committee)": "Kto (np. imię i nazwisko kandydata oraz komitet)",
    "The campaign starts before the voting day, and a second round follows it.":
        "Kampania zaczyna się przed dniem głosowania, a druga tura następuje po nim.",
    "Elections": "Wybory",
    "Save the marking": "Zapisz oznaczenie",
    "Marked as": "Oznaczone jako",
    "During a campaign, an act against an account marked as a candidate's or an election committee's needs a supervisor's approval. During the silence (the day before a vote and the voting day), comments that name a marked candidate go to the review queue; the clause on agitation during the silence allows hiding them, never deleting.":
        "W czasie kampanii działanie wobec konta oznaczonego jako konto kandydata lub komitetu wyborczego wymaga zatwierdzenia przez przełożonego. W czasie ciszy wyborczej (dzień przed głosowaniem i dzień głosowania) komentarze wymieniające oznaczonego kandydata trafiają do kolejki do przeglądu; punkt regulaminu o agitacji w czasie ciszy pozwala je ukryć, nigdy usunąć.",
    "Election silence now: %(name)s.": "Trwa cisza wyborcza: %(name)s.",
    "Campaign now: %(name)s.": "Trwa kampania wyborcza: %(name)s.",
    "Second round": "Druga tura",
    "No elections recorded.": "Nie zapisano żadnych wyborów.",
    "Add the election": "Dodaj wybory",
    "Marked accounts": "Oznaczone konta",
    "Unmark": "Usuń oznaczenie",
    "No account is marked. Mark one from the moderation form of its comment.":
        "Żadne konto nie jest oznaczone. Konto oznacza się w formularzu moderacji jego komentarza.",
    "Election dates recorded": "Zapisano daty wyborów",
    "Election dates removed": "Usunięto daty wyborów",
    "Removed.": "Usunięto.",
    "Election dates saved.": "Zapisano daty wyborów.",
    "Saved.": "Zapisano.",
    "What the rules say about the office": "Co regulamin mówi o urzędzie",
    "The generator, the statements of reasons and the public register use these facts. Name positions, not people.":
        "Z tych danych korzystają generator regulaminu, uzasadnienia decyzji i publiczny rejestr. Podawaj stanowiska, nie nazwiska.",
    "Save the facts": "Zapisz dane",
    "Saved. Draft a new version to use the new facts.":
        "Zapisano. Przygotuj nową wersję regulaminu, aby uwzględnić nowe dane.",
    "Appeals are accepted for at least 6 months.": "Odwołania przyjmuje się przez co najmniej 6 miesięcy.",
    "Office facts for the page rules changed": "Zmieniono dane urzędu do regulaminu",
    "No act of this office has that number.": "Żadne działanie tego urzędu nie ma takiego numeru.",
    "Find the act the appeal is about first: an upheld appeal reverses it.":
        "Najpierw wskaż działanie, którego dotyczy odwołanie: uwzględnienie odwołania je cofa.",
    "Number of the act the appeal is about": "Numer działania, którego dotyczy odwołanie",
    "Sanctions are graduated: before a restriction, the person's comments were hidden and they were warned (or, where no warning could reach them, hidden twice).":
        "Reakcje są stopniowane: przed ograniczeniem komentarze tej osoby ukryto i udzielono jej ostrzeżenia (albo, gdy ostrzeżenie nie mogło do niej dotrzeć, ukryto je dwukrotnie).",
    "A 30-day restriction follows an earlier 7-day one.":
        "Ograniczenie na 30 dni może nastąpić po wcześniejszym ograniczeniu na 7 dni.",
    "A 90-day restriction follows an earlier 30-day one.":
        "Ograniczenie na 90 dni może nastąpić po wcześniejszym ograniczeniu na 30 dni.",
    "The same act on this is already under way.": "To samo działanie jest już w toku.",
    "This account is already blocked.": "To konto jest już zablokowane.",
    "This account is already restricted; a permanent block may follow for the reasons that allow it.":
        "To konto jest już czasowo ograniczone; blokada stała może nastąpić z powodów, które na nią pozwalają.",
    "This act cannot be reversed that way.": "Tego działania nie można cofnąć w ten sposób.",
    "Meta no longer allows a private message to this person; refuse the warning and hide the comment instead.":
        "Meta nie pozwala już na wiadomość prywatną do tej osoby; odrzuć ostrzeżenie i ukryj komentarz.",
    "Find the act in the account's history or the register of acts, then give its number here.":
        "Znajdź działanie w historii konta lub na liście działań i podaj tu jego numer.",
    "Match the appeal to this act": "Przypisz odwołanie do tego działania",
    "Appeal matched to its act": "Odwołanie przypisane do działania",
    "The appeal is matched to its act.": "Odwołanie przypisano do działania.",
    "Reasons to restrict content or people": "Powody ograniczenia treści lub osób",
    "Procedures: restoring, reviews, comments off": "Procedury: przywrócenie, przegląd, wyłączenie komentarzy",
    "May be a threat, hate speech or an insult": "Może być groźbą, mową nienawiści lub zniewagą",
    "Clause %(n)s has no title.": "Punkt %(n)s nie ma tytułu.",
    "A permanent block is meant only for threats, spam or fake accounts and repeated unlawful content; for other reasons use a restriction.":
        "Blokada stała jest przewidziana tylko za groźby, spam lub fałszywe konta i uporczywe publikowanie treści bezprawnych; z innych powodów stosuje się czasowe ograniczenie.",
    "The rules do not allow deleting for this reason; hide the comment instead. Deleting is allowed for: %(clauses)s.":
        "Regulamin nie pozwala usuwać z tego powodu; ukryj komentarz. Usunięcie jest dopuszczalne za punkty: %(clauses)s.",
    "The rules say blocks are reviewed at least every 90 days.":
        "Regulamin przewiduje przegląd blokady co najmniej co 90 dni.",
    "Meta did not deliver it; the statement stays available at its link":
        "Meta go nie doręczyła; uzasadnienie pozostaje dostępne pod swoim linkiem",
    "The comment that led to this act is still visible.": "Komentarz, który doprowadził do tego działania, jest nadal widoczny.",
    "Hide or delete it too": "Ukryj lub usuń także jego",
    "%(office)s decided your appeal. The decision and its reasons are below.":
        "Urząd (%(office)s) rozpatrzył Twoje odwołanie. Rozstrzygnięcie i jego uzasadnienie są poniżej.",
    "Someone other than the person who took the decision reviews it. If your appeal is upheld, the decision is reversed on the platform.":
        "Odwołanie rozpatrzy inna osoba niż ta, która podjęła decyzję. Jeśli odwołanie zostanie uwzględnione, decyzja zostanie cofnięta na platformie.",
    "The statement of reasons": "Uzasadnienie decyzji",
    "%(position)s: %(n)s person": ["%(position)s: %(n)s osoba", "%(position)s: %(n)s osoby", "%(position)s: %(n)s osób", "%(position)s: %(n)s osoby"],
    "Order (zarządzenie) no.": "Nr zarządzenia",
    "This decision waits for a second person's approval and has not been carried out.":
        "Ta decyzja czeka na zatwierdzenie przez drugą osobę i nie została wykonana.",
    "This decision was refused on review and was not carried out.":
        "Tę decyzję odrzucono przy zatwierdzaniu i nie została wykonana.",
    "The platform did not carry out this decision.": "Platforma nie wykonała tej decyzji.",
    "This decision has since been reversed.": "Ta decyzja została później cofnięta.",
    "The act is being carried out on the platform.": "Działanie jest wykonywane na platformie.",
    "No access": "Brak dostępu",
    "Your role does not allow this": "Twoja rola na to nie pozwala",
    "This page or action needs a different role in the office. Ask the office's administrator if you need it.":
        "Ta strona lub czynność wymaga innej roli w urzędzie. Jeśli jej potrzebujesz, zwróć się do administratora.",
    "Not found": "Nie znaleziono",
    "There is no such page": "Nie ma takiej strony",
    "The address may be mistyped, or the page was removed.": "Adres może zawierać błąd albo strona została usunięta.",
    "Home page": "Strona główna",
    "Acts carried out, by kind; automatic acts are those of the personal-data detector, which may only hide. “Hidden outside Ratusz” counts comments hidden in Meta's own tools, for which no clause or reasons were recorded.":
        "Wykonane działania według rodzaju; działania automatyczne to działania detektora danych osobowych, który może tylko ukrywać. „Ukryte poza Ratuszem” to komentarze ukryte w narzędziach Meta, bez zapisanego punktu regulaminu i uzasadnienia.",
    "Hidden outside Ratusz": "Ukryte poza Ratuszem",
    # Answering: templates, the composer's tone and form check.
    "Keywords (for search)": "Słowa kluczowe (do wyszukiwania)",
    "whole office": "cały urząd",
    "Formal matter: how to file it": "Sprawa urzędowa: jak ją wnieść",
    "Request for public information": "Wniosek o informację publiczną",
    "Complaint or motion": "Skarga lub wniosek",
    "Moving to a private channel": "Przeniesienie do kanału prywatnego",
    "keywords": "słowa kluczowe",
    "Reply templates": "Szablony odpowiedzi",
    "Templates are a starting point: the person answering fills in and adjusts them. In the composer, search them by keyword. Variables in braces are filled in from the conversation and the office's data:":
        "Szablony są punktem wyjścia: osoba odpowiadająca uzupełnia je i dopasowuje. W oknie odpowiedzi szukasz ich po słowach kluczowych. Zmienne w nawiasach klamrowych są wypełniane danymi rozmowy i urzędu:",
    "Search templates": "Szukaj szablonów",
    "Actions": "Czynności",
    "Change": "Zmień",
    "Retire": "Wycofaj",
    "No templates yet.": "Nie ma jeszcze szablonów.",
    "Change “%(title)s” (a new version after v%(v)s)": "Zmiana szablonu „%(title)s” (nowa wersja po v%(v)s)",
    "New template": "Nowy szablon",
    "Save the template": "Zapisz szablon",
    "Reply template saved": "Zapisano szablon odpowiedzi",
    "Reply template retired": "Wycofano szablon odpowiedzi",
    "Template saved.": "Zapisano szablon.",
    "Template retired.": "Wycofano szablon.",
    "Add the office's footer": "Dodaj stopkę urzędu",
    "I have read the warnings; send it as it is": "Przeczytałem/am uwagi; wyślij bez zmian",
    "This looks like a matter with a set procedure. Suggested template: %(title)s.":
        "To wygląda na sprawę z określoną procedurą. Proponowany szablon: %(title)s.",
    "Insert it": "Wstaw",
    "Templates": "Szablony",
    "e.g. odpady, podatek": "np. odpady, podatek",
    "No template matches.": "Żaden szablon nie pasuje.",
    "Tone and form check": "Sprawdzenie tonu i formy",
    "The check found nothing to improve.": "Sprawdzenie nie znalazło nic do poprawy.",
    "Add the office's footer to a public reply": "Dodaj stopkę urzędu do publicznej odpowiedzi",
    "Check the reply": "Sprawdź odpowiedź",
    "Read the warnings below; change the reply, or tick the box to send it as it is.":
        "Przeczytaj uwagi poniżej: popraw odpowiedź albo zaznacz pole, aby wysłać ją bez zmian.",
    "replies start with a greeting": "odpowiedzi zaczynają się powitaniem",
    "signature at the end of replies": "podpis na końcu odpowiedzi",
    "footer for public replies (e.g. that answers are information, not decisions)":
        "stopka publicznych odpowiedzi (np. że odpowiedzi są informacją, a nie decyzją)",
    "bureaucratic phrases to avoid, one per line (empty: Ratusz's list)":
        "urzędowe zwroty, których unikamy, po jednym w wierszu (puste: lista Ratusza)",
    "How the office writes replies changed": "Zmieniono styl odpowiedzi urzędu",
    "How the office writes": "Jak urząd pisze odpowiedzi",
    "The tone and form check holds every draft to this style. It warns; only personal data in a public reply is refused.":
        "Sprawdzenie tonu i formy porównuje z tym stylem każdą odpowiedź. Tylko ostrzega; odrzuca jedynie dane osobowe w publicznej odpowiedzi.",
    "Save the style": "Zapisz styl",
    "Source (BIP or the office's site)": "Źródło (BIP lub strona urzędu)",
    "question": "pytanie",
    "answer": "odpowiedź",
    "source (BIP or the office's site)": "źródło (BIP lub strona urzędu)",
    "Knowledge base": "Baza wiedzy",
    "Questions residents ask often, with the answer and where it is published. The composer suggests the best matches for each question, with their sources; the person answering decides what to send.":
        "Pytania, które mieszkańcy często zadają, z odpowiedzią i miejscem jej publikacji. Przy każdym pytaniu okno odpowiedzi proponuje najlepiej pasujące wpisy ze źródłami; o tym, co wysłać, decyduje osoba odpowiadająca.",
    "Search the knowledge base": "Szukaj w bazie wiedzy",
    "no source yet": "bez źródła",
    "Nothing found.": "Nic nie znaleziono.",
    "New entry": "Nowy wpis",
    "Save the entry": "Zapisz wpis",
    "Import": "Importuj",
    "Knowledge base entry saved": "Zapisano wpis bazy wiedzy",
    "Knowledge base imported": "Zaimportowano bazę wiedzy",
    "Imported %(n)s entries.": "Zaimportowano wpisy: %(n)s.",
    "The file is not a UTF-8 CSV with the columns key, department, question, answer, source_url, keywords.":
        "Plik nie jest plikiem CSV w UTF-8 z kolumnami key, department, question, answer, source_url, keywords.",
    "Entry saved.": "Zapisano wpis.",
    "Saved to the knowledge base as “%(key)s”; add its source there.":
        "Zapisano w bazie wiedzy jako „%(key)s”; uzupełnij tam źródło.",
    "Save to the knowledge base": "Zapisz w bazie wiedzy",
    "From the knowledge base": "Z bazy wiedzy",
    "source": "źródło",
    "Insert": "Wstaw",
    "The office answered similar questions so:": "Na podobne pytania urząd odpowiadał tak:",
    # Answering: questions for departments, the collision guard.
    "Question for the department": "Pytanie do referatu",
    "Draft answer for the resident": "Projekt odpowiedzi dla mieszkańca",
    "Internal note for the person answering": "Notatka wewnętrzna dla osoby odpowiadającej",
    "Write what the department should answer.": "Napisz, na co referat ma odpowiedzieć.",
    "This department already has an open question here.": "Ten referat ma już tu otwarte pytanie.",
    "Ratusz: a question for your department": "Ratusz: pytanie do Twojego referatu",
    "This question has already been answered or withdrawn.": "Na to pytanie już odpowiedziano albo je wycofano.",
    "Write a draft answer or a note.": "Napisz projekt odpowiedzi albo notatkę.",
    "Ratusz: the department answered": "Ratusz: referat odpowiedział",
    "Waiting for the department": "Czeka na referat",
    "Answered by the department": "Referat odpowiedział",
    "Answer sent to the resident": "Odpowiedź wysłana mieszkańcowi",
    "Withdrawn": "Wycofane",
    "question for the department": "pytanie do referatu",
    "draft answer for the resident": "projekt odpowiedzi dla mieszkańca",
    "internal note for the person answering": "notatka wewnętrzna dla osoby odpowiadającej",
    "All questions waiting": "Wszystkie oczekujące pytania",
    "%(who)s asks": "Pyta: %(who)s",
    "The conversation": "Rozmowa",
    "The person answering sends it, after reading it; write it to the resident.":
        "Wyśle ją osoba odpowiadająca, po przeczytaniu; pisz do mieszkańca.",
    "Hand back": "Odeślij",
    "Waiting for the department.": "Czeka na referat.",
    "Questions for departments": "Pytania do referatów",
    "The person answering a resident asked a department; the department drafts the answer and hands it back. Oldest first.":
        "Osoba odpowiadająca mieszkańcowi zapytała referat; referat przygotowuje projekt odpowiedzi i go odsyła. Najstarsze na górze.",
    "Questions waiting for departments": "Pytania czekające na referaty",
    "Waiting since": "Czeka od",
    "No question is waiting.": "Żadne pytanie nie czeka.",
    "Question handed to a department": "Przekazano pytanie do referatu",
    "Department handed back its answer": "Referat odesłał odpowiedź",
    "Question to a department withdrawn": "Wycofano pytanie do referatu",
    "Handed back to the person answering.": "Odesłano do osoby odpowiadającej.",
    "The department has the question.": "Referat otrzymał pytanie.",
    "Choose a department and write the question.": "Wybierz referat i napisz pytanie.",
    "I have read the other answer; send mine too": "Przeczytałem/am drugą odpowiedź; wyślij także moją",
    "Ask a department": "Zapytaj referat",
    "Insert the department's answer": "Wstaw odpowiedź referatu",
    "Note": "Notatka",
    "Ask": "Zapytaj",
    "%(who)s answered this conversation while you were writing. Read their answer; tick the box to send yours too.":
        "%(who)s odpowiedział(a) w tej rozmowie, gdy pisałeś/aś. Przeczytaj tę odpowiedź; zaznacz pole, aby wysłać także swoją.",
    "Someone": "Ktoś",
    "Someone else answered meanwhile.": "W międzyczasie odpowiedział ktoś inny.",
    "Comment moved to a private conversation": "Przeniesiono komentarz do rozmowy prywatnej",
    "Write both the private message and the public words.": "Napisz i wiadomość prywatną, i słowa publiczne.",
    "Moved: the private reply and the public note are on their way.":
        "Przeniesiono: prywatna odpowiedź i publiczna informacja są wysyłane.",
    "Move to a private conversation": "Przenieś do rozmowy prywatnej",
    "Private message (the one private reply Meta allows)": "Wiadomość prywatna (jedyna prywatna odpowiedź, na jaką pozwala Meta)",
    "Public words under the comment (no personal data)": "Publiczna informacja pod komentarzem (bez danych osobowych)",
    "Send both": "Wyślij obie",
    # Answering: approval of sensitive replies.
    "This draft has already been decided.": "O tym projekcie już zdecydowano.",
    "Say what to change.": "Napisz, co zmienić.",
    "Waiting for approval": "Czeka na zatwierdzenie",
    "Approved and sent": "Zatwierdzona i wysłana",
    "Returned with a comment": "Zwrócona z uwagą",
    "Reply to approve": "Odpowiedź do zatwierdzenia",
    "Replies to approve": "Odpowiedzi do zatwierdzenia",
    "Written by %(who)s; needs approval because: %(why)s.": "Autor: %(who)s; wymaga zatwierdzenia, bo: %(why)s.",
    "Draft (you may edit it)": "Projekt (możesz go poprawić)",
    "Approve and send": "Zatwierdź i wyślij",
    "Comment for the author": "Uwaga dla autora",
    "Return with the comment": "Zwróć z uwagą",
    "Replies in sensitive conversations, or by staff whose replies need approval. Read the draft with its thread; approve it (you may edit it first) or return it with a comment.":
        "Odpowiedzi w rozmowach wrażliwych albo osób, których odpowiedzi wymagają zatwierdzenia. Przeczytaj projekt razem z rozmową; zatwierdź go (możesz go najpierw poprawić) albo zwróć z uwagą.",
    "Written": "Napisano",
    "By": "Autor",
    "Reply submitted for approval": "Odpowiedź przekazana do zatwierdzenia",
    "Reply approved and sent": "Odpowiedź zatwierdzona i wysłana",
    "Reply returned with a comment": "Odpowiedź zwrócona z uwagą",
    "Approved: the reply is on its way.": "Zatwierdzono: odpowiedź jest wysyłana.",
    "Returned to its author with your comment.": "Zwrócono autorowi z Twoją uwagą.",
    "Review it": "Sprawdź",
    "The reply cannot go out as it is: see the check below.": "Tej odpowiedzi nie można wysłać w tej postaci: zobacz uwagi poniżej.",
    "The reply waits for a supervisor's approval.": "Odpowiedź czeka na zatwierdzenie przez przełożonego.",
    "replies in sensitive conversations (dissatisfaction, formal matters, politics) need a supervisor's approval":
        "odpowiedzi w rozmowach wrażliwych (niezadowolenie, sprawy urzędowe, polityka) wymagają zatwierdzenia przez przełożonego",
    "replies need approval": "odpowiedzi wymagają zatwierdzenia",
    "the author's replies need approval": "odpowiedzi autora wymagają zatwierdzenia",
    "the resident is dissatisfied": "mieszkaniec jest niezadowolony",
    "a formal matter": "sprawa urzędowa",
    "a political topic": "temat polityczny",
    "Draft an answer with the office's language model": "Przygotuj projekt odpowiedzi modelem językowym urzędu",
    "A draft written by a language model from these knowledge-base entries; check every sentence before sending:":
        "Projekt napisany przez model językowy na podstawie tych wpisów bazy wiedzy; przed wysłaniem sprawdź każde zdanie:",
    "The language model gave no draft": "Model językowy nie przygotował projektu",
    "language model endpoint (OpenAI-compatible, empty: off)": "adres modelu językowego (zgodny z OpenAI; puste: wyłączone)",
    "language model name": "nazwa modelu językowego",
    "nobody yet": "jeszcze nikt",
    "Set": "Ustaw",
    "Deadline owner set": "Ustalono osobę odpowiedzialną za termin",
    "The deadline's owner is set.": "Ustalono osobę odpowiedzialną za termin.",
    "%(who)s is writing an answer here now.": "%(who)s pisze teraz odpowiedź w tej rozmowie.",
    "%(who)s has this conversation open.": "%(who)s ma otwartą tę rozmowę.",
    "Import a CSV or a BIP feed": "Import z pliku CSV lub kanału BIP",
    "A UTF-8 CSV with the columns key, department, question, answer, source_url, keywords, or the BIP's RSS/Atom feed saved as .xml":
        "Plik CSV w UTF-8 z kolumnami key, department, question, answer, source_url, keywords albo kanał RSS/Atom z BIP zapisany jako .xml",
    # Publishing (issue 7): pre-publication checks and Graph publishing errors.
    'If you override this, a task to republish the post accessibly on the office website or in BIP will be created.':
        'Jeśli to pominiesz, powstanie zadanie opublikowania tej treści w dostępnej wersji na stronie urzędu lub w BIP.',
    'An official notice must link to its entry in BIP (or on the office website). Add the BIP link or change the type of the post.':
        'Komunikat urzędowy musi zawierać link do wpisu w BIP (albo na stronie urzędu). Dodaj link do BIP albo zmień rodzaj wpisu.',
    'The notice links to %(links)s, which is neither BIP nor the office website. Check that it is the official source, or add the link to the BIP entry.':
        'Komunikat prowadzi do %(links)s, a to nie jest BIP ani strona urzędu. Sprawdź, czy to oficjalne źródło, albo dodaj link do wpisu w BIP.',
    'Matching BIP entry: "%(title)s", %(link)s.':
        'Pasujący wpis w BIP: „%(title)s”, %(link)s.',
    'The post does not invite residents to respond. Consider asking a question, inviting comments or linking a consultation or a survey.':
        'Wpis nie zaprasza mieszkańców do rozmowy. Warto zadać pytanie, zachęcić do komentarzy albo dodać link do konsultacji lub ankiety.',
    'Text that is only inside an image cannot be read by screen readers or found by search. Repeat what the image says in the text of the post.':
        'Tekstu, który jest tylko na obrazku, nie odczyta czytnik ekranu ani nie znajdzie wyszukiwarka. Powtórz treść obrazka w tekście wpisu.',
    'The publication time has already passed. Choose a later time or leave it empty to publish once approved.':
        'Termin publikacji już minął. Wybierz późniejszy albo zostaw pole puste, aby wpis ukazał się po zatwierdzeniu.',
    'The post is scheduled more than 180 days ahead. Check the date.':
        'Wpis zaplanowano na ponad 180 dni naprzód. Sprawdź datę.',
    "The post contains a person's identifier (%(items)s). A PESEL, an ID card or passport number or a private bank account must never be published: remove it.":
        'Wpis zawiera dane identyfikujące osobę (%(items)s). Numeru PESEL, numeru dowodu osobistego lub paszportu ani prywatnego numeru konta nie wolno publikować: usuń je.',
    "The post names %(names)s together with an address or whereabouts. A private person's address or whereabouts may be published only with a legal basis (UODO reprimanded an office for this in 2025): remove them, or tick to confirm that the person is not a private one or that the law allows it.":
        'Wpis podaje imię i nazwisko (%(names)s) razem z adresem lub miejscem pobytu. Adres lub miejsce pobytu osoby prywatnej można opublikować tylko na podstawie przepisu (UODO udzielił za to upomnienia urzędowi w 2025 r.): usuń je albo zaznacz, że to nie jest osoba prywatna lub że przepisy na to pozwalają.',
    'Image %(image)s has no alternative text. Describe what it shows in at least 5 words, for people who use a screen reader.':
        'Zdjęcie %(image)s nie ma tekstu alternatywnego. Opisz, co przedstawia, w co najmniej 5 słowach, dla osób korzystających z czytnika ekranu.',
    'The alternative text of image %(image)s is a file name. Describe what the image shows in at least 5 words.':
        'Tekst alternatywny zdjęcia %(image)s to nazwa pliku. Opisz, co przedstawia zdjęcie, w co najmniej 5 słowach.',
    'The alternative text of image %(image)s is too short. Describe what the image shows in at least 5 words.':
        'Tekst alternatywny zdjęcia %(image)s jest za krótki. Opisz, co przedstawia zdjęcie, w co najmniej 5 słowach.',
    'The video has no captions. Add a captions file (SRT or VTT), or mark it as a live broadcast.':
        'Film nie ma napisów. Dodaj plik z napisami (SRT lub VTT) albo oznacz go jako transmisję na żywo.',
    'A live broadcast needs no captions while it is on, but the recording does: a task to add captions to the recording (or remove it) will be created.':
        'Transmisja na żywo nie musi mieć napisów w trakcie, ale nagranie już tak: powstanie zadanie dodania napisów do nagrania (albo jego usunięcia).',
    'The sentence "%(start)s" has %(n)d words. Sentences of up to 20 words are easier to read: split it.':
        'Zdanie „%(start)s” jest za długie (liczba słów: %(n)d). Zdania do 20 słów łatwiej się czyta: podziel je.',
    'Explain the abbreviations %(items)s the first time they appear, e.g. "Gminny Ośrodek Pomocy Społecznej (GOPS)".':
        'Wyjaśnij przy pierwszym użyciu: %(items)s, np. „Punkt Selektywnej Zbiórki Odpadów Komunalnych (PSZOK)”.',
    'Official jargon: %(items)s. Say it in plain words.':
        'Urzędowy żargon: %(items)s. Powiedz to prostymi słowami.',
    'Write the hashtags %(items)s with a capital letter for each word (e.g. #GminaPrzykładowo): screen readers then read them word by word.':
        'Zapisz z wielką literą na początku każdego słowa: %(items)s (np. #GminaPrzykładowo); czytnik ekranu przeczyta je wtedy słowo po słowie.',
    'The post has %(n)d emoji. Screen readers read each one aloud: keep to 3 at most.':
        'Wpis ma %(n)d emoji. Czytnik ekranu odczytuje każde na głos: użyj najwyżej 3.',
    'The post would be published during the election silence (%(periods)s). Only a safety or organisational notice (e.g. a changed polling station) may go out then, with the reason recorded.':
        'Wpis ukazałby się w czasie ciszy wyborczej (%(periods)s). Wtedy można opublikować tylko komunikat dotyczący bezpieczeństwa lub organizacji (np. zmiana lokalu wyborczego), z zapisanym uzasadnieniem.',
    "Election campaign (%(periods)s): the post mentions %(items)s. An office's channels must carry no campaigning (art. 108 of the Electoral Code, PKW explanations of 4 March 2024): a supervisor has to approve the post with a justification.":
        'Kampania wyborcza (%(periods)s): wpis zawiera %(items)s. W kanałach urzędu nie może być agitacji wyborczej (art. 108 Kodeksu wyborczego, wyjaśnienia PKW z 4 marca 2024 r.): wpis musi zatwierdzić przełożony, podając uzasadnienie.',
    'An Instagram post needs a picture or a video: add one, or do not publish on Instagram.':
        'Wpis na Instagramie wymaga zdjęcia lub filmu: dodaj je albo nie publikuj na Instagramie.',
    'Instagram takes at most 2,200 characters and 30 hashtags; this post has %(chars)d characters and %(tags)d hashtags. Shorten it.':
        'Instagram przyjmuje najwyżej 2200 znaków i 30 hashtagów; ten wpis ma ich odpowiednio %(chars)d i %(tags)d. Skróć go.',
    'Links in Instagram captions cannot be clicked. Give the address in a form that is easy to retype, or point to the link in the profile.':
        'Linków w opisach na Instagramie nie da się kliknąć. Podaj adres w formie łatwej do przepisania albo odeślij do linku w profilu.',
    'Facebook takes at most 63,206 characters; this post has %(chars)d. Shorten it.':
        'Facebook przyjmuje najwyżej 63 206 znaków; ten wpis ma %(chars)d. Skróć go.',
    'Instagram could not prepare the media for publishing (status %(status)s).':
        'Instagram nie przygotował materiału do publikacji (status %(status)s). Sprawdź plik i opublikuj ponownie.',
    'Instagram is still processing the media; publishing will be tried again.':
        'Instagram wciąż przetwarza materiał; publikacja zostanie ponowiona.',
    # Publishing (issue 7): the composer, approval, tasks, calendar, settings.
    "Polls close": "Zamknięcie lokali wyborczych",
    "Candidates, committees and slogans to watch in posts, one per line":
        "Kandydaci, komitety i hasła sprawdzane we wpisach, po jednym w wierszu",
    "Posts: during a campaign, a draft that names a watched candidate, committee or slogan (or says 'kontynuacja', 'kolejna kadencja') needs a supervisor's approval with a justification (art. 108 of the Electoral Code and the PKW's explanations of 4 March 2024: no agitation in an office's media). During the silence, from midnight the day before the vote until the polls close, scheduled posts are paused; only a safety or organisational notice goes out, with a logged reason.":
        "Wpisy: w czasie kampanii projekt wpisu, który wymienia sprawdzanego kandydata, komitet lub hasło (albo zawiera słowa „kontynuacja”, „kolejna kadencja”), wymaga zatwierdzenia przez przełożonego z uzasadnieniem (art. 108 Kodeksu wyborczego i wyjaśnienia PKW z 4 marca 2024 r.: zakaz agitacji wyborczej w mediach urzędu). W czasie ciszy wyborczej, od początku dnia poprzedzającego głosowanie (godz. 0:00) do zamknięcia lokali wyborczych, zaplanowane wpisy są wstrzymywane; opublikować można tylko komunikat dotyczący bezpieczeństwa lub organizacji, z zapisanym uzasadnieniem.",
    "Watched in posts": "Sprawdzane we wpisach",
    "BIP feed (RSS or Atom) address": "adres kanału BIP (RSS lub Atom)",
    "the office's own bank accounts, one per line (may appear in posts)":
        "numery własnych kont bankowych urzędu, po jednym w wierszu (mogą pojawiać się we wpisach)",
    "post types that need a supervisor's approval": "rodzaje wpisów wymagające zatwierdzenia przez przełożonego",
    "polls close": "zamknięcie lokali wyborczych",
    "candidates, committees and slogans to watch in posts, one per line":
        "kandydaci, komitety i hasła sprawdzane we wpisach, po jednym w wierszu",
    "Publishing settings changed": "Zmieniono ustawienia publikacji",
    "Publish a post": "Publikacja wpisu",
    "Withdraw a scheduled post": "Wycofanie zaplanowanego wpisu",
    "Type of post": "Rodzaj wpisu",
    "Publish on": "Gdzie opublikować",
    "Link (e.g. to the BIP entry)": "Link (np. do wpisu w BIP)",
    "Publish at (empty: as soon as approved)": "Termin publikacji (puste pole: zaraz po zatwierdzeniu)",
    "Let Facebook hold the scheduled post (10 minutes to 30 days ahead); otherwise Ratusz holds it and checks it again at publication":
        "Zaplanuj wpis bezpośrednio na Facebooku (od 10 minut do 30 dni naprzód); inaczej wpis czeka w Ratuszu, który sprawdzi go ponownie w chwili publikacji",
    "Video": "Film",
    "Captions file (SRT or VTT)": "Plik z napisami (SRT lub VTT)",
    "Live broadcast: captions will be added afterwards": "Transmisja na żywo: napisy zostaną dodane później",
    "Remove the video": "Usuń film",
    "Image %(n)d": "Zdjęcie %(n)d",
    "Alternative text for image %(n)d: what it shows, in a sentence":
        "Tekst alternatywny zdjęcia %(n)d: co przedstawia, w jednym zdaniu",
    "The image carries written text": "Na zdjęciu jest tekst",
    "An image may have at most 8 MB.": "Zdjęcie może mieć najwyżej 8 MB.",
    "A video may have at most 200 MB.": "Film może mieć najwyżej 200 MB.",
    "Post types that need a supervisor's approval": "Rodzaje wpisów wymagające zatwierdzenia przez przełożonego",
    "Justification or comment": "Uzasadnienie lub uwaga",
    "Address of the accessible version": "Adres dostępnej wersji",
    "Official notice": "Komunikat urzędowy",
    "Information": "Informacja",
    "Event": "Wydarzenie",
    "Consultation": "Konsultacje",
    "Promotion": "Promocja",
    "Crisis alert": "Komunikat kryzysowy",
    "Scheduled": "Zaplanowany",
    "Paused: election silence": "Wstrzymany: cisza wyborcza",
    "Publishing": "Publikowanie",
    "Not published": "Nieopublikowany",
    "type of post": "rodzaj wpisu",
    "link": "link",
    "publish at (empty: as soon as approved)": "termin publikacji (puste: zaraz po zatwierdzeniu)",
    "schedule on Facebook (10 minutes to 30 days ahead) instead of in Ratusz":
        "zaplanuj na Facebooku (od 10 minut do 30 dni naprzód), a nie w Ratuszu",
    "post": "wpis",
    "image": "zdjęcie",
    "alternative text": "tekst alternatywny",
    "the image carries written text": "na zdjęciu jest tekst",
    "video": "film",
    "captions (SRT or VTT)": "napisy (SRT lub VTT)",
    "live broadcast (captions added afterwards)": "transmisja na żywo (napisy dodane później)",
    "Scheduled on the platform": "Zaplanowany na platformie",
    "Withdrawn from the platform": "Wycofany z platformy",
    "Republish accessibly on the website or in BIP": "Opublikuj dostępną wersję na stronie urzędu lub w BIP",
    "Add captions to the recording or remove it": "Dodaj napisy do nagrania albo usuń nagranie",
    "address of the accessible version": "adres dostępnej wersji",
    "Your role does not allow this.": "Twoja rola na to nie pozwala.",
    "Tick that you have checked: %(message)s": "Zaznacz, że sprawdzono tę uwagę: %(message)s",
    "This post belongs to another office.": "Ten wpis należy do innego urzędu.",
    "A scheduled post cannot be changed: withdraw it first. A published post stays as it went out.":
        "Zaplanowanego wpisu nie można zmienić: najpierw go wycofaj. Opublikowany wpis zostaje taki, jaki poszedł.",
    "Only the author or a moderator can change this draft.": "Ten projekt może zmienić tylko autor lub moderator.",
    "This channel belongs to another office.": "Ten kanał należy do innego urzędu.",
    "Choose at least one channel.": "Wybierz co najmniej jeden kanał.",
    "Unknown type of post.": "Nieznany rodzaj wpisu.",
    "Only a draft can be submitted.": "Wysłać można tylko projekt.",
    "Only the author or a moderator can submit this draft.": "Ten projekt może wysłać tylko autor lub moderator.",
    "This post is not waiting for approval.": "Ten wpis nie czeka na zatwierdzenie.",
    "During an election campaign or silence, approval needs a justification of at least %(n)d characters.":
        "W czasie kampanii wyborczej lub ciszy wyborczej zatwierdzenie wymaga uzasadnienia (co najmniej %(n)d znaków).",
    "Say what the author should change.": "Napisz, co autor ma zmienić.",
    "Only Facebook can schedule a post itself; Instagram posts are held by Ratusz.":
        "Tylko Facebook sam planuje publikację; wpisy na Instagramie czekają w Ratuszu.",
    "Facebook schedules posts from 10 minutes to 30 days ahead; choose a time in that window or let Ratusz hold the post.":
        "Facebook planuje wpisy od 10 minut do 30 dni naprzód; wybierz termin w tym przedziale albo zostaw wpis w Ratuszu.",
    "This post is not paused.": "Ten wpis nie jest wstrzymany.",
    "A published post cannot be withdrawn here; delete it on the platform and keep Ratusz's copy for the record.":
        "Opublikowanego wpisu nie można tu wycofać; usuń go na platformie, a kopia w Ratuszu pozostanie w dokumentacji.",
    "Only a post that failed can be tried again.": "Ponowić można tylko publikację, która się nie udała.",
    "Give the address (https://…) where the accessible version is.": "Podaj adres (https://…) dostępnej wersji.",
    "Give the address of the BIP feed first.": "Najpierw podaj adres kanału BIP.",
    "Checks": "Sprawdzenie",
    "No findings: the post can go out.": "Brak uwag: wpis może zostać opublikowany.",
    "Blocks publishing:": "Blokuje publikację:",
    "Proposed BIP entry:": "Proponowany wpis w BIP:",
    "Use this link": "Użyj tego linku",
    "I have checked this and the post may go out": "Potwierdzam, że wpis może zostać opublikowany",
    "Needs approval": "Wymaga zatwierdzenia",
    "After submission, a supervisor other than the author approves the post.":
        "Po wysłaniu wpis zatwierdza przełożony inny niż autor.",
    "Facebook preview": "Podgląd na Facebooku",
    "%(n)s image": [
        "%(n)s zdjęcie",
        "%(n)s zdjęcia",
        "%(n)s zdjęć",
        "%(n)s zdjęcia",
    ],
    "no description": "brak opisu",
    "captions": "napisy",
    "live": "na żywo",
    "Instagram preview": "Podgląd na Instagramie",
    "Instagram needs an image or a video.": "Instagram wymaga zdjęcia lub filmu.",
    "Links in Instagram captions are not clickable.": "Linków w opisach na Instagramie nie da się kliknąć.",
    "Posts": "Wpisy",
    "New post": "Nowy wpis",
    "Calendar": "Kalendarz",
    "Settings": "Ustawienia",
    "Publishing calendar": "Kalendarz publikacji",
    "Months": "Miesiące",
    "Legend:": "Legenda:",
    "public holiday or office closed": "święto lub urząd nieczynny",
    "election campaign: posts naming candidates need approval":
        "kampania wyborcza: wpisy wymieniające kandydatów wymagają zatwierdzenia",
    "election silence: scheduled posts are paused": "cisza wyborcza: zaplanowane wpisy są wstrzymane",
    "Posts by day": "Wpisy według dni",
    "today": "dziś",
    "office closed": "urząd nieczynny",
    "silence": "cisza wyborcza",
    "campaign": "kampania",
    "Edit the post": "Edycja wpisu",
    "Returned by the approver:": "Zwrócony przez zatwierdzającego:",
    "No active channel: connect a page first.": "Brak aktywnego kanału: najpierw podłącz stronę.",
    "Images": "Zdjęcia",
    "Describe what each image shows, in at least 5 words: people using screen readers rely on it (art. 6 of the digital accessibility act).":
        "Opisz, co przedstawia każde zdjęcie, w co najmniej 5 słowach: osoby korzystające z czytników ekranu polegają na tym opisie (art. 6 ustawy o dostępności cyfrowej).",
    "Current file:": "Obecny plik:",
    "Remove this image": "Usuń to zdjęcie",
    "captions:": "napisy:",
    "Save and submit": "Zapisz i wyślij",
    "State": "Stan",
    "open until its tasks are done": "otwarty do czasu wykonania zadań",
    "Approved by": "Zatwierdzający",
    "Publication": "Publikacja",
    "held by Facebook": "czeka na Facebooku",
    "held by Ratusz": "czeka w Ratuszu",
    "as soon as approved": "zaraz po zatwierdzeniu",
    "Overridden checks": "Pominięte blokady publikacji",
    "Checked by the author": "Sprawdzone przez autora",
    "open on the platform": "otwórz na platformie",
    "Residents' comments": "Komentarze mieszkańców",
    "No comments yet; they arrive in the inbox like any other.":
        "Nie ma jeszcze komentarzy; trafią do skrzynki jak wszystkie inne.",
    "Tasks": "Zadania",
    "due %(date)s": "termin: %(date)s",
    "Reason for the override:": "Uzasadnienie pominięcia:",
    "Done:": "Wykonano:",
    "Edit": "Edytuj",
    "Withdraw": "Wycofaj",
    "Justification (needed during an election campaign or silence)":
        "Uzasadnienie (wymagane w czasie kampanii wyborczej lub ciszy wyborczej)",
    "Approve": "Zatwierdź",
    "Return to the author": "Zwróć autorowi",
    "Waiting for a supervisor other than the author.": "Czeka na przełożonego innego niż autor.",
    "The election silence is on. Only a safety or organisational notice may go out now, by a supervisor, with the reason logged.":
        "Trwa cisza wyborcza. Teraz można opublikować tylko komunikat dotyczący bezpieczeństwa lub organizacji; robi to przełożony, a uzasadnienie zostaje zapisane.",
    "Reason (safety or organisational notice)": "Uzasadnienie (komunikat dotyczący bezpieczeństwa lub organizacji)",
    "Publish now": "Opublikuj teraz",
    "History": "Historia",
    "BIP first: an official notice links to its BIP entry, every image has a description, and each post is checked before it goes out and again at publication.":
        "Najpierw BIP: komunikat urzędowy prowadzi do swojego wpisu w BIP, każde zdjęcie ma opis, a każdy wpis jest sprawdzany przed wysłaniem i ponownie w chwili publikacji.",
    "Posts by state": "Wpisy według stanu",
    "Drafts": "Projekty",
    "Scheduled and in progress": "Zaplanowane i w toku",
    "Type": "Rodzaj",
    "(no text)": "(bez treści)",
    "No posts here.": "Brak wpisów.",
    "Open tasks": "Otwarte zadania",
    "No open tasks.": "Brak otwartych zadań.",
    "Publishing settings": "Ustawienia publikacji",
    "The approver is a supervisor other than the author. During an election campaign, a post naming a candidate, a committee or a slogan always needs approval, whatever its type.":
        "Zatwierdza przełożony inny niż autor. W czasie kampanii wyborczej wpis wymieniający kandydata, komitet lub hasło wyborcze zawsze wymaga zatwierdzenia, bez względu na rodzaj.",
    "BIP feed": "Kanał BIP",
    "%(n)s entry kept; the worker reads the feed every hour.": [
        "Przechowywany jest %(n)s wpis; Ratusz odczytuje kanał co godzinę.",
        "Przechowywane są %(n)s wpisy; Ratusz odczytuje kanał co godzinę.",
        "Przechowywanych jest %(n)s wpisów; Ratusz odczytuje kanał co godzinę.",
        "Przechowywane jest %(n)s wpisu; Ratusz odczytuje kanał co godzinę.",
    ],
    "Read the feed now": "Odczytaj kanał teraz",
    "Elections: dates, candidates and slogans to watch": "Wybory: daty oraz kandydaci i hasła sprawdzane we wpisach",
    "Post draft saved": "Zapisano projekt wpisu",
    "Post submitted for approval": "Wpis przekazany do zatwierdzenia",
    "Post approved": "Wpis zatwierdzony",
    "Post returned to its author": "Wpis zwrócony autorowi",
    "Post scheduled": "Wpis zaplanowany",
    "Post withdrawn": "Wpis wycofany",
    "Post paused by the election silence": "Wpis wstrzymany z powodu ciszy wyborczej",
    "Paused post released": "Wstrzymany wpis zwolniony do publikacji",
    "Post sent to the platforms": "Wpis wysłany na platformy",
    "Post published": "Wpis opublikowany",
    "Post not published": "Publikacja wpisu nieudana",
    "Post task created": "Utworzono zadanie do wpisu",
    "Post task done": "Wykonano zadanie do wpisu",
    "BIP feed read": "Odczytano kanał BIP",
    "A scheduled or published post cannot be changed.": "Wpisu zaplanowanego lub opublikowanego nie można zmieniać.",
    "Sent for approval.": "Wysłano do zatwierdzenia.",
    "Scheduled.": "Zaplanowano.",
    "Sent to the platforms.": "Wysłano na platformy.",
    "Approved.": "Zatwierdzono.",
    "Returned to the author.": "Zwrócono autorowi.",
    "Withdrawn.": "Wycofano.",
    "Trying again.": "Ponawiamy publikację.",
    "Released.": "Zwolniono do publikacji.",
    "Task done.": "Zadanie wykonane.",
    "BIP feed read: %(n)d new entry.": ["Odczytano kanał BIP: %(n)d nowy wpis.", "Odczytano kanał BIP: %(n)d nowe wpisy.", "Odczytano kanał BIP: %(n)d nowych wpisów.", "Odczytano kanał BIP: %(n)d nowego wpisu."],
    # Reports (issue 8): metrics definitions and the self-audit.
    "A question is a resident's message written in the period that triage marked as a question, a public information request, a formal matter or an emergency (with people's corrections applied). Several questions in one conversation before the office answers count once, as one wait from the first of them; a question that continues a wait begun before the period is not counted again.":
        'Pytanie to wiadomość mieszkańca napisana w okresie, którą analiza oznaczyła jako pytanie, wniosek o informację publiczną, sprawę urzędową lub zgłoszenie zagrożenia (z uwzględnieniem poprawek wprowadzonych przez pracowników). Kilka pytań w jednej rozmowie przed odpowiedzią urzędu liczy się raz, jako jedno oczekiwanie od pierwszego z nich; pytanie, które kontynuuje oczekiwanie rozpoczęte przed okresem, nie jest liczone ponownie.',
    "A question is answered when a person from the office writes in the same conversation after it, in Ratusz or in Meta's own tools: in public (a reply under the comment) or in private (Messenger, Instagram Direct or the private reply to a comment). Whether an answer was public or private is taken from the first answer. Automatic acknowledgements, moderation notices and replies the platform refused are not answers. An answer given after the period ended still counts.":
        'Pytanie ma odpowiedź, gdy pracownik urzędu napisze po nim w tej samej rozmowie, w Ratuszu lub w narzędziach Meta: publicznie (odpowiedź pod komentarzem) albo prywatnie (Messenger, Instagram Direct lub prywatna odpowiedź na komentarz). O tym, czy odpowiedź była publiczna, czy prywatna, decyduje pierwsza odpowiedź. Automatyczne potwierdzenia, zawiadomienia o moderacji i odpowiedzi odrzucone przez platformę nie są odpowiedziami. Odpowiedź udzielona po zakończeniu okresu także się liczy.',
    "First response time runs from the question to the first answer, in the office's working time (its opening hours, without weekends, public holidays and the office's days off) and in calendar time.":
        'Czas pierwszej odpowiedzi biegnie od pytania do pierwszej odpowiedzi, w czasie pracy urzędu (w godzinach jego otwarcia, bez weekendów, świąt i dni wolnych urzędu) oraz w czasie kalendarzowym.',
    'The median is the middle value, or the mean of the two middle values when their number is even. The 90th percentile is the nearest-rank value: the shortest time within which at least 90% of the answered questions were answered.':
        'Mediana to wartość środkowa, a przy parzystej liczbie wartości średnia dwóch środkowych. 90. percentyl wyznacza się metodą najbliższej rangi: to najkrótszy czas, w którym udzielono odpowiedzi na co najmniej 90% pytań, na które odpowiedziano.',
    "Within target: answered within the first response target in working minutes (the channel's own target if it has one, otherwise the office's). The share is of the answered questions.":
        'W terminie: odpowiedź udzielona w docelowym czasie pierwszej odpowiedzi, liczonym w minutach pracy (według celu kanału, jeśli go ma, a w przeciwnym razie celu urzędu). Odsetek liczy się od pytań, na które odpowiedziano.',
    "Still unanswered: questions with no answer at the end of the period (or now, for a period that has not ended) although at least the stated number of the office's whole working days had passed since the day they were written.":
        'Nadal bez odpowiedzi: pytania, które na koniec okresu (lub teraz, jeśli okres jeszcze trwa) nie miały odpowiedzi, choć od dnia ich napisania minęła co najmniej podana liczba pełnych dni pracy urzędu.',
    'Acknowledgements: the automatic replies Ratusz sent out of office hours to say when the office will answer.':
        'Potwierdzenia: automatyczne odpowiedzi, które Ratusz wysłał poza godzinami pracy urzędu z informacją, kiedy urząd odpowie.',
    "Emergencies: conversations in which triage marked a message as a possible danger to life, health or property, counted once until the office answers, in the period of the first such message. The time is calendar time from the first such message to a person's first answer.":
        'Zagrożenia: rozmowy, w których analiza oznaczyła wiadomość jako możliwe zagrożenie życia, zdrowia lub mienia, liczone raz do czasu odpowiedzi urzędu, w okresie pierwszej takiej wiadomości. Czas to czas kalendarzowy od pierwszej takiej wiadomości do pierwszej odpowiedzi pracownika.',
    'Statutory deadlines started in the period: done on time when the matter was closed no later than the day the legal deadline ends, late when closed after it; overdue when it is still open after that day, as of today.':
        'Terminy ustawowe rozpoczęte w okresie: załatwione w terminie, gdy sprawę zamknięto najpóźniej w dniu upływu terminu ustawowego, po terminie, gdy zamknięto ją później; przeterminowane, gdy według stanu na dziś sprawa jest nadal otwarta po tym dniu.',
    "Posts: the office's posts published in the period, by type. Posts that invite input ask residents for their opinion, questions or participation.":
        'Wpisy: wpisy urzędu opublikowane w okresie, według rodzaju. Wpisy zapraszające do udziału proszą mieszkańców o opinię, pytania lub udział.',
    "Comments: residents' comments under the office's posts written in the period. Comments per post counts all residents' comments so far under the posts published in the period, divided by the number of those posts.":
        'Komentarze: komentarze mieszkańców pod wpisami urzędu napisane w okresie. Liczba komentarzy na wpis to wszystkie dotychczasowe komentarze mieszkańców pod wpisami opublikowanymi w okresie, podzielone przez liczbę tych wpisów.',
    "Comment threads: threads with a resident's comment in the period. The office took part when a person from the office wrote in the thread, publicly or by a private reply.":
        'Wątki komentarzy: wątki z komentarzem mieszkańca w okresie. Urząd wziął udział w wątku, gdy pracownik urzędu napisał w nim publicznie lub odpowiedział prywatnie.',
    'Residents: distinct accounts that wrote a comment or a message in the period, and those that wrote at least twice. The report gives only counts, never who.':
        'Mieszkańcy: różne konta, które napisały komentarz lub wiadomość w okresie, oraz te, które napisały co najmniej dwa razy. Raport podaje tylko liczby, nigdy kto.',
    'Moderation: acts carried out in the period, by kind and by the clause of the page rules they cite. Automatic acts are those Ratusz took by itself (the protective hide of personal data); all others are manual. Reversals are acts that undo an earlier one.':
        'Moderacja: czynności wykonane w okresie, według rodzaju i punktu regulaminu, na który się powołują. Czynności automatyczne to te, które Ratusz wykonał sam (ochronne ukrycie danych osobowych); pozostałe są ręczne. Cofnięcia to czynności, które uchylają wcześniejszą.',
    'Appeals: appeals received in the period, and how many of them were upheld.':
        'Odwołania: odwołania otrzymane w okresie oraz liczba uwzględnionych spośród nich.',
    'Blocks in force: accounts blocked permanently at the end of the period (or now, for a period that has not ended), with the age of their blocks in whole days. Restrictions in force: accounts under a temporary restriction that had neither expired nor been lifted at that moment.':
        'Obowiązujące blokady: konta z blokadą stałą na koniec okresu (lub teraz, jeśli okres jeszcze trwa), z wiekiem blokad w pełnych dniach. Obowiązujące ograniczenia: konta z czasowym ograniczeniem, które w tym momencie ani nie wygasło, ani nie zostało zdjęte.',
    'Time to hide unlawful content: the median calendar minutes from a comment being written to its hiding or deletion, for acts that cite threats, hate speech, illegal content or personal data, and for automatic hides.':
        'Czas ukrycia treści bezprawnych: mediana minut kalendarzowych od napisania komentarza do jego ukrycia lub usunięcia, dla czynności powołujących się na groźby, mowę nienawiści, treści zabronione przez prawo lub dane osobowe oraz dla ukryć automatycznych.',
    "Notices: official notices published in the period, with or without a link to BIP or the office's website. Accessibility overrides: posts published in the period despite an accessibility warning, each of which must be republished accessibly; the tasks are shown as done, open and overdue.":
        'Komunikaty: komunikaty urzędowe opublikowane w okresie, z odnośnikiem do BIP lub strony urzędu albo bez niego. Pominięcia dostępności: wpisy opublikowane w okresie mimo ostrzeżenia o dostępności, z których każdy trzeba opublikować ponownie w dostępnej formie; zadania pokazano jako wykonane, otwarte i po terminie.',
    'A department filter applies to conversations and deadlines. Posts, moderation and publishing do not belong to departments and are counted for the whole office, or for the chosen channel.':
        'Filtr wydziału dotyczy rozmów i terminów. Wpisy, moderacja i publikowanie nie należą do wydziałów i są liczone dla całego urzędu albo dla wybranego kanału.',
    'the office runs a Facebook group':
        'urząd prowadzi grupę na Facebooku',
    'The page rules (regulamin) are published and current.':
        'Regulamin strony jest opublikowany i aktualny.',
    'The rules name no viewpoint-based reasons for removal.':
        'Regulamin nie przewiduje usuwania treści z powodu poglądów.',
    'Blocks have reasons, approvals and review dates.':
        'Blokady mają uzasadnienie, zatwierdzenie i termin przeglądu.',
    'No permanent block without a clause that allows it.':
        'Żadna blokada stała nie jest nałożona bez punktu regulaminu, który na nią pozwala.',
    "Residents' questions are answered.":
        'Pytania mieszkańców dostają odpowiedź.',
    "Answers come within the office's own target.":
        'Odpowiedzi przychodzą w czasie, który urząd sam sobie wyznaczył.',
    'Official notices link to BIP.':
        'Komunikaty urzędowe zawierają link do BIP.',
    'Inaccessible posts are republished accessibly on time.':
        'Niedostępne wpisy są na czas publikowane ponownie w dostępnej wersji.',
    'Who runs the page is recorded.':
        'Zapisano, kto prowadzi stronę.',
    'Nothing to do.':
        'Nic nie trzeba robić.',
    'clause %(number)s':
        'pkt %(number)s',
    'section %(number)s':
        '§ %(number)s',
    '%(where)s: “%(phrase)s”':
        '%(where)s: „%(phrase)s”',
    'No version of the page rules is in force.':
        'Nie obowiązuje żadna wersja regulaminu strony.',
    'Draft versions not yet published: %(n)s.':
        'Projekty wersji jeszcze nieopublikowane: %(n)s.',
    "Generate the rules in Ratusz (Moderation, Page rules), have the head of office adopt them by an order (zarządzenie), publish them, and link them from the page's About section and from BIP. Without rules in force no moderation act can cite a reason.":
        'Przygotuj regulamin w Ratuszu (Moderacja, Regulamin strony), niech kierownik urzędu przyjmie go zarządzeniem, opublikuj go i podlinkuj w sekcji „Informacje” strony oraz w BIP. Bez obowiązującego regulaminu żadna czynność moderacyjna nie może wskazać podstawy.',
    'Version %(version)s, adopted on %(adopted)s, in force since %(since)s.':
        'Wersja %(version)s, przyjęta %(adopted)s, obowiązuje od %(since)s.',
    "Review the rules by %(day)s, or sooner when the law or the office's pages change.":
        'Przejrzyj regulamin do %(day)s albo wcześniej, jeśli zmienią się przepisy lub strony urzędu.',
    'The rules are more than two years old (%(days)s days).':
        'Regulamin ma ponad dwa lata (liczba dni: %(days)s).',
    "Review the rules against the current law and the office's pages and publish a new version, even if little changes.":
        'Porównaj regulamin z obecnymi przepisami i stronami urzędu i opublikuj nową wersję, nawet jeśli zmian jest niewiele.',
    'Published at: %(url)s':
        'Opublikowany pod adresem: %(url)s',
    'The settings give no address where residents can read the rules.':
        'W ustawieniach brakuje adresu, pod którym mieszkańcy mogą przeczytać regulamin.',
    "Give the address of the published rules in the settings (Calendar and hours) and link it from the page's About section and from BIP.":
        'Podaj adres opublikowanego regulaminu w ustawieniach (Kalendarz i godziny) i podlinkuj go w sekcji „Informacje” strony oraz w BIP.',
    'No page rules are in force, so there is nothing to check.':
        'Nie obowiązuje żaden regulamin strony, więc nie ma czego sprawdzić.',
    'Publish the rules first; Ratusz checks their wording before publishing.':
        'Najpierw opublikuj regulamin; Ratusz sprawdza jego brzmienie przed publikacją.',
    "The rules in force (version %(version)s) were checked for viewpoint-based wording (criticism, the office's image or good name, negative opinions, the administrator's discretion): none found.":
        'Obowiązujący regulamin (wersja %(version)s) sprawdzono pod kątem sformułowań opartych na poglądach (krytyka, wizerunek lub dobre imię urzędu, negatywne opinie, uznanie administratora): nie znaleziono żadnych.',
    'Nothing to do. Keep reasons for removal to unlawful content and the netiquette.':
        'Nic nie trzeba robić. Niech powodami ukrycia pozostają treści bezprawne i naruszenia netykiety.',
    'Viewpoint-based wording in the rules in force (version %(version)s): %(n)s. %(places)s.':
        'Sformułowania oparte na poglądach w obowiązującym regulaminie (wersja %(version)s): %(n)s. %(places)s.',
    'Some of it is in the reasons for removal that moderators cite.':
        'Część z nich jest w przyczynach ukrycia treści, na które powołują się moderatorzy.',
    'Replace these criteria with named kinds of unlawful content and their legal ground (e.g. art. 190, 212 or 216 of the Criminal Code), state plainly that criticism of the office is allowed, and publish a new version (Moderation, Page rules; `ratusz regulamin lint` lists every place).':
        'Zastąp te kryteria nazwanymi rodzajami treści bezprawnych i ich podstawą prawną (np. art. 190, 212 lub 216 Kodeksu karnego), napisz wprost, że krytyka urzędu jest dozwolona, i opublikuj nową wersję (Moderacja, Regulamin strony; `ratusz regulamin lint` wskazuje każde miejsce).',
    'No permanent block is in force.':
        'Nie obowiązuje żadna blokada stała.',
    'Permanent blocks in force: %(n)s.':
        'Obowiązujące blokady stałe: %(n)s.',
    'Without a clause and a statement of reasons: %(n)s.':
        'Bez punktu regulaminu i uzasadnienia: %(n)s.',
    "Without a second person's approval: %(n)s.":
        'Bez zatwierdzenia przez drugą osobę: %(n)s.',
    'Without a review date: %(n)s.':
        'Bez terminu przeglądu: %(n)s.',
    'Review overdue: %(n)s (the oldest was due on %(day)s).':
        'Z zaległym przeglądem: %(n)s (najstarszy przypadał na %(day)s).',
    'Review each of these blocks now (Moderation, Restrictions and blocks): a supervisor either keeps it with a review date, which records the approval, or lifts it. A block nobody can justify in writing should be lifted.':
        'Przejrzyj teraz każdą z tych blokad (Moderacja, Ograniczenia i blokady): przełożony utrzymuje ją z terminem przeglądu, co zapisuje zatwierdzenie, albo ją zdejmuje. Blokadę, której nikt nie potrafi uzasadnić na piśmie, należy zdjąć.',
    'Review the overdue blocks (Moderation, Restrictions and blocks): keep each one with a new review date or lift it. The rules promise a review at least every 90 days.':
        'Przejrzyj zaległe blokady (Moderacja, Ograniczenia i blokady): utrzymaj każdą z nowym terminem przeglądu albo ją zdejmij. Regulamin zapowiada przegląd co najmniej co 90 dni.',
    "Each has a statement of reasons, a second person's approval and a review date still ahead.":
        'Każda ma uzasadnienie, zatwierdzenie przez drugą osobę i termin przeglądu, który jeszcze nie minął.',
    'Review each block when it is due.':
        'Przeglądaj każdą blokadę w wyznaczonym terminie.',
    'Citing a clause that does not allow a permanent block: %(n)s (clauses: %(clauses)s).':
        'Z powołaniem punktu, który nie pozwala na blokadę stałą: %(n)s (punkty: %(clauses)s).',
    'The rules in force allow a permanent block for reasons other than threats, spam, fake accounts or repeated unlawful content: clauses %(clauses)s.':
        'Obowiązujący regulamin pozwala na blokadę stałą z innych powodów niż groźby, spam, fałszywe konta lub uporczywe publikowanie treści bezprawnych: punkty %(clauses)s.',
    'Lift these blocks, or replace them with a time-limited restriction under the graduated sanctions; a permanent block is meant only for threats, spam or fake accounts and repeated unlawful content.':
        'Zdejmij te blokady albo zastąp je czasowym ograniczeniem zgodnie ze stopniowaniem reakcji; blokada stała jest przewidziana tylko za groźby, spam lub fałszywe konta i uporczywe publikowanie treści bezprawnych.',
    'In a new version of the rules, allow a permanent block only for threats, spam or fake accounts and repeated unlawful content; for other reasons use a restriction.':
        'W nowej wersji regulaminu dopuść blokadę stałą tylko za groźby, spam lub fałszywe konta i uporczywe publikowanie treści bezprawnych; z innych powodów stosuj ograniczenie.',
    'Each cites a clause that allows it.':
        'Każda powołuje punkt, który na nią pozwala.',
    'No questions from residents between %(start)s and %(end)s: no data to measure.':
        'Brak pytań od mieszkańców od %(start)s do %(end)s: nie ma czego mierzyć.',
    'Answered %(answered)s of %(questions)s questions from residents (%(share)s%%) between %(start)s and %(end)s: %(public)s in public, %(private)s privately.':
        'Od %(start)s do %(end)s odpowiedziano na %(answered)s z %(questions)s pytań mieszkańców (%(share)s%%): publicznie – %(public)s, prywatnie – %(private)s.',
    'Still unanswered after %(days)s working days: %(n)s.':
        'Nadal bez odpowiedzi po upływie %(days)s dni roboczych: %(n)s.',
    'Expected: at least %(pass)s%% answered.':
        'Oczekiwane: odpowiedź na co najmniej %(pass)s%%.',
    "Answer the questions still waiting in the inbox, or tell the person where the matter is handled (an official channel); give each department's questions an owner, and use the out-of-hours acknowledgement so nobody is left without a word.":
        'Odpowiedz na pytania, które nadal czekają w skrzynce, albo wskaż, gdzie sprawa jest załatwiana (oficjalny kanał); przydziel pytania każdego wydziału konkretnej osobie i włącz potwierdzenie poza godzinami pracy, żeby nikt nie został bez słowa.',
    'No question between %(start)s and %(end)s was answered, so there is no response time to measure.':
        'Od %(start)s do %(end)s nie odpowiedziano na żadne pytanie, więc nie ma czasu odpowiedzi do zmierzenia.',
    'Answer the questions waiting in the inbox.':
        'Odpowiedz na pytania czekające w skrzynce.',
    "Median first response: %(median)s working minutes; the office's target: %(target)s working minutes (between %(start)s and %(end)s).":
        'Mediana czasu pierwszej odpowiedzi: %(median)s min pracy urzędu; cel urzędu: %(target)s min pracy urzędu (od %(start)s do %(end)s).',
    'Answered within the target: %(within)s of %(answered)s (%(share)s%%).':
        'Odpowiedzi w wyznaczonym czasie: %(within)s z %(answered)s (%(share)s%%).',
    '90th percentile: %(p90)s working minutes.':
        '90. percentyl: %(p90)s min pracy urzędu.',
    'Expected: a median within the target and at least %(share)s%% of answers within it.':
        'Oczekiwane: mediana w wyznaczonym czasie i co najmniej %(share)s%% odpowiedzi w tym czasie.',
    'Look at which departments and hours answers wait longest (the dashboard breaks them down), route questions to the department that knows the answer, and prepare templates for frequent questions; if the target cannot be met, set a realistic one and publish it.':
        'Sprawdź, w których wydziałach i o jakich porach odpowiedzi czekają najdłużej (pokazuje to pulpit), kieruj pytania do wydziału, który zna odpowiedź, i przygotuj szablony na częste pytania; jeśli celu nie da się osiągnąć, wyznacz realny i go opublikuj.',
    'No official notice was published between %(start)s and %(end)s.':
        'Od %(start)s do %(end)s nie opublikowano żadnego komunikatu urzędowego.',
    'Official notices published between %(start)s and %(end)s: %(total)s, each with a link to BIP.':
        'Komunikaty urzędowe opublikowane od %(start)s do %(end)s: %(total)s, każdy z linkiem do BIP.',
    'Official notices without a link to BIP: %(n)s of %(total)s published between %(start)s and %(end)s.':
        'Komunikaty urzędowe bez linku do BIP: %(n)s z %(total)s opublikowanych od %(start)s do %(end)s.',
    'Publish every official notice in BIP first and link it from the post: BIP is the official publication, and people who are not on Facebook or are blocked must find the notice too. Add the BIP link to the notices already published.':
        'Każdy komunikat urzędowy publikuj najpierw w BIP i podlinkuj go we wpisie: BIP jest urzędowym publikatorem, a komunikat muszą znaleźć także osoby, które nie korzystają z Facebooka lub zostały zablokowane. Dodaj link do BIP do komunikatów już opublikowanych.',
    'No post published between %(start)s and %(end)s had an accessibility check overridden.':
        'W żadnym wpisie opublikowanym od %(start)s do %(end)s nie pominięto sprawdzenia dostępności.',
    'Posts published between %(start)s and %(end)s with an accessibility check overridden: %(n)s. Republished accessibly: %(done)s; open and past the due date: %(overdue)s; open, not yet due: %(waiting)s.':
        'Wpisy opublikowane od %(start)s do %(end)s z pominiętym sprawdzeniem dostępności: %(n)s. Opublikowane ponownie w dostępnej wersji: %(done)s; otwarte po terminie: %(overdue)s; otwarte przed terminem: %(waiting)s.',
    'The oldest was due on %(day)s.':
        'Najstarszy termin minął %(day)s.',
    'Without a republication task: %(n)s.':
        'Bez zadania ponownej publikacji: %(n)s.',
    'Publish the accessible versions on the website or in BIP and record their addresses in the tasks (Publishing, Tasks): the act on digital accessibility (art. 6) requires an accessible copy of what a platform cannot show accessibly.':
        'Opublikuj dostępne wersje na stronie internetowej lub w BIP i wpisz ich adresy w zadaniach (Publikowanie, Zadania): ustawa o dostępności cyfrowej (art. 6) wymaga dostępnej kopii tego, czego platforma nie pokazuje w sposób dostępny.',
    'Publish the accessible versions before their due dates and record their addresses in the tasks (Publishing, Tasks).':
        'Opublikuj dostępne wersje przed terminem i wpisz ich adresy w zadaniach (Publikowanie, Zadania).',
    'The settings do not say whether the office runs a Facebook group.':
        'W ustawieniach nie podano, czy urząd prowadzi grupę na Facebooku.',
    'Answer the question in the settings (Moderation, Page rules, what the rules say about the office). Watchdog Polska asks offices about it, and the answer is public information.':
        'Odpowiedz na to pytanie w ustawieniach (Moderacja, Regulamin strony, „Co regulamin mówi o urzędzie”). Sieć Obywatelska Watchdog Polska pyta o to urzędy, a odpowiedź jest informacją publiczną.',
    "The settings say the office runs a Facebook group. Ratusz does not see groups: admitting, removing and muting members there is not done under the page's rules, is not logged and cannot be appealed, and Watchdog Polska's monitoring asks offices whether they run one.":
        'Według ustawień urząd prowadzi grupę na Facebooku. Ratusz nie widzi grup: przyjmowanie, usuwanie i wyciszanie członków odbywa się tam poza regulaminem strony, nie jest rejestrowane i nie można się od niego odwołać, a monitoring Sieci Obywatelskiej Watchdog Polska pyta urzędy, czy prowadzą grupy.',
    "Consider closing the group and moving its discussion to the page. If the office keeps it, apply the page's rules to it, say in the rules who runs it, record every removal of a member with its reason, and have the legal adviser (radca prawny) check the arrangement.":
        'Rozważ zamknięcie grupy i przeniesienie dyskusji na stronę. Jeśli urząd ją zachowa, obejmij ją regulaminem strony, wskaż w regulaminie, kto ją prowadzi, zapisuj każde usunięcie członka wraz z powodem i poproś radcę prawnego o ocenę tego rozwiązania.',
    'The settings say the office runs no Facebook group.':
        'Według ustawień urząd nie prowadzi grupy na Facebooku.',
    'Runs the page: %(operators)s.':
        'Stronę prowadzi: %(operators)s.',
    'The settings do not say who runs the page.':
        'W ustawieniach nie podano, kto prowadzi stronę.',
    'State the department and positions that run the page in the settings (Moderation, Page rules, what the rules say about the office).':
        'Podaj w ustawieniach komórkę i stanowiska prowadzące stronę (Moderacja, Regulamin strony, „Co regulamin mówi o urzędzie”).',
    'People with moderation rights: %(n)s, with a position recorded: %(p)s.':
        'Osoby z uprawnieniami moderacji: %(n)s, w tym z zapisanym stanowiskiem: %(p)s.',
    'Record the position (stanowisko) of each person with moderation rights (`ratusz member … --position`): a request for public information may ask who runs the page, and the answer names positions, not people.':
        'Zapisz stanowisko każdej osoby z uprawnieniami moderacji (`ratusz member … --position`): wniosek o informację publiczną może dotyczyć tego, kto prowadzi stronę, a odpowiedź wskazuje stanowiska, nie osoby.',
    'Outside firm: %(firm)s.':
        'Podmiot zewnętrzny: %(firm)s.',
    'The rules in force do not name the outside firm.':
        'Obowiązujący regulamin nie wymienia podmiotu zewnętrznego.',
    'Publish a new version of the rules that names the outside firm.':
        'Opublikuj nową wersję regulaminu, która wymienia podmiot zewnętrzny.',
    'Keep it up to date when staff or the outside firm change.':
        'Aktualizuj te dane, gdy zmienią się pracownicy lub podmiot zewnętrzny.',
    # Reports and publishing fixes (issues 7 and 8).
    "Does the office run a Facebook group (not only a page)?":
        "Czy urząd prowadzi grupę na Facebooku (nie tylko stronę)?",
    "not answered": "nie podano",
    "yes": "tak",
    "no": "nie",
    "The notice links to %(links)s, which is neither BIP nor the office website. An official notice must link to its entry in BIP: add that link too, or change the type of the post.":
        "Komunikat prowadzi do %(links)s, a to nie jest BIP ani strona urzędu. Komunikat urzędowy musi zawierać link do swojego wpisu w BIP: dodaj także ten link albo zmień rodzaj wpisu.",
    "Write the post's text: people who use screen readers or search need it, and it says what the picture or the link is about.":
        "Napisz treść wpisu: potrzebują jej osoby korzystające z czytnika ekranu lub wyszukiwarki, a poza tym mówi ona, czego dotyczy zdjęcie lub link.",
    "Only Facebook can hold a scheduled post itself; untick that option and Ratusz will hold the post for Instagram too.":
        "Bezpośrednio na platformie można zaplanować wpis tylko na Facebooku; odznacz tę opcję, a wpis, także ten na Instagram, zaczeka w Ratuszu.",
    "Facebook holds scheduled posts from 10 minutes to 30 days ahead. Choose a time in that window, or untick the option and Ratusz will hold the post.":
        "Facebook przyjmuje zaplanowane wpisy od 10 minut do 30 dni naprzód. Wybierz termin w tym przedziale albo odznacz tę opcję, a wpis zaczeka w Ratuszu.",
    "Give a date between 2000 and 2100.": "Podaj datę z lat 2000–2100.",
    "%(line)s is not a valid bank account number.": "%(line)s nie jest poprawnym numerem konta bankowego.",
    "Withdrawn by the office": "Wycofany",
    "%(message)s Fix this in the post, or give the reason to publish anyway (at least %(n)d characters) under the finding.":
        "%(message)s Popraw wpis albo pod tą uwagą podaj uzasadnienie publikacji mimo to (co najmniej %(n)d znaków).",
    "Whoever wrote, changed or submitted a post cannot approve it; another supervisor must.":
        "Osoba, która napisała, zmieniła lub wysłała wpis, nie może go zatwierdzić; musi to zrobić inny przełożony.",
    "The post changed after you opened it. Read it again before approving.":
        "Wpis zmienił się od chwili, gdy został otwarty. Przeczytaj go ponownie przed zatwierdzeniem.",
    "In the election silence only a safety or organisational notice may go out; give the reason (at least %(n)d characters), or edit the post to choose another time.":
        "W czasie ciszy wyborczej można opublikować tylko komunikat dotyczący bezpieczeństwa lub organizacji; podaj uzasadnienie (co najmniej %(n)d znaków) albo edytuj wpis i wybierz inny termin.",
    "The post is being sent to a platform right now. Wait until it has arrived (or failed), then try again.":
        "Wpis jest właśnie wysyłany na platformę. Poczekaj, aż dotrze (albo wysyłka się nie uda), i spróbuj ponownie.",
    "The election silence is on: the post can go out after it, or now only as a safety or organisational notice approved by a supervisor.":
        "Trwa cisza wyborcza: wpis można opublikować po jej zakończeniu, a teraz tylko jako komunikat dotyczący bezpieczeństwa lub organizacji zatwierdzony przez przełożonego.",
    "The checks stop this post now: %(message)s Withdraw it, edit it and submit it again.":
        "Sprawdzenie blokuje teraz ten wpis: %(message)s Wycofaj go, popraw i wyślij ponownie.",
    "Nothing is left to send.": "Nie ma już nic do wysłania.",
    "%(n)s finding blocks publishing": [
        "%(n)s uwaga blokuje publikację",
        "%(n)s uwagi blokują publikację",
        "%(n)s uwag blokuje publikację",
        "%(n)s uwagi blokuje publikację",
    ],
    "%(n)s warning": [
        "%(n)s ostrzeżenie",
        "%(n)s ostrzeżenia",
        "%(n)s ostrzeżeń",
        "%(n)s ostrzeżenia",
    ],
    "Write the post: it is checked as you type.": "Napisz wpis: jest sprawdzany na bieżąco, w trakcie pisania.",
    "Or publish anyway, because (the reason is recorded, and a task to republish accessibly on the website or in BIP is created):":
        "Albo opublikuj mimo to, ponieważ (uzasadnienie zostanie zapisane i powstanie zadanie opublikowania dostępnej wersji na stronie urzędu lub w BIP):",
    "Or publish anyway, because (the reason is recorded and a supervisor approves it):":
        "Albo opublikuj mimo to, ponieważ (uzasadnienie zostanie zapisane, a zatwierdzi je przełożony):",
    "Withdraw this post? It will not be published; you can edit it and submit it again.":
        "Wycofać ten wpis? Nie zostanie opublikowany; możesz go edytować i wysłać ponownie.",
    "What the author should change": "Co autor ma zmienić",
    "Publish this post?": "Opublikować ten wpis?",
    "The post's time falls into the election silence. Edit it to choose another time, or, as a supervisor, keep its time for a safety or organisational notice, with the reason logged.":
        "Termin wpisu przypada w czasie ciszy wyborczej. Edytuj wpis i wybierz inny termin albo, jako przełożony, zachowaj termin dla komunikatu dotyczącego bezpieczeństwa lub organizacji, z zapisanym uzasadnieniem.",
    "The silence is over and the post's time has passed: it can go out now.":
        "Cisza wyborcza się skończyła, a termin wpisu minął: można go opublikować teraz.",
    "Keep its time": "Zachowaj termin",
    "Meta (the platform)": "Meta (platforma)",
    "Ratusz (automatically)": "Ratusz (automatycznie)",
    "Images and their descriptions": "Zdjęcia i ich opisy",
    "Published posts": "Opublikowane",
    "Withdrawn posts": "Wycofane",
    "No feed address: the entries below are not refreshed. Give the address of the BIP's RSS or Atom feed above.":
        "Brak adresu kanału: poniższe wpisy nie są odświeżane. Podaj wyżej adres kanału RSS lub Atom z BIP.",
    "Post sent again": "Wpis wysłany ponownie",
    "Post held for a supervisor's approval": "Wpis wstrzymany do zatwierdzenia przez przełożonego",
    "A scheduled post could not be withdrawn from Facebook": "Nie udało się wycofać zaplanowanego wpisu z Facebooka",
    # Reports: charts.
    "Residents' questions and answers by day": "Pytania mieszkańców i odpowiedzi według dni",
    "Questions": "Pytania",
    "Answered": "Z odpowiedzią",
    "Bars for each day of the period: residents' questions that arrived, and those the office answered. The table below has the same numbers.":
        "Słupki dla każdego dnia okresu: pytania mieszkańców, które wpłynęły, i te, na które urząd odpowiedział. Tabela poniżej zawiera te same liczby.",
    "Day": "Dzień",
    "Median first response time by channel (working minutes)":
        "Mediana czasu pierwszej odpowiedzi według kanałów (minuty pracy urzędu)",
    "Median": "Mediana",
    "One bar per channel and kind of conversation: the median time to the office's first answer, counted in the office's working minutes.":
        "Jeden słupek na każdy kanał i rodzaj rozmowy: mediana czasu do pierwszej odpowiedzi urzędu, liczona w minutach pracy urzędu.",
    "Median (working minutes)": "Mediana (minuty pracy urzędu)",
    "Posts by type": "Wpisy według rodzaju",
    "One bar per type of post published in the period.": "Jeden słupek na każdy rodzaj wpisów opublikowanych w okresie.",
    "Moderation acts by kind": "Działania moderacyjne według rodzaju",
    "Acts": "Działania",
    "One bar per kind of moderation act taken in the period, each citing a clause of the page's rules.":
        "Jeden słupek na każdy rodzaj działań moderacyjnych podjętych w okresie; każde z nich powołuje się na punkt regulaminu strony.",
    # Reports: key figures.
    "Residents' questions": "Pytania mieszkańców",
    "Share of questions answered": "Odsetek pytań z odpowiedzią",
    "Median first response (working minutes)": "Mediana czasu pierwszej odpowiedzi (minuty pracy urzędu)",
    "90th percentile of first response (working minutes)": "90. percentyl czasu pierwszej odpowiedzi (minuty pracy urzędu)",
    "Median first response (calendar minutes)": "Mediana czasu pierwszej odpowiedzi (minuty kalendarzowe)",
    "Answered within the office's target": "Odpowiedzi w czasie wyznaczonym przez urząd",
    "Unanswered after the set number of working days": "Bez odpowiedzi po upływie wyznaczonej liczby dni roboczych",
    "Out-of-hours acknowledgements sent": "Automatyczne potwierdzenia wysłane poza godzinami pracy",
    "Emergencies reported": "Zgłoszone zagrożenia",
    "Median time until a person answered an emergency (calendar minutes)":
        "Mediana czasu do odpowiedzi pracownika na zgłoszenie zagrożenia (minuty kalendarzowe)",
    "Public information requests and other deadlines started":
        "Wnioski o informację publiczną i inne sprawy z terminem ustawowym",
    "Deadlines overdue": "Sprawy po terminie",
    "Posts published": "Opublikowane wpisy",
    "Posts inviting residents' input": "Wpisy zapraszające mieszkańców do udziału",
    "Residents' comments per post": "Komentarze mieszkańców na wpis",
    "Comment threads the office took part in": "Wątki komentarzy z udziałem urzędu",
    "Residents who wrote more than once": "Mieszkańcy, którzy napisali więcej niż raz",
    "Moderation acts": "Działania moderacyjne",
    "Appeals upheld": "Uwzględnione odwołania",
    "Median time to hide clearly unlawful content (minutes)":
        "Mediana czasu ukrycia treści oczywiście bezprawnych (minuty)",
    "Official notices without a BIP link": "Komunikaty urzędowe bez linku do BIP",
    "Accessible republications still open": "Otwarte zadania ponownej publikacji w dostępnej wersji",
    # Reports: the monthly report, its generation and publication.
    "Waiting to be generated": "Czeka na przygotowanie",
    "Being generated": "W przygotowaniu",
    "Ready": "Gotowy",
    "Generation failed": "Nie udało się przygotować",
    "monthly report": "raport miesięczny",
    "A monthly report covers a finished month; the dashboard shows the current one.":
        "Raport miesięczny obejmuje miesiąc, który już się skończył; bieżący miesiąc pokazuje pulpit.",
    "Counting questions, answers and response times": "Liczenie pytań, odpowiedzi i czasów odpowiedzi",
    "Drawing the charts": "Rysowanie wykresów",
    "Only a generated report can be published.": "Opublikować można tylko przygotowany raport.",
    "Answers to residents": "Odpowiedzi dla mieszkańców",
    "Answered (publicly / privately)": "Z odpowiedzią (publicznie / prywatnie)",
    "Share answered": "Odsetek pytań z odpowiedzią",
    "First response, median / 90th percentile (working minutes)":
        "Pierwsza odpowiedź: mediana / 90. percentyl (minuty pracy urzędu)",
    "First response, median / 90th percentile (calendar minutes)":
        "Pierwsza odpowiedź: mediana / 90. percentyl (minuty kalendarzowe)",
    "Answered within the office's target of %(target)s working minutes":
        "Odpowiedzi w czasie wyznaczonym przez urząd (%(target)s min pracy urzędu)",
    "Still unanswered after %(n)s working days": "Nadal bez odpowiedzi po upływie %(n)s dni roboczych",
    "Answered on time": "Załatwione w terminie",
    "Answered late": "Załatwione po terminie",
    "Overdue": "Przeterminowane",
    "All": "Razem",
    "Dialogue with residents": "Dialog z mieszkańcami",
    "Moderation acts (automatic / by people)": "Działania moderacyjne (automatyczne / ręczne)",
    "Acts by clause of the page's rules": "Działania według punktów regulaminu strony",
    "Publishing and BIP": "Publikowanie i BIP",
    "How the figures are counted": "Jak liczymy dane",
    "The report holds aggregates only: no resident is named or identified, and no list of commenters is kept in it.":
        "Raport zawiera tylko dane zbiorcze: nie wymienia ani nie pozwala zidentyfikować żadnego mieszkańca i nie ma w nim listy komentujących.",
    "Generating the report failed. Try again; if it fails again, the desk's log says why.":
        "Nie udało się przygotować raportu. Spróbuj ponownie; jeśli znów się nie uda, przyczynę podaje dziennik Ratusza.",
    "The report is being generated.": "Raport jest przygotowywany.",
    "Report generation": "Przygotowanie raportu",
    # Reports: the dashboard.
    "Reports": "Raporty",
    "Period and filters": "Okres i filtry",
    "From %(start)s to %(end)s, compared with %(pstart)s to %(pend)s.":
        "Od %(start)s do %(end)s, w porównaniu z okresem od %(pstart)s do %(pend)s.",
    "Key figures": "Najważniejsze dane",
    "Key figures with the previous period": "Najważniejsze dane w porównaniu z poprzednim okresem",
    "Measure": "Wskaźnik",
    "This period": "Ten okres",
    "Previous period": "Poprzedni okres",
    "better": "lepiej",
    "worse": "gorzej",
    "Charts": "Wykresy",
    "Nothing to chart in this period yet.": "W tym okresie nie ma jeszcze danych do wykresów.",
    "Self-audit: what a watchdog would check": "Samokontrola: co sprawdziłaby organizacja strażnicza",
    "%(p)s passed, %(w)s to look at, %(f)s to fix. Based on Sieć Obywatelska Watchdog Polska's monitoring of municipal pages.":
        "Spełnione: %(p)s, do sprawdzenia: %(w)s, do poprawy: %(f)s. Na podstawie monitoringu stron gmin prowadzonego przez Sieć Obywatelską Watchdog Polska.",
    "Passes": "Spełnione",
    "To look at": "Do sprawdzenia",
    "To fix": "Do poprawy",
    "What to do:": "Co zrobić:",
    "Monthly public reports": "Miesięczne raporty publiczne",
    "The worker prepares last month's report on the first day of each month. Check it, then publish it and link to it from BIP: it holds aggregates only.":
        "Pierwszego dnia każdego miesiąca Ratusz przygotowuje raport za poprzedni miesiąc. Sprawdź go, opublikuj i podlinkuj w BIP: zawiera tylko dane zbiorcze.",
    "Public": "Publiczny",
    "published": "opublikowano",
    "No report yet.": "Nie ma jeszcze raportów.",
    "Generate the report for": "Przygotuj raport za",
    "Generate": "Przygotuj",
    # Reports: the public report.
    "Monthly reports": "Raporty miesięczne",
    "monthly reports on the office's pages": "miesięczne raporty o stronach urzędu",
    "How the office answers residents on Facebook and Instagram, how it moderates comments under its published rules, and how it publishes: figures for each month, aggregates only.":
        "Jak urząd odpowiada mieszkańcom na Facebooku i Instagramie, jak moderuje komentarze na podstawie opublikowanego regulaminu i jak publikuje wpisy: dane za każdy miesiąc, wyłącznie zbiorcze.",
    "No report has been published yet.": "Nie opublikowano jeszcze żadnego raportu.",
    "Public register of moderation": "Publiczny rejestr moderacji",
    "report on the office's pages, %(month)s": "raport o stronach urzędu, %(month)s",
    "Period %(start)s – %(end)s; figures computed %(when)s.":
        "Okres: %(start)s – %(end)s; dane obliczono %(when)s.",
    "Monthly report, %(month)s": "Raport miesięczny, %(month)s",
    "Not published: only the office's staff see this page.":
        "Nieopublikowany: tę stronę widzą tylko pracownicy urzędu.",
    "PDF": "PDF",
    "CSV": "CSV",
    "Withdraw from publication": "Wycofaj z publikacji",
    "Publish": "Opublikuj",
    "Generate again": "Przygotuj ponownie",
    "Monthly report generated": "Przygotowano raport miesięczny",
    "Monthly report published": "Opublikowano raport miesięczny",
    "Monthly report withdrawn from publication": "Wycofano raport miesięczny z publikacji",
    "The report is no longer public.": "Raport nie jest już publiczny.",
    "Published. Link to it from BIP.": "Opublikowano. Podlinkuj raport w BIP.",
    "Menu": "Menu",
    "Difference": "Różnica",
    'Keep the post at its time, in the election silence?':
        'Zachować termin wpisu w czasie ciszy wyborczej?',
    "The post's time falls into the election silence: edit it to choose another time, or ask a supervisor.":
        'Termin wpisu wypada w ciszy wyborczej: popraw go i wybierz inny termin albo poproś przełożonego.',
    '%(platform)s: %(kind)s':
        '%(platform)s: %(kind)s',
    'Accounts blocked permanently at the end of the period':
        'Konta zablokowane na stałe na koniec okresu',
    'Accounts temporarily restricted at the end of the period':
        'Konta z czasowym ograniczeniem na koniec okresu',
    '%(sign)s%(points)s p.p.':
        '%(sign)s%(points)s p.p.',
    "No office-run Facebook group outside the page's rules.":
        'Urząd nie prowadzi grupy na Facebooku poza regulaminem strony.',
    'This report is published. Withdraw it first, then generate it again and publish the new figures.':
        'Ten raport jest opublikowany. Najpierw go wycofaj, potem przygotuj ponownie i opublikuj nowe liczby.',
    'Open, still in time':
        'W toku, w terminie',
    'The figures come from %(month)s (the last whole month), for the whole office; rules, blocks and settings as they stand today.':
        'Liczby pochodzą z miesiąca: %(month)s (ostatni pełny miesiąc), dla całego urzędu; regulamin, blokady i ustawienia według stanu na dziś.',
    'Published %(when)s.':
        'Opublikowano %(when)s.',
    'All monthly reports':
        'Wszystkie raporty miesięczne',
    'Withdraw the report from publication?':
        'Wycofać raport z publikacji?',
    'Publish the report? Anyone will be able to read it.':
        'Opublikować raport? Każdy będzie mógł go przeczytać.',
    'Monthly report requested':
        'Zlecono przygotowanie raportu miesięcznego',
    'Median minutes until a person answered an emergency':
        'Mediana minut do odpowiedzi pracownika na zgłoszenie zagrożenia',
    'Comment threads':
        'Wątki komentarzy',
    'Residents who wrote':
        'Mieszkańcy, którzy napisali',
    'Acts reversed':
        'Cofnięte działania',
    'How long those blocks have lasted, median / longest (days)':
        'Jak długo trwają te blokady: mediana / najdłuższa (dni)',
    'Official notices':
        'Komunikaty urzędowe',
    'Official notices with a BIP link':
        'Komunikaty urzędowe z linkiem do BIP',
    'Accessibility checks overridden':
        'Pominięte sprawdzenia dostępności',
    'Republished accessibly on the website or in BIP':
        'Opublikowane ponownie w dostępnej formie na stronie lub w BIP',
    'Republication still open (of which overdue)':
        'Ponowna publikacja jeszcze niezrobiona (w tym po terminie)',
    'By department': 'Według wydziałów',
    'Questions and answers by department': 'Pytania i odpowiedzi według wydziałów',
    'no department': 'bez wydziału',
    "Facebook did not publish the scheduled post.": "Facebook nie opublikował zaplanowanego wpisu.",
    'The figures of this month come from its monthly report, generated %(when)s; generate it again to count what changed since.':
        'Liczby za ten miesiąc pochodzą z jego raportu miesięcznego, przygotowanego %(when)s; przygotuj raport ponownie, aby uwzględnić późniejsze zmiany.',
}


def apply(path: str) -> list[str]:
    """Fill the .po file's empty entries; return the msgids still untranslated."""
    import polib

    po = polib.pofile(path)
    missing = []
    for entry in po:
        if entry.msgid in PL and isinstance(PL[entry.msgid], list):
            entry.msgstr_plural = dict(enumerate(PL[entry.msgid]))
        elif entry.msgid in PL:
            entry.msgstr = PL[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        else:
            if "fuzzy" in entry.flags:  # msgmerge's guess from a similar string: never trust it
                entry.flags.remove("fuzzy")
                entry.msgstr = ""
                entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")
            if not entry.msgstr and not any(entry.msgstr_plural.values()):
                missing.append(entry.msgid)
    po.save(path)
    po.save_as_mofile(path[:-3] + ".mo")
    return missing


if __name__ == "__main__":
    import sys

    left = apply(sys.argv[1])
    for msgid in left:
        print(f"untranslated: {msgid!r}")
