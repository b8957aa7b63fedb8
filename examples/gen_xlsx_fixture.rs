//! Writes `tests/fixtures/exports/microsoft_forms.xlsx`: the same responses as
//! `microsoft_forms.csv`, laid out as Microsoft Forms' native workbook (shared strings, dates as
//! Excel serial numbers with a date style, scores as numbers). Run it after `gen_fixtures`:
//!
//! ```sh
//! cargo run --example gen_xlsx_fixture
//! ```
//!
//! The workbook is written by hand as a stored (uncompressed) ZIP with fixed timestamps, so two
//! runs give byte-identical files and no ZIP or spreadsheet-writing crate is needed.

use std::path::Path;

use curva::ingest::dates::{DateOrder, to_iso};

const DIR: &str = "tests/fixtures/exports";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

enum Cell {
    Text(String),
    Number(f64),
    /// An Excel serial date shown with the built-in `m/d/yy h:mm` style.
    Date(f64),
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(dir.join("microsoft_forms.csv"))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        rows.push(
            record?
                .iter()
                .map(|f| f.trim_start_matches('\u{feff}').to_owned())
                .collect(),
        );
    }
    let headers = rows[0].clone();
    let date_columns: Vec<bool> = headers.iter().map(|h| h.ends_with(" time")).collect();
    let cells: Vec<Vec<Cell>> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, v)| {
                    if r == 0 || v.is_empty() {
                        Cell::Text(v.clone())
                    } else if date_columns[c] {
                        to_iso(v, DateOrder::Mdy)
                            .map_or_else(|| Cell::Text(v.clone()), |iso| Cell::Date(serial(&iso)))
                    } else if let Ok(n) = v.parse::<f64>() {
                        Cell::Number(n)
                    } else {
                        Cell::Text(v.clone())
                    }
                })
                .collect()
        })
        .collect();
    let (sheet, shared) = sheet_xml(&cells);
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", content_types()),
        (
            "_rels/.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MAIN_NS}" xmlns:r="{DOC_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{DOC_REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DOC_REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{DOC_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        ("xl/styles.xml", styles()),
        ("xl/sharedStrings.xml", shared),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let out = dir.join("microsoft_forms.xlsx");
    std::fs::write(&out, stored_zip(&parts))?;
    println!("wrote {}", out.display());
    Ok(())
}

fn content_types() -> String {
    let ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>"#
    )
}

fn styles() -> String {
    // Style 1 is the built-in number format 22 (`m/d/yy h:mm`), which marks a cell as a date.
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#
    )
}

fn sheet_xml(rows: &[Vec<Cell>]) -> (String, String) {
    let mut strings: Vec<&str> = Vec::new();
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MAIN_NS}"><sheetData>"#
    );
    for (r, row) in rows.iter().enumerate() {
        xml.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column_letters(c), r + 1);
            match cell {
                Cell::Text(t) if t.is_empty() => {}
                Cell::Text(t) => {
                    let i = strings.iter().position(|s| s == t).unwrap_or_else(|| {
                        strings.push(t);
                        strings.len() - 1
                    });
                    xml.push_str(&format!(r#"<c r="{at}" t="s"><v>{i}</v></c>"#));
                }
                Cell::Number(n) => xml.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                Cell::Date(d) => xml.push_str(&format!(r#"<c r="{at}" s="1"><v>{d}</v></c>"#)),
            }
        }
        xml.push_str("</row>");
    }
    xml.push_str("</sheetData></worksheet>");
    let mut shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{MAIN_NS}" count="{n}" uniqueCount="{n}">"#,
        n = strings.len()
    );
    for s in strings {
        shared.push_str(&format!(
            r#"<si><t xml:space="preserve">{}</t></si>"#,
            escape(s)
        ));
    }
    shared.push_str("</sst>");
    (xml, shared)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Days since Excel's day zero (1899-12-30) for an ISO date-time.
fn serial(iso: &str) -> f64 {
    let n = |a: usize, b: usize| {
        iso.get(a..b)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let days = days_from_civil(n(0, 4), n(5, 7), n(8, 10)) - days_from_civil(1899, 12, 30);
    let secs = n(11, 13) * 3600 + n(14, 16) * 60 + n(17, 19);
    days as f64 + secs as f64 / 86_400.0
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A ZIP archive with every part stored uncompressed, dated 1980-01-01.
fn stored_zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for (name, body) in parts {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(body.as_bytes()), body.len() as u32);
        u32le(&mut out, 0x0403_4b50);
        for x in [20, 0, 0, 0, 0x21] {
            u16le(&mut out, x);
        }
        u32le(&mut out, crc);
        u32le(&mut out, size);
        u32le(&mut out, size);
        u16le(&mut out, name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body.as_bytes());

        u32le(&mut central, 0x0201_4b50);
        for x in [20, 20, 0, 0, 0, 0x21] {
            u16le(&mut central, x);
        }
        u32le(&mut central, crc);
        u32le(&mut central, size);
        u32le(&mut central, size);
        for x in [name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, x);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for x in [0, 0, parts.len() as u16, parts.len() as u16] {
        u16le(&mut out, x);
    }
    u32le(&mut out, cd_size);
    u32le(&mut out, cd_offset);
    u16le(&mut out, 0);
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
