//! Normalization functions, keyed by the `norm` name a rule gives.
//!
//! Each function reads the rule's named captures (`y`, `m`, `d`, `wd`, `n`, `u`, …), its
//! `args`, and the context (anchor date, tense direction, the previous date in the text)
//! and returns a TIMEX3 value, or `None` to reject the match (e.g. lower-case "march").
//! One function serves every phrasing of a category: `calendar` handles "Jan. 10, 2022",
//! "10 January", "1/10/2022", "July 1997" and "fiscal 1998" alike.

use chronicle_doc::{Span, TimeKind};
use chrono::{Datelike, NaiveDate};
use regex::Captures;

use crate::anchor::{
    add_days, add_months, fmt_date, fmt_week, infer_year, quarter_of, weekday_near, ymd, Direction, TagView,
};
use crate::lexicon::{normalize_word, Lexicon};
use crate::stage::is_full_date;

/// What a normalizer sees besides the captures.
pub(crate) struct Ctx<'a> {
    pub anchor: NaiveDate,
    /// The tense direction, computed on first use (most rules never ask, and it costs a
    /// scan of the sentence).
    pub dir: std::cell::OnceCell<Direction>,
    /// The marked part of the match, whose tense is asked for.
    pub marked: std::ops::Range<usize>,
    pub lex: &'a Lexicon,
    /// The quarter in focus (`1989-Q3`): "a year earlier" than it, "the quarter" is it.
    pub prev: Option<&'a str>,
    /// The value of the last date the text named (`1998-06`, `1995-05-22`): "later that
    /// year", "the following month" refer to it.
    pub last_date: Option<&'a str>,
    pub text: &'a str,
    /// The whole match.
    pub span: Span,
    pub tags: Option<&'a TagView<'a>>,
}

impl Ctx<'_> {
    pub(crate) fn dir(&self) -> Direction {
        *self
            .dir
            .get_or_init(|| crate::anchor::direction(self.text, self.marked.start, self.marked.end, self.tags))
    }
}

/// A normalized expression; `kind` overrides the rule's when set.
#[derive(Debug, PartialEq)]
pub(crate) struct Norm {
    pub kind: Option<TimeKind>,
    pub value: String,
    /// A quarter the text is about: later "a year earlier", "the quarter" refer to it.
    pub focus: bool,
    /// A clock time on the anchor day only for want of a better one: the stage moves it to
    /// a day named in the same sentence.
    pub floating: bool,
}

fn norm(value: String) -> Option<Norm> {
    Some(Norm {
        kind: None,
        value,
        focus: false,
        floating: false,
    })
}

fn focus(value: String) -> Option<Norm> {
    Some(Norm {
        kind: None,
        value,
        focus: true,
        floating: false,
    })
}

pub(crate) type NormFn = fn(&Captures, &[String], &Ctx) -> Option<Norm>;

pub(crate) fn norm_by_name(name: &str) -> Option<NormFn> {
    Some(match name {
        "calendar" => calendar,
        "decade" => decade,
        "century" => century,
        "deictic" => deictic,
        "weekday" => weekday,
        "holiday" => holiday,
        "relative" => relative,
        "ago" => ago,
        "quarter" => quarter,
        "half" => half,
        "season" => season,
        "fixed" => fixed,
        "duration" => duration,
        "clock" => clock,
        "set" => set,
        "anaphor" => anaphor,
        _ => return None,
    })
}

fn cap<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

/// A parsed quantity: exact, or vague ("several" → X).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Qty {
    Exact(f64),
    Vague,
}

/// "5", "5.5", "5 1/2", "twenty-five", "one hundred", "a", "a few", "an hour and a half".
pub(crate) fn parse_qty(lex: &Lexicon, s: &str) -> Option<Qty> {
    let s = normalize_word(s);
    if let Some(v) = lex.int("vague", &s) {
        return Some(if v > 0 { Qty::Exact(v as f64) } else { Qty::Vague });
    }
    let (s, half) = match s.strip_suffix(" and a half") {
        Some(rest) => (rest.to_string(), 0.5),
        None => (s, 0.0),
    };
    let (s, half) = match s.strip_suffix(" 1/2") {
        Some(rest) => (rest.to_string(), half + 0.5),
        None => (s, half),
    };
    if let Ok(v) = s.parse::<f64>() {
        return Some(Qty::Exact(v + half));
    }
    if s == "a" || s == "an" {
        return Some(Qty::Exact(1.0 + half));
    }
    let mut total = 0i64;
    let mut current = 0i64;
    for w in s.split([' ', '-']).filter(|w| !w.is_empty() && *w != "and") {
        let v = lex.int("number", w)?;
        match v {
            100 => current = current.max(1) * 100,
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            _ => current += v,
        }
    }
    Some(Qty::Exact((total + current) as f64 + half))
}

/// Years: digits ("1998", "98"), or spelled ("nineteen ninety-six", "two thousand one").
fn parse_year(lex: &Lexicon, s: &str) -> Option<i32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = s.parse().ok()?;
        return Some(match s.len() {
            2 if y < 40 => 2000 + y,
            2 => 1900 + y,
            _ => y,
        });
    }
    let s = normalize_word(s);
    if let Some(rest) = s.strip_prefix("nineteen") {
        let rest = rest.trim_start_matches(['-', ' ']);
        let Qty::Exact(v) = parse_qty(lex, rest)? else {
            return None;
        };
        return Some(1900 + v as i32);
    }
    match parse_qty(lex, &s)? {
        Qty::Exact(v) if (1000.0..2100.0).contains(&v) => Some(v as i32),
        _ => None,
    }
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The word before byte `pos`, lower-cased.
fn word_before(text: &str, pos: usize) -> String {
    let head = text[..pos].trim_end();
    // The separator may be several bytes long (`“`): start after the whole character.
    let start = head
        .char_indices()
        .rfind(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head[start..].to_lowercase()
}

/// The text right after byte `pos` (lower-cased, up to 12 bytes).
fn text_after(text: &str, pos: usize) -> String {
    let mut end = (pos + 12).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[pos..end].to_lowercase()
}

/// A bare month after an article (or an opening quote) and before "for"/"of" names an event
/// ("the annual March for Life"); "rose in March for the third month" stays a date.
fn is_month_name_of_event(c: &Captures, ctx: &Ctx) -> bool {
    if cap(c, "rel").is_some() || cap(c, "yrel").is_some() {
        return false;
    }
    let start = ctx.span.start as usize;
    let quoted = ctx.text[..start].ends_with("``") || ctx.text[..start].ends_with('"');
    let article = matches!(word_before(ctx.text, start).as_str(), "the" | "a" | "an" | "annual");
    let after = text_after(ctx.text, ctx.span.end as usize);
    (quoted || article) && (after.starts_with(" for ") || after.starts_with(" of "))
}

/// Words after which a bare "May" is the month, not the modal.
const MAY_CUES: &[&str] = &[
    "in", "since", "until", "by", "of", "last", "next", "this", "early", "late", "mid", "mid-", "during", "through",
    "before", "after", "from", "to", "between", "and", "end", "or",
];

/// Absolute and partial dates: any of year, month and day.
fn calendar(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let year = match cap(c, "y") {
        Some(y) => Some(parse_year(ctx.lex, y)?),
        None => None,
    };
    if args.iter().any(|a| a == "year_guard") {
        // "$1998", "1998 shares", "1,998": numbers, not years.
        let head = &ctx.text[..ctx.span.start as usize];
        let mut back = head.chars().rev();
        let before = back.next();
        // "mid-1996", "post-1959" are years; "1995-96", "$1998", "1,998" are not.
        let worded = before == Some('-') && back.next().is_some_and(char::is_alphabetic);
        if matches!(before, Some('$' | ',' | '.' | '#' | '-' | '/')) && !worded {
            return None;
        }
        let after = text_after(ctx.text, ctx.span.end as usize);
        if after.starts_with('%')
            || after.starts_with(",0")
            || after.starts_with(".") && after.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
            || [
                " percent", " million", " billion", " shares", " people", " troops", " members",
            ]
            .iter()
            .any(|w| after.starts_with(w))
        {
            return None;
        }
    }
    let month = match cap(c, "m") {
        Some(m) if m.bytes().all(|b| b.is_ascii_digit()) => Some(m.parse::<u32>().ok()?),
        Some(m) => {
            // Month names are capitalised in news text; "march", "may" are words.
            if !starts_upper(m) {
                return None;
            }
            let anchored = cap(c, "rel").is_some() || cap(c, "yrel").is_some();
            if m.eq_ignore_ascii_case("may") && cap(c, "d").is_none() && year.is_none() && !anchored {
                let proper = ctx.tags.and_then(|t| t.is_proper_noun(c.name("m")?.range().into()));
                let ok = proper
                    .unwrap_or_else(|| MAY_CUES.contains(&word_before(ctx.text, ctx.span.start as usize).as_str()));
                if !ok {
                    return None;
                }
            }
            // "the annual March for Life", "the ``March of the Mothers'': a name, not a date.
            if cap(c, "d").is_none() && year.is_none() && is_month_name_of_event(c, ctx) {
                return None;
            }
            Some(ctx.lex.int("month", m)? as u32)
        }
        None => None,
    };
    let day = match cap(c, "d") {
        Some(d) if d.as_bytes()[0].is_ascii_digit() => {
            Some(d.trim_end_matches(char::is_alphabetic).parse::<u32>().ok()?)
        }
        // "March eighth"; not "April second-quarter results", "May first-half sales".
        Some(d) => {
            if text_after(ctx.text, ctx.span.end as usize).starts_with('-') {
                return None;
            }
            Some(ctx.lex.int("ordinal", d)? as u32)
        }
        None => None,
    };
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => ymd(y, m, d).map(fmt_date).and_then(norm),
        (Some(y), Some(m), None) if (1..=12).contains(&m) => norm(format!("{y:04}-{m:02}")),
        (Some(y), None, None) => norm(format!("{y:04}")),
        (None, Some(m), Some(d)) => {
            let y = infer_year(ctx.anchor, m, Some(d), ctx.dir());
            ymd(y, m, d).map(fmt_date).and_then(norm)
        }
        (None, Some(m), None) => {
            let a = ctx.anchor;
            let y = match cap(c, "rel").map(str::to_ascii_lowercase).as_deref() {
                // "last April": the most recent April at least a month back (in March,
                // "last February" is a year ago: this February would be "February").
                Some("last") => a.year() - i32::from(m + 1 >= a.month()),
                Some("next") => a.year() + i32::from(m <= a.month()),
                Some(_) => a.year(),
                None => match cap(c, "yrel") {
                    Some(r) => a.year() + ctx.lex.int("shift", r)? as i32,
                    None => infer_year(a, m, None, ctx.dir()),
                },
            };
            norm(format!("{y:04}-{m:02}"))
        }
        _ => None,
    }
}

/// "the 1990s" → `199X`.
fn decade(c: &Captures, _: &[String], _: &Ctx) -> Option<Norm> {
    let d = cap(c, "dec")?;
    norm(format!("{}X", &d[..3]))
}

/// "the 20th century" → `19` (TIMEX3 writes centuries by their first two digits).
fn century(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let n = ctx.lex.int("ordinal", cap(c, "c")?)?;
    norm(format!("{:02}", n - 1))
}

fn part_of_day(c: &Captures, ctx: &Ctx) -> Option<String> {
    cap(c, "pod")
        .and_then(|p| ctx.lex.code("part_of_day", p))
        .map(|p| format!("T{p}"))
}

/// today / yesterday / tomorrow / tonight, optionally with a part of the day.
fn deictic(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let offset = match (cap(c, "w"), args.first()) {
        (_, Some(a)) => a.parse::<i64>().ok()?,
        (Some(w), None) => ctx.lex.int("deictic", w)?,
        (None, None) => 0,
    };
    let date = fmt_date(add_days(ctx.anchor, offset));
    norm(format!("{date}{}", part_of_day(c, ctx).unwrap_or_default()))
}

/// "Friday", "last Tuesday", "Wednesday night".
fn weekday(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let w = cap(c, "wd")?;
    if !starts_upper(w) {
        return None;
    }
    let wd = ctx.lex.int("weekday", w)? as u32;
    let rel = cap(c, "rel").map(str::to_ascii_lowercase);
    let date = match rel.as_deref() {
        Some("last" | "past") => weekday_near(add_days(ctx.anchor, -1), wd, Direction::Past),
        Some("next" | "coming") => weekday_near(add_days(ctx.anchor, 1), wd, Direction::Future),
        Some("this") => weekday_near(
            ctx.anchor,
            wd,
            if ctx.dir() == Direction::Past {
                Direction::Past
            } else {
                Direction::Future
            },
        ),
        _ if args.iter().any(|a| a == "+1w") => add_days(weekday_near(ctx.anchor, wd, Direction::Future), 7),
        // "Wednesday's ruling", "Friday's close": a possessive day names an event the report
        // looks back on, whatever the tense around it ("would look for ways around
        // Wednesday's ruling").
        _ if cap(c, "pod").is_none() && possessive_after(ctx.text, ctx.span.end as usize) => {
            weekday_near(ctx.anchor, wd, Direction::Past)
        }
        _ => weekday_near(ctx.anchor, wd, ctx.dir()),
    };
    // TimeML: a part of the day joins the date (`Wednesday night` -> `…TNI`).
    norm(format!("{}{}", fmt_date(date), part_of_day(c, ctx).unwrap_or_default()))
}

/// Whether the text at `pos` is a possessive ending ("'s", "’s") closing the word.
fn possessive_after(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let tail = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("\u{2019}s"));
    tail.is_some_and(|t| !t.starts_with(char::is_alphanumeric))
}

/// Fourth Thursday of November.
fn thanksgiving(y: i32) -> Option<NaiveDate> {
    let first = ymd(y, 11, 1)?;
    let off = (4 + 7 - first.weekday().number_from_monday() as i64) % 7;
    Some(add_days(first, off + 21))
}

fn holiday(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let code = ctx.lex.int("holiday", cap(c, "hol")?)?;
    let date_in = |y: i32| {
        if code == 0 {
            thanksgiving(y)
        } else if code == -1 {
            // The Tuesday after the first Monday of November.
            let first = ymd(y, 11, 1)?;
            let monday = (8 - first.weekday().number_from_monday() as i64) % 7;
            Some(add_days(first, monday + 1))
        } else {
            ymd(y, (code / 100) as u32, (code % 100) as u32)
        }
    };
    let this = date_in(ctx.anchor.year())?;
    let y = match cap(c, "rel").map(str::to_ascii_lowercase).as_deref() {
        Some("last") => ctx.anchor.year() - i32::from(this >= ctx.anchor),
        Some("next") => ctx.anchor.year() + i32::from(this <= ctx.anchor),
        Some(_) => ctx.anchor.year(),
        None => infer_year(ctx.anchor, this.month(), Some(this.day()), ctx.dir()),
    };
    date_in(y).map(fmt_date).and_then(norm)
}

fn shift_of(c: &Captures, args: &[String], ctx: &Ctx) -> Option<i64> {
    if let Some(a) = args.first() {
        return a.parse().ok();
    }
    match cap(c, "rel") {
        Some(r) if r.eq_ignore_ascii_case("the") => Some(0),
        Some(r) => ctx.lex.int("shift", r),
        None => Some(0),
    }
}

/// A calendar unit shifted from the anchor: "last week" → `2022-W01`, "next month",
/// "this year", "the weekend".
fn relative(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let n = shift_of(c, args, ctx)?;
    let a = ctx.anchor;
    let unit = cap(c, "u")?.to_ascii_lowercase();
    let value = match unit.as_str() {
        "week" => fmt_week(add_days(a, 7 * n)),
        "weekend" => {
            // The Saturday of the weekend meant: the last one for past tense, else the next.
            let sat = match (n, ctx.dir()) {
                (0, Direction::Future) => weekday_near(a, 6, Direction::Future),
                (0, _) => weekday_near(a, 6, Direction::Past),
                (n, _) if n < 0 => weekday_near(add_days(a, -7), 6, Direction::Past),
                _ => add_days(weekday_near(a, 6, Direction::Future), 7 * (n - 1)),
            };
            format!("{}-WE", fmt_week(sat))
        }
        "month" => {
            let (y, m) = add_months(a.year(), a.month(), n);
            format!("{y:04}-{m:02}")
        }
        "year" => format!("{:04}", a.year() as i64 + n),
        "quarter" => {
            let (y, m) = add_months(a.year(), a.month(), 3 * n);
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }
        "decade" => format!("{}X", (a.year() as i64 + 10 * n) / 10),
        "century" => format!("{:02}", (a.year() as i64 + 100 * n) / 100),
        _ => return None,
    };
    norm(value)
}

/// "two days ago", "a year earlier", "three months later", "year-earlier".
fn ago(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let sign: i64 = match cap(c, "dir").or_else(|| cap(c, "dir2")).map(normalize_word).as_deref() {
        Some("ago" | "earlier" | "before" | "last") => -1,
        _ => 1,
    };
    let qty = match cap(c, "n") {
        Some(n) => parse_qty(ctx.lex, n)?,
        None => Qty::Exact(1.0),
    };
    let unit = ctx.lex.code("unit", cap(c, "u").or_else(|| cap(c, "u2"))?)?.to_string();
    // "three days later", "a day earlier", "30 days before closing": counted from an event
    // the text tells, not from the article date, so TimeML gives the length only. ("Ago" and
    // "from now" count from the article; "a year earlier" is the reporting comparison.)
    let dir = cap(c, "dir").map(normalize_word);
    let from_event = match dir.as_deref() {
        Some("later" | "before") => true,
        Some("earlier") => !unit.ends_with('Y'),
        _ => false,
    };
    if from_event && cap(c, "n").is_some() {
        return Some(Norm {
            kind: Some(TimeKind::Duration),
            value: duration_value(qty, &unit)?,
            focus: false,
            floating: false,
        });
    }
    let Qty::Exact(q) = qty else {
        return norm(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into());
    };
    let n = sign * q.round() as i64;
    let a = ctx.anchor;
    let value = match unit.as_str() {
        "D" => fmt_date(add_days(a, n)),
        "W" => fmt_week(add_days(a, 7 * n)),
        "M" => {
            let (y, m) = add_months(a.year(), a.month(), n);
            format!("{y:04}-{m:02}")
        }
        "Q" => {
            let (y, m) = add_months(a.year(), a.month(), 3 * n);
            format!("{y:04}-Q{}", (m - 1) / 3 + 1)
        }
        "Y" => {
            // Earnings reports compare quarters: "a year earlier" than the quarter in focus.
            match ctx.prev.filter(|p| p.len() == 7 && p.as_bytes()[5] == b'Q') {
                Some(p) => format!("{:04}-{}", p[..4].parse::<i64>().ok()? + n, &p[5..]),
                None => format!("{:04}", a.year() as i64 + n),
            }
        }
        "10Y" => format!("{:04}", a.year() as i64 + 10 * n),
        "100Y" => format!("{:04}", a.year() as i64 + 100 * n),
        _ => return None,
    };
    norm(value)
}

/// "the third quarter" → `1998-Q3`; "the latest quarter" → the last completed one.
fn quarter(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let a = ctx.anchor;
    if args.iter().any(|x| x == "focus_year") {
        let y = parse_year(ctx.lex, cap(c, "y")?)?;
        return match ctx.prev.filter(|p| p.len() == 7 && p.as_bytes()[5] == b'Q') {
            Some(p) => norm(format!("{y:04}-{}", &p[5..])),
            None => norm(format!("{y:04}")),
        };
    }
    if args.iter().any(|x| x == "latest" || x == "focus") {
        let this_year = format!("{:04}", a.year());
        if let Some(p) = ctx.prev.filter(|p| args[0] == "focus" && p.starts_with(&this_year)) {
            return norm(p.to_string());
        }
        let (y, m) = add_months(a.year(), a.month(), -3);
        return focus(format!("{y:04}-Q{}", (m - 1) / 3 + 1));
    }
    let q = ctx.lex.int("ordinal", cap(c, "q")?)? as u32;
    if !(1..=4).contains(&q) {
        return None;
    }
    let y = if let Some(y) = cap(c, "y") {
        parse_year(ctx.lex, y)?
    } else if let Some(r) = cap(c, "yrel") {
        a.year() + ctx.lex.int("shift", r)? as i32
    } else if q > quarter_of(a) && ctx.dir() != Direction::Future {
        // Reported results are for quarters already over.
        a.year() - 1
    } else {
        a.year()
    };
    // A quarter not yet begun ("losses through the third quarter of 1990") is an outlook,
    // not the results the report is about: it does not become the quarter in focus.
    if ymd(y, q * 3 - 2, 1).is_some_and(|start| start > a) {
        return norm(format!("{y:04}-Q{q}"));
    }
    focus(format!("{y:04}-Q{q}"))
}

/// "that year", "later that year", "the following month", "earlier that day", "the next
/// morning": the unit of the last date the text named, shifted by the word before it
/// (`following`, `next` +1; `previous`, `preceding`, `prior` -1). Rejected when the text
/// named no date that fine ("that day" after a bare year), and a bare "that day" or "that
/// morning", which as often mean a day the text never dated ("redemptions that day").
fn anaphor(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let base = ctx.last_date?;
    if let Some(w) = cap(c, "wd") {
        // "the previous Friday": the nearest such weekday strictly before (after) the last
        // full date named.
        let wd = ctx.lex.int("weekday", w)? as u32;
        let day = NaiveDate::parse_from_str(base.get(..10)?, "%Y-%m-%d").ok()?;
        let date = match normalize_word(cap(c, "det")?).as_str() {
            "the following" => weekday_near(add_days(day, 1), wd, Direction::Future),
            "the previous" | "the preceding" | "the prior" => weekday_near(add_days(day, -1), wd, Direction::Past),
            // "that Friday", "later that Friday": the weekday rule reads the day itself.
            _ => return None,
        };
        return norm(fmt_date(date));
    }
    let unit = cap(c, "u").or_else(|| cap(c, "u2"))?.to_ascii_lowercase();
    let det = normalize_word(cap(c, "det").or_else(|| cap(c, "det2"))?);
    let shift: i64 = match det.as_str() {
        "the following" | "the next" => 1,
        "the previous" | "the preceding" | "the prior" => -1,
        _ => 0,
    };
    let b = base.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .filter(|d| d.iter().all(u8::is_ascii_digit))
            .map(|_| &base[r])
    };
    let y: i64 = digits(0..4)?.parse().ok()?;
    let month = (b.get(4) == Some(&b'-'))
        .then(|| digits(5..7))
        .flatten()
        .and_then(|m| m.parse::<u32>().ok());
    let day = if is_full_date(base) {
        NaiveDate::parse_from_str(&base[..10], "%Y-%m-%d").ok()
    } else {
        None
    };
    let value = match unit.as_str() {
        "year" => format!("{:04}", y + shift),
        "month" => {
            let (y, m) = add_months(y as i32, month?, shift);
            format!("{y:04}-{m:02}")
        }
        "quarter" => {
            let q = match (b.get(5), month) {
                (Some(b'Q'), _) => base[6..7].parse::<i64>().ok()?,
                (_, Some(m)) => i64::from((m - 1) / 3 + 1),
                _ => return None,
            };
            let t = y * 4 + q - 1 + shift;
            format!("{:04}-Q{}", t.div_euclid(4), t.rem_euclid(4) + 1)
        }
        _ => {
            let bare = det == "that" && cap(c, "pre").is_none();
            if bare {
                return None;
            }
            let d = fmt_date(add_days(day?, shift));
            match ctx.lex.code("part_of_day", &unit) {
                Some(pod) => format!("{d}T{pod}"),
                None => d,
            }
        }
    };
    norm(value)
}

fn half(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let h = if cap(c, "h")?.eq_ignore_ascii_case("first") {
        1
    } else {
        2
    };
    let y = match cap(c, "y") {
        Some(y) => parse_year(ctx.lex, y)?,
        // "the last half of the '80s": a half of something this rule does not read.
        None if text_after(ctx.text, ctx.span.end as usize).starts_with(" of ") => return None,
        None => ctx.anchor.year(),
    };
    norm(format!("{y:04}-H{h}"))
}

/// "this summer" → `1998-SU`; "last fall" in April 1999 → `1998-FA`.
fn season(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    let code = ctx.lex.code("season", cap(c, "s")?)?.to_string();
    let a = ctx.anchor;
    // Middle month of each season (winter counted in the year it starts).
    let mid = match code.as_str() {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 1,
    };
    let y = if let Some(y) = cap(c, "y") {
        parse_year(ctx.lex, y)?
    } else {
        let m = a.month() as i32;
        match cap(c, "rel").and_then(|r| ctx.lex.int("shift", r)) {
            Some(-1) => a.year() - i32::from(m <= mid + 1),
            Some(1) => a.year() + i32::from(m >= mid - 1),
            Some(_) => a.year(),
            None => infer_year(a, mid as u32, None, ctx.dir()),
        }
    };
    norm(format!("{y:04}-{code}"))
}

/// A constant value (`PRESENT_REF`); `needs_the` rejects the bare adjective ("future plans").
fn fixed(_: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let matched = &ctx.text[ctx.span.range()];
    if args.iter().any(|a| a == "needs_the")
        && !matched.to_lowercase().starts_with("the")
        && word_before(ctx.text, ctx.span.start as usize) != "in"
    {
        return None;
    }
    // `after:w1,w2`: only right after one of these words ("will one day").
    if let Some(list) = args.iter().find_map(|a| a.strip_prefix("after:")) {
        let before = word_before(ctx.text, ctx.span.start as usize);
        if !list.split(',').any(|w| w == before) {
            return None;
        }
    }
    norm(args.first()?.clone())
}

/// A duration in TIMEX3: `P3Y`, `PT50M`, `PXW`, `P10Y` for a decade.
fn duration(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let unit_word = cap(c, "u").or_else(|| cap(c, "u2"))?;
    let unit = ctx.lex.code("unit", unit_word)?;
    let n_text = cap(c, "n");
    if n_text.is_some_and(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit())) {
        return None; // "the 1988 second quarter"
    }
    // Ages ("a 6-year-old") are not durations in TimeML, nor "a year-earlier" (a date) or
    // "three-quarters" (a fraction): a hyphen continuing the word ends the match.
    let after = text_after(ctx.text, ctx.span.end as usize);
    if (after.starts_with('-') && after[1..].starts_with(char::is_alphabetic)) || unit == "Q" {
        return None;
    }
    // "Mr. Smith, 52 years old": an age, which TimeML does not mark (as "a 52-year-old").
    if after.starts_with(" old") && !after[4..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let article = n_text.is_some_and(|n| matches!(n.to_ascii_lowercase().as_str(), "a" | "an"));
    if article && unit_word.ends_with('s') {
        return None; // "a decades-long feud": the article belongs to the noun
    }
    if unit == "TS" && n_text.is_some_and(|n| matches!(n.to_ascii_lowercase().as_str(), "a" | "an")) {
        return None; // "a second term"
    }
    let mut qty = match n_text {
        Some(n) => parse_qty(ctx.lex, n)?,
        None if args.iter().any(|a| a == "half" || a == "one") => Qty::Exact(1.0),
        None => Qty::Vague,
    };
    if args.iter().any(|a| a == "half") {
        qty = match qty {
            Qty::Exact(v) if n_text.is_some() => Qty::Exact(v + 0.5),
            _ => Qty::Exact(0.5),
        };
    }
    let value = duration_value(qty, unit)?;
    // "the nine months", "the first six months": a report turns from the quarter to the
    // year so far, and "a year earlier" after it is the year before, not the quarter.
    if unit == "M"
        && matches!(qty, Qty::Exact(v) if v >= 6.0)
        && ctx.text[ctx.span.range()]
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("the "))
    {
        return focus(value);
    }
    norm(value)
}

/// Formats `qty` `unit`s, turning fractions into the next smaller unit (5.5 hours → PT5H30M).
pub(crate) fn duration_value(qty: Qty, unit: &str) -> Option<String> {
    let (clock, letter, mult) = match unit {
        "TH" => (true, 'H', 1.0),
        "TM" => (true, 'M', 1.0),
        "TS" => (true, 'S', 1.0),
        "10Y" => (false, 'Y', 10.0),
        "100Y" => (false, 'Y', 100.0),
        "WE" => (false, 'D', 2.0),
        u => (false, u.chars().next()?, 1.0),
    };
    let t = if clock { "T" } else { "" };
    let Qty::Exact(v) = qty else {
        return Some(format!("P{t}X{letter}"));
    };
    let v = v * mult;
    if v.fract() == 0.0 {
        return Some(format!("P{t}{}{letter}", v as i64));
    }
    let whole = v.trunc() as i64;
    let (small, per, small_clock) = match letter {
        'H' => ('M', 60.0, true),
        'M' if clock => ('S', 60.0, true),
        'Y' => ('M', 12.0, false),
        'D' => ('H', 24.0, true),
        'W' => ('D', 7.0, false),
        _ => return Some(format!("P{t}{v}{letter}")),
    };
    let rest = (v.fract() * per).round() as i64;
    let mut out = format!("P{t}");
    if whole > 0 {
        out.push_str(&format!("{whole}{letter}"));
    }
    if small_clock && !clock {
        out.push('T');
    }
    out.push_str(&format!("{rest}{small}"));
    Some(out)
}

/// Clock times on the anchor day (the stage moves them to a day named in the sentence).
fn clock(c: &Captures, args: &[String], ctx: &Ctx) -> Option<Norm> {
    let fixed = args.first().map(String::as_str).or_else(|| {
        cap(c, "noon")
            .map(|_| "12:00")
            .or_else(|| cap(c, "midnight").map(|_| "24:00"))
    });
    let (mut h, m) = match fixed {
        Some(fixed) => {
            let (h, m) = fixed.split_once(':')?;
            (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)
        }
        None => {
            let h = cap(c, "h")?;
            let h = match h.parse::<u32>() {
                Ok(h) => h,
                Err(_) => match parse_qty(ctx.lex, h)? {
                    Qty::Exact(v) => v as u32,
                    Qty::Vague => return None,
                },
            };
            (h, cap(c, "min").and_then(|m| m.parse().ok()).unwrap_or(0))
        }
    };
    let half =
        cap(c, "half")
            .or_else(|| cap(c, "half2"))
            .map(|w| if w.eq_ignore_ascii_case("morning") { "am" } else { "pm" });
    if let Some(ap) = cap(c, "ap").or(half) {
        let pm = ap.to_ascii_lowercase().starts_with('p');
        if pm && h < 12 {
            h += 12;
        } else if !pm && h == 12 {
            h = 0;
        }
    }
    if h > 24 || m > 59 {
        return None;
    }
    // "9 a.m. Tuesday", "5 p.m. EST, Nov. 6": the day is part of the expression.
    let day = match (cap(c, "wd"), cap(c, "m"), cap(c, "d")) {
        (Some(w), _, _) if starts_upper(w) => {
            let wd = ctx.lex.int("weekday", w)? as u32;
            weekday_near(ctx.anchor, wd, ctx.dir())
        }
        (None, Some(mw), Some(d)) if starts_upper(mw) => {
            let mo = ctx.lex.int("month", mw)? as u32;
            let d = d.trim_end_matches(char::is_alphabetic).parse::<u32>().ok()?;
            ymd(infer_year(ctx.anchor, mo, Some(d), ctx.dir()), mo, d)?
        }
        (None, None, None) => ctx.anchor,
        _ => return None,
    };
    let floating = cap(c, "wd").is_none() && cap(c, "m").is_none();
    Some(Norm {
        kind: None,
        value: format!("{}T{h:02}:{m:02}", fmt_date(day)),
        focus: false,
        floating,
    })
}

/// Sets: "every Monday" → `XXXX-WXX-1`, "weekly" → `P1W`, "$5 a year" → `P1Y`.
fn set(c: &Captures, _: &[String], ctx: &Ctx) -> Option<Norm> {
    if let Some(w) = cap(c, "wd") {
        // "Tuesday nights": the part of the day, singular, joins the weekday.
        let pod = cap(c, "pod")
            .and_then(|p| ctx.lex.code("part_of_day", p.strip_suffix('s').unwrap_or(p)))
            .map(|p| format!("T{p}"))
            .unwrap_or_default();
        return norm(format!("XXXX-WXX-{}{pod}", ctx.lex.int("weekday", w)?));
    }
    let u = cap(c, "u")?;
    if let Some(f) = ctx.lex.code("frequency", u) {
        return norm(match f.strip_prefix('T') {
            Some(rest) => format!("PT{rest}"),
            None => format!("P{f}"),
        });
    }
    let unit = ctx.lex.code("unit", u)?;
    let qty = match cap(c, "n") {
        Some(n) => parse_qty(ctx.lex, n)?,
        None => Qty::Exact(1.0),
    };
    norm(duration_value(qty, unit)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::parse(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/time/lexicon.toml"
        )))
        .unwrap()
    }

    #[test]
    fn word_before_a_curly_quote() {
        let text = "He said “in the future” twice";
        let pos = text.find("the").unwrap();
        assert_eq!(word_before(text, pos), "in");
        let pos = text.find("in").unwrap();
        assert_eq!(word_before(text, pos), "", "only the quote mark before");
    }

    #[test]
    fn quantities() {
        let l = lex();
        assert_eq!(parse_qty(&l, "twenty-five"), Some(Qty::Exact(25.0)));
        assert_eq!(parse_qty(&l, "one hundred"), Some(Qty::Exact(100.0)));
        assert_eq!(parse_qty(&l, "5 1/2"), Some(Qty::Exact(5.5)));
        assert_eq!(parse_qty(&l, "several"), Some(Qty::Vague));
        assert_eq!(parse_qty(&l, "an"), Some(Qty::Exact(1.0)));
        assert_eq!(parse_qty(&l, "blue"), None);
    }

    #[test]
    fn spelled_years() {
        let l = lex();
        assert_eq!(parse_year(&l, "nineteen ninety-six"), Some(1996));
        assert_eq!(parse_year(&l, "two thousand"), Some(2000));
        assert_eq!(parse_year(&l, "98"), Some(1998));
    }

    #[test]
    fn durations_format() {
        assert_eq!(duration_value(Qty::Exact(5.5), "TH").unwrap(), "PT5H30M");
        assert_eq!(duration_value(Qty::Exact(1.0), "10Y").unwrap(), "P10Y");
        assert_eq!(duration_value(Qty::Vague, "W").unwrap(), "PXW");
        assert_eq!(duration_value(Qty::Exact(0.5), "TH").unwrap(), "PT30M");
        assert_eq!(duration_value(Qty::Exact(1.5), "Y").unwrap(), "P1Y6M");
    }

    #[test]
    fn thanksgiving_is_fourth_thursday() {
        assert_eq!(thanksgiving(1998), ymd(1998, 11, 26));
    }
}
