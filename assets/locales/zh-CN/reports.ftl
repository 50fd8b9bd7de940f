# otium：各种格式的报表、工时结余、目标工时和工时上限。
# 每个键都与 en/reports.ftl 一一对应，且都在 src/ 中用到。


## 工时规则（otium limits 和报表里的工时上限部分）

limits-rule-max-daily = 每日工时不超过 { $limit }
limits-rule-max-weekly = 每周工时不超过 { $limit }
limits-rule-max-weekly-average = 连续 { $weeks } 周内平均每周工时不超过 { $limit }
limits-rule-min-daily-rest = 每24小时内至少连续休息 { $rest }
limits-rule-min-weekly-rest = 每7天内至少连续休息 { $rest }
limits-rule-min-rest-days = 每周至少休息 { $days } 日
limits-rule-max-monthly-overtime = 每月加班不超过 { $limit }（每日超过 { $after }的部分算加班）

## 每条规则的依据

limits-source-cn-36 = 《中华人民共和国劳动法》第三十六条
limits-source-cn-38 = 《中华人民共和国劳动法》第三十八条
limits-source-cn-41 = 《中华人民共和国劳动法》第四十一条
limits-source-eu-6 = 欧盟《工作时间指令》（2003/88/EC）第6条(b)项；17周参考期依第16条(b)项
limits-source-eu-3 = 欧盟《工作时间指令》（2003/88/EC）第3条
limits-source-eu-5 = 欧盟《工作时间指令》（2003/88/EC）第5条（24小时，另加第3条规定的11小时）
limits-source-custom = 你的配置（[limits]）

## 每次超出上限，一行说明

limits-breach-day = { $date }：工作了 { $worked }，超过 { $limit }
limits-breach-week = { $from }–{ $to } 这一周：工作了 { $worked }，超过 { $limit }
limits-breach-weeks = { $from }–{ $to } 共 { $weeks } 周：工作了 { $worked }，平均每周 { $average }，超过 { $limit }
limits-breach-weeks-since = { $from }–{ $to } 共 { $weeks } 周（从开始记录算起）：工作了 { $worked }，平均每周 { $average }，超过 { $limit }
limits-breach-rest-days = { $from }–{ $to } 这一周：休息日 { $rest } 天，少于 { $days } 天
limits-breach-overtime = { $month }：加班 { $overtime }（每日超过 { $after }的部分），超过 { $limit }
limits-breach-rest-a = { $from } – { $to }：连续 { $span }（其中工作 { $worked }），{ $period }内没有一次连续休息满 { $rest }；{ $best }
limits-breach-rest-an = { $from } – { $to }：连续 { $span }（其中工作 { $worked }），{ $period }内没有一次连续休息满 { $rest }；{ $best }
limits-rest-longest = 最长一次休息 { $length }（{ $from } – { $to }）
limits-rest-none = 中间完全没有休息
limits-period-day = 每24小时
limits-period-week = 每7天

## 提醒：每条规则一行（status、报表表格、界面首页）

limits-alert = { $rule }（{ $source }）：{ $message }{ $more }
limits-more-week = （本周另有 { $n } 次）
limits-more-range = （这段时间另有 { $n } 次）
limits-on-course = { $rule }（{ $source }）：照这个节奏会超出上限：本周已工作 { $so_far }，按目前的进度全周约 { $projected }

## otium limits

limits-none = 还没有设定工时上限。在 config.toml 里加上 `limits = "cn"`（中国劳动法）或 `limits = "eu"`（欧盟指令），也可以写一个 [limits] 表。
limits-header = 工时上限规则“{ $set }” · { $from } – { $to } · { $zone }
limits-rule-line = {"  "}{ $rule }（{ $source }）
limits-no-breaches = 没有超出上限。
limits-breach-count = 超出上限 { $n } 次：
limits-breach-line = {"  "}{ $rule }：{ $message }（{ $source }）
limits-disclaimer = 以上检查仅供参考，不构成法律意见。

## otium balance

limits-error-no-target = 还没有设定目标工时；请在 config.toml 里加上 daily_target_hours、weekly_target_hours 或一个 [targets] 表
limits-error-not-begun = { $from } – { $to } 这段时间还没开始（今天是 { $today }）；工时结余只算到今天
limits-balance-header = 工时结余 { $from } – { $to } · { $zone } · 自 { $since } 起累计
limits-balance-worked = 实际
limits-balance-target = 目标
limits-balance-diff = 差额
limits-balance-balance = 结余

## otium report：每种给人看的格式开头的那一行

report-header-by = 按{ $names }
report-by-separator = 、
report-header-total = 合计 { $total }，共 { $n } 条记录
report-header-total-one = 合计 { $total }，共 { $n } 条记录
report-header-rounded = 每条记录{ $mode }取整到 { $step }（未取整为 { $raw }）
report-round-up = 向上
report-round-nearest = 就近
report-round-down = 向下
report-range-all = 全部时间
report-range-from = { $from } 起
report-range-until = 截至 { $to }
report-by-project = 项目
report-by-tag = 标签
report-by-day = 日
report-by-week = 周
report-by-month = 月
report-no-tag = （无标签）
report-week-iso = { $year }年第{ $week }周
report-week-of = { $first }起的一周

## 终端里的表格

report-empty = 这段时间没有记录工时。
report-total = 合计
report-total-currency = 合计 { $currency }
report-overlap-rows = （一条记录有多个标签时会计入每个标签，所以各行相加可能多于合计）
report-limits-this-week = 本周工时上限：{ $alert }
report-limits-range = { $from } – { $to } 工时上限：{ $alert }

## 要发送的报表（Markdown 和 HTML）

report-default-title = 工时报表
report-field = { $term }：
report-field-name = 姓名
report-field-client = 客户
report-field-range = 时间范围
report-field-zone = 时区
report-field-amount = 金额
report-total-sessions = { $total }，共 { $n } 条记录
report-total-sessions-one = { $total }，共 { $n } 条记录
report-chart-per-day = 每日工时
report-chart-per-month = 每月工时
report-chart-per-project = 各项目工时
report-details = 明细
report-made-with = 由 otium 生成。
report-overlap-tags = 一条记录有多个标签时，会分别计入每个标签。
report-col-range = 范围
report-col-hours = 工时
report-col-rate = 时薪
report-col-amount = 金额
report-col-day = 日期
report-col-time = 时间
report-col-project = 项目
report-col-note = 备注
report-col-week = 工作周
report-col-hours-per-week = 每周工时
report-col-source = 来源
report-sessions-heading = 记录明细
report-running = 正在计时
report-targets-heading = 目标工时
report-targets-line = 实际工时 { $worked }，目标工时 { $target }，差额 { $difference }。
report-balance-line = 自 { $since } 起的工时结余：{ $balance }。
report-worked = 实际工时
report-target = 目标工时
report-difference = 差额
report-balance-since = 自 { $since } 起的工时结余
report-zero-duration = 0分
report-limits-heading = 工时上限（{ $set }）
report-no-breaches = 这段时间没有超出上限。
report-breach-item = { $rule }：{ $message }（{ $source }）
report-breach-html = { $rule }：{ $message }<small>（{ $source }）</small>
report-rule-item = { $rule }（{ $source }）
report-rule-html = { $rule }<small>（{ $source }）</small>
report-rules-checked = 检查的规则：
report-dividend-heading = 闲暇红利：你的一周与其他几种工作周对比（{ $country }）
report-dividend-none = 这个国家和年份没有全国数据。
report-hours-a-week = { $hours }小时
report-week-you = 你
report-week-996 = 996
report-week-average = 全国平均
report-week-statutory = 法定标准
report-week-base-year = 基准年的生活水平
report-week-keynes = 凯恩斯

## otium report 的错误

report-error-group = 不能按 { $what } 分组；可以用 project、tag、day、week 或 month（用逗号分隔可以嵌套）
report-error-json-format = --json 要的是 JSON，--format 却指定了别的格式；两者只给一个
report-error-round-zero = --round { $step } 是零；请给一个取整单位，例如 15m
report-error-send-only = --title、--sessions 和 --no-dividend 只用于要发送的报表；请加上 --format html 或 --format md
report-error-title = --title 为空或含有控制字符；请给一行文字，例如 --title "第48周"

## 时间范围参数的错误（report、balance、limits 等带时间范围的命令）

report-error-month = --month { $month } 不是月份；请写成 YYYY-MM，例如 2026-03
report-error-week = --week { $week } 不是一周；请写成 YYYY-Www（例如 2026-W10），或写一个日期 YYYY-MM-DD
report-error-to-before-from = --to { $to } 不晚于 --from { $from }；请给一个更晚的 --to
report-error-today-before-from = 今天不晚于 --from { $from }（没给 --to 时算到今天）；请给一个更晚的 --to
