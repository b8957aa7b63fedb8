//! Spanish or English, from function words: they make up a large share of any comment, so even
//! short ones usually carry two or three. Lexicon hits break ties, accents and ñ lean Spanish.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Es,
    En,
    Other,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
            Language::Other => "other",
        }
    }
}

/// Spanish function words (and two words every shop comment uses); a `match` compiles to a
/// few length and byte comparisons instead of a scan of the list.
fn is_spanish_word(w: &str) -> bool {
    matches!(
        w,
        "el" | "la"
            | "los"
            | "las"
            | "de"
            | "del"
            | "que"
            | "y"
            | "en"
            | "un"
            | "una"
            | "es"
            | "por"
            | "con"
            | "para"
            | "muy"
            | "me"
            | "se"
            | "lo"
            | "mi"
            | "al"
            | "pero"
            | "fue"
            | "nos"
            | "su"
            | "sin"
            | "mas"
            | "esta"
            | "todo"
            | "nada"
            | "porque"
            | "como"
            | "ha"
            | "han"
            | "he"
            | "hay"
            | "le"
            | "les"
            | "ya"
            | "tambien"
            | "bien"
            | "mal"
            | "pedido"
            | "estoy"
            | "son"
            | "era"
            | "ni"
            | "yo"
            | "si"
            | "tan"
            | "cuando"
            | "donde"
            | "solo"
            | "siempre"
            | "nunca"
            | "otra"
            | "otro"
            | "este"
            | "eso"
            | "esto"
            | "estaba"
            | "tiene"
            | "tienen"
            | "hace"
            | "vez"
            | "dia"
            | "dias"
            | "ningun"
            | "ninguna"
            | "desde"
            | "hasta"
            | "sobre"
            | "entre"
            | "tengo"
            | "cada"
            | "mucho"
            | "poco"
            | "aqui"
            | "asi"
            | "ahora"
            | "pues"
            | "tu"
            | "tus"
            | "mis"
            | "sus"
            | "unos"
            | "unas"
            | "fueron"
            | "hizo"
            | "hicieron"
            | "sido"
            | "siento"
            | "hemos"
            | "cuenta"
    )
}

fn is_english_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "an"
            | "and"
            | "is"
            | "was"
            | "to"
            | "of"
            | "in"
            | "for"
            | "it"
            | "my"
            | "with"
            | "not"
            | "very"
            | "but"
            | "i"
            | "you"
            | "this"
            | "that"
            | "they"
            | "we"
            | "are"
            | "were"
            | "have"
            | "had"
            | "be"
            | "been"
            | "on"
            | "at"
            | "so"
            | "too"
            | "just"
            | "me"
            | "your"
            | "our"
            | "from"
            | "order"
            | "would"
            | "could"
            | "did"
            | "didn't"
            | "don't"
            | "it's"
            | "really"
            | "she"
            | "his"
            | "her"
            | "their"
            | "them"
            | "there"
            | "what"
            | "when"
            | "all"
            | "as"
            | "if"
            | "or"
            | "by"
            | "about"
            | "after"
            | "again"
            | "still"
            | "same"
            | "got"
            | "get"
            | "can't"
            | "couldn't"
            | "doesn't"
            | "wasn't"
            | "isn't"
            | "won't"
            | "i'm"
            | "i've"
            | "will"
            | "do"
            | "does"
            | "any"
            | "anything"
            | "nothing"
            | "every"
            | "out"
            | "up"
            | "than"
            | "then"
            | "how"
            | "who"
            | "which"
            | "more"
            | "much"
            | "off"
            | "can"
            | "should"
            | "service"
            | "because"
            | "even"
            | "never"
            | "always"
            | "asked"
            | "told"
            | "said"
    )
}

/// Whether a word is one of the function words counted here ("el", "que", "the", "and").
pub fn is_function_word(w: &str) -> bool {
    is_spanish_word(w) || is_english_word(w)
}

/// How many of a comment's words are Spanish and English function words.
#[derive(Debug, Clone, Copy)]
pub struct FunctionWords {
    pub es: usize,
    pub en: usize,
}

impl FunctionWords {
    pub fn count(words: &[&str]) -> FunctionWords {
        let mut count = FunctionWords { es: 0, en: 0 };
        // No function word is longer than eight letters: longer words skip both matches.
        for w in words.iter().filter(|w| w.len() <= 8) {
            count.es += usize::from(is_spanish_word(w));
            count.en += usize::from(is_english_word(w));
        }
        count
    }

    /// Whether they lean Spanish (ties included): only then are unknown words taken apart as
    /// Spanish inflections, so "times" never reads as "timar" (to swindle).
    pub fn lean_spanish(self) -> bool {
        self.es > 0 && self.es >= self.en
    }
}

/// Detects the language of a tokenised comment. `raw` is the original text (for accents) and
/// `hits` the lexicon hits per language (es, en).
pub fn detect(raw: &str, function: FunctionWords, hits: (usize, usize)) -> Language {
    let (mut es, mut en) = (function.es, function.en);
    if raw
        .chars()
        .any(|c| !c.is_ascii() && "ñÑ¿¡áéíóúÁÉÍÓÚ".contains(c))
    {
        es += 1;
    }
    es += hits.0;
    en += hits.1;
    match es.cmp(&en) {
        _ if es == 0 && en == 0 => Language::Other,
        std::cmp::Ordering::Greater => Language::Es,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal => Language::Other,
    }
}
