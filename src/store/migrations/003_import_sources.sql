-- otium schema version 3: each imported session remembers where it came from.
--
-- Until now an imported session's only identity was its `uuid`: the source's id when it
-- had one (Watson), else a UUID v5 of start|end|project. Editing an interval in
-- Timewarrior, Toggl or bartib then made a new key that overlapped the old session, and
-- every later re-import was refused. Three columns record the source instead:
--
--   source          the format it was imported from ('watson', 'timewarrior', 'toggl',
--                   'bartib', 'otium'), 'import' for a session imported before version 3
--                   whose source cannot be known, NULL for a session made in otium;
--   source_key      its identity in that source: Watson's frame id, otium's uuid, or the
--                   start (unix seconds) for sources without ids (Timewarrior, Toggl and
--                   bartib cannot hold two records starting at the same second that
--                   otium would accept, since sessions never overlap);
--   source_version  what the source said when it was last imported: Watson's updated_at,
--                   else a digest of the record, so a re-import can tell "changed in the
--                   source" (apply it) from "changed in otium since" (keep it).
--
-- Existing rows: a UUID v5 (version nibble '5') was made by otium's importer from
-- start|end|project, since otium's own sessions and Watson's frame ids are UUID v4. Those
-- rows become source 'import' keyed by their start, so the next re-import of their
-- source claims them (and records the real source) instead of conflicting with them.
-- Other rows keep NULL: a session whose uuid came from the source (Watson, otium) is found
-- again by its uuid. Adding columns rewrites no row and needs no table rebuild.
--
-- No new index: every identity today is also the uuid (Watson, otium) or the start
-- (the others), which `sqlite_autoindex_sessions_1` and `sessions_by_start` already
-- index; lookups go through those and check `source`. A unique index on
-- (source, source_key) made a first import of 100k Watson frames twice as slow (random
-- 36-character keys split pages all over the index) for nothing those two do not give.

ALTER TABLE sessions ADD COLUMN source TEXT;
ALTER TABLE sessions ADD COLUMN source_key TEXT;
ALTER TABLE sessions ADD COLUMN source_version TEXT;
-- (Only the lowest id per start: a file that somehow holds two overlapping sessions
-- starting at the same second still has one session per identity.)
UPDATE sessions SET source = 'import', source_key = CAST(start_utc AS TEXT)
    WHERE length(uuid) = 36 AND substr(uuid, 15, 1) = '5'
      AND id = (SELECT min(s.id) FROM sessions AS s
                WHERE s.start_utc = sessions.start_utc
                  AND length(s.uuid) = 36 AND substr(s.uuid, 15, 1) = '5');
