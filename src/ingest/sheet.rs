//! Excel workbooks (`.xlsx`, Microsoft Forms' native export), read with calamine. The first
//! worksheet becomes the same records a CSV gives, each tied to its spreadsheet row number (what
//! Excel shows), so everything after this point is shared with CSV exports. Cells are written
//! as text the way Excel shows them: dates and times as `YYYY-MM-DD HH:MM:SS`, whole numbers
//! without a decimal point.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::IngestError;

/// The first worksheet's name and its non-empty rows with their row numbers.
pub struct SheetRecords {
    pub sheet: String,
    pub rows: Vec<(csv::ByteRecord, u64)>,
}

pub fn read_first_sheet(bytes: Vec<u8>, path: &Path) -> Result<SheetRecords, IngestError> {
    let not_readable = |why: String| IngestError::NotASurvey {
        path: path.to_owned(),
        message: format!("this looks like an Excel workbook but cannot be read: {why}"),
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_readable(e.to_string()))?;
    let sheet = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| not_readable("it has no worksheet".into()))?;
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| not_readable(e.to_string()))?;
    // Row numbers as Excel shows them: 1-based, counting from the sheet's top, not the range's.
    let first_row = range.start().map_or(0, |(row, _)| u64::from(row));
    let rows = range
        .rows()
        .enumerate()
        .filter(|(_, cells)| cells.iter().any(|c| !matches!(c, Data::Empty)))
        .map(|(i, cells)| {
            let mut record = csv::ByteRecord::new();
            for cell in cells {
                record.push_field(cell_text(cell).as_bytes());
            }
            (record, first_row + i as u64 + 1)
        })
        .collect();
    Ok(SheetRecords { sheet, rows })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) && dt.as_f64().fract() == 0.0 {
                format!("{y:04}-{mo:02}-{d:02}")
            } else {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        // `#N/A`, `#DIV/0!`: kept as Excel shows them, so a rating column reports them.
        Data::Error(e) => e.to_string(),
    }
}

/// `5` rather than `5.0`; other numbers in their shortest exact form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_excel_shows_them() {
        assert_eq!(number_text(5.0), "5");
        assert_eq!(number_text(4.5), "4.5");
        assert_eq!(cell_text(&Data::Bool(true)), "TRUE");
    }

    #[test]
    fn a_broken_workbook_is_named() {
        let err = read_first_sheet(b"PK\x03\x04broken".to_vec(), Path::new("f.xlsx"));
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            message.contains("f.xlsx") && message.contains("Excel workbook"),
            "{message}"
        );
    }
}
