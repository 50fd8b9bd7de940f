# otium：记录类命令：start、stop、add、edit、rm、undo、continue、cancel、log、projects、tags、project、output、away。
# 每个键都与 en/capture.ftl 一一对应，且都在 src/ 中用到。
