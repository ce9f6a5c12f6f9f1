# Settle's own words in English. Every message here must also be in pl.ftl, with the same
# attributes and variables (the i18n tests compare the two files). Counts choose their plural
# form: { $count -> [one] ... *[other] ... }. Amounts, scores and dates arrive already
# written for the language.

-lrs = Learning record store

## Shared

language-name = English
app-tagline = Collection call trainer
back-to-library = Back to library
open = Open
trainee = Trainee
reports-folder = Reports folder
you = You
silence = (silence)
choose = (choose)
choose-path = Choose…
passed-verdict = PASSED
failed-verdict = FAILED
result-passed = passed
result-failed = failed
trainer-feedback = Trainer: { $feedback }
stance = empathy { $empathy } · firmness { $firmness }
weight = weight { $weight }
score-of-100 = { $score } / 100
difficulty-level = Difficulty { $level } / 5
notice-persona-missing = The persona `{ $persona }` is not in the library.

## Dates

date-long = { $day } { $month } { $year }
month-january = January
month-february = February
month-march = March
month-april = April
month-may = May
month-june = June
month-july = July
month-august = August
month-september = September
month-october = October
month-november = November
month-december = December

## Top bar

theme-light = Light theme
theme-dark = Dark theme
top-reports = Reports
top-trainer-tools = Trainer tools
top-settings = Settings
notice-dismiss = Dismiss

## Library

library-resume-waiting = An interrupted call is waiting:
library-resume-progress = { $persona } — { $count ->
    [one] { $count } reply so far
   *[other] { $count } replies so far
}
library-resume = Resume call
library-discard = Discard it
library-title = Persona library
library-broken-files = { $count ->
    [one] { $count } persona file has errors and is not playable
   *[other] { $count } persona files have errors and are not playable
}; run `settle check` to see them.
library-trainee-name = Trainee name
library-trainee-name-hint = Your name, as your reports will carry it
library-filter-language = Language:
library-filter-all = All
library-filter-difficulty = Difficulty:
library-filter-mode = Mode:
library-no-match = No persona matches the filters.
library-languages = Languages this persona can be played in
library-origin-bundled = Built into Settle
library-origin-folder = From your persona folder
library-origin-replaces = From your persona folder, in place of the built-in one
library-owes = Owes
library-prepare = Prepare the call with { $persona }
library-best = Your best
library-not-played = not played yet

## Modes

mode-practice = Practice
    .hint = A new seed every call; moods visible.
    .call = Practice call
mode-assessment = Assessment
    .hint = The persona's fixed call, the same for every trainee; moods hidden.
    .call = Assessment call

## Briefing

briefing-title = Briefing: { $persona }
language-en = English
language-pl = Polish
briefing-call-language = Language of the call:
briefing-start = Start call
briefing-name-hint = Your name
briefing-time-limit = You will have { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} for each reply; when time runs out, your silence is your answer.

## Case file

case-amount-owed = Amount owed
case-call-date = Call date
case-goal = Goal
case-mandate = Mandate
case-company = Company
case-legal-form = Legal form
case-tax-id = NIP
case-register-no = KRS
case-contact = Contact
case-phone = Phone
case-preferred-hours = Preferred hours
case-invoices = Invoices
case-number = Number
case-issued = Issued
case-due = Due
case-amount = Amount
case-overdue = Overdue
case-status = Status
case-days-overdue = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
case-paid = paid
case-unpaid = unpaid
case-payments = Payment history
case-contacts = Earlier contacts
case-promise-kept = promise kept
case-promise-broken = promise broken
case-documents = Documents
case-relationship = Relationship
channel-phone = Phone
channel-email = E-mail
channel-letter = Letter
channel-sms = SMS
channel-visit = Visit

## Call

call-hide-case = Hide case file
call-show-case = Show case file
call-time = Call time { $clock }
call-case-file = Case file
call-moods-hidden = Moods are hidden in an assessment call.
call-over = The call is over.
call-to-wrap-up = Continue to wrap-up
call-time-to-reply = Time to reply: { $seconds } s
call-your-reply = Your reply (keys 1-9):

## Wrap-up

wrapup-title = Wrap-up
wrapup-intro = Document the call with { $persona } — record what was really agreed.
wrapup-agreed-amount = Agreed amount ({ $currency })
wrapup-note = Note
wrapup-empty-hint = Leave a field empty when nothing was agreed on it.
wrapup-error-amount = The amount is not a number such as 1250.00.
wrapup-error-instalments = Instalments must be a whole number from 1 to 120.
wrapup-error-first-due = The date is not a date such as 2026-12-01 or 01.12.2026.
wrapup-error-call-back = The call-back day is not a date such as 2026-12-01 or 01.12.2026.
wrapup-call-back = Call-back day
wrapup-error-expected-score = The expected score is a whole number from 0 to 100.
wrapup-assess-title = How did it go?
wrapup-assess-intro = Before you see the debrief: the score you expect, where your style sat, and one thing you would do differently.
wrapup-assess-score = Score you expect
wrapup-assess-style = Your style in this call
wrapup-assess-differently = One thing to do differently
wrapup-save = Save and see the debrief
field-outcome = Outcome
field-amount = Amount
field-instalments = Instalments
field-first-due = First due date
field-call-back = Call-back day
field-next-step = Next step

## Debrief

debrief-title = Debrief: { $persona }
debrief-seed = seed { $seed }
debrief-total = Total { $score } / 100
debrief-pass-mark = pass mark { $mark }
debrief-outcome = Outcome: { $outcome }
debrief-saving = Saving the report…
debrief-saved = Report saved: { $path }
debrief-not-saved = The report could not be saved: { $error }
debrief-retry-save = Try saving again
debrief-lrs = { -lrs }: { $status }
debrief-replay = Replay the same call
debrief-new-seed = Try again with a new seed
debrief-back-to-reports = Back to reports
debrief-score-parts = Score parts
debrief-style = Negotiation style
debrief-style-legend = Green: the target zone. The line follows your style turn by turn.
debrief-steps = Required steps
debrief-no-steps = This persona lists no required steps.
debrief-step-done = taken at turn { $turn }
debrief-step-late = taken at turn { $turn }, too late
debrief-step-missed = missed
debrief-step-not-required = not required in this call
debrief-step-critical = (critical)
debrief-self = Your assessment
debrief-self-none = No self-assessment was written for this call.
debrief-self-expected = You expected
debrief-self-real = The call
debrief-self-score = Score
debrief-self-style = Style
debrief-self-differently = What you would do differently
debrief-moods = Mood over the call
debrief-wrap-up = Your wrap-up against what was agreed
debrief-turns = Turn by turn
debrief-field = Field
debrief-recorded = You recorded
debrief-real = Really agreed
debrief-right = right
debrief-wrong = wrong

## Score parts, explained

part-outcome = Outcome
part-style = Style fit
part-conduct = Conduct
part-steps = Required steps
part-ploys = Ploy handling
part-wrap-up = Wrap-up
explain-outcome = { $outcome } = { $points ->
    [one] { $points } point
   *[other] { $points } points
}; { $turns ->
    [one] { $turns } turn
   *[other] { $turns } turns
} of { $budget } planned
explain-style-inside = { $style } — inside the target zone
explain-style-distance = { $style } — { $distance } from the target zone
explain-no-violations = No conduct violations
explain-no-ploys = No ploy met: not scored
explain-no-steps = No required step in this call: not scored
explain-steps = { $taken } of { $of } taken in time
explain-ploys = { $met ->
    [one] { $met } ploy met
   *[other] { $met } ploys met
}: { $countered } countered, { $fallen } fallen for
explain-wrap-up = { $right } / 5 fields right

## Style map

style-map-firmness = Firmness
style-map-empathy = Empathy
style-map-description = Style map: { $style }, empathy { $empathy }, firmness { $firmness }

## Reports dashboard

dashboard-all-calls = All calls
dashboard-skipped = { $count ->
    [one] { $count } file skipped
   *[other] { $count } files skipped
}
dashboard-calls = Calls
dashboard-pass-rate = Pass rate
dashboard-mean-score = Mean score
dashboard-top-failure = Most common failure
dashboard-search = Search
dashboard-all-trainees = All trainees
dashboard-any-mode = Any mode
dashboard-any-result = Any result
dashboard-passed = Passed
dashboard-failed = Failed
dashboard-from = From
dashboard-to = To
dashboard-exporting = Exporting…
dashboard-export-to = Export to
dashboard-csv = CSV of this table
dashboard-xapi = xAPI statements
dashboard-html = HTML report of the trainee
dashboard-open-call = Open the call
dashboard-trainee-view = Trainee view
dashboard-persona-view = Persona view
dashboard-changed = changed after saving!
dashboard-back = Back to all calls
dashboard-compare = Compare with
dashboard-score-over-time = Score over time
dashboard-style-of-calls = Style of each call (firmness across, empathy up)
dashboard-calls-series = calls
dashboard-violations = Violations
dashboard-ploys-fallen = Ploys fallen for
dashboard-best-last = Best and last per persona
dashboard-score-distribution = Score distribution
dashboard-outcome-mix = Outcome mix
dashboard-costly-replies = Replies that cost trainees the most
column-date = Date
column-language = Lang.
column-expected = Expected
column-expected-hint = The score the trainee expected before seeing the debrief
dashboard-any-language = Any language
column-persona = Persona
column-mode = Mode
column-outcome = Outcome
column-score = Score
column-result = Result
column-style = Style

## Trainee report (HTML export)

html-heading = Settle training report: { $trainee }
html-summary = { $calls ->
    [one] { $calls } call
   *[other] { $calls } calls
}, { $passed } passed ({ $rate }%), mean score { $mean }.
html-best-last = Best and last score per persona
html-best = Best
html-last = Last
html-scores-over-time = Scores over time
html-style = Style of every call
html-style-axes = Firmness across, empathy up.
html-style-map = Style map
html-violations = Conduct violations

## Trainer tools

authoring-files = Persona files
authoring-folder = Folder
authoring-reload-hint = Saved files reload by themselves.
authoring-ready = ready
authoring-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
authoring-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
authoring-no-files = No .ron files in this folder.
authoring-choose-file = Choose a file on the left.
authoring-playable = playable
authoring-not-playable = not playable until the errors are fixed
authoring-tab-problems = Problems
authoring-tab-graph = Graph
authoring-tab-analysis = Analysis
authoring-tab-preview = Preview
authoring-no-problems = No problems found.
authoring-preview-from-here = Preview from here
authoring-graph-help = Drag to pan, scroll to zoom, click a node to see it. Green: endings with points; red: endings without; orange: ploys; red border: a problem or never reached.
analysis-run = Run the analysis
analysis-file-changed = The file changed since: run it again.
analysis-complete = complete
analysis-stopped = stopped at its bound
analysis-states = States explored: { $states } ({ $states_done }), { $score_states } ({ $score_done })
analysis-endings = Endings and their shortest paths
analysis-not-reached = not reached
analysis-best = Best reachable score
analysis-worst = Worst reachable score
analysis-target-reached = { $outcome } can be reached inside the target style zone
analysis-target-missed = { $outcome } was not reached inside the target style zone
analysis-never-offered = Replies never offered: { $replies }
analysis-unreached-nodes = Nodes never reached: { $nodes }
analysis-surface = Players who ignore what a reply says (assessment calls, perfect wrap-up): each must fail
analysis-surface-mean = mean { $score }
analysis-surface-passed = passed { $share }%
analysis-form-tells = At { $points } decision points the best reply is the longest at { $longest }% and the shortest at { $shortest }% (more than 33% gives the answer away).
strategy-longest = Always the longest
strategy-shortest = Always the shortest
strategy-first = Always the first offered
strategy-last = Always the last offered
strategy-figures = Always the most figures
strategy-warmest = Always the warmest
strategy-firmest = Always the firmest
strategy-random = Random
analysis-all-empathic = An all-empathic player
analysis-all-firm = An all-firm player
analysis-naive = { $player } (mean score { $score })
preview-start = Start the preview from the beginning
preview-moods-flags = Moods and flags
preview-flag-set = set
preview-flag-not-set = not set
preview-jump = Jump to a node with these moods
preview-node = Node: { $node }
preview-ploy = Ploy: { $ploy }
preview-weights = Random branch weights (drawn in brackets): { $weights }
preview-ending = Ending: { $outcome }
preview-condition-holds = condition holds
preview-condition-fails = condition does not hold
preview-untranslated = not translated: shows the source text
preview-steps = takes { $steps }
preview-silence = Let the reply timer run out (silence)

## Learning record store

lrs-title-off = { -lrs } (xAPI): off
lrs-title-on = { -lrs } (xAPI): on
lrs-title-waiting = { -lrs } (xAPI) ({ $count } waiting)
lrs-endpoint = Endpoint
lrs-key = Key
lrs-secret = Secret
lrs-send-now = Send now
lrs-rejected = { $count ->
    [one] { $count } statement was refused by the LRS and is kept in { $folder }
   *[other] { $count } statements were refused by the LRS and are kept in { $folder }
}
lrs-help = Each finished call is queued on this computer and sent when the LRS answers; nothing is lost while it is away. SETTLE_LRS_ENDPOINT, SETTLE_LRS_KEY and SETTLE_LRS_SECRET override these fields.
lrs-not-set = Not set: calls are kept in the reports folder only.
lrs-checking = Checking the queue…
lrs-sending = { $count ->
    [one] { $count } call queued, sending…
   *[other] { $count } calls queued, sending…
}
lrs-nothing-waiting = Nothing is waiting to be sent.
lrs-all-sent = Every finished call has been sent ({ $count ->
    [one] { $count } statement
   *[other] { $count } statements
} this session)
lrs-unreachable = the LRS cannot be reached ({ $detail })
lrs-unauthorised = the LRS refused the key and secret ({ $status })
lrs-server-error = the LRS reported an error ({ $status } { $detail })
lrs-waiting = { $count ->
    [one] { $count } call waiting
   *[other] { $count } calls waiting
}: { $why }.
lrs-waiting-retry = { $count ->
    [one] { $count } call waiting
   *[other] { $count } calls waiting
}: { $why }; next try in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.

## Command line debrief

cli-debrief-title = === Debrief: { $persona } ===
cli-ending = Ending: { $node } ({ $outcome })
cli-turn-limit = (turn limit)
cli-total = Total { $score } / 100 (pass mark { $mark }): { $verdict }
cli-failed-severe = Failed by a severe conduct violation: { $violation }
cli-below-pass-mark = Below the pass mark.
cli-not-scored = n/a
cli-wrap-up-fields = Wrap-up fields: outcome { $outcome }, amount { $amount }, instalments { $instalments }, first due { $first_due }, next step { $next_step }
play-debtor = Debtor
play-silence = (silence)
play-call-with = Call with { $persona } ({ $company }), { $mode }, seed { $seed }
play-script-ran-out = The scripted replies ran out before the call ended; no report saved.
play-abandoned = Call abandoned; no report saved.
play-not-saved = The report could not be saved: { $error }
play-retry-save = Fix it and press Enter to try again, or q to leave the call for the next `settle play`:
play-saved = Report saved: { $path }
play-queued = Queued for the learning record store (sent by the app or `settle report --send`): { $folder }
play-not-queued = The call could not be queued for the learning record store: { $error }
play-call-over = The call is over: { $outcome }
play-your-reply = Your reply (number, s = silence, q = quit):
play-empty-for-none = (empty for none):
play-wrap-up = Wrap-up: document the call.
play-ask-outcome = Outcome (e.g. PaymentPlan)
play-ask-amount = Agreed amount
play-ask-instalments = Instalments
play-ask-first-due = First due date (YYYY-MM-DD)
play-ask-call-back = Call-back day (YYYY-MM-DD)
play-ask-next-step = Next step (e.g. SendAgreement)
play-ask-note = Note
play-self-assessment = Before the debrief: how did it go?
play-ask-expected-score = Score you expect (0-100)
play-ask-style = Your style (Competing, Collaborating, Compromising, Avoiding, Accommodating)
play-ask-differently = One thing to do differently
cli-call-back = Call-back day: { $date }
cli-real-terms = Real terms: amount { $amount }, { $instalments }, first due { $first_due }, next step { $next_step }
cli-no-amount = none
cli-no-date = -
cli-instalments = { $count ->
    [one] { $count } instalment
   *[other] { $count } instalments
}
cli-no-instalments = no instalments
cli-turns = Turns:
cli-debtor = Debtor: { $line }
cli-you = You ({ $stance }): { $reply }
cli-ploy = Ploy { $ploy }: { $handling }
cli-violation = Violation: { $violation } ({ $severity })

## Names of the core's values

outcome-paid-in-full = Paid in full
outcome-payment-plan = Payment plan
outcome-promise-to-pay = Promise to pay
outcome-partial-payment = Partial payment
outcome-dispute = Dispute
outcome-refused = Refused
outcome-escalated-to-legal = Escalated to legal
outcome-wrong-party = Wrong party
outcome-debtor-hung-up = Debtor hung up
outcome-call-back-agreed = Call-back agreed
outcome-right-party-not-reached = Right party not reached
outcome-estate-deceased = Debtor deceased (estate)

next-step-send-confirmation = Send a written confirmation
next-step-send-agreement = Send the instalment agreement
next-step-monitor-payment = Monitor the payment
next-step-schedule-call-back = Schedule a call-back
next-step-resend-documents = Resend the documents
next-step-review-dispute = Review the complaint
next-step-final-demand = Send the final demand
next-step-hand-to-legal = Hand over to legal
next-step-refer-to-debt-advice = Refer to debt advice
next-step-trace-contact = Trace the right contact

archetype-cooperative = Cooperative partner
archetype-evasive = Evasive
archetype-aggressive = Aggressive
archetype-late-disputer = Late disputer
archetype-serial-promiser = Serial promiser
archetype-hardship = Real hardship
archetype-gatekeeper = Gatekeeper
archetype-sue-me = "Take me to court"

expression-calm = calm
expression-friendly = friendly
expression-relieved = relieved
expression-worried = worried
expression-evasive = evasive
expression-annoyed = annoyed
expression-angry = angry

ploy-distraction = Distraction
ploy-false-promise = False promise
ploy-late-dispute = Late dispute
ploy-no-invoice = "Never got the invoice"
ploy-sob-story = Sob story
ploy-stalling = Stalling
ploy-intimidation = Intimidation
ploy-passing-the-buck = Passing the buck
ploy-sue-me = "Take me to court"
ploy-partial-payment-trap = Partial-payment trap

handling-countered = countered
handling-fell-for = fell for it
handling-none = not addressed

violation-threat = Threat
violation-harassment = Harassment
violation-false-statement = False statement
violation-third-party-disclosure = Disclosure to a third party
violation-abusive-language = Abusive language
violation-hardship-mistreatment = Mistreating real hardship
violation-exceeding-mandate = Exceeding the mandate

severity-minor = minor
severity-major = major
severity-severe = severe

style-competing = Competing
style-collaborating = Collaborating
style-compromising = Compromising
style-avoiding = Avoiding
style-accommodating = Accommodating

fail-severe-violation = Severe conduct violation: { $violation }
fail-below-pass-mark = Below the pass mark
fail-critical-error = Critical error: { $violation } ({ $severity })
fail-missed-critical-step = A critical step was missed

mood-trust = Trust
mood-anger = Anger
mood-willingness = Willingness to pay
mood-stress = Stress
mood-patience = Patience
mood-shame = Shame

## Settings

settings-title = Settings
settings-file = Kept for everyone who uses Settle on this computer, in { $path }; `settle play` reads them too.
settings-reports = Reports
settings-in-use = In use: { $path }
settings-org-key = Organisation key
settings-org-key-hint = Signs every report so that edits show (or set SETTLE_ORG_KEY).
settings-personas = Your personas
settings-persona-folder = Persona folder
settings-persona-folder-hint = Persona files in this folder are laid over the library built into Settle; one with a built-in persona's id takes its place. Left empty, the “dialogues” folder in Settle's data folder is used when there is one.
settings-persona-folder-none = Only the built-in library is in use.
