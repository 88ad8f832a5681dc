//! Writes a synthetic corpus of `.txt` articles to a folder, for scale tests.
//!
//! ```text
//! cargo run -p crossread-core --release --bin gen-corpus -- \
//!     --articles 10000 --seed 2020 --seeds articles --out target/corpus
//! ```
//!
//! `--seeds` names a folder of real articles whose sentences are recombined
//! (default: `articles` when it exists).

use crossread_core::search::synthetic::{generate, SyntheticConfig};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut config = SyntheticConfig::default();
    let mut out = PathBuf::from("target/corpus");
    let mut seeds = PathBuf::from("articles");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next();
        let parsed = match (flag.as_str(), value.as_deref()) {
            ("--articles", Some(v)) => v.parse().map(|n| config.articles = n).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|n| config.seed = n).is_ok(),
            ("--out", Some(v)) => {
                out = PathBuf::from(v);
                true
            }
            ("--seeds", Some(v)) => {
                seeds = PathBuf::from(v);
                true
            }
            _ => false,
        };
        if !parsed {
            eprintln!(
                "usage: gen-corpus [--articles N] [--seed N] [--seeds DIR] [--out DIR] (bad or missing value for {flag})"
            );
            return ExitCode::from(2);
        }
    }
    let mut seed_texts = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            if let Ok(text) = std::fs::read_to_string(p) {
                seed_texts.push(text);
            }
        }
    }
    let refs: Vec<&str> = seed_texts.iter().map(String::as_str).collect();
    let corpus = generate(&config, &refs);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let mut bytes = 0;
    for a in &corpus {
        bytes += a.text.len();
        if let Err(e) = std::fs::write(out.join(&a.name), &a.text) {
            eprintln!("cannot write {}: {e}", out.join(&a.name).display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "wrote {} articles, {:.1} MB, to {} ({} seed texts)",
        corpus.len(),
        bytes as f64 / 1e6,
        out.display(),
        seed_texts.len()
    );
    ExitCode::SUCCESS
}
