//! Property tests of the reader and the import: whatever mix of good, broken, duplicate and
//! blank rows an export holds, every row read is either a response or a reported refusal (never
//! both, never neither), and storing then re-storing it adds exactly the responses once.

use std::path::Path;

use proptest::prelude::*;

use curva::domain::Source;
use curva::ingest::{ReadOptions, read_survey};

#[derive(Debug, Clone)]
enum Row {
    /// A response: stage index (one past the list is a stage the journey does not know),
    /// rating (0 = no answer), comment.
    Good {
        stage: usize,
        rating: u8,
        comment: String,
    },
    /// A repeat of an earlier response id.
    Duplicate,
    /// One field too many or too few.
    Ragged { extra: bool },
    /// Delimiters only.
    Empty,
    /// A truly blank line: starts no record at all.
    Blank,
    /// A comment with bytes that are not UTF-8: imported, with a warning.
    BadBytes,
}

const STAGES: &[&str] = &[
    "Descubrimiento",
    "Compra",
    "envío",
    "Posventa",
    "Etapa rara",
];

fn comment() -> impl Strategy<Value = String> {
    // Words, punctuation CSV must quote, line breaks and accents.
    prop::collection::vec(
        prop::sample::select(vec![
            "muy",
            "bien",
            "mal",
            "pedido",
            "\"tarde\"",
            "a,b",
            "x;y",
            "\n",
            "ñandú",
            "no",
            "great",
            "",
            "  ",
        ]),
        0..8,
    )
    .prop_map(|w| w.join(" "))
}

fn row() -> impl Strategy<Value = Row> {
    prop_oneof![
        6 => (0..STAGES.len(), 0u8..6, comment())
            .prop_map(|(stage, rating, comment)| Row::Good { stage, rating, comment }),
        1 => Just(Row::Duplicate),
        1 => any::<bool>().prop_map(|extra| Row::Ragged { extra }),
        1 => Just(Row::Empty),
        1 => Just(Row::Blank),
        1 => Just(Row::BadBytes),
    ]
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The file, and what a correct reader must find: rows read, responses imported.
fn export(rows: &[Row]) -> (Vec<u8>, u64, u64) {
    let mut out = b"ID,Etapa,Satisfacci\xc3\xb3n (1-5),Comentario\n".to_vec();
    let (mut read, mut imported) = (0, 0);
    let mut ids = 0;
    for r in rows {
        let line = match r {
            Row::Good {
                stage,
                rating,
                comment,
            } => {
                ids += 1;
                imported += 1;
                let rating = if *rating == 0 {
                    String::new()
                } else {
                    rating.to_string()
                };
                format!(
                    "R{ids},{},{rating},{}\n",
                    quote(STAGES[*stage]),
                    quote(comment)
                )
                .into_bytes()
            }
            Row::Duplicate if ids > 0 => format!("R{ids},Compra,3,otra vez\n").into_bytes(),
            Row::Duplicate => continue,
            Row::Ragged { extra: true } => b"Z1,Compra,3,bien,sobra\n".to_vec(),
            Row::Ragged { extra: false } => b"Z2,Compra\n".to_vec(),
            Row::Empty => b",,,\n".to_vec(),
            Row::Blank => {
                out.extend_from_slice(b"\n");
                continue;
            }
            Row::BadBytes => {
                ids += 1;
                imported += 1;
                format!("R{ids},Compra,4,")
                    .into_bytes()
                    .into_iter()
                    .chain(b"caf\xe9 rico\n".iter().copied())
                    .collect()
            }
        };
        read += 1;
        out.extend_from_slice(&line);
    }
    (out, read, imported)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn every_row_read_is_a_response_or_a_reported_refusal(rows in prop::collection::vec(row(), 1..40)) {
        let (bytes, read, imported) = export(&rows);
        prop_assume!(read > 0);
        let file = read_survey(bytes.as_slice(), Path::new("prop.csv"), Source::Customer);
        let file = match file {
            Ok(f) => f,
            // A file whose only rows were refused before any response still reads; an error
            // here would be a bug.
            Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
        };
        let skipped = file.skipped() as u64;
        prop_assert_eq!(file.rows_read, read);
        prop_assert_eq!(file.responses.len() as u64, imported);
        prop_assert_eq!(file.info.responses + skipped, file.rows_read);
        // One refusal per refused row, each on its own physical line.
        let mut lines: Vec<u64> = file.problems.iter()
            .filter(|p| p.severity == curva::ingest::survey::Severity::Skipped)
            .map(|p| p.line)
            .collect();
        lines.sort_unstable();
        lines.dedup();
        prop_assert_eq!(lines.len() as u64, skipped);
        let physical = bytes.iter().filter(|&&b| b == b'\n').count() as u64;
        prop_assert!(lines.iter().all(|&l| l >= 2 && l <= physical));
    }
}

proptest! {
    // Each case imports into a new SQLite file twice: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn storing_twice_adds_each_response_once(rows in prop::collection::vec(row(), 1..30)) {
        let (bytes, read, imported) = export(&rows);
        prop_assume!(read > 0 && imported > 0);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("prop.csv");
        std::fs::write(&path, &bytes).unwrap();
        let journey_text = curva::demo::JOURNEY;
        let journey = curva::ingest::journey_file::parse_journey(journey_text).unwrap();
        let url = curva::store::DbUrl::parse(&format!("sqlite://{}", dir.path().join("p.db").display())).unwrap();
        let (db, _) = curva::store::Db::open(&url, curva::store::OpenMode::Create).unwrap();
        let files = [curva::app::ImportSource::file(path, Source::Customer)];
        let options = ReadOptions { journey: Some(&journey), ..ReadOptions::default() };
        let first = curva::app::import(&db, &journey, journey_text, &files, options, &mut |_| {}).unwrap();
        prop_assert_eq!(first[0].inserted as u64, imported);
        prop_assert_eq!(first[0].inserted as u64 + first[0].info.skipped() as u64, read);
        let again = curva::app::import(&db, &journey, journey_text, &files, options, &mut |_| {}).unwrap();
        prop_assert_eq!(again[0].inserted, 0);
        prop_assert_eq!(again[0].duplicates as u64, imported);
    }
}
