# otium, otium sync: init, sync, status, conflicts.
# Every key here is also in zh-CN/sync.ftl and named by code in src/.

sync-report-conflicts = This range includes { $count } unresolved sync conflict(s) (overlapping sessions from two devices, both counted); `otium sync status` lists them, `otium edit` or `otium rm` resolves them.
