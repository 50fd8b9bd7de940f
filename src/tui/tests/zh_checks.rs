//! The checks the Chinese screens go through (`lang.rs`): the screen as a terminal
//! shows it, the texts other parts of otium still give in English taken out, the
//! names a Chinese screen keeps, and no wide character cut in half.

use unicode_width::UnicodeWidthStr;

use super::draw;
use crate::tui::app::App;

/// The screen as text as a terminal shows it (a wide character's second cell is
/// no character of its own), each row without its trailing blanks.
pub(super) fn screen(app: &App, width: u16, height: u16) -> String {
    let buf = draw(app, width, height);
    let mut rows = Vec::new();
    for y in 0..buf.area.height {
        let mut row = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            row.push_str(symbol);
            x += u16::try_from(symbol.width().max(1)).unwrap();
        }
        rows.push(row.trim_end().to_string());
    }
    rows.join("\n")
}

/// What other parts of otium still say in English on these screens: none since the
/// report's header and keys, the limit alerts, the dividend's reasons, caveats and
/// country names and the reminders take the language where they are made. The
/// check keeps its shape so that a library text that must stay English (a name)
/// can be listed here with its reason.
pub(super) fn library_english(_app: &App) -> Vec<String> {
    Vec::new()
}

/// `screen` with the library's English blanked: every run of a row that is part of
/// one of the `library` texts, at least 8 characters of it, or 4 where it is that
/// text's end (a wrapped tail such as `in 2019`).
pub(super) fn without_library(screen: &str, library: &[String]) -> String {
    let mut rows = Vec::new();
    for row in screen.lines() {
        let starts: Vec<usize> = row
            .char_indices()
            .map(|(i, _)| i)
            .chain([row.len()])
            .collect();
        let mut out = String::new();
        let mut i = 0;
        while i + 1 < starts.len() {
            // The longest run from here that a library text holds: a run that no text
            // holds is not held either once longer.
            let mut j = i;
            while j + 1 < starts.len()
                && library
                    .iter()
                    .any(|t| t.contains(&row[starts[i]..starts[j + 1]]))
            {
                j += 1;
            }
            // Whole words only: a run that starts or ends inside a word is no text's.
            let inside = |at: usize| {
                at > 0
                    && at < starts.len() - 1
                    && row[..starts[at]].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && row[starts[at]..].starts_with(|c: char| c.is_ascii_alphanumeric())
            };
            while j > i && inside(j) {
                j -= 1;
            }
            let run = &row[starts[i]..starts[j]];
            let tail = j - i >= 4 && library.iter().any(|t| t.ends_with(run));
            if !inside(i) && (j - i >= 8 || tail) {
                out.push(' ');
                i = j;
            } else {
                out.push_str(&row[starts[i]..starts[i + 1]]);
                i += 1;
            }
        }
        rows.push(out);
    }
    rows.join("\n")
}

/// Names the screens keep: key letters (`a`, `U`, `y / n`), the dividend's country and
/// the countries table's ratio column, `P` of `PWT` where an overlay covers the
/// rest, and the words of the cited paper's title and its authors.
const ALLOWED: &[&str] = &[
    "a",
    "y",
    "n",
    "U",
    "N",
    "C",
    "T",
    "P",
    "CHN",
    "China",
    "R",
    "Feenstra",
    "Inklaar",
    "Timmer",
    "The",
    "Next",
    "Generation",
    "of",
    "the",
    "Penn",
    "American",
    "Economic",
    "Review",
    "CC",
    "BY",
    "DataverseNL",
    "doi",
    "rgdpna",
    "emp",
    "avh",
    "www",
    "ggdc",
    "net",
    "pwt",
    "Keynes",
];

/// [`ALLOWED`] and the data set's country codes (`USA`, `GBR`).
pub(super) fn allowed() -> Vec<&'static str> {
    let codes = crate::leisure::data::countries().keys().map(String::as_str);
    ALLOWED.iter().copied().chain(codes).collect()
}

/// No wide character is cut in half: in the frame as drawn (before the terminal
/// diff, which would hide it), none starts in the last column, and the cell after
/// each is its blank continuation, not an overlay's border drawn over its right half.
pub(super) fn assert_whole_cells(app: &App, width: u16, height: u16, name: &str) {
    use ratatui::widgets::Widget;
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    app.render(area, &mut buf);
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let w = buf[(x, y)].symbol().width().max(1);
            if w == 2 {
                assert!(
                    x + 1 < width,
                    "{name}: a wide character at the edge, row {y}"
                );
                assert_eq!(
                    buf[(x + 1, y)].symbol(),
                    " ",
                    "{name} {width}x{height}: cut at ({x}, {y})"
                );
            }
            x += u16::try_from(w).unwrap();
        }
    }
}
