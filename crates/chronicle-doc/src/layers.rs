//! The annotation layers. Field names follow the record contract where the contract has them.

use crate::{Date, Span};

/// A token: a syntactic word with its surface span and, once the language layer has run,
/// its tags, lemma and dependency arc.
///
/// Multiword tokens (`don't` → `do` + `n't`) are split into syntactic words whose spans cover
/// their part of the surface form where it can be cut, or share the whole surface span.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Token {
    pub span: Span,
    /// Universal POS tag, once tagged.
    pub upos: Option<Upos>,
    /// Penn Treebank tag, once tagged. Label strings live as long as the loaded model.
    pub xpos: Option<&'static str>,
    /// Lemma, once lemmatized; `None` before that.
    pub lemma: Option<Box<str>>,
    /// Index of the head token *within the document's token list*, or `None` for a root
    /// (or before parsing). The record writer turns this into CoNLL-U's 1-based in-sentence head.
    pub head: Option<u32>,
    /// Universal Dependencies relation, once parsed.
    pub deprel: Option<&'static str>,
}

impl Token {
    pub fn new(span: Span) -> Token {
        Token {
            span,
            ..Token::default()
        }
    }
}

/// A sentence: its extent in the text and the range of its tokens in [`crate::Document::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub tokens: std::ops::Range<u32>,
}

/// The 17 Universal Dependencies part-of-speech tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as UD writes it (`PROPN`).
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Parses a UD tag name (`"PROPN"`).
    pub fn parse(tag: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|upos| upos.as_str() == tag)
    }
}

/// Entity kinds of the record contract (CoNLL's PER, ORG, LOC, MISC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Misc,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Misc => "misc",
        }
    }
}

/// A named entity mention with, once actors are resolved, its CAMEO actor code.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub kind: EntityKind,
    /// CAMEO actor code (`USAGOV`, `IGOWSTNAT`, `---GOV`) or `None` when unknown.
    pub actor: Option<String>,
    /// The name this mention refers to (`Joe Biden` for a later `Biden`).
    pub canonical: Option<String>,
    /// Index of the sentence holding the mention.
    pub sentence: u32,
}

/// How an actor mention refers: by name, by description, or by pronoun.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A named entity (`Joe Biden`, `NATO`) or a metonym (`Washington`, `the Kremlin`).
    Name,
    /// A description naming a role and often a country (`Russian troops`, `the official`,
    /// `an aide to the Russian president`).
    Description,
    /// A pronoun (`he`, `they`) resolved to an earlier mention.
    Pronoun,
}

/// A phrase that refers to an actor, with its CAMEO code once resolved.
///
/// The actor layer fills these for every entity that names an actor and for descriptions and
/// pronouns; quotes and events look up their speakers, sources and targets here.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub span: Span,
    /// Index in [`crate::Document::tokens`] of the phrase's head word, if tokens exist.
    pub head: Option<u32>,
    pub kind: MentionKind,
    /// CAMEO actor code (`USAGOV`), or `None` when the phrase names no known actor.
    pub actor: Option<String>,
    /// The name the mention refers to (`Joe Biden` for `Biden`, `he` or `the US president`).
    pub canonical: Option<String>,
    /// Index in [`crate::Document::entities`] when the mention is a named entity.
    pub entity: Option<u32>,
    /// Index of an earlier mention this one refers back to (coreference), if any.
    pub antecedent: Option<u32>,
    pub sentence: u32,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeKind::Date => "date",
            TimeKind::Time => "time",
            TimeKind::Duration => "duration",
            TimeKind::Set => "set",
        }
    }
}

/// A time expression normalized to a TIMEX3 value (`2022-01-10`, `PT50M`, `XXXX-WXX-1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimeKind,
    pub value: String,
}

/// Whether a quote is inside quotation marks, reported speech, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    Direct,
    Indirect,
    Mixed,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// Who said a quote.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    pub span: Span,
    pub actor: Option<String>,
    pub canonical: Option<String>,
}

/// A quotation or reported statement with its cue (`said`) and speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    pub speaker: Option<Speaker>,
}

/// A geocoded place mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub span: Span,
    /// The gazetteer's name for the place (`Geneva`).
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// `country`, `region`, `city`, …
    pub feature: Option<String>,
    pub geonameid: Option<u64>,
}

/// The mode of an event: whether it happened, and how the text presents it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Asserted,
    Negated,
    Hypothetical,
    Future,
    Reported,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Asserted => "asserted",
            Mode::Negated => "negated",
            Mode::Hypothetical => "hypothetical",
            Mode::Future => "future",
            Mode::Reported => "reported",
        }
    }
}

/// The source or target of an event: a span of text and its actor code.
#[derive(Clone, Debug, PartialEq)]
pub struct EventActor {
    pub span: Span,
    pub actor: Option<String>,
}

/// A coded event: who did what to whom, when, where, and the evidence for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    /// CAMEO code with leading zeros (`"0256"`).
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub plover: Option<String>,
    pub mode: Mode,
    /// When the event happens: resolved from the clause, else the publication date.
    pub date: Date,
    /// Name of the place the clause locates the event in.
    pub place: Option<String>,
    pub sentence: u32,
    pub trigger: Span,
    pub evidence: Span,
    /// How many times the article reports this event (merged mentions).
    pub mentions: u32,
    /// The pattern that fired and the parse path, for `--explain`.
    pub explanation: Option<String>,
}

impl Event {
    /// The CAMEO root: the first two digits of the code.
    pub fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
}

/// GDELT V1.5TONE-style tone of an article.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tone {
    pub tone: f64,
    pub positive: f64,
    pub negative: f64,
    pub polarity: f64,
    pub activity: f64,
    pub self_group: f64,
    pub words: u32,
}
