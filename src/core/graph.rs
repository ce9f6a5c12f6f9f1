//! Graph facts about a persona's nodes that validation reports: which nodes the call can
//! reach from the start, and from which reachable nodes no ending can be reached.
//!
//! Conditions are ignored here (every reply counts as possible), so "unreachable" is certain
//! and "no exit" means no reply path at all leads out. Linear in nodes plus edges.

use crate::core::persona::{Node, NodeIdx};

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
    let mut reachable = vec![false; n];
    let mut stack = vec![start];
    reachable[start.get()] = true;
    let mut predecessors: Vec<Vec<NodeIdx>> = vec![Vec::new(); n];
    for (i, node) in nodes.iter().enumerate() {
        for to in successors(node) {
            predecessors[to.get()].push(NodeIdx(i as u32));
        }
    }
    while let Some(at) = stack.pop() {
        for to in successors(&nodes[at.get()]) {
            if !reachable[to.get()] {
                reachable[to.get()] = true;
                stack.push(to);
            }
        }
    }
    let mut exits = vec![false; n];
    let mut stack: Vec<NodeIdx> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.ending.is_some() {
            exits[i] = true;
            stack.push(NodeIdx(i as u32));
        }
    }
    while let Some(at) = stack.pop() {
        for from in &predecessors[at.get()] {
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
