//! Validation: turns a parsed [`PersonaFile`] into a [`Persona`], collecting every problem
//! with its place in the file instead of stopping at the first.
//!
//! Names are resolved to indices here, ranges checked, portraits found inside `assets/`, and
//! the graph handed to `graph` for reachability and exits. A persona is returned only when no
//! problem is an error; warnings come back alongside it.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use crate::diagnostic::{Diagnostic, Level, Problem, suggest};
use crate::format::{
    BranchSpec, ConditionSpec, LineSpec, NextSpec, NodeSpec, PERSONA_FORMAT, PersonaFile, ReplySpec,
};
use crate::graph;

mod target;
use crate::assets::{Assets, Entry};
use crate::mood::MAX_TILT;
use crate::persona::StepMarks;
use crate::persona::{
    Branch, Condition, ContentHash, Ending, FlagIdx, Line, MoodIdx, MoodVar, Next, Node, NodeId, NodeIdx,
    Persona, PersonaId, PersonaSource, Portrait, Reply, Silence, Target, Violation,
};
use crate::portrait::{MAX_PORTRAIT_SIDE, PortraitError};
use crate::source::SourceMap;
use crate::style::Stance;

/// What validation needs besides the parsed file.
pub struct Context<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub assets: &'a dyn Assets,
    pub hash: ContentHash,
}

/// Validates a parsed file. Returns the persona when nothing is an error, and every problem.
pub fn validate(mut file: PersonaFile, cx: Context<'_>) -> (Option<Persona>, Vec<Diagnostic>) {
    // Node ids in file (and index) order; names resolve to indices through `nodes`, which
    // borrows them, so that no id is copied.
    let (ids, specs): (Vec<String>, Vec<NodeSpec>) = std::mem::take(&mut file.nodes).into_iter().unzip();
    let mut v = Validator {
        cx: &cx,
        map: OnceCell::new(),
        diagnostics: Vec::new(),
        moods: HashMap::new(),
        flags: HashMap::new(),
        flag_names: Vec::new(),
        ids: &ids,
        target: None,
        nodes: ids.iter().enumerate().map(|(i, id)| (id.as_str(), NodeIdx(i as u32))).collect(),
    };
    let persona = v.run(file, specs);
    let diagnostics = std::mem::take(&mut v.diagnostics);
    drop(v);
    let errors = diagnostics.iter().any(Diagnostic::is_error);
    let persona = persona.filter(|_| !errors).map(|mut persona| {
        for (node, id) in persona.nodes.iter_mut().zip(ids) {
            node.id = NodeId(id);
        }
        persona
    });
    (persona, diagnostics)
}

struct Validator<'a, 'cx> {
    cx: &'a Context<'cx>,
    /// Built only when a problem needs a place: most files have none.
    map: OnceCell<SourceMap>,
    diagnostics: Vec<Diagnostic>,
    moods: HashMap<String, MoodIdx>,
    flags: HashMap<String, FlagIdx>,
    flag_names: Vec<String>,
    /// Node ids by index, sorted.
    ids: &'a [String],
    /// The target's required steps, for the replies that take them.
    target: Option<Target>,
    nodes: HashMap<&'a str, NodeIdx>,
}

/// Valid ids: letters, digits, `_` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

impl Validator<'_, '_> {
    fn source_map(&self) -> &SourceMap {
        self.map.get_or_init(|| SourceMap::scan(self.cx.text))
    }

    fn report(&mut self, level: Level, problem: Problem, at: &At<'_>, value: bool) {
        let at = at.render();
        let at = at.as_str();
        let map = self.source_map();
        let span = if value { map.locate_value(at) } else { map.locate(at) };
        self.diagnostics.push(Diagnostic::new(level, problem, self.cx.path, self.cx.text, span));
    }

    fn error(&mut self, problem: Problem, at: &At<'_>) {
        self.report(Level::Error, problem, at, false);
    }

    /// An error pointing at the value rather than its key.
    fn error_value(&mut self, problem: Problem, at: &At<'_>) {
        self.report(Level::Error, problem, at, true);
    }

    fn warn(&mut self, problem: Problem, at: &At<'_>) {
        self.report(Level::Warning, problem, at, false);
    }

    /// The persona's nodes get their ids from the caller (`validate`), which lends them.
    fn run(&mut self, file: PersonaFile, specs: Vec<NodeSpec>) -> Option<Persona> {
        if file.format != PERSONA_FORMAT {
            self.error_value(
                Problem::UnsupportedFormat { found: file.format, supported: PERSONA_FORMAT },
                &At::Root.key("format"),
            );
        }
        if !is_valid_id(&file.id) {
            self.error_value(Problem::InvalidId(file.id.clone()), &At::Root.key("id"));
        }
        if !(1..=5).contains(&file.difficulty) {
            self.error_value(Problem::DifficultyOutOfRange(file.difficulty), &At::Root.key("difficulty"));
        }
        let moods = self.moods(&file);
        self.collect_flags(&specs);
        for id in self.ids {
            if !is_valid_id(id) {
                self.error(Problem::InvalidId(id.clone()), &At::Root.key("nodes").key(id));
            }
        }
        let target = self.target(&file);
        self.target = Some(target.clone());
        let portraits = self.portraits(&file);
        let start = self.nodes.get(file.start.as_str()).copied();
        if start.is_none() {
            let suggestion = suggest(&file.start, self.ids.iter().map(String::as_str));
            let problem = Problem::UnknownStart { start: file.start.clone(), suggestion };
            self.error_value(problem, &At::Root.key("start"));
        }
        let ids = self.ids;
        let nodes: Vec<Node> = specs.into_iter().zip(ids).map(|(spec, id)| self.node(id, spec)).collect();
        let start = start?;
        self.graph(&nodes, start, &target);
        Some(Persona {
            id: PersonaId(file.id),
            name: file.name,
            company: file.company,
            archetype: file.archetype,
            difficulty: file.difficulty,
            language: file.language,
            untranslated: Default::default(),
            description: file.description,
            portraits,
            case_file: file.case_file,
            target,
            moods,
            flags: std::mem::take(&mut self.flag_names),
            start,
            nodes,
            source: PersonaSource { path: self.cx.path.to_path_buf(), hash: self.cx.hash.clone() },
        })
    }

    fn moods(&mut self, file: &PersonaFile) -> Vec<MoodVar> {
        let mut out = Vec::new();
        for (i, (name, start)) in file.moods.iter().enumerate() {
            let moods = At::Root.key("moods");
            let at = moods.key(name);
            if !is_valid_id(name) {
                self.error(Problem::InvalidId(name.clone()), &at);
            }
            if !(0..=100).contains(start) {
                self.error_value(Problem::MoodOutOfRange { name: name.clone(), value: *start }, &at);
            }
            self.moods.insert(name.clone(), MoodIdx(i as u16));
            out.push(MoodVar { name: name.clone(), start: (*start).clamp(0, 100) });
        }
        out
    }

    /// Flags are declared by the replies that set them.
    fn collect_flags(&mut self, nodes: &[NodeSpec]) {
        // Inserted one by one: many replies set the same few flags.
        let mut set: BTreeSet<&String> = BTreeSet::new();
        for name in nodes.iter().flat_map(|n| &n.replies).flat_map(|r| &r.sets) {
            set.insert(name);
        }
        for name in set {
            self.flags.insert(name.clone(), FlagIdx(self.flag_names.len() as u16));
            self.flag_names.push(name.clone());
        }
    }

    fn portraits(&mut self, file: &PersonaFile) -> Vec<Portrait> {
        let mut out = Vec::new();
        for (i, spec) in file.portraits.iter().enumerate() {
            let portraits = At::Root.key("portraits");
            let at = portraits.index(i);
            let when = spec.when.as_ref().map(|c| self.condition(c, &at.key("when")));
            let relative = Path::new(&spec.image);
            let inside = !spec.image.is_empty()
                && relative.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
            if !inside {
                self.error_value(Problem::PortraitOutsideAssets(spec.image.clone()), &at.key("image"));
                continue;
            }
            let written: PathBuf = relative.components().filter(|c| *c != Component::CurDir).collect();
            let assets = self.cx.assets;
            let path = assets.root().join(&written);
            match assets.entry(&written) {
                Entry::Outside => {
                    self.error_value(Problem::PortraitOutsideAssets(spec.image.clone()), &at.key("image"));
                }
                Entry::Missing | Entry::Folder => {
                    let parent = written.parent().unwrap_or(Path::new("")).to_path_buf();
                    let missing = parent.ancestors().filter(|f| assets.entry(f) != Entry::Folder).last();
                    let problem = Problem::PortraitMissing {
                        image: spec.image.clone(),
                        folder: assets.root().join(&parent).display().to_string(),
                        assets: assets.root().display().to_string(),
                        missing: missing.map(|f| assets.root().join(f).display().to_string()),
                        suggestion: crate::portrait::nearest_image(assets, &written),
                    };
                    self.error_value(problem, &at.key("image"));
                }
                Entry::File => {
                    let checked = assets
                        .open(&written)
                        .map_err(|e| PortraitError::Unreadable {
                            path: path.display().to_string(),
                            message: e.to_string(),
                        })
                        .and_then(|image| crate::portrait::check_image(&path, image));
                    if let Err(e) = checked {
                        let reason = match e {
                            PortraitError::TooLarge { width, height, .. } => {
                                format!("{width}x{height} pixels, more than {MAX_PORTRAIT_SIDE} on a side")
                            }
                            PortraitError::Unreadable { message, .. } => message,
                        };
                        let problem = Problem::PortraitUnusable { image: spec.image.clone(), reason };
                        self.error_value(problem, &at.key("image"));
                    }
                }
            }
            out.push(Portrait { expression: spec.expression, image: spec.image.clone(), path, when });
        }
        if !file.portraits.iter().any(|p| p.when.is_none()) {
            self.error(Problem::NoDefaultPortrait, &At::Root.key("portraits"));
        }
        out
    }

    fn mood(&mut self, name: &str, at: &At<'_>) -> MoodIdx {
        if let Some(idx) = self.moods.get(name) {
            return *idx;
        }
        let suggestion = suggest(name, self.moods.keys().map(String::as_str));
        self.error_value(Problem::UnknownMood { name: name.to_string(), suggestion }, at);
        MoodIdx(0)
    }

    fn flag(&mut self, name: &str, at: &At<'_>) -> FlagIdx {
        if let Some(idx) = self.flags.get(name) {
            return *idx;
        }
        self.report(Level::Warning, Problem::FlagNeverSet(name.to_string()), at, true);
        let idx = FlagIdx(self.flag_names.len() as u16);
        self.flags.insert(name.to_string(), idx);
        self.flag_names.push(name.to_string());
        idx
    }

    fn condition(&mut self, spec: &ConditionSpec, at: &At<'_>) -> Condition {
        match spec {
            ConditionSpec::MoodAtLeast(m, v) => Condition::MoodAtLeast(self.mood(m, at), *v),
            ConditionSpec::MoodBelow(m, v) => Condition::MoodBelow(self.mood(m, at), *v),
            ConditionSpec::Flag(f) => Condition::Flag(self.flag(f, at)),
            ConditionSpec::NotFlag(f) => Condition::NotFlag(self.flag(f, at)),
            ConditionSpec::All(cs) => Condition::All(cs.iter().map(|c| self.condition(c, at)).collect()),
            ConditionSpec::Any(cs) => Condition::Any(cs.iter().map(|c| self.condition(c, at)).collect()),
            ConditionSpec::Not(c) => Condition::Not(Box::new(self.condition(c, at))),
        }
    }

    fn effects(&mut self, effects: &BTreeMap<String, i32>, at: &At<'_>) -> Vec<(MoodIdx, i32)> {
        effects.iter().map(|(name, delta)| (self.mood(name, &at.key(name)), *delta)).collect()
    }

    fn target_node(&mut self, id: &str, at: &At<'_>) -> NodeIdx {
        if let Some(idx) = self.nodes.get(id) {
            return *idx;
        }
        let suggestion = suggest(id, self.ids.iter().map(String::as_str));
        self.error_value(Problem::UnknownTarget { target: id.to_string(), suggestion }, at);
        // Points at an existing node so the graph checks can still run on the rest.
        NodeIdx(0)
    }

    fn next(&mut self, spec: &NextSpec, at: &At<'_>) -> Next {
        match spec {
            NextSpec::Goto(id) => Next::Goto(self.target_node(id, at)),
            NextSpec::Random(branches) => {
                // In the text the branches sit inside `Random([...])`: the list is the variant's field 0.
                let list = at.index(0);
                let out = branches.iter().enumerate().map(|(i, b)| self.branch(b, &list.index(i))).collect();
                if branches.is_empty() || branches.iter().all(|b| b.weight == 0 && b.tilt.is_empty()) {
                    self.error_value(Problem::AllWeightsZero, at);
                }
                Next::Random(out)
            }
        }
    }

    fn branch(&mut self, spec: &BranchSpec, at: &At<'_>) -> Branch {
        let to = self.target_node(&spec.to, &at.key("to"));
        let tilts = at.key("tilt");
        let tilt = spec
            .tilt
            .iter()
            .map(|(m, t)| {
                let place = tilts.key(m);
                // Also refuses NaN and infinity, which would poison the weighted draw.
                if !(-MAX_TILT..=MAX_TILT).contains(t) {
                    let value = if t.abs() < 1e6 { t.to_string() } else { format!("{t:e}") };
                    self.error_value(Problem::TiltOutOfRange { mood: m.clone(), value }, &place);
                }
                (self.mood(m, &place), *t)
            })
            .collect();
        Branch { to, weight: spec.weight, tilt }
    }

    /// Consumes the node so that its text moves into the persona rather than being copied.
    /// The node's id is left empty: `validate` moves it in at the end.
    fn node(&mut self, id: &str, spec: NodeSpec) -> Node {
        let nodes = At::Root.key("nodes");
        let at = nodes.key(id);
        if spec.says.is_empty() {
            self.error(Problem::NoLines(id.to_string()), &at.key("says"));
        } else if spec.says.iter().all(|l| l.weight() == 0) {
            self.error_value(Problem::AllWeightsZero, &at.key("says"));
        }
        let mut lines: Vec<Line> = spec.says.into_iter().map(line_of).collect();
        if lines.is_empty() {
            lines.push(Line { text: String::new(), weight: 1 });
        }
        match (&spec.ending, spec.replies.is_empty()) {
            (Some(_), false) => self.error(Problem::EndingWithReplies(id.to_string()), &at.key("replies")),
            (None, true) => self.error(Problem::DeadEnd(id.to_string()), &at),
            (None, false) if spec.replies.iter().all(|r| r.when.is_some()) => {
                self.error(Problem::NoUnconditionalReply(id.to_string()), &at.key("replies"));
            }
            _ => {}
        }
        let replies_at = at.key("replies");
        let replies = spec
            .replies
            .into_iter()
            .enumerate()
            .map(|(i, r)| self.reply(id, spec.ploy.is_some(), r, &replies_at.index(i)))
            .collect();
        let silence = spec.silence.map(|s| Silence {
            effects: self.effects(&s.effects, &at.key("silence").key("effects")),
            next: self.next(&s.next, &at.key("silence").key("next")),
        });
        if let Some(points) = spec.ending.as_ref().and_then(|e| e.points).filter(|p| *p > 100) {
            self.error_value(Problem::PointsOutOfRange(points), &at.key("ending").key("points"));
        }
        let ending = spec.ending.map(|e| Ending {
            outcome: e.outcome,
            terms: e.terms,
            next_step: e.next_step,
            summary: e.summary,
            points: e.points,
        });
        Node { id: NodeId(String::new()), lines, ploy: spec.ploy, replies, silence, ending }
    }

    fn reply(&mut self, node_id: &str, node_has_ploy: bool, spec: ReplySpec, at: &At<'_>) -> Reply {
        let mut stance = Stance::default();
        for (axis, value, slot) in [
            ("empathy", spec.empathy, &mut stance.empathy),
            ("firmness", spec.firmness, &mut stance.firmness),
        ] {
            if (-2..=2).contains(&value) {
                *slot = value as i8;
            } else {
                self.error_value(Problem::StanceOutOfRange { axis, value }, &at.key(axis));
            }
        }
        if spec.ploy.is_some() && !node_has_ploy {
            self.warn(Problem::PloyHandlingWithoutPloy(node_id.to_string()), &at.key("ploy"));
        }
        let effects = self.effects(&spec.effects, &at.key("effects"));
        let sets = spec.sets.iter().filter_map(|f| self.flags.get(f).copied()).collect();
        let when = spec.when.as_ref().map(|c| self.condition(c, &at.key("when")));
        let declared: Vec<String> = self.target.iter().flat_map(|t| &t.steps).map(|s| s.id.clone()).collect();
        for (i, step) in spec.steps.iter().enumerate() {
            if !declared.contains(step) {
                let suggestion = suggest(step, declared.iter().map(String::as_str));
                self.error_value(
                    Problem::UnknownStep { step: step.clone(), suggestion },
                    &at.key("steps").index(i),
                );
            }
        }
        let marks = self
            .target
            .as_ref()
            .map_or_else(StepMarks::default, |t| StepMarks::of(t, &spec.steps, &spec.sets));
        Reply {
            text: spec.text,
            stance,
            effects,
            sets,
            when,
            violation: spec.violation.as_ref().map(|v| Violation { kind: v.kind, severity: v.severity }),
            ploy: spec.ploy,
            feedback: spec.feedback,
            next: self.next(&spec.next, &at.key("next")),
            steps: spec.steps,
            marks,
        }
    }

    fn graph(&mut self, nodes: &[Node], start: NodeIdx, target: &Target) {
        let findings = graph::check(nodes, start);
        let ids = self.ids;
        for idx in findings.unreachable {
            let id = &ids[idx.get()];
            let problem = if nodes[idx.get()].ending.is_some() {
                Problem::EndingUnreachable(id.clone())
            } else {
                Problem::Unreachable(id.clone())
            };
            self.warn(problem, &At::Root.key("nodes").key(id));
        }
        // A dead end already has its own error; the nodes that lead only into it do not.
        let dead_end = |n: &Node| n.ending.is_none() && n.replies.is_empty();
        for idx in findings.no_exit.into_iter().filter(|i| !dead_end(&nodes[i.get()])) {
            let id = &ids[idx.get()];
            self.error(Problem::NoExit(id.clone()), &At::Root.key("nodes").key(id));
        }
        if let Some((longest, share)) = crate::surface::form_tells(nodes, target).gives_away() {
            let percent = (share * 100.0).round() as u32;
            self.warn(Problem::AnswerByForm { longest, percent }, &At::Root.key("nodes"));
        }
        for (i, step) in target.steps.iter().enumerate() {
            if !nodes.iter().flat_map(|n| &n.replies).any(|r| r.steps.contains(&step.id)) {
                self.warn(
                    Problem::StepNeverTaken(step.id.clone()),
                    &At::Root.key("target").key("steps").index(i),
                );
            }
        }
        let all_outcomes: BTreeSet<_> =
            nodes.iter().filter_map(|n| n.ending.as_ref().map(|e| e.outcome)).collect();
        for (outcome, points) in &target.outcomes {
            if *points > 0 && !all_outcomes.contains(outcome) {
                self.warn(
                    Problem::TargetOutcomeMissing(outcome.key().to_string()),
                    &At::Root.key("target").key("outcomes").key(outcome.key()),
                );
            }
        }
        let ending_points =
            |n: &Node| n.ending.as_ref().map_or(0, |e| e.points.unwrap_or(target.points(e.outcome)));
        let scoring = nodes.iter().enumerate().any(|(i, n)| findings.reachable[i] && ending_points(n) > 0);
        if !scoring {
            self.error(Problem::NoScoringEnding, &At::Root.key("target").key("outcomes"));
        }
    }
}

/// Where in the file a value is, as a chain of keys and indices; rendered to a path such as
/// `nodes.opening.replies.2.empathy` only when a problem is reported, so that validating a
/// clean file allocates no paths.
#[derive(Clone, Copy)]
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    fn render(&self) -> String {
        let mut segments = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, key) => {
                    segments.push(key.to_string());
                    at = parent;
                }
                At::Index(parent, index) => {
                    segments.push(index.to_string());
                    at = parent;
                }
            }
        }
        segments.reverse();
        segments.join(".")
    }
}
/// A debtor's line as the engine speaks it: a plain text counts once in the draw.
fn line_of(spec: LineSpec) -> Line {
    match spec {
        LineSpec::Plain(text) => Line { text, weight: 1 },
        LineSpec::Weighted { text, weight } => Line { text, weight },
    }
}
