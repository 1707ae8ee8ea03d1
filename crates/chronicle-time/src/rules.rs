//! Rules from `data/time/rules.toml`: macro expansion, validation and compilation.
//!
//! All rule patterns are compiled into one `RegexSet` (one pass over the text says which
//! rules can match at all) plus one `Regex` per rule for the captures; only the rules the
//! set reports are run, so the common case — a paragraph with no time word — costs one scan.

use std::collections::HashMap;

use chronicle_doc::{DataError, TimeKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_syntax::hir::{Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Hir, HirKind};
use serde::Deserialize;

use crate::lexicon::{line_of, toml_error, Lexicon};
use crate::normalize::{norm_by_name, NormFn};

pub(crate) const RULES_FILE: &str = "data/time/rules.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    macros: HashMap<String, String>,
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    pattern: String,
    kind: String,
    norm: String,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default = "yes")]
    enabled: bool,
    /// Whether the match must start on a word boundary (off for rules starting with "$").
    #[serde(default = "yes")]
    boundary: bool,
    example: Example,
}

fn yes() -> bool {
    true
}

/// The worked example every rule carries; the `rule_examples_hold` test checks it.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))]
#[serde(deny_unknown_fields)]
pub(crate) struct Example {
    pub text: String,
    pub date: String,
    pub expect: String,
    pub value: String,
}

pub(crate) struct Rule {
    pub id: String,
    pub regex: Regex,
    pub kind: TimeKind,
    pub norm: NormFn,
    pub args: Vec<String>,
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: Example,
}

pub(crate) struct RuleSet {
    pub rules: Vec<Rule>,
    pub set: RegexSet,
}

impl RuleSet {
    pub(crate) fn parse(src: &str, lex: &Lexicon) -> Result<RuleSet, DataError> {
        let raw: RawFile = toml::from_str(src).map_err(|e| toml_error(RULES_FILE, src, &e))?;
        let mut rules = Vec::new();
        let mut seen = HashMap::new();
        for r in raw.rule {
            let line = line_of(src, &format!("id = \"{}\"", r.id)).unwrap_or(0);
            let err = |m: String| DataError::at_line(RULES_FILE, line, format!("rule `{}`: {m}", r.id));
            if seen.insert(r.id.clone(), ()).is_some() {
                return Err(err("duplicate id".into()));
            }
            if !r.enabled {
                continue;
            }
            let kind = parse_kind(&r.kind).ok_or_else(|| err(format!("unknown kind `{}`", r.kind)))?;
            let norm = norm_by_name(&r.norm).ok_or_else(|| err(format!("unknown norm `{}`", r.norm)))?;
            let body = expand(&r.pattern, &raw.macros, lex, 0).map_err(err)?;
            // Case-insensitive; a rule starts on an (ASCII) word boundary. Spaces stand for
            // any whitespace so line breaks inside "Jan.\n10" still match.
            // Word boundaries are ASCII: a Unicode `\b` stops the lazy DFA at the first
            // non-ASCII byte and sends the whole search to the slow PikeVM.
            let body = body.replace(' ', r"\s+").replace(r"\b", r"(?-u:\b)");
            let start = if r.boundary { r"(?-u:\b)" } else { "" };
            let full = format!(r"(?i){start}(?:{body})");
            // ASCII classes and case folding: `\d`, `\s` and `(?i)` without Unicode make an NFA
            // a fraction of the size (Unicode `\d` alone is 60-odd ranges, and `(?i)s` also
            // matches `ſ`), so the lazy DFA has far fewer states to build. The rules and the
            // lexicon are ASCII; non-ASCII text simply never matches inside an expression.
            let regex = RegexBuilder::new(&full)
                .unicode(false)
                .build()
                .map_err(|e| err(format!("bad pattern: {e}")))?;
            rules.push(Rule {
                id: r.id,
                regex,
                kind,
                norm,
                args: r.args,
                example: r.example,
            });
        }
        // A large lazy-DFA cache keeps the set on the DFA: with the default, case-insensitive
        // alternations of every rule thrash the cache and the search falls back to the PikeVM.
        // The set reads ASCII-lowercased text (see `set_pattern`).
        let set_patterns = rules
            .iter()
            .map(|r| set_pattern(r.regex.as_str()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| DataError::new(RULES_FILE, format!("rule set: {e}")))?;
        let set = RegexSetBuilder::new(&set_patterns)
            .unicode(false)
            .dfa_size_limit(64 << 20)
            .size_limit(64 << 20)
            .build()
            .map_err(|e| DataError::new(RULES_FILE, format!("rule set: {e}")))?;
        Ok(RuleSet { rules, set })
    }
}

/// The set's pattern for a rule: the rule as it reads ASCII-lowercased text. Every class
/// becomes its lowercase image, so a case-insensitive word (`[Jj][Aa][Nn]`) is a literal again
/// and an alternation of words (the month, number, unit tables) compiles to a prefix trie
/// instead of one NFA branch per word: each lazy-DFA state then holds a few NFA states instead
/// of hundreds, and building states (most of a cold pass) gets that much cheaper. On lowercased
/// text the pattern matches wherever the rule matches the original (case-sensitive parts such
/// as time zones only match more), so the set still reports every rule that can match.
fn set_pattern(full: &str) -> Result<String, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(full)
        .map_err(|e| e.to_string())?;
    Ok(lowercase(&hir).to_string())
}

fn lowercase(h: &Hir) -> Hir {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => h.clone(),
        HirKind::Literal(lit) => Hir::literal(lit.0.to_ascii_lowercase()),
        HirKind::Class(Class::Bytes(c)) => {
            let mut bytes = [false; 256];
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    bytes[usize::from(b.to_ascii_lowercase())] = true;
                }
            }
            let ranges = (0..=255u8)
                .filter(|&b| bytes[usize::from(b)])
                .map(|b| ClassBytesRange::new(b, b));
            Hir::class(Class::Bytes(ClassBytes::new(ranges)))
        }
        HirKind::Class(Class::Unicode(c)) => {
            let mut out = Vec::new();
            for r in c.ranges() {
                let (lo, hi) = (r.start(), r.end());
                if hi.is_ascii() {
                    out.extend((lo..=hi).map(|ch| {
                        let l = ch.to_ascii_lowercase();
                        ClassUnicodeRange::new(l, l)
                    }));
                } else {
                    out.push(ClassUnicodeRange::new(lo, hi));
                }
            }
            Hir::class(Class::Unicode(ClassUnicode::new(out)))
        }
        HirKind::Repetition(r) => {
            let mut r = r.clone();
            r.sub = Box::new(lowercase(&r.sub));
            Hir::repetition(r)
        }
        // Captures do not matter to the set.
        HirKind::Capture(c) => lowercase(&c.sub),
        HirKind::Concat(xs) => Hir::concat(xs.iter().map(lowercase).collect()),
        HirKind::Alternation(xs) => Hir::alternation(xs.iter().map(lowercase).collect()),
    }
}

fn parse_kind(s: &str) -> Option<TimeKind> {
    Some(match s {
        "date" => TimeKind::Date,
        "time" => TimeKind::Time,
        "duration" => TimeKind::Duration,
        "set" => TimeKind::Set,
        _ => return None,
    })
}

/// Replaces `@name` by the named macro (itself expanded) or lexicon table.
fn expand(pattern: &str, macros: &HashMap<String, String>, lex: &Lexicon, depth: usize) -> Result<String, String> {
    if depth > 8 {
        return Err("macros nest too deeply (a cycle?)".into());
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find('@') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let n = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..n];
        if let Some(m) = macros.get(name) {
            out.push_str(&format!("(?:{})", expand(m, macros, lex, depth + 1)?));
        } else if let Some(m) = lex.macro_regex(name) {
            out.push_str(&m);
        } else {
            return Err(format!("unknown macro `@{name}`"));
        }
        rest = &after[n..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse("[month]\njanuary = 1\n").unwrap()
    }

    const EX: &str = r#"example = { text = "x", date = "2022-01-01", expect = "x", value = "x" }"#;

    #[test]
    fn expands_macros_and_lexicon() {
        let src = format!(
            "[macros]\nd = '\\d+'\n[[rule]]\nid = \"a\"\npattern = '(?P<m>@month) (?P<d>@d)'\nkind = \"date\"\nnorm = \"calendar\"\n{EX}\n"
        );
        let set = RuleSet::parse(&src, &lex()).unwrap();
        assert!(set.rules[0].regex.is_match("JANUARY  12"));
    }

    #[test]
    fn set_patterns_read_lowercased_text() {
        let p = set_pattern(r"(?i)(?-u:\b)(?:(?P<m>jan|january|june) (?P<d>\d+)(?: (?-i:GMT))?)").unwrap();
        let set = RegexSetBuilder::new([&p]).unicode(false).build().unwrap();
        for text in ["JANUARY 12", "June 3 GMT", "on Jan 5"] {
            assert!(set.is_match(&text.to_ascii_lowercase()), "{p} on {text}");
        }
        assert!(!set.is_match("xjune 3"), "{p}");
        // The words are literals again (no `[Jj]` classes left to fold).
        assert!(!p.contains("J"), "{p}");
    }

    #[test]
    fn malformed_rules_name_file_line_and_id() {
        let bad_macro = format!(
            "[[rule]]\nid = \"first\"\npattern = 'x'\nkind = \"date\"\nnorm = \"calendar\"\n{EX}\n\n[[rule]]\nid = \"second\"\npattern = '@nosuch'\nkind = \"date\"\nnorm = \"calendar\"\n{EX}\n"
        );
        let e = RuleSet::parse(&bad_macro, &lex()).err().unwrap();
        assert_eq!(e.file, RULES_FILE);
        assert_eq!(e.line, Some(9));
        assert!(e.message.contains("second") && e.message.contains("@nosuch"), "{e}");

        let bad_norm = format!("[[rule]]\nid = \"r\"\npattern = 'x'\nkind = \"date\"\nnorm = \"nope\"\n{EX}\n");
        assert!(RuleSet::parse(&bad_norm, &lex())
            .err()
            .unwrap()
            .message
            .contains("unknown norm"));
        let bad_kind = format!("[[rule]]\nid = \"r\"\npattern = 'x'\nkind = \"when\"\nnorm = \"fixed\"\n{EX}\n");
        assert!(RuleSet::parse(&bad_kind, &lex())
            .err()
            .unwrap()
            .message
            .contains("unknown kind"));
        let bad_regex = format!("[[rule]]\nid = \"r\"\npattern = '(x'\nkind = \"date\"\nnorm = \"fixed\"\n{EX}\n");
        assert!(RuleSet::parse(&bad_regex, &lex())
            .err()
            .unwrap()
            .message
            .contains("bad pattern"));
        let e = RuleSet::parse("[[rule]]\nid = 3\n", &lex()).err().unwrap();
        assert_eq!(e.line, Some(2), "{e}");
    }
}
