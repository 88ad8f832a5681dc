//! Annotation throughput: `cargo bench -p crossread-core --bench annotate`.
//!
//! Builds a corpus of at least [`TARGET_BYTES`] of news-style text by
//! recombining the sentences of the bundled articles and the entity
//! fixtures, with names and numbers shuffled between sentences (a fixed
//! seed, so every run measures the same text). The corpus is ingested once;
//! then [`annotate_corpus`] is timed on one core and the throughput printed
//! in MB/s of article text.

use crossread_core::entities::annotate_corpus;
use crossread_core::ingest::{ingest_corpus, SourceFile};
use std::path::Path;
use std::time::Instant;

/// Size of the generated corpus.
const TARGET_BYTES: usize = 10 * 1024 * 1024;
/// Sentences per paragraph and paragraphs per article.
const SENTENCES_PER_PARAGRAPH: usize = 4;
const PARAGRAPHS_PER_ARTICLE: usize = 8;
/// Timed runs; the best is reported (the others show the spread).
const RUNS: usize = 3;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn read_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in [
        root.join("../articles"),
        root.join("tests/fixtures/entities/own"),
        root.join("tests/fixtures/entities/holdout"),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            if let Ok(t) = std::fs::read_to_string(&p) {
                texts.push(t);
            }
        }
    }
    texts
}

/// Sentences of every clean paragraph, and the capitalised word pairs
/// (name-like) found in them.
fn material(texts: &[String]) -> (Vec<String>, Vec<String>) {
    let names: Vec<String> = texts
        .iter()
        .map(|t| t.as_str())
        .flat_map(str::split_whitespace)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| !w.is_empty())
        .collect();
    let files: Vec<(String, Vec<u8>)> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("{i}.txt"), t.as_bytes().to_vec()))
        .collect();
    let sources: Vec<SourceFile<'_>> =
        files.iter().map(|(n, b)| SourceFile { name: n, bytes: b }).collect();
    let mut sentences = Vec::new();
    for article in ingest_corpus(&sources) {
        for p in &article.paragraphs {
            for s in p.text.split_inclusive(['.', '?', '!']) {
                let s = s.trim();
                if s.len() > 20 {
                    sentences.push(s.to_string());
                }
            }
        }
    }
    (sentences, names)
}

/// A sentence with some capitalised words swapped for other names and
/// digits changed.
fn vary(sentence: &str, names: &[String], rng: &mut Rng) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    for (i, word) in sentence.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let plain = word.chars().all(char::is_alphabetic);
        if i > 0 && capitalised && plain && rng.next().is_multiple_of(3) {
            out.push_str(rng.pick(names).as_str());
        } else if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
            out.push_str(&(rng.next() % 5000 + 2).to_string());
        } else {
            out.push_str(word);
        }
    }
    out
}

/// CPU seconds this thread has used (Linux `/proc/thread-self/stat`, in
/// clock ticks of 1/100 s), so a busy shared machine does not count against
/// the figure; `None` where that file does not exist.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let texts = read_texts();
    let (sentences, names) = material(&texts);
    assert!(!sentences.is_empty() && !names.is_empty(), "no material for the bench corpus");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        let mut article = format!("Report number {}\n\n", files.len());
        for _ in 0..PARAGRAPHS_PER_ARTICLE {
            for s in 0..SENTENCES_PER_PARAGRAPH {
                if s > 0 {
                    article.push(' ');
                }
                article.push_str(&vary(rng.pick(&sentences).as_str(), &names, &mut rng));
            }
            article.push_str("\n\n");
        }
        total += article.len();
        files.push((format!("bench_{:05}.txt", files.len()), article.into_bytes()));
    }
    let sources: Vec<SourceFile<'_>> =
        files.iter().map(|(n, b)| SourceFile { name: n, bytes: b }).collect();
    let started = Instant::now();
    let articles = ingest_corpus(&sources);
    let ingest_secs = started.elapsed().as_secs_f64();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "corpus: {} articles, {:.1} MB ({} sentences recombined); ingest took {:.2} s",
        articles.len(),
        mb,
        sentences.len(),
        ingest_secs
    );
    let mut times = Vec::new();
    let mut cpu_times = Vec::new();
    let mut mentions = 0;
    let mut entities = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let cpu_started = cpu_seconds();
        let index = annotate_corpus(&articles);
        times.push(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_started, cpu_seconds()) {
            cpu_times.push(b - a);
        }
        mentions = index.mentions.iter().map(Vec::len).sum();
        entities = index.entities.len();
    }
    let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
    let spread: Vec<String> = times.iter().map(|t| format!("{t:.2}s")).collect();
    println!("annotate_corpus: {mentions} mentions, {entities} entities");
    println!(
        "annotate_corpus throughput: {:.1} MB/s wall clock on one thread (best of {RUNS}: {})",
        mb / best,
        spread.join(", ")
    );
    if let Some(cpu) = cpu_times.iter().cloned().reduce(f64::min) {
        println!(
            "annotate_corpus throughput: {:.1} MB/s of CPU time on one core ({cpu:.2} s of CPU; \
             the wall-clock figure is lower when other work shares the machine)",
            mb / cpu
        );
    }
}
