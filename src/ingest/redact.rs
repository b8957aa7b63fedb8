//! Redaction of personal data in free text (emails, phone numbers, Spanish DNI/NIE, IBANs and
//! card numbers), applied before a comment is stored, scored or shown, so it never reaches the
//! database, a report or a log.

use std::sync::LazyLock;

use regex::Regex;

struct Pattern {
    regex: Regex,
    label: &'static str,
}

// Order matters: IBANs and card numbers contain digit runs a phone pattern would also take.
static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: &str, label| Pattern {
        // The patterns are constants checked by the tests below.
        regex: Regex::new(re).unwrap_or_else(|e| unreachable!("bad redaction pattern: {e}")),
        label,
    };
    vec![
        p(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b", "[email]"),
        // IBANs are written in capitals; lower-case words after one are never taken.
        p(
            r"\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b",
            "[iban]",
        ),
        // International numbers first, so "0034 612 34 56 78" is a phone, not a card.
        p(
            r"(?:\(\+\d{1,3}\)|\+\d{1,3}|\b00\d{2})[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}\b",
            "[phone]",
        ),
        p(r"\b\d(?:[ -]?\d){12,18}\b", "[card]"),
        p(r"(?i)\b[xyz]-?\d{7}-?[a-z]\b", "[id]"),
        p(r"(?i)\b\d{1,2}\.?\d{3}\.?\d{3}[ -]?[a-z]\b", "[id]"),
        p(r"\(\d{3}\)\s?\d{3}[ .-]?\d{4}\b", "[phone]"),
        p(r"\b[6789]\d{1,2}(?:[ .-]?\d{2,3}){2,4}\b", "[phone]"),
    ]
});

/// Returns the text with personal data replaced by a tag, and how many items were replaced.
pub fn redact(text: &str) -> (String, usize) {
    let (clean, n) = redact_cow(text);
    (clean.into_owned(), n)
}

/// `redact` without copying text that holds nothing to redact (most survey cells).
pub fn redact_cow(text: &str) -> (std::borrow::Cow<'_, str>, usize) {
    // Every pattern needs an @ or a digit: most comments have neither and skip the regexes.
    if !text.bytes().any(|b| b == b'@' || b.is_ascii_digit()) {
        return (std::borrow::Cow::Borrowed(text), 0);
    }
    let mut out = text.to_owned();
    let mut count = 0;
    for pattern in PATTERNS.iter() {
        let found = pattern.regex.find_iter(&out).count();
        if found > 0 {
            count += found;
            out = pattern.regex.replace_all(&out, pattern.label).into_owned();
        }
    }
    (std::borrow::Cow::Owned(out), count)
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn redacts_each_kind() {
        let cases = [
            (
                "escribidme a ana.lopez@example.es ya",
                "escribidme a [email] ya",
            ),
            (
                "llamad al 612 345 678 por favor",
                "llamad al [phone] por favor",
            ),
            ("my number is +34 612-345-678", "my number is [phone]"),
            ("DNI 12345678Z y NIE X1234567L", "DNI [id] y NIE [id]"),
            ("IBAN ES91 2100 0418 4502 0005 1332", "IBAN [iban]"),
            (
                "card 4111 1111 1111 1111 charged twice",
                "card [card] charged twice",
            ),
            (
                "fijo 91 123 45 67 o (+34) 91 123 45 67",
                "fijo [phone] o [phone]",
            ),
            ("llamad al 0034 612 34 56 78", "llamad al [phone]"),
            (
                "US (555) 123-4567 or +1 415 555 0132",
                "US [phone] or [phone]",
            ),
            ("DNI 12.345.678-Z", "DNI [id]"),
            ("IBAN ES91-2100-0418-4502-0005-1332", "IBAN [iban]"),
            (
                "IBAN ES9121000418450200051332 gracias",
                "IBAN [iban] gracias",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(redact(input).0, expected, "{input}");
        }
    }

    #[test]
    fn leaves_ordinary_numbers_alone() {
        let text = "Pedido 2024 llegó en 3 días, pagué 59,90 € el 15/03/2024";
        assert_eq!(redact(text), (text.to_owned(), 0));
    }
}
