//! `Out`: collects a verb's answer (human text or one JSON document) and notes
//! for stderr, so `main` writes them once and can treat a closed pipe as success.

use serde::Serialize;

/// A verb's answer, buffered.
#[derive(Debug, Default)]
pub struct Out {
    /// Whether `--json` was given.
    pub json: bool,
    stdout: String,
    notes: Vec<String>,
}

impl Out {
    /// An empty answer in human or JSON mode.
    #[must_use]
    pub fn new(json: bool) -> Self {
        Out {
            json,
            ..Out::default()
        }
    }

    /// Appends a line of human text (ignored in JSON mode).
    pub fn line(&mut self, text: impl AsRef<str>) {
        if !self.json {
            self.stdout.push_str(text.as_ref());
            self.stdout.push('\n');
        }
    }

    /// Sets the JSON answer (ignored in human mode).
    pub fn value(&mut self, value: &impl Serialize) {
        if self.json {
            // Our types serialise infallibly (no maps with non-string keys).
            let text = serde_json::to_string(value).unwrap_or_else(|_| "null".to_string());
            self.stdout.push_str(&text);
            self.stdout.push('\n');
        }
    }

    /// A side remark for stderr, e.g. which DST rule was applied.
    pub fn note(&mut self, text: &str) {
        self.notes.push(format!("note: {text}"));
    }

    /// The buffered stdout text.
    #[must_use]
    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    /// The buffered notes for stderr.
    #[must_use]
    pub fn notes(&self) -> &[String] {
        &self.notes
    }
}
