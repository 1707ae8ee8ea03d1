//! The wire format: ` date YYYY-MM-DD <first paragraph>` … `/NAME`, one or more per file.

use std::collections::VecDeque;
use std::io::BufRead;

use chronicle_doc::Meta;

use crate::lines::{Line, LineReader};
use crate::{parse_date, Article, Item, Origin, ReadOptions, Reject, RejectReason};

/// An article's opening line: optional blanks, `date`, blanks, `YYYY-MM-DD`, then blanks or the end.
/// Returns the date text and where the first paragraph starts.
fn date_line(line: &str) -> Option<(&str, usize)> {
    let rest = line.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix("date")?;
    let after_keyword = rest.trim_start_matches([' ', '\t']);
    if after_keyword.len() == rest.len() {
        return None; // "dated …": the keyword must be followed by a blank
    }
    let date = after_keyword.get(..10)?;
    let shape_ok = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shape_ok {
        return None;
    }
    let after_date = &after_keyword[10..];
    let body = after_date.trim_start_matches([' ', '\t']);
    if !after_date.is_empty() && body.len() == after_date.len() {
        return None; // "2021-12-31x": the date must end at a blank or the line's end
    }
    Some((date, line.len() - body.len()))
}

/// An article's closing line: `/NAME` with letters, digits, `_` or `-`, blanks around allowed.
fn source_line(line: &str) -> Option<&str> {
    let name = line.trim_matches([' ', '\t']).strip_prefix('/')?;
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    valid.then_some(name)
}

/// An article being read.
struct Open {
    origin: Origin,
    date: String,
    body: String,
    raw: Vec<u8>,
    problem: Option<(RejectReason, String)>,
}

/// Lines outside any article, kept so they can be reported and saved.
struct Stray {
    origin: Origin,
    raw: Vec<u8>,
    non_blank: bool,
}

pub(crate) struct WireReader<R> {
    lines: LineReader<R>,
    file: String,
    stem: String,
    max_bytes: usize,
    open: Option<Open>,
    stray: Option<Stray>,
    /// The first article waits here until we know whether the file holds several (ids `#1`…).
    first: Option<Result<Article, Reject>>,
    articles_seen: usize,
    out: VecDeque<Item>,
    finished: bool,
}

impl<R: BufRead> WireReader<R> {
    pub fn new(inner: R, file: String, stem: String, options: &ReadOptions) -> WireReader<R> {
        WireReader {
            lines: LineReader::new(inner, options.keep_bytes()),
            file,
            stem,
            max_bytes: options.max_bytes,
            open: None,
            stray: None,
            first: None,
            articles_seen: 0,
            out: VecDeque::new(),
            finished: false,
        }
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line,
        }
    }

    fn step(&mut self) {
        let line = match self.lines.next_line() {
            Ok(Some(line)) => line,
            Ok(None) => return self.finish(),
            Err(e) => {
                let origin = self.origin(self.lines.lines_read() + 1);
                self.close_article(None);
                self.out.push_back(Item::Reject(Reject::new(
                    origin,
                    RejectReason::Unreadable,
                    format!("read error: {e}"),
                    Vec::new(),
                )));
                return self.finish();
            }
        };
        self.take_line(line);
    }

    fn take_line(&mut self, line: Line) {
        // A date line with bad bytes later on still opens an article (rejected when it closes).
        let lossy = String::from_utf8_lossy(&line.bytes);
        if let Some((date, body_start)) = date_line(&lossy) {
            self.close_article(None);
            self.flush_stray();
            let body = lossy[body_start..].to_owned();
            self.open_article(&line, date.to_owned(), body);
            return;
        }
        let text = std::str::from_utf8(&line.bytes);
        if let Ok(text) = text {
            if self.open.is_some() {
                if let Some(name) = source_line(text) {
                    let mut open = self.open.take().expect("checked above");
                    push_raw(&mut open.raw, &line.bytes);
                    self.open = Some(open);
                    return self.close_article(Some(name.to_owned()));
                }
            }
        }
        match self.open.as_mut() {
            Some(open) => {
                push_raw(&mut open.raw, &line.bytes);
                if open.problem.is_none() {
                    open.problem = line_problem(&line, self.max_bytes);
                }
                if let (None, Ok(text)) = (&open.problem, text) {
                    open.body.push('\n');
                    open.body.push_str(text);
                    if open.body.len() > self.max_bytes {
                        open.problem = Some((RejectReason::TooLong, too_long(open.body.len(), self.max_bytes)));
                    }
                }
            }
            None => {
                let number = line.number;
                let stray = self.stray.get_or_insert_with(|| Stray {
                    origin: Origin {
                        file: self.file.clone(),
                        line: number,
                    },
                    raw: Vec::new(),
                    non_blank: false,
                });
                push_raw(&mut stray.raw, &line.bytes);
                stray.non_blank |= line.bytes.iter().any(|b| !b.is_ascii_whitespace());
            }
        }
    }

    fn open_article(&mut self, line: &Line, date: String, body: String) {
        let mut raw = Vec::with_capacity(line.bytes.len() + 1);
        push_raw(&mut raw, &line.bytes);
        self.open = Some(Open {
            origin: self.origin(line.number),
            date,
            body,
            raw,
            problem: line_problem(line, self.max_bytes),
        });
    }

    fn close_article(&mut self, source: Option<String>) {
        let Some(open) = self.open.take() else { return };
        self.articles_seen += 1;
        let result = build_article(open, source);
        match self.articles_seen {
            1 => self.first = Some(result),
            2 => {
                let first = self.first.take().expect("the first article waits for the second");
                self.emit(first, Some(1));
                self.emit(result, Some(2));
            }
            n => self.emit(result, Some(n)),
        }
    }

    fn emit(&mut self, result: Result<Article, Reject>, number: Option<usize>) {
        self.out.push_back(match result {
            Ok(mut article) => {
                article.meta.id = match number {
                    Some(n) => format!("{}#{n}", self.stem),
                    None => self.stem.clone(),
                };
                Item::Article(article)
            }
            Err(reject) => Item::Reject(reject),
        });
    }

    fn flush_stray(&mut self) {
        let Some(stray) = self.stray.take() else {
            return;
        };
        if !stray.non_blank {
            return;
        }
        let detail = if self.articles_seen == 0 {
            "not a wire article: expected a first line ` date YYYY-MM-DD <text>`"
        } else {
            "text after an article's closing `/SOURCE` line and before the next ` date YYYY-MM-DD` line"
        };
        let reason = if self.articles_seen == 0 && looks_dated(&stray.raw) {
            RejectReason::BadDate
        } else if self.articles_seen == 0 {
            RejectReason::MissingDate
        } else {
            RejectReason::NotAnArticle
        };
        let detail = match reason {
            RejectReason::BadDate => "the opening `date` line has no YYYY-MM-DD date".to_owned(),
            _ => detail.to_owned(),
        };
        self.out
            .push_back(Item::Reject(Reject::new(stray.origin, reason, detail, stray.raw)));
    }

    fn finish(&mut self) {
        self.close_article(None);
        self.flush_stray();
        if let Some(first) = self.first.take() {
            self.emit(first, None);
        }
        self.finished = true;
    }
}

impl<R: BufRead> Iterator for WireReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.finished {
                return None;
            }
            self.step();
        }
    }
}

fn push_raw(raw: &mut Vec<u8>, line: &[u8]) {
    raw.extend_from_slice(line);
    raw.push(b'\n');
}

fn too_long(len: usize, max: usize) -> String {
    format!("article is longer than the limit of {max} bytes (at least {len}); raise --max-bytes to read it")
}

/// A problem a single line makes for the article holding it.
fn line_problem(line: &Line, max_bytes: usize) -> Option<(RejectReason, String)> {
    if line.len > max_bytes {
        return Some((
            RejectReason::TooLong,
            format!(
                "line {} is {} bytes, over the limit of {max_bytes}",
                line.number, line.len
            ),
        ));
    }
    if line.bytes.contains(&0) {
        return Some((
            RejectReason::Binary,
            format!("line {} holds NUL bytes: binary data, not text", line.number),
        ));
    }
    if let Err(e) = std::str::from_utf8(&line.bytes) {
        return Some((
            RejectReason::InvalidUtf8,
            format!("line {} is not valid UTF-8 (at byte {})", line.number, e.valid_up_to()),
        ));
    }
    None
}

fn looks_dated(raw: &[u8]) -> bool {
    let first = raw
        .split(|&b| b == b'\n')
        .find(|l| l.iter().any(|b| !b.is_ascii_whitespace()));
    first.is_some_and(|l| l.trim_ascii_start().starts_with(b"date"))
}

fn build_article(open: Open, source: Option<String>) -> Result<Article, Reject> {
    let Open {
        origin,
        date,
        body,
        raw,
        problem,
    } = open;
    if let Some((reason, detail)) = problem {
        return Err(Reject::new(origin, reason, detail, raw));
    }
    let parsed = match parse_date(&date) {
        Ok(parsed) => parsed,
        Err(detail) => return Err(Reject::new(origin, RejectReason::BadDate, detail, raw)),
    };
    let text = body.trim();
    if text.is_empty() {
        return Err(Reject::new(
            origin,
            RejectReason::EmptyText,
            "article has no text between its date line and its end",
            raw,
        ));
    }
    let meta = Meta {
        id: String::new(),
        date: parsed,
        date_text: date,
        source,
        title: None,
        url: None,
    };
    Ok(Article {
        meta,
        text: text.to_owned(),
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_date_lines() {
        assert_eq!(date_line(" date 2021-12-31 US President"), Some(("2021-12-31", 17)));
        assert_eq!(date_line("date\t2021-12-31"), Some(("2021-12-31", 15)));
        assert_eq!(date_line("dated 2021-12-31 x"), None);
        assert_eq!(date_line("date 2021-12-31x"), None);
        assert_eq!(date_line("date 21-12-31 x"), None);
        assert_eq!(date_line("The date 2021-12-31 x"), None);
    }

    #[test]
    fn recognises_source_lines() {
        assert_eq!(source_line("/BNR"), Some("BNR"));
        assert_eq!(source_line("  /AP-wire_2 "), Some("AP-wire_2"));
        assert_eq!(source_line("/"), None);
        assert_eq!(source_line("/not a source"), None);
        assert_eq!(source_line("a/b"), None);
    }
}
