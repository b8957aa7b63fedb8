//! Text folding shared by matching and scoring: the same word must be found whether a
//! respondent typed "Envío", "envio" or " ENVÍO ".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases, strips accents (but keeps ñ as n, like respondents who type without accents do),
/// trims and collapses inner whitespace.
pub fn fold(s: &str) -> String {
    // Most words are plain ASCII: lower-casing is all they need, without Unicode decomposition.
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'\'') {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A readable identifier made from a free value: "Atención al cliente" -> "atencion-al-cliente".
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_space() {
        assert_eq!(fold("  Envío   RÁPIDO "), "envio rapido");
        assert_eq!(fold("Año"), "ano");
    }

    #[test]
    fn slugs_free_values() {
        assert_eq!(slug("Atención al cliente!"), "atencion-al-cliente");
        assert_eq!(slug("  "), "");
    }
}
