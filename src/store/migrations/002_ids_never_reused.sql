-- otium schema version 2: session and output ids are never reused.
--
-- Without AUTOINCREMENT an `INTEGER PRIMARY KEY` takes max(id) + 1, so after `otium rm`
-- or `otium cancel` of the newest session the next one got the same id, and a script
-- holding "session 12" could reach a different session. Both tables that show ids to
-- users (`log --json`, `output --json`) are rebuilt with AUTOINCREMENT: SQLite then keeps
-- the highest id ever handed out in `sqlite_sequence` and never goes below it, whichever
-- code path inserts (start, add, import, a restored session with its old id).
--
-- Why a rebuild and not a high-water-mark table kept by a trigger: a trigger can record
-- the mark but cannot choose the id (SQLite lets no trigger change NEW.id), so every
-- INSERT would have to remember to take `mark + 1`, and one that forgot would reuse ids
-- again. AUTOINCREMENT puts the rule in the table itself.
--
-- This is SQLite's "12-step" table rebuild (lang_altertable.html#otheralter). It needs
-- `PRAGMA foreign_keys = OFF`, which cannot change inside a transaction: `Store::migrate`
-- turns it off around `rusqlite_migration`'s single transaction (and back on after,
-- whatever happens), because with it on `DROP TABLE sessions` would first delete every
-- session, cascading to `session_tags` and clearing `outputs.session_id`. A hook runs
-- `PRAGMA foreign_key_check` at the end of the step (`schema::foreign_key_check`): any
-- dangling reference fails the migration and the transaction rolls back. The child tables keep their
-- `REFERENCES sessions (id)` text, which names the rebuilt table once it is renamed.
--
-- The step is idempotent: two processes that both read version 1 may both run it, the
-- second after the first committed (rusqlite_migration reads `user_version` before its
-- transaction). Running it on a version-2 file yields the same rows and keeps the
-- high-water mark, which the copy below carries over before `DROP TABLE` deletes it.

CREATE TABLE sessions_v2 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT    NOT NULL UNIQUE,
    project_id  INTEGER NOT NULL REFERENCES projects (id),
    start_utc   INTEGER NOT NULL,
    end_utc     INTEGER,
    zone        TEXT    NOT NULL,
    note        TEXT,
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    CHECK (end_utc IS NULL OR end_utc > start_utc)
) STRICT;
-- Creating the first AUTOINCREMENT table created sqlite_sequence; keep an earlier mark.
INSERT INTO sqlite_sequence (name, seq) SELECT 'sessions_v2', seq FROM sqlite_sequence WHERE name = 'sessions';
INSERT INTO sessions_v2 (id, uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc)
    SELECT id, uuid, project_id, start_utc, end_utc, zone, note, created_utc, updated_utc
    FROM sessions ORDER BY id;
DROP TABLE sessions;
ALTER TABLE sessions_v2 RENAME TO sessions;
CREATE UNIQUE INDEX sessions_one_running ON sessions ((end_utc IS NULL)) WHERE end_utc IS NULL;
CREATE INDEX sessions_by_start ON sessions (start_utc);
CREATE INDEX sessions_by_project ON sessions (project_id, start_utc);

CREATE TABLE outputs_v2 (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT    NOT NULL UNIQUE,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    amount     REAL    NOT NULL CHECK (amount >= 0),
    at_utc     INTEGER NOT NULL,
    zone       TEXT    NOT NULL,
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    note       TEXT
) STRICT;
INSERT INTO sqlite_sequence (name, seq) SELECT 'outputs_v2', seq FROM sqlite_sequence WHERE name = 'outputs';
INSERT INTO outputs_v2 (id, uuid, project_id, amount, at_utc, zone, session_id, note)
    SELECT id, uuid, project_id, amount, at_utc, zone, session_id, note
    FROM outputs ORDER BY id;
DROP TABLE outputs;
ALTER TABLE outputs_v2 RENAME TO outputs;
CREATE INDEX outputs_by_project ON outputs (project_id, at_utc);
CREATE INDEX outputs_by_session ON outputs (session_id);
