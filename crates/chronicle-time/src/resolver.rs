//! Which date a clause talks about, for the event stage.

use chronicle_doc::{Span, Timex};
use chrono::NaiveDate;

use crate::stage::is_full_date;

/// The date a clause refers to: the first day-precise timex (`YYYY-MM-DD`, possibly with a
/// time) inside `clause`, else `fallback` (normally the publication date).
///
/// Coarser values ("2022-W01", "1998") are not used: an event needs one day, and guessing
/// one inside a week or a year would be invented precision.
pub fn date_for_clause(times: &[Timex], clause: Span, fallback: NaiveDate) -> NaiveDate {
    times
        .iter()
        .filter(|t| clause.contains(t.span) && is_full_date(&t.value))
        .find_map(|t| NaiveDate::parse_from_str(&t.value[..10], "%Y-%m-%d").ok())
        .unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_doc::TimeKind;

    fn t(s: usize, e: usize, v: &str) -> Timex {
        Timex {
            span: Span::new(s, e),
            kind: TimeKind::Date,
            value: v.into(),
        }
    }

    #[test]
    fn picks_the_day_in_the_clause() {
        let fb = NaiveDate::from_ymd_opt(2021, 12, 31).unwrap();
        let times = [
            t(0, 5, "2021-W52"),
            t(10, 20, "2022-01-10"),
            t(30, 35, "2022-01-12T15:00"),
        ];
        assert_eq!(
            date_for_clause(&times, Span::new(0, 25), fb),
            NaiveDate::from_ymd_opt(2022, 1, 10).unwrap()
        );
        assert_eq!(
            date_for_clause(&times, Span::new(28, 40), fb),
            NaiveDate::from_ymd_opt(2022, 1, 12).unwrap()
        );
        assert_eq!(date_for_clause(&times, Span::new(0, 8), fb), fb, "a week is not a day");
        assert_eq!(
            date_for_clause(&times, Span::new(15, 40), fb),
            NaiveDate::from_ymd_opt(2022, 1, 12).unwrap()
        );
        assert_eq!(date_for_clause(&[], Span::new(0, 8), fb), fb);
    }
}
