# otium's English messages. Every key here has a twin in zh-CN/otium.ftl, and every
# key is used somewhere in src/ (the catalogue tests check both).

## The error line

error-line = error: { $line }
note-line = note: { $text }
note-upgraded = upgraded the database from schema { $from } to { $to }; the file as it was is kept as { $backup }
note-bad-tz-system = TZ={ $tz } is not an IANA time zone; using the system zone, { $zone } (set TZ or OTIUM_TZ to a name like Europe/Berlin)
note-bad-tz-utc = TZ={ $tz } is not an IANA time zone; using UTC (set TZ or OTIUM_TZ to a name like Europe/Berlin)
error-with-hint = { $message }; { $hint }

## Hints as the CLI says them: the command to type

hint-cli-start-session = start a session with `otium start PROJECT`
hint-cli-list-sessions = `otium log --all` lists the ids
hint-cli-list-projects = `otium projects` lists them
hint-cli-declare-unit = declare one with `otium project { $project } --unit pages`
hint-cli-record-output = record output with `otium output N --project { $project }`
hint-cli-list-countries = `otium dividend --countries` lists them
hint-cli-doctor = run `otium doctor`
hint-cli-later-stop = give a later --at
hint-cli-give-end = give --to or --for
hint-cli-change-a-field = give --project, --from, --to, --note, --add-tag or --rm-tag
hint-cli-name-unit = name what the project produces, e.g. --unit pages
hint-cli-sync-init = join a sync folder with `otium sync init DIR`

## Hints as the TUI says them: the key to press

hint-tui-start-session = press s to start one
hint-tui-list-sessions = the Sessions view (2) lists them
hint-tui-list-projects = the Reports view (3) lists them
hint-tui-declare-unit = declare one from a shell: otium project { $project } --unit pages
hint-tui-record-output = record some from a shell: otium output N --project { $project }
hint-tui-list-countries = press c or C to pick another
hint-tui-doctor = quit and run otium doctor in a shell
hint-tui-later-stop = give a later end
hint-tui-give-end = fill in the end
hint-tui-change-a-field = change a field first, or press Esc
hint-tui-name-unit = name what the project produces, e.g. pages
hint-tui-sync-init = join a sync folder with `otium sync init DIR` in a shell

## otium status

status-running = Running: { $label }
status-since = Since { $when } (session { $id }), { $elapsed } so far.
status-idle = Nothing running.
status-last = Last: { $label } (session { $id }), { $start }–{ $end }.
status-empty = Nothing running, and no sessions yet. Start one with `otium start PROJECT`.
status-warning = warning: { $text }
status-reminder = reminder: { $text }
status-away = You were away { $span }. Keep it, cut it out of the session (split in two), or stop at { $at }? `otium away keep{ $id }`, `otium away cut{ $id }` or `otium away stop{ $id }`.
status-away-span = { $from }–{ $to } ({ $duration })
status-fix-at = otium stop --at "{ $at }"
status-fix-any = otium stop --at TIME (e.g. "17:30" or "2h ago")
status-too-long = session { $id } has run for { $elapsed }, longer than max_session_hours = { $max }; if you forgot to stop it: { $fix }
status-past-end = session { $id } has run past your usual end of day ({ $end }); if you forgot to stop it: { $fix }

## The time grammar

time-unreadable = cannot read { $input } as a time; use HH:MM, YYYY-MM-DD HH:MM, yesterday HH:MM, 15m ago or RFC 3339
duration-unreadable = cannot read { $input } as a duration; use e.g. 1h30m, 90m, 1.5h or 1:30


## Library errors said in the user's language

error-nothing-running = nothing is running
error-no-database = no database at { $path }: the file does not exist; check the path, or pass --db (or set OTIUM_DB) to { $what ->
        [check] check
        [backup] back up
       *[read] read
    } another file, or create it there
