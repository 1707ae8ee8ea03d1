//! roles.tsv: role words and titles and the CAMEO role they imply.

use std::collections::HashMap;

use chronicle_doc::DataError;

use super::tsv;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// Can also stand before a name (`President Joe Biden`).
    Title,
    /// A role noun (`troops`, `official`).
    Noun,
    /// A collective (`the army`, `the government`): referred to by `it`.
    Group,
}

#[derive(Clone, Debug)]
pub struct Role {
    /// Lower-case phrase as matched (`prime minister`).
    pub phrase: String,
    /// CAMEO role block; `None` for words that take the role of what they attach to (`aide`).
    pub role: Option<String>,
    pub kind: RoleKind,
    pub plural: bool,
}

pub(crate) fn load(file: &str, text: &str) -> Result<Vec<Role>, DataError> {
    let mut out = Vec::new();
    let mut seen = HashMap::new();
    for row in tsv::rows(file, text, 4, 4)? {
        let c = &row.cols;
        let role = tsv::opt(c[1]);
        if let Some(r) = role {
            if !crate::code::ROLE_CODES.contains(&r) {
                return Err(DataError::at_line(file, row.line, format!("unknown role `{r}`")));
            }
        }
        let kind = match c[2] {
            "title" => RoleKind::Title,
            "noun" => RoleKind::Noun,
            "group" => RoleKind::Group,
            k => {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("unknown kind `{k}` (title, noun, group)"),
                ))
            }
        };
        let plural = match c[3] {
            "sg" | "-" => false,
            "pl" => true,
            n => {
                return Err(DataError::at_line(
                    file,
                    row.line,
                    format!("unknown number `{n}` (sg, pl, -)"),
                ))
            }
        };
        let phrase = c[0].to_lowercase();
        if let Some(prev) = seen.insert(phrase.clone(), row.line) {
            return Err(DataError::at_line(
                file,
                row.line,
                format!("`{phrase}` already given on line {prev}"),
            ));
        }
        out.push(Role {
            phrase,
            role: role.map(str::to_string),
            kind,
            plural,
        });
    }
    Ok(out)
}
