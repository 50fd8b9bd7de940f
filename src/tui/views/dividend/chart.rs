//! The two index charts of the dividend view, output per hour and hours per worker
//! (base year = 100), each in its own panel with its own axis, so a 20% fall in
//! hours shows beside a ×10 rise in output. Axis labels are evenly spaced values
//! between bounds that are multiples of the step, because ratatui spreads labels
//! evenly over the axis: only then does each label sit on the row of its value.
//! Each panel draws its 100 line with dots; the series is a braille line, so the
//! two are told apart without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Widget};

/// Step sizes tried for the value axis, smallest first (whole numbers only, so the
/// labels print without decimals).
const STEPS: [f64; 15] = [
    1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 2500.0,
    5000.0,
];

/// Bounds and label values for data between `min` and `max` on `rows` rows: of the
/// steps whose intervals fit (one row each on a short axis, two on a tall one), the
/// one that wastes the
/// least of the axis (on a tie, the smaller step, for more labels).
#[must_use]
pub fn ticks(min: f64, max: f64, rows: u16) -> (f64, f64, Vec<f64>) {
    // On a short axis a label on every row is still readable; on a tall one every
    // other row keeps it calm.
    let spare = rows.saturating_sub(1);
    let max_intervals = f64::from(if rows <= 8 { spare } else { spare / 2 }.max(1));
    let (min, max) = (min.min(max), max.max(min));
    let bounds = |step: f64| {
        let lo = (min / step).floor() * step;
        let hi = ((max / step).ceil() * step).max(lo + step);
        (lo, hi, ((hi - lo) / step).round())
    };
    let step = STEPS
        .iter()
        .copied()
        .filter(|s| bounds(*s).2 <= max_intervals)
        .min_by(|a, b| {
            let (ra, rb) = (bounds(*a), bounds(*b));
            (ra.1 - ra.0).total_cmp(&(rb.1 - rb.0)).then(a.total_cmp(b))
        })
        .unwrap_or(STEPS[STEPS.len() - 1]);
    let (lo, hi, intervals) = bounds(step);
    let values = (0..=intervals as i64)
        .map(|i| lo + step * i as f64)
        .collect();
    (lo, hi, values)
}

/// One index panel: `points` as (year, index), a dotted 100 line, a titled border.
pub fn index_panel(
    title: String,
    points: &[(f64, f64)],
    years: (f64, f64),
    style: Style,
    area: Rect,
    buf: &mut Buffer,
) {
    // Graph rows: the area less its two borders, the x-axis line and its labels.
    let rows = area.height.saturating_sub(4).max(2);
    let (min, max) = points
        .iter()
        .fold((100.0_f64, 100.0_f64), |(lo, hi), (_, v)| {
            (lo.min(*v), hi.max(*v))
        });
    let (lo, hi, values) = ticks(min, max, rows);
    let hundred = [(years.0, 100.0), (years.1, 100.0)];
    let datasets = vec![
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .data(&hundred),
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(style)
            .data(points),
    ];
    Chart::new(datasets)
        .block(Block::bordered().title(title))
        .x_axis(
            Axis::default()
                .bounds([years.0, years.1])
                .labels([format!("{}", years.0), format!("{}", years.1)]),
        )
        .y_axis(
            Axis::default()
                .bounds([lo, hi])
                .labels(values.iter().map(|v| format!("{v:.0}"))),
        )
        .render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::ticks;

    #[test]
    fn ticks_are_even_steps_that_cover_the_data() {
        // Korea 1953: output per hour index up to about 2041 on 6 rows: at most 5
        // intervals; 0..2500 in steps of 500 wastes the least.
        let (lo, hi, v) = ticks(100.0, 2041.0, 6);
        assert_eq!((lo, hi), (0.0, 2500.0));
        assert_eq!(v, [0.0, 500.0, 1000.0, 1500.0, 2000.0, 2500.0]);
        // China 1978 hours 99–111 on 5 rows: 95..115 in steps of 5.
        let (lo, hi, _) = ticks(99.0, 111.0, 5);
        assert_eq!((lo, hi), (95.0, 115.0));
        // Hours 79.7–100 on 12 rows: up to 5 intervals of 5.
        let (lo, hi, v) = ticks(79.7, 100.0, 12);
        assert_eq!((lo, hi), (75.0, 100.0));
        assert_eq!(v, [75.0, 80.0, 85.0, 90.0, 95.0, 100.0]);
        // Every step is the same.
        let (_, _, v) = ticks(100.0, 221.0, 20);
        assert!(
            v.windows(3)
                .all(|w| (w[1] - w[0] - (w[2] - w[1])).abs() < 1e-9)
        );
        assert!(v[0] <= 100.0 && *v.last().unwrap() >= 221.0);
    }
}
