# otium, doctor, backup, import, export, notify, the demo and the database's messages.
# Every key here is also in zh-CN/admin.ftl and named by code in src/.
