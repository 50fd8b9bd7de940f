# otium：记录类命令：start、stop、add、edit、rm、undo、continue、cancel、log、projects、tags、project、output、away。
# 每个键都与 en/capture.ftl 一一对应，且都在 src/ 中用到。

## start、continue、stop、cancel

capture-start-stopped-old = 已停止计时：{ $label }（记录 { $id }），{ $at } 结束，共 { $elapsed }。
capture-start-dropped = 已丢弃 { $label }（记录 { $id }）：它和新记录在同一秒开始，没有计到时间。
capture-started = 开始计时：{ $label }，{ $at } 起（记录 { $id }）。
capture-stopped = 停止计时：{ $label }（记录 { $id }），{ $span }，共 { $elapsed }。
capture-stop-output = 已登记产出：{ $project } { $amount } { $unit }。
capture-cancelled = 已取消计时：{ $label }（记录 { $id }，{ $at } 开始），这 { $elapsed } 不计入工时。

## add、edit、rm

capture-added = 已补记：{ $label }（记录 { $id }），{ $when } 起，共 { $elapsed }。
capture-edited = 已修改记录 { $id }：{ $changed }
capture-unchanged = 记录 { $id } 没有改动。
capture-rm-line = 记录 { $id }：{ $label }，{ $when }，{ $elapsed }
capture-rm-ask-list = 要删除下面这 { $count } 条记录吗？
capture-rm-ask = 确认删除这 { $count } 条？[y/N]
capture-removed = 已删除{ $line }。
capture-removed-many = 共删除 { $count } 条记录；`otium undo` 可以一次全部恢复。

## `otium edit 编号` 在编辑器里打开的记录（每行都是 TOML 注释）

capture-editor-title = otium 记录 { $id }（{ $zone }）。
capture-editor-save = 保存即生效；原样保存或清空内容则不做任何改动。
capture-editor-times = 时间按本地时间写（YYYY-MM-DD HH:MM）；正在计时的记录 end = ""。

## undo、redo

capture-undid = 已撤销 { $verb }“{ $summary }”。
capture-redid = 已重做 { $verb }“{ $summary }”。
capture-undid-verb = 已撤销上一步：{ $verb }。
capture-redid-verb = 已重做：{ $verb }。
capture-undo-next = （`otium redo` 可以重做。）
capture-redo-next = （`otium undo` 可以再次撤销。）
capture-verb = { $verb ->
        [start] 开始计时
        [stop] 停止计时
        [add] 补记
        [edit] 修改
        [rm] 删除
        [cancel] 取消计时
        [continue] 继续计时
        [import] 导入
       *[other] { $verb }
    }
capture-session-described = 记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）
capture-effect-removed = 删除了{ $session }
capture-effect-restored = 恢复了{ $session }
capture-effect-now = 改回了{ $session }
capture-effect-runs-again = 记录 { $id } 重新开始计时（从 { $since } 起）
capture-effect-count-removed = 删除了 { $count } 条记录
capture-effect-count-restored = 恢复了 { $count } 条记录
capture-effect-count-reset = { $count } 条记录改回了原样
capture-journal-empty = 还没有任何改动，没有可撤销的。
capture-journal-undone = 已撤销
capture-journal-sessions = 涉及 { $count } 条记录

## log、projects、tags

capture-log-empty = 这段时间没有记录。
capture-log-empty-filtered = 这段时间没有符合筛选条件的记录。
capture-log-running = （正在计时）
capture-projects-empty = 还没有项目。用 `otium start 项目` 就会新建一个。
capture-tags-empty = 还没有标签。标签写成 +名称，例如 `otium start 写作 +初稿`。
capture-list-sessions = { $count } 条记录

## project、output、away

capture-project-unit = 项目 { $name } 的产出单位是 { $unit }。
capture-project-no-unit = 项目 { $name } 没有设定产出单位。
capture-project-rate = 项目 { $name } 的时薪是 { $rate }。
capture-project-no-rate = 项目 { $name } 没有设定时薪。
capture-output-recorded = 已登记产出：{ $project } { $amount } { $unit }，时间 { $at }。
capture-output-recorded-session = 已登记产出：{ $project } { $amount } { $unit }，时间 { $at }（记录 { $id }）。
capture-away-cut = 已剪掉离开的 { $span }：记录 { $id }（{ $label }）在 { $at } 结束；记录 { $next } 从 { $from } 接着计时。
capture-away-stopped = 已把记录 { $id }（{ $label }）停在 { $at }，也就是你离开的时候；离开了 { $span }。
capture-away-kept = 离开的 { $span }仍算在记录 { $id }（{ $label }）里。

## 记录类命令的错误

capture-error-no-session = 没有编号为 { $id } 的记录
capture-error-before-1970 = { $what ->
        [start] 开始
        [stop] 停止
        [end] 结束
        [output] 产出
       *[other] { $what }
    }时间 { $at } 早于 1970 年；请检查年份
capture-error-future = { $what ->
        [start] 开始
        [stop] 停止
        [end] 结束
        [output] 产出
       *[other] { $what }
    }时间 { $at } 还没到（现在是 { $now } { $zone }）；请给一个不晚于现在的时间
capture-error-end-not-after-start = 这条记录{ $what ->
        [zero] 时长为零
       *[backwards] 结束得比开始还早
    }（{ $start } 到 { $end } { $zone }）；结束时间要晚于开始时间
capture-error-overlap = { $what ->
        [new] 新记录
        [rest] 记录剩下的部分
       *[other] 记录 { $what }
    }会和记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）时间重叠；请换个时间，或先修改记录 { $id }
capture-error-started-after = 记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）开始得比 { $at } 还晚；请先停止或取消它，或者换个更晚的开始时间
capture-error-stop-not-after = 停止时间 { $at } 不晚于记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）的开始时间
capture-error-nothing-to-continue = 还没有可以继续的记录
capture-error-still-running = 记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）还在计时，不需要继续
capture-error-needs-end = 补记过去的记录需要结束时间
capture-error-nothing-to-change = 没有要修改的内容
capture-error-no-such-tag = 记录 { $id } 没有标签 { $tag }；没有删除任何标签
capture-error-nothing-to-remove = 没有要删除的记录；请给出编号，例如 otium rm 12
capture-error-nothing-to-undo = 没有可撤销的改动：改动记录里已经没有仍然生效的改动
capture-error-nothing-to-redo = 没有可重做的改动：上一次改动之后没有撤销过什么
capture-error-undo-deleted = 无法{ $action ->
        [undo] 撤销
       *[redo] 重做
    }“{ $summary }”：记录 { $id } 之后已被删除；没有做任何改动
capture-error-undo-changed = 无法{ $action ->
        [undo] 撤销
       *[redo] 重做
    }“{ $summary }”：记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）之后又被改过；请手动修改它；没有做任何改动
capture-error-undo-exists = 无法{ $action ->
        [undo] 撤销
       *[redo] 重做
    }“{ $summary }”：记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）又出现了；没有做任何改动
capture-error-undo-overlap = 无法{ $action ->
        [undo] 撤销
       *[redo] 重做
    }“{ $summary }”：记录 { $moved } 会和之后新记的记录 { $id }（{ $project }，{ $from }–{ $to ->
        [now] 至今
       *[other] { $to }
    } { $zone }）时间重叠；请先修改或删除记录 { $id }；没有做任何改动
capture-error-bad-id = 这不是记录编号；请给出记录列表里显示的数字，例如 12
capture-error-project-empty = 项目名称是空的；请写一个，例如 写作
capture-error-project-empty-example = 项目名称是空的；请写一个，例如 `{ $example }`
capture-error-project-sign = 项目名称 { $name } 以“{ $sign }”开头；请先写项目，再写 +标签
capture-error-project-control = 项目名称 { $name } 含有控制字符
capture-error-project-invisible = 项目名称 { $name } 含有看不见的字符 { $code }，会让它看起来像另一个名称；请去掉这个字符重新输入
capture-error-tag-empty = 标签是空的；标签写成 +名称，例如 +审阅
capture-error-tag-bad = 标签 { $tag } 含有空格、“+”或控制字符；可以写成例如 +代码审阅
capture-error-tag-invisible = 标签 { $tag } 含有看不见的字符 { $code }，会让它看起来像另一个标签；请去掉这个字符重新输入
capture-error-unexpected-word = 多了一个词 { $quoted }；标签要写成 +{ $word }，备注请放在 --note "…" 里
capture-error-leap-second = { $input } 是闰秒（:60）；请写 :59 或下一分钟
capture-error-empty-time = 时间是空的；可以写 HH:MM、YYYY-MM-DD HH:MM、今天 9:30、昨天 14:00、15分钟前，或 RFC 3339
capture-error-date-without-time = { $input } 只有日期没有时间；请加上时间，例如 "{ $date } 09:00"
capture-error-no-unit = { $input } 里的数字没有单位；可以写 90分钟、1小时30分、1.5小时、1h30m 或 1:30
capture-error-for-zero = --for { $input } 是零；请给一个大于零的时长
capture-error-give-end = 请给出 --to 时间 或 --for 时长
capture-error-bad-range = { $range } 不是编号范围；请写出第一个和最后一个编号，例如 12-15
capture-error-range-backwards = 范围 { $range } 写反了；请从小写到大，例如 { $first }-{ $last }
capture-error-range-too-wide = 范围 { $range } 超过了 { $max } 条记录；请缩小范围
capture-error-rm-not-confirmed = 没有删除（未确认）；加上 --yes 可以跳过确认
capture-error-ask = 无法在 stderr 上询问确认：{ $error }
capture-error-answer = 无法从 stdin 读取回答：{ $error }
capture-error-editor-invalid = 文档格式不对：{ $why }
capture-error-editor-end-empty = end 是空的，但这条记录已经结束；请写上结束时间（已停止的记录不能重新计时）
capture-error-editor-run = 无法运行编辑器 { $editor }：{ $error }
capture-error-editor-failed = 编辑器 { $editor } 出错退出（{ $status }）；没有做任何改动
capture-error-editor-file = 无法{ $what ->
        [create] 创建要编辑的文件
        [write] 写入要编辑的文件
       *[read] 读取编辑后的文件
    }：{ $error }
capture-error-no-editor = 没有要修改的内容，也没有设置 `VISUAL` 或 `EDITOR` 来打开编辑器
capture-error-no-project = 没有项目 { $name }；`otium projects` 可以查看所有项目
capture-error-output-no-session = 没有可以沿用项目的记录；请用 --project 项目 指定
capture-error-bad-amount = 产出 { $amount } 不是可用的数量；请给 0 到 1000000000 之间的数，例如 3 或 2.5
capture-error-output-lost = 产出没有登记上；请把这个问题报告给我们
capture-error-unit-empty = 产出单位是空的
capture-error-no-unit-declared = 项目 { $name } 没有设定产出单位
capture-error-unknown-project = 没有项目 { $name }
capture-error-no-away-id = 当前记录里没有编号为 { $id } 的待处理离开时间；`otium status` 可以查看
capture-error-no-away = 没有需要处理的离开时间：当前记录里没有记到离开

## 夏令时切换造成不存在或出现两次的本地时间（写在 stderr 上的说明）

capture-dst-twice = { $local } 在 { $zone } 出现两次（时钟回拨）；按第一次算，即 { $first }（{ $first_offset }），而不是 { $second }（{ $second_offset }）
capture-dst-missing = { $local } 在 { $zone } 不存在（时钟拨快）；改用 { $used }（{ $offset }）

## 新建的数据库不在默认位置时的说明

capture-created-database = 在 { $path } 新建了数据库（不是默认位置）；如果路径写错了，请删掉这个文件，再用正确的 --db

## 提醒（`[reminders]`），即 `otium status` 和 `otium notify` 说的话

capture-reminder-break = 该休息了：从 { $since } 起已经连续工作 { $worked }，中间没有歇满 { $pause }
capture-reminder-eu-break = 该休息了：今天已工作 { $worked }，还没有歇满 { $pause }；欧盟《工作时间指令》（2003/88/EC）第四条要求，一天工作超过 6 小时就要安排休息
capture-reminder-day-limit = 已到每日工时上限：今天已工作 { $worked }（day_limit_hours = { $limit }）
capture-reminder-nothing-running = 今天是工作日，从 { $since } 起没有在计时；用 `otium start 项目` 开始计时
