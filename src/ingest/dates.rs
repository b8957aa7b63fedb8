//! Response dates as survey tools write them, stored as ISO 8601. Whether `05/03/2025` is the
//! 5th of March or the 3rd of May is decided once per column, from its values (a first number
//! above 12 can only be a day), never row by row; when no value decides it, the user's setting
//! (`date_order`, `--date-order`) does, and the file says so.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Day first (Spain, Latin America, the UK): 05/03/2025 is 5 March.
    #[default]
    Dmy,
    /// Month first (the US): 05/03/2025 is 3 May.
    Mdy,
}

impl DateDecision {
    /// One sentence for the terminal: how the column's dates are read and why.
    pub fn describe(&self, column: &str) -> String {
        let order = match self.order {
            DateOrder::Dmy => "day/month/year",
            DateOrder::Mdy => "month/day/year",
        };
        match self.decided_by {
            DecidedBy::Values => format!(
                "dates in \"{column}\" are read as {order}: a value such as \"{}\" can only be read that way",
                self.evidence
            ),
            DecidedBy::Setting => format!(
                "dates in \"{column}\" such as \"{}\" could be day/month or month/day; read as {order} (the --date-order setting, or date_order in the mapping)",
                self.evidence
            ),
        }
    }
}

impl DateOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::Dmy => "dmy",
            DateOrder::Mdy => "mdy",
        }
    }
}

/// How a column's day/month order was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DecidedBy {
    /// A value such as 23/04 could only be read one way.
    Values,
    /// No value decided it; the setting did.
    Setting,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateDecision {
    pub order: DateOrder,
    pub decided_by: DecidedBy,
    /// The value that decided, or one that could be read either way.
    pub evidence: String,
}

/// Decides a column's order from a sample of its values. `None` when no value is written with
/// day and month numbers (ISO dates, or no dates at all): nothing to decide.
pub fn decide(values: &[&str], setting: DateOrder) -> Option<DateDecision> {
    let mut day_first: Option<&str> = None;
    let mut month_first: Option<&str> = None;
    let mut first: Option<&str> = None;
    for v in values {
        if let Some((a, b, _)) = numeric_date(v) {
            first = first.or(Some(v));
            if a > 12 && b <= 12 {
                day_first = day_first.or(Some(v));
            }
            if b > 12 && a <= 12 {
                month_first = month_first.or(Some(v));
            }
        }
    }
    let first = first?;
    let decision = |order, decided_by, evidence: &str| DateDecision {
        order,
        decided_by,
        evidence: evidence.trim().to_owned(),
    };
    Some(match (day_first, month_first) {
        (Some(v), None) => decision(DateOrder::Dmy, DecidedBy::Values, v),
        (None, Some(v)) => decision(DateOrder::Mdy, DecidedBy::Values, v),
        // Neither decides, or the column contradicts itself: the setting does, and rows that
        // do not fit it are reported one by one.
        _ => decision(setting, DecidedBy::Setting, first),
    })
}

/// A date as ISO 8601 (`2025-03-05`, `2025-03-05T14:30:00`, `…T14:30:00+01:00`), or `None`
/// when the value is not a date this reader knows or names a day that does not exist.
pub fn to_iso(value: &str, order: DateOrder) -> Option<String> {
    let value = value.trim();
    let (date, rest) = split_date(value)?;
    let (y, m, d) = if let Some(iso) = iso_date(date) {
        iso
    } else {
        let (a, b, y) = numeric_date(date)?;
        let (d, m) = match order {
            DateOrder::Dmy => (a, b),
            DateOrder::Mdy => (b, a),
        };
        (y, m, d)
    };
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    // One allocation for the whole value: this runs once per row of a million-row import.
    let mut iso = String::with_capacity(25);
    let _ = write!(iso, "{y:04}-{m:02}-{d:02}");
    if rest.trim().is_empty() {
        return Some(iso);
    }
    let (h, min, sec, zone) = time_of(rest)?;
    let _ = write!(iso, "T{h:02}:{min:02}:{sec:02}{zone}");
    Some(iso)
}

/// A time zone as written after a time: none, UTC, or an offset (sign, hours, minutes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Zone {
    Unstated,
    Utc,
    Offset(char, u32, u32),
}

impl std::fmt::Display for Zone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Zone::Unstated => Ok(()),
            Zone::Utc => f.write_str("Z"),
            Zone::Offset(sign, h, m) => write!(f, "{sign}{h:02}:{m:02}"),
        }
    }
}

/// The date part and what follows it (`T`, a space).
fn split_date(value: &str) -> Option<(&str, &str)> {
    let end = value.find([' ', 'T', ',']).unwrap_or(value.len());
    let (date, rest) = value.split_at(end);
    let rest = rest.trim_start_matches([',', 'T', ' ']);
    (!date.is_empty()).then_some((date, rest))
}

/// Exactly three parts between the separators (no allocation: this runs once per row).
fn three<'a>(date: &'a str, separators: &[char]) -> Option<[&'a str; 3]> {
    let mut parts = date.split(separators);
    let out = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(out)
}

fn iso_date(date: &str) -> Option<(u32, u32, u32)> {
    match three(date, &['-', '/'])? {
        [y, m, d] if y.len() == 4 => Some((num(y)?, num(m)?, num(d)?)),
        _ => None,
    }
}

/// `a/b/yyyy` (or with `-`, `.`; two-digit years are this century): the two numbers whose
/// order is in question, and the year.
fn numeric_date(value: &str) -> Option<(u32, u32, u32)> {
    let (date, _) = split_date(value.trim())?;
    match three(date, &['/', '-', '.'])? {
        [a, b, y] if a.len() <= 2 && b.len() <= 2 && (y.len() == 4 || y.len() == 2) => {
            let y = num(y)?;
            let y = if y < 100 { 2000 + y } else { y };
            Some((num(a)?, num(b)?, y))
        }
        _ => None,
    }
}

/// `HH:MM[:SS[.fff]]` with an optional 12-hour suffix (`PM`, `p. m.`) and zone (`Z`, `+01:00`,
/// `GMT+1`, `UTC`), as `HH:MM:SS` and the zone in ISO form.
fn time_of(rest: &str) -> Option<(u32, u32, u32, Zone)> {
    let rest = rest.trim();
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (clock, mut tail) = rest.split_at(end);
    let clock = clock.trim_end_matches('.');
    let mut parts = clock.split(':');
    let mut h = num(parts.next()?)?;
    let min = num(parts.next()?)?;
    let sec = parts
        .next()
        .map(|s| num(s.split('.').next().unwrap_or(s)))
        .unwrap_or(Some(0))?;
    if parts.next().is_some() {
        return None;
    }
    tail = tail.trim_start();
    for (suffix, pm) in [
        ("p. m.", true),
        ("p.m.", true),
        ("pm", true),
        ("a. m.", false),
        ("a.m.", false),
        ("am", false),
    ] {
        // Compared in place: lower-casing can change a string's length in bytes.
        if tail
            .get(..suffix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(suffix))
        {
            if h == 0 || h > 12 {
                return None;
            }
            h = match (pm, h) {
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, 12) => 0,
                (false, h) => h,
            };
            tail = tail[suffix.len()..].trim_start();
            break;
        }
    }
    if h > 23 || min > 59 || sec > 60 {
        return None;
    }
    let zone = zone_of(tail)?;
    Some((h, min, sec, zone))
}

fn zone_of(tail: &str) -> Option<Zone> {
    let t = tail.trim();
    if t.is_empty() {
        return Some(Zone::Unstated);
    }
    if t.eq_ignore_ascii_case("z") || t.eq_ignore_ascii_case("utc") || t.eq_ignore_ascii_case("gmt")
    {
        return Some(Zone::Utc);
    }
    let t = t
        .strip_prefix("GMT")
        .or_else(|| t.strip_prefix("UTC"))
        .unwrap_or(t)
        .trim();
    let (sign, digits) = match t.chars().next()? {
        '+' => ('+', &t[1..]),
        '-' => ('-', &t[1..]),
        _ => return None,
    };
    let (h, m) = match digits.split_once(':') {
        Some((h, m)) => (num(h)?, num(m)?),
        None if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            (num(&digits[..2])?, num(&digits[2..])?)
        }
        None => (num(digits)?, 0),
    };
    (h <= 14 && m < 60).then_some(Zone::Offset(sign, h, m))
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_above_twelve_decides_the_column() {
        let d = decide(&["05/03/2025", "23/03/2025 10:00"], DateOrder::Mdy);
        assert_eq!(
            d,
            Some(DateDecision {
                order: DateOrder::Dmy,
                decided_by: DecidedBy::Values,
                evidence: "23/03/2025 10:00".into(),
            })
        );
        let d = decide(
            &["3/5/2025 4:05:00 PM", "3/24/2025 9:00:00 AM"],
            DateOrder::Dmy,
        );
        assert_eq!(d.map(|d| d.order), Some(DateOrder::Mdy));
        let d = decide(&["05/03/2025", "06/03/2025"], DateOrder::Mdy);
        assert_eq!(d.map(|d| d.decided_by), Some(DecidedBy::Setting));
        let contradictory = decide(&["05/13/2025", "13/05/2025"], DateOrder::Dmy);
        assert_eq!(
            contradictory.map(|d| d.decided_by),
            Some(DecidedBy::Setting)
        );
        assert_eq!(decide(&["2025-03-05 10:00:00"], DateOrder::Dmy), None);
    }

    #[test]
    fn reads_what_survey_tools_write() {
        let dmy = DateOrder::Dmy;
        let cases = [
            ("2025-03-05 14:30:00", "2025-03-05T14:30:00"),
            ("2025-03-05T14:30:00Z", "2025-03-05T14:30:00Z"),
            (
                "2025/03/05 2:30:00 p. m. GMT+1",
                "2025-03-05T14:30:00+01:00",
            ),
            ("05/03/2025 14:30", "2025-03-05T14:30:00"),
            ("5.3.2025", "2025-03-05"),
            ("05-03-25", "2025-03-05"),
            ("29/02/2024", "2024-02-29"),
            ("2025-03-05 12:05:00 AM", "2025-03-05T00:05:00"),
            ("2025-03-05 10:00:00 +0100", "2025-03-05T10:00:00+01:00"),
        ];
        for (input, want) in cases {
            assert_eq!(to_iso(input, dmy).as_deref(), Some(want), "{input}");
        }
        assert_eq!(
            to_iso("3/24/2025 4:05:00 PM", DateOrder::Mdy).as_deref(),
            Some("2025-03-24T16:05:00")
        );
        // The last two were found by the fuzzer: multi-byte characters where digits or an
        // AM/PM suffix were expected must never be sliced through.
        for bad in [
            "29/02/2025",
            "24/13/2025",
            "ayer",
            "2025-03-05 25:00",
            "12",
            "2025-03-05 10:00 +\u{FFFD}1",
            "2025-03-05 10:00 \u{130}m",
        ] {
            assert_eq!(to_iso(bad, dmy), None, "{bad}");
        }
    }
}
