//! The undo journal in words: what an undo or redo did, and the verbs' names, in
//! either language (the journal stores its summaries in English, as written when
//! the change was made, so Chinese is said from the data).

use super::journal::{Effect, Verb};
use crate::i18n::{Lang, t};
use crate::model::Session;
use crate::time;

impl Verb {
    /// The verb as a person says it in `lang` (`delete`, `删除`).
    #[must_use]
    pub fn name_in(self, lang: Lang) -> String {
        t(lang, "capture-verb", &[("verb", &self.as_str())])
    }
}

impl Effect {
    /// What an undo or redo did to the sessions, in `lang`, one line each (the CLI
    /// prints them under its answer, the TUI joins them in its status line).
    #[must_use]
    pub fn lines_in(&self, lang: Lang) -> Vec<String> {
        let session = |s: &Session| described_in(lang, s);
        match self {
            Effect::Removed(s) => vec![t(
                lang,
                "capture-effect-removed",
                &[("session", &session(s))],
            )],
            Effect::Restored(s) => {
                vec![t(
                    lang,
                    "capture-effect-restored",
                    &[("session", &session(s))],
                )]
            }
            Effect::Now(s) => vec![t(lang, "capture-effect-now", &[("session", &session(s))])],
            Effect::RunsAgain(s) => vec![t(
                lang,
                "capture-effect-runs-again",
                &[
                    ("id", &s.id),
                    ("since", &time::date_hhmm_in(s.zone, s.start)),
                ],
            )],
            Effect::Counted {
                removed,
                restored,
                reset,
            } => [
                (*removed, "capture-effect-count-removed"),
                (*restored, "capture-effect-count-restored"),
                (*reset, "capture-effect-count-reset"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, key)| t(lang, key, &[("count", &n)]))
            .collect(),
        }
    }
}

/// `session 7 (coding, 2026-03-02 09:00–10:30 Europe/Berlin)` in `lang`.
#[must_use]
pub fn described_in(lang: Lang, s: &Session) -> String {
    let args = super::described(s);
    let args: Vec<(&str, &dyn std::fmt::Display)> = args
        .iter()
        .map(|(k, v)| (*k, v as &dyn std::fmt::Display))
        .collect();
    t(lang, "capture-session-described", &args)
}
