//! Any bytes, read as a survey export (a CSV, or an .xlsx when they start like a ZIP): the
//! reader must never panic, and when it accepts a file every row it read is either a response
//! or a reported refusal.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

use curva::domain::Source;
use curva::ingest::read_survey;

fuzz_target!(|data: &[u8]| {
    let name = if data.starts_with(b"PK\x03\x04") { "fuzz.xlsx" } else { "fuzz.csv" };
    if let Ok(file) = read_survey(data, Path::new(name), Source::Customer) {
        assert_eq!(
            file.info.responses + file.skipped() as u64,
            file.rows_read,
            "rows read must be imported or refused"
        );
        // A long export's answer rows are grouped, never lost or invented.
        assert_eq!(file.responses.len() as u64, file.handed_on);
        assert!(file.handed_on <= file.info.responses);
    }
    // Dates and journey files come from users too.
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = curva::ingest::dates::to_iso(text, curva::ingest::dates::DateOrder::Dmy);
        let _ = curva::ingest::journey_file::parse_journey(text);
    }
});
