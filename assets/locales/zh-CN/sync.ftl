# otium：otium sync：init、sync、status 和冲突。
# 每个键都与 en/sync.ftl 一一对应，且都在 src/ 中用到。
