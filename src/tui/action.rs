//! Intents: what a key (or a tick) asks the app to do. `App::update` carries them out.

/// The five screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Running timer, today, this week, dividend headline.
    Dashboard,
    /// Sessions by day, with editing.
    Sessions,
    /// Totals for a range, grouped.
    Reports,
    /// The leisure dividend charts.
    Dividend,
    /// The week as a calendar: days as columns, hours as rows, sessions as blocks.
    Calendar,
}

impl View {
    /// All views in Tab order.
    pub const ALL: [View; 5] = [
        View::Dashboard,
        View::Sessions,
        View::Reports,
        View::Dividend,
        View::Calendar,
    ];

    /// The tab title in `lang`.
    #[must_use]
    pub fn title_in(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            View::Dashboard => "tui-tab-dashboard",
            View::Sessions => "tui-tab-sessions",
            View::Reports => "tui-tab-reports",
            View::Dividend => "tui-tab-dividend",
            View::Calendar => "tui-tab-calendar",
        };
        crate::i18n::t(lang, key, &[])
    }
}

/// Everything the user (or the clock) can ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the app.
    Quit,
    /// Go to the next view.
    NextView,
    /// Go to the previous view.
    PrevView,
    /// Go to a view.
    Show(View),
    /// Toggle the help overlay.
    ToggleHelp,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Previous range (reports) or lower base year (dividend).
    Left,
    /// Next range (reports) or higher base year (dividend).
    Right,
    /// Open the start form.
    OpenStart,
    /// Stop the running session.
    StopTimer,
    /// Start again like the selected session.
    ContinueSelected,
    /// Open the form to add a past session.
    OpenAdd,
    /// Open the form to edit the selected session.
    OpenEdit,
    /// Ask to delete the selected session.
    AskDelete,
    /// Undo the newest change in the journal.
    Undo,
    /// Answer the away-time question (`None`: ask later).
    AnswerAway(Option<crate::tracker::away::Answer>),
    /// Redo the change undone last.
    Redo,
    /// Open the filter prompt.
    OpenFilter,
    /// Clear the applied filter.
    ClearFilter,
    /// Move a page up (help, calendar).
    PageUp,
    /// Move a page down (help, calendar).
    PageDown,
    /// The previous week (calendar).
    PrevWeek,
    /// The next week (calendar).
    NextWeek,
    /// Back to today and now (calendar).
    Today,
    /// The next session block (calendar).
    NextBlock,
    /// The previous session block (calendar).
    PrevBlock,
    /// Cycle the report's range kind (day, week, month).
    CycleRange,
    /// Cycle the report's grouping.
    CycleGrouping,
    /// Show or hide the target line in the Reports chart.
    ToggleTargets,
    /// Write the shown range as the HTML report people send.
    WriteReport,
    /// Next country (dividend).
    NextCountry,
    /// Previous country (dividend).
    PrevCountry,
    /// Open the prompt to type a country code or name (dividend).
    OpenCountry,
    /// Next page of the dividend view's lower panel.
    NextDividendPage,
    /// Show the data's full citation (dividend).
    ShowSource,
    /// Confirm (yes / submit).
    Confirm,
    /// Cancel (no / close).
    Cancel,
    /// Type a character into the open form or prompt.
    Type(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Next form field.
    NextField,
    /// Previous form field.
    PrevField,
    /// Re-read everything from the database.
    Reload,
    /// Hide the sync conflicts notice until the conflicts change.
    HideConflicts,
    /// A second passed.
    Tick,
}
