# otium：otium sync：init、sync、status 和冲突。
# 每个键都与 en/sync.ftl 一一对应，且都在 src/ 中用到。

sync-report-conflicts = 本报表范围内有 { $count } 处未解决的同步冲突（两台设备的记录时间重叠，工时都已计入）；运行 `otium sync status` 查看，用 `otium edit` 或 `otium rm` 解决。
sync-git-failed = { $why }；数据没有丢失：记录仍保存在本机数据库和同步文件夹中，下次运行 `otium sync` 时再同步
sync-git-cannot-run = 无法运行 git（{ $error }）；请安装 git，或换一种方式同步这个文件夹
sync-git-step-failed = git { $command } 失败：{ $why }
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

## otium doctor：同步文件夹的检查（先是名称，再是结果）

sync-doctor-check-folder = 同步文件夹
sync-doctor-check-files = 同步文件
sync-doctor-check-devices = 同步设备
sync-doctor-check-tails = 同步文件完整性
sync-doctor-check-sequence = 同步记录序号
sync-doctor-check-clock = 设备时钟
sync-doctor-settings-unreadable = 读不出同步设置：{ $error }
sync-doctor-folder-missing = { $error }；请挂载或恢复这个文件夹，或者在一个新数据库上用 `otium sync init 目录` 加入另一个文件夹
sync-doctor-folder-ok = { $dir }（本设备：{ $device }）
sync-doctor-files-ok = 只有 otium 自己的文件
sync-doctor-files-unknown = 有 { $count } 个文件不是 otium 写的：{ $list }{ $more ->
        [none] {""}
       *[other] 等（另有 { $more } 个）
    }；可能是同步工具生成的冲突副本或误放的文件，otium 不会读它们，请从 { $dir } 里删掉
sync-doctor-devices-ok = 每台设备只写自己的文件夹
sync-doctor-devices-foreign = 有 { $count } 个数据段里是别的设备的记录：{ $list }{ $more ->
        [none] {""}
       *[other] 等（另有 { $more } 个）
    }；两个数据库用了同一个设备编号（是不是复制过数据库？），请在一个新数据库上用 `otium sync init 目录` 给其中一个换一台新设备
sync-doctor-tails-ok = 每个数据段都是完整的
sync-doctor-tails-damaged = 有 { $count } 个数据段不完整或已损坏，暂不应用：{ $list }{ $more ->
        [none] {""}
       *[other] 等（另有 { $more } 个）
    }；可能同步工具还在传，也可能副本坏了。等同步工具传完，再运行 `otium sync`
sync-doctor-sequence-ok = 没有缺失的设备记录
sync-doctor-sequence-gaps = 缺少记录 { $list }{ $more ->
        [none] {""}
       *[other] 等（另有 { $more } 处）
    }；可能还在路上，也可能被从文件夹里删了。等同步工具传完即可，缺口之后的记录照常应用
sync-doctor-clock-ok = 没有设备的时钟走快
sync-doctor-clock-ahead = { $list }{ $more ->
        [none] {""}
       *[other] 等（另有 { $more } 台）
    }的时钟比本机快了一天以上：它的修改会压过别处更晚的修改，请把它的时钟调准

## 自动同步（[sync] auto = true）

sync-auto-failed = 自动同步失败：{ $why }；数据没有丢失：这次改动已保存在本机数据库，下次同步时会写入同步文件夹

## TUI：其他设备的记录与冲突提示

sync-tui-applied = 已同步：其他设备改动了 { $count } 条记录。
sync-tui-conflicts = { $count } 个同步冲突：两条记录均已保留，请编辑或删除其中一条 · 按 z 隐藏
sync-tui-conflict-side = 记录 { $id } { $project } { $from }–{ $to }
sync-tui-conflict-sides = { $day }：{ $a } 与 { $b } 时间重叠
sync-tui-conflict-more = （另有 { $count } 个，见 otium sync status）
sync-key-hide-conflicts = 隐藏同步冲突提示（冲突有变化时再显示）

## 同步文件夹里的文件为何没有应用

sync-why-not-segment-name = 不是分段文件名
sync-why-unreadable = 读不了（{ $error }）
sync-why-no-newline = 不完整（末尾还没有换行，可能还在传输）
sync-why-bad-line = 第 { $line } 行：{ $why }
sync-why-foreign = 第 { $line } 行：设备 { $device } 的文件夹里有设备 { $other } 的记录
sync-why-sequence = 第 { $line } 行：序号是 { $seq }，这里应当是 { $expected }
sync-why-incomplete = 不完整：应有第 { $first } 到第 { $last } 条，只有第 { $first } 到第 { $got } 条
sync-why-not-device = 不是设备文件夹
sync-why-unreadable-folder = 文件夹读不了
sync-why-temp = 正在写入（临时文件）
sync-why-not-segment = 不是分段文件
sync-why-unknown-zone = 不认识时区 { $zone }；请升级 otium
sync-doctor-file-why = { $file }（{ $why }）

## sync init 和 sync 的错误

sync-error-io = 无法{ $what ->
        [create] 创建
        [read] 读取
        [write-in] 写入
       *[write] 写入
    } { $path }：{ $error }
sync-error-not-set-up = 这个数据库还没有加入同步文件夹
sync-error-already = 这个数据库已经通过 { $dir } 同步，设备名 { $name }（{ $device }）；请直接运行 `otium sync`
sync-error-not-a-folder = { $path } 不是文件夹；请给出用来同步的文件夹
sync-error-device-name = 设备名里不能有控制字符；请换一个普通的名字
