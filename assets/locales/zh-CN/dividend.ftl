# otium：闲暇红利：各个视图、输入、假设和说明。
# 每个键都与 en/dividend.ftl 一一对应，且都在 src/ 中用到。

## 列表与分隔符。
dividend-separator = ；
dividend-list-separator = ，

## 全国闲暇红利（LEISURE-MODEL.md §1、§4.2、§4.4、§4.5）。
dividend-national-unavailable = 全国闲暇红利（{ $country }，基年 { $base } 年）：无法计算：{ $reason }。
dividend-national-heading = 全国闲暇红利：{ $name }（{ $code }），{ $base } 年 → { $end } 年
dividend-hours-scope = 工时按每名就业者计（含雇员、自雇者和农民），已计入节假日；数据截至 { $end } 年，此后不作任何假设。
dividend-output-per-hour = 每小时产出      { $base } → { $end } 美元（2017 年美元，按本国不变价计，只用于看{ $name }自身的变化，不用于跨国比较）：R = { $multiple }
dividend-hours-per-worker = 就业者人均工时  { $base } → { $end } 小时/年（{ $base_week } → { $end_week } 小时/周，按全年 ÷ 52 计）
dividend-hours-per-head = 全民人均工时    { $base } → { $end } 小时/年（{ $base_week } → { $end_week } 小时/周），按全部人口平均
dividend-hours-needed = 按 { $end } 年的劳动生产率，生产 { $base } 年每名就业者的产出所需工时：{ $year } 小时/年（{ $week } 小时/周）
dividend-taken = 实际以缩短工时兑现 { $year } 小时/年（{ $week } 小时/周）
dividend-none-taken = 没有兑现：工时反而增加了 { $year } 小时/年（{ $week } 小时/周）
dividend-potential = 潜在红利        { $year } 小时/年（{ $week } 小时/周）；{ $taken }
dividend-captured = 潜在红利中以缩短工时兑现的比例：{ $share }
dividend-captured-undefined = 潜在红利中以缩短工时兑现的比例：无法确定（{ $reason }）
dividend-no-dividend = 没有红利
dividend-career-hours = { $hours } 小时（折合 { $years } 年每周 40 小时的工作）
dividend-career-taken = 已兑现 { $hours }
dividend-career-none = 没有兑现：反而多工作 { $hours }
dividend-career = 按 { $years } 年的职业生涯（假设值）、{ $base } 年的工时计：潜在 { $potential }，{ $taken }
dividend-caution = 注意：{ $message }。
dividend-share-missing = 数据中没有 { $year } 年的值
dividend-share-measured = { $share }（{ $year } 年）
dividend-share-carried = { $share }（PWT 对 { $first }–{ $last } 年给出同一个值，并非 { $year } 年的实测）
dividend-labour-share = 劳动收入份额    { $base } → { $end }：增长中没有转化为闲暇的那部分归了谁
dividend-year-missing = { $country }（{ $code }）有 { $first }–{ $last } 年的数据，其中没有 { $year } 年
dividend-year-missing-gaps = { $country }（{ $code }）有 { $first }–{ $last } 年的数据（缺 { $gaps } 年），其中没有 { $year } 年
dividend-base-after-end = 基年 { $base } 年必须早于截止年 { $end } 年
dividend-no-rise = 每小时产出从 { $base } 年到 { $end } 年没有上升（R = { $multiple }），因此没有可兑现的红利
dividend-too-small = 增长太小，不宜再分：R = { $multiple }，潜在红利每年 { $potential } 小时（至少需要 ×1.05 且每年 52 小时，即每周一小时）

## 说明（LEISURE-MODEL.md §5；data/README.md 中的 Caveats）。
dividend-caveat-ven = 委内瑞拉：PWT 给出的每小时产出历年都在 0.5–1.3 美元之间，这个水平没有实际意义，且数据止于 2006 年
dividend-caveat-irl = 爱尔兰：2015 年每小时产出跳升 20%，而工时几乎未变，这是爱尔兰 GDP 统计的已知问题，并非工作本身的变化
dividend-caveat-deu = 德国：整个序列都按统一后的德国计；1991 年以前的基年混合了两个经济体（每小时产出 1990 年上升 7.6%，1991 年上升 9.6%）
dividend-caveat-chn = 中国：劳动生产率倍数受 PWT 版本的影响比其他任何国家都大：1978–2019 年，PWT 10.01（此处所用）给出 6.67，而沿用官方增长序列的 PWT 11.0 约为 21.7；两个版本中工时都在增加，所以无论用哪个版本，以缩短工时兑现的比例都低于零
dividend-caveat-hours-jump = { $country }：{ $year } 年的工时与相邻年份相差 { $change }%，很可能是数据来源有变；换一个离跳变远些的年份更稳妥
dividend-caveat-avh-repeated = { $country }：PWT 对 { $first }–{ $last } 年给出相同的工时；{ $year } 年的数字沿用自相邻年份，并非 { $year } 年的实测
dividend-caveat-labour-share-repeated = { $country }：PWT 对 { $first }–{ $last } 年每年给出同一个劳动收入份额；它并非 { $year } 年的实测
dividend-caveat-levels = 每小时产出按 2017 年美元、本国不变价计：适合看一国自身的变化，不适合比较各国之间的水平
dividend-kind-hours-jump = 工时跳变
dividend-kind-avh-repeated = 工时沿用
dividend-kind-labour-share-repeated = 份额沿用
dividend-kind-release-sensitive = 版本敏感
dividend-kind-levels-not-comparable = 水平不可比
dividend-kind-series-break = 序列断点

## 凯恩斯周（§2）。
dividend-week-hours = { $week } { $hours } 小时
dividend-keynes-free = 整体经济的劳动生产率本可为你每周腾出 { $hours } 小时
dividend-keynes-more = 每周反而多工作 { $hours } 小时
dividend-keynes = 凯恩斯周：你每周 { $average } 小时按 { $base } 年劳动生产率完成的产出，按 { $end } 年的劳动生产率只需每周 { $keynes } 小时（R = { $multiple }，{ $country }）；{ $free }。
dividend-keynes-assumption = 假设你的劳动生产率与{ $country }的平均水平同步增长（按每名就业者工时计）；数据截至 { $end } 年。
dividend-keynes-weeks = 取 { $count } 周的平均：{ $weeks }
dividend-note = 说明：{ $reason }。
dividend-keynes-unavailable = 凯恩斯周：无法计算：{ $reason }。
dividend-no-multiple = 没有全国劳动生产率倍数
dividend-keynes-no-week = 还没有一个有记录的完整周；先记满一周
dividend-multiple-unusable = 劳动生产率倍数 { $multiple } 无法使用
dividend-no-week = 还没有一个有记录的完整周
dividend-few-weeks-one = 目前只有 { $count } 个有记录的完整周（需要 { $wanted } 周）
dividend-few-weeks = 目前只有 { $count } 个有记录的完整周（需要 { $wanted } 周）

## 你的一周与其他几种一周（§4.1）。
dividend-weeks-heading = 你的一周与其他几种一周（每周小时数）：
dividend-bar-you = 你
dividend-bar-996 = 996
dividend-bar-average = 全国平均
dividend-bar-statutory = 法定标准
dividend-bar-base-year-living = 基年生活水平
dividend-bar-keynes = 凯恩斯
dividend-source-you-one = 你最近 { $weeks } 个有记录的完整周的平均
dividend-source-you = 你最近 { $weeks } 个有记录的完整周的平均
dividend-source-996 = 996：早上 9 点到晚上 9 点，每周六天
dividend-source-average = { $country } { $end } 年：每名就业者年均工作小时数 ÷ 52（已计入节假日和休假）
dividend-source-statutory = { $country }：{ $law }
dividend-source-base-year-living = { $country }：按 { $end } 年的劳动生产率，生产 { $base } 年每名就业者的产出所需工时 ÷ 52
dividend-source-keynes = 凯恩斯《我们孙辈的经济可能性》（1930 年）
dividend-statutory-chn = 标准工作周 40 小时，国务院《关于职工工作时间的规定》（1995 年）
dividend-statutory-fra = 法定工作周 35 小时，《奥布里法》（1998 年、2000 年）
dividend-statutory-usa = 每周超过 40 小时须付加班工资，1938 年《公平劳动标准法》（1940 年起施行）
dividend-statutory-jpn = 法定工作周 40 小时，《劳动基准法》（1997 年起适用于所有雇主）
dividend-statutory-kor = 法定工作周 40 小时，2003 年修订的《劳动基准法》

## 累计（§4.2）。
dividend-accumulated-unavailable = 累计：无法计算：{ $reason }。
dividend-no-figures = 没有数据
dividend-nothing-tracked = 还没有任何记录
dividend-accumulated = 自第一条记录以来累计：共记录 { $tracked } 小时；这些工时按 { $base } 年劳动生产率完成的产出，按 { $end } 年的劳动生产率只需 { $at_end } 小时；相差 { $difference } 小时（合 { $weeks } 个 40 小时工作周）。

## 个人劳动生产率（§3）。
dividend-no-units = 个人劳动生产率：还没有项目设定产出单位（`otium project 项目 --unit pages`）。
dividend-personal-heading = 个人劳动生产率（按项目，本期每小时产出与基准期相比）：
dividend-combined = 全部项目：劳动生产率倍数 { $multiple }（按本期各项目工时加权的几何平均）
dividend-project = { $project }（{ $unit }）：基准期 { $baseline }，本期 { $period }
dividend-project-inputs = 每周工时 { $hours_base } → { $hours_now }；每周 { $unit } { $output_base } → { $output_now }
dividend-project-rate = 每小时 { $unit } { $base } → { $now }：劳动生产率倍数 R = { $multiple }
dividend-project-taken = 实际兑现每周 { $hours } 小时
dividend-project-none = 没有兑现：每周工时反而增加了 { $hours } 小时
dividend-project-need = 基准期的产出现在只需每周 { $need } 小时：潜在红利每周 { $potential } 小时，{ $taken }
dividend-project-captured = 潜在红利中以缩短工时兑现的比例：{ $share }
dividend-project-split = 增长的去向：{ $output } 变成更多产出，{ $leisure } 变成更短工时
dividend-project-split-longer = 增长的去向：{ $output } 变成更多产出，{ $leisure } 变成更短工时（你的工时反而更长了）
dividend-project-reason = { $reason }。
dividend-baseline-none = 暂无
dividend-no-baseline = { $period } 之前还没有 { $project } 同时有工时和产出的完整周；用 `otium output N --project { $project }` 登记产出
dividend-no-hours-baseline = 基准期没有记录工时
dividend-no-hours-current = 本期没有记录工时
dividend-no-output-baseline = 基准期没有登记产出
dividend-no-output-current = 本期没有登记产出
dividend-personal-unchanged = 每小时产出没有变化（R = 1）：没有可分的增长
dividend-personal-too-small = 增长太小，不宜再分：每小时产出变化了 { $change }%（R = { $multiple }；至少需要 5%）
dividend-personal-fell = 每小时产出下降了（R = { $multiple }），因此没有可兑现的红利
dividend-personal-small-potential = 增长太小，不宜再分：潜在红利每周只有 { $potential } 小时（至少需要 1 小时）

## 各国对比（§4.3）与国家列表。
dividend-compare-heading = 各国从 { $base } 年到各自最新数据年份（未注明的为 2019 年），按潜在红利中以缩短工时兑现的比例排序：
dividend-col-country = 国家
dividend-col-potential = 潜在 小时/年
dividend-col-taken = 兑现 小时/年
dividend-col-share = 比例
dividend-col-caveats = 说明
dividend-compare-to = { $code } { $name }（至 { $end } 年）
dividend-compare-cell = { $year }（{ $week }/周）
dividend-compare-legend = R：截止年与基年每小时产出之比。潜在：每小时产出的提高本可为每名就业者腾出的工时；兑现：工时实际减少了多少（负数表示工时增加）。比例：兑现 ÷ 潜在（增长太小不宜再分或没有增长时为 —）。
dividend-compare-caveats = 说明：
dividend-compare-note = { $code }：{ $message }。

## 本命令的错误（提示另见 otium.ftl）。
dividend-unknown-country = 国家 { $country } 没有工时数据：这张表只收录 Penn World Table 记录了年均工作小时数的国家
dividend-no-unit = 项目 { $project } 没有设定产出单位
dividend-no-project = 没有项目 { $project }
dividend-config-country = 配置中的 country = { $country } 在 Penn World Table 中没有工时数据；`otium dividend --countries` 列出可用的代码
dividend-future-weeks = { $flag } 从 { $first } 所在的那一周开始，这一周还没到（今天是 { $today }）；请给出已经过去的周，例如 2026-W10..2026-W13
dividend-bad-weeks = { $text } 不是一个周，也不是一段连续的周；例如 2026-W10 或 2026-W10..2026-W13
dividend-weeks-reversed = { $text } 中的最后一周早于第一周
dividend-baseline-needs-project = --baseline 需要同时给出 --project：每个项目的基准期各不相同
dividend-compare-empty = 没有哪个国家同时有 { $base } 年及之后年份的工时数据；数据覆盖 1950–2019 年（`otium dividend --countries` 列出各国的年份）

## 数据来源（CC BY 4.0；data/README.md）。引文本身（作者、题名、期刊）保留原文。
dividend-attribution = 数据：Penn World Table 10.01（Feenstra, Inklaar & Timmer 2015, "The Next Generation of the Penn World Table", American Economic Review 105(10): 3150–3182；www.ggdc.net/pwt），采用 CC BY 4.0 许可。每小时产出和每名就业者产出由 PWT 变量 rgdpna、emp 和 avh 推算而得。
dividend-attribution-short = 数据：PWT 10.01，CC BY 4.0，经推算
