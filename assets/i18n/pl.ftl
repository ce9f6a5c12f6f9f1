# Słownictwo Settle po polsku. Każdy komunikat musi mieć odpowiednik w en.ftl, z tymi samymi
# atrybutami i zmiennymi (testy i18n porównują oba pliki). Liczebniki wybierają formę:
# { $count -> [one] 1 plik [few] 2 pliki *[many] 5 plików }. Kwoty, wyniki i daty przychodzą
# już zapisane po polsku. Do użytkownika zwracamy się formą grzecznościową (Pan/Pani) albo
# bezosobowo; przyciski mają zwykłą formę rozkazującą.

-lrs = Rejestr szkoleń LRS

## Wspólne

language-name = Polski
app-tagline = Trening rozmów windykacyjnych
back-to-library = Wróć do biblioteki
open = Otwórz
trainee = Uczestnik
reports-folder = Folder raportów
you = Pan/Pani
silence = (milczenie)
choose = (wybierz)
choose-path = Wybierz…
passed-verdict = ZALICZONE
failed-verdict = NIEZALICZONE
result-passed = zaliczona
result-failed = niezaliczona
trainer-feedback = Trener: { $feedback }
stance = empatia { $empathy } · stanowczość { $firmness }
weight = waga { $weight }
score-of-100 = { $score } / 100
difficulty-level = Trudność { $level } / 5
notice-persona-missing = Rozmówcy `{ $persona }` nie ma w bibliotece.

## Daty (miesiące w dopełniaczu: 27 listopada 2026)

date-long = { $day } { $month } { $year }
month-january = stycznia
month-february = lutego
month-march = marca
month-april = kwietnia
month-may = maja
month-june = czerwca
month-july = lipca
month-august = sierpnia
month-september = września
month-october = października
month-november = listopada
month-december = grudnia

## Pasek górny

theme-light = Jasny motyw
theme-dark = Ciemny motyw
top-reports = Raporty
top-trainer-tools = Narzędzia trenera
top-settings = Ustawienia
notice-dismiss = Zamknij

## Biblioteka

library-resume-waiting = Przerwana rozmowa czeka:
library-resume-progress = { $persona } — { $count ->
    [one] dotychczas { $count } odpowiedź
   *[other] dotychczas { $count } odpowiedzi
}
library-resume = Wznów rozmowę
library-discard = Odrzuć
library-title = Biblioteka rozmówców
library-broken-files = { $count ->
    [one] { $count } plik rozmówcy zawiera błędy i nie nadaje się do rozmowy
    [few] { $count } pliki rozmówców zawierają błędy i nie nadają się do rozmowy
   *[many] { $count } plików rozmówców zawiera błędy i nie nadaje się do rozmowy
}; szczegóły pokaże polecenie `settle check`.
library-trainee-name = Imię i nazwisko
library-trainee-name-hint = Imię i nazwisko, które pojawi się w raportach
library-filter-language = Język:
library-filter-all = Wszystkie
library-filter-difficulty = Trudność:
library-filter-mode = Tryb:
library-no-match = Żaden rozmówca nie pasuje do filtrów.
library-languages = Języki, w których można przeprowadzić tę rozmowę
library-origin-bundled = Z biblioteki wbudowanej w Settle
library-origin-folder = Z Twojego folderu rozmówców
library-origin-replaces = Z Twojego folderu rozmówców, w miejsce wbudowanego
library-owes = Zadłużenie
library-prepare = Przygotuj rozmowę: { $persona }
library-best = Najlepszy wynik
library-not-played = jeszcze nie rozegrano

## Tryby

mode-practice = Ćwiczenie
    .hint = Nowe losowanie w każdej rozmowie; nastroje są widoczne.
    .call = Rozmowa ćwiczeniowa
mode-assessment = Ocena
    .hint = Stała rozmowa, taka sama dla wszystkich uczestników; nastroje są ukryte.
    .call = Rozmowa oceniana

## Przygotowanie

briefing-title = Przygotowanie: { $persona }
language-en = angielski
language-pl = polski
briefing-call-language = Język rozmowy:
briefing-start = Rozpocznij rozmowę
briefing-name-hint = Imię i nazwisko
briefing-time-limit = Na każdą odpowiedź ma Pan/Pani { $seconds ->
    [one] { $seconds } sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
}; gdy czas minie, odpowiedzią jest milczenie.

## Akta sprawy

case-amount-owed = Kwota zadłużenia
case-call-date = Data rozmowy
case-goal = Cel rozmowy
case-mandate = Pełnomocnictwo
case-company = Firma
case-legal-form = Forma prawna
case-tax-id = NIP
case-register-no = KRS
case-contact = Osoba kontaktowa
case-phone = Telefon
case-preferred-hours = Preferowane godziny
case-invoices = Faktury
case-number = Numer
case-issued = Wystawiona
case-due = Termin
case-amount = Kwota
case-overdue = Po terminie
case-status = Status
case-days-overdue = { $days ->
    [one] { $days } dzień
    [few] { $days } dni
   *[many] { $days } dni
}
case-paid = zapłacona
case-unpaid = niezapłacona
case-payments = Historia wpłat
case-contacts = Wcześniejsze kontakty
case-promise-kept = obietnica dotrzymana
case-promise-broken = obietnica niedotrzymana
case-documents = Dokumenty
case-relationship = Relacja z klientem
channel-phone = Telefon
channel-email = E-mail
channel-letter = List
channel-sms = SMS
channel-visit = Wizyta

## Rozmowa

call-hide-case = Ukryj akta sprawy
call-show-case = Pokaż akta sprawy
call-time = Czas rozmowy { $clock }
call-case-file = Akta sprawy
call-moods-hidden = W rozmowie ocenianej nastroje są ukryte.
call-over = Rozmowa zakończona.
call-to-wrap-up = Przejdź do podsumowania
call-time-to-reply = Czas na odpowiedź: { $seconds } s
call-your-reply = Odpowiedź (klawisze 1-9):

## Podsumowanie rozmowy

wrapup-title = Podsumowanie rozmowy
wrapup-intro = Dokumentacja rozmowy: { $persona }. Proszę zapisać, co faktycznie ustalono.
wrapup-agreed-amount = Uzgodniona kwota ({ $currency })
wrapup-note = Notatka
wrapup-empty-hint = Jeśli czegoś nie ustalono, proszę zostawić to pole puste.
wrapup-error-amount = Kwota musi być liczbą, np. 1250,00.
wrapup-error-instalments = Liczba rat musi być liczbą całkowitą od 1 do 120.
wrapup-error-first-due = Data musi mieć postać 2026-12-01 lub 01.12.2026.
wrapup-error-call-back = Termin ponownego kontaktu musi mieć postać 2026-12-01 lub 01.12.2026.
wrapup-call-back = Termin ponownego kontaktu
wrapup-error-expected-score = Oczekiwany wynik to liczba całkowita od 0 do 100.
wrapup-assess-title = Jak poszło?
wrapup-assess-intro = Przed omówieniem: oczekiwany wynik, styl prowadzenia tej rozmowy i jedna rzecz do zrobienia inaczej następnym razem.
wrapup-assess-score = Oczekiwany wynik
wrapup-assess-style = Styl w tej rozmowie
wrapup-assess-differently = Co zrobić inaczej
wrapup-save = Zapisz i pokaż omówienie
field-outcome = Wynik rozmowy
field-amount = Kwota
field-instalments = Liczba rat
field-first-due = Termin pierwszej płatności
field-call-back = Termin ponownego kontaktu
field-next-step = Następny krok

## Omówienie

debrief-title = Omówienie: { $persona }
debrief-seed = losowanie { $seed }
debrief-total = Wynik { $score } / 100
debrief-pass-mark = próg zaliczenia { $mark }
debrief-outcome = Wynik rozmowy: { $outcome }
debrief-saving = Zapisywanie raportu…
debrief-saved = Raport zapisany: { $path }
debrief-not-saved = Nie udało się zapisać raportu: { $error }
debrief-retry-save = Spróbuj zapisać ponownie
debrief-lrs = { -lrs }: { $status }
debrief-replay = Powtórz tę samą rozmowę
debrief-new-seed = Spróbuj ponownie z nowym losowaniem
debrief-back-to-reports = Wróć do raportów
debrief-score-parts = Składowe wyniku
debrief-style = Styl negocjacji
debrief-style-legend = Na zielono: strefa docelowa. Linia pokazuje, jak zmieniał się Pana/Pani styl tura po turze.
debrief-steps = Wymagane kroki
debrief-no-steps = Ten rozmówca nie ma wymaganych kroków.
debrief-step-done = wykonany w turze { $turn }
debrief-step-late = wykonany w turze { $turn }, za późno
debrief-step-missed = pominięty
debrief-step-not-required = niewymagany w tej rozmowie
debrief-step-critical = (krytyczny)
debrief-self = Samoocena
debrief-self-none = Do tej rozmowy nie wpisano samooceny.
debrief-self-expected = Oczekiwane
debrief-self-real = Rzeczywiste
debrief-self-score = Wynik
debrief-self-style = Styl
debrief-self-differently = Co zrobić inaczej
debrief-moods = Nastroje w trakcie rozmowy
debrief-wrap-up = Podsumowanie a faktyczne ustalenia
debrief-turns = Tura po turze
debrief-field = Pole
debrief-recorded = W podsumowaniu
debrief-real = Faktycznie
debrief-right = dobrze
debrief-wrong = źle

## Składowe wyniku i ich uzasadnienie

part-outcome = Rezultat
part-style = Dopasowanie stylu
part-conduct = Zasady rozmowy
part-steps = Wymagane kroki
part-ploys = Reakcja na wybiegi
part-wrap-up = Podsumowanie
explain-outcome = { $outcome } = { $points ->
    [one] { $points } punkt
    [few] { $points } punkty
   *[many] { $points } punktów
}; { $turns } z { $budget ->
    [one] { $budget } planowanej tury
   *[other] { $budget } planowanych tur
}
explain-style-inside = { $style } — w strefie docelowej
explain-style-distance = { $style } — { $distance } od strefy docelowej
explain-no-violations = Bez naruszeń zasad
explain-no-ploys = Brak wybiegów: nie oceniano
explain-no-steps = Brak wymaganych kroków w tej rozmowie: nie oceniano
explain-steps = { $taken } z { $of } wykonane na czas
explain-ploys = { $met ->
    [one] { $met } wybieg
    [few] { $met } wybiegi
   *[many] { $met } wybiegów
}: odparte { $countered }, skuteczne { $fallen }
explain-wrap-up = { $right } / 5 pól poprawnie

## Mapa stylu

style-map-firmness = Stanowczość
style-map-empathy = Empatia
style-map-description = Mapa stylu: { $style }, empatia { $empathy }, stanowczość { $firmness }

## Raporty

dashboard-all-calls = Wszystkie rozmowy
dashboard-skipped = { $count ->
    [one] { $count } plik pominięty
    [few] { $count } pliki pominięte
   *[many] { $count } plików pominiętych
}
dashboard-calls = Rozmowy
dashboard-pass-rate = Odsetek zaliczeń
dashboard-mean-score = Średni wynik
dashboard-top-failure = Najczęstsza przyczyna niezaliczenia
dashboard-search = Szukaj
dashboard-all-trainees = Wszyscy uczestnicy
dashboard-any-mode = Każdy tryb
dashboard-any-result = Każdy wynik
dashboard-passed = Zaliczone
dashboard-failed = Niezaliczone
dashboard-from = Od
dashboard-to = Do
dashboard-exporting = Eksportowanie…
dashboard-export-to = Eksportuj do
dashboard-csv = CSV tej tabeli
dashboard-xapi = Komunikaty xAPI
dashboard-html = Raport HTML uczestnika
dashboard-open-call = Otwórz rozmowę
dashboard-trainee-view = Widok uczestnika
dashboard-persona-view = Widok rozmówcy
dashboard-changed = zmieniony po zapisaniu!
dashboard-back = Wróć do wszystkich rozmów
dashboard-compare = Porównaj z
dashboard-score-over-time = Wyniki w czasie
dashboard-style-of-calls = Styl rozmów (stanowczość w poziomie, empatia w pionie)
dashboard-calls-series = rozmowy
dashboard-violations = Naruszenia
dashboard-ploys-fallen = Skuteczne wybiegi
dashboard-best-last = Najlepszy i ostatni wynik dla rozmówcy
dashboard-score-distribution = Rozkład wyników
dashboard-outcome-mix = Rezultaty
dashboard-costly-replies = Odpowiedzi, które najczęściej kosztują punkty
column-date = Data
column-language = Język
column-expected = Oczekiwany
column-expected-hint = Wynik, którego kursant spodziewał się przed omówieniem
dashboard-any-language = Każdy język
column-persona = Rozmówca
column-mode = Tryb
column-outcome = Rezultat
column-score = Wynik
column-result = Zaliczenie
column-style = Styl

## Raport uczestnika (eksport HTML)

html-heading = Raport szkoleniowy Settle: { $trainee }
html-summary = { $calls ->
    [one] { $calls } rozmowa
    [few] { $calls } rozmowy
   *[many] { $calls } rozmów
}, zaliczone: { $passed } ({ $rate }%), średni wynik { $mean }.
html-best-last = Najlepszy i ostatni wynik dla każdego rozmówcy
html-best = Najlepszy
html-last = Ostatni
html-scores-over-time = Wyniki w czasie
html-style = Styl każdej rozmowy
html-style-axes = Stanowczość w poziomie, empatia w pionie.
html-style-map = Mapa stylu
html-violations = Naruszenia zasad

## Narzędzia trenera

authoring-files = Pliki rozmówców
authoring-folder = Folder
authoring-reload-hint = Zapisane pliki wczytują się automatycznie.
authoring-ready = gotowy
authoring-warnings = { $count ->
    [one] { $count } ostrzeżenie
    [few] { $count } ostrzeżenia
   *[many] { $count } ostrzeżeń
}
authoring-errors = { $count ->
    [one] { $count } błąd
    [few] { $count } błędy
   *[many] { $count } błędów
}
authoring-no-files = Brak plików .ron w tym folderze.
authoring-choose-file = Proszę wybrać plik z listy po lewej.
authoring-playable = gotowy do rozmowy
authoring-not-playable = niedostępny do czasu poprawienia błędów
authoring-tab-problems = Problemy
authoring-tab-graph = Graf
authoring-tab-analysis = Analiza
authoring-tab-preview = Podgląd
authoring-no-problems = Nie znaleziono problemów.
authoring-preview-from-here = Podgląd od tego miejsca
authoring-graph-help = Przeciągnięcie przesuwa widok, kółko myszy go przybliża, kliknięcie pokazuje węzeł. Zielone: zakończenia z punktami; czerwone: bez punktów; pomarańczowe: wybiegi; czerwona ramka: problem lub węzeł nieosiągalny.
analysis-run = Uruchom analizę
analysis-file-changed = Plik zmienił się od ostatniej analizy: proszę uruchomić ją ponownie.
analysis-complete = pełna
analysis-stopped = przerwana na limicie
analysis-states = Zbadane stany: { $states } ({ $states_done }), { $score_states } ({ $score_done })
analysis-endings = Zakończenia i najkrótsze ścieżki
analysis-not-reached = nieosiągalne
analysis-best = Najlepszy możliwy wynik
analysis-worst = Najgorszy możliwy wynik
analysis-target-reached = Wynik „{ $outcome }” jest osiągalny w docelowej strefie stylu
analysis-target-missed = Wyniku „{ $outcome }” nie osiągnięto w docelowej strefie stylu
analysis-never-offered = Odpowiedzi nigdy niedostępne: { $replies }
analysis-unreached-nodes = Węzły, do których nigdy nie dotarto: { $nodes }
analysis-surface = Gracze, którzy nie czytają odpowiedzi (rozmowy oceniane, poprawne podsumowanie): każdy musi oblać
analysis-surface-mean = średnio { $score }
analysis-surface-passed = zaliczone { $share }%
analysis-form-tells = W { $points } punktach decyzji najlepsza odpowiedź jest najdłuższa w { $longest }% i najkrótsza w { $shortest }% (powyżej 33% forma zdradza odpowiedź).
strategy-longest = Zawsze najdłuższa
strategy-shortest = Zawsze najkrótsza
strategy-first = Zawsze pierwsza z listy
strategy-last = Zawsze ostatnia z listy
strategy-figures = Zawsze ta z największą liczbą kwot i dat
strategy-warmest = Zawsze najcieplejsza
strategy-firmest = Zawsze najbardziej stanowcza
strategy-random = Losowo
analysis-all-empathic = Gracz wyłącznie empatyczny
analysis-all-firm = Gracz wyłącznie stanowczy
analysis-naive = { $player } (średni wynik { $score })
preview-start = Rozpocznij podgląd od początku
preview-moods-flags = Nastroje i flagi
preview-flag-set = ustawiona
preview-flag-not-set = nieustawiona
preview-jump = Przejdź do węzła z tymi nastrojami
preview-node = Węzeł: { $node }
preview-ploy = Wybieg: { $ploy }
preview-weights = Wagi losowania (wylosowana w nawiasie): { $weights }
preview-ending = Zakończenie: { $outcome }
preview-condition-holds = warunek spełniony
preview-condition-fails = warunek niespełniony
preview-untranslated = brak tłumaczenia: widać tekst oryginalny
preview-steps = wykonuje: { $steps }
preview-silence = Pozwól upłynąć czasowi na odpowiedź (milczenie)

## Rejestr szkoleń (LRS)

lrs-title-off = { -lrs } (xAPI): wyłączony
lrs-title-on = { -lrs } (xAPI): włączony
lrs-title-waiting = { -lrs } (xAPI) ({ $count } w kolejce)
lrs-endpoint = Adres (endpoint)
lrs-key = Klucz
lrs-secret = Hasło (secret)
lrs-send-now = Wyślij teraz
lrs-rejected = { $count ->
    [one] LRS odrzucił { $count } komunikat; jest zachowany w { $folder }
    [few] LRS odrzucił { $count } komunikaty; są zachowane w { $folder }
   *[many] LRS odrzucił { $count } komunikatów; są zachowane w { $folder }
}
lrs-help = Każda zakończona rozmowa czeka w kolejce na tym komputerze i jest wysyłana, gdy LRS odpowie; w czasie przerwy nic nie ginie. Zmienne SETTLE_LRS_ENDPOINT, SETTLE_LRS_KEY i SETTLE_LRS_SECRET mają pierwszeństwo przed tymi polami.
lrs-not-set = Nie ustawiono: rozmowy trafiają tylko do folderu raportów.
lrs-checking = Sprawdzanie kolejki…
lrs-sending = { $count ->
    [one] { $count } rozmowa w kolejce, wysyłanie…
    [few] { $count } rozmowy w kolejce, wysyłanie…
   *[many] { $count } rozmów w kolejce, wysyłanie…
}
lrs-nothing-waiting = Nic nie czeka na wysłanie.
lrs-all-sent = Wszystkie zakończone rozmowy wysłano ({ $count ->
    [one] { $count } komunikat
    [few] { $count } komunikaty
   *[many] { $count } komunikatów
} w tej sesji)
lrs-unreachable = brak połączenia z LRS ({ $detail })
lrs-unauthorised = LRS odrzucił klucz i hasło ({ $status })
lrs-server-error = LRS zgłosił błąd ({ $status } { $detail })
lrs-waiting = { $count ->
    [one] { $count } rozmowa czeka
    [few] { $count } rozmowy czekają
   *[many] { $count } rozmów czeka
}: { $why }.
lrs-waiting-retry = { $count ->
    [one] { $count } rozmowa czeka
    [few] { $count } rozmowy czekają
   *[many] { $count } rozmów czeka
}: { $why }; kolejna próba za { $seconds ->
    [one] { $seconds } sekundę
    [few] { $seconds } sekundy
   *[many] { $seconds } sekund
}.

## Omówienie w wierszu poleceń

cli-debrief-title = === Omówienie: { $persona } ===
cli-ending = Zakończenie: { $node } ({ $outcome })
cli-turn-limit = (limit tur)
cli-total = Wynik { $score } / 100 (próg zaliczenia { $mark }): { $verdict }
cli-failed-severe = Niezaliczone z powodu rażącego naruszenia zasad: { $violation }
cli-below-pass-mark = Poniżej progu zaliczenia.
cli-not-scored = b.d.
cli-wrap-up-fields = Pola podsumowania — wynik rozmowy: { $outcome }, kwota: { $amount }, liczba rat: { $instalments }, termin pierwszej płatności: { $first_due }, następny krok: { $next_step }
play-debtor = Dłużnik
play-silence = (milczenie)
play-call-with = Rozmowa: { $persona } ({ $company }), { $mode }, losowanie { $seed }
play-script-ran-out = Zaplanowane odpowiedzi skończyły się przed końcem rozmowy; raportu nie zapisano.
play-abandoned = Rozmowa przerwana; raportu nie zapisano.
play-not-saved = Nie udało się zapisać raportu: { $error }
play-retry-save = Proszę usunąć przyczynę i nacisnąć Enter, aby spróbować ponownie, albo q, aby zostawić rozmowę do następnego `settle play`:
play-saved = Raport zapisany: { $path }
play-queued = Rozmowa czeka w kolejce do rejestru szkoleń LRS (wyśle ją aplikacja albo `settle report --send`): { $folder }
play-not-queued = Nie udało się dodać rozmowy do kolejki rejestru szkoleń LRS: { $error }
play-call-over = Rozmowa zakończona: { $outcome }
play-your-reply = Odpowiedź (numer, s = milczenie, q = koniec):
play-empty-for-none = (puste, jeśli nic):
play-wrap-up = Podsumowanie: udokumentowanie rozmowy.
play-ask-outcome = Wynik rozmowy (np. PaymentPlan)
play-ask-amount = Uzgodniona kwota
play-ask-instalments = Liczba rat
play-ask-first-due = Termin pierwszej płatności (RRRR-MM-DD)
play-ask-call-back = Termin ponownego kontaktu (RRRR-MM-DD)
play-ask-next-step = Następny krok (np. SendAgreement)
play-ask-note = Notatka
play-self-assessment = Przed omówieniem: jak poszło?
play-ask-expected-score = Oczekiwany wynik (0-100)
play-ask-style = Styl (Competing, Collaborating, Compromising, Avoiding, Accommodating)
play-ask-differently = Co zrobić inaczej
cli-call-back = Termin ponownego kontaktu: { $date }
cli-real-terms = Faktyczne ustalenia — kwota: { $amount }; { $instalments }; termin pierwszej płatności: { $first_due }; następny krok: { $next_step }
cli-no-amount = brak
cli-no-date = -
cli-instalments = { $count ->
    [one] { $count } rata
    [few] { $count } raty
   *[many] { $count } rat
}
cli-no-instalments = bez rat
cli-turns = Tury:
cli-debtor = Dłużnik: { $line }
cli-you = Pan/Pani ({ $stance }): { $reply }
cli-ploy = Wybieg „{ $ploy }”: { $handling }
cli-violation = Naruszenie: { $violation } ({ $severity })

## Nazwy wartości rdzenia

outcome-paid-in-full = Zapłata całości
outcome-payment-plan = Harmonogram spłat
outcome-promise-to-pay = Obietnica zapłaty
outcome-partial-payment = Częściowa wpłata
outcome-dispute = Spór
outcome-refused = Odmowa
outcome-escalated-to-legal = Skierowanie do działu prawnego
outcome-wrong-party = Niewłaściwa osoba
outcome-debtor-hung-up = Dłużnik się rozłączył
outcome-call-back-agreed = Uzgodniony ponowny kontakt
outcome-right-party-not-reached = Nie udało się dotrzeć do dłużnika
outcome-estate-deceased = Dłużnik zmarł (spadek)

next-step-send-confirmation = Wysłać pisemne potwierdzenie
next-step-send-agreement = Wysłać ugodę ratalną
next-step-monitor-payment = Monitorować wpłatę
next-step-schedule-call-back = Zaplanować ponowny kontakt
next-step-resend-documents = Ponownie wysłać dokumenty
next-step-review-dispute = Rozpatrzyć reklamację
next-step-final-demand = Wysłać ostateczne wezwanie do zapłaty
next-step-hand-to-legal = Przekazać do działu prawnego
next-step-refer-to-debt-advice = Skierować do doradztwa zadłużeniowego
next-step-trace-contact = Ustalić właściwy kontakt

archetype-cooperative = Współpracujący partner
archetype-evasive = Unikający kontaktu
archetype-aggressive = Agresywny
archetype-late-disputer = Spóźniona reklamacja
archetype-serial-promiser = Notoryczny obiecywacz
archetype-hardship = Trudna sytuacja życiowa
archetype-gatekeeper = Osoba trzecia
archetype-sue-me = „Niech Pan idzie do sądu”

expression-calm = spokojny
expression-friendly = życzliwy
expression-relieved = z ulgą
expression-worried = zmartwiony
expression-evasive = wymijający
expression-annoyed = zirytowany
expression-angry = zły

ploy-distraction = Odwracanie uwagi
ploy-false-promise = Fałszywa obietnica
ploy-late-dispute = Spóźniona reklamacja
ploy-no-invoice = „Nie dostałem faktury”
ploy-sob-story = Gra na litość
ploy-stalling = Przeciąganie
ploy-intimidation = Zastraszanie
ploy-passing-the-buck = Zrzucanie na innych
ploy-sue-me = „Niech Pan idzie do sądu”
ploy-partial-payment-trap = Pułapka częściowej wpłaty

handling-countered = odparty
handling-fell-for = skuteczny
handling-none = bez reakcji

violation-threat = Groźba
violation-harassment = Nękanie
violation-false-statement = Nieprawdziwa informacja
violation-third-party-disclosure = Ujawnienie osobie trzeciej
violation-abusive-language = Obraźliwy język
violation-hardship-mistreatment = Brak względu na trudną sytuację
violation-exceeding-mandate = Przekroczenie uprawnień

severity-minor = drobne
severity-major = poważne
severity-severe = rażące

style-competing = Rywalizacja
style-collaborating = Współpraca
style-compromising = Kompromis
style-avoiding = Unikanie
style-accommodating = Dostosowanie

fail-severe-violation = Rażące naruszenie zasad: { $violation }
fail-below-pass-mark = Poniżej progu zaliczenia
fail-critical-error = Błąd krytyczny: { $violation } ({ $severity })
fail-missed-critical-step = Pominięto krok krytyczny

mood-trust = Zaufanie
mood-anger = Złość
mood-willingness = Gotowość do zapłaty
mood-stress = Stres
mood-patience = Cierpliwość
mood-shame = Wstyd

## Ustawienia

settings-title = Ustawienia
settings-file = Wspólne dla wszystkich, którzy używają Settle na tym komputerze, zapisane w { $path }; korzysta z nich także `settle play`.
settings-reports = Raporty
settings-in-use = W użyciu: { $path }
settings-org-key = Klucz organizacji
settings-org-key-hint = Podpisuje każdy raport, aby zmiany były widoczne (można też ustawić SETTLE_ORG_KEY).
settings-personas = Twoi rozmówcy
settings-persona-folder = Folder rozmówców
settings-persona-folder-hint = Pliki rozmówców z tego folderu uzupełniają bibliotekę wbudowaną w Settle; plik o identyfikatorze wbudowanego rozmówcy zajmuje jego miejsce. Gdy pole jest puste, używany jest folder „dialogues” w folderze danych Settle, jeśli istnieje.
settings-persona-folder-none = W użyciu jest tylko biblioteka wbudowana.
