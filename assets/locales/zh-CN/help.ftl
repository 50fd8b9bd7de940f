# otium：otium 和每个命令的 --help。
# 每个键都与 en/help.ftl 一一对应，且都在 src/ 中用到。
