# otium：otium sync：init、sync、status 和冲突。
# 每个键都与 en/sync.ftl 一一对应，且都在 src/ 中用到。

sync-report-conflicts = 本报表范围内有 { $count } 处未解决的同步冲突（两台设备的记录时间重叠，工时都已计入）；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。
sync-git-failed = { $why }；数据没有丢失：记录仍保存在本机数据库和同步文件夹中，下次运行 `otium sync` 时再同步
