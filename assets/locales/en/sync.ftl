# otium, otium sync: init, sync, status, conflicts.
# Every key here is also in zh-CN/sync.ftl and named by code in src/.

sync-report-conflicts = This range includes { $count } unresolved sync conflict(s) (overlapping sessions from two devices, both counted); `otium sync status` lists them, `otium edit` or `otium rm` resolves them.
sync-git-failed = { $why }; nothing is lost: your records stay in this database and the folder, and go out at the next `otium sync`
