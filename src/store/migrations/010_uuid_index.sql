-- otium schema version 10: the uniqueness of `sessions.uuid` is a named index that an
-- import may set aside (issue 21).
--
-- Until now the rule was the column constraint `uuid TEXT NOT NULL UNIQUE`, whose index
-- (`sqlite_autoindex_sessions_1`) belongs to the table and can never be dropped. UUIDs
-- arrive in random order, so a first import of a million sessions inserted each one
-- at a random place in a 48 MB index: about an eighth of the import's time, and the
-- part that grew fastest with the file. Building the same index once, after the rows
-- are in, sorts instead. So the rule becomes `CREATE UNIQUE INDEX sessions_by_uuid`:
-- the same uniqueness, enforced the same way, which `store::import` may drop and
-- create again (by its stored text) inside the one transaction of an import into a
-- table that held no session, checking uniqueness itself meanwhile (see there).
--
-- The rebuild is SQLite's twelve-step one, as in `002_ids_never_reused.sql`: foreign
-- keys are off around the migration's transaction and checked by its hook before it
-- commits; the child tables' `REFERENCES sessions (id)` name the rebuilt table once it
-- is renamed; the AUTOINCREMENT mark is carried over before `DROP TABLE` deletes it.
-- `DROP TABLE` also drops the table's indexes and the `project_totals` triggers, so
-- they are made again below with the text of `008_full_history_reads.sql`, unchanged.
-- Columns, their order, ids and every row stay as they were.

CREATE TABLE sessions_v10 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT    NOT NULL,
    project_id  INTEGER NOT NULL REFERENCES projects (id),
    start_utc   INTEGER NOT NULL,
    end_utc     INTEGER,
    zone        TEXT    NOT NULL,
    note        TEXT,
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    source         TEXT,
    source_key     TEXT,
    source_version TEXT,
    CHECK (end_utc IS NULL OR end_utc > start_utc)
) STRICT;
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'sessions_v10', seq FROM sqlite_sequence WHERE name = 'sessions';
INSERT INTO sessions_v10 (id, uuid, project_id, start_utc, end_utc, zone, note, created_utc,
                          updated_utc, source, source_key, source_version)
    SELECT id, uuid, project_id, start_utc, end_utc, zone, note, created_utc,
           updated_utc, source, source_key, source_version
    FROM sessions ORDER BY id;
DROP TABLE sessions;
ALTER TABLE sessions_v10 RENAME TO sessions;

CREATE UNIQUE INDEX sessions_by_uuid ON sessions (uuid);
CREATE UNIQUE INDEX sessions_one_running ON sessions ((end_utc IS NULL)) WHERE end_utc IS NULL;
CREATE INDEX sessions_by_project ON sessions (project_id, start_utc);
CREATE INDEX sessions_by_start ON sessions (start_utc, end_utc, project_id);

CREATE TRIGGER project_totals_insert AFTER INSERT ON sessions
WHEN NEW.end_utc IS NOT NULL
BEGIN
    INSERT INTO project_totals (project_id, sessions, seconds)
        VALUES (NEW.project_id, 1, NEW.end_utc - NEW.start_utc)
        ON CONFLICT (project_id) DO UPDATE
        SET sessions = sessions + 1, seconds = seconds + excluded.seconds;
END;

CREATE TRIGGER project_totals_delete AFTER DELETE ON sessions
WHEN OLD.end_utc IS NOT NULL
BEGIN
    UPDATE project_totals
        SET sessions = sessions - 1, seconds = seconds - (OLD.end_utc - OLD.start_utc)
        WHERE project_id = OLD.project_id;
    DELETE FROM project_totals WHERE project_id = OLD.project_id AND sessions = 0;
END;

CREATE TRIGGER project_totals_update AFTER UPDATE OF project_id, start_utc, end_utc ON sessions
WHEN OLD.end_utc IS NOT NULL OR NEW.end_utc IS NOT NULL
BEGIN
    UPDATE project_totals
        SET sessions = sessions - 1, seconds = seconds - (OLD.end_utc - OLD.start_utc)
        WHERE project_id = OLD.project_id AND OLD.end_utc IS NOT NULL;
    DELETE FROM project_totals WHERE project_id = OLD.project_id AND sessions = 0;
    INSERT INTO project_totals (project_id, sessions, seconds)
        SELECT NEW.project_id, 1, NEW.end_utc - NEW.start_utc WHERE NEW.end_utc IS NOT NULL
        ON CONFLICT (project_id) DO UPDATE
        SET sessions = sessions + 1, seconds = seconds + excluded.seconds;
END;
