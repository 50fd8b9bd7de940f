-- otium schema version 1. Instants are UTC unix seconds; each session keeps its IANA zone.
PRAGMA application_id = 1869900149; -- 0x6F74_6975, "otiu": marks the file as otium's

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    output_unit TEXT,
    created_utc INTEGER NOT NULL
) STRICT;

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
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

-- At most one running session, enforced by the database itself.
CREATE UNIQUE INDEX sessions_one_running ON sessions ((end_utc IS NULL)) WHERE end_utc IS NULL;
CREATE INDEX sessions_by_start ON sessions (start_utc);
CREATE INDEX sessions_by_project ON sessions (project_id, start_utc);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0)
) STRICT;

CREATE TABLE session_tags (
    session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id),
    PRIMARY KEY (session_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX session_tags_by_tag ON session_tags (tag_id);

-- What a person produced, for the leisure model: amount of the project's unit at an instant.
CREATE TABLE outputs (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL UNIQUE,
    project_id INTEGER NOT NULL REFERENCES projects (id),
    amount     REAL    NOT NULL CHECK (amount >= 0),
    at_utc     INTEGER NOT NULL,
    zone       TEXT    NOT NULL,
    session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
    note       TEXT
) STRICT;
CREATE INDEX outputs_by_project ON outputs (project_id, at_utc);
CREATE INDEX outputs_by_session ON outputs (session_id);
