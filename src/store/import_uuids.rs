//! The `sessions_by_uuid` index (migration 010) set aside for an import into a table
//! that holds no session: dropped at the import's first insert and created again, by
//! its stored text, when the import is done, inside the import's one transaction (see
//! [`SetAside`]). Used by [`super::ImportWriter`] only.

use rusqlite::Connection;

use crate::model::SessionId;

type Sql<T> = rusqlite::Result<T>;

/// The uuid index while it is out, and the uuids written meanwhile. UUIDs come in
/// random order, so each insert into the index lands at a random page of it: for a
/// first import of a million sessions about an eighth of the time, and growing faster
/// than the file. Creating the index once at the end sorts instead. Meanwhile this
/// map answers what the index would: which session has a uuid. It is complete
/// because the table held no session when the index went out, so every session in it
/// is one this import inserted. Both the drop and the re-creation are inside the
/// import's transaction: a failure rolls them back with everything else, and no other
/// connection ever sees the table without its index.
pub(super) struct SetAside {
    /// The index's `CREATE UNIQUE INDEX` statement as stored, run again verbatim, and
    /// those of [`REBUILT`] (all taken out together).
    sql: Vec<String>,
    /// The sessions inserted since, by uuid (128 bits: keys are canonical UUIDs).
    ids: foldhash::HashMap<u128, SessionId>,
}

/// A session key as the map holds it; `None` for a key that is not a UUID in its
/// canonical text, lowercase and hyphenated (the writer then puts the index back and
/// goes on without the map). Only that one spelling maps to bits, so two keys are the
/// same bits exactly when they are the same text, as the index compares them: `ABC…`
/// and `abc…`, or a braced form, would be one UUID but two index entries.
pub(super) fn bits(uuid: &str) -> Option<u128> {
    if uuid.len() != 36 || uuid.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // At 36 characters the parser takes only the hyphenated form.
    uuid::Uuid::try_parse(uuid).ok().map(|u| u.as_u128())
}

/// The indexes a first import also builds once at its end instead of row by row: their
/// keys (a session's project, a link's tag) take turns among a few values, so each
/// insert lands in the middle of the index and splits its pages half full, where a
/// sort at the end writes them in order. Nothing the import reads goes through them.
const REBUILT: [&str; 2] = ["sessions_by_project", "session_tags_by_tag"];

impl SetAside {
    /// Takes the index out when `sessions` is empty; `None` (and nothing done) when it
    /// holds a session, or for a database without the index (none older than version
    /// 10 opens here).
    pub(super) fn begin(conn: &Connection) -> Sql<Option<Self>> {
        let empty: bool =
            conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM sessions)", [], |r| {
                r.get(0)
            })?;
        if !empty {
            return Ok(None);
        }
        let Some(uuid) = super::take_out(conn, "index", "sessions_by_uuid")? else {
            return Ok(None);
        };
        let mut sql = vec![uuid];
        for name in REBUILT {
            sql.extend(super::take_out(conn, "index", name)?);
        }
        Ok(Some(SetAside {
            sql,
            ids: foldhash::HashMap::default(),
        }))
    }

    /// The session with this uuid, as the index would find it.
    pub(super) fn get(&self, bits: u128) -> Option<SessionId> {
        self.ids.get(&bits).copied()
    }

    /// Records that session `id` was inserted with this uuid.
    pub(super) fn insert(&mut self, bits: u128, id: SessionId) {
        self.ids.insert(bits, id);
    }

    /// Forgets session `id`, deleted.
    pub(super) fn forget(&mut self, id: SessionId) {
        self.ids.retain(|_, kept| *kept != id);
    }

    /// Creates the indexes again. The uuid index cannot fail on a duplicate: every
    /// insert checked the map first.
    pub(super) fn end(self, conn: &Connection) -> Sql<()> {
        self.sql.iter().try_for_each(|sql| conn.execute_batch(sql))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::bits;

    #[test]
    fn only_the_canonical_spelling_maps_to_bits() {
        let canonical = "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01";
        assert_eq!(
            bits(canonical),
            Some(0x0b6f_3a4e_61d5_4f0e_9c39_2a3a_7f7e_2a01)
        );
        for other in [
            "0B6F3A4E-61D5-4F0E-9C39-2A3A7F7E2A01",
            "0b6f3a4e61d54f0e9c392a3a7f7e2a01",
            "{0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01}",
            "urn:uuid:0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a01",
            "0b6f3a4e-61d5-4f0e-9c39-2a3a7f7e2a0g",
            "",
        ] {
            assert_eq!(bits(other), None, "{other}");
        }
    }
}
