//! The small TSV reader all dictionary files share: `#` comments, blank lines skipped,
//! tab-separated columns, `-` for "none", `|` between list items. Every problem becomes a
//! [`DataError`] naming file and line.

use chronicle_doc::{DataError, Date};

#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    pub cols: Vec<&'a str>,
}

/// Splits `text` into rows of `min..=max` non-empty columns.
pub(crate) fn rows<'a>(file: &str, text: &'a str, min: usize, max: usize) -> Result<Vec<Row<'a>>, DataError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() < min || cols.len() > max {
            let want = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(DataError::at_line(
                file,
                line,
                format!("expected {want} tab-separated columns, found {}", cols.len()),
            ));
        }
        if let Some(k) = cols.iter().position(|c| c.trim().is_empty()) {
            return Err(DataError::at_line(
                file,
                line,
                format!("column {} is empty (write `-` for none)", k + 1),
            ));
        }
        if let Some(c) = cols.iter().find(|c| c.trim() != **c) {
            return Err(DataError::at_line(file, line, format!("stray spaces around `{c}`")));
        }
        out.push(Row { line, cols });
    }
    Ok(out)
}

/// `-` → `None`.
pub(crate) fn opt(col: &str) -> Option<&str> {
    (col != "-").then_some(col)
}

/// `a|b|c` → items; `-` → none. Empty items are an error.
pub(crate) fn list<'a>(file: &str, line: usize, col: &'a str) -> Result<Vec<&'a str>, DataError> {
    if col == "-" {
        return Ok(Vec::new());
    }
    let items: Vec<&str> = col.split('|').collect();
    if items.iter().any(|s| s.trim().is_empty() || s.trim() != *s) {
        return Err(DataError::at_line(
            file,
            line,
            format!("empty or padded item in list `{col}`"),
        ));
    }
    Ok(items)
}

/// A possibly partial date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `-` for open. A partial
/// start is read as the first day it can mean, a partial end as the last.
pub(crate) fn date(file: &str, line: usize, col: &str, end: bool) -> Result<Option<Date>, DataError> {
    if col == "-" {
        return Ok(None);
    }
    let bad = || DataError::at_line(file, line, format!("bad date `{col}` (YYYY-MM-DD, YYYY-MM, YYYY or -)"));
    let parts: Vec<&str> = col.split('-').collect();
    let num = |s: &str, len: usize| -> Result<u32, DataError> {
        if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        s.parse().map_err(|_| bad())
    };
    let year = num(parts[0], 4)? as i32;
    let d = match parts.len() {
        1 if end => Date::from_ymd_opt(year, 12, 31),
        1 => Date::from_ymd_opt(year, 1, 1),
        2 => {
            let month = num(parts[1], 2)?;
            let first = Date::from_ymd_opt(year, month, 1).ok_or_else(bad)?;
            if end {
                let next = if month == 12 {
                    Date::from_ymd_opt(year + 1, 1, 1)
                } else {
                    Date::from_ymd_opt(year, month + 1, 1)
                };
                next.and_then(|n| n.pred_opt())
            } else {
                Some(first)
            }
        }
        3 => Date::from_ymd_opt(year, num(parts[1], 2)?, num(parts[2], 2)?),
        _ => None,
    };
    d.map(Some).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_lists_and_dates() {
        let text = "# comment\n\na\tb|c\n";
        let r = rows("f", text, 2, 2).unwrap();
        assert_eq!(r[0].line, 3);
        assert_eq!(list("f", 3, r[0].cols[1]).unwrap(), ["b", "c"]);
        assert!(rows("f", "a\tb\tc\n", 2, 2)
            .unwrap_err()
            .to_string()
            .starts_with("f:1:"));
        assert!(rows("f", "a\t\n", 2, 2).is_err());
        assert!(list("f", 1, "a||b").is_err());
        let d = |s, e| date("f", 1, s, e).unwrap();
        assert_eq!(d("2012-05", false), Date::from_ymd_opt(2012, 5, 1));
        assert_eq!(d("2012-02", true), Date::from_ymd_opt(2012, 2, 29));
        assert_eq!(d("1994", true), Date::from_ymd_opt(1994, 12, 31));
        assert_eq!(d("-", true), None);
        assert!(date("f", 1, "2012-13-01", false).is_err());
        assert!(date("f", 1, "12-01-2012", false).is_err());
    }
}
