//! A look at the first bytes before any parsing: a PNG, a workbook renamed `.csv` or an empty
//! file must get a plain answer, not thousands of "invalid UTF-8" rows.

/// How the text of a file is encoded, as far as its first bytes tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8 {
        bom: bool,
    },
    /// What Excel writes as "CSV" on a Western-European Windows (never ISO-8859-1: bytes
    /// 0x80-0x9F carry €, curly quotes and the ellipsis).
    Windows1252,
    Utf16Le,
    Utf16Be,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 { .. } => "utf-8",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
        }
    }
}

/// An Excel workbook Curva reads directly: a ZIP container named `.xlsx` or `.xlsm`. The name
/// matters because a `.csv` that is really a workbook is a mistake worth telling the user about.
pub fn is_workbook(head: &[u8], path: &std::path::Path) -> bool {
    head.starts_with(b"PK\x03\x04")
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"))
}

/// Decides from the first bytes (a few KiB are enough) whether the file can be a text export;
/// the error says what the file is instead.
pub fn sniff(head: &[u8]) -> Result<Encoding, String> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"\x1F\x8B", "a gzip archive"),
        (
            b"PK\x03\x04",
            "a ZIP container (an Excel .xlsx workbook or a .zip archive); if it is a workbook, give it its .xlsx name and Curva reads it directly",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Excel .xls workbook; save it from Excel as \"CSV UTF-8\"",
        ),
        (b"SQLite format 3\0", "an SQLite database"),
    ];
    if head.is_empty() {
        return Err("the file is empty".into());
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        // "a ZIP container (…); advice" reads as "a ZIP container (…), not a CSV export; advice".
        return Err(match what.split_once("; ") {
            Some((thing, advice)) => format!("this is {thing}, not a CSV export; {advice}"),
            None => format!("this is {what}, not a CSV export"),
        });
    }
    let encoding = if head.starts_with(b"\xFF\xFE") {
        Encoding::Utf16Le
    } else if head.starts_with(b"\xFE\xFF") {
        Encoding::Utf16Be
    } else if head.starts_with(b"\xEF\xBB\xBF") || looks_like_utf8(head) {
        Encoding::Utf8 {
            bom: head.starts_with(b"\xEF\xBB\xBF"),
        }
    } else {
        Encoding::Windows1252
    };
    let bom_len = match encoding {
        Encoding::Utf8 { bom: true } => 3,
        Encoding::Utf8 { bom: false } | Encoding::Windows1252 => 0,
        Encoding::Utf16Le | Encoding::Utf16Be => 2,
    };
    let body = &head[bom_len..];
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty (only a byte-order mark or blank lines)".into());
    }
    if matches!(encoding, Encoding::Utf8 { .. } | Encoding::Windows1252) && body.contains(&0) {
        return Err("this is binary data (it contains NUL bytes), not a CSV export".into());
    }
    Ok(encoding)
}

/// UTF-8 unless the bytes say otherwise: a file whose non-ASCII bytes are mostly valid UTF-8
/// sequences is UTF-8, even with a few broken fields (those are reported per line, the file is
/// not re-decoded); one with non-ASCII bytes and no valid sequence at all is Windows-1252.
fn looks_like_utf8(head: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0usize, 0usize);
    let chunks: Vec<_> = head.utf8_chunks().collect();
    for (i, chunk) in chunks.iter().enumerate() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        // A sequence cut by the end of the sample is not evidence against UTF-8.
        let cut_at_end = i + 1 == chunks.len() && chunk.invalid().len() < 4 && head.len() >= 1024;
        if !cut_at_end {
            invalid += chunk.invalid().len();
        }
    }
    invalid == 0 || multibyte > invalid
}

/// Picks the delimiter the header line uses most, outside quotes: `,` (most tools), `;`
/// (LimeSurvey, Spanish Excel) or TAB (Excel "Unicode Text").
pub fn detect_delimiter(head: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut in_quotes = false;
    for &b in head {
        match b {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ if !in_quotes => {
                if let Some(c) = counts.iter_mut().find(|(d, _)| *d == b) {
                    c.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_what_a_non_csv_file_is() {
        assert!(sniff(b"").is_err_and(|e| e.contains("empty")));
        assert!(sniff(b"\xEF\xBB\xBF").is_err_and(|e| e.contains("empty")));
        assert!(sniff(b"\x89PNG\r\n\x1a\n").is_err_and(|e| e.contains("PNG")));
        assert!(sniff(b"PK\x03\x04xl/").is_err_and(|e| e.contains("xlsx")));
        assert!(sniff(b"id,text\n1,\0\0").is_err_and(|e| e.contains("binary")));
    }

    #[test]
    fn recognises_text_encodings() {
        assert_eq!(sniff(b"\xEF\xBB\xBFid"), Ok(Encoding::Utf8 { bom: true }));
        assert_eq!(sniff(b"\xFF\xFEi\0d\0"), Ok(Encoding::Utf16Le));
        assert_eq!(sniff(b"id,text"), Ok(Encoding::Utf8 { bom: false }));
        assert_eq!(
            sniff(b"id;texto\n1;env\xEDo r\xE1pido \x80"),
            Ok(Encoding::Windows1252)
        );
        let mostly_utf8 = "id;texto\n1;envío rápido, atención\n2;caf\u{e9}\n".as_bytes();
        let mut broken = mostly_utf8.to_vec();
        broken.extend_from_slice(b"3;mal \xE9\n");
        assert_eq!(sniff(&broken), Ok(Encoding::Utf8 { bom: false }));
    }

    #[test]
    fn picks_the_delimiter_of_the_header() {
        assert_eq!(detect_delimiter(b"\"a,b\";c;d\n1,2,3,4,5"), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b"single"), b',');
    }
}
