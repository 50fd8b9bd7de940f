-- otium schema: away time. The TUI records a gap when it sees that the machine slept
-- (the wall clock jumped ahead of the monotonic one) or that no key came for
-- `away_after_minutes` while a session ran. `otium status` asks about the gaps not yet
-- answered that lie inside the running session; `otium away keep|cut|stop` (or the
-- TUI's prompt) answers one, in the same transaction as the split or the stop.
--
-- Self-contained: it only creates a table, so its place in the sequence can move.
CREATE TABLE away_gaps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    from_utc      INTEGER NOT NULL,
    to_utc        INTEGER NOT NULL,
    recorded_utc  INTEGER NOT NULL,
    answer        TEXT    CHECK (answer IN ('keep', 'cut', 'stop', 'moot')),
    answered_utc  INTEGER,
    CHECK (to_utc > from_utc),
    CHECK ((answer IS NULL) = (answered_utc IS NULL))
) STRICT;
CREATE INDEX away_gaps_open ON away_gaps (from_utc) WHERE answer IS NULL;
