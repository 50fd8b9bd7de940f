//! The tags of streamed sessions, joined in Rust as one ordered walk over
//! `session_tags` instead of a correlated subquery per row: a whole-history read
//! (report by tag, CSV export) then reads the tag links in primary-key order, a chunk
//! of ids at a time, and names them from the `tags` table loaded once.
//!
//! Sessions stream in start order. Their ids follow that order when the history was
//! written in order (as an import or ordinary use writes it); a session whose id is
//! behind the walk (edited or restored out of order) gets one point lookup, so the
//! result never depends on the order, only the speed does. Memory is one chunk.

use std::collections::{HashMap, VecDeque};

use rusqlite::Connection;

use super::tag_feed::Feed;
use crate::model::SessionId;

type Sql<T> = rusqlite::Result<T>;

/// How many session ids one chunk of the walk covers.
const CHUNK: i64 = 2048;

/// The walk over `session_tags` for one streamed read.
pub(super) struct TagJoin<'c> {
    conn: &'c Connection,
    /// Tag names by id.
    names: HashMap<i64, String>,
    /// Links `(session_id, tag_id)` of the ids `next..end`, in key order.
    links: VecDeque<(i64, i64)>,
    /// The lowest id the walk can still answer from `links`.
    next: i64,
    /// One past the highest id `links` covers.
    end: i64,
    /// Each tag id's place among the sorted names (filled by `sorted_names`).
    ranks: IdPlaces,
    /// Reused tag ids of one session.
    scratch: Vec<i64>,
    /// Chunks of links read ahead on another connection (see `tag_feed`), when fed.
    feed: Option<Feed>,
}

impl<'c> TagJoin<'c> {
    /// A walk on `conn`, with the tag names loaded (a few rows: tags are names).
    pub(super) fn new(conn: &'c Connection) -> Sql<Self> {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM tags")?;
        let names = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Sql<HashMap<i64, String>>>()?;
        Ok(TagJoin {
            conn,
            names,
            links: VecDeque::new(),
            next: 0,
            end: 0,
            ranks: IdPlaces::default(),
            scratch: Vec::new(),
            feed: None,
        })
    }

    /// Takes the links of the ids from `first` on from `feed` instead of reading them
    /// here; the ids asked for must rise from `first`, as on the read down the table.
    pub(super) fn feed(&mut self, feed: Feed, first: i64) {
        self.links.clear();
        self.next = first;
        self.end = first;
        self.feed = Some(feed);
    }

    /// The tags of session `id`, sorted by name.
    pub(super) fn tags(&mut self, id: SessionId) -> Sql<Vec<String>> {
        let mut ids = Vec::new();
        self.tag_ids(id, &mut ids)?;
        let mut tags: Vec<String> = ids
            .iter()
            .filter_map(|t| self.names.get(t).cloned())
            .collect();
        tags.sort();
        Ok(tags)
    }

    /// The tag names, sorted, with each tag id's place among them: what
    /// [`TagJoin::ranks`] answers in.
    pub(super) fn sorted_names(&mut self) -> Vec<String> {
        let mut named: Vec<(i64, String)> =
            self.names.iter().map(|(id, n)| (*id, n.clone())).collect();
        named.sort_by(|a, b| a.1.cmp(&b.1));
        self.ranks = IdPlaces::new(
            named
                .iter()
                .enumerate()
                .filter_map(|(rank, (id, _))| Some((*id, u32::try_from(rank).ok()?))),
        );
        named.into_iter().map(|(_, n)| n).collect()
    }

    /// The tags of session `id` as places in [`TagJoin::sorted_names`], ascending
    /// (so sorted by name), into `out`; allocates nothing once `out` has grown.
    pub(super) fn ranks(&mut self, id: SessionId, out: &mut Vec<u32>) -> Sql<()> {
        out.clear();
        let mut ids = std::mem::take(&mut self.scratch);
        self.tag_ids(id, &mut ids)?;
        out.extend(ids.iter().filter_map(|&t| self.ranks.get(t)));
        out.sort_unstable();
        self.scratch = ids;
        Ok(())
    }

    /// The tag ids of session `id`, into `ids` (emptied first).
    fn tag_ids(&mut self, id: SessionId, ids: &mut Vec<i64>) -> Sql<()> {
        ids.clear();
        let id = id.get();
        if self.names.is_empty() {
            return Ok(());
        }
        if id < self.next {
            // Behind the walk: one lookup for this session alone.
            let mut stmt = self
                .conn
                .prepare_cached("SELECT tag_id FROM session_tags WHERE session_id = ?1")?;
            for tag in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                ids.push(tag?);
            }
        } else {
            if id >= self.end {
                self.take_chunks(id)?;
            }
            while let Some(&(session, tag)) = self.links.front() {
                if session > id {
                    break;
                }
                self.links.pop_front();
                if session == id {
                    ids.push(tag);
                }
            }
            self.next = id + 1;
        }
        Ok(())
    }

    /// Takes chunks from the feed until one covers `id`; without a feed (or once it
    /// ended) reads the links of `id` on from this connection.
    fn take_chunks(&mut self, id: i64) -> Sql<()> {
        while id >= self.end {
            let Some(feed) = &self.feed else {
                return self.fill(id);
            };
            match feed.recv() {
                Ok(chunk) => {
                    let chunk = chunk?;
                    self.next = self.end;
                    self.end = chunk.end;
                    self.links = VecDeque::from(chunk.links);
                }
                Err(_) => {
                    self.feed = None;
                    return self.fill(id);
                }
            }
        }
        Ok(())
    }

    /// Reads the links of the ids `from..from + CHUNK`.
    fn fill(&mut self, from: i64) -> Sql<()> {
        let end = from.saturating_add(CHUNK);
        let mut stmt = self.conn.prepare_cached(CHUNK_SQL)?;
        self.links.clear();
        for link in stmt.query_map([from, end], |r| Ok((r.get(0)?, r.get(1)?)))? {
            self.links.push_back(link?);
        }
        self.next = from;
        self.end = end;
        Ok(())
    }
}

/// Row ids (of projects, of tags) to places in a list of names, looked up once per
/// streamed row: a vector indexed by id when the ids are dense, as they are in every
/// real database, else a hash map.
#[derive(Debug)]
pub(super) enum IdPlaces {
    /// A place per id (`NONE` for ids that name nothing).
    Dense(Vec<u32>),
    /// Ids spread wider (rows made and removed by the million).
    Sparse(HashMap<i64, u32>),
}

impl Default for IdPlaces {
    fn default() -> Self {
        IdPlaces::Dense(Vec::new())
    }
}

impl IdPlaces {
    const NONE: u32 = u32::MAX;

    /// The places of `(id, place)` pairs.
    pub(super) fn new(pairs: impl Iterator<Item = (i64, u32)>) -> Self {
        let pairs: Vec<(i64, u32)> = pairs.collect();
        let max = pairs.iter().map(|p| p.0).max().unwrap_or(0);
        let min = pairs.iter().map(|p| p.0).min().unwrap_or(0);
        match usize::try_from(max) {
            Ok(max) if min >= 0 && max <= 4 * pairs.len() + 1024 => {
                let mut dense = vec![Self::NONE; max + 1];
                for (id, place) in pairs {
                    if let Ok(id) = usize::try_from(id) {
                        dense[id] = place;
                    }
                }
                IdPlaces::Dense(dense)
            }
            _ => IdPlaces::Sparse(pairs.into_iter().collect()),
        }
    }

    /// The place of `id`, if it has one.
    pub(super) fn get(&self, id: i64) -> Option<u32> {
        match self {
            IdPlaces::Dense(places) => usize::try_from(id)
                .ok()
                .and_then(|i| places.get(i).copied())
                .filter(|&p| p != Self::NONE),
            IdPlaces::Sparse(places) => places.get(&id).copied(),
        }
    }
}

/// One chunk of the walk: a range of the primary key, read in its order.
pub(super) const CHUNK_SQL: &str = "SELECT session_id, tag_id FROM session_tags
    WHERE session_id >= ?1 AND session_id < ?2 ORDER BY session_id, tag_id";

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone, Utc};

    use super::CHUNK;
    use crate::model::NewSession;
    use crate::store::{Store, sessions};
    use crate::time::range::Span;

    /// Sessions whose ids run with their start times in long stretches, against them
    /// in others, and across several chunks: the streamed tags equal each session's
    /// own (read by id through the per-row subquery, an independent query).
    #[test]
    fn streamed_tags_match_each_session_whatever_the_id_order() {
        let mut store = Store::open_in_memory().unwrap();
        let base = Utc.with_ymd_and_hms(2026, 3, 2, 0, 0, 0).unwrap();
        let count = usize::try_from(2 * CHUNK + 300).unwrap();
        store
            .write(|tx| {
                for i in 0..count {
                    // Every third block of 500 ids runs backwards in time; the rest forwards.
                    let slot = if (i / 500) % 3 == 2 {
                        10 * count - i
                    } else {
                        i
                    };
                    let start = base + Duration::minutes(2 * i64::try_from(slot).unwrap());
                    let tags: Vec<crate::model::Tag> = ["a", "b", "c"]
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| (i >> k) & 1 == 1)
                        .map(|(_, t)| (*t).into())
                        .collect();
                    let new = NewSession {
                        project: "p".into(),
                        tags,
                        note: None,
                        start,
                        end: Some(start + Duration::minutes(1)),
                        zone: chrono_tz::Tz::UTC,
                    };
                    sessions::insert(tx, &new, base)?;
                }
                Ok(())
            })
            .unwrap();
        let db = store.reader();
        let mut seen = 0;
        let mut tagged = 0;
        sessions::each_in_span(db, Span::ALL, &mut |s| {
            let own = sessions::by_id(db, s.id)?.map(|s| s.tags);
            assert_eq!(Some(s.tags.clone()), own, "session {}", s.id);
            tagged += usize::from(!s.tags.is_empty());
            seen += 1;
            Ok(true)
        })
        .unwrap();
        assert_eq!(seen, count);
        // Ids with none of the three low bits set have no tags: one in eight.
        assert_eq!(tagged, count - count.div_ceil(8));
        let mut lean = 0;
        sessions::each_lean_in_span(db, Span::ALL, true, &mut |s| {
            let own = sessions::by_id(db, s.id)?.map(|s| s.tags);
            assert_eq!(Some(s.tags), own, "session {}", s.id);
            lean += 1;
            Ok(true)
        })
        .unwrap();
        assert_eq!(lean, count);
    }

    #[test]
    fn id_places_answer_alike_dense_and_sparse() {
        use super::IdPlaces;
        let dense = IdPlaces::new([(1, 0), (3, 1), (2, 2)].into_iter());
        assert!(matches!(dense, IdPlaces::Dense(_)));
        let sparse = IdPlaces::new([(1, 0), (3_000_000, 1), (-5, 2)].into_iter());
        assert!(matches!(sparse, IdPlaces::Sparse(_)));
        for places in [&dense, &sparse] {
            assert_eq!(places.get(1), Some(0));
            assert_eq!(places.get(0), None);
            assert_eq!(places.get(99), None);
            assert_eq!(places.get(-1), None);
        }
        assert_eq!(dense.get(2), Some(2));
        assert_eq!(sparse.get(3_000_000), Some(1));
        assert_eq!(sparse.get(-5), Some(2));
    }

    #[test]
    fn a_chunk_searches_the_primary_key() {
        let store = Store::open_in_memory().unwrap();
        let db = store.reader();
        let mut stmt = db
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::CHUNK_SQL))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map([1_i64, 2], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            plan,
            ["SEARCH session_tags USING PRIMARY KEY (session_id>? AND session_id<?)"],
            "{plan:#?}"
        );
    }
}
