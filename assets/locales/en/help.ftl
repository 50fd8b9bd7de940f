# Keys are built from the command path (see src/cli/help.rs): help-VERB is the verb's
# summary, help-VERB--FLAG a flag's help, help-VERB--FLAG--VALUE one of its values,
# help-any--FLAG a flag several verbs share. Text is exactly what `--help` prints.

## What clap writes itself, said by otium in Chinese (English keeps clap's own words)

help-usage-heading = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-heading-global = Global options
help-builtin-help = Print help
help-builtin-help-more = Print help (see more with '--help')
help-builtin-help-summary = Print help (see a summary with '-h')
help-builtin-version = Print version
help-builtin-help-command = Print this message or the help of the given subcommand(s)
help-possible-values = [possible values: { $values }]
help-possible-values-heading = Possible values:
help-value-help = : { $help }
help-list-separator = ,{" "}
help-default = [default: { $value }]
help-now = [now: { $path }]

## otium 

help-otium = A terminal work-time tracker that shows the leisure your productivity could have bought
help-otium--db = The database file [env: OTIUM_DB; default: otium.db in the platform data dir]
help-otium--config = The config file [env: OTIUM_CONFIG; default: config.toml in the platform config dir]
help-otium--json = Print machine-readable JSON (errors too, on stderr)
help-otium--lang = The language of human text [env: OTIUM_LANG; then the config's language, then LC_ALL/LC_MESSAGES/LANG; default: en]. JSON, CSV and ICS never change
help-otium--lang--en = English, the default
help-otium--lang--zh-CN = Simplified Chinese (mainland China)
help-otium--demo = Open the TUI on a throw-away database with sample data

## otium start

help-start = Start a session now (or --at a past time); a running one is stopped first
help-start--project = The project, e.g. writing
help-start--tags = Tags, each written +name
help-start--at = Start at a past time instead of now (e.g. 9:15, "10 min ago")

## otium stop

help-stop = Stop the running session
help-stop--at = Stop at a past time instead of now (e.g. "10 min ago", 17:30)
help-stop--output = Record this much output (in the project's unit) with the stopped session

## otium status

help-status = Show what is running, since when, and for how long
help-status--format = One line from a template, for prompts and status bars. Placeholders: {"{"}project{"}"} {"{"}tags{"}"} {"{"}note{"}"} {"{"}elapsed{"}"} {"{"}elapsed_minutes{"}"} {"{"}start{"}"} {"{"}id{"}"} {"{"}break{"}"} ("break due" when one is, else empty) {"{"}reminder{"}"} (the first reminder due, else empty); {"{"}{"{"} and {"}"}{"}"} are literal braces. Prints nothing (exit 0) when nothing runs

## otium notify

help-notify = Check the [reminders] once and tell each new one once (for cron or a systemd timer)

## otium away

help-away = Answer the away time `otium status` asks about: keep it, cut it out, or stop there
help-away--answer = keep (the time was work), cut (split the session around it), or stop (end the session where it began)
help-away--answer--keep = Keep the away time in the session
help-away--answer--cut = Cut it out: the session ends where it began and runs on from where it ended
help-away--answer--stop = Stop the session where it began
help-away--id = Which away time (the ids `otium status --json` lists); default the oldest

## otium cancel

help-cancel = Drop the running session without recording it

## otium continue

help-continue = Start again with the project, tags and note of the last (or given) session
help-continue--id = The session to continue [default: the last one]
help-continue--at = Start at a past time instead of now

## otium add

help-add = Record a past session
help-add--project = The project
help-add--tags = Tags, each written +name
help-add--from = When it started (e.g. "yesterday 14:00", 2026-03-02T13:00)
help-add--to = When it ended; a bare HH:MM falls on the start's day
help-add--for = How long it lasted instead of --to (e.g. 1h15m, 90m, 1.5h, 1:30)

## otium log

help-log = List sessions by day

## otium edit

help-edit = Change a session's project, times, note or tags (no flags: in $VISUAL/$EDITOR)
help-edit--id = The session's id (see `otium log`). Without field flags, the session opens in $VISUAL (else $EDITOR) as a small TOML document
help-edit--project = Move it to another project
help-edit--from = New start; a bare HH:MM falls on the session's own day
help-edit--to = New end; a bare HH:MM falls on the session's own day. Stops a running session
help-edit--note = New note ("" clears it)
help-edit--add-tags = Add a tag (repeatable)
help-edit--rm-tags = Remove a tag (repeatable)

## otium rm

help-rm = Delete sessions: one id, several, or a range (12-15); one undo brings them back
help-rm--ids = The sessions' ids (see `otium log`): `12`, `12 14 15`, or a range `12-15`
help-rm--yes = Delete more than one session without asking (a terminal asks first)

## otium undo

help-undo = Take back the newest change (start, stop, add, edit, rm, cancel, continue, import); again to walk further back. --list shows the journal
help-undo--list = Show the journal (newest first) instead of undoing: what `undo` and `redo` would take
help-undo--limit = How many entries `--list` shows

## otium redo

help-redo = Re-apply the change undone last

## otium report

help-report = Totals for a range, grouped, as a table, Markdown, CSV, JSON or HTML
help-report--by = Group by project, tag, day, week or month; a comma list nests (project,tag)
help-report--round = Round each session to this step for billing (e.g. 15m, 6m, 1h)
help-report--round-mode = Which way --round rounds
help-report--round-mode--up = Round each session up
help-report--round-mode--nearest = Round each session to the nearest step
help-report--round-mode--down = Round each session down
help-report--format = Output format [default: table; json with --json]
help-report--format--table = A terminal table with a bar per row
help-report--format--md = A Markdown table
help-report--format--csv = CSV, one row per innermost group
help-report--format--json = The stable JSON document
help-report--format--html = One self-contained HTML page with SVG charts
help-report--title = The heading of an HTML or Markdown report [default: Work report]
help-report--sessions = List the sessions with their notes in an HTML or Markdown report
help-report--no-dividend = Leave the leisure dividend out of an HTML or Markdown report
help-report--timew = Report on the intervals Timewarrior gives a report extension on stdin (run as `timew report otium`) instead of on the database

## otium export

help-export = Raw sessions as CSV, JSON or iCalendar, or back out to Timewarrior, Toggl or timeclock [default range: everything]
help-export--format = Output format [default: csv; json with --json]
help-export--format--csv = CSV with one row per session
help-export--format--json = A JSON array of sessions
help-export--format--ics = iCalendar, one event per session
help-export--format--timewarrior = Timewarrior data lines (`inc START - END # PROJECT TAGS # "NOTE"`)
help-export--format--toggl = Toggl Track's CSV layout (its detailed export, which its CSV import reads)
help-export--format--timeclock = hledger timeclock (`i`/`o` lines)

## otium import

help-import = Import sessions from Watson, Timewarrior, Toggl, bartib, Clockify, Kimai, klog, timeclock, or otium CSV/JSON
help-import--format = The source format
help-import--format--watson = Watson's frames file (~/.config/watson/frames)
help-import--format--timewarrior = Timewarrior's data folder, a YYYY-MM.data file, or `timew export` JSON
help-import--format--toggl = Toggl Track's detailed CSV export
help-import--format--bartib = A bartib activity file
help-import--format--csv = otium's CSV export
help-import--format--json = otium's JSON export
help-import--format--clockify = Clockify's detailed report CSV
help-import--format--kimai = Kimai's CSV export
help-import--format--toggl-api = Toggl Track API v9 time entries JSON (names from --projects FILE)
help-import--format--klog = A klog .klg file
help-import--format--timeclock = A timeclock file (hledger, timeclock.el): `i`/`o` lines
help-import--file = The file (Timewarrior: also its data folder); `-` reads standard input
help-import--dry-run = Read and check everything, report what would happen, write nothing
help-import--tz = The zone of naive local times (Toggl, bartib) and of sessions from Watson and Timewarrior [default: yours]
help-import--project = Put every session in this project (Timewarrior: all tags then stay tags)
help-import--skip-conflicts = Import what does not overlap and count the rest, instead of refusing the file
help-import--allow-long = Accept sessions longer than 7 days
help-import--raw = otium CSV: keep a leading ' in cells (the file came from `export --raw`)
help-import--sync-deletes = Remove sessions imported from this source before, within the range of this file, that the file no longer holds (deleted in the source)
help-import--project-tags = Timewarrior: which tag becomes the project: `first` (the first tag as written, the default), `none` (all stay tags), or a comma-separated LIST of project tags
help-import--projects = toggl-api: the projects JSON (GET /api/v9/workspaces/{"{"}id{"}"}/projects) that names the entries' project ids

## otium project

help-project = Declare what a project produces (its output unit)
help-project--name = The project (created if new)
help-project--unit = What it produces, e.g. pages, tickets, commits
help-project--no-unit = Remove the output unit
help-project--rate = Hourly rate for reports, e.g. 85 or 92.50 (needs --currency)
help-project--currency = The rate's currency code, e.g. EUR
help-project--no-rate = Remove the hourly rate

## otium output

help-output = Record output (pages, tickets, …) for a project
help-output--amount = How much, in the project's unit (e.g. 3 or 2.5)
help-output--project = The project [default: the running session's, else the last session's]
help-output--at = When it was produced [default: now]
help-output--note = A note

## otium dividend

help-dividend = The leisure dividend: national, Keynes week, and your own productivity
help-dividend--country = Country (ISO alpha-3, e.g. USA, DEU, CHN) [default: config `country`, else USA]
help-dividend--base-year = Base year [default: config `base_year`, else 1970]
help-dividend--end-year = End year [default: the latest year with data]
help-dividend--projects = Only these projects in the personal part (repeatable)
help-dividend--baseline = Baseline weeks, e.g. 2026-W10..2026-W13 [default: each project's first 4 complete weeks with hours and output]
help-dividend--period = Current weeks: last-week or e.g. 2026-W20 or 2026-W18..2026-W20 [default: last-week]
help-dividend--countries = List the countries and years in the data instead
help-dividend--compare = Every country with data in the base year side by side, sorted by the share of the potential taken as shorter hours

## otium projects

help-projects = List projects with their totals

## otium tags

help-tags = List tags with their totals

## otium balance

help-balance = Worked, target and difference per day and week, and the overtime balance

## otium limits

help-limits = Breaches of the working-time limits set in the config (informative; exit 0)

## otium doctor

help-doctor = Check the database: files, modes, SQLite settings, integrity and the session rules
help-doctor--full = Run the full `integrity_check` (reads every page) instead of `quick_check`
help-doctor--fix = First rebuild the derived data (the per-project totals full-history reports read) from the sessions, in one transaction; then check

## otium backup

help-backup = Copy the database to a backup file while it stays in use
help-backup--file = Where to write the copy; it must not exist [default: otium-backup-YYYYMMDD-HHMMSS.db next to the database]

## otium sync

help-sync = Sync with your other devices through a folder you already sync (init DIR, status)

## otium sync init

help-sync-init = Make this database a device of the sync folder DIR (created, or joined if other devices are there) and write its history there
help-sync-init--dir = The folder to sync through (one Syncthing, Dropbox, … already syncs)
help-sync-init--name = This device's name in `sync status` [default: device-<first part of its id>]

## otium sync status

help-sync-status = Devices, pending changes, files not applied yet, and conflicts

## otium completions

help-completions = Print the script that makes SHELL complete otium's verbs, flags, projects and tags
help-completions--shell = The shell to print the completion script for
help-completions--shell--bash = GNU Bash
help-completions--shell--zsh = Zsh
help-completions--shell--fish = fish
help-completions--shell--elvish = Elvish
help-completions--shell--powershell = PowerShell

## otium man

help-man = Print the manual page (roff), or write one page per verb with --dir
help-man--dir = Write otium.1 and one otium-VERB.1 per verb into DIR (created if missing; pages already there are replaced) instead of printing otium.1

## otium paths

help-paths = Print where the database and the config file are

## Flags several verbs share

help-any--note = A note for the session
help-any--today = Today
help-any--yesterday = Yesterday
help-any--week = This week, or the week of YYYY-Www (ISO) or of a DATE
help-any--last-week = The week before this one
help-any--month = This month, or YYYY-MM
help-any--all = Everything
help-any--from = From this day (YYYY-MM-DD) or time
help-any--to = To this day, inclusive (YYYY-MM-DD), or up to this time [default: today]
help-any--tz = Read days in this IANA zone instead of yours
help-any--projects = Only this project (repeatable: any of them)
help-any--tags = Only sessions with this tag (repeatable: any of them)
help-any--output = Write to FILE (atomically) instead of stdout
help-any--force = Replace FILE if it exists
help-any--raw = CSV: keep cells starting with = + - @ as they are (unsafe to open in spreadsheets)
help-any--bom = CSV: begin with a UTF-8 byte-order mark, for spreadsheet programs that need one to read UTF-8

## Usage errors (exit 2), from clap's error kind and context

help-usage-see = { $message }; see `{ $help }`
help-usage-did-you-mean = { $message } (did you mean { $suggestions }?)
help-usage-or = {" or "}
help-usage-multiple = the argument '{ $arg }' cannot be used multiple times
help-usage-conflict = the argument '{ $arg }' cannot be used with '{ $other }'
help-usage-conflict-list = the argument '{ $arg }' cannot be used with: { $others }
help-usage-conflict-any = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
help-usage-no-equals = equal sign is needed when assigning values to '{ $arg }'
help-usage-value-required = a value is required for '{ $arg }' but none was supplied
help-usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
help-usage-possible = [possible values: { $values }]
help-usage-subcommands = [subcommands: { $values }]
help-usage-unknown-subcommand = unrecognized subcommand '{ $name }'
help-usage-missing-args = the following required arguments were not provided: { $args }
help-usage-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
help-usage-too-few-one = { $min } values required by '{ $arg }'; only { $count } was
help-usage-too-few-many = { $min } values required by '{ $arg }'; only { $count } were
help-usage-wrong-number-one = { $expected } values required for '{ $arg }' but { $count } was provided
help-usage-wrong-number-many = { $expected } values required for '{ $arg }' but { $count } were provided
help-usage-too-many = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
help-usage-unknown-argument = unexpected argument '{ $arg }' found
