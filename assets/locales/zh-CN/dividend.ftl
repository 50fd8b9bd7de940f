# otium：闲暇红利：各个视图、输入、假设和说明。
# 每个键都与 en/dividend.ftl 一一对应，且都在 src/ 中用到。
