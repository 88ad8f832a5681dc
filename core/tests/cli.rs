//! `crossread analyze` as a user runs it: real process, real files, JSON out.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn crossread(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_crossread")).args(args).output().expect("crossread runs")
}

fn articles_dir() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../articles").display().to_string()
}

/// The code points `start..end` of `text`, line breaks as spaces, the way
/// the report's `text` fields are defined.
fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end - start)
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect()
}

#[test]
fn analyze_prints_every_bundled_article_with_code_point_offsets() {
    let out = crossread(&["analyze", &articles_dir()]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["version"], 1);
    let articles = json["articles"].as_array().expect("articles array");
    assert_eq!(articles.len(), 5);
    for article in articles {
        let file = article["file"].as_str().expect("file name");
        let original = std::fs::read_to_string(Path::new(&articles_dir()).join(file))
            .expect("bundled articles are UTF-8");
        let basis = article["published"]["basis"].as_str().expect("basis");
        assert!(["stated", "inferred", "unknown"].contains(&basis), "{file}: basis {basis}");
        for key in ["paragraphs", "removed"] {
            for block in article[key].as_array().expect("blocks") {
                let (start, end) = (
                    block["start"].as_u64().expect("start") as usize,
                    block["end"].as_u64().expect("end") as usize,
                );
                assert_eq!(
                    block["text"].as_str(),
                    Some(chars(&original, start, end).as_str()),
                    "{file}: {key} text must be the original code points {start}..{end}"
                );
            }
        }
        if basis == "stated" {
            let evidence = article["published"]["evidence"].as_str().expect("evidence");
            assert!(original.contains(evidence), "{file}: evidence {evidence:?} not in the text");
        }
    }
    let dated: Vec<&str> = articles
        .iter()
        .filter(|a| a["published"]["basis"] == "stated")
        .map(|a| a["published"]["date"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(dated, ["2019-12-31", "2019-12-31"]);
}

#[test]
fn a_missing_path_is_a_clear_error_not_a_panic() {
    let out = crossread(&["analyze", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot read /no/such/folder"), "stderr: {stderr}");
}

#[test]
fn bad_usage_prints_the_usage() {
    let out = crossread(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: crossread analyze"));
}

#[test]
fn binary_and_empty_files_come_out_with_notices() {
    let dir = std::env::temp_dir().join(format!("crossread-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(dir.join("blob.bin"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 0])
        .expect("write");
    let out = crossread(&["analyze", &dir.display().to_string()]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let kinds: Vec<String> = json["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["notices"][0]["kind"].as_str().unwrap_or("none").to_string())
        .collect();
    assert_eq!(kinds, ["binary", "empty"]);
}

#[test]
fn analyze_lists_entities_with_code_point_offsets_and_cross_article_counts() {
    let out = crossread(&["analyze", &articles_dir()]);
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let entities = json["entities"].as_array().expect("top-level entities");
    let ids: Vec<&str> = entities.iter().map(|e| e["id"].as_str().expect("id")).collect();
    for article in json["articles"].as_array().expect("articles") {
        let file = article["file"].as_str().expect("file name");
        let original = std::fs::read_to_string(Path::new(&articles_dir()).join(file))
            .expect("bundled articles are UTF-8");
        let mut last_end = 0;
        for m in article["entities"].as_array().expect("entities per article") {
            let (start, end) = (
                m["start"].as_u64().expect("start") as usize,
                m["end"].as_u64().expect("end") as usize,
            );
            assert!(start >= last_end && start < end, "{file}: mentions sorted, not overlapping");
            last_end = end;
            assert_eq!(
                m["text"].as_str(),
                Some(chars(&original, start, end).as_str()),
                "{file}: entity text must be the original code points {start}..{end}"
            );
            assert!(
                ids.contains(&m["entity"].as_str().expect("entity id")),
                "{file}: known entity"
            );
        }
    }
    let esper = entities.iter().find(|e| e["id"] == "person:mark-esper").expect("Mark Esper");
    assert_eq!(esper["type"], "PERSON");
    assert!(esper["aliases"].as_array().expect("aliases").iter().any(|a| a == "Esper"));
    assert!(esper["roles"].as_array().expect("roles").iter().any(|r| r == "Secretary of Defense"));
    let per_file = esper["mentions"].as_array().expect("mentions per file");
    assert!(per_file.len() >= 2, "Esper appears in several articles");
    let sum: u64 = per_file.iter().map(|m| m["count"].as_u64().expect("count")).sum();
    assert_eq!(esper["total"].as_u64(), Some(sum));
    let kataib = entities
        .iter()
        .find(|e| {
            e["aliases"].as_array().is_some_and(|a| a.iter().any(|x| x == "Kata’ib Hezbollah"))
        })
        .expect("Kata’ib Hezbollah");
    assert!(kataib["aliases"].as_array().expect("aliases").iter().any(|x| x == "Kataib Hezbollah"));
    assert_eq!(kataib["type"], "ORG");
}
