# otium, --help of otium and of every verb.
# Every key here is also in zh-CN/help.ftl and named by code in src/.
