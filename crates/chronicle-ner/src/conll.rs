//! Reading CoNLL-2003-style files: one token per line, the token first and the IOB label
//! last (`EU NNP I-NP I-ORG`); blank lines end sentences; `-DOCSTART-` lines start articles.
//! Only the token and the label are used: at run time we have no POS or chunk columns.

use std::path::Path;

use chronicle_doc::DataError;

use crate::model::TokenEntity;
use crate::tags::spans_from_iob;

/// A gold sentence: its tokens and entities as token ranges.
#[derive(Clone, Debug, Default)]
pub struct GoldSentence {
    pub words: Vec<String>,
    pub entities: Vec<TokenEntity>,
}

/// A gold article.
#[derive(Clone, Debug, Default)]
pub struct GoldDoc {
    pub sentences: Vec<GoldSentence>,
}

impl GoldDoc {
    /// The sentences as word slices, the shape the tagger takes.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }
}

pub fn read_path(path: &Path) -> Result<Vec<GoldDoc>, DataError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| DataError::new(&name, format!("cannot read: {e}")))?;
    parse(&text, &name)
}

pub fn parse(text: &str, file: &str) -> Result<Vec<GoldDoc>, DataError> {
    let mut docs = vec![GoldDoc::default()];
    let mut words: Vec<String> = Vec::new();
    let mut labels: Vec<(usize, String)> = Vec::new();
    let flush = |docs: &mut Vec<GoldDoc>, words: &mut Vec<String>, labels: &mut Vec<(usize, String)>| {
        if words.is_empty() {
            return Ok(());
        }
        let ls: Vec<&str> = labels.iter().map(|(_, l)| l.as_str()).collect();
        let entities = spans_from_iob(&ls).map_err(|m| DataError::at_line(file, labels[0].0, m))?;
        docs.last_mut().expect("one doc").sentences.push(GoldSentence {
            words: std::mem::take(words),
            entities,
        });
        labels.clear();
        Ok(())
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut words, &mut labels)?;
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut labels)?;
            if !docs.last().expect("one doc").sentences.is_empty() {
                docs.push(GoldDoc::default());
            }
            continue;
        }
        if cols.len() < 2 {
            return Err(DataError::at_line(file, i + 1, "expected a token and a label"));
        }
        words.push(cols[0].to_string());
        labels.push((i + 1, cols[cols.len() - 1].to_string()));
    }
    flush(&mut docs, &mut words, &mut labels)?;
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chronicle_doc::EntityKind::*;

    #[test]
    fn reads_documents_and_iob1() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nA x x O\n";
        let docs = parse(text, "t").unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].entities, vec![(0, 1, Organization)]);
        assert_eq!(docs[0].sentences[1].entities, vec![(0, 2, Person)]);
        let e = parse("EU NNP I-NP I-FOO\n", "t.conll").unwrap_err();
        assert_eq!(e.line, Some(1));
    }
}
