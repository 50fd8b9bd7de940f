# otium, reports in every format, balance, targets and the working-time limits.
# Every key here is also in zh-CN/reports.ftl and named by code in src/.
