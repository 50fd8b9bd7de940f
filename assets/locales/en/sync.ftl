# otium, otium sync: init, sync, status, conflicts.
# Every key here is also in zh-CN/sync.ftl and named by code in src/.

sync-report-conflicts = This range includes { $count } unresolved sync conflict(s) (overlapping sessions from two devices, both counted); `otium sync status` lists them, `otium edit` or `otium rm` resolves them.
sync-git-failed = { $why }; nothing is lost: your records stay in this database and the folder, and go out at the next `otium sync`
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
