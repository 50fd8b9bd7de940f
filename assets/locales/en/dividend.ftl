# otium, the leisure dividend: its views, inputs, assumptions and caveats.
# Every key here is also in zh-CN/dividend.ftl and named by code in src/.

## Lists and separators (string literals keep their spaces).
dividend-separator = {"; "}
dividend-list-separator = {", "}

## The national dividend (LEISURE-MODEL.md §1, §4.2, §4.4, §4.5).
dividend-national-unavailable = National dividend ({ $country }, base { $base }): not available: { $reason }.
dividend-national-heading = National dividend: { $name } ({ $code }), { $base } → { $end }
dividend-hours-scope = Hours are per person engaged (employees, self-employed and farmers) and include holidays; the data end in { $end }, nothing is assumed after it.
dividend-output-per-hour = Output per hour      { $base } → { $end } US$ (2017 national prices, for change within { $name }, not across countries): R = { $multiple }
dividend-hours-per-worker = Hours per worker     { $base } → { $end } h/year ({ $base_week } → { $end_week } h/week, annual ÷ 52)
dividend-hours-per-head = Hours per head       { $base } → { $end } h/year ({ $base_week } → { $end_week } h/week) per person of the whole population
dividend-hours-needed = Hours that produce { $base } output per worker at { $end } productivity: { $year } h/year ({ $week } h/week)
dividend-taken = taken as shorter hours { $year } h/year ({ $week } h/week)
dividend-none-taken = none taken: hours rose by { $year } h/year ({ $week } h/week)
dividend-potential = Potential dividend   { $year } h/year ({ $week } h/week); { $taken }
dividend-captured = Share of the potential taken as shorter hours: { $share }
dividend-captured-undefined = Share of the potential taken as shorter hours: undefined: { $reason }
dividend-no-dividend = no dividend
dividend-career-hours = { $hours } h ({ $years } years of 40-hour weeks)
dividend-career-taken = taken { $hours }
dividend-career-none = none taken: { $hours } more work
dividend-career = Over a career of { $years } years (an assumption) at { $base } hours: potential { $potential }, { $taken }
dividend-caution = Caution: { $message }.
dividend-share-missing = not in the data for { $year }
dividend-share-measured = { $share } ({ $year })
dividend-share-carried = { $share } (PWT's one value for { $first }–{ $last }, not a measurement of { $year })
dividend-labour-share = Labour share of GDP  { $base } → { $end }: who received the part of the gain not taken as leisure
dividend-year-missing = { $country } ({ $code }) has data for { $first }–{ $last }; { $year } is not among them
dividend-year-missing-gaps = { $country } ({ $code }) has data for { $first }–{ $last } (no { $gaps }); { $year } is not among them
dividend-base-after-end = the base year { $base } must be before the end year { $end }
dividend-no-rise = output per hour did not rise from { $base } to { $end } (R = { $multiple }), so there was no dividend to capture
dividend-too-small = the gain is too small to divide: R = { $multiple } and a potential of { $potential } h a year (at least ×1.05 and 52 h a year, an hour a week, are needed)

## Caveats (LEISURE-MODEL.md §5; data/README.md "Caveats").
dividend-caveat-ven = Venezuela: PWT puts output per hour at 0.5–1.3 US$ in every year; the level is not meaningful and the data end in 2006
dividend-caveat-irl = Ireland: output per hour jumps 20% in 2015 while hours barely move, a known problem of Irish GDP, not a change in work
dividend-caveat-deu = Germany: one series for unified Germany throughout; base years before 1991 mix two economies (output per hour rises 7.6% in 1990 and 9.6% in 1991)
dividend-caveat-chn = China: the multiple depends on the PWT release more than any other country's: from 1978 to 2019 it is 6.67 in PWT 10.01 (used here) but about 21.7 in PWT 11.0, which follows the official growth series; hours rose in both, so the share taken as shorter hours is below zero either way
dividend-caveat-hours-jump = { $country }: hours in { $year } differ by { $change }% from a neighbouring year, a likely change of source; a year away from the jump is safer
dividend-caveat-avh-repeated = { $country }: PWT gives the same hours for { $first }–{ $last }; the { $year } figure is carried from a neighbouring year, not measured in { $year }
dividend-caveat-labour-share-repeated = { $country }: PWT gives one labour share for every year { $first }–{ $last }; it is not a measurement of { $year }
dividend-caveat-levels = output per hour is in 2017 US$ at constant national prices: good for change within a country, not for comparing levels between countries
dividend-kind-hours-jump = hours_jump
dividend-kind-avh-repeated = avh_repeated
dividend-kind-labour-share-repeated = labour_share_repeated
dividend-kind-release-sensitive = release_sensitive
dividend-kind-levels-not-comparable = levels_not_comparable
dividend-kind-series-break = series_break

## The Keynes week (§2).
dividend-week-hours = { $week } { $hours } h
dividend-keynes-free = { $hours } h/week the economy's productivity could have freed
dividend-keynes-more = { $hours } h/week more work
dividend-keynes = Keynes week: what your { $average } h/week produced at { $base } productivity takes { $keynes } h/week at { $end } productivity (R = { $multiple }, { $country }); { $free }.
dividend-keynes-assumption = Assuming your productivity grew like the { $country } average (hours per person engaged); the data end in { $end }.
dividend-keynes-weeks = Average of { $count } week(s): { $weeks }
dividend-note = Note: { $reason }.
dividend-keynes-unavailable = Keynes week: not available: { $reason }.
dividend-no-multiple = no national multiple
dividend-keynes-no-week = no complete week with tracked time yet; track a full week first
dividend-multiple-unusable = the productivity multiple { $multiple } is not usable
dividend-no-week = no complete week with tracked time yet
dividend-few-weeks-one = only { $count } complete week with tracked time so far ({ $wanted } wanted)
dividend-few-weeks = only { $count } complete weeks with tracked time so far ({ $wanted } wanted)

## Your week against the alternatives (§4.1).
dividend-weeks-heading = Your week against the alternatives (hours per week):
dividend-bar-you = you
dividend-bar-996 = 996
dividend-bar-average = average
dividend-bar-statutory = statutory
dividend-bar-base-year-living = base-year living
dividend-bar-keynes = Keynes
dividend-source-you-one = your average over the last { $weeks } complete week with tracked time
dividend-source-you = your average over the last { $weeks } complete weeks with tracked time
dividend-source-996 = 996: 9 am to 9 pm, six days a week
dividend-source-average = { $country } { $end }: hours per person engaged per year ÷ 52 (includes holidays and leave)
dividend-source-statutory = { $country }: { $law }
dividend-source-base-year-living = { $country }: the hours that produce { $base } output per worker at { $end } productivity, ÷ 52
dividend-source-keynes = Keynes, "Economic Possibilities for our Grandchildren" (1930)
dividend-statutory-chn = 40 h standard week, State Council regulation on working hours of 1995
dividend-statutory-fra = 35 h legal working week, lois Aubry (1998, 2000)
dividend-statutory-usa = 40 h before overtime pay, Fair Labor Standards Act of 1938 (in force since 1940)
dividend-statutory-jpn = 40 h statutory week, Labour Standards Act (since 1997 for all employers)
dividend-statutory-kor = 40 h statutory week, Labor Standards Act as amended in 2003

## Accumulated (§4.2).
dividend-accumulated-unavailable = Accumulated: not available: { $reason }.
dividend-no-figures = no figures
dividend-nothing-tracked = nothing tracked yet
dividend-accumulated = Accumulated since your first session: { $tracked } h tracked; at { $end } productivity what they produced at { $base } productivity takes { $at_end } h; difference { $difference } h ({ $weeks } weeks of 40 hours).

## Personal productivity (§3).
dividend-no-units = Personal productivity: no project declares an output unit yet (`otium project NAME --unit pages`).
dividend-personal-heading = Personal productivity (per project, output per hour now vs a baseline):
dividend-combined = All projects: productivity multiple { $multiple } (geometric mean weighted by this period's hours)
dividend-project = { $project } ({ $unit }): baseline { $baseline } vs { $period }
dividend-project-inputs = hours/week { $hours_base } → { $hours_now }; { $unit }/week { $output_base } → { $output_now }
dividend-project-rate = { $unit }/hour { $base } → { $now }: productivity multiple R = { $multiple }
dividend-project-taken = taken { $hours } h/week
dividend-project-none = none taken: hours rose by { $hours } h/week
dividend-project-need = baseline output would now take { $need } h/week: potential dividend { $potential } h/week, { $taken }
dividend-project-captured = share of the potential taken as shorter hours: { $share }
dividend-project-split = where the gain went: { $output } more output, { $leisure } shorter hours
dividend-project-split-longer = where the gain went: { $output } more output, { $leisure } shorter hours (you worked longer)
dividend-project-reason = { $reason }.
dividend-baseline-none = none yet
dividend-no-baseline = no complete week before { $period } with both hours and output for { $project }; record output with `otium output N --project { $project }`
dividend-no-hours-baseline = no hours tracked in the baseline
dividend-no-hours-current = no hours tracked in the current period
dividend-no-output-baseline = no output recorded in the baseline
dividend-no-output-current = no output recorded in the current period
dividend-personal-unchanged = output per hour did not change (R = 1): there is no gain to divide
dividend-personal-too-small = the gain is too small to divide: output per hour changed by { $change }% (R = { $multiple }; at least 5% is needed)
dividend-personal-fell = output per hour fell (R = { $multiple }), so there is no dividend to capture
dividend-personal-small-potential = the gain is too small to divide: the potential is { $potential } h a week (at least 1 h is needed)

## Countries side by side (§4.3) and the list of countries.
dividend-compare-heading = Countries from { $base } to their latest year (2019 unless marked), sorted by the share of the potential taken as shorter hours:
dividend-col-country = country
dividend-col-potential = potential h/yr
dividend-col-taken = taken h/yr
dividend-col-share = share
dividend-col-caveats = caveats
dividend-compare-to = { $code } { $name } (to { $end })
dividend-compare-cell = { $year } ({ $week }/wk)
dividend-compare-legend = R: output per hour, end year over base year. Potential: the hours the rise in output per hour could have freed per person engaged; taken: how much hours actually fell (negative: they rose). Share: taken ÷ potential (— when the gain is too small to divide or there was none).
dividend-compare-caveats = Caveats:
dividend-compare-note = { $code }: { $message }.

## Errors of the verb (hints are hints: see otium.ftl).
dividend-unknown-country = no hours data for country { $country }: the table holds only the countries for which Penn World Table records average hours worked
dividend-no-unit = project { $project } has no output unit
dividend-no-project = no project { $project }
dividend-config-country = config country = { $country } has no hours data in Penn World Table; `otium dividend --countries` lists the codes
dividend-future-weeks = { $flag } starts in the week of { $first }, which has not begun (today is { $today }); give past weeks, e.g. 2026-W10..2026-W13
dividend-bad-weeks = { $text } is not a week or run of weeks; use e.g. 2026-W10 or 2026-W10..2026-W13
dividend-weeks-reversed = in { $text } the last week comes before the first
dividend-baseline-needs-project = --baseline needs --project: baselines differ per project
dividend-compare-empty = no country has hours data for { $base } and a later year; the data cover 1950–2019 (`otium dividend --countries` lists each country's years)

## The data's attribution (CC BY 4.0; data/README.md).
dividend-attribution = Data: Penn World Table 10.01 (Feenstra, Inklaar & Timmer 2015, "The Next Generation of the Penn World Table", American Economic Review 105(10): 3150–3182; www.ggdc.net/pwt), licensed CC BY 4.0. Output per hour and per worker are derived from PWT variables rgdpna, emp and avh.
dividend-attribution-short = Data: PWT 10.01, CC BY 4.0, derived
