//! Calendar arithmetic on the anchor date, and the tense heuristic that decides whether
//! an underspecified date ("Tuesday", "January 10") lies before or after the article date.

use chronicle_doc::{Span, Token, Upos};
use chrono::{Datelike, Duration, NaiveDate};

/// Which way an underspecified date points from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    /// No cue: take the nearest candidate.
    Unknown,
}

/// Tagger output for the text passed to [`crate::TimeStage::find`]: tokens whose spans
/// index that text. Only `xpos`/`upos` are read.
#[derive(Clone, Copy, Debug)]
pub struct TagView<'a> {
    pub tokens: &'a [Token],
}

impl<'a> TagView<'a> {
    /// The tokens inside `[start, end)`, found by binary search (tokens are in text order).
    fn tokens_in(&self, start: usize, end: usize) -> &'a [Token] {
        let a = self.tokens.partition_point(|t| (t.span.end as usize) <= start);
        let b = self.tokens.partition_point(|t| (t.span.start as usize) < end);
        &self.tokens[a..b.max(a)]
    }

    /// Whether the tagger calls the word at `span` a proper noun (month "May", not modal).
    pub(crate) fn is_proper_noun(&self, span: Span) -> Option<bool> {
        let t = self.tokens_in(span.start as usize, span.end as usize).first()?;
        if t.upos.is_none() && t.xpos.is_none() {
            return None;
        }
        Some(t.upos == Some(Upos::Propn) || t.xpos.is_some_and(|x| x.starts_with("NNP")))
    }
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(crate) fn fmt_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

pub(crate) fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(d)
}

/// (year, month) moved by `n` months.
pub(crate) fn add_months(y: i32, m: u32, n: i64) -> (i32, u32) {
    let total = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (total.div_euclid(12) as i32, (total.rem_euclid(12) + 1) as u32)
}

pub(crate) fn quarter_of(d: NaiveDate) -> u32 {
    (d.month() - 1) / 3 + 1
}

/// The nearest date with weekday `wd` (1 = Monday) on the `dir` side of `anchor`
/// (the anchor itself counts: "exploded Friday" in a Friday article is that day).
pub(crate) fn weekday_near(anchor: NaiveDate, wd: u32, dir: Direction) -> NaiveDate {
    let cur = anchor.weekday().number_from_monday() as i64;
    let back = (cur - wd as i64).rem_euclid(7);
    let fwd = (wd as i64 - cur).rem_euclid(7);
    match dir {
        Direction::Past => add_days(anchor, -back),
        Direction::Future => add_days(anchor, fwd),
        // News reports mostly look back; forward only when it is clearly nearer.
        Direction::Unknown => {
            if fwd < back && fwd <= 1 {
                add_days(anchor, fwd)
            } else {
                add_days(anchor, -back)
            }
        }
    }
}

/// Year for a month (and day) given without one: the anchor's year, moved back or forward
/// when the tense says the date lies on the other side of the anchor, or, with no cue, when
/// another year puts it nearer.
pub(crate) fn infer_year(anchor: NaiveDate, m: u32, d: Option<u32>, dir: Direction) -> i32 {
    let y = anchor.year();
    let key = |yy: i32| -> i64 {
        // The day itself (Jan. 31 is 273 days before Oct. 31, not 276); the 28th where the
        // month is too short in that year (Feb. 29).
        let day = d.unwrap_or(15);
        ymd(yy, m, day)
            .or_else(|| ymd(yy, m, day.min(28)))
            .map(|x| (x - anchor).num_days())
            .unwrap_or(0)
    };
    // Tense cues are noisy ("said" governs a scheduled date as often as not), so they only
    // bias a window around the anchor: the date is taken in the year that puts it inside
    // [-275, +92] days for past tense, [-92, +275] for future, ±183 days without a cue.
    let (lo, hi) = match dir {
        Direction::Past => (-275, 92),
        Direction::Future => (-92, 275),
        Direction::Unknown => (-183, 183),
    };
    let diff = key(y);
    if diff > hi {
        y - 1
    } else if diff < lo {
        y + 1
    } else {
        y
    }
}

const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "upcoming",
    "next",
    "expected",
    "scheduled",
    "plans",
    "plan",
    "planned",
    "planning",
    "due",
    "coming",
    "would",
    "going",
    "effective",
    "intends",
    "later",
    "wo",
    "soon",
    "resume",
    "begins",
    "opens",
    "starts",
];
const PAST_CUES: &[&str] = &[
    "said", "was", "were", "had", "did", "ago", "last", "earlier", "told", "met", "made", "took", "came", "went",
    "began", "held", "killed", "gave", "won", "lost", "fell", "rose", "left", "sent", "saw", "got", "found", "became",
    "led", "struck", "hit", "shot", "quit", "ran", "brought", "bought", "sold", "paid", "spent", "kept", "thought",
    "felt", "stood", "wrote", "spoke", "chose", "drove", "flew", "fled", "knew", "meant", "sought", "threw",
    "withdrew", "broke", "caught", "fought", "heard", "lay", "rode", "rang", "sank", "swept", "tore", "woke", "wore",
];
/// Words ending in -ed that are not past-tense verbs.
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "united",
    "red",
    "bed",
    "seed",
    "feed",
    "indeed",
    "hundred",
    "scheduled",
    "expected",
    "planned",
    "proposed",
];

/// Bounds of the sentence around `[start, end)`: a cheap scan for `.`/`?`/`!`/newline
/// followed by space, capped at 400 bytes either side.
pub(crate) fn sentence_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let mut s = start;
    let lo = start.saturating_sub(400);
    while s > lo {
        let c = b[s - 1];
        if c == b'\n' || ((c == b'.' || c == b'?' || c == b'!') && s < b.len() && b[s].is_ascii_whitespace()) {
            break;
        }
        s -= 1;
    }
    let hi = (end + 400).min(b.len());
    let mut e = end;
    while e < hi {
        let c = b[e];
        if c == b'\n' || ((c == b'?' || c == b'!' || c == b'.') && (e + 1 >= b.len() || b[e + 1].is_ascii_whitespace()))
        {
            break;
        }
        e += 1;
    }
    while s < start && b[s].is_ascii_whitespace() {
        s += 1;
    }
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s, e.max(s))
}

/// Words that may stand between "since" and the date it governs.
const SINCE_GAP: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "shortly", "just", "soon", "after", "early", "late", "mid", "right",
];

/// Whether `head` (the sentence up to a date) ends in "since" followed by at most four
/// determiners or modifiers ("since shortly after the").
fn since_before(head: &str) -> bool {
    let words = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    for (n, w) in words.enumerate() {
        if w.eq_ignore_ascii_case("since") {
            return true;
        }
        if n >= 4 || !SINCE_GAP.iter().any(|g| w.eq_ignore_ascii_case(g)) {
            return false;
        }
    }
    false
}

/// The tense of the clause around `[start, end)`: the cue nearest to the expression wins
/// (in "said Tuesday that talks will resume Friday", "said" governs Tuesday and "will"
/// Friday). With tags, a past-tense verb (VBD) or a modal `will`, and a present-tense verb
/// (which with a date in news reads as scheduled: "talks resume Monday"), are the cues.
pub(crate) fn direction(text: &str, start: usize, end: usize, tags: Option<&TagView>) -> Direction {
    let (s, e) = sentence_bounds(text, start, end);
    // The preposition governing the date decides where it has one: "since Monday" lies
    // before the article; "until Tuesday", "as soon as Tuesday" after it, unless the clause
    // is in the past perfect ("Until Thursday, they had described him as a witness").
    let head = text[s..start].trim_end();
    let last_word = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // "since" also governs across a determiner or a short modifier: "since shortly after
    // the Oct. 23 slaying", "since his Aug. 2 invasion".
    let last_word = if since_before(head) {
        "since".to_string()
    } else {
        last_word
    };
    match last_word.as_str() {
        "since" => return Direction::Past,
        "until" | "till" => {
            let perfect = text[s..e]
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.eq_ignore_ascii_case("had"));
            if !perfect {
                return Direction::Future;
            }
        }
        _ => {}
    }
    let mut best: Option<(usize, Direction)> = None;
    let mut consider = |pos: usize, dir: Direction| {
        // The verb governing a date adverbial usually precedes it ("attacked the town
        // Friday"); a cue after it counts only when there is none before (a large offset).
        let dist = if pos < start {
            start - pos
        } else {
            pos.saturating_sub(end) + 10_000
        };
        if best.is_none_or(|(d, _)| dist < d) {
            best = Some((dist, dir));
        }
    };
    if let Some(tags) = tags.filter(|t| t.tokens.iter().any(|t| t.xpos.is_some())) {
        let toks = tags.tokens_in(s, e);
        for (i, t) in toks.iter().enumerate() {
            let word = text[t.span.range()].to_ascii_lowercase();
            let pos = t.span.start as usize;
            if (start..end).contains(&pos) {
                continue;
            }
            // Intention and schedule words point forward whatever their tense ("planned to
            // leave on Thursday", "is scheduled to close Monday").
            if FUTURE_CUES.contains(&word.as_str()) && !matches!(word.as_str(), "later" | "would") {
                let had_been = i >= 2
                    && text[toks[i - 1].span.range()].eq_ignore_ascii_case("been")
                    && text[toks[i - 2].span.range()].eq_ignore_ascii_case("had")
                    && text[t.span.end as usize..].starts_with(" to ");
                consider(pos, if had_been { Direction::Past } else { Direction::Future });
                continue;
            }
            // A past participle is a past cue ("the injunction issued Thursday", "has
            // fallen since March"), except in a passive after a form of "be", where the
            // auxiliary decides ("will be held Monday", "was held Monday").
            let after_be = i > 0
                && matches!(
                    text[toks[i - 1].span.range()].to_ascii_lowercase().as_str(),
                    "be" | "been" | "being" | "is" | "are" | "was" | "were" | "'s"
                );
            match t.xpos.unwrap_or("") {
                "VBN" if !after_be => consider(pos, Direction::Past),
                "MD" if matches!(word.as_str(), "will" | "'ll" | "shall" | "wo" | "would") => {
                    consider(pos, Direction::Future)
                }
                "VBD" => consider(pos, Direction::Past),
                "VBZ" | "VBP" if !matches!(word.as_str(), "is" | "are" | "'s" | "has" | "have" | "says" | "say") => {
                    consider(pos, Direction::Future)
                }
                _ if word == "ago" || word == "last" => consider(pos, Direction::Past),
                _ if word == "next" || word == "upcoming" => consider(pos, Direction::Future),
                _ => {}
            }
        }
        return best.map_or(Direction::Unknown, |(_, d)| d);
    }
    let bytes = text.as_bytes();
    let mut i = s;
    // The two words before the current one: "had been due to expire Friday" is a plan that
    // lay in the past (and was changed).
    let mut before: [&str; 2] = ["", ""];
    while i < e {
        if !(bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
            continue;
        }
        let w0 = i;
        while i < e && (bytes[i].is_ascii_alphabetic() || bytes[i] == b'\'') {
            i += 1;
        }
        if (start..end).contains(&w0) {
            continue;
        }
        let word = &text[w0..i];
        let lower = word.to_ascii_lowercase();
        let lw = lower.as_str();
        let had_been = before[0].eq_ignore_ascii_case("had")
            && before[1].eq_ignore_ascii_case("been")
            && text[i..].starts_with(" to ");
        before = [before[1], word];
        if FUTURE_CUES.contains(&lw) || lw.ends_with("'ll") {
            consider(w0, if had_been { Direction::Past } else { Direction::Future });
        } else if PAST_CUES.contains(&lw)
            || (lw.len() > 4
                && lw.ends_with("ed")
                && word.as_bytes()[0].is_ascii_lowercase()
                && !NOT_PAST.contains(&lw))
        {
            consider(w0, Direction::Past);
        }
    }
    best.map_or(Direction::Unknown, |(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_follow_direction() {
        // 1998-08-11 is a Tuesday.
        assert_eq!(weekday_near(d("1998-08-11"), 5, Direction::Past), d("1998-08-07"));
        assert_eq!(weekday_near(d("1998-08-11"), 5, Direction::Future), d("1998-08-14"));
        assert_eq!(weekday_near(d("1998-08-11"), 2, Direction::Past), d("1998-08-11"));
    }

    #[test]
    fn years_are_inferred() {
        assert_eq!(infer_year(d("2021-12-31"), 1, Some(10), Direction::Future), 2022);
        assert_eq!(infer_year(d("2021-12-31"), 1, Some(10), Direction::Unknown), 2022);
        assert_eq!(infer_year(d("2022-01-03"), 12, Some(25), Direction::Past), 2021);
        assert_eq!(infer_year(d("2022-06-03"), 3, None, Direction::Past), 2022);
        assert_eq!(infer_year(d("2022-03-29"), 5, None, Direction::Past), 2022);
    }

    #[test]
    fn months_and_weeks() {
        assert_eq!(add_months(2022, 1, -1), (2021, 12));
        assert_eq!(add_months(2022, 12, 1), (2023, 1));
        assert_eq!(fmt_week(d("2022-01-10")), "2022-W02");
        assert_eq!(quarter_of(d("1998-11-02")), 4);
    }

    #[test]
    fn tense_cues() {
        let t = "Officials said on Tuesday that the talks will resume on Friday.";
        let tue = t.find("Tuesday").unwrap();
        let fri = t.find("Friday").unwrap();
        assert_eq!(direction(t, tue, tue + 7, None), Direction::Past);
        assert_eq!(direction(t, fri, fri + 6, None), Direction::Future);
        let t = "Rebels attacked the town Friday.";
        let f = t.find("Friday").unwrap();
        assert_eq!(direction(t, f, f + 6, None), Direction::Past);
    }

    #[test]
    fn sentence_bounds_stop_at_periods() {
        let t = "One thing. Two things here. Three.";
        let i = t.find("things").unwrap();
        assert_eq!(
            &t[sentence_bounds(t, i, i + 6).0..sentence_bounds(t, i, i + 6).1],
            "Two things here"
        );
    }
}
