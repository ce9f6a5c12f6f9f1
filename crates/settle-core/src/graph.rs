//! Graph facts about a persona's nodes that validation reports: which nodes the call can
//! reach from the start, and from which reachable nodes no ending can be reached.
//!
//! Conditions are ignored here (every reply counts as possible), so "unreachable" is certain
//! and "no exit" means no reply path at all leads out. Linear in nodes plus edges.

use crate::persona::{Node, NodeIdx};

pub struct Findings {
    /// Indexed by node.
    pub reachable: Vec<bool>,
    pub unreachable: Vec<NodeIdx>,
    /// Reachable nodes from which no ending can be reached.
    pub no_exit: Vec<NodeIdx>,
}

/// Every node a node can lead to, through replies and silence.
pub fn successors(node: &Node) -> impl Iterator<Item = NodeIdx> + '_ {
    node.replies
        .iter()
        .flat_map(|r| r.next.targets())
        .chain(node.silence.iter().flat_map(|s| s.next.targets()))
}

pub fn check(nodes: &[Node], start: NodeIdx) -> Findings {
    let n = nodes.len();
    let successors = Edges::forward(nodes);
    let mut reachable = vec![false; n];
    let mut stack = vec![start];
    reachable[start.get()] = true;
    while let Some(at) = stack.pop() {
        for to in successors.of(at) {
            if !reachable[to.get()] {
                reachable[to.get()] = true;
                stack.push(*to);
            }
        }
    }
    let predecessors = successors.reversed();
    let mut exits = vec![false; n];
    for (i, node) in nodes.iter().enumerate() {
        if node.ending.is_some() {
            exits[i] = true;
            stack.push(NodeIdx(i as u32));
        }
    }
    while let Some(at) = stack.pop() {
        for from in predecessors.of(at) {
            if !exits[from.get()] {
                exits[from.get()] = true;
                stack.push(*from);
            }
        }
    }
    let idx = |i: usize| NodeIdx(i as u32);
    Findings {
        unreachable: (0..n).filter(|i| !reachable[*i]).map(idx).collect(),
        no_exit: (0..n).filter(|i| reachable[*i] && !exits[*i]).map(idx).collect(),
        reachable,
    }
}

/// Every node's neighbours in one list (compressed rows): the nodes are walked once, and
/// the searches run over two flat arrays.
struct Edges {
    /// Node `i`'s neighbours are `to[start[i]..start[i + 1]]`.
    start: Vec<usize>,
    to: Vec<NodeIdx>,
}

impl Edges {
    fn forward(nodes: &[Node]) -> Edges {
        let mut start = Vec::with_capacity(nodes.len() + 1);
        let mut to = Vec::with_capacity(nodes.len() * 4);
        for node in nodes {
            start.push(to.len());
            to.extend(successors(node));
        }
        start.push(to.len());
        Edges { start, to }
    }

    /// The same edges, each turned round, in the same order of their new sources.
    fn reversed(&self) -> Edges {
        let n = self.start.len() - 1;
        let mut start = vec![0usize; n + 1];
        for to in &self.to {
            start[to.get() + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut to = vec![NodeIdx(0); self.to.len()];
        for from in 0..n {
            for target in self.of(NodeIdx(from as u32)) {
                to[next[target.get()]] = NodeIdx(from as u32);
                next[target.get()] += 1;
            }
        }
        Edges { start, to }
    }

    fn of(&self, node: NodeIdx) -> &[NodeIdx] {
        &self.to[self.start[node.get()]..self.start[node.get() + 1]]
    }
}
