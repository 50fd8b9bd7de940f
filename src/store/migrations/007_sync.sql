-- otium schema: sync through a folder (see the README's "Sync" section).
--
-- Self-contained: it only creates tables, so its place in the sequence can move.
--
-- This device's identity in the sync folder: its UUID and name, the folder, the last
-- sequence number it wrote, the largest clock stamp it made or saw, and the last
-- journal entry already turned into records. One row, or none before `sync init`.
CREATE TABLE sync_device (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    device    TEXT    NOT NULL,
    name      TEXT    NOT NULL,
    dir       TEXT    NOT NULL,
    seq       INTEGER NOT NULL,
    hlc       TEXT    NOT NULL,
    exported  INTEGER NOT NULL
) STRICT;

-- The merge state of each session (by UUID): per field the winning stamp and its value
-- as JSON, kept also for deleted sessions so a late record applies incrementally.
CREATE TABLE sync_fields (
    uuid    TEXT NOT NULL,
    field   TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    device  TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (uuid, field)
) STRICT, WITHOUT ROWID;

-- The newest delete of each deleted session.
CREATE TABLE sync_tombstones (
    uuid    TEXT PRIMARY KEY,
    hlc     TEXT NOT NULL,
    device  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Records made but not yet written as a segment (written after the transaction
-- commits; a crash in between writes them at the next sync, with the same content).
CREATE TABLE sync_outbox (
    seq   INTEGER PRIMARY KEY,
    line  TEXT    NOT NULL
) STRICT;

-- Segment files already applied, by device folder and name: a sync with nothing new
-- lists the folder and reads nothing.
CREATE TABLE sync_segments (
    device  TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    PRIMARY KEY (device, name)
) STRICT, WITHOUT ROWID;

-- What was applied from each other device: its record count, last sequence number
-- and clock stamp (for `sync status`).
CREATE TABLE sync_peers (
    device   TEXT    PRIMARY KEY,
    records  INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    last_hlc TEXT    NOT NULL
) STRICT, WITHOUT ROWID;

-- Sessions that overlap after a merge: both are kept; `edit` or `rm` resolves it.
CREATE TABLE sync_conflicts (
    first     TEXT    NOT NULL,
    second    TEXT    NOT NULL,
    found_utc INTEGER NOT NULL,
    PRIMARY KEY (first, second)
) STRICT, WITHOUT ROWID;
