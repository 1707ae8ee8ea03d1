//! The arc-hybrid transition system and its dynamic oracle (Goldberg & Nivre 2013).
//!
//! A configuration is a stack (the artificial root, index 0, at the bottom), a buffer
//! `b..=n`, and the arcs so far. Transitions: SHIFT pushes `b0`; LEFT-l makes `b0` the head
//! of `s0` and pops it; RIGHT-l makes `s1` the head of `s0` and pops it. Attaching to the
//! root is only allowed as the very last move, so every parse has exactly one root.
//!
//! The dynamic oracle gives each transition the number of gold arcs it makes unreachable;
//! training follows the model's own (possibly wrong) moves and always learns the cheapest
//! one, so the parser learns to recover from its mistakes. Non-projective gold trees need
//! no special handling: some arcs are simply unreachable and the oracle minimises the loss.

pub const NONE: u32 = u32::MAX;

/// A transition, encoded as a class id: 0 = SHIFT, `1 + 2l` = LEFT-l, `2 + 2l` = RIGHT-l.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

impl Move {
    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + 2 * l as usize,
            Move::Right(l) => 2 + 2 * l as usize,
        }
    }

    pub fn from_class(c: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c % 2 == 1 {
            Move::Left(((c - 1) / 2) as u16)
        } else {
            Move::Right(((c - 2) / 2) as u16)
        }
    }

    pub fn n_classes(n_labels: usize) -> usize {
        1 + 2 * n_labels
    }
}

/// A parser state over a sentence of `n` words (numbered 1..=n; 0 is the root).
#[derive(Clone, Debug)]
pub struct Config {
    pub n: u32,
    pub stack: Vec<u32>,
    /// First word of the buffer; the buffer is `b..=n`.
    pub b: u32,
    pub head: Vec<u32>,
    pub label: Vec<u16>,
    /// Leftmost and second-leftmost children.
    pub lc: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost children.
    pub rc: Vec<[u32; 2]>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
    /// Bit sets of the labels of left and right children (label id mod 64).
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
}

impl Config {
    pub fn new(n: usize) -> Config {
        let m = n + 1;
        Config {
            n: n as u32,
            stack: vec![0],
            b: 1,
            head: vec![NONE; m],
            label: vec![0; m],
            lc: vec![[NONE; 2]; m],
            rc: vec![[NONE; 2]; m],
            n_left: vec![0; m],
            n_right: vec![0; m],
            left_labels: vec![0; m],
            right_labels: vec![0; m],
        }
    }

    pub fn is_terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    /// The `i`th stack item from the top.
    pub fn s(&self, i: usize) -> u32 {
        let k = self.stack.len();
        if i < k {
            self.stack[k - 1 - i]
        } else {
            NONE
        }
    }

    /// The `i`th buffer item.
    pub fn buf(&self, i: u32) -> u32 {
        if self.b + i <= self.n {
            self.b + i
        } else {
            NONE
        }
    }

    pub fn can_shift(&self) -> bool {
        self.b <= self.n
    }

    pub fn can_left(&self) -> bool {
        self.b <= self.n && self.stack.len() >= 2
    }

    pub fn can_right(&self) -> bool {
        let k = self.stack.len();
        // The root takes its single dependent only when everything else is done.
        k >= 3 || (k == 2 && self.b > self.n)
    }

    pub fn is_valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.can_shift(),
            Move::Left(_) => self.can_left(),
            Move::Right(_) => self.can_right(),
        }
    }

    fn attach(&mut self, h: u32, d: u32, l: u16) {
        let (h, d) = (h as usize, d);
        self.head[d as usize] = h as u32;
        self.label[d as usize] = l;
        if (d as usize) < h {
            let lc = &mut self.lc[h];
            if lc[0] == NONE || d < lc[0] {
                lc[1] = lc[0];
                lc[0] = d;
            } else if lc[1] == NONE || d < lc[1] {
                lc[1] = d;
            }
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= 1 << (l % 64);
        } else {
            let rc = &mut self.rc[h];
            if rc[0] == NONE || d > rc[0] {
                rc[1] = rc[0];
                rc[0] = d;
            } else if rc[1] == NONE || d > rc[1] {
                rc[1] = d;
            }
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= 1 << (l % 64);
        }
    }

    /// Applies a move; the caller checks validity.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().unwrap();
                self.attach(self.b, s0, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().unwrap();
                let s1 = *self.stack.last().unwrap();
                self.attach(s1, s0, l);
            }
        }
    }

    fn in_buffer(&self, x: u32) -> bool {
        x >= self.b && x <= self.n
    }

    /// Dependents of `h` still in the buffer (lost once `h` is popped).
    fn buffer_deps(&self, h: u32, gold: &[u32]) -> usize {
        (self.b..=self.n).filter(|&d| gold[d as usize] == h).count()
    }

    /// Gold arcs lost by each move type: (shift, left, right), `usize::MAX` when invalid.
    /// `gold[d]` is the gold head of word `d` (`gold[0]` unused).
    pub fn costs(&self, gold: &[u32]) -> (usize, usize, usize) {
        let mut shift = usize::MAX;
        let mut left = usize::MAX;
        let mut right = usize::MAX;
        if self.can_shift() {
            let b0 = self.b;
            let s0 = self.s(0);
            let deps_in_stack = self.stack.iter().filter(|&&d| d != 0 && gold[d as usize] == b0).count();
            let g = gold[b0 as usize];
            let head_in_stack = g != s0 && self.stack.contains(&g);
            shift = deps_in_stack + usize::from(head_in_stack);
        }
        if self.stack.len() >= 2 {
            let s0 = self.s(0);
            let s1 = self.s(1);
            let g = gold[s0 as usize];
            let deps = self.buffer_deps(s0, gold);
            if self.can_left() {
                let lost_head = g != self.b && (g == s1 || self.in_buffer(g));
                left = deps + usize::from(lost_head);
            }
            if self.can_right() {
                let lost_head = g != s1 && self.in_buffer(g);
                right = deps + usize::from(lost_head);
            }
        }
        (shift, left, right)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the cheapest move (gold label) from the start; returns the final arcs.
    fn oracle_parse(gold: &[u32], labels: &[u16]) -> Config {
        let mut c = Config::new(gold.len() - 1);
        while !c.is_terminal() {
            let (sh, l, r) = c.costs(gold);
            let s0 = c.s(0) as usize;
            let m = if sh <= l && sh <= r && sh != usize::MAX {
                // Prefer arcs when they are just as cheap, so dependents attach as early as possible.
                if l == sh && l != usize::MAX && gold[s0] == c.b {
                    Move::Left(labels[s0])
                } else if r == sh && r != usize::MAX && gold[s0] == c.s(1) {
                    Move::Right(labels[s0])
                } else {
                    Move::Shift
                }
            } else if l <= r {
                Move::Left(labels[s0])
            } else {
                Move::Right(labels[s0])
            };
            assert!(c.is_valid(m));
            c.apply(m);
        }
        c
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "Biden called Putin on Thursday ." : called is root.
        let gold = [0, 2, 0, 2, 5, 2, 2];
        let labels = [0, 1, 2, 3, 4, 5, 6];
        let c = oracle_parse(&gold, &labels);
        assert_eq!(&c.head[1..], &gold[1..]);
        assert_eq!(&c.label[1..], &labels[1..]);
        // A deeper tree with left and right chains.
        let gold = [0, 3, 3, 5, 5, 0, 7, 5, 5];
        let labels = [0, 1, 1, 1, 1, 1, 1, 1, 1];
        let c = oracle_parse(&gold, &labels);
        assert_eq!(&c.head[1..], &gold[1..]);
        assert_eq!(c.lc[5], [3, 4]);
        assert_eq!(c.rc[5], [8, 7]);
    }

    #[test]
    fn costs_count_lost_arcs() {
        let gold = [0, 2, 0, 2];
        let mut c = Config::new(3);
        c.apply(Move::Shift); // stack 0 1, buffer 2 3
        let (sh, l, r) = c.costs(&gold);
        assert_eq!(l, 0, "2 heads 1");
        assert_eq!(sh, 2, "shifting 2 loses 1 as its dependent and the root as its head");
        assert_eq!(r, usize::MAX, "root attaches last");
        assert!(!c.is_valid(Move::Right(0)));
        assert_eq!(Move::from_class(Move::Right(3).class()), Move::Right(3));
        assert_eq!(Move::from_class(Move::Left(3).class()), Move::Left(3));
    }
}
