//! Input arguments shared by the commands that read articles, and the rejects file.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{bail, Context};
use chronicle::read::{Article, Inputs, ReadOptions, Reject};

#[derive(clap::Args)]
pub struct InputArgs {
    /// Articles to read: wire-format `.txt` files, JSON Lines (`.jsonl`), directories
    /// (read recursively, in sorted order), any of them gzipped (`.gz`); `-` or nothing
    /// reads standard input.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Save every rejected input here, verbatim, so it can be fixed and fed again.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,

    /// Stop at the first rejected input instead of carrying on.
    #[arg(long)]
    pub strict: bool,

    /// Reject articles longer than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = ReadOptions::default().max_bytes)]
    pub max_bytes: usize,
}

impl InputArgs {
    /// The inputs as a stream of articles and rejects.
    pub fn open(&self) -> anyhow::Result<Inputs> {
        let reads_stdin = self.inputs.is_empty() || self.inputs.iter().any(|p| p.as_os_str() == "-");
        if reads_stdin && std::io::stdin().is_terminal() {
            bail!("no input: name files or directories, or pipe articles on standard input (see --help)");
        }
        let paths = if self.inputs.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.inputs.clone()
        };
        Ok(Inputs::new(
            &paths,
            ReadOptions {
                max_bytes: self.max_bytes,
            },
        ))
    }

    pub fn rejects_file(&self) -> anyhow::Result<Option<RejectsFile>> {
        let Some(path) = &self.rejects else {
            return Ok(None);
        };
        let file = File::create(path).with_context(|| format!("cannot create rejects file {}", path.display()))?;
        Ok(Some(RejectsFile {
            out: BufWriter::new(file),
            path: path.clone(),
        }))
    }
}

/// Where `--rejects` keeps rejected inputs, each as it was read.
pub struct RejectsFile {
    out: BufWriter<File>,
    path: PathBuf,
}

impl RejectsFile {
    pub fn keep(&mut self, reject: &Reject) -> anyhow::Result<()> {
        self.out
            .write_all(&reject.raw)
            .and_then(|()| {
                if reject.raw.last().is_some_and(|&b| b != b'\n') {
                    self.out.write_all(b"\n")?;
                }
                Ok(())
            })
            .with_context(|| format!("cannot write rejects file {}", self.path.display()))
    }

    /// Keeps an article that was read but could not be coded, as a JSON line that
    /// `chronicle code` reads back.
    pub fn keep_article(&mut self, article: &Article) -> anyhow::Result<()> {
        let line = serde_json::json!({
            "id": article.meta.id,
            "date": article.meta.date_text,
            "text": article.text,
            "source": article.meta.source,
            "title": article.meta.title,
            "url": article.meta.url,
        });
        writeln!(self.out, "{line}").with_context(|| format!("cannot write rejects file {}", self.path.display()))
    }

    pub fn finish(mut self) -> anyhow::Result<()> {
        self.out
            .flush()
            .with_context(|| format!("cannot write rejects file {}", self.path.display()))
    }
}
