//! Tables for people: aligned columns, long text wrapped to the terminal's width.

use comfy_table::{presets, CellAlignment, ColumnConstraint, ContentArrangement, Table};

/// How a column's cells line up.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers: right-aligned, never wrapped.
    Right,
}

/// A column: its header and alignment.
pub type Column = (&'static str, Align);

/// Renders `rows` under `columns` as a table no wider than the terminal (160 columns when
/// standard output is not a terminal, so piped output is stable and still fits a wide pager).
pub fn render(columns: &[Column], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_HORIZONTAL_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width())
        .set_header(columns.iter().map(|(name, _)| *name));
    for row in rows {
        table.add_row(row);
    }
    let last = columns.len().saturating_sub(1);
    for (i, (_, align)) in columns.iter().enumerate() {
        if let Some(column) = table.column_mut(i) {
            // One space between columns instead of two: ten columns fit a terminal line.
            column.set_padding((0, 1));
            if *align == Align::Right {
                column.set_cell_alignment(CellAlignment::Right);
            }
            // Codes, dates and numbers stay whole; only the last column (the evidence, the
            // quote, the passage) wraps, so it gets all the width that is left.
            if i < last || columns.len() == 1 {
                column.set_constraint(ColumnConstraint::ContentWidth);
            }
        }
    }
    table.to_string()
}

fn width() -> u16 {
    let term = console::Term::stdout();
    match term.size_checked() {
        Some((_, cols)) if cols >= 40 => cols,
        _ => 160,
    }
}

/// A number with at most two decimals, for tables.
pub fn num(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

/// An optional text, `-` when absent.
pub fn opt(s: Option<&str>) -> String {
    s.filter(|s| !s.is_empty()).unwrap_or("-").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(num(2.0), "2");
        assert_eq!(num(-1.25), "-1.25");
        assert_eq!(num(3.333), "3.33");
        assert_eq!(num(-0.001), "0");
    }

    #[test]
    fn renders_headers_and_cells() {
        let out = render(
            &[("date", Align::Left), ("n", Align::Right)],
            [vec!["2022-01-01".into(), "7".into()]],
        );
        assert!(
            out.contains("date") && out.contains("2022-01-01") && out.contains('7'),
            "{out}"
        );
    }
}
