-- otium schema: the change journal (undo, redo, and later the sync outbox) and what
-- the reminders already said.
--
-- Self-contained: it only creates tables, so its place in the sequence can move.
--
-- `journal` holds one row per change a user made (start, stop, add, edit, rm, cancel,
-- continue, import) and one per undo or redo of such a change (`target` names it).
-- `state` is the undo stack: 'done' (in effect), 'undone' (can be redone), 'dropped'
-- (undone, then a new change was made: the redo stack is cleared, as in every editor;
-- the row stays so that the history of what happened is complete). Undo and redo rows
-- have no state and no changes of their own: an undo of E applies E's changes backwards,
-- a redo applies them forwards, so a sync reading the journal in id order can build
-- every record from `journal_changes` alone.
CREATE TABLE journal (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at_utc   INTEGER NOT NULL,
    verb     TEXT    NOT NULL CHECK (verb IN
        ('start', 'stop', 'add', 'edit', 'rm', 'cancel', 'continue', 'import', 'undo', 'redo')),
    summary  TEXT    NOT NULL,
    target   INTEGER REFERENCES journal (id),
    state    TEXT    CHECK (state IN ('done', 'undone', 'dropped')),
    CHECK ((verb IN ('undo', 'redo')) = (target IS NOT NULL)),
    CHECK ((target IS NULL) = (state IS NOT NULL))
) STRICT;
CREATE INDEX journal_undo_stack ON journal (state, id) WHERE state IN ('done', 'undone');

-- What one change did to each session it touched, by the session's UUID (its identity
-- everywhere, also for sync). `before`/`after` are JSON objects of the session's fields
-- (id, project, tags, note, start, end as UTC unix seconds, zone); NULL means the
-- session did not exist on that side (a create or a delete).
CREATE TABLE journal_changes (
    entry_id     INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    session_uuid TEXT    NOT NULL,
    before       TEXT,
    after        TEXT,
    PRIMARY KEY (entry_id, seq),
    CHECK (before IS NOT NULL OR after IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- What `otium notify` (and the TUI) already told the user: one row per reminder and
-- occasion (e.g. 'break:<uuid>:<start of the stretch>'), so nothing is said twice.
CREATE TABLE reminders_sent (
    key     TEXT    PRIMARY KEY,
    at_utc  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
