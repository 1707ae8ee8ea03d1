//! JSON Lines: one `{"id", "date", "text", …}` object per line.

use std::io::BufRead;

use chronicle_doc::Meta;
use serde::Deserialize;

use crate::lines::{Line, LineReader};
use crate::{parse_date, Article, Item, Origin, ReadOptions, Reject, RejectReason};

#[derive(Deserialize)]
struct Input {
    id: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    source: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

pub(crate) struct JsonLinesReader<R> {
    lines: LineReader<R>,
    file: String,
    max_bytes: usize,
    /// Set after a read error: the rest of this input cannot be trusted.
    failed: bool,
}

impl<R: BufRead> JsonLinesReader<R> {
    pub fn new(inner: R, file: String, options: &ReadOptions) -> JsonLinesReader<R> {
        JsonLinesReader {
            lines: LineReader::new(inner, options.keep_bytes()),
            file,
            max_bytes: options.max_bytes,
            failed: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.failed {
            let line = match self.lines.next_line() {
                Ok(Some(line)) => line,
                Ok(None) => return None,
                Err(e) => {
                    let origin = Origin {
                        file: self.file.clone(),
                        line: self.lines.lines_read() + 1,
                    };
                    // A read error ends this input; the next input is read as usual.
                    self.failed = true;
                    let reject = Reject::new(origin, RejectReason::Unreadable, format!("read error: {e}"), Vec::new());
                    return Some(Item::Reject(reject));
                }
            };
            if line.bytes.iter().all(u8::is_ascii_whitespace) && !line.truncated() {
                continue;
            }
            let origin = Origin {
                file: self.file.clone(),
                line: line.number,
            };
            return Some(match parse_line(&line, self.max_bytes) {
                Ok((meta, text)) => Item::Article(Article { meta, text, origin }),
                Err((reason, detail)) => Item::Reject(Reject::new(origin, reason, detail, line.bytes)),
            });
        }
        None
    }
}

type Problem = (RejectReason, String);

fn parse_line(line: &Line, max_bytes: usize) -> Result<(Meta, String), Problem> {
    if line.len > max_bytes {
        let detail = format!(
            "line is {} bytes, over the limit of {max_bytes}; raise --max-bytes to read it",
            line.len
        );
        return Err((RejectReason::TooLong, detail));
    }
    if line.bytes.contains(&0) {
        return Err((
            RejectReason::Binary,
            "line holds NUL bytes: binary data, not JSON".into(),
        ));
    }
    if let Err(e) = std::str::from_utf8(&line.bytes) {
        return Err((
            RejectReason::InvalidUtf8,
            format!("not valid UTF-8 (at byte {})", e.valid_up_to()),
        ));
    }
    let input: Input = serde_json::from_slice(&line.bytes)
        .map_err(|e| (RejectReason::MalformedJson, format!("not a JSON object: {e}")))?;
    let id = match input.id {
        Some(serde_json::Value::String(id)) if !id.trim().is_empty() => id,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::String(_)) => return Err((RejectReason::MissingField, "`id` is empty".into())),
        Some(_) => return Err((RejectReason::MissingField, "`id` must be a string or a number".into())),
        None => return Err((RejectReason::MissingField, "no `id` field".into())),
    };
    let date_text = match input.date {
        Some(serde_json::Value::String(date)) => date,
        Some(serde_json::Value::Null) | None => {
            return Err((RejectReason::MissingDate, format!("document {id:?} has no `date`")))
        }
        Some(other) => {
            return Err((
                RejectReason::BadDate,
                format!("document {id:?}: `date` {other} is not a string"),
            ))
        }
    };
    let date = parse_date(&date_text).map_err(|e| (RejectReason::BadDate, format!("document {id:?}: {e}")))?;
    let text = match input.text {
        Some(serde_json::Value::String(text)) if !text.trim().is_empty() => text,
        Some(serde_json::Value::String(_)) => {
            return Err((RejectReason::EmptyText, format!("document {id:?} has empty `text`")))
        }
        Some(serde_json::Value::Null) | None => {
            return Err((RejectReason::MissingField, format!("document {id:?} has no `text`")))
        }
        Some(_) => {
            return Err((
                RejectReason::MissingField,
                format!("document {id:?}: `text` must be a string"),
            ))
        }
    };
    let meta = Meta {
        id,
        date,
        date_text,
        source: input.source,
        title: input.title,
        url: input.url,
    };
    Ok((meta, text))
}
