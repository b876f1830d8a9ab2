//! End-to-end tests of batch use (issue 7): directories with -r, parallel jobs with stable
//! order, JSON Lines streams as an engine's `pipe` would send them, progress and --quiet,
//! --summary, tables, completions and the man page.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

use assert_cmd::Command;
use common::{json_lines, run};
use serde_json::Value;

const FIXTURES: &str = "fixtures";

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

/// The fixture articles, sorted by name (the order -r walks them in).
fn fixture_articles() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
}

/// A JSON Lines stream of the fixture articles, ids "a0", "a1", ...
fn fixtures_as_jsonl() -> (String, usize) {
    let articles = fixture_articles();
    let mut jsonl = String::new();
    for (i, path) in articles.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let record = serde_json::json!({"id": format!("a{i}"), "text": text, "file": path});
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    (jsonl, articles.len())
}

fn path_of(line: &Value) -> &str {
    line["source"]["path"].as_str().unwrap()
}

#[test]
fn recursive_walks_text_files_in_order_and_skips_binary_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("2024/.cache")).unwrap();
    std::fs::write(root.join("2024/b.txt"), "Second. Article.").unwrap();
    std::fs::write(root.join("2024/.cache/x.txt"), "Hidden.").unwrap();
    std::fs::write(root.join("a.txt"), "First article.").unwrap();
    std::fs::write(root.join("photo.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF\0").unwrap();
    let r = run(byline().arg("-r").arg(root));
    assert_eq!(
        r.code, 0,
        "a skipped binary file is not an error: {}",
        r.stderr
    );
    let lines = json_lines(&r.stdout);
    let names: Vec<&str> = lines
        .iter()
        .map(|l| path_of(l).strip_prefix(root.to_str().unwrap()).unwrap())
        .collect();
    assert_eq!(names, ["/2024/b.txt", "/a.txt"]);
    assert_eq!(lines[0]["stats"]["sentences"], 2);
    let note = format!(
        "byline: {}: skipped: binary file",
        root.join("photo.jpg").display()
    );
    assert!(r.stderr.contains(&note), "{}", r.stderr);

    let quiet = run(byline().args(["-r", "--quiet"]).arg(root));
    assert_eq!(quiet.stderr, "", "--quiet drops the note");
    assert_eq!(quiet.stdout, r.stdout);
}

#[test]
fn binary_file_named_in_a_batch_is_an_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("blob.bin");
    std::fs::write(&bin, b"\0\x01\x02").unwrap();
    let r = run(byline().arg("fixtures/seed-article.txt").arg(&bin));
    assert_eq!(r.code, 1);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines[1]["path"], bin.to_str().unwrap());
    assert!(lines[1]["error"].as_str().unwrap().contains("binary"));
}

#[test]
fn output_is_identical_for_one_and_several_jobs() {
    let jsonl = fixtures_as_jsonl().0.repeat(3);
    let outputs: Vec<String> = ["1", "2", "4"]
        .iter()
        .map(|jobs| {
            let r = run(byline()
                .args(["--input-format", "jsonl", "-j", jobs])
                .write_stdin(jsonl.clone()));
            assert_eq!(r.code, 0, "{}", r.stderr);
            r.stdout
        })
        .collect();
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    assert!(
        run(byline().args(["-j", "0", "x"])).code == 2,
        "-j 0 is a usage error"
    );
}

/// What a Spark `RDD.pipe("byline --input-format jsonl")` or a Hadoop Streaming mapper
/// does: one record per line in, one result per line out, same order, bad records as
/// error lines so the partition stays aligned.
#[test]
fn jsonl_stream_through_a_pipe_keeps_ids_order_and_error_lines() {
    let (good, count) = fixtures_as_jsonl();
    let mut input = String::new();
    let mut expected_ids = Vec::new();
    for (i, line) in good.lines().enumerate() {
        input.push_str(line);
        input.push('\n');
        expected_ids.push(Value::from(format!("a{i}")));
        if i == 1 {
            input.push_str("{\"id\": \"broken\", \"text\": \"unterminated\n");
            expected_ids.push(Value::Null);
            input.push_str("{\"id\": \"notext\", \"body\": \"x\"}\n");
            expected_ids.push(Value::from("notext"));
        }
    }
    let r = run(byline()
        .args(["--input-format", "jsonl", "-j", "2"])
        .write_stdin(input));
    assert_eq!(r.code, 1, "bad records make the exit code 1");
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), count + 2, "one output line per input line");
    let ids: Vec<Value> = lines
        .iter()
        .map(|l| match l.get("error") {
            Some(_) => l["id"].clone(),
            None => l["source"]["id"].clone(),
        })
        .collect();
    assert_eq!(ids, expected_ids);
    assert_eq!(lines[2]["line"], 3);
    assert_eq!(lines[3]["line"], 4);
    assert!(lines[3]["error"].as_str().unwrap().contains("\"text\""));
    assert!(
        r.stderr.contains("byline: -:3: invalid JSON"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("byline: -:4: the record has no"),
        "{}",
        r.stderr
    );
    assert_eq!(
        lines[0]["source"]["meta"]["file"],
        "fixtures/".to_string() + &file_name(0)
    );
}

fn file_name(i: usize) -> String {
    fixture_articles()[i]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn gnu_parallel_style_per_file_runs_match_one_batch() {
    // `parallel byline ::: files` runs one process per file; concatenated in order, the
    // results must equal one batch run.
    let articles = fixture_articles();
    let batch = run(byline().args(["-f", "jsonl"]).args(&articles));
    let mut separate = String::new();
    for article in &articles {
        separate.push_str(&run(byline().args(["-f", "jsonl"]).arg(article)).stdout);
    }
    assert_eq!(batch.stdout, separate);
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let (jsonl, _) = fixtures_as_jsonl();
    let r = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin(jsonl));
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, "");
}

#[test]
fn progress_bar_shows_on_a_terminal_unless_quiet() {
    // `script` gives byline a pseudo-terminal for stdout and stderr.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("byline");
    let out = tempfile::tempdir().unwrap();
    let run_on_tty = |args: &str| {
        let command = format!(
            "'{}' -o '{}' {args}",
            bin.display(),
            out.path().join("o.jsonl").display()
        );
        let output = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let shown = run_on_tty("-r fixtures");
    assert!(shown.contains("articles"), "{shown:?}");
    assert!(shown.contains("/s"), "throughput shown: {shown:?}");
    // Named files have a known total size: a bar with an ETA.
    let with_total = run_on_tty("fixtures/seed-article.txt fixtures/mixed-scripts.txt");
    assert!(with_total.contains("ETA"), "{with_total:?}");
    let silenced = run_on_tty("-r fixtures --quiet");
    assert!(!silenced.contains("articles"), "{silenced:?}");
}

#[test]
fn summary_aggregates_the_batch_consistently() {
    let articles = fixture_articles();
    let reports = json_lines(&run(byline().args(["-f", "jsonl"]).args(&articles)).stdout);
    let r = run(byline().arg("--summary").args(&articles).arg("missing.txt"));
    assert_eq!(r.code, 1);
    let summary: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(summary["articles"], articles.len());
    assert_eq!(summary["failed"], 1);
    let total = |key: &str| -> u64 {
        reports
            .iter()
            .map(|r| r["stats"][key].as_u64().unwrap())
            .sum()
    };
    assert_eq!(summary["words"], total("words"));
    assert_eq!(summary["claims"], total("claims"));

    // Quotations are counted as utterances: the parts of a split quotation (one group)
    // count once, for the total and per speaker.
    let mut utterances = 0;
    let mut speakers: BTreeMap<String, u64> = BTreeMap::new();
    for report in &reports {
        let mut groups = std::collections::BTreeSet::new();
        for quote in report["quotes"].as_array().unwrap() {
            if !groups.insert(quote["group"].as_u64().unwrap()) {
                continue;
            }
            utterances += 1;
            if let Some(name) = quote["speaker"]["name"].as_str() {
                *speakers.entry(name.to_string()).or_default() += 1;
            }
        }
    }
    assert_eq!(summary["quotes"], utterances);
    assert!(
        utterances < total("quotes"),
        "the fixtures have split quotations"
    );
    for ranked in summary["top_speakers"].as_array().unwrap() {
        let name = ranked["name"].as_str().unwrap();
        assert_eq!(ranked["quotes"], speakers[name], "{name}");
    }
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    for report in &reports {
        for claim in report["claims"].as_array().unwrap() {
            *kinds
                .entry(claim["kind"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let summary_kinds: BTreeMap<String, u64> =
        serde_json::from_value(summary["claims_by_kind"].clone()).unwrap();
    assert_eq!(summary_kinds, kinds);
    for list in [
        "top_speakers",
        "top_people",
        "top_organizations",
        "top_places",
    ] {
        assert!(summary[list].as_array().unwrap().len() <= 10, "{list}");
    }

    let text = run(byline().args(["--summary", "-f", "text"]).args(&articles));
    assert!(text
        .stdout
        .starts_with(&format!("{} articles analysed", articles.len())));
    for title in [
        "Top speakers",
        "Top people",
        "Top organizations",
        "Claims by kind",
    ] {
        assert!(text.stdout.contains(title), "{title}");
    }
}

#[test]
fn tables_have_a_header_and_one_row_per_item() {
    let articles = fixture_articles();
    let reports = json_lines(&run(byline().args(["-f", "jsonl"]).args(&articles)).stdout);
    for (table, section, columns) in [
        ("quotes", "quotes", 8),
        ("entities", "entities", 9),
        ("claims", "claims", 12),
    ] {
        let r = run(byline()
            .args(["-f", "tsv", "--table", table])
            .args(&articles));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let records = parse_delimited(&r.stdout, '\t');
        assert_eq!(records[0][0], "path");
        assert_eq!(records[0].len(), columns, "{table}");
        let items: usize = reports
            .iter()
            .map(|r| r[section].as_array().unwrap().len())
            .sum();
        assert_eq!(records.len() - 1, items, "{table}");
        assert!(records.iter().all(|row| row.len() == columns), "{table}");
    }
    let csv = run(byline().args([
        "-f",
        "csv",
        "--table",
        "quotes",
        "fixtures/seed-article.txt",
    ]));
    assert!(csv
        .stdout
        .starts_with("path,id,start,end,kind,speaker,cue,text\n"));
    let misuse = run(byline().args(["-f", "tsv", "fixtures/seed-article.txt"]));
    assert_eq!(misuse.code, 2);
    assert!(misuse.stderr.contains("--table"));
}

#[test]
fn table_cells_are_csv_quoted() {
    let record = r#"{"id": "q\t1", "text": "“We said \"no\",” Ann Lee told reporters."}"#;
    let r = run(byline()
        .args(["--input-format", "jsonl", "-f", "tsv", "--table", "quotes"])
        .write_stdin(record));
    assert_eq!(r.code, 0);
    let records = parse_delimited(&r.stdout, '\t');
    let report = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin(record));
    let quotes = json_lines(&report.stdout)[0]["quotes"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(
        records.len(),
        quotes + 1,
        "header plus one row per quotation"
    );
    for row in &records[1..] {
        assert_eq!(
            row[1], "q\t1",
            "a tab inside a cell is quoted, not a new column"
        );
    }
}

/// A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes).
fn parse_delimited(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == delimiter => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn completions_and_man_page_are_generated() {
    for (shell, marker) in [
        ("bash", "_byline()"),
        ("zsh", "#compdef byline"),
        ("fish", "complete -c byline"),
    ] {
        let r = run(byline().args(["completions", shell]));
        assert_eq!(r.code, 0, "{shell}");
        assert!(r.stdout.contains(marker), "{shell}");
        assert!(r.stdout.contains("max-bytes"), "{shell} knows the options");
    }
    let man = run(byline().arg("man"));
    assert_eq!(man.code, 0);
    assert!(man.stdout.contains(".TH byline 1"));
    assert!(man.stdout.contains("recursive"));
    // The examples keep their lines (an unfilled block), as --help shows them.
    let examples = man.stdout.split(".SH \"EXAMPLES\"\n").nth(1).unwrap();
    let block = examples
        .strip_prefix(".nf\n")
        .unwrap()
        .split(".fi\n")
        .next()
        .unwrap();
    let help = run(byline().arg("--help")).stdout;
    let help_examples = help
        .split("Examples:\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next();
    let unescaped = block.replace("\\-", "-").replace("\\e", "\\");
    assert_eq!(Some(unescaped.trim_end()), help_examples.map(str::trim_end));
    assert!(man.stdout.contains(".SH \"EXIT STATUS\"\n.nf\n"));
    assert_eq!(run(byline().args(["completions", "tcsh"])).code, 2);
}

#[test]
fn help_lists_batch_options_with_examples() {
    let help = run(byline().arg("--help")).stdout;
    for needle in [
        "--recursive",
        "--jobs",
        "--quiet",
        "--summary",
        "--table",
        "completions",
        "man",
        "byline -r -g '*.txt' -j 2 archive/",
        "--input-format jsonl",
        "--table quotes *.txt",
        "--glob",
        "--color",
    ] {
        assert!(help.contains(needle), "{needle} missing from --help");
    }
}

#[test]
fn directory_walk_errors_name_the_path() {
    let r = run(byline().args(["-r", "no/such/dir"]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("byline: no/such/dir: "),
        "{}",
        r.stderr
    );
    assert!(Path::new(FIXTURES).is_dir());
}

/// Streaming: each record's result comes out while the input is still open, so an
/// endless or 50 GB stream is never read whole before output starts.
#[test]
fn jsonl_results_stream_out_before_the_input_ends() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = common::spawn_piped(&["--input-format", "jsonl", "-j", "2"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                return;
            }
        }
    });
    for id in 0..3 {
        writeln!(
            stdin,
            "{{\"id\": {id}, \"text\": \"Record {id} arrived.\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a result before the input is closed");
        let json: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(json["source"]["id"], id);
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

/// Articles of 256 KiB or more are analysed by the writer and streamed (their JSON is
/// never held whole in memory); they must come out exactly as a small article's would, in
/// their place in the batch, with their warnings, whatever the number of jobs.
#[test]
fn large_articles_stream_in_order_with_their_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read(Path::new(FIXTURES).join("seed-article.txt")).unwrap();
    let mut big = b"Caf\xE9 owners met on Monday.\n\n".to_vec();
    while big.len() <= 256 * 1024 {
        big.extend_from_slice(&seed);
        big.extend_from_slice(b"\n\n");
    }
    let paths = [
        ("a-small.txt", b"It rained on Monday.".to_vec()),
        ("b-large.txt", big),
        (
            "c-small.txt",
            b"\xE2\x80\x9CWe won,\xE2\x80\x9D Ann Lee said.".to_vec(),
        ),
    ]
    .map(|(name, bytes)| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    });
    let alone = run(byline().args(["-f", "json"]).arg(&paths[1]));
    assert_eq!(alone.code, 0, "{}", alone.stderr);
    let alone: Value = serde_json::from_str(&alone.stdout).unwrap();
    assert!(alone["stats"]["sentences"].as_u64().unwrap() > 500);
    for jobs in ["1", "2"] {
        let r = run(byline().args(["-f", "jsonl", "-j", jobs]).args(&paths));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let lines = json_lines(&r.stdout);
        let names: Vec<&str> = lines.iter().map(path_of).collect();
        assert!(names[0].ends_with("a-small.txt") && names[2].ends_with("c-small.txt"));
        assert_eq!(
            lines[1], alone,
            "the streamed report is the one-file report"
        );
        assert_eq!(lines[2]["quotes"][0]["speaker"]["name"], "Ann Lee");
        assert!(
            r.stderr.contains("b-large.txt: warning: invalid UTF-8"),
            "{}",
            r.stderr
        );
    }
    let array = run(byline().args(["-f", "json", "--pretty"]).args(&paths));
    let array: Value = serde_json::from_str(&array.stdout).unwrap();
    assert_eq!(array.as_array().map(Vec::len), Some(3));
    assert_eq!(array[1], alone);
}

/// A large article's JSON is written as its report is built, section by section; `--only`
/// and the stats must come out alike from the compact writer and from serde_json's pretty
/// one.
#[test]
fn a_streamed_article_keeps_only_and_the_stats() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(Path::new(FIXTURES).join("seed-article.txt")).unwrap();
    let path = dir.path().join("large.txt");
    std::fs::write(&path, format!("{seed}\n\n").repeat(50)).unwrap();
    for only in [
        "quotes,claims",
        "entities",
        "paragraphs,sentences,quotes,entities,claims",
    ] {
        let compact = run(byline().args(["-f", "json", "--only", only]).arg(&path));
        assert_eq!(compact.code, 0, "{}", compact.stderr);
        let pretty = run(byline()
            .args(["-f", "json", "--pretty", "--only", only])
            .arg(&path));
        let compact: Value = serde_json::from_str(&compact.stdout).unwrap();
        let pretty: Value = serde_json::from_str(&pretty.stdout).unwrap();
        assert_eq!(compact, pretty, "--only {only}");
        assert!(
            compact["stats"]["paragraphs"].as_u64().unwrap() >= 50 * 35,
            "{only}"
        );
        let keys: Vec<&String> = compact.as_object().unwrap().keys().collect();
        for section in ["paragraphs", "sentences", "quotes", "entities", "claims"] {
            assert_eq!(keys.iter().any(|k| *k == section), only.contains(section));
        }
    }
}

#[test]
fn a_streamed_article_ends_quietly_on_a_broken_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(Path::new(FIXTURES).join("seed-article.txt")).unwrap();
    let path = dir.path().join("large.txt");
    std::fs::write(&path, seed.repeat(50)).unwrap();
    let script = format!(
        "set -o pipefail; '{}' '{}' | head -c 100 > /dev/null",
        assert_cmd::cargo::cargo_bin("byline").display(),
        path.display()
    );
    let r = run(Command::new("bash").args(["-c", &script]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
}

/// A directory of three articles and a README, for the -g tests.
fn glob_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("2024/drafts")).unwrap();
    std::fs::write(root.join("a.txt"), "The council met.").unwrap();
    std::fs::write(root.join("README.md"), "# About this archive").unwrap();
    std::fs::write(root.join("2024/b.txt"), "The mayor resigned.").unwrap();
    std::fs::write(root.join("2024/drafts/c.txt"), "Draft.").unwrap();
    dir
}

/// The walked paths, relative to `root`, in output order.
fn walked(root: &Path, args: &[&str]) -> Vec<String> {
    let r = run(byline().args(args).arg(root));
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    json_lines(&r.stdout)
        .iter()
        .map(|line| {
            let path = Path::new(path_of(line));
            path.strip_prefix(root).unwrap().display().to_string()
        })
        .collect()
}

#[test]
fn glob_picks_the_walked_files_as_ripgrep_does() {
    let dir = glob_tree();
    let root = dir.path();
    let all = ["2024/b.txt", "2024/drafts/c.txt", "README.md", "a.txt"];
    assert_eq!(walked(root, &["-r"]), all, "every text file by default");
    let txt = ["2024/b.txt", "2024/drafts/c.txt", "a.txt"];
    assert_eq!(walked(root, &["-r", "-g", "*.txt"]), txt);
    assert_eq!(walked(root, &["-g", "*.txt"]), txt, "-g implies -r");
    assert_eq!(walked(root, &["-r", "-g", "!*.md"]), txt, "! excludes");
    assert_eq!(
        walked(root, &["-r", "--glob", "*.txt", "--glob", "!drafts/"]),
        ["2024/b.txt", "a.txt"],
        "an excluded directory is not entered"
    );
    assert_eq!(walked(root, &["-g", "2024/*.txt"]), ["2024/b.txt"]);
    assert_eq!(
        walked(root, &["-g", "2024/**"]),
        ["2024/b.txt", "2024/drafts/c.txt"]
    );
}

#[test]
fn glob_leaves_named_files_alone_and_bad_globs_are_usage_errors() {
    let dir = glob_tree();
    let readme = dir.path().join("README.md");
    let r = run(byline().args(["-g", "*.txt"]).arg(&readme));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        json_lines(&r.stdout).len(),
        1,
        "a named file is always read"
    );
    let r = run(byline().args(["-r", "-g", "a[b"]).arg(dir.path()));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--glob 'a[b': unclosed"), "{}", r.stderr);
}

#[test]
fn a_walk_does_not_read_its_own_output() {
    let dir = glob_tree();
    let root = dir.path();
    let out = root.join("out.jsonl");
    for round in 0..2 {
        let r = run(byline().arg("-r").arg(root).arg("-o").arg(&out));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let lines = json_lines(&std::fs::read_to_string(&out).unwrap());
        assert_eq!(
            lines.len(),
            4,
            "round {round}: the four articles, not out.jsonl"
        );
        assert!(lines.iter().all(|l| !path_of(l).ends_with("out.jsonl")));
        if round == 1 {
            let note = format!(
                "byline: {}: skipped: it is this run's output file",
                out.display()
            );
            assert!(r.stderr.contains(&note), "{}", r.stderr);
        }
    }
    // Standard output redirected into the walked tree: skipped too, as ripgrep does.
    let redirected = root.join("stdout.jsonl");
    let file = std::fs::File::create(&redirected).unwrap();
    let status = std::process::Command::new(assert_cmd::cargo::cargo_bin("byline"))
        .args(["-r", "-q"])
        .arg(root)
        .stdout(file)
        .status()
        .unwrap();
    assert!(status.success());
    let lines = json_lines(&std::fs::read_to_string(&redirected).unwrap());
    let paths: Vec<&str> = lines.iter().map(path_of).collect();
    assert_eq!(
        paths.len(),
        5,
        "{paths:?}: the articles and out.jsonl, not itself"
    );
    assert!(!paths.iter().any(|p| p.ends_with("stdout.jsonl")));
}

#[test]
fn help_and_readme_list_the_columns_each_table_has() {
    let help = run(byline().arg("--help")).stdout.replace("\n", " ");
    let readme = std::fs::read_to_string("README.md")
        .unwrap()
        .replace('\n', " ");
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (help, readme) = (squeeze(&help), squeeze(&readme));
    for table in ["quotes", "entities", "claims"] {
        let r = run(byline().args(["--table", table]).write_stdin(""));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let columns = r
            .stdout
            .trim_end()
            .split('\t')
            .collect::<Vec<_>>()
            .join(", ");
        assert!(
            help.contains(&format!(": {columns} ")),
            "--help for {table}: {columns}"
        );
        assert!(
            readme.contains(&format!("`{table}` ({columns})")),
            "README for {table}: {columns}"
        );
    }
}
