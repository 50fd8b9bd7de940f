# otium, otium sync: init, sync, status, conflicts.
# Every key here is also in zh-CN/sync.ftl and named by code in src/.

sync-report-conflicts = This range includes { $count } unresolved sync conflict(s) (overlapping sessions from two devices, both counted); `otium sync status` lists them, `otium edit` or `otium rm` resolves them.
sync-git-failed = { $why }; nothing is lost: your records stay in this database and the folder, and go out at the next `otium sync`
sync-git-cannot-run = cannot run git ({ $error }); install git or sync the folder another way
sync-git-step-failed = git { $command } failed: { $why }
sync-joined = This database is now device { $name } ({ $id }) of { $dir }.
sync-done = Wrote { $written } record(s); applied { $applied } from other devices ({ $changed } session(s) changed here).
sync-stopped = Stopped { $count } running session(s): another device started a later one.
sync-not-applied-yet = Not applied yet: { $file } ({ $why }).
sync-conflicts-found = { $count } conflict(s): overlapping sessions, both kept; `otium sync status` lists them, `otium edit` or `otium rm` resolves them.
sync-status-folder = Sync folder: { $dir }
sync-status-unnamed = (unnamed)
sync-status-this-device = { $name } { $id } (this device): { $records } record(s), last { $last }
sync-status-this-device-empty = { $name } { $id } (this device): { $records } record(s), last no records yet
sync-status-device = { $name } { $id }: { $records } record(s), last { $last }
sync-status-device-empty = { $name } { $id }: { $records } record(s), last no records yet
sync-status-gap = records { $first } to { $last } missing (still on the way?)
sync-status-pending = Pending here: { $count } change(s) not yet in the folder
sync-status-pending-run = Pending here: { $count } change(s) not yet in the folder; run `otium sync`
sync-status-not-applied = Not applied: { $file } ({ $why })
sync-status-no-conflicts = No conflicts.
sync-status-conflict = Conflict: these sessions overlap (both kept; edit or rm one):
sync-status-side = session { $id } ({ $project }, { $start } to { $end }) { $uuid }
sync-status-now = now

## otium doctor: the sync folder's checks (names, then findings)

sync-doctor-check-folder = sync folder
sync-doctor-check-files = sync files
sync-doctor-check-devices = sync devices
sync-doctor-check-tails = sync tails
sync-doctor-check-sequence = sync sequence
sync-doctor-check-clock = sync clock
sync-doctor-settings-unreadable = cannot read the sync settings: { $error }
sync-doctor-folder-missing = { $error }; mount or restore the folder, or join another with `otium sync init DIR` on a new database
sync-doctor-folder-ok = { $dir } (this device: { $device })
sync-doctor-files-ok = only otium's files
sync-doctor-files-unknown = { $count } file(s) otium did not write: { $list }{ $more ->
        [none] {""}
       *[other] {" "}and { $more } more
    }; a sync tool's conflicted copy or a stray file — otium ignores them, remove them from { $dir }
sync-doctor-devices-ok = each device writes only its own folder
sync-doctor-devices-foreign = { $count } segment(s) hold another device's records: { $list }{ $more ->
        [none] {""}
       *[other] {" "}and { $more } more
    }; two databases share one device id (a copied database?) — give one of them a new device with `otium sync init DIR` on a fresh database
sync-doctor-tails-ok = every segment is whole
sync-doctor-tails-damaged = { $count } segment(s) truncated or damaged, not applied: { $list }{ $more ->
        [none] {""}
       *[other] {" "}and { $more } more
    }; a sync tool still delivering them, or a broken copy — wait for the sync tool, then run `otium sync`
sync-doctor-sequence-ok = no device's records are missing
sync-doctor-sequence-gaps = missing records { $list }{ $more ->
        [none] {""}
       *[other] {" "}and { $more } more
    }; still on the way, or deleted from the folder — let the sync tool finish; records after a gap are applied anyway
sync-doctor-clock-ok = no device's clock runs ahead
sync-doctor-clock-ahead = the clock of { $list }{ $more ->
        [none] {""}
       *[other] {" "}and { $more } more
    } ran more than a day ahead of this machine's: its changes win over later ones made elsewhere; set its clock right

## Automatic sync ([sync] auto = true)

sync-auto-failed = automatic sync failed: { $why }; nothing is lost: the change is kept in this database and goes out at the next sync

## The TUI: records from other devices, and the conflicts notice

sync-tui-applied = Synced: { $count } session(s) changed by other devices.
sync-tui-conflicts = { $count } sync conflict(s): both sessions kept; edit or delete one · z hides
sync-tui-conflict-side = session { $id } { $project } { $from }–{ $to }
sync-tui-conflict-sides = { $day }: { $a } overlaps { $b }
sync-tui-conflict-more = {" "}(+{ $count } more: otium sync status)
sync-key-hide-conflicts = hide the sync conflicts notice (until they change)

## Why a file in the sync folder is not applied

sync-why-not-segment-name = not a segment name
sync-why-unreadable = unreadable ({ $error })
sync-why-no-newline = incomplete (no final newline yet)
sync-why-bad-line = line { $line }: { $why }
sync-why-foreign = line { $line }: a record of device { $other } in the folder of { $device }
sync-why-sequence = line { $line }: sequence number { $seq } where { $expected } belongs
sync-why-incomplete = incomplete: records { $first } to { $got } of { $first } to { $last }
sync-why-not-device = not a device folder
sync-why-unreadable-folder = unreadable folder
sync-why-temp = being written (a temp file)
sync-why-not-segment = not a segment file
sync-why-unknown-zone = unknown zone { $zone }; update otium
sync-doctor-file-why = { $file } ({ $why })

## Errors of sync init and sync

sync-error-io = cannot { $what ->
        [create] create
        [read] read
        [write-in] write in
       *[write] write
    } { $path }: { $error }
sync-error-not-set-up = this database is not part of a sync folder
sync-error-already = this database already syncs through { $dir } as device { $name } ({ $device }); run `otium sync`
sync-error-not-a-folder = { $path } is not a folder; give the folder to sync through
sync-error-device-name = a device name cannot hold control characters; give a plain name
