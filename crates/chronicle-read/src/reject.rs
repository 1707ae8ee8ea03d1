use crate::Origin;

/// Why an input was rejected. The `id` is stable, for scripts that sort rejects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectReason {
    MissingDate,
    BadDate,
    EmptyText,
    MissingField,
    InvalidUtf8,
    MalformedJson,
    TooLong,
    Binary,
    NotAnArticle,
    Unreadable,
}

impl RejectReason {
    pub fn id(self) -> &'static str {
        match self {
            RejectReason::MissingDate => "missing-date",
            RejectReason::BadDate => "bad-date",
            RejectReason::EmptyText => "empty-text",
            RejectReason::MissingField => "missing-field",
            RejectReason::InvalidUtf8 => "invalid-utf8",
            RejectReason::MalformedJson => "malformed-json",
            RejectReason::TooLong => "too-long",
            RejectReason::Binary => "binary",
            RejectReason::NotAnArticle => "not-an-article",
            RejectReason::Unreadable => "unreadable",
        }
    }
}

/// An input that is not an article, with the bytes the user gave, kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reject {
    pub origin: Origin,
    pub reason: RejectReason,
    /// One line saying what is wrong, for a person.
    pub detail: String,
    /// The rejected input exactly as read (empty when nothing could be read).
    pub raw: Vec<u8>,
}

impl Reject {
    pub fn new(origin: Origin, reason: RejectReason, detail: impl Into<String>, raw: Vec<u8>) -> Reject {
        Reject {
            origin,
            reason,
            detail: detail.into(),
            raw,
        }
    }
}

impl std::fmt::Display for Reject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} [{}]", self.origin, self.detail, self.reason.id())
    }
}
