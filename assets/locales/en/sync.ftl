# otium, otium sync: init, sync, status, conflicts.
# Every key here is also in zh-CN/sync.ftl and named by code in src/.
