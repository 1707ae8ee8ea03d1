//! The time stage: runs the compiled rules over a text and picks non-overlapping matches.

use chronicle_doc::{DataError, Document, Layers, Span, Stage, TimeKind, Timex};
use chrono::NaiveDate;
use regex::Captures;

use crate::anchor::{sentence_bounds, TagView};
use crate::lexicon::Lexicon;
use crate::normalize::Ctx;
use crate::rules::RuleSet;

const LEXICON_SRC: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/time/lexicon.toml"));
const RULES_SRC: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/time/rules.toml"));

/// Finds time expressions and normalizes them to TIMEX3 values anchored on the article date.
pub struct TimeStage {
    pub(crate) lex: Lexicon,
    pub(crate) rules: RuleSet,
}

/// A rule match waiting to be chosen.
struct Candidate<'t> {
    start: usize,
    end: usize,
    rule: usize,
    caps: Captures<'t>,
}

impl TimeStage {
    /// Loads and validates the embedded rule and lexicon files.
    pub fn new() -> Result<TimeStage, DataError> {
        TimeStage::from_sources(LEXICON_SRC, RULES_SRC)
    }

    /// The embedded rules, or with `CHRONICLE_TIME_DATA=dir` the `lexicon.toml` and
    /// `rules.toml` in `dir` instead (trying or comparing rule sets with one binary).
    pub fn from_env() -> Result<TimeStage, DataError> {
        let Some(dir) = std::env::var_os("CHRONICLE_TIME_DATA") else {
            return TimeStage::new();
        };
        let dir = std::path::PathBuf::from(dir);
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read_to_string(&path).map_err(|e| DataError::new(path.display().to_string(), e.to_string()))
        };
        TimeStage::from_sources(&read("lexicon.toml")?, &read("rules.toml")?)
    }

    /// Builds a stage from other rule text (tests, experiments).
    pub fn from_sources(lexicon: &str, rules: &str) -> Result<TimeStage, DataError> {
        let lex = Lexicon::parse(lexicon)?;
        for table in ["month", "weekday", "number", "unit", "ordinal", "shift", "modifier"] {
            if !lex.has_table(table) {
                return Err(DataError::new(
                    crate::lexicon::LEXICON_FILE,
                    format!("missing table [{table}]"),
                ));
            }
        }
        let rules = RuleSet::parse(rules, &lex)?;
        Ok(TimeStage { lex, rules })
    }

    /// The time expressions of `text`, sorted by start, with spans in bytes of `text`.
    /// `tags`, when given, are tokens of the same text carrying POS tags.
    pub fn find(&self, text: &str, anchor: NaiveDate, tags: Option<&TagView>) -> Vec<Timex> {
        self.find_explained(text, anchor, tags)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    /// Like [`TimeStage::find`], with the id of the rule behind each expression.
    pub fn find_explained(&self, text: &str, anchor: NaiveDate, tags: Option<&TagView>) -> Vec<(Timex, &str)> {
        let mut cands: Vec<Candidate> = Vec::new();
        // Paragraph by paragraph: the set tells which rules can match in this paragraph, and
        // only those run (on the lazy DFA, captures only where they matched) over it alone.
        // Expressions do not span blank lines, so nothing is lost at the cuts.
        // The set runs on an ASCII-lowercased copy (same byte offsets; see `rules::set_pattern`).
        let lower = text.to_ascii_lowercase();
        let mut para_start = 0;
        while para_start < text.len() {
            let para_end = text[para_start..]
                .find("\n\n")
                .map_or(text.len(), |i| para_start + i + 2);
            let hay = &text[..para_end];
            for ri in self.rules.set.matches_at(&lower[..para_end], para_start).iter() {
                let regex = &self.rules.rules[ri].regex;
                let mut at = para_start;
                while let Some(m) = regex.find_at(hay, at) {
                    at = m.end().max(m.start() + 1);
                    // The rule regex starts on a word boundary; check the end here (patterns
                    // may end in "." or a digit, where a `\b` would be wrong).
                    // A hyphen and a letter continue the word ("a year-earlier", "6-year-old").
                    let mut rest = text[m.end()..].chars();
                    let next = rest.next();
                    let hyphenated = next == Some('-') && rest.next().is_some_and(char::is_alphabetic);
                    if m.is_empty() || hyphenated || next.is_some_and(|c| c.is_alphanumeric()) {
                        if !text.is_char_boundary(at) {
                            at = m.end() + text[m.end()..].chars().next().map_or(1, char::len_utf8);
                        }
                        continue;
                    }
                    let Some(caps) = regex.captures_at(&text[..m.end()], m.start()) else {
                        continue;
                    };
                    // Overlaps are judged on the marked part: context matched around it ("$5
                    // … a year") must not block a longer expression there ("a year earlier").
                    let marked = caps.name("span").map_or(m.range(), |g| g.range());
                    cands.push(Candidate {
                        start: marked.start,
                        end: marked.end,
                        rule: ri,
                        caps,
                    });
                }
            }
            para_start = para_end;
        }
        cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.rule.cmp(&b.rule)));

        let mut out: Vec<(Timex, usize, bool)> = Vec::new();
        let mut last_end = 0usize;
        let mut prev: Option<String> = None;
        let mut last_date: Option<String> = None;
        for c in &cands {
            if c.start < last_end {
                continue;
            }
            let rule = &self.rules.rules[c.rule];
            let marked = c.start..c.end;
            if !rule.args.iter().any(|a| a == "name") && self.in_title(text, marked.clone()) {
                continue;
            }
            let ctx = Ctx {
                anchor,
                dir: std::cell::OnceCell::new(),
                marked: marked.clone(),
                lex: &self.lex,
                prev: prev.as_deref(),
                last_date: last_date.as_deref(),
                text,
                span: c.caps.get(0).map_or(Span::new(c.start, c.end), |m| m.range().into()),
                tags,
            };
            let Some(n) = (rule.norm)(&c.caps, &rule.args, &ctx) else {
                continue;
            };
            let kind = n.kind.unwrap_or(rule.kind);
            let start = self.extend_with_modifier(text, marked.start, last_end);
            if n.focus {
                prev = Some(n.value.clone());
            }
            if kind == TimeKind::Date && n.value.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                last_date = Some(n.value.clone());
            }
            out.push((
                Timex {
                    span: Span::new(start, marked.end),
                    kind,
                    value: n.value,
                },
                c.rule,
                n.floating,
            ));
            last_end = c.end;
        }
        place_clock_times(text, &mut out);
        out.sort_by_key(|(t, _, _)| t.span);
        out.into_iter()
            .map(|(t, r, _)| (t, self.rules.rules[r].id.as_str()))
            .collect()
    }

    /// Whether the match is part of a name or title: a time word that running text writes in
    /// lower case ([lowercase] in lexicon.toml) is capitalized where no sentence starts
    /// ("ABC's This Week", "CBS's 60 Minutes", "High Noon", "VOA Today").
    fn in_title(&self, text: &str, marked: std::ops::Range<usize>) -> bool {
        let piece = &text[marked.clone()];
        let mut pos = 0;
        for word in piece.split(|c: char| !c.is_alphanumeric()) {
            let at = marked.start + pos;
            pos += word.len() + 1;
            if !word.starts_with(|c: char| c.is_ascii_uppercase())
                || self.lex.get("lowercase", &word.to_ascii_lowercase()).is_none()
            {
                continue;
            }
            let before = text[..at].trim_end().chars().next_back();
            let sentence_start = before.is_none_or(|c| ".!?:;\"'`(_\n-".contains(c));
            if !sentence_start {
                return true;
            }
        }
        false
    }

    /// TimeBank includes "early", "late", "mid-", "the end of", "almost"… in the span; the
    /// value stays that of the expression itself.
    fn extend_with_modifier(&self, text: &str, start: usize, floor: usize) -> usize {
        let head = &text[floor..start];
        let mut best = start;
        for m in self.lex.words("modifier") {
            let joined = m.ends_with('-');
            let need = if joined { m.len() } else { m.len() + 1 };
            if head.len() < need {
                continue;
            }
            let at = start - need;
            if !text.is_char_boundary(at) {
                continue;
            }
            let piece = &text[at..start];
            let ok = if joined {
                piece.eq_ignore_ascii_case(m)
            } else {
                // `get`: the piece may end inside a multi-byte character ("ddell. “").
                piece.get(..m.len()).is_some_and(|p| p.eq_ignore_ascii_case(m))
                    && piece
                        .get(m.len()..)
                        .is_some_and(|rest| rest.chars().all(char::is_whitespace))
            };
            let boundary = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            if ok && boundary && at < best {
                best = at;
            }
        }
        best
    }
}

/// Clock times are normalized on the anchor day; a day named in the same sentence
/// ("10:35 a.m. Friday") is the better anchor.
fn place_clock_times(text: &str, out: &mut [(Timex, usize, bool)]) {
    let days: Vec<(usize, String)> = out
        .iter()
        // A date, or a clock time that names its day ("(4 a.m. EDT Thursday)").
        .filter(|(t, _, floating)| {
            (t.kind == TimeKind::Date || (t.kind == TimeKind::Time && !floating)) && is_full_date(&t.value)
        })
        .map(|(t, _, _)| (t.span.start as usize, t.value[..10].to_string()))
        .collect();
    for (t, _, _) in out.iter_mut().filter(|(_, _, floating)| *floating) {
        let (s, e) = sentence_bounds(text, t.span.start as usize, t.span.end as usize);
        let here = t.span.start as usize;
        if let Some((_, day)) = days
            .iter()
            .filter(|(p, _)| (s..e).contains(p))
            .min_by_key(|(p, _)| p.abs_diff(here))
        {
            t.value.replace_range(..10, day);
        }
    }
}

pub(crate) fn is_full_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..4].iter().chain(&b[5..7]).chain(&b[8..10]).all(u8::is_ascii_digit)
}

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }

    fn requires(&self) -> Layers {
        Layers::empty()
    }

    fn assigns(&self) -> Layers {
        Layers::TIMES
    }

    fn run(&self, doc: &mut Document) {
        let times = {
            let tags = doc.has(Layers::TAGS).then(|| TagView { tokens: &doc.tokens });
            self.find(doc.text(), doc.meta.date, tags.as_ref())
        };
        doc.times = times;
        doc.mark_done(Layers::TIMES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_doc::{Meta, Token, Upos};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Every rule's `example` in rules.toml matches, through that rule, with that value.
    #[test]
    fn rule_examples_hold() {
        let stage = TimeStage::new().unwrap();
        let mut bad = Vec::new();
        for rule in &stage.rules.rules {
            let ex = &rule.example;
            let found = stage.find_explained(&ex.text, date(&ex.date), None);
            let ok = found
                .iter()
                .any(|(t, id)| *id == rule.id && ex.text[t.span.range()] == ex.expect && t.value == ex.value);
            if !ok {
                let got: Vec<_> = found
                    .iter()
                    .map(|(t, id)| (&ex.text[t.span.range()], t.value.as_str(), *id))
                    .collect();
                bad.push(format!("{}: want {:?} = {}, got {got:?}", rule.id, ex.expect, ex.value));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn malformed_rule_file_is_a_data_error() {
        let bad = "[[rule]]\nid = \"broken\"\npattern = '(?P<m>@nosuch)'\nkind = \"date\"\nnorm = \"calendar\"\nexample = { text = \"x\", date = \"2022-01-01\", expect = \"x\", value = \"x\" }\n";
        let e = TimeStage::from_sources(LEXICON_SRC, bad).err().unwrap();
        assert_eq!(
            e.to_string(),
            "data/time/rules.toml:2: rule `broken`: unknown macro `@nosuch`"
        );
        let e = TimeStage::from_sources("[month]\njanuary = 1\n", RULES_SRC)
            .err()
            .unwrap();
        assert!(e.to_string().contains("missing table"), "{e}");
    }

    #[test]
    fn stage_fills_times_sorted_and_marks_done() {
        let stage = TimeStage::new().unwrap();
        assert_eq!(stage.name(), "time");
        assert_eq!(stage.requires(), Layers::empty());
        assert_eq!(stage.assigns(), Layers::TIMES);
        let meta = Meta {
            id: "t".into(),
            date: date("2021-12-31"),
            date_text: "2021-12-31".into(),
            source: None,
            title: None,
            url: None,
        };
        let text = "The two talked for 50 minutes on Thursday about the talks on January 10 in Geneva.";
        let mut doc = Document::new(meta, text.into());
        stage.run(&mut doc);
        assert!(doc.has(Layers::TIMES));
        let got: Vec<_> = doc
            .times
            .iter()
            .map(|t| (doc.slice(t.span), t.value.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("50 minutes", "PT50M"),
                ("Thursday", "2021-12-30"),
                ("January 10", "2022-01-10")
            ]
        );
        assert!(doc.times.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn tags_decide_may_and_tense() {
        let stage = TimeStage::new().unwrap();
        // "May" after a non-cue word: rejected without tags, accepted when tagged NNP.
        let text = "Parliament meets again May before the recess";
        assert!(stage.find(text, date("2022-03-01"), None).is_empty());
        let mut tokens: Vec<Token> = Vec::new();
        let mut pos = 0;
        for w in text.split(' ') {
            let start = text[pos..].find(w).unwrap() + pos;
            let mut t = Token::new(Span::new(start, start + w.len()));
            (t.upos, t.xpos) = match w {
                "May" => (Some(Upos::Propn), Some("NNP")),
                "meets" => (Some(Upos::Verb), Some("VBZ")),
                _ => (Some(Upos::X), Some("NN")),
            };
            pos = start + w.len();
            tokens.push(t);
        }
        let tags = TagView { tokens: &tokens };
        let found = stage.find(text, date("2022-03-01"), Some(&tags));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, "2022-05");
        // A present-tense verb tagged VBZ points a weekday forward.
        let text = "Parliament meets Tuesday";
        let tokens: Vec<Token> = [(0, 10, "NNP"), (11, 16, "VBZ"), (17, 24, "NNP")]
            .iter()
            .map(|&(s, e, x)| Token {
                xpos: Some(x),
                ..Token::new(Span::new(s, e))
            })
            .collect();
        let tags = TagView { tokens: &tokens };
        // 2022-03-03 is a Thursday.
        assert_eq!(stage.find(text, date("2022-03-03"), Some(&tags))[0].value, "2022-03-08");
        assert_eq!(stage.find(text, date("2022-03-03"), None)[0].value, "2022-03-01");
    }

    /// Tokens for `text` split on spaces, tagged by `tag` (word → xpos).
    fn tagged(text: &str, tag: impl Fn(&str) -> &'static str) -> Vec<Token> {
        let mut pos = 0;
        text.split(' ')
            .map(|w| {
                let start = text[pos..].find(w).unwrap() + pos;
                pos = start + w.len();
                Token {
                    xpos: Some(tag(w)),
                    ..Token::new(Span::new(start, pos))
                }
            })
            .collect()
    }

    #[test]
    fn tags_intention_words_and_participles() {
        let stage = TimeStage::new().unwrap();
        // 2022-03-03 is a Thursday. "planned" is tagged VBD but announces the future.
        let text = "The team planned to leave Nairobi on Saturday";
        let tokens = tagged(text, |w| match w {
            "planned" => "VBD",
            "leave" => "VB",
            "Nairobi" | "Saturday" => "NNP",
            _ => "DT",
        });
        let tags = TagView { tokens: &tokens };
        assert_eq!(stage.find(text, date("2022-03-03"), Some(&tags))[0].value, "2022-03-05");
        // A past participle points back ("the order issued Monday") …
        let text = "Lawyers want courts to suspend the order issued Monday";
        let tokens = tagged(text, |w| match w {
            "want" => "VBP",
            "issued" => "VBN",
            "suspend" => "VB",
            "Monday" => "NNP",
            _ => "NN",
        });
        let tags = TagView { tokens: &tokens };
        assert_eq!(stage.find(text, date("2022-03-03"), Some(&tags))[0].value, "2022-02-28");
        // … but not in a passive with a future auxiliary.
        let text = "The vote will be held Monday";
        let tokens = tagged(text, |w| match w {
            "will" => "MD",
            "be" => "VB",
            "held" => "VBN",
            "Monday" => "NNP",
            _ => "NN",
        });
        let tags = TagView { tokens: &tokens };
        assert_eq!(stage.find(text, date("2022-03-03"), Some(&tags))[0].value, "2022-03-07");
    }
}
