//! Flat tables for spreadsheets and data frames (`--format tsv|csv --table ...`): one row
//! per quotation, entity or claim, each row starting with the input's path and id so rows
//! from many articles can be told apart. Fields are quoted as RFC 4180 says (wrapped in
//! double quotes, inner quotes doubled) whenever they hold the delimiter, a quote or a line
//! break, so pandas' `read_csv(sep="\t")` and spreadsheets load them unchanged. Control
//! characters that could steer a terminal are written as visible escapes
//! ([`byline::summary::visible`]): a table is often read with `cat` or `column`.

use byline::summary::visible;
use byline::{Analysis, ClaimReport, EntityReport, QuoteReport};
use serde_json::Value;

use super::args::Table;

/// The column names of `table`.
pub fn header(table: Table) -> &'static [&'static str] {
    match table {
        Table::Quotes => &[
            "path", "id", "start", "end", "kind", "speaker", "cue", "text",
        ],
        Table::Entities => &[
            "path",
            "id",
            "entity",
            "name",
            "type",
            "mentions",
            "aliases",
            "roles",
            "affiliation",
        ],
        Table::Claims => &[
            "path",
            "id",
            "start",
            "end",
            "kind",
            "value",
            "value_max",
            "unit",
            "qualifier",
            "claimant",
            "subject",
            "text",
        ],
    }
}

/// The rows of `table` for one analysis.
pub fn rows(analysis: &Analysis, table: Table) -> Vec<Vec<String>> {
    let path = analysis.source.path.clone();
    let id = id_field(analysis.source.id.as_ref());
    let lead = |mut rest: Vec<String>| {
        let mut row = vec![path.clone(), id.clone()];
        row.append(&mut rest);
        row
    };
    match table {
        Table::Quotes => analysis.quotes.iter().map(quote_row).map(lead).collect(),
        Table::Entities => analysis.entities.iter().map(entity_row).map(lead).collect(),
        Table::Claims => analysis.claims.iter().map(claim_row).map(lead).collect(),
    }
}

fn quote_row(q: &QuoteReport) -> Vec<String> {
    vec![
        q.start.to_string(),
        q.end.to_string(),
        q.kind.to_string(),
        q.speaker
            .as_ref()
            .map(|s| s.name.to_string())
            .unwrap_or_default(),
        q.cue
            .as_ref()
            .map(|c| c.text.to_string())
            .unwrap_or_default(),
        q.text.to_string(),
    ]
}

fn entity_row(e: &EntityReport) -> Vec<String> {
    vec![
        e.id.to_string(),
        e.name.to_string(),
        e.entity_type.to_string(),
        e.mention_count.to_string(),
        e.aliases.join("; "),
        e.roles.join("; "),
        e.affiliation
            .as_ref()
            .map(|a| a.name.to_string())
            .unwrap_or_default(),
    ]
}

fn claim_row(c: &ClaimReport) -> Vec<String> {
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    vec![
        c.start.to_string(),
        c.end.to_string(),
        c.kind.to_string(),
        number(c.value),
        number(c.value_max),
        c.unit.clone().unwrap_or_default(),
        c.qualifier.map_or("", |q| q.as_str()).to_string(),
        c.claimant
            .as_ref()
            .map(|e| e.name.to_string())
            .unwrap_or_default(),
        c.subject
            .as_ref()
            .map(|s| s.text.to_string())
            .unwrap_or_default(),
        c.text.to_string(),
    ]
}

/// A record id as a cell: strings bare, null empty, anything else as JSON.
fn id_field(id: Option<&Value>) -> String {
    match id {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// One line: the fields joined by `delimiter`, quoted where needed, ending in "\n".
pub fn line<S: AsRef<str>>(fields: &[S], delimiter: char) -> String {
    let mut out = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(delimiter);
        }
        push_field(&mut out, field.as_ref(), delimiter);
    }
    out.push('\n');
    out
}

fn push_field(out: &mut String, field: &str, delimiter: char) {
    let field = visible(field);
    let needs_quotes = field
        .chars()
        .any(|c| c == delimiter || c == '"' || c == '\n' || c == '\r');
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_are_not_quoted() {
        assert_eq!(line(&["a", "b c", "1"], '\t'), "a\tb c\t1\n");
    }

    #[test]
    fn delimiters_quotes_and_newlines_are_quoted() {
        assert_eq!(
            line(&["tab\there", "say \"hi\"", "two\nlines", "a,b"], '\t'),
            "\"tab\there\"\t\"say \"\"hi\"\"\"\t\"two\nlines\"\ta,b\n"
        );
        assert_eq!(line(&["a,b", "c"], ','), "\"a,b\",c\n");
    }

    #[test]
    fn control_characters_are_escaped_and_line_breaks_quoted() {
        assert_eq!(
            line(&["\x1b]0;x\x07", "a\r\nb", "c\rd"], '\t'),
            "\\u{1b}]0;x\\u{7}\t\"a\r\nb\"\tc\\u{d}d\n"
        );
    }

    #[test]
    fn rows_start_with_path_and_id_and_match_the_header() {
        let text = "“We will win,” Maria Lopez said. The company lost 5% of its value.";
        let mut analysis = byline::analyze(text, &byline::Options::default());
        analysis.source.id = Some(Value::from(7));
        for table in [Table::Quotes, Table::Entities, Table::Claims] {
            for row in rows(&analysis, table) {
                assert_eq!(row.len(), header(table).len(), "{table:?}");
                assert_eq!(row[0], "-");
                assert_eq!(row[1], "7");
            }
        }
    }

    #[test]
    fn ids_render_as_cells() {
        assert_eq!(id_field(None), "");
        assert_eq!(id_field(Some(&Value::from("x1"))), "x1");
        assert_eq!(id_field(Some(&Value::from(3))), "3");
    }
}
