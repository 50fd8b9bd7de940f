//! Whether the `-wal` beside a database belongs to it, decided before SQLite sees it.
//!
//! SQLite pairs a database with its write-ahead log by file name only. The first
//! read-write connection replays whatever valid log it finds, and the last one to
//! close checkpoints it into the database and deletes it: a `-wal` of another
//! database (a backup restored without moving the old log aside, a synced folder
//! delivering one) overwrites the sessions with another program's pages. So the log
//! is read here, by hand and without writing anything, the way SQLite's recovery
//! reads it (<https://www.sqlite.org/fileformat2.html#walformat>): the header, then
//! frames while their salts and running checksum are valid, up to the last commit.
//! The newest committed copy of page 1 is the database header SQLite would see; it
//! must carry otium's application id (or be as empty as a brand-new otium file), and
//! the log's page size must be the database's.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use crate::error::{Error, Result};
use crate::store::schema::APPLICATION_ID;

/// The magic numbers of a WAL header: little- or big-endian checksums.
const MAGIC_LE: u32 = 0x377f_0682;
const MAGIC_BE: u32 = 0x377f_0683;
/// The only WAL format version there is.
const VERSION: u32 = 3_007_000;
const HEADER: usize = 32;
const FRAME_HEADER: usize = 24;
/// Where the database header keeps the application id and the page size.
const APP_ID_AT: usize = 68;
const PAGE_SIZE_AT: usize = 16;
/// Page 1's b-tree header (after the 100-byte database header): type and cell count.
const BTREE_AT: usize = 100;
const LEAF_TABLE: u8 = 0x0D;

/// What a log would do to its database if SQLite replayed it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Replay {
    /// The log's page size.
    page_size: u32,
    /// Whether any transaction in it is committed (otherwise SQLite ignores it).
    committed: bool,
    /// The newest committed page 1: the database header after the replay.
    page1: Option<Vec<u8>>,
}

/// Refuses to open `db` when its `-wal` belongs to another database. Reads only: a
/// refused database and its log stay byte-for-byte as they were. A log SQLite would
/// ignore (missing, empty, torn header, nothing committed) passes, as does one that
/// cannot be read (SQLite then reports the problem itself).
pub(crate) fn check_pairing(db: &Path) -> Result<()> {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    let wal = Path::new(&wal);
    let Ok(file) = File::open(wal) else {
        return Ok(());
    };
    let Ok(Some(replay)) = read(BufReader::with_capacity(1 << 16, file)) else {
        return Ok(());
    };
    let mut head = [0u8; BTREE_AT];
    let db_head = File::open(db)
        .and_then(|mut f| f.read_exact(&mut head))
        .ok()
        .map(|()| head);
    match foreign(&replay, db_head.as_ref()) {
        None => Ok(()),
        Some(why) => Err(Error::database(format!(
            "{} is not the write-ahead log of {} ({why}); opening them together would \
             overwrite your sessions, so nothing was touched: move the -wal file aside \
             (rename it) and run otium again",
            wal.display(),
            db.display()
        ))),
    }
}

/// Why `replay` cannot be `db_head`'s log, or `None` if it can. `db_head` is the
/// database file's first 100 bytes, `None` for a file shorter than that (new).
fn foreign(replay: &Replay, db_head: Option<&[u8; BTREE_AT]>) -> Option<&'static str> {
    if !replay.committed {
        return None;
    }
    let db_is_otiums = db_head.is_some_and(|h| app_id(h) == Some(APPLICATION_ID));
    if let Some(head) = db_head
        && page_size(head) != Some(replay.page_size)
    {
        return Some("its page size differs from the database's");
    }
    match &replay.page1 {
        // Only otium's own log replays onto an otium file, and a brand-new otium file
        // (no header yet) gets its first header from the log.
        Some(page1) => match app_id(page1) {
            Some(APPLICATION_ID) => None,
            Some(0) if !db_is_otiums && empty_schema(page1) => None,
            _ => Some("it holds another database's header"),
        },
        // Pages without a header of their own: fine for an existing database, which
        // keeps its header; a file without one would be built from someone else's pages.
        None if db_head.is_none() => Some("it holds pages of a database that is not this file"),
        None => None,
    }
}

fn app_id(page: &[u8]) -> Option<i64> {
    let bytes: [u8; 4] = page.get(APP_ID_AT..APP_ID_AT + 4)?.try_into().ok()?;
    // Stored as a signed 32-bit integer, as `PRAGMA application_id` reads it.
    Some(i64::from(i32::from_be_bytes(bytes)))
}

fn page_size(head: &[u8]) -> Option<u32> {
    let bytes: [u8; 2] = head.get(PAGE_SIZE_AT..PAGE_SIZE_AT + 2)?.try_into().ok()?;
    // 1 stands for 65536, which does not fit the two bytes.
    Some(match u16::from_be_bytes(bytes) {
        1 => 65_536,
        n => u32::from(n),
    })
}

/// Whether page 1 holds an empty `sqlite_schema` (one leaf page without cells).
fn empty_schema(page1: &[u8]) -> bool {
    page1.get(BTREE_AT) == Some(&LEAF_TABLE)
        && page1.get(BTREE_AT + 3..BTREE_AT + 5) == Some(&[0, 0][..])
}

/// Reads a log as SQLite's recovery would: `None` if SQLite would treat it as empty.
pub(crate) fn read(mut log: impl Read) -> io::Result<Option<Replay>> {
    let mut header = [0u8; HEADER];
    if !read_all(&mut log, &mut header)? {
        return Ok(None);
    }
    let word = |b: &[u8], at: usize| u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let magic = word(&header, 0);
    let big_endian = match magic {
        MAGIC_LE => false,
        MAGIC_BE => true,
        _ => return Ok(None),
    };
    let page_size = word(&header, 8);
    if word(&header, 4) != VERSION
        || !(512..=65_536).contains(&page_size)
        || !page_size.is_power_of_two()
    {
        return Ok(None);
    }
    let salts = [word(&header, 16), word(&header, 20)];
    let mut sum = checksum(big_endian, (0, 0), &header[..24]);
    if sum != (word(&header, 24), word(&header, 28)) {
        return Ok(None);
    }
    let mut frame = vec![0u8; FRAME_HEADER + page_size as usize];
    let mut replay = Replay {
        page_size,
        committed: false,
        page1: None,
    };
    let mut pending: Option<Vec<u8>> = None;
    while read_all(&mut log, &mut frame)? {
        let page = word(&frame, 0);
        if page == 0 || [word(&frame, 8), word(&frame, 12)] != salts {
            break;
        }
        sum = checksum(big_endian, sum, &frame[..8]);
        sum = checksum(big_endian, sum, &frame[FRAME_HEADER..]);
        if sum != (word(&frame, 16), word(&frame, 20)) {
            break;
        }
        if page == 1 {
            pending = Some(frame[FRAME_HEADER..].to_vec());
        }
        // A non-zero "database size after commit" marks a transaction's last frame.
        if word(&frame, 4) != 0 {
            replay.committed = true;
            if let Some(page1) = pending.take() {
                replay.page1 = Some(page1);
            }
        }
    }
    Ok(Some(replay))
}

/// Fills `buf` completely: `false` at a clean or torn end of the file.
fn read_all(log: &mut impl Read, buf: &mut [u8]) -> io::Result<bool> {
    match log.read_exact(buf) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => Ok(false),
        Err(e) => Err(e),
    }
}

/// SQLite's WAL checksum, continued from `(s0, s1)` over `data` (a multiple of 8 bytes).
fn checksum(big_endian: bool, (mut s0, mut s1): (u32, u32), data: &[u8]) -> (u32, u32) {
    for pair in data.chunks_exact(8) {
        let word = |b: &[u8]| {
            let b = [b[0], b[1], b[2], b[3]];
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s0 = s0.wrapping_add(word(&pair[..4])).wrapping_add(s1);
        s1 = s1.wrapping_add(word(&pair[4..])).wrapping_add(s0);
    }
    (s0, s1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use rusqlite::Connection;

    /// A database in WAL mode with the log kept: copies of the database file and of
    /// its `-wal`, taken while the connection is still open (closing would checkpoint).
    fn with_log(dir: &Path, name: &str, sql: &str) -> (Vec<u8>, Vec<u8>) {
        let path = dir.join(name);
        let conn = Connection::open(&path).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute_batch(sql).unwrap();
        let db = std::fs::read(&path).unwrap();
        let wal = std::fs::read(dir.join(format!("{name}-wal"))).unwrap();
        drop(conn);
        (db, wal)
    }

    fn verdict(db: &[u8], wal: &[u8]) -> Option<&'static str> {
        let replay = read(wal).unwrap().unwrap();
        let head: Option<[u8; BTREE_AT]> = db.get(..BTREE_AT).map(|h| h.try_into().unwrap());
        foreign(&replay, head.as_ref())
    }

    #[test]
    fn otiums_own_log_pairs_and_another_programs_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let ours =
            "PRAGMA application_id = 1869900149; CREATE TABLE s (x); INSERT INTO s VALUES (1);";
        let (db, own) = with_log(dir.path(), "a.db", ours);
        let (_, other) = with_log(
            dir.path(),
            "b.db",
            "CREATE TABLE t (y); INSERT INTO t VALUES (2);",
        );
        assert_eq!(verdict(&db, &own), None);
        assert_eq!(
            verdict(&db, &other),
            Some("it holds another database's header")
        );
        // A brand-new (empty) file takes otium's log, but not another program's.
        assert_eq!(verdict(&[], &own), None);
        assert_eq!(
            verdict(&[], &other),
            Some("it holds another database's header")
        );
    }

    #[test]
    fn a_log_without_page_one_pairs_with_an_existing_file_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        // Checkpointed setup, then a transaction touching only the table's own page.
        let conn = Connection::open(&path).unwrap();
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
            .unwrap();
        conn.execute_batch(
            "PRAGMA application_id = 1869900149; CREATE TABLE s (x); PRAGMA wal_checkpoint(TRUNCATE);
             PRAGMA wal_autocheckpoint = 0; INSERT INTO s VALUES (1);",
        )
        .unwrap();
        let db = std::fs::read(&path).unwrap();
        let wal = std::fs::read(dir.path().join("c.db-wal")).unwrap();
        drop(conn);
        let replay = read(&wal[..]).unwrap().unwrap();
        assert!(replay.committed && replay.page1.is_none(), "{replay:?}");
        assert_eq!(verdict(&db, &wal), None);
        assert!(verdict(&[], &wal).is_some());
    }

    #[test]
    fn a_torn_or_uncommitted_log_is_what_sqlite_ignores() {
        let dir = tempfile::tempdir().unwrap();
        let (db, other) = with_log(dir.path(), "d.db", "CREATE TABLE t (y);");
        // Header only, a header cut short, a bad magic, a flipped checksum bit.
        assert!(!read(&other[..HEADER]).unwrap().unwrap().committed);
        assert_eq!(read(&other[..20]).unwrap(), None);
        let mut bad = other.clone();
        bad[0] ^= 0xFF;
        assert_eq!(read(&bad[..]).unwrap(), None);
        let mut bad = other.clone();
        bad[HEADER + FRAME_HEADER + 200] ^= 1;
        assert_eq!(verdict(&db, &bad), None);
        // The whole frame chain but the last frame's final byte: no commit survives.
        let torn = &other[..other.len() - 1];
        assert!(!read(torn).unwrap().unwrap().committed);
    }
}
