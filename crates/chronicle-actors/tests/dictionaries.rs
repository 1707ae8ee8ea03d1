//! The shipped dictionaries load, and malformed ones fail with file and line.

use chronicle_actors::dictionary::{Dictionary, Sources};
use chronicle_doc::Date;

fn d(s: &str) -> Date {
    Date::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn shipped_files_load() {
    let dict = Dictionary::shipped().expect("shipped dictionaries load");
    assert!(dict.countries.len() >= 249);
    assert!(dict.country("USR").is_some());
    assert!(dict.organizations.len() >= 80);
    assert!(dict.term_count() >= 500, "{}", dict.term_count());
    assert!(dict.roles.len() >= 150);
}

#[test]
fn office_holders_by_date() {
    let dict = Dictionary::shipped().unwrap();
    let code = |name: &str, date: &str| dict.person(name).unwrap().code_on(d(date));
    assert_eq!(code("Joe Biden", "2015-05-01"), "USAGOV");
    assert_eq!(code("Joe Biden", "2019-05-01"), "USAELI");
    assert_eq!(code("Joe Biden", "2023-05-01"), "USAGOV");
    assert_eq!(code("Mikhail Gorbachev", "1987-01-01"), "USRGOV");
    assert_eq!(code("Vladimir Putin", "2010-01-01"), "RUSGOV");
    assert_eq!(code("Sergei Shoigu", "2020-01-01"), "RUSMIL");
    assert_eq!(code("Sergei Shoigu", "2025-01-01"), "RUSGOV");
    assert_eq!(code("Jens Stoltenberg", "2020-01-01"), "IGOWSTNAT");
    assert_eq!(code("Ursula von der Leyen", "2022-01-01"), "IGOEUREEC");
    assert_eq!(code("Donald Trump", "2023-01-01"), "USAELI");
}

#[test]
fn recodes_historical_states() {
    let dict = Dictionary::shipped().unwrap();
    assert_eq!(dict.recode("RUSGOV", d("1987-01-01")), "USRGOV");
    assert_eq!(dict.recode("RUSGOV", d("1992-01-01")), "RUSGOV");
    assert_eq!(dict.recode("CZE", d("1990-01-01")), "CSK");
    assert_eq!(dict.recode("USAGOV", d("1987-01-01")), "USAGOV");
}

fn with(f: impl FnOnce(&mut Sources<'static>)) -> String {
    let mut s = Sources::shipped();
    f(&mut s);
    Dictionary::from_sources(s).unwrap_err().to_string()
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[test]
fn malformed_lines_name_file_and_line() {
    let e = with(|s| s.roles = "# header\npresident\tGOV\ttitle\n");
    assert_eq!(e, "data/actors/roles.tsv:2: expected 4 tab-separated columns, found 3");
    let e = with(|s| s.roles = "troops\tXYZ\tnoun\tpl\n");
    assert!(e.starts_with("data/actors/roles.tsv:1: unknown role `XYZ`"), "{e}");
    let e = with(|s| s.roles = "troops\tMIL\tnoun\tpl\nTroops\tMIL\tnoun\tpl\n");
    assert!(e.contains(":2: `troops` already given on line 1"), "{e}");
}

#[test]
fn bad_codes_and_duplicates_are_rejected() {
    let e = with(|s| s.metonyms = leak(format!("{}Atlantis\tcapital\tATL\n", Sources::shipped().metonyms)));
    assert!(e.starts_with("data/actors/metonyms.tsv:"), "{e}");
    assert!(e.contains("`ATL` is neither a country"), "{e}");
    let e = with(|s| {
        s.organizations = leak(format!(
            "{}IGOWSTNAT\tNATO again\tNATO\t-\t-\n",
            Sources::shipped().organizations
        ))
    });
    assert!(e.contains("`NATO` already given"), "{e}");
    let e = with(|s| {
        s.officeholders = leak(format!(
            "{}Joe Biden\t-\tUSAGOV\tPresident\t2021-01-20\t2025-01-20\tm\t-\n",
            Sources::shipped().officeholders
        ))
    });
    assert!(e.contains("duplicate of line"), "{e}");
    let e = with(|s| s.officeholders = "Jane Doe\t-\tUSAGOV\tPresident\t2021-01-20\t2020-01-20\tf\t-\n");
    assert!(e.starts_with("data/actors/officeholders.tsv:1: term ends"), "{e}");
    let e = with(|s| s.officeholders = "Jane Doe\t-\tUSA\tPresident\t2021\t-\tf\t-\n");
    assert!(e.contains("needs a role"), "{e}");
    let e = with(|s| s.countries = "USA\tUS\tUnited States\tAmerican\t-\t-\t-\nUSA\tUS\tAmerica\t-\t-\t-\t-\n");
    assert!(e.starts_with("data/actors/countries.tsv:2: duplicate country"), "{e}");
}
