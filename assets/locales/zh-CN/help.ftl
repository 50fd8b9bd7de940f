# otium：otium 和每个命令的 --help。
# 每个键都与 en/help.ftl 一一对应，且都在 src/ 中用到。
# 键名由命令路径构成（见 src/cli/help.rs）：help-命令 是命令的简介，help-命令--选项 是选项的说明，
# help-命令--选项--值 是其中一个取值，help-any--选项 是几个命令共用的选项。

## clap 自己写的文字，中文由 otium 来说

help-usage-heading = 用法：
help-heading-commands = 命令
help-heading-arguments = 参数
help-heading-options = 选项
help-heading-global = 全局选项
help-builtin-help = 显示帮助
help-builtin-help-more = 显示帮助（--help 看完整说明）
help-builtin-help-summary = 显示帮助（-h 看简要说明）
help-builtin-version = 显示版本
help-builtin-help-command = 显示本说明，或某个命令的帮助
help-possible-values = [可选值：{ $values }]
help-possible-values-heading = 可选值：
help-value-help = ：{ $help }
help-list-separator = 、
help-default = [默认：{ $value }]
help-now = [当前：{ $path }]

## otium

help-otium = 在终端里记工时的工具，并告诉你：劳动生产率的提高本可以换来多少闲暇
help-otium--db = 数据库文件 [环境变量 OTIUM_DB；默认为平台数据目录下的 otium.db]
help-otium--config = 配置文件 [环境变量 OTIUM_CONFIG；默认为平台配置目录下的 config.toml]
help-otium--json = 输出机器可读的 JSON（错误也以 JSON 写到 stderr）
help-otium--lang = 界面文字的语言 [环境变量 OTIUM_LANG；其次是配置里的 language，再次是 LC_ALL/LC_MESSAGES/LANG；默认 en]。JSON、CSV 和 ICS 不随语言变化
help-otium--lang--en = 英语（默认）
help-otium--lang--zh-CN = 简体中文（中国大陆）
help-otium--demo = 用一个临时的演示数据库打开界面（TUI），带示例数据

## otium start

help-start = 现在开始计时（或用 --at 从过去某个时间开始）；正在计时的记录会先停止
help-start--project = 项目，例如 写作
help-start--tags = 标签，每个写成 +名称
help-start--at = 从过去某个时间开始，而不是现在（例如 9:15、"10分钟前"）

## otium stop

help-stop = 停止正在计时的记录
help-stop--at = 在过去某个时间停止，而不是现在（例如 "10分钟前"、17:30）
help-stop--output = 同时为这条记录登记这么多产出（按项目的单位）

## otium status

help-status = 显示正在计时的项目、开始时间和已计时长
help-status--format = 按模板输出一行，供命令提示符和状态栏使用。占位符：{"{"}project{"}"} {"{"}tags{"}"} {"{"}note{"}"} {"{"}elapsed{"}"} {"{"}elapsed_minutes{"}"} {"{"}start{"}"} {"{"}id{"}"} {"{"}break{"}"}（该休息时为 "break due"，否则为空）{"{"}reminder{"}"}（第一条到期的提醒，否则为空）；{"{"}{"{"} 和 {"}"}{"}"} 表示花括号本身。没有在计时时什么也不输出（退出码 0）

## otium notify

help-notify = 检查一次 [reminders] 里的提醒，每条新提醒只说一次（供 cron 或 systemd 定时器调用）

## otium away

help-away = 回答 `otium status` 问到的离开时间：保留、剪掉，或在离开处停止
help-away--answer = keep（这段时间算工时）、cut（把它从记录中剪掉）或 stop（在离开开始处结束记录）
help-away--answer--keep = 把离开时间留在记录里
help-away--answer--cut = 剪掉：记录在离开开始处结束，从离开结束处接着计
help-away--answer--stop = 在离开开始处停止记录
help-away--id = 哪一段离开时间（编号见 `otium status --json`）；默认最早的一段

## otium cancel

help-cancel = 放弃正在计时的记录，不保存

## otium continue

help-continue = 用上一条（或指定的）记录的项目、标签和备注重新开始计时
help-continue--id = 要接着计的记录 [默认：上一条]
help-continue--at = 从过去某个时间开始，而不是现在

## otium add

help-add = 补记一条过去的记录
help-add--project = 项目
help-add--tags = 标签，每个写成 +名称
help-add--from = 开始时间（例如 "昨天 14:00"、2026-03-02T13:00）
help-add--to = 结束时间；只写 HH:MM 时算在开始的那一天
help-add--for = 持续多久，代替 --to（例如 1小时15分、90分钟、1.5小时、1:30）

## otium log

help-log = 按天列出记录

## otium edit

help-edit = 修改一条记录的项目、时间、备注或标签（不带选项时在 $VISUAL/$EDITOR 中编辑）
help-edit--id = 记录编号（见 `otium log`）。不带字段选项时，记录会以一个小 TOML 文档在 $VISUAL（否则 $EDITOR）中打开
help-edit--project = 移到另一个项目
help-edit--from = 新的开始时间；只写 HH:MM 时算在记录自己那一天
help-edit--to = 新的结束时间；只写 HH:MM 时算在记录自己那一天。会停止正在计时的记录
help-edit--note = 新的备注（"" 表示清空）
help-edit--add-tags = 加一个标签（可重复）
help-edit--rm-tags = 去掉一个标签（可重复）

## otium rm

help-rm = 删除记录：一个编号、几个编号或一个范围（12-15）；一次撤销就能全部恢复
help-rm--ids = 记录编号（见 `otium log`）：`12`、`12 14 15`，或范围 `12-15`
help-rm--yes = 删除多条记录时不再询问（在终端里默认先问）

## otium undo

help-undo = 撤销最近一次改动（start、stop、add、edit、rm、cancel、continue、import）；再执行一次就继续往回撤。--list 显示操作日志
help-undo--list = 显示操作日志（最新的在前），而不撤销：即 `undo` 和 `redo` 会作用的内容
help-undo--limit = `--list` 显示多少条

## otium redo

help-redo = 重做最近撤销的那次改动

## otium report

help-report = 某段时间的合计，可分组，输出为表格、Markdown、CSV、JSON 或 HTML
help-report--by = 按 project（项目）、tag（标签）、day（日）、week（周）或 month（月）分组；用逗号写多个可嵌套（project,tag）
help-report--round = 每条记录按这个步长取整，用于计费（例如 15m、6m、1h）
help-report--round-mode = --round 朝哪个方向取整
help-report--round-mode--up = 每条记录向上取整
help-report--round-mode--nearest = 每条记录取最接近的步长
help-report--round-mode--down = 每条记录向下取整
help-report--format = 输出格式 [默认：table；带 --json 时为 json]
help-report--format--table = 终端表格，每行一根条形
help-report--format--md = Markdown 表格
help-report--format--csv = CSV，最内层的每个分组一行
help-report--format--json = 稳定的 JSON 文档
help-report--format--html = 一个自带 SVG 图表的独立 HTML 页面
help-report--title = HTML 或 Markdown 报表的标题 [默认：工作报表]
help-report--sessions = 在 HTML 或 Markdown 报表中列出各条记录及其备注
help-report--no-dividend = HTML 或 Markdown 报表中不含闲暇红利
help-report--timew = 统计 Timewarrior 通过 stdin 交给报表扩展的时间段（以 `timew report otium` 运行），而不是数据库里的记录

## otium export

help-export = 导出原始记录为 CSV、JSON 或 iCalendar，或导回 Timewarrior、Toggl、timeclock [默认范围：全部]
help-export--format = 输出格式 [默认：csv；带 --json 时为 json]
help-export--format--csv = CSV，每条记录一行
help-export--format--json = 记录组成的 JSON 数组
help-export--format--ics = iCalendar，每条记录一个事件
help-export--format--timewarrior = Timewarrior 的数据行（`inc START - END # PROJECT TAGS # "NOTE"`）
help-export--format--toggl = Toggl Track 的 CSV 格式（即它的明细导出，它的 CSV 导入能读）
help-export--format--timeclock = hledger 的 timeclock 格式（`i`/`o` 行）

## otium import

help-import = 从 Watson、Timewarrior、Toggl、bartib、Clockify、Kimai、klog、timeclock 或 otium 的 CSV/JSON 导入记录
help-import--format = 源文件的格式
help-import--format--watson = Watson 的 frames 文件（~/.config/watson/frames）
help-import--format--timewarrior = Timewarrior 的数据文件夹、某个 YYYY-MM.data 文件，或 `timew export` 的 JSON
help-import--format--toggl = Toggl Track 的明细 CSV 导出
help-import--format--bartib = bartib 的活动文件
help-import--format--csv = otium 导出的 CSV
help-import--format--json = otium 导出的 JSON
help-import--format--clockify = Clockify 的明细报表 CSV
help-import--format--kimai = Kimai 导出的 CSV
help-import--format--toggl-api = Toggl Track API v9 的时间条目 JSON（项目名来自 --projects 文件）
help-import--format--klog = klog 的 .klg 文件
help-import--format--timeclock = timeclock 文件（hledger、timeclock.el）：`i`/`o` 行
help-import--file = 要导入的文件（Timewarrior 也可以是它的数据文件夹）；`-` 表示读标准输入
help-import--dry-run = 全部读取并检查，报告会发生什么，但什么也不写
help-import--tz = 不带时区的本地时间（Toggl、bartib）以及 Watson 和 Timewarrior 记录所在的时区 [默认：你的时区]
help-import--project = 把所有记录都放进这个项目（Timewarrior：此时所有标签都保留为标签）
help-import--skip-conflicts = 导入不重叠的记录，重叠的只计数，而不是拒绝整个文件
help-import--allow-long = 接受超过 7 天的记录
help-import--raw = otium CSV：保留单元格开头的 '（文件来自 `export --raw`）
help-import--sync-deletes = 删除以前从这个来源导入、在本文件时间范围内、但文件里已经没有的记录（即在来源里删掉的）
help-import--project-tags = Timewarrior：哪个标签作为项目：`first`（写在最前的标签，默认）、`none`（全部保留为标签），或用逗号分隔的项目标签列表 LIST
help-import--projects = toggl-api：项目 JSON（GET /api/v9/workspaces/{"{"}id{"}"}/projects），用来给条目里的项目编号对上名称

## otium project

help-project = 声明一个项目产出什么（它的产出单位）
help-project--name = 项目（没有就新建）
help-project--unit = 它产出什么，例如 pages、tickets、commits
help-project--no-unit = 去掉产出单位
help-project--rate = 报表用的时薪，例如 85 或 92.50（需要同时给 --currency）
help-project--currency = 时薪的货币代码，例如 CNY
help-project--no-rate = 去掉时薪

## otium output

help-output = 为项目登记产出（页数、工单数……）
help-output--amount = 多少，按项目的单位（例如 3 或 2.5）
help-output--project = 项目 [默认：正在计时的记录的项目，否则上一条记录的项目]
help-output--at = 产出的时间 [默认：现在]
help-output--note = 备注

## otium dividend

help-dividend = 闲暇红利：全国的、凯恩斯每周工时，以及你自己的劳动生产率
help-dividend--country = 国家（ISO 三位字母代码，例如 USA、DEU、CHN）[默认：配置里的 `country`，否则 USA]
help-dividend--base-year = 基准年份 [默认：配置里的 `base_year`，否则 1970]
help-dividend--end-year = 截止年份 [默认：有数据的最近一年]
help-dividend--projects = 个人部分只算这些项目（可重复）
help-dividend--baseline = 基准周，例如 2026-W10..2026-W13 [默认：每个项目最早的 4 个有工时和产出的完整周]
help-dividend--period = 当前周：last-week（上周），或例如 2026-W20、2026-W18..2026-W20 [默认：last-week]
help-dividend--countries = 改为列出数据里有的国家和年份
help-dividend--compare = 把基准年份有数据的所有国家并排比较，按潜力中化为更短工时的比例排序

## otium projects

help-projects = 列出项目及其合计

## otium tags

help-tags = 列出标签及其合计

## otium balance

help-balance = 每天和每周的实际工时、目标工时和差额，以及加班结余

## otium limits

help-limits = 超出配置中工时上限的情况（仅供参考；退出码 0）

## otium doctor

help-doctor = 检查数据库：文件、权限、SQLite 设置、完整性和记录规则
help-doctor--full = 运行完整的 `integrity_check`（读取每一页），而不是 `quick_check`
help-doctor--fix = 先在一个事务里按记录重建派生数据（全部历史的报表要读的各项目合计），再做检查

## otium backup

help-backup = 在数据库照常使用的同时把它复制到一个备份文件
help-backup--file = 备份写到哪里；该文件不能已存在 [默认：数据库旁边的 otium-backup-YYYYMMDD-HHMMSS.db]

## otium sync

help-sync = 通过你已经在同步的文件夹与其他设备同步（init 目录、status）

## otium sync init

help-sync-init = 把这个数据库加入同步文件夹 DIR 成为其中一台设备（文件夹不存在就新建，已有其他设备就加入），并把它的历史写进去
help-sync-init--dir = 用来同步的文件夹（已由 Syncthing、Dropbox 等同步的那个）
help-sync-init--name = 这台设备在 `sync status` 里的名字 [默认：device-加上设备编号的前一段]

## otium sync status

help-sync-status = 设备、待同步的改动、还没应用的文件，以及冲突

## otium completions

help-completions = 输出让 SHELL 补全 otium 命令、选项、项目和标签的脚本
help-completions--shell = 为哪个 shell 输出补全脚本
help-completions--shell--bash = GNU Bash
help-completions--shell--zsh = Zsh
help-completions--shell--fish = fish
help-completions--shell--elvish = Elvish
help-completions--shell--powershell = PowerShell

## otium man

help-man = 输出手册页（roff），或用 --dir 为每个命令各写一页
help-man--dir = 把 otium.1 和每个命令一页的 otium-VERB.1 写进目录 DIR（没有就新建，已有的页会被替换），而不是输出 otium.1

## otium paths

help-paths = 显示数据库和配置文件的位置

## 几个命令共用的选项

help-any--note = 这条记录的备注
help-any--today = 今天
help-any--yesterday = 昨天
help-any--week = 本周，或 YYYY-Www（ISO 周）或某个日期 DATE 所在的周
help-any--last-week = 上周
help-any--month = 本月，或 YYYY-MM
help-any--all = 全部
help-any--from = 从这一天（YYYY-MM-DD）或这个时间起
help-any--to = 到这一天为止（含，YYYY-MM-DD），或到这个时间为止 [默认：今天]
help-any--tz = 按这个 IANA 时区划分日期，而不是你的时区
help-any--projects = 只看这个项目（可重复：任一即可）
help-any--tags = 只看带这个标签的记录（可重复：任一即可）
help-any--output = 写到文件 FILE（原子写入），而不是标准输出
help-any--force = 文件 FILE 已存在时覆盖它
help-any--raw = CSV：以 = + - @ 开头的单元格保持原样（用电子表格打开不安全）
help-any--bom = CSV：在开头写 UTF-8 字节序标记（BOM），供需要它才能读 UTF-8 的电子表格软件使用

## 用法错误（退出码 2），按 clap 的错误种类和上下文

help-usage-see = { $message }；见 `{ $help }`
help-usage-did-you-mean = { $message }（是不是想写 { $suggestions }？）
help-usage-or = {" 或 "}
help-usage-multiple = 参数 '{ $arg }' 只能写一次
help-usage-conflict = 参数 '{ $arg }' 不能和 '{ $other }' 一起用
help-usage-conflict-list = 参数 '{ $arg }' 不能和这些一起用：{ $others }
help-usage-conflict-any = 参数 '{ $arg }' 不能和已给的其他参数一起用
help-usage-no-equals = 给 '{ $arg }' 赋值时需要写等号
help-usage-value-required = '{ $arg }' 需要一个值，但没有给
help-usage-invalid-value = '{ $value }' 不是 '{ $arg }' 能用的值
help-usage-possible = [可选值：{ $values }]
help-usage-subcommands = [子命令：{ $values }]
help-usage-unknown-subcommand = 没有 '{ $name }' 这个命令
help-usage-missing-args = 缺少必需的参数：{ $args }
help-usage-missing-subcommand = '{ $name }' 后面需要一个子命令
help-usage-too-few-one = '{ $arg }' 至少要 { $min } 个值，只给了 { $count } 个
help-usage-too-few-many = '{ $arg }' 至少要 { $min } 个值，只给了 { $count } 个
help-usage-wrong-number-one = '{ $arg }' 要 { $expected } 个值，却给了 { $count } 个
help-usage-wrong-number-many = '{ $arg }' 要 { $expected } 个值，却给了 { $count } 个
help-usage-too-many = '{ $arg }' 多了一个值 '{ $value }'，只需要一个
help-usage-unknown-argument = 没有 '{ $arg }' 这个参数
