//! The tag set: BILOU over the four CoNLL types, and conversions to and from entity spans.
//!
//! BILOU (Begin, Inside, Last, Unit, Outside) beats IOB for linear models (Ratinov & Roth
//! 2009): single-token and final tokens get their own weights. Transition constraints keep
//! decoded sequences well-formed, so decoding spans is unambiguous.

use chronicle_doc::EntityKind;

/// The four entity types in a fixed order (the order of CoNLL's PER, ORG, LOC, MISC).
pub const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Misc,
];

/// Number of tags: `O` plus B, I, L, U for each kind.
pub const N_TAGS: usize = 1 + 4 * KINDS.len();

/// Position of a token inside an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    B = 0,
    I = 1,
    L = 2,
    U = 3,
}

/// A tag index in `0..N_TAGS`; `0` is `O`.
pub type Tag = u8;

pub const O: Tag = 0;

pub fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Misc => 3,
    }
}

/// The CoNLL label of a kind (`PER`), as in the data files.
pub fn conll_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "LOC",
        EntityKind::Misc => "MISC",
    }
}

pub fn kind_from_conll(label: &str) -> Option<EntityKind> {
    KINDS.into_iter().find(|&k| conll_label(k) == label)
}

pub fn tag(kind: EntityKind, pos: Pos) -> Tag {
    (1 + kind_index(kind) * 4 + pos as usize) as Tag
}

/// The kind and position of a tag, `None` for `O`.
pub fn split(tag: Tag) -> Option<(EntityKind, Pos)> {
    if tag == O {
        return None;
    }
    let t = tag as usize - 1;
    let pos = [Pos::B, Pos::I, Pos::L, Pos::U][t % 4];
    Some((KINDS[t / 4], pos))
}

/// Display name (`B-PER`, `O`).
pub fn name(tag: Tag) -> String {
    match split(tag) {
        None => "O".into(),
        Some((k, p)) => format!("{:?}-{}", p, conll_label(k)),
    }
}

/// Whether `next` may follow `prev` (`None` = sentence start).
pub fn allowed(prev: Option<Tag>, next: Tag) -> bool {
    let open = match prev.and_then(split) {
        Some((k, Pos::B | Pos::I)) => Some(k),
        _ => None,
    };
    match (open, split(next)) {
        (None, None) => true,
        (None, Some((_, p))) => matches!(p, Pos::B | Pos::U),
        (Some(_), None) => false,
        (Some(k), Some((k2, p))) => k == k2 && matches!(p, Pos::I | Pos::L),
    }
}

/// Whether a sentence may end after `last`.
pub fn may_end(last: Tag) -> bool {
    !matches!(split(last), Some((_, Pos::B | Pos::I)))
}

/// Token-range spans → BILOU tags for a sentence of `n` tokens.
pub fn encode(n: usize, spans: &[(usize, usize, EntityKind)]) -> Vec<Tag> {
    let mut tags = vec![O; n];
    for &(s, e, k) in spans {
        if e - s == 1 {
            tags[s] = tag(k, Pos::U);
        } else {
            tags[s] = tag(k, Pos::B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(k, Pos::I);
            }
            tags[e - 1] = tag(k, Pos::L);
        }
    }
    tags
}

/// BILOU tags → token-range spans. Tolerant of ill-formed input (a B without an L closes
/// where the run of its kind ends) so it is safe on any sequence.
pub fn decode(tags: &[Tag]) -> Vec<(usize, usize, EntityKind)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let cur = split(t);
        // Close an open entity unless this tag continues it.
        if let Some((s, k)) = open {
            let continues = matches!(cur, Some((k2, Pos::I | Pos::L)) if k2 == k);
            if !continues {
                spans.push((s, i, k));
                open = None;
            }
        }
        match cur {
            None => {}
            Some((k, Pos::U)) => spans.push((i, i + 1, k)),
            Some((k, Pos::B)) => open = Some((i, k)),
            // An I without a B opens the entity itself.
            Some((k, Pos::I)) if open.is_none() => open = Some((i, k)),
            Some((_, Pos::I)) => {}
            Some((k, Pos::L)) => {
                let s = open.map_or(i, |(s, _)| s);
                spans.push((s, i + 1, k));
                open = None;
            }
        }
    }
    if let Some((s, k)) = open {
        spans.push((s, tags.len(), k));
    }
    spans
}

/// CoNLL IOB1/IOB2 labels (`I-PER`, `B-LOC`, `O`) → spans, the way conlleval reads chunks.
pub fn spans_from_iob(labels: &[&str]) -> Result<Vec<(usize, usize, EntityKind)>, String> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityKind)> = None;
    for (i, label) in labels.iter().enumerate() {
        let parsed = if *label == "O" {
            None
        } else {
            let (prefix, ty) = label.split_once('-').ok_or_else(|| format!("bad label {label:?}"))?;
            let kind = kind_from_conll(ty).ok_or_else(|| format!("unknown type {ty:?}"))?;
            if prefix != "B" && prefix != "I" {
                return Err(format!("bad label {label:?}"));
            }
            Some((prefix == "B", kind))
        };
        let continues = matches!((open, parsed), (Some((_, k)), Some((false, k2))) if k == k2);
        if !continues {
            if let Some((s, k)) = open.take() {
                spans.push((s, i, k));
            }
            if let Some((_, k)) = parsed {
                open = Some((i, k));
            }
        }
    }
    if let Some((s, k)) = open {
        spans.push((s, labels.len(), k));
    }
    Ok(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityKind::*;

    #[test]
    fn bilou_round_trip() {
        let spans = vec![(0, 1, Organization), (2, 4, Person), (4, 7, Place), (8, 9, Misc)];
        let tags = encode(10, &spans);
        assert_eq!(
            tags.iter().map(|&t| name(t)).collect::<Vec<_>>(),
            ["U-ORG", "O", "B-PER", "L-PER", "B-LOC", "I-LOC", "L-LOC", "O", "U-MISC", "O"]
        );
        assert_eq!(decode(&tags), spans);
        for t in 0..N_TAGS as Tag {
            if let Some((k, p)) = split(t) {
                assert_eq!(tag(k, p), t);
            }
        }
    }

    #[test]
    fn iob1_chunks_as_conlleval() {
        let labels = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"];
        assert_eq!(
            spans_from_iob(&labels).unwrap(),
            vec![(0, 2, Person), (2, 3, Person), (4, 5, Place), (5, 7, Organization)]
        );
        assert!(spans_from_iob(&["I-FOO"]).is_err());
    }

    #[test]
    fn transitions_follow_bilou() {
        let b = tag(Person, Pos::B);
        let l = tag(Person, Pos::L);
        assert!(allowed(None, b));
        assert!(!allowed(None, l));
        assert!(allowed(Some(b), l));
        assert!(!allowed(Some(b), tag(Place, Pos::L)));
        assert!(!allowed(Some(b), O));
        assert!(allowed(Some(l), O));
        assert!(!may_end(b));
        assert!(may_end(l));
    }

    #[test]
    fn decode_tolerates_ill_formed() {
        let i = tag(Place, Pos::I);
        assert_eq!(decode(&[i, i, O]), vec![(0, 2, Place)]);
        assert_eq!(decode(&[tag(Place, Pos::B)]), vec![(0, 1, Place)]);
    }
}
