use chronicle_doc::Date;

/// Parses an article date: an ISO date (`2021-12-31`) or an RFC 3339 timestamp
/// (`2021-12-31T18:05:00Z`), whose calendar date is taken as written (no time-zone shift:
/// the date the publisher printed is the one relative times are anchored on).
pub fn parse_date(value: &str) -> Result<Date, String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("empty date".into());
    }
    if value.len() > 10 {
        return chrono::DateTime::parse_from_rfc3339(value)
            .map(|stamp| stamp.date_naive())
            .map_err(|e| format!("date {value:?} is neither YYYY-MM-DD nor RFC 3339 ({e})"));
    }
    Date::parse_from_str(value, "%Y-%m-%d")
        .ok()
        // chrono accepts a single-digit month or day; the contract asks for YYYY-MM-DD.
        .filter(|_| value.len() == 10)
        .ok_or_else(|| format!("date {value:?} is not a valid YYYY-MM-DD date"))
}
