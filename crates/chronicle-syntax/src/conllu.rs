//! A CoNLL-U reader for training and evaluation.
//!
//! Only syntactic words are kept: multiword-token range lines (`3-4`) and empty nodes (`8.1`)
//! are skipped, because at run time the tokenizer hands us syntactic words and the basic tree
//! is defined over them.

use std::path::Path;

use chronicle_doc::DataError;

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based head, 0 for the root (CoNLL-U convention).
    pub head: usize,
    pub deprel: String,
}

/// One sentence: its words in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeSentence {
    pub words: Vec<Word>,
}

impl TreeSentence {
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Reads a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<TreeSentence>, DataError> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| DataError::new(&name, e.to_string()))?;
    parse(&name, &text)
}

/// Parses CoNLL-U text; `name` is used in error messages.
pub fn parse(name: &str, text: &str) -> Result<Vec<TreeSentence>, DataError> {
    let mut out = Vec::new();
    let mut cur = TreeSentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(DataError::at_line(
                name,
                i + 1,
                format!("10 columns expected, got {}", cols.len()),
            ));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0]
            .parse()
            .map_err(|_| DataError::at_line(name, i + 1, format!("bad word id {:?}", cols[0])))?;
        if id != cur.words.len() + 1 {
            return Err(DataError::at_line(name, i + 1, format!("word id {id} out of sequence")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6]
                .parse()
                .map_err(|_| DataError::at_line(name, i + 1, format!("bad head {:?}", cols[6])))?
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(DataError::new(
                name,
                format!("sentence {} has a head outside the sentence", k + 1),
            ));
        }
    }
    Ok(out)
}

/// Reads several files into one list (the training set is EWT + GUM).
pub fn read_files(paths: &[impl AsRef<Path>]) -> Result<Vec<TreeSentence>, DataError> {
    let mut all = Vec::new();
    for p in paths {
        all.extend(read_file(p.as_ref())?);
    }
    Ok(all)
}

/// The training sentences outside fold `fold` of `folds` (sentence `i` is in fold `i % folds`):
/// what a jackknife model for that fold trains on.
pub fn outside_fold(train: &[TreeSentence], folds: usize, fold: usize) -> Vec<TreeSentence> {
    train
        .iter()
        .enumerate()
        .filter(|(i, _)| i % folds != fold)
        .map(|(_, s)| s.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_ranges_and_empty_nodes() {
        let text = "# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse("t", text).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms(), ["I", "do", "n't", "."]);
        assert_eq!(s[0].words[3].head, 3);
    }

    #[test]
    fn reports_bad_lines() {
        let e = parse("t.conllu", "1\tx\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.to_string().starts_with("t.conllu:1:"));
    }
}
