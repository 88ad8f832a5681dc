//! `crossread`: the command-line face of Crossread's core.
//!
//! ```text
//! crossread analyze FILE_OR_DIR...   print the analysis as JSON on stdout
//! ```

use crossread_core::ingest::{ingest_corpus, SourceFile};
use crossread_core::report::Analysis;
use crossread_core::{Error, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: crossread analyze FILE_OR_DIR...

Reads news articles (text files), cleans them and prints the analysis as
JSON on stdout. A folder stands for every file in it (not hidden ones).
Offsets in the output count Unicode code points in the decoded file text.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((cmd, paths)) if cmd == "analyze" && !paths.is_empty() => match analyze(paths) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("crossread: {e}");
                ExitCode::FAILURE
            }
        },
        Some((cmd, _)) if cmd == "-h" || cmd == "--help" || cmd == "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn analyze(paths: &[String]) -> Result<()> {
    let mut files: Vec<PathBuf> = Vec::new();
    for path in paths {
        files.extend(article_files(Path::new(path))?);
    }
    let loaded: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|source| io_error(p, source))?;
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            Ok((name, bytes))
        })
        .collect::<Result<_>>()?;
    let sources: Vec<SourceFile<'_>> =
        loaded.iter().map(|(name, bytes)| SourceFile { name, bytes }).collect();
    let articles = ingest_corpus(&sources);
    let json = serde_json::to_string_pretty(&Analysis::new(&articles))
        .expect("the analysis is plain data and always serialises");
    println!("{json}");
    Ok(())
}

/// The article files a command-line path stands for, sorted by name.
fn article_files(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|source| io_error(path, source))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|source| io_error(path, source))? {
        let entry = entry.map_err(|source| io_error(path, source))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    if files.is_empty() {
        return Err(Error::NoArticles { path: path.display().to_string() });
    }
    files.sort();
    Ok(files)
}

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.display().to_string(), source }
}
