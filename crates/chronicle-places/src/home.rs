//! What the article's source says about where it is: a newspaper's web domain.
//!
//! Local papers are named after their town (`parisbeacon.com`, `athensreview.com`,
//! `thelancasterandmorecambecitizen.co.uk`), and a country-code domain (`.ca`, `.co.uk`) says
//! which country the paper is in. Both are priors a reader uses without thinking: `Paris` in the
//! Paris Beacon is the paper's own town, and `London` in the London Free Press (`lfpress.ca`)
//! is London, Ontario. A source that is no domain (`Reuters`, `BNR`) says nothing.

use crate::candidates::Candidate;

/// Country-code top-level domains sold as generic names: they say nothing about the country.
const GENERIC_CCTLDS: &[&str] = &[
    "ai", "am", "cc", "co", "eu", "fm", "gg", "io", "la", "ly", "me", "nu", "tk", "to", "tv", "ws",
];

/// Labels of a domain that name no town (`www.`, `news.`, `co.uk`).
const NO_TOWN_LABELS: &[&str] = &["www", "news", "com", "net", "org", "co", "gov", "edu", "ac"];

/// The shortest name that counts as found inside a domain label (`Rome` in `romenews`).
const MIN_TOWN_LEN: usize = 4;

#[derive(Debug, Default)]
pub(crate) struct Home {
    /// ISO 3166-1 alpha-2 code of the domain's country-code TLD (`GB` for `.uk`).
    pub country: Option<String>,
    /// Keys of the article's place names that the domain spells (`paris` for `parispi.net`):
    /// mentions of the paper's own town.
    pub keys: Vec<String>,
}

impl Home {
    pub fn is_home_key(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

/// The host of a source that is a domain or URL (`www.parisbeacon.com`), lower-cased; `None`
/// for an agency name.
fn host(source: &str) -> Option<String> {
    let s = source.trim();
    let s = s.split_once("://").map_or(s, |(_, rest)| rest);
    let s = s.split(['/', '?', '#']).next().unwrap_or("");
    let s = s.split(':').next().unwrap_or("");
    let labels: Vec<&str> = s.split('.').collect();
    let valid = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    valid.then(|| s.to_ascii_lowercase())
}

/// Reads the source against the article's candidate place names.
pub(crate) fn from_source(source: Option<&str>, cands: &[Candidate]) -> Home {
    let Some(host) = source.and_then(host) else {
        return Home::default();
    };
    let labels: Vec<&str> = host.split('.').collect();
    let tld = labels[labels.len() - 1];
    let country = (tld.len() == 2 && tld.chars().all(|c| c.is_ascii_alphabetic()) && !GENERIC_CCTLDS.contains(&tld))
        .then(|| {
            if tld == "uk" {
                "GB".to_string()
            } else {
                tld.to_ascii_uppercase()
            }
        });
    let names: Vec<String> = labels[..labels.len() - 1]
        .iter()
        .filter(|l| !NO_TOWN_LABELS.contains(l))
        .map(|l| l.replace('-', ""))
        .collect();
    let mut keys: Vec<String> = Vec::new();
    for c in cands {
        if c.street || c.unit || keys.contains(&c.key) {
            continue;
        }
        let bare: String = c.key.chars().filter(|ch| ch.is_ascii_alphanumeric()).collect();
        if bare.len() >= MIN_TOWN_LEN && names.iter().any(|n| n.contains(&bare)) {
            keys.push(c.key.clone());
        }
    }
    Home { country, keys }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host("www.ParisBeacon.com").as_deref(), Some("www.parisbeacon.com"));
        assert_eq!(
            host("https://lfpress.ca/news/local?id=3").as_deref(),
            Some("lfpress.ca")
        );
        assert_eq!(host("Reuters"), None);
        assert_eq!(host("BNR"), None);
        assert_eq!(host("Associated Press"), None);
    }
}
