# otium, reports in every format, balance, targets and the working-time limits.
# Every key here is also in zh-CN/reports.ftl and named by code in src/.

## Working-time rules in words (otium limits, the report's limits section)

limits-rule-max-daily = at most { $limit } per day
limits-rule-max-weekly = at most { $limit } per week
limits-rule-max-weekly-average = at most { $limit } per week on average over { $weeks } weeks
limits-rule-min-daily-rest = at least { $rest } of rest in every 24 h
limits-rule-min-weekly-rest = at least { $rest } of rest in every 7 days
limits-rule-min-rest-days = at least { $days } day(s) of rest per week
limits-rule-max-monthly-overtime = at most { $limit } of overtime (beyond { $after } a day) per month

## Where each rule comes from

limits-source-cn-36 = PRC Labour Law art. 36
limits-source-cn-38 = PRC Labour Law art. 38
limits-source-cn-41 = PRC Labour Law art. 41
limits-source-eu-6 = Directive 2003/88/EC art. 6(b); 17-week reference period art. 16(b)
limits-source-eu-3 = Directive 2003/88/EC art. 3
limits-source-eu-5 = Directive 2003/88/EC art. 5 (24 h plus the 11 h of art. 3)
limits-source-custom = your config ([limits])

## One breach, one line

limits-breach-day = { $date }: { $worked } worked, over { $limit }
limits-breach-week = week { $from }–{ $to }: { $worked } worked, over { $limit }
limits-breach-weeks = { $weeks } weeks { $from }–{ $to }: { $worked } worked, { $average } a week on average, over { $limit }
limits-breach-weeks-since = { $weeks } weeks { $from }–{ $to } (since tracking began): { $worked } worked, { $average } a week on average, over { $limit }
limits-breach-rest-days = week { $from }–{ $to }: { $rest } day(s) without work, fewer than { $days }
limits-breach-overtime = { $month }: { $overtime } of overtime (beyond { $after } a day), over { $limit }
limits-breach-rest-a = { $from } – { $to }: a { $span } stretch ({ $worked } worked) without a { $rest } rest in { $period }; { $best }
limits-breach-rest-an = { $from } – { $to }: a { $span } stretch ({ $worked } worked) without an { $rest } rest in { $period }; { $best }
limits-rest-longest = the longest rest was { $length } ({ $from } – { $to })
limits-rest-none = no rest at all
limits-period-day = 24 h
limits-period-week = 7 days

## Alerts: one line per rule (status, the report table, the TUI dashboard)

limits-alert = { $rule } ({ $source }): { $message }{ $more }
limits-more-week = {" "}(and { $n } more this week)
limits-more-range = {" "}(and { $n } more in this range)
limits-on-course = { $rule } ({ $source }): on course to break it: { $so_far } so far this week, about { $projected } at this pace

## otium limits

limits-none = No working-time limits are set. Add limits = "eu" or "cn" (or a [limits] table) to config.toml.
limits-header = Working-time limits "{ $set }" · { $from } – { $to } · { $zone }
limits-rule-line = {"  "}{ $rule } ({ $source })
limits-no-breaches = No breaches.
limits-breach-count = { $n } breach(es):
limits-breach-line = {"  "}{ $rule }: { $message } ({ $source })
limits-disclaimer = These checks inform; they are not legal advice.

## otium balance

limits-error-no-target = no target is set; add daily_target_hours, weekly_target_hours or a [targets] table to config.toml
limits-error-not-begun = the range { $from } – { $to } has not begun (today is { $today }); a balance covers days up to today
limits-balance-header = Balance { $from } – { $to } · { $zone } · running balance since { $since }
limits-balance-worked = worked
limits-balance-target = target
limits-balance-diff = diff
limits-balance-balance = balance

## otium report: the header line every human format starts with

report-header-by = by { $names }
report-by-separator = {", "}
report-header-total = total { $total } in { $n } sessions
report-header-total-one = total { $total } in { $n } session
report-header-rounded = each session rounded { $mode } to { $step } (unrounded { $raw })
report-round-up = up
report-round-nearest = nearest
report-round-down = down
report-range-all = all time
report-range-from = from { $from }
report-range-until = until { $to }
report-by-project = project
report-by-tag = tag
report-by-day = day
report-by-week = week
report-by-month = month
report-no-tag = (no tag)
report-week-iso = week { $week } of { $year }
report-week-of = week of { $first }

## The terminal table

report-empty = No time tracked in this range.
report-total = Total
report-total-currency = Total { $currency }
report-overlap-rows = (a session with several tags counts under each, so rows can add up to more)
report-limits-this-week = Limits this week: { $alert }
report-limits-range = Limits { $from } – { $to }: { $alert }

## The report you send (Markdown and HTML)

report-default-title = Work report
report-field = { $term }:
report-field-name = Name
report-field-client = Client
report-field-range = Range
report-field-zone = Zone
report-field-amount = Amount
report-total-sessions = { $total } in { $n } sessions
report-total-sessions-one = { $total } in { $n } session
report-chart-per-day = Hours per day
report-chart-per-month = Hours per month
report-chart-per-project = Hours per project
report-details = Details
report-made-with = Made with otium.
report-overlap-tags = A session with several tags counts under each tag.
report-col-range = range
report-col-hours = hours
report-col-rate = rate
report-col-amount = amount
report-col-day = day
report-col-time = time
report-col-project = project
report-col-note = note
report-col-week = week
report-col-hours-per-week = hours per week
report-col-source = source
report-sessions-heading = Sessions
report-running = running
report-targets-heading = Targets
report-targets-line = Worked { $worked }, target { $target }, difference { $difference }.
report-balance-line = Overtime balance since { $since }: { $balance }.
report-worked = Worked
report-target = Target
report-difference = Difference
report-balance-since = Overtime balance since { $since }
report-zero-duration = 0m
report-limits-heading = Working-time limits ({ $set })
report-no-breaches = No breaches in this range.
report-breach-item = { $rule }: { $message } ({ $source })
report-breach-html = { $rule }: { $message } <small>({ $source })</small>
report-rule-item = { $rule } ({ $source })
report-rule-html = { $rule } <small>({ $source })</small>
report-rules-checked = Rules checked:
report-dividend-heading = Leisure dividend: your week against the alternatives ({ $country })
report-dividend-none = No national figures for this country and year.
report-hours-a-week = { $hours } h
report-week-you = you
report-week-996 = 996
report-week-average = average
report-week-statutory = statutory
report-week-base-year = base-year living
report-week-keynes = Keynes

## Errors of otium report

report-error-group = cannot group by { $what }; use project, tag, day, week or month (comma-separated to nest)
report-error-json-format = --json asks for JSON but --format asks for another; give one of them
report-error-round-zero = --round { $step } is zero; give a step such as 15m
report-error-send-only = --title, --sessions and --no-dividend shape the report you send; add --format html or --format md
report-error-title = --title is empty or has control characters; give a line of text, e.g. --title "Week 48"

## Errors of the range flags (report, balance, limits and the other verbs that take a range)

report-error-month = --month { $month } is not a month; use YYYY-MM, e.g. 2026-03
report-error-week = --week { $week } is not a week; use YYYY-Www (e.g. 2026-W10) or a date YYYY-MM-DD
report-error-to-before-from = --to { $to } is not after --from { $from }; give a later --to
report-error-today-before-from = --to today is not after --from { $from }; give a later --to
