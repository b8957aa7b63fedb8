//! Physical line numbers for CSV records. The csv crate's own line counter is off by one on CRLF
//! files (rust-csv #395), so this reader wrapper notes where every line starts (LF, CRLF or a
//! bare CR, as old Excel for Mac writes) while the bytes stream past, and maps a record's byte
//! offset back to the line a user sees in an editor.
//!
//! It also follows the quoting as the csv crate does, because that crate does not report a
//! quoted field left open at the end of the file: it silently swallows every following line.
//! Knowing where the last quote opened lets the reader name the line a user must fix.

use std::collections::VecDeque;
use std::io::{self, Read};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: either the closing quote or the first of a `""` pair.
    QuoteInQuoted,
}

pub struct LineTracking<R> {
    inner: R,
    delimiter: u8,
    /// The physical line of every record seen but not yet taken, in order. Blank lines start
    /// no record, as in the csv crate.
    record_lines: VecDeque<u64>,
    at_record_start: bool,
    quoting: Quoting,
    quote_opened_at: u64,
    offset: u64,
    last_was_cr: bool,
    /// Byte offsets where lines 2, 3, ... start, minus those already forgotten.
    starts: VecDeque<u64>,
    forgotten: u64,
}

impl<R: Read> LineTracking<R> {
    pub fn new(inner: R, delimiter: u8) -> Self {
        LineTracking {
            inner,
            delimiter,
            record_lines: VecDeque::new(),
            at_record_start: true,
            quoting: Quoting::FieldStart,
            quote_opened_at: 0,
            offset: 0,
            last_was_cr: false,
            starts: VecDeque::new(),
            forgotten: 0,
        }
    }

    /// The 1-based physical line holding byte `offset`.
    pub fn line_of(&self, offset: u64) -> u64 {
        1 + self.forgotten + self.starts.partition_point(|&s| s <= offset) as u64
    }

    /// The physical line where the next record (in reading order) starts. The csv crate's own
    /// positions can point at a blank line before a record; counting here cannot.
    pub fn next_record_line(&mut self) -> Option<u64> {
        self.record_lines.pop_front()
    }

    /// After the whole input was read: the line where a quoted field opened and never closed.
    pub fn unterminated_quote(&self) -> Option<u64> {
        (self.quoting == Quoting::Quoted).then_some(self.quote_opened_at)
    }

    /// Drops line starts before `offset` so memory stays bounded on huge files; later queries
    /// must not ask about earlier bytes.
    pub fn forget_before(&mut self, offset: u64) {
        while self.starts.front().is_some_and(|&s| s <= offset) {
            self.starts.pop_front();
            self.forgotten += 1;
        }
    }
}

impl<R: Read> Read for LineTracking<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            let line_break = b == b'\n' || b == b'\r';
            let ends_field = b == self.delimiter || line_break;
            if self.at_record_start && !line_break {
                self.record_lines
                    .push_back(1 + self.forgotten + self.starts.len() as u64);
                self.at_record_start = false;
            }
            self.quoting = match (self.quoting, b) {
                (Quoting::FieldStart, b'"') => {
                    self.quote_opened_at = 1 + self.forgotten + self.starts.len() as u64;
                    Quoting::Quoted
                }
                (Quoting::FieldStart | Quoting::Unquoted, _) if ends_field => Quoting::FieldStart,
                (Quoting::FieldStart | Quoting::Unquoted, _) => Quoting::Unquoted,
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (Quoting::QuoteInQuoted, _) if ends_field => Quoting::FieldStart,
                (Quoting::QuoteInQuoted, _) => Quoting::Unquoted,
            };
            if line_break && self.quoting == Quoting::FieldStart {
                self.at_record_start = true;
            }
            self.offset += 1;
            match b {
                // CRLF counts once, at the CR: the csv crate may report a record as starting at
                // the LF of the previous line's terminator, and that byte already belongs to
                // the new line.
                b'\n' if self.last_was_cr => {}
                b'\n' | b'\r' => self.starts.push_back(self.offset),
                _ => {}
            }
            self.last_was_cr = b == b'\r';
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8], offsets: &[u64]) -> Vec<u64> {
        let mut r = LineTracking::new(input, b',');
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap_or_default();
        offsets.iter().map(|&o| r.line_of(o)).collect()
    }

    #[test]
    fn counts_lf_crlf_and_bare_cr() {
        assert_eq!(lines_of(b"a\nb\nc", &[0, 2, 4]), [1, 2, 3]);
        assert_eq!(lines_of(b"a\r\nb\r\nc", &[0, 3, 6]), [1, 2, 3]);
        assert_eq!(lines_of(b"a\rb\rc", &[0, 2, 4]), [1, 2, 3]);
    }

    #[test]
    fn numbers_records_past_blank_lines_and_quoted_newlines() {
        let mut r = LineTracking::new(&b"h1,h2\r\n\r\na,\"x\r\ny\"\r\n\nb,c\r\n"[..], b',');
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap_or_default();
        let lines: Vec<_> = std::iter::from_fn(|| r.next_record_line()).collect();
        assert_eq!(lines, [1, 3, 6]);
    }

    #[test]
    fn finds_the_line_of_an_unclosed_quote() {
        let track = |input: &[u8]| {
            let mut r = LineTracking::new(input, b';');
            let mut sink = Vec::new();
            r.read_to_end(&mut sink).unwrap_or_default();
            r.unterminated_quote()
        };
        assert_eq!(track(b"a;b\n1;\"ok \"\"x\"\"\"\n2;\"open\n3;x\n"), Some(3));
        assert_eq!(track(b"a;b\n1;\"multi\nline\"\n2;in\"side\n"), None);
    }

    #[test]
    fn keeps_counting_after_forgetting() {
        let mut r = LineTracking::new(&b"a\nb\nc\nd"[..], b',');
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap_or_default();
        r.forget_before(4);
        assert_eq!(r.line_of(6), 4);
    }
}
