# otium：otium sync：init、sync、status 和冲突。
# 每个键都与 en/sync.ftl 一一对应，且都在 src/ 中用到。

sync-report-conflicts = 本报表范围内有 { $count } 处未解决的同步冲突（两台设备的记录时间重叠，工时都已计入）；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。
sync-git-failed = { $why }；数据没有丢失：记录仍保存在本机数据库和同步文件夹中，下次运行 `otium sync` 时再同步
sync-joined = 本数据库现在是 { $dir } 中的设备 { $name }（{ $id }）。
sync-done = 写入 { $written } 条同步记录；应用了其他设备的 { $applied } 条（本机有 { $changed } 条记录随之改变）。
sync-stopped = 停止计时 { $count } 条记录：另一台设备之后开始了新的计时。
sync-not-applied-yet = 暂未应用：{ $file }（{ $why }）。
sync-conflicts-found = { $count } 处冲突：记录时间重叠，两条都已保留；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。
sync-status-folder = 同步文件夹：{ $dir }
sync-status-unnamed = （未命名）
sync-status-this-device = { $name } { $id }（本机）：{ $records } 条同步记录，最近一条在 { $last }
sync-status-this-device-empty = { $name } { $id }（本机）：{ $records } 条同步记录，还没有记录
sync-status-device = { $name } { $id }：{ $records } 条同步记录，最近一条在 { $last }
sync-status-device-empty = { $name } { $id }：{ $records } 条同步记录，还没有记录
sync-status-gap = 缺少第 { $first } 到第 { $last } 条（可能还在传输中）
sync-status-pending = 本机待写入：{ $count } 项改动尚未写入同步文件夹
sync-status-pending-run = 本机待写入：{ $count } 项改动尚未写入同步文件夹；请运行 `otium sync`
sync-status-not-applied = 未应用：{ $file }（{ $why }）
sync-status-no-conflicts = 没有冲突。
sync-status-conflict = 冲突：以下记录时间重叠（两条都已保留；用 edit 或 rm 处理其中一条）：
sync-status-side = 记录 { $id }（{ $project }，{ $start } 至 { $end }）{ $uuid }
sync-status-now = 现在
