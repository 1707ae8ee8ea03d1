use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
///
/// Byte offsets keep slicing O(1) inside the program; the record writer converts them to
/// Unicode code points at the edge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span {
            start: to_u32(start),
            end: to_u32(end),
        }
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Whether `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

fn to_u32(offset: usize) -> u32 {
    // Readers reject documents over 4 GiB long before a span could be built in one.
    u32::try_from(offset).expect("document text is limited to 4 GiB")
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        let b = Span::new(4, 6);
        assert!(a.contains(b));
        assert!(!b.contains(a));
        assert!(a.overlaps(b));
        assert!(
            !Span::new(0, 2).overlaps(Span::new(2, 4)),
            "touching spans do not overlap"
        );
        assert_eq!(Span::new(0, 2).cover(Span::new(5, 7)), Span::new(0, 7));
        assert_eq!(a.len(), 6);
        assert!(Span::new(3, 3).is_empty());
    }
}
