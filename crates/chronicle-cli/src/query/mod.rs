//! The query commands over the store: `search`, `events`, `timeline`, `actor`, `quotes`,
//! `export`, and the argument parsers they share.

pub mod actor;
pub mod events;
pub mod export;
pub mod filters;
pub mod quotes;
pub mod search;
pub mod timeline;

use chronicle::doc::Date;

/// `--limit`: `0` means no limit.
pub fn limit(n: usize) -> Option<usize> {
    (n > 0).then_some(n)
}

/// `--since`: `2022`, `2022-03` or `2022-03-15`, from the first day of the year or month.
pub fn since_date(s: &str) -> Result<Date, String> {
    let (year, month, day) = date_parts(s)?;
    Ok(Date::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).expect("checked by date_parts"))
}

/// `--until`: `2022`, `2022-03` or `2022-03-15`, to the last day of the year or month.
pub fn until_date(s: &str) -> Result<Date, String> {
    let (year, month, day) = date_parts(s)?;
    Ok(match (month, day) {
        (Some(m), Some(d)) => Date::from_ymd_opt(year, m, d),
        (Some(m), None) => Date::from_ymd_opt(year + i32::from(m == 12), m % 12 + 1, 1).and_then(|d| d.pred_opt()),
        _ => Date::from_ymd_opt(year, 12, 31),
    }
    .expect("checked by date_parts"))
}

fn date_parts(s: &str) -> Result<(i32, Option<u32>, Option<u32>), String> {
    let bad = || format!("{s:?} is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY");
    let mut parts = s.trim().split('-');
    let year: i32 = parts.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
    let month: Option<u32> = parts.next().map(|p| p.parse().map_err(|_| bad())).transpose()?;
    let day: Option<u32> = parts.next().map(|p| p.parse().map_err(|_| bad())).transpose()?;
    if parts.next().is_some() || Date::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1)).is_none() {
        return Err(bad());
    }
    Ok((year, month, day))
}

/// An actor code prefix (`USA`, `RUSGOV`), upper-cased: CAMEO codes are upper case.
pub fn actor_code(s: &str) -> Result<String, String> {
    let code = s.trim().to_ascii_uppercase();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "{s:?} is not an actor code: expected letters like USA, RUSGOV or IGOUNO"
        ));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates_cover_the_whole_period() {
        assert_eq!(since_date("2022").unwrap(), d("2022-01-01"));
        assert_eq!(until_date("2022").unwrap(), d("2022-12-31"));
        assert_eq!(since_date("2024-02").unwrap(), d("2024-02-01"));
        assert_eq!(until_date("2024-02").unwrap(), d("2024-02-29"));
        assert_eq!(until_date("2023-12").unwrap(), d("2023-12-31"));
        assert_eq!(until_date("2023-06-15").unwrap(), d("2023-06-15"));
        assert!(since_date("2023-13").is_err());
        assert!(since_date("yesterday").is_err());
        assert!(since_date("2023-02-30").is_err());
    }

    #[test]
    fn actor_codes_are_upper_cased() {
        assert_eq!(actor_code("usa").unwrap(), "USA");
        assert!(actor_code("U S").is_err());
        assert!(actor_code("").is_err());
    }
}
