# otium, doctor, backup, import, export, notify, the demo and the database's messages.
# Every key here is also in zh-CN/admin.ftl and named by code in src/.

## otium doctor: the report

admin-doctor-database = database        { $path }
admin-doctor-config = config          { $path }
admin-doctor-no-config = (none)
admin-doctor-sqlite = sqlite          { $version }
admin-doctor-file-system = file system     { $name }
admin-doctor-schema = schema version  { $version } (this otium: { $latest })
admin-doctor-mark-ok = ok{"  "}
admin-doctor-mark-warn = WARN
admin-doctor-mark-fail = FAIL
admin-doctor-passed = All checks passed.
admin-doctor-problems = doctor found { $count } problem(s): { $names }; each line of the report says how to fix it

## otium doctor: each check's finding

admin-doctor-fs-local = { $name } (local)
admin-doctor-fs-network = { $name }: a network or FUSE file system, where SQLite's locking and write-ahead log are unsafe; move the database to a local disk
admin-doctor-journal-not-wal = { $mode }, not wal; run any otium write (e.g. `otium status` on a writable file) to switch it
admin-doctor-synchronous-not-full = { $mode }, not full: a power cut may lose commits; please report this
admin-doctor-schema-latest = { $version } (latest)
admin-doctor-schema-other = { $version }, this otium writes { $latest }; open it with a matching otium
admin-doctor-app-id-otium = { $id } (otium)
admin-doctor-app-id-other = { $id }, not otium's; pass --db with otium's database
admin-doctor-integrity-ok = { $pragma }: ok
admin-doctor-integrity-found = { $pragma } found { $count } problem(s), first: { $first }; restore a backup (`otium backup` makes one) or recover with `sqlite3 DB .recover`
admin-doctor-integrity-failed = { $pragma } failed: { $error }; restore a backup or recover with `sqlite3 DB .recover`
admin-doctor-totals-ok = per-project totals match the sessions
admin-doctor-totals-bad = { $count } project(s) have stored totals that differ from their sessions (first: project { $project }, stored { $stored_sessions ->
        [none] none
       *[other] { $stored_sessions } session(s), { $stored_seconds } s
    }, counted { $counted_sessions ->
        [none] none
       *[other] { $counted_sessions } session(s), { $counted_seconds } s
    }); rebuild them with `otium doctor --fix`
admin-doctor-totals-unreadable = cannot compare per-project totals: { $error }; run `otium doctor --fix`
admin-doctor-rebuilt-totals = rebuilt the per-project totals ({ $count } project(s) were wrong)
admin-doctor-fk-ok = no dangling references
admin-doctor-fk-found = { $count } dangling reference(s), first: { $first }; restore a backup
admin-doctor-fk-failed = foreign_key_check failed: { $error }; restore a backup
admin-doctor-running-ok = { $count } running session(s)
admin-doctor-running-many = { $count } sessions run at once (ids { $ids }); stop all but one with `otium edit ID --to TIME`
admin-doctor-cannot-read = cannot read sessions: { $error }
admin-doctor-ends-ok = every session ends after it starts
admin-doctor-ends-bad = { $count } session(s) end at or before their start (ids { $ids }); fix them with `otium edit ID --to TIME` or `otium rm ID`
admin-doctor-overlaps-ok = no sessions overlap
admin-doctor-overlaps-bad = { $count } session(s) overlap an earlier one (ids { $ids }); fix them with `otium edit` or `otium rm`
admin-doctor-leftovers-ok = no temporary files left behind
admin-doctor-leftovers-found = { $count } temporary file(s) from an interrupted backup or export in { $dir }: { $files }; delete them (they are never read)
admin-doctor-modes-unreadable = cannot read { $path }: { $error }; check the path
admin-doctor-modes-open = readable by group or others: { $entries }; run `chmod 600 { $names }`

## otium doctor: the checks' names (English shows the stable names JSON uses)

admin-doctor-check-file-modes = file_modes
admin-doctor-check-config-file = config_file
admin-doctor-check-file-system = file_system
admin-doctor-check-leftovers = leftovers
admin-doctor-check-journal-mode = journal_mode
admin-doctor-check-synchronous = synchronous
admin-doctor-check-schema-version = schema_version
admin-doctor-check-application-id = application_id
admin-doctor-check-integrity = integrity
admin-doctor-check-foreign-keys = foreign_keys
admin-doctor-check-running = running
admin-doctor-check-end-after-start = end_after_start
admin-doctor-check-overlaps = overlaps
admin-doctor-check-project-totals = project_totals

## otium doctor: the config file (advisory)

admin-doctor-config-symlink = { $path } is a symlink to { $target } (otium follows it; make sure you control where it points)
admin-doctor-config-writable = { $path } is writable by others ({ $mode }): anyone can change your settings; run `chmod o-w { $path }`
admin-doctor-config-readable = { $path } is readable by group or others ({ $mode }); fine, it holds no secrets (`chmod 600 { $path }` to keep it private)
admin-doctor-config-symlink-writable = { $path } is a symlink to { $target } (otium follows it; make sure you control where it points); it is writable by others ({ $mode }): anyone can change your settings; run `chmod o-w { $path }`
admin-doctor-config-symlink-readable = { $path } is a symlink to { $target } (otium follows it; make sure you control where it points); it is readable by group or others ({ $mode }); fine, it holds no secrets (`chmod 600 { $path }` to keep it private)
admin-doctor-passed-one-warning = No problems found (1 warning above).
admin-doctor-passed-warnings = No problems found ({ $count } warnings above).

## otium backup, man, paths, export

admin-backup-done = Backed up { $database } to { $backup } ({ $kib } KiB).
admin-backup-restore = To restore: quit otium, move { $database } and its -wal/-shm files aside, then copy the backup to { $database }.
admin-man-wrote = wrote { $path }
admin-paths-database = database  { $path }
admin-paths-config = config    { $path }
admin-paths-not-created = {" "}(not created yet)
admin-paths-none = (none)
admin-export-altered = { $count } session(s) had a line break or a character the format cannot hold in the note or project written as a space or ','
admin-export-running-left-out = { $count } running session(s) left out: Toggl's CSV has no running entries; export again after `otium stop`

## otium import: the summary

admin-import-error-unreadable = cannot read { $file }: { $error }; check the file
admin-import-error-unreadable-path = cannot read { $file }: { $error }; check the path
admin-import-error-json = { $at }: malformed JSON: { $what }; fix the file or export it again
admin-import-error-json-element = { $at }: one element of the JSON array is longer than { $max }; this is not a time-tracking export (check the file)
admin-import-error-utf8 = { $at }: invalid UTF-8 (byte 0x{ $byte }); save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)
admin-import-error-utf8-cut = { $at }: the file ends inside a UTF-8 character (truncated file?)
admin-import-error-long-json = { $at }: a JSON string or number is longer than 1 MiB; this is not a time-tracking export (check the file)
admin-import-error-long-csv = { $at }: a CSV record is longer than 1 MiB; this is not a time-tracking export (check the file)
admin-import-error-long-line = { $at }: a line is longer than 1 MiB; this is not a time-tracking export (check the file)
admin-import-error-csv-fields = { $at }: malformed CSV: this row has { $len } fields but the header has { $expected }; quote fields that hold commas, or export the file again
admin-import-error-timeclock-line = { $at }: expected `i DATE TIME ACCOUNT` or `o DATE TIME` (a timeclock line); is this the right file?
admin-import-error-timeclock-date = { $at }: { $text } is not a date like 2024/01/15 or 2024-01-15
admin-import-error-timeclock-time = { $at }: { $text } is not a time like 09:00 or 09:00:00 (two digits each, optional +HHMM)
admin-import-error-timeclock-offset = { $at }: { $text } has an impossible offset
admin-import-error-timeclock-account = { $at }: a clock-in needs an account after the time, e.g. `i 2024/01/15 09:00 client:acme`
admin-import-error-timeclock-open = { $at }: more than { $max } sessions clocked in at once; is this the right file?
admin-import-error-timeclock-out = { $at }: a clock-out with no session clocked in; add the `i` line before it
admin-import-error-timeclock-out-of = { $at }: a clock-out of { $account }, which is not clocked in; add its `i` line before it
admin-import-error-date-range = { $at }: the date { $date } is before 1970 or after 2100; fix it in the source
admin-import-error-ends-before = { $at }: the session ends before it starts ({ $start } to { $end } { $zone }); fix the times in the source
admin-import-error-future = { $at }: the session ends in the future ({ $end } { $zone }; now is { $now }); fix the times in the source
admin-import-error-too-long = { $at }: the session lasts { $duration }, longer than 7 days ({ $start } to { $end } { $zone }); pass --allow-long if that is right
admin-import-error-folder-unreadable = cannot read the folder { $dir }: { $error }; check the path
admin-import-error-timew-empty = { $dir } holds no YYYY-MM.data files; give Timewarrior's data folder (e.g. ~/.timewarrior/data) or `timew export` JSON
admin-import-error-timew-line = { $at }: expected `inc START - END # tags` (a Timewarrior data line); is this the right file?
admin-import-error-timew-time = { $at }: { $text } is not a Timewarrior time like 20240101T090000Z
admin-import-error-timew-interval-time = { $at }: interval { $index }: { $text } is not a Timewarrior time like 20240101T090000Z
admin-import-error-bartib-line = { $at }: expected `YYYY-MM-DD HH:MM - YYYY-MM-DD HH:MM | project | description` (a bartib line); is this the right file?
admin-import-error-bartib-time = { $at }: { $text } is not a time like 2024-01-15 09:00
admin-import-error-toggl-columns = { $at }: wrong columns: { $missing } missing; expected a Toggl Track detailed CSV export with { $required }
admin-import-error-toggl-start = { $at }: start { $date } { $time } is not a date and time like 2024-01-15 09:00:00
admin-import-error-toggl-end = { $at }: end { $date } { $time } is not a date and time like 2024-01-15 09:00:00
admin-import-error-toggl-duration = { $at }: Duration { $text } is not a length like 01:30:00
admin-import-error-toggl-api-projects = { $at }: more than { $max } projects; is this the right file?
admin-import-error-toggl-api-start = { $at }: time entry { $index }: start { $text } is not an RFC 3339 time like 2024-01-15T09:00:00Z
admin-import-error-toggl-api-stop = { $at }: time entry { $index }: stop { $text } is not an RFC 3339 time like 2024-01-15T10:30:00Z
admin-import-error-toggl-api-project = { $at }: time entry { $index }: project id { $id } is not in the projects file; export the projects of every workspace the entries use
admin-import-error-clockify-columns = { $at }: wrong columns: { $missing } missing; expected a Clockify detailed report CSV with { $required }
admin-import-error-clockify-first-date = { $at }: { $text } is not a date like 2024-01-15 or 01/15/2024; expected a Clockify detailed report CSV
admin-import-error-clockify-date = { $at }: { $text } is not a { $format } date; this file's first row set the format (dates in one file share one format)
admin-import-error-clockify-time = { $at }: { $text } is not a time like { $example }; this file's first row set the format (times in one file share one format)
admin-import-error-kimai-columns = { $at }: wrong columns: { $missing } missing; expected a Kimai CSV export with Date, Begin, End, Project, Description (and Activity, Tags, Duration)
admin-import-error-kimai-date = { $at }: { $text } is not a date like 2024-01-15
admin-import-error-kimai-begin = { $at }: { $text } is not a time like 09:00
admin-import-error-kimai-end = { $at }: { $text } is not a time like 17:30
admin-import-error-kimai-duration = { $at }: { $text } is not a duration like 1.5 or 1:30
admin-import-error-klog-date = { $at }: { $text } is not a klog date like 2024-01-15; a record starts with its date (is this a .klg file?)
admin-import-error-klog-should-total = { $at }: { $text } after the date is not a should-total like (8h!)
admin-import-error-klog-long-record = { $at }: a record longer than { $max } lines; separate records with a blank line
admin-import-error-klog-unindented = { $at }: a line that is not indented after the entries; indent entries, and leave a blank line before the next record
admin-import-error-klog-indent = { $at }: entries are indented by a tab, or 2 to 4 spaces
admin-import-error-klog-indented-twice = { $at }: a line indented twice before any entry; entries are indented once
admin-import-error-klog-indent-differs = { $at }: the indentation differs from the record's first entry; use the same within a record
admin-import-error-klog-second-open = { $at }: a second open range in one record (the first is on line { $first }); klog allows one
admin-import-error-klog-breaks = { $at }: the record's breaks (negative durations) are longer than its entries; otium cannot store a negative total
admin-import-error-klog-outside = { $at }: an indented line outside a record; a record starts with a date like 2024-01-15
admin-import-error-klog-not-range = { $at }: { $text } is a time but not a range; write `9:00 - 10:30` or `9:00 - ?`
admin-import-error-klog-open-end = { $at }: an open range ends in `?` and then a space
admin-import-error-klog-range-end = { $at }: { $text } is not a time like 17:30, 5:30pm or 0:30> (the range's end)
admin-import-error-klog-range-order = { $at }: the range ends before it starts; klog ranges are in order (write `{ $end }>` for the next day)
admin-import-error-klog-entry = { $at }: { $text } is not a klog entry: expected a range (9:00 - 10:30), an open range (9:00 - ?) or a duration (1h30m)
admin-import-error-otium-columns = { $at }: wrong columns: { $missing } missing; expected otium's CSV export (id,uuid,project,tags,note,start,end,duration_seconds,zone)
admin-import-error-otium-time = { $at }: { $field ->
        [start] start
       *[end] end
    } { $text } is not an RFC 3339 time like 2026-03-02T09:00:00+01:00
admin-import-error-otium-json-time = { $at }: session { $index }: { $field ->
        [start] start
       *[end] end
    } { $text } is not an RFC 3339 time like 2026-03-02T09:00:00+01:00
admin-import-error-otium-leap = { $at }: { $field ->
        [start] start
       *[end] end
    } { $text } names a leap second (:60); use :59 or the next minute
admin-import-error-otium-json-leap = { $at }: session { $index }: { $field ->
        [start] start
       *[end] end
    } { $text } names a leap second (:60); use :59 or the next minute
admin-import-error-otium-zone = { $at }: unknown time zone { $text }; use an IANA name like Europe/Berlin or America/New_York
admin-import-error-otium-json-zone = { $at }: session { $index }: unknown time zone { $text }; use an IANA name like Europe/Berlin or America/New_York
admin-import-imported = Imported { $count } session(s) ({ $duration }) from { $file } ({ $format } format); read { $read } record(s).
admin-import-would-import = Dry run, nothing written: would import { $count } session(s) ({ $duration }) from { $file } ({ $format } format); read { $read } record(s).
admin-import-updated = Updated: { $count }.
admin-import-already-present = Already present: { $count }.
admin-import-gone-removed = No longer in the source: { $count } (removed, --sync-deletes).
admin-import-gone-would-remove = No longer in the source: { $count } (would be removed, --sync-deletes).
admin-import-gone-kept = No longer in the source: { $count } (kept; --sync-deletes removes them).
admin-import-tag-projects = Tags that became projects: { $tags } (--project-tags LIST|first|none to choose).
admin-import-skipped = Skipped: { $count }.
admin-import-reason = { $count } { $reason }:
admin-import-reason-running = still running in the source
admin-import-reason-zero-length = zero length
admin-import-reason-overlap = overlapping another session
admin-import-more = … and { $count } more
admin-import-local-times-tz = Local times were read in { $zone } (from --tz).
admin-import-local-times-yours = Local times were read in { $zone } (your zone; --tz ZONE to change).
admin-import-zone-tz = Sessions are recorded in the zone { $zone } (from --tz).
admin-import-zone-yours = Sessions are recorded in the zone { $zone } (your zone; --tz ZONE to change).
admin-import-more-notes = { $count } more notes like these (daylight-saving rules applied, or times that disagree)

## The database and the config file: errors

admin-db-foreign = { $path } is an SQLite database of another program, not otium's; pass --db with another path
admin-db-newer-schema = { $path } has schema version { $version }, newer than this otium understands ({ $latest }); upgrade otium
admin-db-not-sqlite = { $path } is not an SQLite database; pass --db with another path or move the file
admin-db-locked = { $path } is locked by another process; try again when it has finished
admin-db-read-only = { $path } is read-only; make it writable (chmod u+w) or pass --db with a writable copy
admin-no-space = no space left on the device holding { $path }; free some space there (or pass another path) and try again
admin-output-error = cannot write the output: { $error }
admin-output-error-no-space = cannot write the output: { $error }; free some space on the device (or write elsewhere) and try again
admin-config-unreadable = cannot read config { $path }: { $error }; fix the path given by --config or OTIUM_CONFIG
admin-config-bad-line = config { $path }: { $message }; fix or remove that line
admin-config-range-hours = config { $path }: { $key } = { $value } must be between { $min } and { $max } hours; fix or remove that line
admin-config-range-session = config { $path }: max_session_hours = { $value } must be more than 0 and at most 168 hours; fix or remove that line
admin-config-range-away = config { $path }: away_after_minutes = { $value } must be at most 1440 (a day); 0 turns away time off; fix or remove that line
admin-config-range-weeks = config { $path }: limits.average_weeks = { $value } must be between 1 and 52; fix or remove that line
admin-config-range-rest-days = config { $path }: limits.min_rest_days_per_week = { $value } must be between 0 and 7; fix or remove that line
admin-config-unknown-key = config { $path }: line { $line }: { $table ->
        [limits] limits:{" "}
       *[other] {""}
    }unknown field `{ $key }`, expected one of { $expected }; fix or remove that line

## otium backup, man, timew: errors

admin-backup-exists = { $path } already exists; give another FILE or move the old one away
admin-backup-names-taken = { $path } and 99 names after it are taken; give a FILE
admin-backup-cannot-write = cannot write the backup { $path }: { $error }; check free space and the folder's permissions
admin-man-not-a-folder = --dir { $path } is not a folder; give a folder for the pages
admin-man-cannot-create = cannot create { $path }: { $error }; check the path and its permissions
admin-timew-bad-range = Timewarrior's report range { $stamp } is not a time like 20240101T090000Z
admin-timew-cannot-read = cannot read Timewarrior's input on stdin: { $error }
admin-timew-no-header = stdin ended before the blank line after Timewarrior's configuration; --timew reads what Timewarrior gives a report extension (run it as `timew report otium`)
admin-completions-none = no completions for { $shell }
admin-demo-no-folder = cannot create a demo folder: { $error }
