# otium：doctor、backup、import、export、notify、演示数据和数据库的提示。
# 每个键都与 en/admin.ftl 一一对应，且都在 src/ 中用到。

## otium doctor：报告

admin-doctor-database = 数据库          { $path }
admin-doctor-config = 配置文件        { $path }
admin-doctor-no-config = （无）
admin-doctor-sqlite = SQLite 版本     { $version }
admin-doctor-file-system = 文件系统        { $name }
admin-doctor-schema = 数据库结构版本  { $version }（本版 otium：{ $latest }）
admin-doctor-mark-ok = 正常
admin-doctor-mark-warn = 注意
admin-doctor-mark-fail = 出错
admin-doctor-passed = 全部检查通过。
admin-doctor-problems = doctor 发现 { $count } 个问题：{ $names }；报告里每一行都写了怎么处理

## otium doctor：每项检查的结果

admin-doctor-fs-local = { $name }（本地）
admin-doctor-fs-network = { $name }：网络或 FUSE 文件系统，SQLite 的文件锁和预写日志在上面不安全；请把数据库移到本地磁盘
admin-doctor-journal-not-wal = { $mode }，不是 wal；在可写的文件上执行任意一次 otium 写入（例如 `otium status`）即可切换
admin-doctor-synchronous-not-full = { $mode }，不是 full：断电时可能丢失已提交的改动；请报告这个问题
admin-doctor-schema-latest = { $version }（最新）
admin-doctor-schema-other = { $version }，本版 otium 写的是 { $latest }；请用版本相符的 otium 打开
admin-doctor-app-id-otium = { $id }（otium）
admin-doctor-app-id-other = { $id }，不是 otium 的数据库；请用 --db 指定 otium 的数据库
admin-doctor-integrity-ok = { $pragma }：正常
admin-doctor-integrity-found = { $pragma } 发现 { $count } 个问题，第一个：{ $first }；请恢复备份（`otium backup` 可以做备份），或用 `sqlite3 DB .recover` 抢救
admin-doctor-integrity-failed = { $pragma } 没能完成：{ $error }；请恢复备份，或用 `sqlite3 DB .recover` 抢救
admin-doctor-totals-ok = 各项目的合计与记录一致
admin-doctor-totals-bad = 有 { $count } 个项目保存的合计与记录对不上（第一个：项目 { $project }，保存的是{ $stored_sessions ->
        [none] 无
       *[other] { " " }{ $stored_sessions } 条、{ $stored_seconds } 秒
    }，重新数出的是{ $counted_sessions ->
        [none] 无
       *[other] { " " }{ $counted_sessions } 条、{ $counted_seconds } 秒
    }）；用 `otium doctor --fix` 重建
admin-doctor-totals-unreadable = 无法核对各项目的合计：{ $error }；请运行 `otium doctor --fix`
admin-doctor-rebuilt-totals = 已重建各项目的合计（有 { $count } 个项目不对）
admin-doctor-fk-ok = 没有悬空的引用
admin-doctor-fk-found = { $count } 处悬空的引用，第一处：{ $first }；请恢复备份
admin-doctor-fk-failed = foreign_key_check 没能完成：{ $error }；请恢复备份
admin-doctor-running-ok = 正在计时的记录：{ $count } 条
admin-doctor-running-many = 有 { $count } 条记录同时在计时（编号 { $ids }）；用 `otium edit 编号 --to 时间` 只留一条
admin-doctor-cannot-read = 读不了记录：{ $error }
admin-doctor-ends-ok = 每条记录的结束时间都晚于开始时间
admin-doctor-ends-bad = { $count } 条记录的结束时间不晚于开始时间（编号 { $ids }）；用 `otium edit 编号 --to 时间` 或 `otium rm 编号` 改正
admin-doctor-overlaps-ok = 没有相互重叠的记录
admin-doctor-overlaps-bad = { $count } 条记录与更早的记录重叠（编号 { $ids }）；用 `otium edit` 或 `otium rm` 改正
admin-doctor-leftovers-ok = 没有遗留的临时文件
admin-doctor-leftovers-found = { $dir } 里有 { $count } 个中断的备份或导出留下的临时文件：{ $files }；可以删掉（otium 从不读它们）
admin-doctor-modes-unreadable = 读不了 { $path }：{ $error }；请检查路径
admin-doctor-modes-open = 同组或其他用户可以读取：{ $entries }；请运行 `chmod 600 { $names }`

## otium doctor：各项检查的名称

admin-doctor-check-file-modes = 文件权限
admin-doctor-check-config-file = 配置文件
admin-doctor-check-file-system = 文件系统
admin-doctor-check-leftovers = 临时文件
admin-doctor-check-journal-mode = 日志模式
admin-doctor-check-synchronous = 同步写入
admin-doctor-check-schema-version = 结构版本
admin-doctor-check-application-id = 应用标识
admin-doctor-check-integrity = 完整性
admin-doctor-check-foreign-keys = 外键
admin-doctor-check-running = 正在计时
admin-doctor-check-end-after-start = 结束晚于开始
admin-doctor-check-overlaps = 记录重叠
admin-doctor-check-project-totals = 项目合计

## otium doctor：配置文件（仅供参考）

admin-doctor-config-symlink = { $path } 是指向 { $target } 的符号链接（otium 会跟随它；请确认它指向的位置由你掌控）
admin-doctor-config-writable = { $path } 其他用户可写（{ $mode }）：谁都能改你的设置；请运行 `chmod o-w { $path }`
admin-doctor-config-readable = { $path } 同组或其他用户可读（{ $mode }）；没关系，里面没有机密（想保密可运行 `chmod 600 { $path }`）
admin-doctor-config-symlink-writable = { $path } 是指向 { $target } 的符号链接（otium 会跟随它；请确认它指向的位置由你掌控）；而且其他用户可写（{ $mode }）：谁都能改你的设置；请运行 `chmod o-w { $path }`
admin-doctor-config-symlink-readable = { $path } 是指向 { $target } 的符号链接（otium 会跟随它；请确认它指向的位置由你掌控）；而且同组或其他用户可读（{ $mode }）；没关系，里面没有机密（想保密可运行 `chmod 600 { $path }`）
admin-doctor-passed-one-warning = 没有发现问题（上面有 1 条注意事项）。
admin-doctor-passed-warnings = 没有发现问题（上面有 { $count } 条注意事项）。

## otium backup、man、paths、export

admin-backup-done = 已把 { $database } 备份到 { $backup }（{ $kib } KiB）。
admin-backup-restore = 恢复方法：退出 otium，把 { $database } 及其 -wal/-shm 文件移到别处，再把备份复制为 { $database }。
admin-man-wrote = 已写入 { $path }
admin-paths-database = 数据库    { $path }
admin-paths-config = 配置文件  { $path }
admin-paths-not-created = （尚未创建）
admin-paths-none = （无）
admin-export-altered = { $count } 条记录的备注或项目里有换行或该格式容纳不了的字符，已写成空格或 ','
admin-export-running-left-out = 有 { $count } 条正在计时的记录没有导出：Toggl 的 CSV 不收正在计时的条目；请在 `otium stop` 之后重新导出

## otium import：导入摘要

admin-import-error-unreadable = 读不了 { $file }：{ $error }；请检查这个文件
admin-import-error-unreadable-path = 读不了 { $file }：{ $error }；请检查路径
admin-import-error-json = { $at }：JSON 格式有误：{ $what }；请修正文件，或重新导出一次
admin-import-error-json-element = { $at }：JSON 数组里有一项超过了 { $max }，这不是工时记录的导出文件（请检查文件）
admin-import-error-utf8 = { $at }：不是有效的 UTF-8（字节 0x{ $byte }）；请把文件另存为 UTF-8 编码（例如 `iconv -f latin1 -t utf-8`）
admin-import-error-utf8-cut = { $at }：文件在一个 UTF-8 字符中间就结束了（文件不完整？）
admin-import-error-long-json = { $at }：有一个 JSON 字符串或数字超过了 1 MiB，这不是工时记录的导出文件（请检查文件）
admin-import-error-long-csv = { $at }：有一条 CSV 记录超过了 1 MiB，这不是工时记录的导出文件（请检查文件）
admin-import-error-long-line = { $at }：有一行超过了 1 MiB，这不是工时记录的导出文件（请检查文件）
admin-import-error-csv-fields = { $at }：CSV 格式有误：这一行有 { $len } 个字段，表头却有 { $expected } 个；含逗号的字段要加引号，或重新导出一次
admin-import-error-timeclock-line = { $at }：这里应是 `i 日期 时间 账户` 或 `o 日期 时间`（timeclock 的一行）；是不是选错了文件？
admin-import-error-timeclock-date = { $at }：{ $text } 不是日期，应写成 2024/01/15 或 2024-01-15
admin-import-error-timeclock-time = { $at }：{ $text } 不是时间，应写成 09:00 或 09:00:00（各两位数字，可带 +HHMM）
admin-import-error-timeclock-offset = { $at }：{ $text } 的时差不可能存在
admin-import-error-timeclock-account = { $at }：打卡上班（i）要在时间后写账户，例如 `i 2024/01/15 09:00 client:acme`
admin-import-error-timeclock-open = { $at }：同时打卡上班的记录超过了 { $max } 条；是不是选错了文件？
admin-import-error-timeclock-out = { $at }：这条打卡下班（o）前面没有打卡上班；请在它之前补上 `i` 行
admin-import-error-timeclock-out-of = { $at }：{ $account } 打卡下班了，但它并没有打卡上班；请在它之前补上它的 `i` 行
admin-import-error-date-range = { $at }：日期 { $date } 早于 1970 年或晚于 2100 年；请在源文件里改正
admin-import-error-ends-before = { $at }：这条记录的结束早于开始（{ $start } 到 { $end }，{ $zone }）；请在源文件里改正时间
admin-import-error-future = { $at }：这条记录结束在将来（{ $end }，{ $zone }；现在是 { $now }）；请在源文件里改正时间
admin-import-error-too-long = { $at }：这条记录长达 { $duration }，超过 7 天（{ $start } 到 { $end }，{ $zone }）；如果确实如此，请加 --allow-long
admin-import-error-folder-unreadable = 读不了文件夹 { $dir }：{ $error }；请检查路径
admin-import-error-timew-empty = { $dir } 里没有 YYYY-MM.data 文件；请给出 Timewarrior 的数据文件夹（例如 ~/.timewarrior/data）或 `timew export` 的 JSON
admin-import-error-timew-line = { $at }：这里应是 `inc 开始 - 结束 # 标签`（Timewarrior 数据文件的一行）；是不是选错了文件？
admin-import-error-timew-time = { $at }：{ $text } 不是 Timewarrior 的时间，应写成 20240101T090000Z 这样
admin-import-error-timew-interval-time = { $at }：第 { $index } 段：{ $text } 不是 Timewarrior 的时间，应写成 20240101T090000Z 这样
admin-import-error-bartib-line = { $at }：这里应是 `YYYY-MM-DD HH:MM - YYYY-MM-DD HH:MM | 项目 | 说明`（bartib 的一行）；是不是选错了文件？
admin-import-error-bartib-time = { $at }：{ $text } 不是时间，应写成 2024-01-15 09:00 这样
admin-import-error-toggl-columns = { $at }：列不对：缺少 `{ $missing }`；这里应是 Toggl 的详细 CSV 导出，含 `{ $required }` 这些列
admin-import-error-toggl-start = { $at }：开始 { $date } { $time } 不是日期时间，应写成 2024-01-15 09:00:00 这样
admin-import-error-toggl-end = { $at }：结束 { $date } { $time } 不是日期时间，应写成 2024-01-15 09:00:00 这样
admin-import-error-toggl-duration = { $at }：`Duration` 列的 { $text } 不是时长，应写成 01:30:00 这样
admin-import-error-toggl-api-projects = { $at }：项目超过了 { $max } 个；是不是选错了文件？
admin-import-error-toggl-api-start = { $at }：第 { $index } 条记录：开始时间 { $text } 不是 RFC 3339 时间，应写成 2024-01-15T09:00:00Z 这样
admin-import-error-toggl-api-stop = { $at }：第 { $index } 条记录：结束时间 { $text } 不是 RFC 3339 时间，应写成 2024-01-15T10:30:00Z 这样
admin-import-error-toggl-api-project = { $at }：第 { $index } 条记录：项目编号 { $id } 不在项目文件里；请把这些记录用到的每个工作区的项目都导出来
admin-import-error-clockify-columns = { $at }：列不对：缺少 `{ $missing }`；这里应是 Clockify 详细报表的 CSV，含 `{ $required }` 这些列
admin-import-error-clockify-first-date = { $at }：{ $text } 不是日期，应写成 2024-01-15 或 01/15/2024 这样；这里应是 Clockify 详细报表的 CSV
admin-import-error-clockify-date = { $at }：{ $text } 不是 { $format } 格式的日期；日期格式由文件第一行决定（同一文件里的日期格式须一致）
admin-import-error-clockify-time = { $at }：{ $text } 不是时间，应写成 { $example } 这样；时间格式由文件第一行决定（同一文件里的时间格式须一致）
admin-import-error-kimai-columns = { $at }：列不对：缺少 `{ $missing }`；这里应是 Kimai 导出的 CSV，含 `Date, Begin, End, Project, Description` 这些列（以及 `Activity, Tags, Duration`）
admin-import-error-kimai-date = { $at }：{ $text } 不是日期，应写成 2024-01-15 这样
admin-import-error-kimai-begin = { $at }：{ $text } 不是时间，应写成 09:00 这样
admin-import-error-kimai-end = { $at }：{ $text } 不是时间，应写成 17:30 这样
admin-import-error-kimai-duration = { $at }：{ $text } 不是时长，应写成 1.5 或 1:30 这样
admin-import-error-klog-date = { $at }：{ $text } 不是 klog 的日期，应写成 2024-01-15 这样；每条记录以日期开头（是不是选错了文件？klog 文件以 .klg 结尾）
admin-import-error-klog-should-total = { $at }：日期后的 { $text } 不是应计工时，应写成 (8h!) 这样
admin-import-error-klog-long-record = { $at }：一条记录超过了 { $max } 行；记录之间请空一行
admin-import-error-klog-unindented = { $at }：条目之后出现了没有缩进的行；条目要缩进，下一条记录之前要空一行
admin-import-error-klog-indent = { $at }：条目的缩进应是一个制表符，或 2 到 4 个空格
admin-import-error-klog-indented-twice = { $at }：还没有条目，就出现了缩进两层的行；条目只缩进一层
admin-import-error-klog-indent-differs = { $at }：缩进和这条记录的第一个条目不同；同一条记录里请用同样的缩进
admin-import-error-klog-second-open = { $at }：一条记录里出现了第二个未结束的时间段（第一个在第 { $first } 行）；klog 只允许一个
admin-import-error-klog-breaks = { $at }：这条记录的休息（负时长）比它的条目还长；otium 存不了负的合计
admin-import-error-klog-outside = { $at }：记录之外出现了缩进的行；每条记录以日期开头，例如 2024-01-15
admin-import-error-klog-not-range = { $at }：{ $text } 是时间，但不是时间段；请写成 `9:00 - 10:30` 或 `9:00 - ?`
admin-import-error-klog-open-end = { $at }：未结束的时间段以 `?` 结尾，后面要跟一个空格
admin-import-error-klog-range-end = { $at }：{ $text } 不是时间段的结束时间，应写成 17:30、5:30pm 或 0:30> 这样
admin-import-error-klog-range-order = { $at }：时间段的结束早于开始；klog 的时间段要按先后写（跨到第二天请写 `{ $end }>`）
admin-import-error-klog-entry = { $at }：{ $text } 不是 klog 的条目：应是时间段（9:00 - 10:30）、未结束的时间段（9:00 - ?）或时长（1h30m）
admin-import-error-otium-columns = { $at }：列不对：缺少 `{ $missing }`；这里应是 otium 导出的 CSV（`id,uuid,project,tags,note,start,end,duration_seconds,zone`）
admin-import-error-otium-time = { $at }：{ $field ->
        [start] 开始
       *[end] 结束
    }时间 { $text } 不是 RFC 3339 时间，应写成 2026-03-02T09:00:00+01:00 这样
admin-import-error-otium-json-time = { $at }：第 { $index } 条记录：{ $field ->
        [start] 开始
       *[end] 结束
    }时间 { $text } 不是 RFC 3339 时间，应写成 2026-03-02T09:00:00+01:00 这样
admin-import-error-otium-leap = { $at }：{ $field ->
        [start] 开始
       *[end] 结束
    }时间 { $text } 是闰秒（:60）；请改用 :59 或下一分钟
admin-import-error-otium-json-leap = { $at }：第 { $index } 条记录：{ $field ->
        [start] 开始
       *[end] 结束
    }时间 { $text } 是闰秒（:60）；请改用 :59 或下一分钟
admin-import-error-otium-zone = { $at }：不认识的时区 { $text }；请用标准时区名，例如 Asia/Shanghai 或 Europe/Berlin
admin-import-error-otium-json-zone = { $at }：第 { $index } 条记录：不认识的时区 { $text }；请用标准时区名，例如 Asia/Shanghai 或 Europe/Berlin
admin-import-imported = 已从 { $file }（{ $format } 格式）导入 { $count } 条记录（{ $duration }）；共读取 { $read } 条。
admin-import-would-import = 试运行，什么也没写：将从 { $file }（{ $format } 格式）导入 { $count } 条记录（{ $duration }）；共读取 { $read } 条。
admin-import-updated = 已更新：{ $count } 条。
admin-import-already-present = 已存在：{ $count } 条。
admin-import-gone-removed = 来源里已没有：{ $count } 条（已删除，--sync-deletes）。
admin-import-gone-would-remove = 来源里已没有：{ $count } 条（将删除，--sync-deletes）。
admin-import-gone-kept = 来源里已没有：{ $count } 条（已保留；加 --sync-deletes 会删除）。
admin-import-tag-projects = 作为项目的标签：{ $tags }（用 --project-tags LIST|first|none 选择）。
admin-import-skipped = 跳过：{ $count } 条。
admin-import-reason = { $count } 条{ $reason }：
admin-import-reason-running = 在来源里仍在计时
admin-import-reason-zero-length = 时长为零
admin-import-reason-overlap = 与另一条记录重叠
admin-import-more = ……还有 { $count } 条
admin-import-local-times-tz = 本地时间按 { $zone } 读取（来自 --tz）。
admin-import-local-times-yours = 本地时间按 { $zone } 读取（你的时区；用 --tz 时区 可以更改）。
admin-import-zone-tz = 记录按时区 { $zone } 保存（来自 --tz）。
admin-import-zone-yours = 记录按时区 { $zone } 保存（你的时区；用 --tz 时区 可以更改）。
admin-import-more-notes = 还有 { $count } 条类似的说明（用了夏令时规则，或时间对不上）

## 数据库和配置文件：错误

admin-db-foreign = { $path } 是别的程序的 SQLite 数据库，不是 otium 的；请用 --db 指定另一个路径
admin-db-newer-schema = { $path } 的数据库结构版本是 { $version }，比这个 otium 能读的（{ $latest }）更新；请升级 otium
admin-db-not-sqlite = { $path } 不是 SQLite 数据库；请用 --db 指定另一个路径，或把这个文件移走
admin-db-locked = { $path } 正被另一个进程锁住；请等它完成后再试
admin-db-read-only = { $path } 是只读文件；请把它改成可写（chmod u+w），或用 --db 指定一个可写的副本
admin-no-space = { $path } 所在的磁盘没有空间了；请腾出一些空间（或换一个路径）后再试
admin-output-error = 写入输出失败：{ $error }
admin-output-error-no-space = 写入输出失败：{ $error }；磁盘空间不足，请腾出一些空间（或换个地方写）后再试
admin-config-unreadable = 读不了配置文件 { $path }：{ $error }；请改正 --config 或 OTIUM_CONFIG 给出的路径
admin-config-bad-line = 配置文件 { $path }：{ $message }；请改正或删掉这一行
admin-config-range-hours = 配置文件 { $path }：{ $key } = { $value } 不在允许范围内，须在 { $min } 到 { $max } 小时之间；请改正或删掉这一行
admin-config-range-session = 配置文件 { $path }：max_session_hours = { $value } 须大于 0 且不超过 168 小时；请改正或删掉这一行
admin-config-range-away = 配置文件 { $path }：away_after_minutes = { $value } 最多为 1440（一天）；设为 0 则不记离开时间；请改正或删掉这一行
admin-config-range-weeks = 配置文件 { $path }：limits.average_weeks = { $value } 须在 1 到 52 之间；请改正或删掉这一行
admin-config-range-rest-days = 配置文件 { $path }：limits.min_rest_days_per_week = { $value } 须在 0 到 7 之间；请改正或删掉这一行
admin-config-unknown-key = 配置文件 { $path } 第 { $line } 行：{ $table ->
        [limits] {"[limits]"} 表中
       *[other] {""}
    }没有 `{ $key }` 这个设置项，可用的有 { $expected }；请改正或删掉这一行

## otium backup、man、timew：错误

admin-backup-exists = { $path } 已经存在；请换一个文件名，或先把旧文件移走
admin-backup-names-taken = { $path } 及其后 99 个文件名都已被占用；请指定一个文件
admin-backup-cannot-write = 写不了备份 { $path }：{ $error }；请检查剩余空间和文件夹的权限
admin-man-not-a-folder = --dir { $path } 不是文件夹；请给一个放手册页的文件夹
admin-man-cannot-create = 创建不了 { $path }：{ $error }；请检查路径和权限
admin-timew-bad-range = Timewarrior 给的报表范围 { $stamp } 不是 20240101T090000Z 这样的时间
admin-timew-cannot-read = 读不了 Timewarrior 从 stdin 传来的内容：{ $error }
admin-timew-no-header = stdin 在 Timewarrior 配置后的空行之前就结束了；--timew 读的是 Timewarrior 交给报表扩展的内容（请以 `timew report otium` 运行）
admin-completions-none = 没有 { $shell } 的补全脚本
admin-demo-no-folder = 创建不了演示数据用的临时文件夹：{ $error }
