# otium：各种格式的报表、工时余额、目标和工时上限。
# 每个键都与 en/reports.ftl 一一对应，且都在 src/ 中用到。
