# otium：doctor、backup、import、export、notify、演示数据和数据库的提示。
# 每个键都与 en/admin.ftl 一一对应，且都在 src/ 中用到。
