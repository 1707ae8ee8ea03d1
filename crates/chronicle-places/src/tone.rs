//! GDELT V1.5TONE-style tone: the `tone` stage.
//!
//! Every value except `words` is a percentage of the article's words (tokens with a letter or
//! digit), as GDELT defines them: `positive` and `negative` are the shares of words the VADER
//! lexicon rates above / below zero, `tone` = positive − negative, `polarity` = positive +
//! negative, `activity` the share of verbs (POS `VERB` when the tokens are tagged, else words
//! from `data/tone/activity.txt` and their inflections), `self_group` the share of first-person
//! pronouns (`I`, `we`, `our`, `us` …). See `docs/tone.md` for a worked example.

use std::collections::{HashMap, HashSet};

use chronicle_doc::{DataError, Document, Layers, Stage, Tone, Upos};

const LEXICON_FILE: &str = "data/tone/vader_lexicon.tsv";
const ACTIVITY_FILE: &str = "data/tone/activity.txt";
static LEXICON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/tone/vader_lexicon.tsv"
));
static ACTIVITY: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/tone/activity.txt"));

/// First-person pronouns: GDELT's self/group references.
const SELF_GROUP: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
];

/// Computes [`Document::tone`].
#[derive(Debug)]
pub struct ToneStage {
    valence: HashMap<Box<str>, f32>,
    activity: HashSet<Box<str>>,
}

impl ToneStage {
    /// Parses the embedded lexicon and activity list.
    pub fn new() -> Result<ToneStage, DataError> {
        ToneStage::from_data(LEXICON, ACTIVITY)
    }

    /// Builds from lexicon (`word<TAB>valence`) and activity (one word a line) texts.
    pub fn from_data(lexicon: &str, activity: &str) -> Result<ToneStage, DataError> {
        let mut valence = HashMap::new();
        for (n, line) in lexicon.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, value) = line
                .split_once('\t')
                .ok_or_else(|| DataError::at_line(LEXICON_FILE, n + 1, "word<TAB>valence expected"))?;
            let value: f32 = value
                .parse()
                .map_err(|_| DataError::at_line(LEXICON_FILE, n + 1, format!("bad valence {value:?}")))?;
            if word.is_empty() {
                return Err(DataError::at_line(LEXICON_FILE, n + 1, "empty word"));
            }
            valence.insert(word.into(), value);
        }
        let mut words = HashSet::new();
        for (n, line) in activity.lines().enumerate() {
            let w = line.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            if w.contains(char::is_whitespace) {
                return Err(DataError::at_line(ACTIVITY_FILE, n + 1, "one word a line expected"));
            }
            words.insert(w.to_lowercase().into_boxed_str());
        }
        if valence.is_empty() {
            return Err(DataError::new(LEXICON_FILE, "empty lexicon"));
        }
        Ok(ToneStage {
            valence,
            activity: words,
        })
    }

    /// Whether a lower-case word is an action word or an inflection of one (`attacked`).
    fn is_active(&self, w: &str) -> bool {
        if self.activity.contains(w) {
            return true;
        }
        // `moving` -> `move`.
        if let Some(s) = w.strip_suffix("ing") {
            if self.activity.contains(format!("{s}e").as_str()) {
                return true;
            }
        }
        let stems = [
            w.strip_suffix("ing"),
            w.strip_suffix("ed"),
            w.strip_suffix('d'),
            w.strip_suffix("es"),
            w.strip_suffix('s'),
        ];
        stems.into_iter().flatten().any(|s| {
            self.activity.contains(s)
                // `stopped`, `shelled`: a doubled final consonant.
                || (s.len() > 2 && s.as_bytes()[s.len() - 1] == s.as_bytes()[s.len() - 2] && self.activity.contains(&s[..s.len() - 1]))
        })
    }

    /// The tone of a document's tokens.
    pub fn tone(&self, doc: &Document) -> Tone {
        let tagged = doc.tokens.iter().any(|t| t.upos.is_some());
        let (mut words, mut pos, mut neg, mut act, mut selfg) = (0u32, 0u32, 0u32, 0u32, 0u32);
        let mut lower = String::new();
        for t in &doc.tokens {
            let w = doc.slice(t.span);
            if !w.chars().any(char::is_alphanumeric) {
                continue;
            }
            words += 1;
            lower.clear();
            lower.extend(
                w.chars()
                    .map(|c| if c == '’' { '\'' } else { c })
                    .flat_map(char::to_lowercase),
            );
            match self.valence.get(lower.as_str()) {
                Some(&v) if v > 0.0 => pos += 1,
                Some(&v) if v < 0.0 => neg += 1,
                _ => {}
            }
            let active = if tagged {
                t.upos == Some(Upos::Verb)
            } else {
                self.is_active(&lower)
            };
            act += u32::from(active);
            // `US` is the country far more often than the pronoun in news: with tags the tagger
            // decides; without, the all-capital spelling does.
            let pronoun = if tagged { t.upos == Some(Upos::Pron) } else { w != "US" };
            selfg += u32::from(pronoun && SELF_GROUP.contains(&lower.as_str()));
        }
        if words == 0 {
            return Tone::default();
        }
        let pct = |n: u32| 100.0 * f64::from(n) / f64::from(words);
        let (positive, negative) = (pct(pos), pct(neg));
        Tone {
            tone: positive - negative,
            positive,
            negative,
            polarity: positive + negative,
            activity: pct(act),
            self_group: pct(selfg),
            words,
        }
    }
}

impl Stage for ToneStage {
    fn name(&self) -> &'static str {
        "tone"
    }

    fn requires(&self) -> Layers {
        Layers::TOKENS
    }

    fn assigns(&self) -> Layers {
        Layers::TONE
    }

    fn run(&self, doc: &mut Document) {
        doc.tone = Some(self.tone(doc));
        doc.mark_done(Layers::TONE);
    }
}
