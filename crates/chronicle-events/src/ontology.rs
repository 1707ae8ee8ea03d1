use std::collections::HashMap;

use chronicle_doc::DataError;

const CAMEO_FILE: &str = "data/events/cameo.tsv";
const CAMEO_TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/events/cameo.tsv"));

/// The PLOVER 2021 event types.
const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "ACCUSE",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// One CAMEO event code and what follows from it.
#[derive(Clone, Debug, PartialEq)]
pub struct EventType {
    /// The code with leading zeros (`"0256"`).
    pub code: String,
    pub name: String,
    /// GDELT's Goldstein value for the code.
    pub goldstein: f32,
    /// The PLOVER type, where PLOVER has one (not for roots 01 and 02).
    pub plover: Option<&'static str>,
}

impl EventType {
    /// The root: the code's first two digits.
    pub fn root(&self) -> &str {
        &self.code[..2]
    }

    /// 1 verbal cooperation (roots 01–05), 2 material cooperation (06–09), 3 verbal conflict
    /// (10–14), 4 material conflict (15–20).
    pub fn quad_class(&self) -> u8 {
        match self.root().parse::<u8>().expect("validated at load") {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        }
    }
}

/// The CAMEO code table.
pub struct Ontology {
    types: HashMap<String, EventType>,
}

impl Ontology {
    /// The table built into Chronicle.
    pub fn builtin() -> Result<Ontology, DataError> {
        Ontology::parse(CAMEO_FILE, CAMEO_TSV)
    }

    /// Parses a table: `code<TAB>goldstein<TAB>plover<TAB>name` per line, `#` comments.
    pub fn parse(file: &str, text: &str) -> Result<Ontology, DataError> {
        let mut types = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fail = |message: String| DataError::at_line(file, number, message);
            let columns: Vec<&str> = line.split('\t').collect();
            let [code, goldstein, plover, name] = columns[..] else {
                return Err(fail(format!(
                    "expected 4 tab-separated columns, found {}",
                    columns.len()
                )));
            };
            let valid_code = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
            let root: u8 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
            if !valid_code || !(1..=20).contains(&root) {
                return Err(fail(format!("`{code}` is not a CAMEO code (2–4 digits, root 01–20)")));
            }
            let goldstein: f32 = goldstein
                .parse()
                .ok()
                .filter(|g: &f32| (-10.0..=10.0).contains(g))
                .ok_or_else(|| fail(format!("Goldstein value `{goldstein}` is not a number in -10..10")))?;
            let plover = match plover {
                "-" => None,
                p => Some(
                    *PLOVER_TYPES
                        .iter()
                        .find(|&&t| t == p)
                        .ok_or_else(|| fail(format!("`{p}` is not a PLOVER event type")))?,
                ),
            };
            let event = EventType {
                code: code.to_owned(),
                name: name.to_owned(),
                goldstein,
                plover,
            };
            if types.insert(code.to_owned(), event).is_some() {
                return Err(fail(format!("code {code} is listed twice")));
            }
        }
        for code in types.keys() {
            if code.len() > 2 && !types.contains_key(&code[..code.len() - 1]) && !types.contains_key(&code[..2]) {
                return Err(DataError::new(
                    file,
                    format!("code {code} has no parent code in the table"),
                ));
            }
        }
        Ok(Ontology { types })
    }

    pub fn get(&self, code: &str) -> Option<&EventType> {
        self.types.get(code)
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_loads_with_every_root() {
        let ontology = Ontology::builtin().unwrap();
        assert!(ontology.len() > 300, "{} codes", ontology.len());
        for root in 1..=20 {
            assert!(ontology.get(&format!("{root:02}")).is_some(), "root {root:02}");
        }
        let phone = ontology.get("041").unwrap();
        assert_eq!(
            (phone.root(), phone.quad_class(), phone.goldstein, phone.plover),
            ("04", 1, 1.0, Some("CONSULT"))
        );
        let sanction_threat = ontology.get("1312").unwrap();
        assert_eq!(sanction_threat.quad_class(), 3);
        assert_eq!(sanction_threat.plover, Some("THREATEN"));
        assert_eq!(ontology.get("190").unwrap().quad_class(), 4);
        assert_eq!(
            ontology.get("0256").unwrap().plover,
            Some("REQUEST"),
            "PLOVER's REQUEST covers CAMEO's appeals"
        );
        assert_eq!(ontology.get("010").unwrap().plover, None, "PLOVER has no statements");
    }

    #[test]
    fn malformed_rows_name_file_and_line() {
        let cases = [
            (
                "# c\n01\t0.0\t-\n",
                "data/x.tsv:2: expected 4 tab-separated columns, found 3",
            ),
            (
                "21\t0.0\t-\tName\n",
                "data/x.tsv:1: `21` is not a CAMEO code (2–4 digits, root 01–20)",
            ),
            (
                "01\tbig\t-\tName\n",
                "data/x.tsv:1: Goldstein value `big` is not a number in -10..10",
            ),
            ("01\t0.0\tHUG\tName\n", "data/x.tsv:1: `HUG` is not a PLOVER event type"),
            (
                "01\t0.0\t-\tA\n01\t0.0\t-\tB\n",
                "data/x.tsv:2: code 01 is listed twice",
            ),
        ];
        for (text, expected) in cases {
            let err = Ontology::parse("data/x.tsv", text).err().expect(expected);
            assert_eq!(err.to_string(), expected);
        }
    }
}
