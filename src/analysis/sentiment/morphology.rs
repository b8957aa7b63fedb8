//! Spanish inflection, for words the lexicon does not list as written: "falló", "fallado" and
//! "fallaría" are forms of "fallar"; "lentas" of "lento"; "devolverlo" is "devolver" with a
//! pronoun attached. The lexicon lists base forms and the commonest inflections; these rules
//! propose the base forms a written word may come from, most specific first, and the scorer
//! takes the first that the Spanish lexicon knows. Only words the lexicon does not know pay for
//! this, so the common path stays a single look-up.

/// Verb endings (accents already folded away) and the infinitive endings they may come from.
/// Longer endings first: "-aron" must be tried before "-on" could match.
const VERB_ENDINGS: &[(&str, &[&str])] = &[
    ("ariamos", &["ar"]),
    ("ierais", &["er", "ir"]),
    ("ieron", &["er", "ir"]),
    ("iendo", &["er", "ir"]),
    ("iamos", &["er", "ir"]),
    ("abamos", &["ar"]),
    ("aremos", &["ar"]),
    ("arian", &["ar"]),
    ("arias", &["ar"]),
    ("aron", &["ar"]),
    ("ando", &["ar"]),
    ("aban", &["ar"]),
    ("abas", &["ar"]),
    ("aran", &["ar"]),
    ("aria", &["ar"]),
    ("aste", &["ar"]),
    ("amos", &["ar"]),
    ("ados", &["ar"]),
    ("adas", &["ar"]),
    ("idos", &["er", "ir"]),
    ("idas", &["er", "ir"]),
    ("iera", &["er", "ir"]),
    ("iste", &["er", "ir"]),
    ("imos", &["er", "ir"]),
    ("ado", &["ar"]),
    ("ada", &["ar"]),
    ("ido", &["er", "ir"]),
    ("ida", &["er", "ir"]),
    ("aba", &["ar"]),
    ("ara", &["ar"]),
    ("are", &["ar"]),
    ("ian", &["er", "ir"]),
    ("ia", &["er", "ir"]),
    ("io", &["er", "ir"]),
    ("an", &["ar"]),
    ("en", &["er", "ir", "ar"]),
    ("as", &["ar"]),
    ("es", &["er", "ir", "ar"]),
    ("o", &["ar", "er", "ir"]),
    // Not -er/-ir: their "-a" forms are rare subjunctives, and "placa" is not "placer".
    ("a", &["ar"]),
    ("e", &["ar", "er", "ir"]),
];

/// Pronouns attached to an infinitive, gerund or command: "devolverlo", "arreglarme".
const ENCLITICS: &[&str] = &[
    "selo", "sela", "melo", "noslo", "los", "las", "les", "nos", "lo", "la", "le", "me", "se", "te",
];

/// Gender, number and diminutive endings of adjectives and nouns, and what replaces them.
const NOMINAL_ENDINGS: &[(&str, &[&str])] = &[
    ("itos", &["os", "o"]),
    ("itas", &["as", "a", "o"]),
    ("ito", &["o"]),
    ("ita", &["a", "o"]),
    ("ces", &["z"]),
    ("os", &["o"]),
    ("as", &["a", "o"]),
    ("es", &["", "e"]),
    ("a", &["o"]),
    ("s", &[""]),
];

/// Shortest word worth taking apart: shorter ones ("casa", "pasa") are too ambiguous.
const MIN_LEN: usize = 5;

/// The first base form of `word` (folded) that `known` recognises, most specific first, with
/// what `known` said. One buffer is reused for every candidate: this runs for each unknown
/// word of a Spanish comment, and allocating a list of candidates halved the scorer's speed.
pub fn find_base<T>(word: &str, mut known: impl FnMut(&str) -> Option<T>) -> Option<(String, T)> {
    if word.len() < MIN_LEN || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut buf = String::with_capacity(word.len() + 4);
    let mut try_base = |stem: &str, end: &str, known: &mut dyn FnMut(&str) -> Option<T>| {
        buf.clear();
        buf.push_str(stem);
        buf.push_str(end);
        if buf == word {
            return None;
        }
        known(&buf).map(|t| (buf.clone(), t))
    };
    for (ending, replacements) in NOMINAL_ENDINGS {
        if let Some(stem) = strip(word, ending).filter(|s| s.len() >= 3) {
            for r in *replacements {
                if let Some(found) = try_base(stem, r, &mut known) {
                    return Some(found);
                }
            }
        }
    }
    // A verb with a pronoun attached is looked up without it, then as any other verb form.
    let unattached = ENCLITICS.iter().find_map(|clitic| {
        strip(word, clitic).filter(|s| s.len() >= 4 && (s.ends_with('r') || s.ends_with("ndo")))
    });
    if let Some(stem) = unattached
        && let Some(found) = try_base(stem, "", &mut known)
    {
        return Some(found);
    }
    for form in std::iter::once(word).chain(unattached) {
        for (ending, infinitives) in VERB_ENDINGS {
            if let Some(stem) = strip(form, ending).filter(|s| s.len() >= 3) {
                for inf in *infinitives {
                    if let Some(found) = try_base(stem, inf, &mut known) {
                        return Some(found);
                    }
                }
            }
        }
    }
    None
}

/// `word` without `ending`, if it ends so. A byte loop rather than `str::strip_suffix`, whose
/// call to `memcmp` per ending cost this function half its time: endings are a few bytes long.
#[inline]
fn strip<'a>(word: &'a str, ending: &str) -> Option<&'a str> {
    let cut = word.len().checked_sub(ending.len())?;
    let tail = &word.as_bytes()[cut..];
    // Folded words are ASCII here, so `cut` is a character boundary.
    (tail.iter().zip(ending.as_bytes()).all(|(a, b)| a == b)).then(|| &word[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `base` is among the forms proposed for `word`.
    fn has(word: &str, base: &str) -> bool {
        find_base(word, |b| (b == base).then_some(())).is_some()
    }

    #[test]
    fn verb_forms_lead_to_the_infinitive() {
        assert!(has("fallado", "fallar"));
        assert!(has("fallo", "fallar"), "falló, folded");
        assert!(has("decepcionaron", "decepcionar"));
        assert!(has("tardaba", "tardar"));
        assert!(has("recomendaria", "recomendar"));
        assert!(has("devolvieron", "devolver"));
        assert!(has("cumplido", "cumplir"));
        assert!(has("devolverlo", "devolver"));
        assert!(has("arreglandolo", "arreglar"));
    }

    #[test]
    fn gender_number_and_diminutives_lead_to_the_base() {
        assert!(has("lentas", "lento"));
        assert!(has("amables", "amable"));
        assert!(has("rapidito", "rapido"));
        assert!(has("atentas", "atento"));
    }

    #[test]
    fn short_and_odd_words_are_left_alone() {
        assert!(find_base("casa", |_| Some(())).is_none());
        assert!(find_base("n°123", |_| Some(())).is_none());
    }
}
