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
    assert!(n.warnings.is_empty(), "{:?}", n.warnings);
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
        prop_assume!((r - 1.0).abs() > 1e-6);
        let sum = p.share_output.unwrap() + p.share_leisure.unwrap();
        prop_assert!((sum - 1.0).abs() < 1e-6, "sum {}", sum);
    }
}
