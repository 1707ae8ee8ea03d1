//! Walking what the user named: files, directories, `.gz`, and standard input.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::jsonl::JsonLinesReader;
use crate::wire::WireReader;
use crate::{Format, Item, Origin, Reject, RejectReason};

/// Limits for the readers.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// The longest article (or JSON line) accepted, in bytes; longer ones are rejected.
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions { max_bytes: 16 << 20 }
    }
}

impl ReadOptions {
    /// How much of an over-long input is kept for `--rejects`: all of it up to a hard bound,
    /// so a runaway line of binary junk cannot exhaust memory.
    pub(crate) fn keep_bytes(&self) -> usize {
        self.max_bytes.saturating_mul(4).max(256 << 20)
    }
}

type Reader = Box<dyn BufRead + Send>;
type ItemIter = Box<dyn Iterator<Item = Item> + Send>;

enum Source {
    Stdin,
    /// A path and whether the user named it (named files are read whatever their extension;
    /// files found in a directory only when their extension says they are articles).
    Path(PathBuf, bool),
}

/// The articles of every input, in order: an iterator of [`Item`]s.
pub struct Inputs {
    queue: VecDeque<Source>,
    current: Option<ItemIter>,
    options: ReadOptions,
}

impl Inputs {
    /// Inputs from paths; `-` is standard input.
    pub fn new<P: AsRef<Path>>(paths: &[P], options: ReadOptions) -> Inputs {
        let queue = paths
            .iter()
            .map(|p| match p.as_ref() {
                p if p == Path::new("-") => Source::Stdin,
                p => Source::Path(p.to_path_buf(), true),
            })
            .collect();
        Inputs {
            queue,
            current: None,
            options,
        }
    }

    fn open(&mut self, source: Source) -> Option<ItemIter> {
        match source {
            Source::Stdin => {
                let reader: Reader = Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                Some(self.items(reader, "-".into(), "stdin".into(), None))
            }
            Source::Path(path, named) => self.open_path(path, named),
        }
    }

    fn open_path(&mut self, path: PathBuf, named: bool) -> Option<ItemIter> {
        let shown = path.display().to_string();
        let unreadable = |what: &str, e: io::Error| -> Option<ItemIter> {
            let reject = Reject::new(
                Origin {
                    file: shown.clone(),
                    line: 0,
                },
                RejectReason::Unreadable,
                format!("cannot {what}: {e}"),
                Vec::new(),
            );
            Some(Box::new(std::iter::once(Item::Reject(reject))))
        };
        let metadata = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return unreadable("read it", e),
        };
        if metadata.is_dir() {
            return match sorted_entries(&path) {
                Ok(entries) => {
                    for entry in entries.into_iter().rev() {
                        self.queue.push_front(Source::Path(entry, false));
                    }
                    None
                }
                Err(e) => unreadable("read the directory", e),
            };
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let format = Format::from_name(&name);
        // In a folder only regular files are read: a FIFO or device there would block or
        // never end. A path the user names is read whatever it is (`<(zcat …)` is a FIFO).
        if !named && (format.is_none() || is_readme(&name) || !metadata.is_file()) {
            return None;
        }
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) => return unreadable("open it", e),
        };
        let reader: Reader = if name.to_ascii_lowercase().ends_with(".gz") {
            Box::new(BufReader::with_capacity(
                1 << 16,
                flate2::read::MultiGzDecoder::new(file),
            ))
        } else {
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        Some(self.items(reader, shown, stem(&name), format))
    }

    /// The items of one stream, in the format its name announces or its first bytes suggest.
    fn items(&self, mut reader: Reader, file: String, stem: String, format: Option<Format>) -> ItemIter {
        let format = match format {
            Some(format) => format,
            None => match reader.fill_buf() {
                Ok([]) => return Box::new(std::iter::empty()),
                Ok(head) => match Format::sniff(head) {
                    Some(format) => format,
                    None => {
                        return Box::new(std::iter::once(Item::Reject(unknown_format(
                            reader,
                            file,
                            &self.options,
                        ))))
                    }
                },
                Err(e) => {
                    let reject = Reject::new(
                        Origin { file, line: 0 },
                        RejectReason::Unreadable,
                        format!("cannot read: {e}"),
                        Vec::new(),
                    );
                    return Box::new(std::iter::once(Item::Reject(reject)));
                }
            },
        };
        match format {
            Format::Wire => Box::new(WireReader::new(reader, file, stem, &self.options)),
            Format::JsonLines => Box::new(JsonLinesReader::new(reader, file, &self.options)),
        }
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.current.as_mut().and_then(Iterator::next) {
                return Some(item);
            }
            self.current = None;
            let source = self.queue.pop_front()?;
            self.current = self.open(source);
        }
    }
}

/// A stream that is neither JSON Lines nor wire articles, rejected whole.
fn unknown_format(reader: Reader, file: String, options: &ReadOptions) -> Reject {
    let mut raw = Vec::new();
    let read = reader.take(options.keep_bytes() as u64).read_to_end(&mut raw);
    let binary = raw.iter().take(8192).any(|&b| b == 0) || std::str::from_utf8(&raw[..raw.len().min(8192)]).is_err();
    let (reason, detail) = match (read, binary) {
        (Err(e), _) => (RejectReason::Unreadable, format!("cannot read: {e}")),
        (Ok(_), true) => (
            RejectReason::Binary,
            "binary data, not articles (expected JSON Lines or the wire format)".to_owned(),
        ),
        (Ok(_), false) => (
            RejectReason::NotAnArticle,
            "neither JSON Lines (`{\"id\",\"date\",\"text\"}` per line) nor wire articles (` date YYYY-MM-DD …`)"
                .to_owned(),
        ),
    };
    Reject::new(Origin { file, line: 1 }, reason, detail, raw)
}

/// A directory's entries, hidden ones left out, sorted by name so runs are deterministic.
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_name().to_string_lossy().starts_with('.') {
            entries.push(entry.path());
        }
    }
    entries.sort();
    Ok(entries)
}

fn is_readme(name: &str) -> bool {
    name.to_ascii_lowercase().starts_with("readme")
}

/// The file name without its extensions (`a.txt.gz` → `a`): the document id of a wire file.
fn stem(name: &str) -> String {
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".GZ"))
        .unwrap_or(name);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => name.to_owned(),
    }
}
