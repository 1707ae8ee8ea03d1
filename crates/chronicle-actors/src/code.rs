//! CAMEO actor codes: validation and the few operations the resolver needs.
//!
//! A code is a sequence of 3-character blocks: a country (ISO alpha-3 or a historical CAMEO
//! state), an international prefix (`IGO`, `NGO`, `IMG`, …) or `---` for an unknown country,
//! followed by optional role or organization blocks (`USAGOV`, `IGOWSTNAT`, `---GOV`).

use std::collections::HashSet;

/// Role blocks we write after a country (CAMEO's role codes).
pub const ROLE_CODES: &[&str] = &[
    "GOV", "MIL", "COP", "JUD", "OPP", "REB", "BUS", "MED", "CVL", "LEG", "ELI", "SPY", "REF", "AGR", "EDU", "HLT",
    "LAB", "CRM", "INS", "SEP", "UAF", "RAD", "MOD", "IGO", "NGO", "NGM",
];

/// First blocks that are not countries: international and unknown actors.
pub const INTERNATIONAL: &[&str] = &["IGO", "NGO", "IMG", "MNC", "UIS", "---"];

/// Checks a code's shape and that its first block is a known country or international prefix.
pub(crate) fn check(code: &str, countries: &HashSet<String>) -> Result<(), String> {
    let shape_ok = code.len() >= 3
        && code.len().is_multiple_of(3)
        && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-')
        && !code[3..].contains('-');
    if !shape_ok {
        return Err(format!(
            "bad actor code `{code}`: expected 3-letter blocks of capital letters"
        ));
    }
    let first = &code[..3];
    if !countries.contains(first) && !INTERNATIONAL.contains(&first) {
        return Err(format!(
            "bad actor code `{code}`: `{first}` is neither a country nor an international code"
        ));
    }
    Ok(())
}

/// The first block (`USA` of `USAGOV`).
pub fn country(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// Whether the code's first block is a state (not `IGO`/`NGO`/`---`…).
pub fn is_state(code: &str) -> bool {
    code.len() >= 3 && !INTERNATIONAL.contains(&country(code))
}

/// Appends a role to a base code, the way CAMEO composes them: a bare state gets the role
/// (`RUS` + `MIL`); a state code that has a role keeps it for `GOV`/no role and otherwise
/// swaps it (`USAGOV` + `MIL` → `USAMIL`); international codes stay as they are (`IGOUNO`).
pub fn with_role(base: &str, role: Option<&str>) -> String {
    match role {
        None => base.to_string(),
        Some(_) if !is_state(base) && country(base) != "---" => base.to_string(),
        Some(role) if base.len() == 3 => format!("{base}{role}"),
        Some("GOV") => base.to_string(),
        Some(role) => format!("{}{role}", country(base)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_and_composes_codes() {
        let countries: HashSet<String> = ["USA".to_string(), "RUS".to_string()].into();
        assert!(check("USAGOV", &countries).is_ok());
        assert!(check("IGOWSTNAT", &countries).is_ok());
        assert!(check("---GOV", &countries).is_ok());
        assert!(check("USAGO", &countries).is_err());
        assert!(check("XXXGOV", &countries).is_err());
        assert!(check("usa", &countries).is_err());
        assert_eq!(with_role("RUS", Some("MIL")), "RUSMIL");
        assert_eq!(with_role("USAGOV", Some("MIL")), "USAMIL");
        assert_eq!(with_role("USAGOV", Some("GOV")), "USAGOV");
        assert_eq!(with_role("IGOUNO", Some("GOV")), "IGOUNO");
        assert_eq!(with_role("---", Some("GOV")), "---GOV");
        assert_eq!(with_role("RUS", None), "RUS");
    }
}
