# otium：终端界面：标签页、视图、帮助、表单、状态栏。
# 每个键都与 en/tui.ftl 一一对应，且都在 src/ 中用到。

## 改动之后状态栏里的提示
tui-started = 开始计时：{ $project }{ $rest }。
tui-started-again = 继续计时：{ $project }{ $rest }。
tui-started-stopped = ；{ $project } 已停止计时，共 { $duration }
tui-started-dropped = ；{ $project } 同一秒刚开始，已作废
tui-stopped = 已停止计时：{ $project }，共 { $duration }。
tui-added = 已添加记录 { $id }（{ $project }）。
tui-saved = 已保存记录 { $id }。按 u 撤销。
tui-deleted = 已删除记录 { $id }（{ $project }）。按 u 撤销。
tui-nothing-changed = 没有改动。
tui-filter-cleared = 已清除筛选。
tui-nothing-selected = 没有选中记录。
tui-nothing-at-cursor = 光标处没有记录；请移到一条记录上（n / N 跳到下一条 / 上一条）。
tui-no-block-after = 本周这条之后没有记录了；[ 和 ] 切换周。
tui-no-block-before = 本周这条之前没有记录了；[ 和 ] 切换周。

## 记录表单
tui-form-project = 项目
tui-form-tags = 标签
tui-form-note = 备注
tui-form-from = 开始
tui-form-to = 结束
tui-form-title-start = 开始计时
tui-form-title-add = 补记一条记录
tui-form-title-edit = 编辑记录 { $id }
tui-form-need-project = 请填写项目，例如 写作
tui-form-keys = Tab 下一项 · Enter 保存 · Esc 取消

## 外框：标签页、状态栏、终端太小
tui-tab-dashboard = 总览
tui-tab-sessions = 记录
tui-tab-reports = 报表
tui-tab-dividend = 闲暇红利
tui-tab-calendar = 日历
tui-too-small = 终端太小（{ $width }×{ $height }），otium 至少需要 { $min_width }×{ $min_height }。请调大窗口，或按 q 退出。
tui-status-keys = s 开始计时 · x 停止计时 · a 补记 · Tab 切换视图 · ? 帮助 · q 退出
tui-filter-prompt = 筛选：

## 总览
tui-dash-now-title = 当前
tui-dash-idle = 没有正在计时的项目。按 s 开始计时。
tui-dash-since = 自 { $time } 起
tui-dash-today = 今天：{ $total }
tui-dash-week = 本周：{ $total }
tui-dash-week-of = 本周：{ $total } / 目标 { $target }
tui-dash-targets-title = 目标工时与工时上限
tui-dash-target = 目标工时 { $target } · 已工作 { $worked }{ $balance }
tui-dash-balance-ahead = { " " }· 工时结余：多出 { $amount }
tui-dash-balance-behind = { " " }· 工时结余：欠 { $amount }
tui-dash-limits-none = 工时上限（{ $set }）：本周没有超出上限
tui-dash-limits = 工时上限（{ $set }）：{ $alert }
tui-dash-limits-more = 工时上限（{ $set }，另有 { $more } 条见 otium limits）：{ $alert }
tui-dash-dividend = 闲暇红利
tui-dash-dividend-like = 闲暇红利：假如你的劳动生产率像{ $country }一样增长
tui-dash-dividend-yours = 你每周 { $hours } 小时（近 { $weeks } 周平均）按 { $base } 年的劳动生产率算，{ $end } 年只需 { $keynes } 小时
tui-dash-dividend-national = { $country } { $base }→{ $end } 年：每小时产出 ×{ $multiple }。记满一整周，就能看到你自己的。
tui-dash-trend = 每周每小时产出：{ $parts }
tui-dash-trend-part = { $project } { $spark } { $unit } · 每周 { $hours } 小时

## 闲暇红利视图
tui-div-citation-key = i 查看完整出处
tui-div-attribution-short = 数据：PWT 10.01，CC BY 4.0，经推算
tui-div-page-figures = 数字
tui-div-page-week = 你的一周
tui-div-page-countries = 各国
tui-div-page-source = 出处
tui-div-no-data = { $country }没有 { $base } 年的数据。按 c/C 或 / 换一个国家。
tui-div-chart-output = { $country }每小时产出，{ $base } 年 = 100
tui-div-chart-hours = { $country }人均工时，{ $base } 年 = 100
tui-div-country-prompt = 国家：
tui-div-country-match = → { $name }（{ $code }），按 Enter 查看
tui-div-country-empty = 输入代码或名称，Enter 查看，Esc 取消
tui-div-country-none = 没有匹配的国家
tui-div-share-undefined = 无法计算（增幅太小或没有增长）
tui-div-national = { $country } { $base }→{ $end } 年：每小时产出 ×{ $multiple }；人均工时 { $year_base }→{ $year_end } 小时/年（{ $week_base }→{ $week_end } 小时/周）
tui-div-taken = 实际缩短 { $hours } 小时/周
tui-div-none-taken = 实际没有缩短，工时反而增加 { $hours } 小时/周
tui-div-potential = 本可缩短 { $potential } 小时/周，{ $taken }：增长中化为缩短工时的比例 { $share }
tui-div-keynes = 假如你的劳动生产率像{ $country }平均水平一样增长，你每周 { $hours } 小时按 { $base } 年劳动生产率做出的产出，在 { $end } 年只需 { $keynes } 小时。
tui-div-keynes-none = 凯恩斯周：{ $reason }。
tui-div-caution = 注意：{ $caveat }。
tui-div-per-head = 按总人口平均的工时 { $year_base }→{ $year_end } 小时/年（{ $week_base }→{ $week_end } 小时/周）
tui-div-labour-share = 劳动收入占 GDP 的份额（其余归了谁）{ $base } → { $end }
tui-div-measure = 工时按就业人员计（含个体户和农民），全年 ÷ 52；按{ $country }价格计的美元只用于看历年变化，不宜跨国比较；数据截至 { $end } 年。
tui-div-labour-none = { $year } 年无数据
tui-div-labour-year = { $share }（{ $year } 年）
tui-div-labour-carried = { $share }（{ $first }–{ $last } 年同一数值，{ $year } 年并未实测）
tui-div-personal = { $project }（{ $unit }/小时）{ $spark } · 每周 { $hours } 小时
tui-div-personal-gain = { " " }· ×{ $multiple }；增长的去向：产出增加 { $output }，工时缩短 { $leisure }
tui-div-no-national = 这个国家和基准年没有全国数据。
tui-div-week-legend = 每周工时。平均：{ $country } { $end } 年全年 ÷ 52（含节假日）；基准年生活水平：按 { $end } 年劳动生产率生产 { $base } 年的人均产出；凯恩斯 1930 年的设想。
tui-div-accumulated = 自第一条记录以来：共记 { $tracked } 小时；这些产出按 { $base } 年的劳动生产率算，在 { $end } 年只需 { $needed } 小时：多干了 { $more } 小时（相当于 { $weeks } 个 40 小时周）。
tui-div-accumulated-none = 累计：{ $reason }。
tui-div-not-available = 暂无
tui-div-career = 按 { $years } 年职业生涯（假设）、{ $base } 年的工时算：本可省下 { $potential } 小时（相当于 { $weeks } 年的 40 小时周），实际省下 { $taken } 小时。
tui-div-col-country = 国家
tui-div-col-potential = 本可缩短
tui-div-col-taken = 实际缩短
tui-div-col-share = 比例
tui-div-col-caveats = 说明
tui-div-per-week = { $hours } 小时/周
tui-div-countries-title = { $base } 年 → 最新，按增长中化为缩短工时的比例排序
tui-div-caveat-jump = 跳变
tui-div-caveat-hours-carried = 工时沿用
tui-div-caveat-share-carried = 份额沿用
tui-div-caveat-release = 版本敏感
tui-div-caveat-levels = 水平不可比
tui-div-caveat-break = 断档
tui-div-bar-you = 你
tui-div-bar-996 = 996
tui-div-bar-average = 全国平均
tui-div-bar-statutory = 法定
tui-div-bar-base-year = 基准年水平
tui-div-bar-keynes = 凯恩斯
tui-div-source-citation = 数据：Penn World Table 10.01（Feenstra、Inklaar、Timmer，2015，“The Next Generation of the Penn World Table”，American Economic Review 105(10): 3150–3182；www.ggdc.net/pwt），采用 CC BY 4.0 许可。每小时产出和人均产出由 PWT 变量 rgdpna、emp、avh 推算。
tui-div-source-dataset = 数据集：Penn World Table 10.01 版，格罗宁根增长与发展中心（2023），DataverseNL，doi:10.34894/QT5BCC。许可 CC BY 4.0；otium 只计算了每小时产出（rgdpna ÷ (emp × avh)），别无其他。
tui-div-source-hours = 工时按每名就业人员（雇员、个体户和农民）每年计，含节假日；一周为全年 ÷ 52。美元按 2017 年不变本币价格计：只用于看一国之内的变化，不宜比较水平高低。PWT 未实测而沿用前值的年份会注明。数据截至 2019 年，之后的年份不做任何假设。

## 帮助：每个键的作用
tui-key-quit = 退出
tui-key-show-or-hide-this-help = 显示或关闭本帮助
tui-key-next-view = 下一个视图
tui-key-previous-view = 上一个视图
tui-key-dashboard = 总览
tui-key-sessions = 记录
tui-key-reports = 报表
tui-key-dividend = 闲暇红利
tui-key-week-calendar = 周日历
tui-key-start-a-session = 开始计时
tui-key-stop-the-running-session = 停止正在计时的记录
tui-key-add-a-past-session = 补记一条过去的记录
tui-key-reload-from-the-database = 从数据库重新读取
tui-key-select-previous-session = 选中上一条记录
tui-key-select-next-session = 选中下一条记录
tui-key-edit-the-selected-session = 编辑选中的记录
tui-key-continue-the-selected-session = 按选中的记录继续计时
tui-key-delete-the-selected-session = 删除选中的记录
tui-key-undo-the-last-change-also-one-made-by-the-cli = 撤销上一次改动，命令行做的也算
tui-key-redo-what-was-undone = 重做刚撤销的改动
tui-key-filter-by-project-or-tag = 按项目或标签筛选
tui-key-clear-the-filter = 清除筛选
tui-key-previous-range = 上一段时间
tui-key-next-range = 下一段时间
tui-key-day-week-month = 按日 / 周 / 月
tui-key-group-by-project-tag-day-week = 按项目 / 标签 / 日 / 周分组
tui-key-show-or-hide-the-target-line = 显示或隐藏目标线
tui-key-write-this-range-as-an-html-report = 把这段时间导出为 HTML 报表
tui-key-earlier-base-year = 基准年提前
tui-key-later-base-year = 基准年推后
tui-key-next-country = 下一个国家
tui-key-previous-country = 上一个国家
tui-key-type-a-country-code-or-name = 输入国家代码或名称
tui-key-figures-your-week-countries-source = 数字 / 你的一周 / 各国 / 出处
tui-key-the-data-s-full-citation = 数据的完整出处
tui-key-half-an-hour-earlier = 提前半小时
tui-key-half-an-hour-later = 推后半小时
tui-key-previous-day = 前一天
tui-key-next-day = 后一天
tui-key-four-hours-earlier = 提前四小时
tui-key-four-hours-later = 推后四小时
tui-key-previous-week = 上周
tui-key-next-week = 下周
tui-key-back-to-today-and-now = 回到今天和现在
tui-key-next-session = 下一条记录
tui-key-previous-session = 上一条记录
tui-key-add-a-session-at-the-selected-half-hour = 在选中的半小时补记一条记录
tui-help-scope = （{ $view }）
tui-help-forms = 表单中：Tab/↑↓ 切换项 · Enter 保存 · Esc 取消
tui-help-title = 按键（按任意键关闭）
tui-help-title-scroll = 按键 第 { $first }–{ $last } 行，共 { $total } 行 · ↑↓ PgUp PgDn 滚动 · 其他键关闭

## 表单标签与删除确认
tui-form-colon = ：
tui-confirm-running = 现在（正在计时）
tui-confirm-delete = 删除记录 { $id }（{ $project }，{ $weekday } { $start }–{ $end }，{ $duration }）？y / n

## 记录视图
tui-sessions-title = 记录（最近 { $days } 天）
tui-sessions-matching-one = 符合 { $filter } 的记录：1 条，{ $total } · Esc 清除
tui-sessions-matching = 符合 { $filter } 的记录：{ $count } 条，{ $total } · Esc 清除
tui-sessions-empty = 还没有记录。按 s 开始计时，或按 a 补记一条。
tui-sessions-no-match = 没有符合筛选的记录（按 Esc 清除筛选）。

## 报表视图
tui-reports-day = 日
tui-reports-week = 周
tui-reports-month = 月
tui-reports-target-key = { " " }· T 目标线
tui-reports-keys = ← → 前后翻{ $kind } · t 日/周/月 · g 分组{ $target } · w 导出 HTML
tui-reports-empty = 这段时间没有记录工时。
tui-reports-hours = 工时
tui-reports-target = 目标
tui-reports-worked = 已工作
tui-reports-total = 合计

## 日历视图
tui-cal-worked-of = { $worked } / { $target }
tui-cal-keys = · [ ] 切换周 · n N 切换记录 · a 补记
tui-cal-day-hours = （{ $hours }小时）
tui-cal-legend-empty = 本周没有记录 · 按 a 在光标处补记一条
tui-cal-gap = · 间隔 { $gap }
tui-cal-now = 现在
tui-cal-detail = { $tags } · { $weekday } { $start }–{ $end } · { $duration }{ $note } · e 编辑 · d 删除 · c 继续计时
tui-cal-skipped = 不存在（夏令时拨快了时钟）
tui-cal-free = 空闲 · 按 a 在这里补记一条

## 离开时间
tui-away-title = 离开
tui-away-question = 你离开了 { $span }。这段时间是保留、从记录中剔除（拆成两条），还是在 { $at } 停止计时？
tui-away-span = { $from }–{ $to }（{ $duration }）
tui-away-keys = k 保留 · c 剔除 · s 停止计时 · Esc 稍后再说
tui-away-later = 离开时间暂未处理：`otium status` 会再问，用 `otium away keep|cut|stop` 回答。
tui-away-cut = 已剔除 { $span }：{ $project } 在 { $at } 结束，记录 { $id } 接着计时。按 u 撤销。
tui-away-stopped = 已在你离开时（{ $at }）停止 { $project } 的计时。按 u 撤销。
tui-away-kept = 已把 { $span } 保留在 { $project } 中。

## 报表与闲暇红利的设置、撤销、导出的报表
tui-targets-none = 还没有设定目标工时：请在 config.toml 中加上 daily_target_hours、weekly_target_hours 或 [targets]。
tui-targets-shown = 已显示目标线。
tui-targets-hidden = 已隐藏目标线。
tui-targets-shown-grouping = 已显示目标线；按日或按周分组时才会画出（g）。
tui-targets-hidden-grouping = 已隐藏目标线；按日或按周分组时才会画出（g）。
tui-country-chosen = { $name }（{ $code }）。
tui-country-no-match = 没有与 { $text } 匹配、且有工时数据的国家；按 / 重试，c/C 逐个切换。
tui-undid = 已撤销“{ $summary }”：{ $effects }。按 U 重做。
tui-redid = 已重做“{ $summary }”：{ $effects }。按 u 再次撤销。
tui-report-written = 报表已导出到 { $path }。
tui-report-names-taken = { $stem }.html 及旁边 { $tries } 个带编号的文件名都已被占用；请先移走一些
tui-banner-start-key = { $message }；按 s 开始计时

## 启动终端界面
tui-needs-terminal = 终端界面需要在终端里运行；请在终端中打开，或改用 `otium status` 这样的命令（见 `otium --help`）
tui-terminal-error = 终端出错：{ $error }
