-- otium schema: full-history reads near the floor (issue 21).
--
-- 1. `sessions_by_start` becomes a covering index for the lean read: (start_utc,
--    end_utc, project_id) plus the rowid (the id) is every column a report, a balance
--    or a limit reads, so a range read walks the index alone and never visits the
--    table's rows. It keeps its name: every query that searched it still does.
--
-- 2. `project_totals`: per project, how many closed sessions it has and their seconds.
--    A total over the whole history does not depend on the zone (only days do), so a
--    full-history report by project without rounding reads these few rows plus the
--    running session instead of every session. Triggers on `sessions` keep it exact in
--    the same transaction as every write, whichever code path makes it (start, stop,
--    add, edit, rm, cancel, undo, redo, import, sync apply, a hand-written UPDATE):
--    nothing can forget it. A project with no closed session has no row. Running
--    sessions are not in it (their length grows with the clock). `otium doctor`
--    rebuilds it in memory and compares; `otium doctor --fix` rebuilds it.
--
-- A later migration that rebuilds `sessions` (the 12-step way) drops these triggers
-- with the table and must create them again.

DROP INDEX sessions_by_start;
CREATE INDEX sessions_by_start ON sessions (start_utc, end_utc, project_id);

CREATE TABLE project_totals (
    project_id INTEGER PRIMARY KEY REFERENCES projects (id),
    sessions   INTEGER NOT NULL,
    seconds    INTEGER NOT NULL
) STRICT;

INSERT INTO project_totals (project_id, sessions, seconds)
    SELECT project_id, count(*), sum(end_utc - start_utc)
    FROM sessions WHERE end_utc IS NOT NULL GROUP BY project_id;

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

-- One trigger for both sides, in this order: the old row out, then the new one in.
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
