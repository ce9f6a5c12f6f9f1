//! The dashboard's questions as SQL on the index: the filtered and sorted table, the summary
//! tiles, a trainee's and a persona's picture, the trainees for the filter menu, the skipped
//! files, and a trainee's best score per persona for the library. Counting, grouping and
//! ranking happen in SQLite; Rust only turns result rows into the dashboard's types.
//!
//! Queries never write and never read report files; a folder the index does not know has no
//! rows.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use super::codes::{failure_of, language_code, mode_code, nth, signature_of};
use super::db::Index;
use super::{Entry, Filter, IndexError, Line, PersonaView, SortBy, Summary, TraineeView, trainee_key};
use crate::report::store::{SkipReason, Skipped};
use settle_core::call::Mode;
use settle_core::outcome::Outcome;
use settle_core::persona::{NodeId, PersonaId, ReplyIdx};
use settle_core::style::{ConflictStyle, StylePoint};
use settle_core::vocabulary::{Language, Ploy, ViolationKind};

/// A `WHERE` clause and its parameters (the folder is always `?1`).
struct Where {
    sql: String,
    params: Vec<Value>,
}

impl Where {
    fn of(folder: i64, filter: &Filter) -> Where {
        let mut w =
            Where { sql: "f.folder = ?1 AND f.skip IS NULL".into(), params: vec![Value::Integer(folder)] };
        if let Some(trainee) = &filter.trainee {
            w.and("f.trainee_key = ?", Value::Text(trainee_key(trainee)));
        }
        if let Some(persona) = &filter.persona {
            w.and("f.persona = ?", Value::Text(persona.0.clone()));
        }
        if let Some(language) = filter.language {
            w.and("f.language = ?", Value::Integer(language_code(language)));
        }
        if let Some(mode) = filter.mode {
            w.and("f.mode = ?", Value::Integer(mode_code(mode)));
        }
        if let Some(passed) = filter.passed {
            w.and("f.passed = ?", Value::Integer(i64::from(passed)));
        }
        if let Some(from) = filter.from {
            w.and("f.started_at >= ?", Value::Integer(from.timestamp_micros()));
        }
        if let Some(to) = filter.to {
            w.and("f.started_at <= ?", Value::Integer(to.timestamp_micros()));
        }
        let text = filter.text.trim().to_lowercase();
        if !text.is_empty() {
            w.params.push(Value::Text(text));
            let n = w.params.len();
            w.sql.push_str(&format!(
                " AND (instr(f.trainee_key, ?{n}) > 0 OR instr(f.persona_name_key, ?{n}) > 0 OR instr(f.persona, ?{n}) > 0)"
            ));
        }
        w
    }

    fn and(&mut self, condition: &str, value: Value) {
        self.params.push(value);
        let n = self.params.len();
        self.sql.push_str(" AND ");
        self.sql.push_str(&condition.replace('?', &format!("?{n}")));
    }

    fn params(&self) -> rusqlite::ParamsFromIter<std::slice::Iter<'_, Value>> {
        rusqlite::params_from_iter(self.params.iter())
    }
}

fn order_by(sort: SortBy, descending: bool) -> String {
    let column = match sort {
        SortBy::Date => "f.started_at",
        SortBy::Trainee => "f.trainee_key",
        SortBy::Persona => "f.persona_name",
        SortBy::Score => "f.total",
        SortBy::Outcome => "f.outcome",
    };
    let direction = if descending { "DESC" } else { "ASC" };
    // The file name last, so that equal rows keep one order from one query to the next.
    format!("{column} {direction}, f.name {direction}")
}

pub(super) fn time(micros: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

impl Index {
    /// The table: the rows that pass the filter, in the order asked for.
    pub fn lines(
        &self,
        folder: &Path,
        filter: &Filter,
        sort: SortBy,
        descending: bool,
    ) -> Result<Vec<Line>, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(Vec::new()) };
        let w = Where::of(id, filter);
        let sql = format!(
            "SELECT f.name, f.trainee, f.persona, f.persona_name, f.language, f.mode, f.started_at, f.outcome,
                    f.total, f.expected_score, f.passed, f.style, f.signature
             FROM files f WHERE {} ORDER BY {}",
            w.sql,
            order_by(sort, descending)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let lines = stmt.query_map(w.params(), |r| {
            Ok(Line {
                path: folder.join(r.get::<_, String>(0)?),
                trainee: r.get(1)?,
                persona: PersonaId(r.get(2)?),
                persona_name: r.get(3)?,
                language: nth(&Language::ALL, r.get(4)?).unwrap_or(Language::En),
                mode: if r.get::<_, i64>(5)? == 1 { Mode::Assessment } else { Mode::Practice },
                started_at: time(r.get(6)?),
                outcome: nth(&Outcome::ALL, r.get(7)?).unwrap_or(Outcome::Refused),
                total: r.get(8)?,
                expected_score: r.get(9)?,
                passed: r.get(10)?,
                style: nth(&ConflictStyle::ALL, r.get(11)?).unwrap_or(ConflictStyle::Compromising),
                signature: signature_of(r.get(12)?),
            })
        })?;
        Ok(lines.collect::<Result<_, _>>()?)
    }

    /// The rows that pass the filter with everything they hold, in the order asked for.
    pub fn entries(
        &self,
        folder: &Path,
        filter: &Filter,
        sort: SortBy,
        descending: bool,
    ) -> Result<Vec<Entry>, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(Vec::new()) };
        let w = Where::of(id, filter);
        let sql = format!(
            "SELECT f.name, f.signature, r.row FROM files f JOIN rows r ON r.file = f.id WHERE {} ORDER BY {}",
            w.sql,
            order_by(sort, descending)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let raw = stmt.query_map(w.params(), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?))
        })?;
        let mut entries = Vec::new();
        for item in raw {
            let (name, signature, row) = item?;
            entries.push(Entry {
                path: folder.join(name),
                signature: signature_of(signature),
                row: serde_json::from_str(&row)?,
            });
        }
        Ok(entries)
    }

    /// The summary tiles over the rows that pass the filter.
    pub fn summary(&self, folder: &Path, filter: &Filter) -> Result<Summary, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(Summary::default()) };
        let w = Where::of(id, filter);
        let (calls, passed, mean): (i64, i64, f64) = self.conn.query_row(
            &format!("SELECT COUNT(*), COALESCE(SUM(f.passed), 0), COALESCE(AVG(f.total), 0.0) FROM files f WHERE {}", w.sql),
            w.params(),
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        // The most common failure; equal counts go to the first kind in the core's order.
        let top: Option<(i64, i64)> = rusqlite::OptionalExtension::optional(self.conn.query_row(
            &format!(
                "SELECT f.failure, COUNT(*) AS n FROM files f WHERE {} AND f.failure IS NOT NULL
                 GROUP BY f.failure ORDER BY n DESC, f.failure ASC LIMIT 1",
                w.sql
            ),
            w.params(),
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        let calls = calls as usize;
        Ok(Summary {
            calls,
            passed: passed as usize,
            pass_rate: if calls > 0 { passed as f64 / calls as f64 } else { 0.0 },
            mean_score: mean,
            top_failure: top.and_then(|(code, n)| Some((failure_of(code)?, n as usize))),
        })
    }

    /// Distinct trainees, for filter menus: one spelling each, in name order.
    pub fn trainees(&self, folder: &Path) -> Result<Vec<String>, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT MIN(trainee) FROM files WHERE folder = ?1 AND skip IS NULL GROUP BY trainee_key ORDER BY trainee_key",
        )?;
        let names = stmt.query_map([id], |r| r.get(0))?;
        Ok(names.collect::<Result<_, _>>()?)
    }

    /// The files of the folder that are not readable reports, with why, in name order.
    pub fn skipped(&self, folder: &Path) -> Result<Vec<Skipped>, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(Vec::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, skip FROM files WHERE folder = ?1 AND skip IS NOT NULL ORDER BY name",
        )?;
        let raw = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut skipped = Vec::new();
        for item in raw {
            let (name, reason) = item?;
            let reason: SkipReason = serde_json::from_str(&reason)?;
            skipped.push(Skipped { path: folder.join(name), reason });
        }
        Ok(skipped)
    }

    /// How many reports of the folder wait for their signature check.
    pub fn pending_signatures(&self, folder: &Path) -> Result<usize, IndexError> {
        match self.known_folder(folder)? {
            Some(id) => self.pending(id),
            None => Ok(0),
        }
    }

    /// A trainee's best total per persona (the persona each call counts for).
    pub fn best_scores(&self, folder: &Path, trainee: &str) -> Result<BTreeMap<PersonaId, f64>, IndexError> {
        let Some(id) = self.known_folder(folder)? else { return Ok(BTreeMap::new()) };
        let mut stmt = self.conn.prepare_cached(
            "SELECT persona, MAX(total) FROM files WHERE folder = ?1 AND skip IS NULL AND trainee_key = ?2
             GROUP BY persona",
        )?;
        let best = stmt.query_map(rusqlite::params![id, trainee_key(trainee)], |r| {
            Ok((PersonaId(r.get(0)?), r.get(1)?))
        })?;
        Ok(best.collect::<Result<_, _>>()?)
    }

    /// Counts of one column of a list table over the rows that pass the filter, most common
    /// first, equal counts by the column's order.
    fn ranked<T>(
        &self,
        w: &Where,
        table: &str,
        columns: &str,
        read: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<Option<T>>,
    ) -> Result<Vec<(T, usize)>, IndexError> {
        let sql = format!(
            "SELECT {columns}, COUNT(*) AS n FROM {table} t JOIN files f ON t.file = f.id WHERE {}
             GROUP BY {columns} ORDER BY n DESC, {columns}",
            w.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let counted = stmt.query_map(w.params(), |r| {
            let n: i64 = r.get(r.as_ref().column_count() - 1)?;
            Ok(read(r)?.map(|value| (value, n as usize)))
        })?;
        let mut out = Vec::new();
        for item in counted {
            out.extend(item?);
        }
        Ok(out)
    }

    /// One trainee's picture.
    pub fn trainee_view(&self, folder: &Path, trainee: &str) -> Result<TraineeView, IndexError> {
        let filter = Filter { trainee: Some(trainee.to_string()), ..Filter::default() };
        let summary = self.summary(folder, &filter)?;
        let mut view = TraineeView {
            trainee: trainee.to_string(),
            summary,
            scores_over_time: BTreeMap::new(),
            style_points: Vec::new(),
            violations: Vec::new(),
            ploys_fallen_for: Vec::new(),
            best_and_last: BTreeMap::new(),
        };
        let Some(id) = self.known_folder(folder)? else { return Ok(view) };
        let w = Where::of(id, &filter);
        let sql = format!(
            "SELECT f.persona, f.started_at, f.total, f.empathy, f.firmness FROM files f WHERE {}
             ORDER BY f.started_at, f.name",
            w.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let calls = stmt.query_map(w.params(), |r| {
            let point = StylePoint { empathy: r.get(3)?, firmness: r.get(4)? };
            Ok((PersonaId(r.get(0)?), time(r.get(1)?), r.get::<_, f64>(2)?, point))
        })?;
        for call in calls {
            let (persona, at, total, point) = call?;
            view.scores_over_time.entry(persona.clone()).or_default().push((at, total));
            view.style_points.push((persona, point));
        }
        let sql = format!("SELECT f.persona, MAX(f.total) FROM files f WHERE {} GROUP BY f.persona", w.sql);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let best = stmt.query_map(w.params(), |r| Ok((PersonaId(r.get(0)?), r.get::<_, f64>(1)?)))?;
        for item in best {
            let (persona, best) = item?;
            let last = view.scores_over_time.get(&persona).and_then(|s| s.last()).map_or(best, |(_, t)| *t);
            view.best_and_last.insert(persona, (best, last));
        }
        view.violations =
            self.ranked(&w, "violations", "t.kind", |r| Ok(nth(&ViolationKind::ALL, r.get(0)?)))?;
        let mut ploys = self.ranked(&w, "ploys", "t.ploy", |r| {
            Ok(serde_json::from_str::<Ploy>(&r.get::<_, String>(0)?).ok())
        })?;
        // Ploys are kept by name; equal counts go in the core's order, as the other lists.
        ploys.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        view.ploys_fallen_for = ploys;
        Ok(view)
    }

    /// One persona's picture.
    pub fn persona_view(&self, folder: &Path, persona: &PersonaId) -> Result<PersonaView, IndexError> {
        let filter = Filter { persona: Some(persona.clone()), ..Filter::default() };
        let mut view = PersonaView {
            persona: persona.clone(),
            summary: self.summary(folder, &filter)?,
            histogram: [0; 10],
            outcomes: Vec::new(),
            costly_replies: Vec::new(),
        };
        let Some(id) = self.known_folder(folder)? else { return Ok(view) };
        let w = Where::of(id, &filter);
        let sql = format!(
            "SELECT MIN(CAST(f.total / 10 AS INTEGER), 9) AS band, COUNT(*) FROM files f WHERE {} GROUP BY band",
            w.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let bands = stmt.query_map(w.params(), |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for band in bands {
            let (band, n) = band?;
            if let Some(slot) = usize::try_from(band).ok().and_then(|b| view.histogram.get_mut(b)) {
                *slot = n as usize;
            }
        }
        let sql = format!(
            "SELECT f.outcome, COUNT(*) AS n FROM files f WHERE {} GROUP BY f.outcome ORDER BY n DESC, f.outcome",
            w.sql
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let outcomes =
            stmt.query_map(w.params(), |r| Ok((nth(&Outcome::ALL, r.get(0)?), r.get::<_, i64>(1)?)))?;
        for item in outcomes {
            if let (Some(outcome), n) = item? {
                view.outcomes.push((outcome, n as usize));
            }
        }
        view.costly_replies = self.ranked(&w, "costly", "t.node, t.reply", |r| {
            let reply = u16::try_from(r.get::<_, i64>(1)?).ok();
            Ok(reply.map(|reply| (NodeId(r.get(0).unwrap_or_default()), ReplyIdx(reply))))
        })?;
        Ok(view)
    }
}
