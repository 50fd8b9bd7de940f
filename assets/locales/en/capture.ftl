# otium, capture verbs: start, stop, add, edit, rm, undo, continue, cancel, log, projects, tags, project, output, away.
# Every key here is also in zh-CN/capture.ftl and named by code in src/.

## start, continue, stop, cancel

capture-start-stopped-old = Stopped { $label } (session { $id }) at { $at } after { $elapsed }.
capture-start-dropped = Dropped { $label } (session { $id }): it had started at the same second, so it held no time.
capture-started = Started { $label } at { $at } (session { $id }).
capture-stopped = Stopped { $label } (session { $id }): { $span }, { $elapsed }.
capture-stop-output = Recorded { $amount } { $unit } for { $project }.
capture-cancelled = Cancelled { $label } (session { $id }), started { $at }: { $elapsed } not recorded.

## add, edit, rm

capture-added = Added { $label } (session { $id }): { $when }, { $elapsed }.
capture-edited = Edited session { $id }: { $changed }
capture-unchanged = Session { $id } is unchanged.
capture-rm-line = session { $id }: { $label } { $when }, { $elapsed }
capture-rm-ask-list = Delete these { $count } sessions?
capture-rm-ask = Delete { $count }? [y/N]
capture-removed = Removed { $line }.
capture-removed-many = Removed { $count } sessions; `otium undo` brings them all back.

## The session as `otium edit ID` opens it in $EDITOR (each line a TOML comment)

capture-editor-title = otium session { $id } ({ $zone }).
capture-editor-save = Save to apply; save it unchanged, or empty, to change nothing.
capture-editor-times = Times are local (YYYY-MM-DD HH:MM); end = "" while the session runs.

## undo, redo

capture-undid = Undid { $verb } “{ $summary }”.
capture-redid = Redid { $verb } “{ $summary }”.
capture-undid-verb = Undid { $verb }.
capture-redid-verb = Redid { $verb }.
capture-undo-next = (`otium redo` re-applies it.)
capture-redo-next = (`otium undo` takes it back again.)
capture-verb = { $verb }
capture-session-described = session { $id } ({ $project }, { $from }–{ $to } { $zone })
capture-effect-removed = removed { $session }
capture-effect-restored = restored { $session }
capture-effect-now = now { $session }
capture-effect-runs-again = session { $id } runs again (since { $since })
capture-effect-count-removed = { $count } session(s) removed
capture-effect-count-restored = { $count } session(s) restored
capture-effect-count-reset = { $count } session(s) put back as they were
capture-journal-empty = The journal is empty: no change to undo yet.
capture-journal-undone = undone
capture-journal-sessions = { $count } session(s)

## log, projects, tags

capture-log-empty = No sessions in this range.
capture-log-empty-filtered = No sessions in this range match the filter.
capture-log-running = (running)
capture-projects-empty = No projects yet. `otium start PROJECT` creates one.
capture-tags-empty = No tags yet. Add them as +name: `otium start writing +draft`.
capture-list-sessions = { $count } session(s)

## project, output, away

capture-project-unit = Project { $name } produces { $unit }.
capture-project-no-unit = Project { $name } has no output unit.
capture-project-rate = Project { $name } is billed at { $rate }.
capture-project-no-rate = Project { $name } has no hourly rate.
capture-output-recorded = Recorded { $amount } { $unit } for { $project } at { $at }.
capture-output-recorded-session = Recorded { $amount } { $unit } for { $project } at { $at } (session { $id }).
capture-away-cut = Cut { $span } out: session { $id } ({ $label }) ends at { $at }; session { $next } runs on from { $from }.
capture-away-stopped = Stopped session { $id } ({ $label }) at { $at }, when you left ({ $span } away).
capture-away-kept = Kept { $span } in session { $id } ({ $label }).

## Errors of the capture verbs

capture-error-no-session = no session with id { $id }
capture-error-before-1970 = the { $what } time { $at } is before 1970; check the year
capture-error-future = the { $what } time { $at } is in the future (now is { $now } { $zone }); give a time up to now
capture-error-end-not-after-start = the session { $what ->
        [zero] is zero-length
       *[backwards] ends before it starts
    } ({ $start } to { $end } { $zone }); give an end after the start
capture-error-overlap = { $what ->
        [new] the new session
        [rest] the rest of the session
       *[other] session { $what }
    } would overlap session { $id } ({ $project }, { $from }–{ $to } { $zone }); choose other times or edit session { $id } first
capture-error-started-after = session { $id } ({ $project }, { $from }–{ $to } { $zone }) started after { $at }; stop or cancel it first, or start later
capture-error-stop-not-after = the stop time { $at } is not after the start of session { $id } ({ $project }, { $from }–{ $to } { $zone })
capture-error-nothing-to-continue = there is no session to continue yet
capture-error-still-running = session { $id } ({ $project }, { $from }–{ $to } { $zone }) is still running; nothing to continue
capture-error-needs-end = a past session needs an end
capture-error-nothing-to-change = nothing to change
capture-error-no-such-tag = session { $id } has no tag { $tag }; nothing removed
capture-error-nothing-to-remove = no session to remove; give an id, e.g. otium rm 12
capture-error-nothing-to-undo = nothing to undo: the journal holds no change that is still in effect
capture-error-nothing-to-redo = nothing to redo: no change has been undone since the last one
capture-error-undo-deleted = cannot { $action } “{ $summary }”: session { $id } has been deleted since; nothing was changed
capture-error-undo-changed = cannot { $action } “{ $summary }”: session { $id } ({ $project }, { $from }–{ $to } { $zone }) has been changed since; edit it by hand instead; nothing was changed
capture-error-undo-exists = cannot { $action } “{ $summary }”: session { $id } ({ $project }, { $from }–{ $to } { $zone }) exists again; nothing was changed
capture-error-undo-overlap = cannot { $action } “{ $summary }”: session { $moved } would overlap session { $id } ({ $project }, { $from }–{ $to } { $zone }), recorded since; edit or remove session { $id } first; nothing was changed
capture-error-bad-id = not a session id; give the number the session list shows, e.g. 12
capture-error-project-empty = the project name is empty; give one, e.g. writing
capture-error-project-empty-example = the project name is empty; give one, e.g. `{ $example }`
capture-error-project-sign = project name { $name } starts with '{ $sign }'; give the project first, then +tags
capture-error-project-control = project name { $name } contains a control character
capture-error-project-invisible = project name { $name } contains the invisible character { $code }, which can make it look like another name; type the name without it
capture-error-tag-empty = empty tag; write tags as +name, e.g. +review
capture-error-tag-bad = tag { $tag } contains a space, '+' or control character; use e.g. +code-review
capture-error-tag-invisible = tag { $tag } contains the invisible character { $code }, which can make it look like another tag; type the tag without it
capture-error-unexpected-word = unexpected word { $quoted }; write tags as +{ $word } and put a note in --note "…"
capture-error-leap-second = { $input } names a leap second (:60); use :59 or the next minute
capture-error-empty-time = empty time; use HH:MM, YYYY-MM-DD HH:MM, yesterday HH:MM, 15m ago or RFC 3339
capture-error-date-without-time = { $input } is a date without a time; add one, e.g. "{ $date } 09:00"
capture-error-no-unit = { $input } has a number without a unit; use e.g. 1h30m, 90m, 1.5h or 1:30
capture-error-for-zero = --for { $input } is zero; give a positive duration
capture-error-give-end = give --to TIME or --for DURATION
capture-error-bad-range = { $range } is not a range of ids; write the first and last id, e.g. 12-15
capture-error-range-backwards = the range { $range } runs backwards; write it lowest first, e.g. { $first }-{ $last }
capture-error-range-too-wide = the range { $range } names more than { $max } sessions; give a narrower range
capture-error-rm-not-confirmed = nothing removed (not confirmed); pass --yes to skip the question
capture-error-ask = could not ask for confirmation on stderr: { $error }
capture-error-answer = could not read the answer from stdin: { $error }
capture-error-editor-invalid = the document is not valid: { $why }
capture-error-editor-end-empty = end is empty but the session has ended; give its end time (a stopped session cannot run again)
capture-error-editor-run = could not run the editor { $editor }: { $error }
capture-error-editor-failed = the editor { $editor } failed ({ $status }); nothing changed
capture-error-editor-file = could not { $what ->
        [create] create the file to edit
        [write] write the file to edit
       *[read] read the edited file
    }: { $error }
capture-error-no-editor = nothing to change, and neither VISUAL nor EDITOR is set to edit it in
capture-error-no-project = no project { $name }; `otium projects` lists them
capture-error-output-no-session = no session to take the project from; give --project NAME
capture-error-bad-amount = output { $amount } is not a usable amount; give a number from 0 to 1000000000, e.g. 3 or 2.5
capture-error-output-lost = the output was not recorded; please report this
capture-error-unit-empty = the unit is empty
capture-error-no-unit-declared = project { $name } has no output unit
capture-error-unknown-project = no project { $name }
capture-error-no-away-id = no unanswered away time with id { $id } in the running session; `otium status` lists them
capture-error-no-away = no away time to answer: the running session has none recorded

## Local times a DST change made missing or repeated (a note on stderr)

capture-dst-twice = { $local } happens twice in { $zone } (clocks go back); using the first, { $first } ({ $first_offset }), not { $second } ({ $second_offset })
capture-dst-missing = { $local } does not exist in { $zone } (clocks jump forward); using { $used } ({ $offset })

## The note when a recording verb created a database outside the default place

capture-created-database = created a new database at { $path } (not the default location); if that path was a typo, delete the file and pass the right --db

## Reminders (`[reminders]`), as `otium status` and `otium notify` tell them

capture-reminder-break = break due: { $worked } of work since { $since } without a { $pause } break
capture-reminder-eu-break = rest break due: { $worked } worked today without a { $pause } break, and the EU rule (2003/88/EC art. 4) asks for one when the day is longer than 6h
capture-reminder-day-limit = day limit reached: { $worked } worked today (day_limit_hours = { $limit })
capture-reminder-nothing-running = nothing is being tracked since { $since } on a workday; `otium start PROJECT` starts a session
