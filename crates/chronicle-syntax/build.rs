//! Embeds the trained models when they exist, so the crate still builds in a checkout (or a
//! fresh training run) without them; `SyntaxModels::embedded` then reports their absence.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(chronicle_embedded_models)");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/models");
    let tagger = root.join("tagger-en-ud/model.bin");
    let parser = root.join("parser-en-ud/model.bin");
    println!("cargo::rerun-if-changed={}", tagger.display());
    println!("cargo::rerun-if-changed={}", parser.display());
    if tagger.exists() && parser.exists() {
        println!("cargo::rustc-cfg=chronicle_embedded_models");
    }
}
