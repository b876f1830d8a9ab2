//! End-to-end tests of the `byline` command: inputs (files, stdin, `-`, JSON Lines),
//! output formats and framing, failures and exit codes, limits and broken pipes.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

mod common;

use assert_cmd::Command;
use common::{json_lines, run, spawn_piped};
use serde_json::Value;

const SEED: &str = "fixtures/seed-article.txt";

fn byline() -> Command {
    let mut cmd = Command::cargo_bin("byline").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn analyses_a_file_as_compact_json() {
    let r = run(byline().arg(SEED));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.lines().count(),
        1,
        "compact when stdout is not a terminal"
    );
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["source"]["path"], SEED);
    assert_eq!(json["stats"]["paragraphs"], 35);
    assert_eq!(json["paragraphs"].as_array().unwrap().len(), 35);
    assert!(r.stderr.is_empty(), "{}", r.stderr);
}

#[test]
fn pretty_flag_forces_indentation() {
    let r = run(byline().args(["--pretty", SEED]));
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.starts_with("{\n  \"schema_version\": 1,"),
        "{}",
        &r.stdout[..40]
    );
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["stats"]["paragraphs"], 35);
}

#[test]
fn reads_stdin_without_file_and_with_dash() {
    for args in [&[][..], &["-"][..]] {
        let r = run(byline()
            .args(args)
            .write_stdin("The mayor resigned on Tuesday. Nobody was surprised."));
        assert_eq!(r.code, 0, "{}", r.stderr);
        let json: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(json["source"]["path"], "-");
        assert_eq!(json["stats"]["sentences"], 2);
        assert_eq!(json["sentences"][1]["text"], "Nobody was surprised.");
    }
}

#[test]
fn several_files_give_json_lines_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_file(dir.path(), "a.txt", b"First article. It is short.");
    let b = write_file(dir.path(), "b.txt", b"Second article.");
    let r = run(byline().arg(&a).arg(&b).arg(&a));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = json_lines(&r.stdout);
    let paths: Vec<&str> = lines
        .iter()
        .map(|l| l["source"]["path"].as_str().unwrap())
        .collect();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    assert_eq!(paths, [a, b, a]);
    assert_eq!(lines[0]["stats"]["sentences"], 2);
}

#[test]
fn format_json_with_several_inputs_is_an_array() {
    let r = run(byline().args(["-f", "json", SEED, SEED]));
    assert_eq!(r.code, 0);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2);
}

#[test]
fn missing_file_among_good_ones_exits_1_and_prints_the_others() {
    let r = run(byline().args([SEED, "no-such-file.txt", SEED]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .starts_with("byline: no-such-file.txt: No such file or directory"),
        "{}",
        r.stderr
    );
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 3, "error line keeps the alignment");
    assert_eq!(lines[0]["source"]["path"], SEED);
    assert_eq!(lines[1]["path"], "no-such-file.txt");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["stats"]["paragraphs"], 35);
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bin = write_file(dir.path(), "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let r = run(byline().arg(&bin));
    assert_eq!(r.code, 2, "nothing could be analysed");
    assert!(r.stdout.is_empty());
    let expected = format!("byline: {}: binary data", bin.display());
    assert!(r.stderr.starts_with(&expected), "{}", r.stderr);
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let r = run(byline().write_stdin(&b"Caf\xe9 owners protested. They won."[..]));
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.contains("byline: -: warning: invalid UTF-8"),
        "{}",
        r.stderr
    );
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(json["warnings"][0]
        .as_str()
        .unwrap()
        .contains("invalid UTF-8"));
    assert!(json["sentences"][0]["text"]
        .as_str()
        .unwrap()
        .contains('\u{FFFD}'));
}

#[test]
fn empty_input_is_a_valid_empty_analysis() {
    let r = run(byline().write_stdin(""));
    assert_eq!(r.code, 0);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["stats"]["characters"], 0);
    for section in ["paragraphs", "sentences", "quotes", "entities", "claims"] {
        assert_eq!(json[section], Value::Array(vec![]), "{section}");
    }
}

#[test]
fn jsonl_input_keeps_ids_meta_and_order() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"One. Two.\", \"outlet\": \"Skai\"}\n",
        "{\"id\": 2, \"text\": \"Three.\"}\n",
    );
    let r = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin(input));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"]["id"], "a");
    assert_eq!(lines[0]["source"]["meta"]["outlet"], "Skai");
    assert_eq!(lines[0]["stats"]["sentences"], 2);
    assert_eq!(lines[1]["source"]["id"], 2);
}

#[test]
fn jsonl_bad_records_are_reported_with_line_numbers() {
    let input = concat!(
        "{\"id\": 1, \"text\": \"Fine.\"}\n",
        "{oops\n",
        "{\"id\": 3, \"body\": \"no text field\"}\n",
        "{\"id\": 4, \"text\": \"Also fine.\"}\n",
    );
    let r = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin(input));
    assert_eq!(r.code, 1);
    let lines = json_lines(&r.stdout);
    let ids: Vec<&Value> = lines
        .iter()
        .map(|l| l.get("error").map_or(&l["source"]["id"], |_| &l["id"]))
        .collect();
    assert_eq!(
        ids,
        [
            &Value::from(1),
            &Value::Null,
            &Value::from(3),
            &Value::from(4)
        ]
    );
    assert_eq!(lines[1]["line"], 2);
    assert!(
        r.stderr.contains("byline: -:2: invalid JSON"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("byline: -:3: the record has no \"text\""),
        "{}",
        r.stderr
    );
}

#[test]
fn only_prints_the_chosen_sections() {
    let r = run(byline().args(["--only", "sentences,claims", SEED]));
    assert_eq!(r.code, 0);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "claims",
            "schema_version",
            "sentences",
            "source",
            "stats",
            "warnings"
        ]
    );
    let r = run(byline().args(["--only", "speakers", SEED]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unknown section"), "{}", r.stderr);
}

#[test]
fn broken_pipe_ends_quietly() {
    // Enough output to fill the pipe buffer, then the reader goes away, as with `| head`.
    let mut child = spawn_piped(&[SEED; 40]);
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn broken_pipe_through_a_shell_pipeline() {
    let bin = assert_cmd::cargo::cargo_bin("byline");
    let script = format!(
        "set -o pipefail; '{}' {} | head -c 100 > /dev/null",
        bin.display(),
        [SEED; 40].join(" ")
    );
    let r = run(Command::new("bash").args(["-c", &script]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
}

#[test]
fn directory_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(byline().arg(dir.path()));
    assert_eq!(r.code, 2);
    let expected = format!("byline: {}: is a directory", dir.path().display());
    assert!(r.stderr.starts_with(&expected), "{}", r.stderr);
}

#[test]
fn max_bytes_refuses_larger_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let big = write_file(dir.path(), "big.txt", "Words here. ".repeat(200).as_bytes());
    let r = run(byline().args(["--max-bytes", "1K"]).arg(&big));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("over the limit of 1024 bytes"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--max-bytes"), "{}", r.stderr);

    let r = run(byline()
        .args(["--max-bytes", "100"])
        .write_stdin("x ".repeat(100)));
    assert_eq!(r.code, 2, "stdin is read with the same limit");

    let small = format!("{{\"id\":1,\"text\":\"{}\"}}\n", "y");
    let large = format!("{{\"id\":2,\"text\":\"{}\"}}\n", "y ".repeat(100));
    let r = run(byline()
        .args(["--input-format", "jsonl", "--max-bytes", "100"])
        .write_stdin(format!("{small}{large}{small}")));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("--max-bytes"));

    let r = run(byline().args(["--max-bytes", "lots", SEED]));
    assert_eq!(r.code, 2, "a bad size is a usage error");
}

#[test]
fn text_format_is_a_readable_report_without_colour_in_a_pipe() {
    let r = run(byline().args(["-f", "text", SEED]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with(SEED), "{}", r.stdout);
    assert!(r.stdout.contains("1018 words") || r.stdout.contains(" words · "));
    assert!(r.stdout.contains("35 paragraphs"));
    assert!(r.stdout.contains("Escalation of war"));
    for title in [
        "Paragraphs (",
        "Sentences (",
        "Speakers (",
        "Quotes (",
        "Entities (",
        "Claims (",
    ] {
        assert!(r.stdout.contains(title), "{title}");
    }
    assert!(!r.stdout.contains('\x1b'));
    assert!(r
        .stdout
        .lines()
        .all(|l| l.chars().count() <= 80 || !l.contains(' ')));
}

#[test]
fn output_option_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let r = run(byline().arg("-o").arg(&out).arg(SEED));
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(json["stats"]["paragraphs"], 35);

    let r = run(byline().args(["-o", "/no/such/dir/out.json", SEED]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.starts_with("byline: /no/such/dir/out.json: "),
        "{}",
        r.stderr
    );
}

#[test]
fn help_shows_examples_and_exit_codes_and_version_works() {
    let r = run(byline().arg("--help"));
    assert_eq!(r.code, 0);
    for needle in [
        "Examples:",
        "byline -f text article.txt",
        "Exit status:",
        "--max-bytes",
    ] {
        assert!(r.stdout.contains(needle), "{needle} missing from help");
    }
    let r = run(byline().arg("--version"));
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout.trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn output_is_deterministic_across_runs_and_jobs() {
    let first = run(byline().args([SEED, SEED, SEED]));
    let second = run(byline().args([SEED, SEED, SEED]));
    assert_eq!(first.stdout, second.stdout);
    let r = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin("{\"text\":\"A.\"}\n"));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn several_text_reports_are_separated_by_a_blank_line() {
    let r = run(byline().args(["-f", "text", "--only", "quotes", SEED, SEED]));
    assert_eq!(r.code, 0);
    let starts: Vec<usize> = r.stdout.match_indices(SEED).map(|(i, _)| i).collect();
    assert_eq!(starts.len(), 2, "{}", r.stdout);
    assert_eq!(&r.stdout[starts[1] - 2..starts[1]], "\n\n");
    assert!(
        !r.stdout.contains("Paragraphs ("),
        "--only applies to text too"
    );
}

#[test]
fn crlf_offsets_index_the_original_text() {
    let text = "Storm closes schools\r\nThe city closed them. Parents agreed.\r\n";
    let r = run(byline().write_stdin(text));
    assert_eq!(r.code, 0);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for sentence in json["sentences"].as_array().unwrap() {
        let start = sentence["start"].as_u64().unwrap() as usize;
        let end = sentence["end"].as_u64().unwrap() as usize;
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, sentence["text"].as_str().unwrap());
        assert!(!slice.contains('\r'));
    }
    assert_eq!(json["stats"]["sentences"], 3);
}

#[test]
fn output_naming_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read(SEED).unwrap();
    let input = write_file(dir.path(), "article.txt", &article);
    let other_name = dir.path().join(".").join("article.txt");
    for output in [&input, &other_name] {
        let r = run(byline().arg("-o").arg(output).arg(&input));
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.contains("is also the output file") && r.stderr.contains("elsewhere"),
            "{}",
            r.stderr
        );
        assert_eq!(std::fs::read(&input).unwrap(), article, "byte-identical");
    }
    // Standard output redirected into an input: refused too (`>>` would read what it writes).
    let appended = std::fs::OpenOptions::new()
        .append(true)
        .open(&input)
        .unwrap();
    let output = StdCommand::new(assert_cmd::cargo::cargo_bin("byline"))
        .arg(&input)
        .stdout(appended)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("is also standard output"));
    assert_eq!(std::fs::read(&input).unwrap(), article);
}

#[test]
fn a_failing_run_leaves_an_existing_output_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let out = write_file(dir.path(), "out.json", b"{\"kept\": true}\n");
    let r = run(byline().arg("-o").arg(&out).arg("missing.txt"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing.txt: No such file"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("out.json: not written"), "{}", r.stderr);
    assert_eq!(std::fs::read(&out).unwrap(), b"{\"kept\": true}\n");
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left behind");

    // A run with some failures (exit 1) still writes what it analysed.
    let r = run(byline().arg("-o").arg(&out).args([SEED, "missing.txt"]));
    assert_eq!(r.code, 1);
    let lines = json_lines(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["source"]["path"], SEED);
}

#[test]
fn max_bytes_takes_decimal_sizes_and_explains_bad_ones() {
    let r = run(byline().args(["--max-bytes", "1.5K", SEED]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("over the limit of 1536 bytes"),
        "{}",
        r.stderr
    );
    let r = run(byline().args(["--max-bytes", "6.5K", SEED]));
    assert_eq!(r.code, 0, "6656 bytes is enough for the seed: {}", r.stderr);
    let r = run(byline().args(["--max-bytes", "1,5K", SEED]));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("'1,5K' is not a size: use a number of bytes"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_bad_json_record_says_what_was_expected() {
    let r = run(byline()
        .args(["--input-format", "jsonl"])
        .write_stdin("not json\n[1]\n{\"id\": 3}\n"));
    assert_eq!(r.code, 2);
    let expected = "each line should be a JSON object with a \"text\" string";
    for (line, problem) in [
        (1, "invalid JSON at column 2"),
        (2, "found a JSON array"),
        (3, "the record has no \"text\" field"),
    ] {
        let message = format!("byline: -:{line}: {problem}: {expected}");
        assert!(r.stderr.contains(&message), "{message}\n{}", r.stderr);
    }
}

#[test]
fn options_that_would_be_ignored_are_usage_errors() {
    for (args, says) in [
        (
            &["--summary", "--only", "quotes"][..],
            "--only does not apply",
        ),
        (&["--top", "3"][..], "add --summary"),
        (
            &["-f", "tsv", "--table", "quotes", "--only", "quotes"][..],
            "--only does not apply to tables",
        ),
        (&["-f", "tsv"][..], "add --table"),
        (
            &["-f", "json", "--table", "quotes"][..],
            "--table prints tsv or csv, not json",
        ),
        (&["--summary", "--table", "claims"][..], "not a table"),
        (&["-f", "text", "--pretty"][..], "--pretty applies to JSON"),
    ] {
        let r = run(byline().args(args).arg(SEED));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(says), "{args:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    let r = run(byline().args(["--summary", "--top", "2", SEED]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let summary: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(summary["top_speakers"].as_array().unwrap().len(), 2);
}

#[test]
fn table_implies_tab_separated_values() {
    let implied = run(byline().args(["--table", "claims", SEED]));
    let explicit = run(byline().args(["-f", "tsv", "--table", "claims", SEED]));
    assert_eq!(implied.code, 0, "{}", implied.stderr);
    assert!(implied.stdout.starts_with("path\tid\tstart\tend\tkind\t"));
    assert_eq!(implied.stdout, explicit.stdout);
}

/// An article that tries to retitle (OSC 0 … BEL) and clear (CSI 2J) the terminal.
const HOSTILE: &str = "Markets \x1b]0;pwned\x07fall\n\n“We \x1b[2Jlost \u{202e}everything,” said Ann Lee. Shares fell 5%.\x1b[2J";

#[test]
fn text_and_tables_never_send_control_characters_but_json_stays_exact() {
    let is_bad = |c: char| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202e}';
    let text = run(byline().args(["-f", "text"]).write_stdin(HOSTILE));
    assert_eq!(text.code, 0);
    assert!(!text.stdout.contains(is_bad), "{:?}", text.stdout);
    assert!(
        text.stdout.contains("\\u{1b}]0;pwned\\u{7}"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout.contains("\\u{1b}[2Jlost \\u{202e}everything"),
        "{}",
        text.stdout
    );
    for table in ["quotes", "claims", "entities"] {
        for format in ["tsv", "csv"] {
            let r = run(byline()
                .args(["-f", format, "--table", table])
                .write_stdin(HOSTILE));
            assert_eq!(r.code, 0);
            assert!(
                !r.stdout.contains(is_bad),
                "{format} {table}: {:?}",
                r.stdout
            );
        }
    }
    let quotes = run(byline().args(["--table", "quotes"]).write_stdin(HOSTILE));
    assert!(
        quotes.stdout.contains("\\u{1b}[2Jlost"),
        "{}",
        quotes.stdout
    );
    let json = run(byline().write_stdin(HOSTILE));
    let report: Value = serde_json::from_str(&json.stdout).unwrap();
    let quote = report["quotes"][0]["text"].as_str().unwrap();
    assert!(
        quote.contains("\x1b[2Jlost \u{202e}everything"),
        "{quote:?}"
    );
    assert_eq!(
        report["sentences"][0]["text"],
        "Markets \x1b]0;pwned\x07fall"
    );
}

#[test]
fn file_names_in_messages_cannot_steer_the_terminal() {
    let r = run(byline().arg("missing\x1b[2J.txt"));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("missing\\u{1b}[2J.txt: No such file"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains('\x1b'));
}

#[test]
fn jsonl_output_lines_carry_their_input_line_numbers() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"One.\"}\n",
        "\n",
        "{oops\n",
        "{\"text\": \"Four.\"}\n",
        "   \n",
        "{\"id\": \"f\", \"text\": \"Six.\"}\n",
    );
    let r = run(byline()
        .args(["--input-format", "jsonl", "-j", "3"])
        .write_stdin(input));
    assert_eq!(r.code, 1, "blank lines and bad records are failures");
    let lines = json_lines(&r.stdout);
    assert_eq!(lines.len(), 6, "one output line per input line");
    for (i, line) in lines.iter().enumerate() {
        let number = line
            .get("error")
            .map_or(&line["source"]["line"], |_| &line["line"]);
        assert_eq!(number, &Value::from(i + 1), "{line}");
    }
    assert_eq!(lines[5]["source"]["id"], "f");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .starts_with("a blank line"));
    assert!(
        r.stderr.contains("byline: -:5: a blank line"),
        "{}",
        r.stderr
    );
    // A file read whole has no line.
    let r = run(byline().arg(SEED));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(report["source"]["line"], Value::Null);
}

fn text_view(args: &[&str]) -> String {
    let r = run(byline().args(["-f", "text"]).args(args));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn color_is_chosen_with_the_flag_and_no_color() {
    assert!(text_view(&["--color", "always", SEED]).contains("\x1b[1;36mSpeakers\x1b[0m"));
    assert!(!text_view(&["--color", "never", SEED]).contains('\x1b'));
    assert!(!text_view(&[SEED]).contains('\x1b'), "auto: not a terminal");
    let forced = run(byline()
        .env("NO_COLOR", "1")
        .args(["-f", "text", "--color", "always", SEED]));
    assert!(
        forced.stdout.contains('\x1b'),
        "the flag wins over NO_COLOR"
    );
    let summary = run(byline().args(["--summary", "-f", "text", "--color", "always", SEED]));
    assert!(summary.stdout.contains("\x1b[1;36mTop speakers\x1b[0m"));
    let r = run(byline().args(["--color", "sometimes", SEED]));
    assert_eq!(r.code, 2);
}

#[test]
fn each_speaker_keeps_one_colour_and_quote_kinds_have_theirs() {
    let coloured = text_view(&["--color", "always", SEED]);
    let painted = |name: &str| -> BTreeSet<String> {
        coloured
            .match_indices(&format!("m{name}\x1b[0m"))
            .map(|(at, _)| {
                let start = coloured[..at].rfind('\x1b').unwrap();
                coloured[start..at].to_string()
            })
            .collect()
    };
    let trump = painted("Donald Trump");
    let zelensky = painted("Volodymyr Zelensky");
    assert_eq!(trump.len(), 1, "{trump:?}");
    assert_eq!(zelensky.len(), 1, "{zelensky:?}");
    assert_ne!(trump, zelensky);
    assert!(coloured.contains("m[partial]\x1b[0m") && coloured.contains("m[scare]\x1b[0m"));
    // Colour codes take no room: lines stay within the width.
    for line in coloured.lines() {
        let shown: String = line
            .split('\x1b')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('m').map_or("", |(_, rest)| rest)
                }
            })
            .collect();
        assert!(
            shown.chars().count() <= 80 || !shown.trim().contains(' '),
            "{shown:?}"
        );
    }
}

/// The `Speakers` lines of a text view: (name, utterances).
fn speaker_lines(view: &str) -> Vec<(String, u64)> {
    let section = view.split("\nSpeakers (").nth(1).unwrap();
    let section = section.split("\n\n").next().unwrap();
    let joined = section.replace("\n    ", " ");
    joined
        .lines()
        .filter_map(|line| line.strip_prefix("  - "))
        .map(|line| {
            let (name, rest) = line.split_once(": ").unwrap();
            let n = rest.split(' ').next().unwrap().parse().unwrap();
            (name.to_string(), n)
        })
        .collect()
}

#[test]
fn speakers_count_utterances_as_the_json_groups_them_and_summary_agrees() {
    let view = text_view(&[SEED]);
    let speakers = speaker_lines(&view);
    let report: Value = serde_json::from_str(&run(byline().arg(SEED)).stdout).unwrap();
    let mut groups: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for quote in report["quotes"].as_array().unwrap() {
        let name = quote["speaker"]["name"].as_str().unwrap_or("(no speaker)");
        groups
            .entry(name.into())
            .or_default()
            .insert(quote["group"].as_u64().unwrap());
    }
    assert_eq!(speakers.len(), groups.len(), "{view}");
    for (name, utterances) in &speakers {
        assert_eq!(groups[name].len() as u64, *utterances, "{name}");
    }
    let named: Vec<u64> = speakers
        .iter()
        .filter(|s| s.0 != "(no speaker)")
        .map(|s| s.1)
        .collect();
    assert!(
        named.windows(2).all(|w| w[0] >= w[1]),
        "most quoted first: {speakers:?}"
    );
    assert_eq!(speakers[0].0, "Donald Trump");
    assert!(view.contains("  - Donald Trump: 7 utterances, "), "{view}");
    assert!(view.contains(" words quoted (US president)"), "{view}");
    let total: usize = groups.values().map(BTreeSet::len).sum();
    assert!(
        view.contains(&format!("\nQuotes ({total})\n")),
        "one count everywhere"
    );

    let summary = run(byline().args(["--summary", SEED]));
    let summary: Value = serde_json::from_str(&summary.stdout).unwrap();
    assert_eq!(summary["quotes"], total);
    for ranked in summary["top_speakers"].as_array().unwrap() {
        let name = ranked["name"].as_str().unwrap();
        assert_eq!(ranked["quotes"], groups[name].len(), "{name}");
    }
}

#[test]
fn claims_show_their_subject_and_claimant() {
    let view = text_view(&["--only", "claims", SEED]);
    assert!(view.contains("  - count: two (leaders)\n"), "{view}");
    assert!(
        view.contains(
            "  - percent: about 1% (Ukraine) [approximate] — according to Vladimir Putin\n"
        ),
        "{view}"
    );
}

#[test]
fn counts_have_their_plural_forms() {
    let r = run(byline()
        .args(["-f", "text"])
        .write_stdin("Storm hits\n\nIt rained all day."));
    assert!(
        r.stdout.contains("\n  - 1 body, 1 heading\n"),
        "{}",
        r.stdout
    );
    let r = run(byline().args(["-f", "text"]).write_stdin("It rained."));
    assert!(
        r.stdout
            .contains("\n2 words · 1 sentence · 1 paragraph · about 1 minute to read\n"),
        "{}",
        r.stdout
    );
    let empty = run(byline().args(["-f", "text"]).write_stdin(""));
    assert!(
        empty
            .stdout
            .contains("\n0 words · 0 sentences · 0 paragraphs\n"),
        "{}",
        empty.stdout
    );
    assert!(!empty.stdout.contains("to read"), "{}", empty.stdout);
    let summary = run(byline().args(["--summary", "-f", "text", SEED]));
    assert!(
        summary
            .stdout
            .starts_with("1 article analysed, 0 failed · 1018 words"),
        "{}",
        summary.stdout
    );
}
