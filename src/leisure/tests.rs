//! The model checked against arithmetic done by hand from the CSV rows.

use proptest::prelude::*;

use super::data::country;
use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn usa_1970_to_2019() {
    // CSV: USA 1970 avh 1893.4, 33.2549 $/h, labsh 0.6490; 2019 avh 1765.3, 73.5850 $/h, labsh 0.5971.
    let n = national(country("USA").unwrap(), 1970, None).unwrap();
    let r = 73.5850 / 33.2549;
    assert_eq!(n.end_year, 2019);
    assert!(close(n.productivity_multiple, r));
    assert!(close(n.hours_needed, 1893.4 / r));
    assert!(close(n.potential_hours, 1893.4 - 1893.4 / r));
    assert!(close(n.realised_hours, 1893.4 - 1765.3));
    assert!(close(
        n.captured_share.unwrap(),
        (1893.4 - 1765.3) / (1893.4 - 1893.4 / r)
    ));
    assert_eq!(
        (n.labour_share_base, n.labour_share_end),
        (Some(0.6490), Some(0.5971))
    );
    // The data README's sanity table: R 2.213, H_need 855.6, D_pot 1037.8, D_real 128.1, 12.3%.
    assert!((n.productivity_multiple - 2.213).abs() < 0.001);
    assert!((n.hours_needed - 855.6).abs() < 0.1);
    assert!((n.captured_share.unwrap() - 0.123).abs() < 0.001);
    assert!(n.warnings.is_empty(), "{:?}", n.warnings);
}

#[test]
fn usa_1950_to_2019() {
    // 1950: avh 1990.1, 19.7312 $/h. R = 73.5850 / 19.7312 = 3.7294; README: 3.729, 15.4%.
    let n = national(country("USA").unwrap(), 1950, Some(2019)).unwrap();
    let r = 73.5850 / 19.7312;
    assert!(close(n.productivity_multiple, r));
    let captured = (1990.1 - 1765.3) / (1990.1 - 1990.1 / r);
    assert!(close(n.captured_share.unwrap(), captured));
    assert!((captured - 0.154).abs() < 0.001);
}

#[test]
fn china_1978_hours_rose_so_captured_share_is_negative() {
    // 1978: avh 1972.7, 1.7798 $/h; 2019: avh 2168.9, 11.8742 $/h.
    let n = national(country("CHN").unwrap(), 1978, None).unwrap();
    let r = 11.8742 / 1.7798;
    assert!(close(n.productivity_multiple, r));
    assert!(close(n.realised_hours, 1972.7 - 2168.9));
    let captured = (1972.7 - 2168.9) / (1972.7 - 1972.7 / r);
    assert!(close(n.captured_share.unwrap(), captured));
    assert!(captured < 0.0);
}

#[test]
fn germany_1991_and_the_reunification_warning() {
    // 1991: avh 1554.1, 49.3132 $/h, labsh 0.6681; 2019: 1386.2, 69.4753, 0.6419.
    let n = national(country("DEU").unwrap(), 1991, None).unwrap();
    let r = 69.4753 / 49.3132;
    assert!(close(n.productivity_multiple, r));
    assert!(close(
        n.captured_share.unwrap(),
        (1554.1 - 1386.2) / (1554.1 - 1554.1 / r)
    ));
    // 1991 is the last year of Germany's one carried labour share (1950–1991), and
    // 2019 repeats 2018: both flagged, and no reunification caveat from 1991 on.
    let kinds: Vec<CaveatKind> = n.caveats.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            CaveatKind::LabourShareRepeated,
            CaveatKind::LabourShareRepeated,
            CaveatKind::LevelsNotComparable
        ]
    );
    let before = national(country("DEU").unwrap(), 1970, None).unwrap();
    assert!(
        before
            .warnings
            .iter()
            .any(|w| w.contains("unified Germany"))
    );
}

#[test]
fn korea_1953() {
    // 1953: avh 2484.5, 2.0253 $/h; 2019: 1979.5, 41.3421 $/h. R = 20.413 (README, unrounded 20.413).
    let n = national(country("KOR").unwrap(), 1953, None).unwrap();
    let r = 41.3421 / 2.0253;
    assert!(close(n.productivity_multiple, r));
    assert!((r - 20.413).abs() < 0.001);
    assert!(close(n.potential_hours, 2484.5 - 2484.5 / r));
}

#[test]
fn flagged_series_warn() {
    let ven = national(country("VEN").unwrap(), 1970, None).unwrap();
    assert_eq!(ven.end_year, 2006);
    assert!(ven.warnings.iter().any(|w| w.contains("Venezuela")));
    let irl = national(country("IRL").unwrap(), 1990, None).unwrap();
    assert!(irl.warnings.iter().any(|w| w.contains("2015")));
    // Mexico 2009: 1973.0 after 2105.0 (-6.3%).
    let mex = national(country("MEX").unwrap(), 2009, None).unwrap();
    assert!(
        mex.warnings.iter().any(|w| w.contains("2009")),
        "{:?}",
        mex.warnings
    );
}

#[test]
fn years_outside_the_data_say_which_exist() {
    let err = national(country("CHN").unwrap(), 1960, None).unwrap_err();
    assert!(
        err.0.contains("1970–2019") && err.0.contains("1960"),
        "{}",
        err.0
    );
    let gap = national(country("NLD").unwrap(), 1969, None).unwrap_err();
    assert!(gap.0.contains("no 1969"), "{}", gap.0);
    let order = national(country("USA").unwrap(), 2019, Some(1970)).unwrap_err();
    assert!(order.0.contains("before the end year"));
}

#[test]
fn keynes_week_by_hand() {
    // 44 h, 45 h, 44 h, 45 h: average 44.5; with USA 1970 R = 73.5850/33.2549 = 2.2128,
    // 44.5 / 2.2128 = 20.11 h.
    let r = 73.5850 / 33.2549;
    let k = keynes_week(&[44.0, 45.0, 44.0, 45.0], r).unwrap();
    assert!(close(k.average_hours, 44.5));
    assert!(close(k.keynes_hours, 44.5 / r));
    assert!((k.keynes_hours - 20.11).abs() < 0.01);
    assert!(close(k.dividend_hours, 44.5 - 44.5 / r));
    assert!(
        keynes_week(&[], r)
            .unwrap_err()
            .0
            .contains("no complete week")
    );
}

#[test]
fn personal_productivity_by_hand() {
    // Baseline 4 weeks: 40 h, 80 pages -> 10 h/week, 20 pages/week, 2 pages/h.
    // Current 1 week: 8 h, 24 pages -> 3 pages/h. R = 1.5, h_need = 10/1.5 = 6.667,
    // D_pot = 3.333, D_real = 2, captured = 0.6.
    let b = PeriodTotals {
        weeks: 4.0,
        hours: 40.0,
        output: 80.0,
    };
    let c = PeriodTotals {
        weeks: 1.0,
        hours: 8.0,
        output: 24.0,
    };
    let p = personal(b, c);
    assert!(close(p.productivity_multiple.unwrap(), 1.5));
    assert!(close(p.hours_needed.unwrap(), 10.0 / 1.5));
    assert!(close(p.potential_hours.unwrap(), 10.0 - 10.0 / 1.5));
    assert!(close(p.realised_hours.unwrap(), 2.0));
    assert!(close(p.captured_share.unwrap(), 2.0 / (10.0 - 10.0 / 1.5)));
    // ln(24/20)/ln 1.5 = 0.4497 to output, ln(10/8)/ln 1.5 = 0.5503 to leisure.
    assert!(close(
        p.share_output.unwrap(),
        (24.0_f64 / 20.0).ln() / 1.5_f64.ln()
    ));
    assert!(close(
        p.share_leisure.unwrap(),
        (10.0_f64 / 8.0).ln() / 1.5_f64.ln()
    ));
    assert_eq!(p.reason, None);
}

#[test]
fn personal_undefined_cases_say_why() {
    let some = PeriodTotals {
        weeks: 1.0,
        hours: 10.0,
        output: 10.0,
    };
    let no_output = PeriodTotals {
        weeks: 1.0,
        hours: 10.0,
        output: 0.0,
    };
    let no_hours = PeriodTotals {
        weeks: 1.0,
        hours: 0.0,
        output: 5.0,
    };
    let p = personal(some, no_output);
    assert_eq!(p.productivity_multiple, None);
    assert!(
        p.reason
            .unwrap()
            .contains("no output recorded in the current period")
    );
    assert!(
        personal(no_hours, some)
            .reason
            .unwrap()
            .contains("no hours tracked in the baseline")
    );
    let same = personal(some, some);
    assert_eq!(same.productivity_multiple, Some(1.0));
    assert_eq!((same.share_output, same.captured_share), (None, None));
    assert!(same.reason.unwrap().contains("R = 1"));
    // Productivity fell: R = 0.5, no dividend to capture, shares still add to 1.
    let fell = personal(
        some,
        PeriodTotals {
            weeks: 1.0,
            hours: 10.0,
            output: 5.0,
        },
    );
    assert_eq!(fell.captured_share, None);
    assert!(fell.reason.unwrap().contains("fell"));
    assert!(close(
        fell.share_output.unwrap() + fell.share_leisure.unwrap(),
        1.0
    ));
}

#[test]
fn combined_multiple_is_the_hours_weighted_geometric_mean() {
    // R 2 with 30 h and R 1.5 with 10 h: exp(0.75 ln 2 + 0.25 ln 1.5) = 2^0.75 * 1.5^0.25.
    let m = combined_multiple(&[(2.0, 30.0), (1.5, 10.0)]).unwrap();
    assert!(close(m, 2.0_f64.powf(0.75) * 1.5_f64.powf(0.25)));
    assert_eq!(combined_multiple(&[]), None);
}

proptest! {
    #[test]
    fn decomposition_adds_to_one(
        hb in 0.5_f64..80.0, hp in 0.5_f64..80.0, ob in 0.1_f64..500.0, op in 0.1_f64..500.0,
    ) {
        let p = personal(
            PeriodTotals { weeks: 1.0, hours: hb, output: ob },
            PeriodTotals { weeks: 1.0, hours: hp, output: op },
        );
        let r = p.productivity_multiple.unwrap();
        // A gain under 5% either way is not divided (LEISURE-MODEL.md §5).
        prop_assume!(r.ln().abs() >= 1.05_f64.ln());
        let sum = p.share_output.unwrap() + p.share_leisure.unwrap();
        prop_assert!((sum - 1.0).abs() < 1e-6, "sum {}", sum);
    }
}

#[test]
fn hours_per_head_and_career_by_hand() {
    // USA 1970: avh 1893.4, emp 84.6969, pop 209.5133; 2019: 1765.3, 158.2996, 329.0649.
    let n = national(country("USA").unwrap(), 1970, None).unwrap();
    assert!(close(
        n.hours_per_head_base.unwrap(),
        1893.4 * 84.6969 / 209.5133
    ));
    assert!(close(
        n.hours_per_head_end.unwrap(),
        1765.3 * 158.2996 / 329.0649
    ));
    // 765.4 → 849.2 h a year: per head, hours rose while hours per worker fell.
    assert!((n.hours_per_head_base.unwrap() - 765.4).abs() < 0.1);
    assert!((n.hours_per_head_end.unwrap() - 849.2).abs() < 0.1);
    let r = 73.5850 / 33.2549;
    assert_eq!(n.career_years, 45);
    assert!(close(
        n.career_potential_hours,
        45.0 * (1893.4 - 1893.4 / r)
    ));
    assert!(close(n.career_realised_hours, 45.0 * (1893.4 - 1765.3)));
    // LEISURE-MODEL.md §4.2: about 46,700 h, about 22 years of 40-hour weeks.
    assert!((n.career_potential_hours - 46_700.0).abs() < 50.0);
    assert!((n.career_potential_hours / 2080.0 - 22.4).abs() < 0.1);
    assert_eq!(
        (n.labour_share_base_run, n.labour_share_end_run),
        (None, None)
    );
}

#[test]
fn caveats_as_data() {
    let kinds = |n: &National| n.caveats.iter().map(|c| c.kind).collect::<Vec<_>>();
    let deu = national(country("DEU").unwrap(), 1970, None).unwrap();
    assert!(kinds(&deu).contains(&CaveatKind::LabourShareRepeated));
    assert!(kinds(&deu).contains(&CaveatKind::SeriesBreak));
    assert_eq!(
        deu.labour_share_base_run,
        Some(YearRun {
            first_year: 1950,
            last_year: 1991
        })
    );
    let chn = national(country("CHN").unwrap(), 1978, None).unwrap();
    assert!(kinds(&chn).contains(&CaveatKind::ReleaseSensitive));
    // China's 2019 hours (2168.9) repeat 2017 and 2018.
    let avh = chn
        .caveats
        .iter()
        .find(|c| c.kind == CaveatKind::AvhRepeated)
        .unwrap();
    assert!(avh.message.contains("2017–2019"), "{}", avh.message);
    // Ireland across 2015 and Venezuela always are series breaks; USA 1970 has none.
    let irl = national(country("IRL").unwrap(), 1990, None).unwrap();
    assert!(kinds(&irl).contains(&CaveatKind::SeriesBreak));
    let usa = national(country("USA").unwrap(), 1970, None).unwrap();
    assert_eq!(kinds(&usa), [CaveatKind::LevelsNotComparable]);
    // Mexico 2009: 1973.0 after 2105.0 (-6.3%).
    let mex = national(country("MEX").unwrap(), 2009, None).unwrap();
    assert!(kinds(&mex).contains(&CaveatKind::HoursJump));
}

#[test]
fn a_tiny_gain_is_not_divided() {
    // JAM 1990: avh 1938.2, 10.7216 $/h; 2002: 1965.6, 10.7546 $/h.
    // R = 1.00308, H_need = 1932.25, D_pot = 5.95 h a year: under 52 h and under ×1.05.
    let n = national(country("JAM").unwrap(), 1990, None).unwrap();
    let r = 10.7546 / 10.7216;
    assert!(close(n.productivity_multiple, r));
    assert!(close(n.potential_hours, 1938.2 - 1938.2 / r));
    assert!((n.potential_hours - 5.95).abs() < 0.01);
    assert!(close(n.realised_hours, 1938.2 - 1965.6));
    assert_eq!(n.captured_share, None);
    assert!(n.reason.unwrap().contains("too small to divide"));
}

#[test]
fn countries_side_by_side_for_1970() {
    let rows = compare(1970);
    // 46 countries have a 1970 row (data README: rows per year); all of them have a later year.
    assert_eq!(rows.len(), 46);
    // Argentina leads: R = 29.3701 / 22.3981, share (2006.0 - 1609.1) / (2006.0 - 2006.0 / R) = 83%.
    let r = 29.3701 / 22.3981;
    assert_eq!(rows[0].country_code, "ARG");
    assert!(close(
        rows[0].captured_share.unwrap(),
        (2006.0 - 1609.1) / (2006.0 - 2006.0 / r)
    ));
    // Switzerland second: R = 83.0901 / 45.2767, (1993.1 - 1556.9) / (1993.1 - 1993.1 / R) = 48%.
    let r = 83.0901 / 45.2767;
    assert_eq!(rows[1].country_code, "CHE");
    assert!(close(
        rows[1].captured_share.unwrap(),
        (1993.1 - 1556.9) / (1993.1 - 1993.1 / r)
    ));
    // Sorted high to low, undefined last.
    let shares: Vec<Option<f64>> = rows.iter().map(|r| r.captured_share).collect();
    let first_none = shares
        .iter()
        .position(Option::is_none)
        .unwrap_or(shares.len());
    assert!(shares[first_none..].iter().all(Option::is_none));
    assert!(shares[..first_none].windows(2).all(|w| w[0] >= w[1]));
    // China's hours rose: negative share, with its release caveat.
    let chn = rows.iter().find(|r| r.country_code == "CHN").unwrap();
    assert!(chn.captured_share.unwrap() < 0.0);
    assert!(
        chn.caveats
            .iter()
            .any(|c| c.kind == CaveatKind::ReleaseSensitive)
    );
    assert!(compare(1900).is_empty());
}

#[test]
fn week_comparison_and_accumulated_by_hand() {
    use super::alternatives::{accumulated, week_comparison};
    let chn = national(country("CHN").unwrap(), 1978, None).unwrap();
    let bars = week_comparison(Ok((44.5, 4)), &chn);
    let kinds: Vec<WeekKind> = bars.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            WeekKind::You,
            WeekKind::NineNineSix,
            WeekKind::NationalAverage,
            WeekKind::Statutory,
            WeekKind::BaseYearLiving,
            WeekKind::Keynes
        ]
    );
    let hours: Vec<f64> = bars.iter().map(|b| b.hours_per_week.unwrap()).collect();
    let r = 11.8742 / 1.7798;
    // 2168.9 / 52 = 41.71; 1972.7 / R / 52 = 5.69.
    let expected = [44.5, 72.0, 2168.9 / 52.0, 40.0, 1972.7 / r / 52.0, 15.0];
    for (h, e) in hours.iter().zip(expected) {
        assert!(close(*h, e), "{h} vs {e}");
    }
    // No statutory week known for Germany; "you" without a week is null with the reason.
    let deu = national(country("DEU").unwrap(), 1991, None).unwrap();
    let bars = week_comparison(Err("no complete week".into()), &deu);
    assert!(bars.iter().all(|b| b.kind != WeekKind::Statutory));
    assert_eq!(bars[0].hours_per_week, None);
    // 100 h tracked at R = 2.2128: 45.19 h at end-year productivity, 54.81 h less, 1.37 weeks.
    let r = 73.5850 / 33.2549;
    let a = accumulated(100.0, r).unwrap();
    assert!(close(a.hours_at_end_productivity, 100.0 / r));
    assert!(close(a.difference_hours, 100.0 - 100.0 / r));
    assert!(close(a.difference_weeks_40h, (100.0 - 100.0 / r) / 40.0));
    assert!(accumulated(0.0, r).is_err());
}

#[test]
fn a_small_personal_gain_is_not_divided() {
    // 10 h and 10 pages against 10 h and 10.3 pages: R = 1.03, under 5%.
    let p = personal(
        PeriodTotals {
            weeks: 1.0,
            hours: 10.0,
            output: 10.0,
        },
        PeriodTotals {
            weeks: 1.0,
            hours: 10.0,
            output: 10.3,
        },
    );
    assert!(close(p.productivity_multiple.unwrap(), 1.03));
    assert_eq!((p.captured_share, p.share_output), (None, None));
    assert!(p.reason.unwrap().contains("too small to divide"));
}

#[test]
fn every_text_of_the_model_is_said_in_chinese_with_the_same_numbers() {
    use crate::i18n::Lang;
    // The English labels the report writers read are the catalogue's.
    for kind in [
        WeekKind::You,
        WeekKind::NineNineSix,
        WeekKind::NationalAverage,
        WeekKind::Statutory,
        WeekKind::BaseYearLiving,
        WeekKind::Keynes,
    ] {
        assert_eq!(kind.label(), kind.label_in(Lang::En));
    }
    // Korea 1953–2019 carries its labour share over 1953–1970; Germany has a break.
    let kor = national(country("KOR").unwrap(), 1953, None).unwrap();
    let carried = kor
        .caveats
        .iter()
        .find(|c| c.kind == CaveatKind::LabourShareRepeated)
        .unwrap();
    assert_eq!(
        carried.message_in(Lang::ZhCn),
        "韩国：PWT 对 1953–1970 年每年给出同一个劳动收入份额；它并非 1953 年的实测"
    );
    assert!(
        carried
            .message
            .starts_with("Republic of Korea: PWT gives one labour share")
    );
    let bars = super::alternatives::week_comparison(Ok((18.5, 4)), &kor);
    let statutory = bars.iter().find(|b| b.kind == WeekKind::Statutory).unwrap();
    assert_eq!(
        statutory.source.in_lang(Lang::ZhCn),
        "韩国：法定工作周 40 小时，2003 年修订的《劳动基准法》"
    );
    assert_eq!(
        bars[0].source.in_lang(Lang::ZhCn),
        "你最近 4 个有记录的完整周的平均"
    );
    // Several reasons in one line are joined the Chinese way.
    let empty = PeriodTotals {
        weeks: 1.0,
        hours: 0.0,
        output: 0.0,
    };
    let p = personal(empty, empty);
    assert_eq!(
        p.reason.as_ref().unwrap().in_lang(Lang::ZhCn),
        "基准期没有记录工时；本期没有记录工时；基准期没有登记产出；本期没有登记产出"
    );
    assert!(
        p.reason
            .unwrap()
            .starts_with("no hours tracked in the baseline; no hours")
    );
}
