//! `w` in the Reports view: writes the range on screen as the HTML report people send
//! (the same document as `otium report --format html`), to a file named after the
//! range in the current folder, and says where. An existing file is never replaced:
//! the next free name (`…-2.html`) is taken instead.

use std::path::{Path, PathBuf};

use super::app::App;
use super::data::{range_days, report_span};
use crate::error::{Error, ErrorKind, Result};
use crate::interop::atomic::write_file;
use crate::report::Filter;
use crate::tracker::document::DocumentRequest;
use crate::tracker::{ReportRequest, Tracker};

/// How many numbered names are tried before giving up.
const MAX_TRIES: u32 = 100;

impl App {
    /// Writes the shown range's HTML report and reports the file in the status line.
    pub(super) fn write_report(&mut self, tracker: &Tracker) -> Result<()> {
        let (first, last) = range_days(&self.choices, tracker.config().week_start.0);
        let document = tracker.document(&DocumentRequest {
            report: ReportRequest {
                span: report_span(tracker, &self.choices),
                zone: tracker.zone(),
                group_by: vec![self.choices.by],
                filter: Filter::default(),
                rounding: None,
            },
            title: None,
            sessions: true,
            dividend: true,
        })?;
        let stem = if first == last {
            format!("otium-report-{first}")
        } else {
            format!("otium-report-{first}-to-{last}")
        };
        let lang = self.lang();
        let path = write_free(Path::new("."), &stem, |out| {
            crate::report::html::render(&document, lang, out)
                .map_err(crate::interop::atomic::output_error)
        })?;
        let shown = std::path::absolute(&path).unwrap_or(path);
        let text = self.t("tui-report-written", &[("path", &shown.display())]);
        self.info(text);
        Ok(())
    }
}

/// Writes `dir/stem.html`, or `stem-2.html`, `stem-3.html`… when taken; the write is
/// atomic and never replaces a file (a name taken meanwhile moves on to the next).
fn write_free(
    dir: &Path,
    stem: &str,
    mut fill: impl FnMut(&mut dyn std::io::Write) -> Result<()>,
) -> Result<PathBuf> {
    for n in 1..=MAX_TRIES {
        let name = if n == 1 {
            format!("{stem}.html")
        } else {
            format!("{stem}-{n}.html")
        };
        let path = dir.join(name);
        if std::fs::symlink_metadata(&path).is_ok() {
            continue;
        }
        match write_file(&path, false, &mut fill) {
            // Taken between the look and the rename (persist never replaces): next name.
            Err(_) if std::fs::symlink_metadata(&path).is_ok() => continue,
            other => return other.map(|()| path),
        }
    }
    Err(Error::keyed(
        ErrorKind::InvalidInput,
        "tui-report-names-taken",
        vec![("stem", stem.to_string()), ("tries", MAX_TRIES.to_string())],
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_existing_file_is_kept_and_the_next_name_taken() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("r.html"), "mine").unwrap();
        let path = write_free(dir.path(), "r", |out| {
            out.write_all(b"new")
                .map_err(crate::interop::atomic::output_error)
        })
        .unwrap();
        assert_eq!(path, dir.path().join("r-2.html"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("r.html")).unwrap(),
            "mine"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }
}
