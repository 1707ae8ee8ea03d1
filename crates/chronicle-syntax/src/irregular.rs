//! English irregular verbs (`data/syntax/irregular-verbs.tsv`): the lemma of a past tense or
//! past participle form. The treebank-trained lemmatizer only knows the irregular forms its
//! treebank had; an unseen one ("shot", "fled", "lent") would be cut by a suffix rule learned
//! from another word ("went" → "go" makes "lent" into "go"). The table is consulted after the
//! treebank's own exceptions and before the rules, for words tagged `VBD` or `VBN`.

use std::collections::HashMap;

use chronicle_doc::DataError;

const IRREGULAR_FILE: &str = "data/syntax/irregular-verbs.tsv";
const IRREGULAR_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/syntax/irregular-verbs.tsv"
));

/// Past and participle forms → lemma.
#[derive(Clone, Debug, Default)]
pub struct IrregularVerbs {
    lemma_of: HashMap<String, String>,
}

impl IrregularVerbs {
    /// The table compiled into the binary.
    pub fn builtin() -> Result<IrregularVerbs, DataError> {
        IrregularVerbs::parse(IRREGULAR_FILE, IRREGULAR_TSV)
    }

    /// Parses `lemma<TAB>past|…<TAB>participle|…` lines; `#` starts a comment line. A form
    /// that is also a lemma of the table ("lay": past of lie, lemma of lay) is ambiguous and
    /// left out.
    pub fn parse(file: &str, text: &str) -> Result<IrregularVerbs, DataError> {
        let mut rows = Vec::new();
        for (k, line) in text.lines().enumerate() {
            let number = k + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 3 {
                return Err(DataError::at_line(
                    file,
                    number,
                    format!(
                        "expected 3 tab-separated fields (lemma, past, participle), found {}",
                        fields.len()
                    ),
                ));
            }
            let valid = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-');
            let forms: Vec<&str> = fields[1].split('|').chain(fields[2].split('|')).collect();
            if let Some(bad) = std::iter::once(fields[0])
                .chain(forms.iter().copied())
                .find(|w| !valid(w))
            {
                return Err(DataError::at_line(
                    file,
                    number,
                    format!("`{bad}` is not a lower-case word"),
                ));
            }
            rows.push((number, fields[0], forms));
        }
        let lemmas: Vec<&str> = rows.iter().map(|r| r.1).collect();
        let mut lemma_of = HashMap::new();
        for (number, lemma, forms) in &rows {
            for &form in forms {
                if form != *lemma && lemmas.contains(&form) {
                    continue;
                }
                if let Some(other) = lemma_of.insert(form.to_string(), lemma.to_string()) {
                    if other != *lemma {
                        return Err(DataError::at_line(
                            file,
                            *number,
                            format!("`{form}` is already a form of `{other}`"),
                        ));
                    }
                }
            }
        }
        Ok(IrregularVerbs { lemma_of })
    }

    /// The lemma of a past form tagged `xpos`, if it is one of the table's.
    pub fn lemma(&self, form: &str, xpos: &str) -> Option<&str> {
        if !matches!(xpos, "VBD" | "VBN") {
            return None;
        }
        let lower = form.to_lowercase();
        self.lemma_of.get(&lower).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.lemma_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lemma_of.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_loads_and_maps_past_forms() {
        let table = IrregularVerbs::builtin().unwrap();
        assert!(table.len() > 200, "{}", table.len());
        assert_eq!(table.lemma("shot", "VBD"), Some("shoot"));
        assert_eq!(table.lemma("Fled", "VBD"), Some("flee"));
        assert_eq!(table.lemma("withdrawn", "VBN"), Some("withdraw"));
        // Only past tags: "wound" tagged as a present verb is not "wind".
        assert_eq!(table.lemma("wound", "VBP"), None);
        // Ambiguous: past of lie, lemma of lay.
        assert_eq!(table.lemma("lay", "VBD"), None);
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let err = IrregularVerbs::parse("v.tsv", "# c\ngo\twent\n").unwrap_err();
        assert_eq!((err.file.as_str(), err.line), ("v.tsv", Some(2)));
        let err = IrregularVerbs::parse("v.tsv", "go\tWent\tgone\n").unwrap_err();
        assert_eq!(err.line, Some(1));
        let err = IrregularVerbs::parse("v.tsv", "go\twent\tgone\nwend\twent\twent\n").unwrap_err();
        assert!(err.message.contains("already"), "{}", err.message);
    }
}
