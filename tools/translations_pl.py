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
