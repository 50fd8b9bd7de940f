//! Inline SVG bar charts for the HTML report: no script, font or link, so the page
//! shows the same offline, in print and in any browser. Labels are escaped; the
//! chart scales to the page width through its `viewBox`.

use std::io::{self, Write};

use super::apportion::{h_m_in, round_minutes};
use super::html::escape;
use super::{Group, GroupBy, display_key_in};
use crate::i18n::Lang;

/// A horizontal bar chart, one bar per group; `by` is how the keys read (days get
/// their weekday), `lang` the language of the keys and hours.
pub fn bars(
    label: &str,
    groups: &[Group],
    by: GroupBy,
    lang: Lang,
    out: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    const ROW: i64 = 22;
    const LABEL: i64 = 170;
    const BAR: i64 = 380;
    let height = ROW * i64::try_from(groups.len()).unwrap_or(0) + 4;
    let max = groups.iter().map(|g| g.seconds).max().unwrap_or(0).max(1);
    writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 {height}\" width=\"640\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        escape(label)
    )?;
    for (i, g) in groups.iter().enumerate() {
        let y = ROW * i64::try_from(i).unwrap_or(0);
        let width = BAR * g.seconds / max;
        let key = escape(&display_key_in(&g.key, Some(by), lang));
        writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{key}</text><rect x=\"{LABEL}\" y=\"{}\" width=\"{width}\" height=\"14\"><title>{key}</title></rect><text x=\"{}\" y=\"{}\">{}</text>",
            y + 15,
            y + 4,
            LABEL + width + 6,
            y + 15,
            h_m_in(lang, round_minutes(g.seconds))
        )?;
    }
    writeln!(out, "</svg>")
}
