# otium, the terminal interface: tabs, views, help overlay, forms, status line.
# Every key here is also in zh-CN/tui.ftl and named by code in src/.

## Status-line messages after a change
tui-started = Started { $project }{ $rest }.
tui-started-again = Started { $project } again{ $rest }.
tui-started-stopped = ; stopped { $project } after { $duration }
tui-started-dropped = ; dropped { $project } (it had started this same second)
tui-stopped = Stopped { $project } after { $duration }.
tui-added = Added session { $id } ({ $project }).
tui-saved = Saved session { $id }. Press u to undo.
tui-deleted = Deleted session { $id } ({ $project }). Press u to undo.
tui-nothing-changed = Nothing changed.
tui-filter-cleared = Filter cleared.
tui-nothing-selected = No session selected.
tui-nothing-at-cursor = No session at the cursor; move onto a block (n / N jump to the next / previous).
tui-no-block-after = No session after this one in the week; [ and ] change the week.
tui-no-block-before = No session before this one in the week; [ and ] change the week.

## The session form
tui-form-project = Project
tui-form-tags = Tags
tui-form-note = Note
tui-form-from = From
tui-form-to = To
tui-form-title-start = Start a session
tui-form-title-add = Add a past session
tui-form-title-edit = Edit session { $id }
tui-form-need-project = give a project, e.g. writing
tui-form-keys = Tab next field · Enter save · Esc cancel

## The frame: tabs, the status line, a terminal too small
tui-tab-dashboard = Dashboard
tui-tab-sessions = Sessions
tui-tab-reports = Reports
tui-tab-dividend = Dividend
tui-tab-calendar = Calendar
tui-too-small = Terminal too small ({ $width }×{ $height }); otium needs { $min_width }×{ $min_height }. Resize, or q to quit.
tui-status-keys = s start · x stop · a add · Tab views · ? help · q quit
tui-filter-prompt = Filter:{ " " }

## Dashboard
tui-dash-now-title = Now
tui-dash-idle = Nothing running. Press s to start.
tui-dash-since = since { $time }
tui-dash-today = Today: { $total }
tui-dash-week = This week: { $total }
tui-dash-week-of = This week: { $total } of { $target }
tui-dash-targets-title = Targets and limits
tui-dash-target = Target { $target } · worked { $worked }{ $balance }
tui-dash-balance-ahead = { " " }· balance +{ $amount }
tui-dash-balance-behind = { " " }· balance -{ $amount }
tui-dash-limits-none = Limits ({ $set }): none broken this week
tui-dash-limits = Limits ({ $set }): { $alert }
tui-dash-limits-more = Limits ({ $set }, { $more } more in otium limits): { $alert }
tui-dash-dividend = Leisure dividend
tui-dash-dividend-like = Leisure dividend, if your productivity grew like { $country }'s
tui-dash-dividend-yours = Your { $hours } h/wk ({ $weeks }-wk avg) at { $base } productivity: { $keynes } h at { $end } productivity
tui-dash-dividend-national = { $country } { $base }→{ $end }: output per hour ×{ $multiple }. Track a complete week to see yours.
tui-dash-trend = Output/h by week: { $parts }
tui-dash-trend-part = { $project } { $spark } { $unit } { $hours } h/wk

## Dividend view
tui-div-citation-key = i full citation
tui-div-attribution-short = Data: PWT 10.01, CC BY 4.0, derived
tui-div-page-figures = figures
tui-div-page-week = your week
tui-div-page-countries = countries
tui-div-page-source = source
tui-div-no-data = No data for { $country } in { $base }. c/C or / choose another country.
tui-div-chart-output = { $country } output per hour, { $base }=100
tui-div-chart-hours = { $country } hours per worker, { $base }=100
tui-div-country-prompt = Country:{ " " }
tui-div-country-match = → { $name } ({ $code }), Enter to show
tui-div-country-empty = code or name, Enter to show, Esc to cancel
tui-div-country-none = no match
tui-div-share-undefined = undefined (the gain is too small to divide or there was none)
tui-div-national = { $country } { $base }→{ $end }: output per hour ×{ $multiple }; hours per worker { $year_base }→{ $year_end } h/yr ({ $week_base }→{ $week_end } h/wk)
tui-div-taken = taken { $hours } h/wk
tui-div-none-taken = none taken, hours rose { $hours } h/wk
tui-div-potential = Potential { $potential } h/wk, { $taken }: share of the potential taken as shorter hours { $share }
tui-div-keynes = What your { $hours } h/wk produced at { $base } productivity takes { $keynes } h at { $end } productivity, if yours grew like the { $country } average.
tui-div-keynes-none = Keynes week: { $reason }.
tui-div-caution = Caution: { $caveat }.
tui-div-per-head = Hours per head of population { $year_base }→{ $year_end } h/yr ({ $week_base }→{ $week_end } h/wk)
tui-div-labour-share = Labour share of GDP (who got the rest) { $base } → { $end }
tui-div-measure = Hours per person engaged (self-employed and farmers included), annual ÷ 52; US$ at { $country } prices are for change over time, not for comparing countries; the data end in { $end }.
tui-div-labour-none = none for { $year }
tui-div-labour-year = { $share } ({ $year })
tui-div-labour-carried = { $share } (one value for { $first }–{ $last }, not measured in { $year })
tui-div-personal = { $project } ({ $unit }/h) { $spark } · { $hours } h/wk
tui-div-personal-gain = { " " }· ×{ $multiple }; where the gain went: { $output } more output, { $leisure } shorter hours
tui-div-no-national = No national figures for this country and base year.
tui-div-week-legend = Hours per week. Average: { $country } { $end } ÷ 52 (holidays included); base-year living: { $base } output per worker at { $end } productivity; Keynes 1930.
tui-div-accumulated = Since your first session: { $tracked } h tracked; what they produced at { $base } productivity takes { $needed } h at { $end }: { $more } h ({ $weeks } weeks of 40 h) more than needed.
tui-div-accumulated-none = Accumulated: { $reason }.
tui-div-not-available = not available
tui-div-career = Over a { $years }-year career (assumed) at { $base } hours: potential { $potential } h ({ $weeks } years of 40-h weeks), taken { $taken } h.
tui-div-col-country = country
tui-div-col-potential = potential
tui-div-col-taken = taken
tui-div-col-share = share
tui-div-col-caveats = caveats
tui-div-per-week = { $hours } h/wk
tui-div-countries-title = { $base } → latest, by share of the potential taken as shorter hours
tui-div-caveat-jump = jump
tui-div-caveat-hours-carried = hours-carried
tui-div-caveat-share-carried = share-carried
tui-div-caveat-release = release
tui-div-caveat-levels = levels
tui-div-caveat-break = break
tui-div-bar-you = you
tui-div-bar-996 = 996
tui-div-bar-average = average
tui-div-bar-statutory = statutory
tui-div-bar-base-year = base-year living
tui-div-bar-keynes = Keynes
tui-div-source-citation = Data: Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015, "The Next Generation of the Penn World Table", American Economic Review 105(10): 3150–3182; www.ggdc.net/pwt), licensed CC BY 4.0. Output per hour and per worker are derived from PWT variables rgdpna, emp and avh.
tui-div-source-dataset = Dataset: Penn World Table, version 10.01, Groningen Growth and Development Centre (2023), DataverseNL, doi:10.34894/QT5BCC. Licence CC BY 4.0; otium computed output per hour (rgdpna ÷ (emp × avh)) and nothing else.
tui-div-source-hours = Hours are per person engaged (employees, self-employed and farmers) per year, holidays included; a week is annual ÷ 52. US$ are at constant 2017 national prices: for change within a country, not for comparing levels. Values PWT carries over years it did not measure are named so. The data end in 2019; nothing is assumed after it.

## Help overlay: what each key does
tui-key-quit = quit
tui-key-show-or-hide-this-help = show or hide this help
tui-key-next-view = next view
tui-key-previous-view = previous view
tui-key-dashboard = dashboard
tui-key-sessions = sessions
tui-key-reports = reports
tui-key-dividend = dividend
tui-key-week-calendar = week calendar
tui-key-start-a-session = start a session
tui-key-stop-the-running-session = stop the running session
tui-key-add-a-past-session = add a past session
tui-key-reload-from-the-database = reload from the database
tui-key-select-previous-session = select previous session
tui-key-select-next-session = select next session
tui-key-edit-the-selected-session = edit the selected session
tui-key-continue-the-selected-session = continue the selected session
tui-key-delete-the-selected-session = delete the selected session
tui-key-undo-the-last-change-also-one-made-by-the-cli = undo the last change (also one made by the CLI)
tui-key-redo-what-was-undone = redo what was undone
tui-key-filter-by-project-or-tag = filter by project or tag
tui-key-clear-the-filter = clear the filter
tui-key-previous-range = previous range
tui-key-next-range = next range
tui-key-day-week-month = day / week / month
tui-key-group-by-project-tag-day-week = group by project / tag / day / week
tui-key-show-or-hide-the-target-line = show or hide the target line
tui-key-write-this-range-as-an-html-report = write this range as an HTML report
tui-key-earlier-base-year = earlier base year
tui-key-later-base-year = later base year
tui-key-next-country = next country
tui-key-previous-country = previous country
tui-key-type-a-country-code-or-name = type a country code or name
tui-key-figures-your-week-countries-source = figures / your week / countries / source
tui-key-the-data-s-full-citation = the data's full citation
tui-key-half-an-hour-earlier = half an hour earlier
tui-key-half-an-hour-later = half an hour later
tui-key-previous-day = previous day
tui-key-next-day = next day
tui-key-four-hours-earlier = four hours earlier
tui-key-four-hours-later = four hours later
tui-key-previous-week = previous week
tui-key-next-week = next week
tui-key-back-to-today-and-now = back to today and now
tui-key-next-session = next session
tui-key-previous-session = previous session
tui-key-add-a-session-at-the-selected-half-hour = add a session at the selected half hour
tui-help-scope = { " " }({ $view })
tui-help-forms = In forms: Tab/↑↓ fields · Enter save · Esc cancel
tui-help-title = Keys (any key closes)
tui-help-title-scroll = Keys { $first }–{ $last } of { $total } · ↑↓ PgUp PgDn scroll · other keys close

## Form labels and the delete confirmation
tui-form-colon = { ": " }
tui-confirm-running = now, running
tui-confirm-delete = Delete session { $id } ({ $project }, { $weekday } { $start }–{ $end }, { $duration })? y / n

## Sessions view
tui-sessions-title = Sessions, last { $days } days
tui-sessions-matching-one = Sessions matching { $filter }: 1 session, { $total } · Esc clears
tui-sessions-matching = Sessions matching { $filter }: { $count } sessions, { $total } · Esc clears
tui-sessions-empty = No sessions yet. Press s to start or a to add one.
tui-sessions-no-match = No session matches the filter (Esc clears it).

## Reports view
tui-reports-day = day
tui-reports-week = week
tui-reports-month = month
tui-reports-target-key = { " " }· T target line
tui-reports-keys = ← → move the { $kind } · t day/week/month · g grouping{ $target } · w write HTML
tui-reports-empty = No time tracked in this range.
tui-reports-hours = Hours
tui-reports-target = target
tui-reports-worked = worked
tui-reports-total = Total

## Calendar view
tui-cal-worked-of = { $worked } of { $target }
tui-cal-keys = · [ ] week · n N session · a add
tui-cal-day-hours = ({ $hours }h)
tui-cal-legend-empty = No sessions this week · a adds one at the cursor
tui-cal-gap = · { $gap } gap
tui-cal-now = now
tui-cal-detail = { $tags } · { $weekday } { $start }–{ $end } · { $duration }{ $note } · e edit · d delete · c continue
tui-cal-skipped = does not exist (the clocks went forward)
tui-cal-free = free · a adds a session here

## Away time
tui-away-title = Away
tui-away-question = You were away { $span }. Keep it, cut it out of the session (split in two), or stop at { $at }?
tui-away-span = { $from }–{ $to } ({ $duration })
tui-away-keys = k keep · c cut it out · s stop · Esc later
tui-away-later = Away time left open: `otium status` asks again, `otium away keep|cut|stop` answers.
tui-away-cut = Cut { $span } out: { $project } ends at { $at }, session { $id } runs on. u undoes.
tui-away-stopped = Stopped { $project } at { $at }, when you left. u undoes.
tui-away-kept = Kept { $span } in { $project }.

## Reports and dividend settings, undo, the written report
tui-targets-none = No target is set: add daily_target_hours, weekly_target_hours or [targets] to config.toml.
tui-targets-shown = Target line shown.
tui-targets-hidden = Target line hidden.
tui-targets-shown-grouping = Target line shown; it is drawn when grouped by day or week (g).
tui-targets-hidden-grouping = Target line hidden; it is drawn when grouped by day or week (g).
tui-country-chosen = { $name } ({ $code }).
tui-country-no-match = No country with hours data matches { $text }; / to try again, c/C to cycle.
tui-undid = Undid “{ $summary }”: { $effects }. U redoes it.
tui-redid = Redid “{ $summary }”: { $effects }. u undoes it again.
tui-report-written = Wrote the report to { $path }.
tui-report-names-taken = { $stem }.html and { $tries } numbered names beside it are taken; move some away
tui-banner-start-key = { $message }; s starts one

## Starting the TUI
tui-needs-terminal = the TUI needs a terminal; run it in one, or use a verb such as `otium status` (see `otium --help`)
tui-terminal-error = terminal error: { $error }
