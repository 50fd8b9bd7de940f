-- otium schema: a compact journal of the sessions an import creates (issue 21).
--
-- Self-contained: it only creates a table, so its place in the sequence can move.
--
-- An import of a million sessions used to store one `journal_changes` row per
-- session it created, its fields as JSON (181 MB of a 474 MB database). Such a change
-- has no `before`, and its `after` is exactly the row the import wrote, so the import
-- now copies those rows here in one statement at its end: the same change, with the
-- same `seq` in the same entry (the two tables share one sequence per entry; an entry's
-- changes are both read in `seq` order), in typed columns. `project_id` names the
-- project and `tags` its tags, their ids joined by commas (NULL: none): projects
-- and tags are never renamed or deleted. Updates and removals an import makes
-- stay in `journal_changes`, as do the entries of every other verb and of older imports.
CREATE TABLE journal_created (
    entry_id   INTEGER NOT NULL REFERENCES journal (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    session_id INTEGER NOT NULL,
    uuid       TEXT    NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    start_utc  INTEGER NOT NULL,
    end_utc    INTEGER,
    zone       TEXT    NOT NULL,
    note       TEXT,
    tags       TEXT,
    PRIMARY KEY (entry_id, seq)
) STRICT, WITHOUT ROWID;
