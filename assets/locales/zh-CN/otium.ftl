# otium 的简体中文文本。每个键都与 en/otium.ftl 一一对应，且都在 src/ 中用到
#（目录测试会检查这两点）。用语按国内职场的说法：工时、加班、休息日。

## 错误行

error-line = 错误：{ $line }
note-line = 提示：{ $text }
note-upgraded = 数据库结构已从第 { $from } 版升级到第 { $to } 版；升级前的文件保留为 { $backup }
note-bad-tz-system = TZ={ $tz } 不是 IANA 时区名；改用系统时区 { $zone }（请把 TZ 或 OTIUM_TZ 设为 Asia/Shanghai 这样的名字）
note-bad-tz-utc = TZ={ $tz } 不是 IANA 时区名；改用 UTC（请把 TZ 或 OTIUM_TZ 设为 Asia/Shanghai 这样的名字）
error-with-hint = { $message }；{ $hint }

## 命令行里的提示：给出要输入的命令

hint-cli-start-session = 用 `otium start 项目` 开始计时
hint-cli-list-sessions = `otium log --all` 可以查看所有记录的编号
hint-cli-list-projects = `otium projects` 可以查看所有项目
hint-cli-declare-unit = 先用 `otium project { $project } --unit pages` 设定产出单位
hint-cli-record-output = 用 `otium output N --project { $project }` 登记产出
hint-cli-list-countries = `otium dividend --countries` 可以查看有数据的国家
hint-cli-doctor = 运行 `otium doctor` 检查一下
hint-cli-later-stop = --at 要晚于开始时间
hint-cli-give-end = 请给出 --to 或 --for
hint-cli-change-a-field = 请至少改一项：--project、--from、--to、--note、--add-tag 或 --rm-tag
hint-cli-name-unit = 写明这个项目产出什么，例如 --unit pages
hint-cli-sync-init = 先用 `otium sync init 目录` 加入一个同步文件夹

## 界面（TUI）里的提示：给出要按的键

hint-tui-start-session = 按 s 开始计时
hint-tui-list-sessions = 在“记录”页（2）可以查看
hint-tui-list-projects = 在“报表”页（3）可以查看
hint-tui-declare-unit = 请在终端里设定产出单位：otium project { $project } --unit pages
hint-tui-record-output = 请在终端里登记产出：otium output N --project { $project }
hint-tui-list-countries = 按 c 或 C 换一个国家
hint-tui-doctor = 请退出后在终端里运行 otium doctor
hint-tui-later-stop = 结束时间要晚于开始时间
hint-tui-give-end = 请填写结束时间
hint-tui-change-a-field = 请先改一项，或按 Esc 取消
hint-tui-name-unit = 写明这个项目产出什么，例如 pages
hint-tui-sync-init = 先在终端里运行 `otium sync init 目录`，加入一个同步文件夹

## otium status

status-running = 正在计时：{ $label }
status-since = 从 { $when } 开始（记录 { $id }），已计 { $elapsed }。
status-idle = 当前没有在计时。
status-last = 上一条：{ $label }（记录 { $id }），{ $start }–{ $end }。
status-empty = 当前没有在计时，也还没有任何记录。用 `otium start 项目` 开始第一条。
status-warning = 注意：{ $text }
status-reminder = 提醒：{ $text }
status-away = 你离开了 { $span }。这段时间是保留、从记录中剔除（拆成两条），还是在 { $at } 停止计时？用 `otium away keep{ $id }`、`otium away cut{ $id }` 或 `otium away stop{ $id }` 回答。
status-away-span = { $from }–{ $to }（{ $duration }）
status-fix-at = otium stop --at "{ $at }"
status-fix-any = otium stop --at 时间（例如 "17:30" 或 "2小时前"）
status-too-long = 记录 { $id } 已经计了 { $elapsed }，超过了 max_session_hours = { $max }；如果是忘了停：{ $fix }
status-past-end = 记录 { $id } 已经过了你平时的下班时间（{ $end }）；如果是忘了停：{ $fix }

## 时间写法

time-unreadable = 看不懂时间 { $input }；可以写 HH:MM、YYYY-MM-DD HH:MM、今天 9:30、昨天 14:00、前天 18:00、15分钟前，或 RFC 3339
duration-unreadable = 看不懂时长 { $input }；可以写 90分钟、1小时30分、1.5小时、1h30m 或 1:30

## 按用户语言显示的错误

error-nothing-running = 当前没有在计时
error-no-database = { $path } 没有数据库文件；请检查路径，或用 --db（或 OTIUM_DB）指定另一个要{ $what ->
        [check] 检查
        [backup] 备份
       *[read] 读取
    }的文件，也可以就在这个位置新建
