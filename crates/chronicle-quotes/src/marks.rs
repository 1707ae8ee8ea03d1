//! Pairing quotation marks into quoted spans.

use chronicle_doc::Span;

/// A span of text inside quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark; `None` when the paragraph ended with the quote open.
    pub close: Option<usize>,
    /// Where the quotation ends: after its closing mark, or at its paragraph's end.
    pub end: usize,
    /// What is inside the marks, without surrounding white space.
    pub content: Span,
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '«' | '„')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Finds double-quoted spans: straight (`"`), curly (`“ ”`) and guillemets (`« »`).
///
/// A quote left open at the end of a paragraph continues when the next paragraph opens with
/// a quotation mark (the newswire convention for a quote running over several paragraphs);
/// otherwise it ends with its paragraph. Single quotes are left alone: inside a double quote
/// they are nested quotes, and elsewhere they are too often apostrophes.
pub fn find_quoted(text: &str) -> Vec<Quoted> {
    let paragraphs = paragraphs(text);
    let mut found = Vec::new();
    // The opening mark: where it is and how many bytes it takes.
    let mut open: Option<(usize, usize)> = None;
    let mut skip_reopening = false;
    for (k, &(start, end)) in paragraphs.iter().enumerate() {
        let mut chars = text[start..end].char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let at = start + offset;
            let mark = match (c, chars.peek().map(|&(_, next)| next)) {
                // Typewriter doubles: ``quoted'' and ''quoted'' (old wire and NYT copy).
                ('`', Some('`')) => Some((Mark::Opens, 2)),
                ('\'', Some('\'')) => Some((Mark::Either, 2)),
                ('"', _) => Some((Mark::Either, 1)),
                (c, _) if opens(c) => Some((Mark::Opens, c.len_utf8())),
                (c, _) if closes(c) => Some((Mark::Closes, c.len_utf8())),
                _ => None,
            };
            let Some((mark, len)) = mark else { continue };
            if len == 2 {
                chars.next();
            }
            if skip_reopening {
                skip_reopening = false;
                if mark != Mark::Closes {
                    continue;
                }
            }
            match (mark, open) {
                (Mark::Opens, _) => open = Some((at, len)),
                (Mark::Closes | Mark::Either, Some((o, olen))) => {
                    push(text, &mut found, (o, olen), Some((at, len)), at);
                    open = None;
                }
                (Mark::Either, None) => open = Some((at, len)),
                (Mark::Closes, None) => {}
            }
        }
        if let Some((o, olen)) = open {
            let reopened = paragraphs.get(k + 1).is_some_and(|&(s, e)| {
                let next = &text[s..e];
                next.starts_with(|c: char| opens(c) || c == '"') || next.starts_with("''") || next.starts_with("``")
            });
            if reopened {
                skip_reopening = true;
            } else {
                push(text, &mut found, (o, olen), None, end);
                open = None;
            }
        }
    }
    found
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Opens,
    Closes,
    /// A straight mark: closes an open quote, else opens one.
    Either,
}

/// Records a quotation from its opening mark (offset, length) and closing mark, if any.
fn push(
    text: &str,
    found: &mut Vec<Quoted>,
    (open, mark_len): (usize, usize),
    close: Option<(usize, usize)>,
    content_end: usize,
) {
    let inner = &text[open + mark_len..content_end];
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = open + mark_len + lead;
    let end = close.map_or(content_end, |(at, len)| at + len);
    found.push(Quoted {
        open,
        close: close.map(|(at, _)| at),
        end,
        content: Span::new(start, start + trimmed.len()),
    });
}

/// Paragraphs as byte ranges: text between blank lines, without leading or trailing white space.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut result = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut previous_blank = false;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank && !previous_blank {
            push_paragraph(text, &mut result, start, line_start);
        }
        if !blank && previous_blank {
            start = line_start;
        }
        previous_blank = blank;
        line_start += line.len();
    }
    if !previous_blank {
        push_paragraph(text, &mut result, start, text.len());
    }
    result
}

fn push_paragraph(text: &str, result: &mut Vec<(usize, usize)>, start: usize, end: usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        result.push((start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        find_quoted(text).iter().map(|q| &text[q.content.range()]).collect()
    }

    #[test]
    fn pairs_straight_curly_and_guillemet_marks() {
        let text = "He said \"we will win\" and “they will lose” and «maybe».";
        assert_eq!(contents(text), ["we will win", "they will lose", "maybe"]);
    }

    #[test]
    fn typewriter_double_marks_pair_up() {
        let text = "''You don't have to pay,'' Mr. McKinley said. ``Do what you can.''";
        assert_eq!(contents(text), ["You don't have to pay,", "Do what you can."]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let text = "“He called it ‘a farce’ and left,” she said.";
        assert_eq!(contents(text), ["He called it ‘a farce’ and left,"]);
    }

    #[test]
    fn a_quote_runs_over_paragraphs_that_reopen_it() {
        let text = "“First paragraph of the quote.\n\n“Second paragraph,” he said.\n\nNext.";
        let found = find_quoted(text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            &text[found[0].content.range()],
            "First paragraph of the quote.\n\n“Second paragraph,"
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "He said \"this never closes.\n\nA new paragraph \"with a quote\".";
        assert_eq!(contents(text), ["this never closes.", "with a quote"]);
        assert_eq!(find_quoted(text)[0].close, None);
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "  One\nstill one\n \nTwo\n\n\nThree  ";
        let got: Vec<&str> = paragraphs(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["One\nstill one", "Two", "Three"]);
    }
}
