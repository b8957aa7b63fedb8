//! Splitting a comment into words, clause marks and emoji, keeping what the rules need: the
//! original casing (for CAPS emphasis) and the folded form (for lexicon look-up).

use crate::domain::text::fold;

#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    Word {
        folded: String,
        shouting: bool,
        /// Byte range in the comment: explanations show the word as the customer wrote it.
        span: (usize, usize),
    },
    /// `.`, `,`, `;`, `?` and similar: negation does not cross them.
    Break,
    Exclamation,
    Emoji(char),
}

pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per five bytes of comment: growing the vector was a measurable cost.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 4);
    // The word being read, as a byte range of `text` plus what the one pass over its characters
    // learned: words are folded straight from the comment, without an intermediate copy.
    let mut word: Option<Reading> = None;
    // A web address is skipped whole, to the next space: its pieces are no words of the comment.
    let mut skip_to = 0;
    let flush = |reading: Option<Reading>, end: usize, tokens: &mut Vec<Token>| {
        let Some(r) = reading else {
            return;
        };
        let written = &text[r.start..end];
        let folded = if r.curly_apostrophe {
            fold(&written.replace('’', "'"))
        } else {
            fold(written)
        };
        // Tokenised corpora split contractions ("did n't", "wo n't", "won 't"): join them back,
        // so the negator is one word again and "won" is not a victory.
        if (folded == "n't" || folded == "'t")
            && let Some(Token::Word {
                folded: before,
                span,
                ..
            }) = tokens.last_mut()
        {
            match (before.as_str(), folded.as_str()) {
                ("wo" | "ca", _) => before.push_str("n't"),
                (_, suffix) => before.push_str(suffix),
            }
            span.1 = end;
            return;
        }
        tokens.push(Token::Word {
            folded: unabbreviated(folded, r.upper),
            shouting: r.letters > 1 && r.upper,
            span: (r.start, end),
        });
    };
    for (at, c) in text.char_indices() {
        if at < skip_to {
            continue;
        }
        if word.is_none() && matches!(c, 'h' | 'H' | 'w' | 'W') && starts_url(&text[at..]) {
            skip_to = text[at..]
                .find(char::is_whitespace)
                .map_or(text.len(), |end| at + end);
            continue;
        }
        // A mention ("@preocupado62", "@hotel_sol") names an account, not a feeling: skipped
        // whole. Inside a word ("amig@s") it is no mention: a word is being read there.
        if c == '@'
            && word.is_none()
            && text[at + 1..].starts_with(|n: char| n.is_alphanumeric() || n == '_')
        {
            skip_to = text[at + 1..]
                .find(|n: char| !(n.is_alphanumeric() || n == '_'))
                .map_or(text.len(), |end| at + 1 + end);
            continue;
        }
        // An HTML entity left in an export ("&gt;", "&amp;", "&#39;") is no word either.
        if c == '&'
            && let Some(len) = entity_len(&text[at..])
        {
            flush(word.take(), at, &mut tokens);
            skip_to = at + len;
            continue;
        }
        // A percentage is one word ("10%"), so no rule reads it as a number: "un 10% de
        // descuento" is no mark of ten.
        let percent =
            c == '%' && word.is_some() && text[..at].ends_with(|p: char| p.is_ascii_digit());
        if c.is_alphanumeric() || c == '\'' || c == '’' || percent {
            let r = word.get_or_insert(Reading {
                start: at,
                letters: 0,
                upper: true,
                curly_apostrophe: false,
            });
            if c.is_alphabetic() {
                r.letters += 1;
                r.upper &= c.is_uppercase();
            }
            r.curly_apostrophe |= c == '’';
            continue;
        }
        flush(word.take(), at, &mut tokens);
        // "Un 10 % de descuento" (the space Spanish style asks for): still one word.
        if c == '%'
            && let Some(Token::Word { folded, span, .. }) = tokens.last_mut()
            && folded.bytes().all(|b| b.is_ascii_digit())
            && text[span.1..at].chars().all(char::is_whitespace)
        {
            folded.push('%');
            span.1 = at + 1;
            continue;
        }
        match c {
            '!' | '¡' => tokens.push(Token::Exclamation),
            '.' | ',' | ';' | ':' | '?' | '¿' | '\n' | '(' | ')' | '…' | '–' | '—' | '•' | '|' => {
                tokens.push(Token::Break)
            }
            // A hyphen with a space beside it is a dash between clauses ("no incluyen bebidas -
            // muy decepcionado"); inside a word ("wi-fi") it only joins.
            '-' if text[at + 1..].starts_with(char::is_whitespace)
                || text[..at].ends_with(char::is_whitespace) =>
            {
                tokens.push(Token::Break)
            }
            c if is_emoji(c) => tokens.push(Token::Emoji(c)),
            // The written eye-roll, "¬¬" or "¬_¬": one mark for the pair, at its first sign. A
            // single "¬" ("calidad¬precio") is no mark.
            '¬' if text[at + '¬'.len_utf8()..]
                .trim_start_matches('_')
                .starts_with('¬') =>
            {
                tokens.push(Token::Emoji('¬'))
            }
            _ => {}
        }
    }
    flush(word, text.len(), &mut tokens);
    tokens
}

/// Whether a piece of text between spaces is a web address ("https://t.co/x", "(www.x.es)").
/// Chat spellings of Spanish function words, which survey answers are full of ("nada q ver",
/// "aunq tardó", "xq nadie contesta", "tb"), and English negations typed without their
/// apostrophe ("couldnt be better", "dont buy"): read as the words they stand for, so that the
/// phrases and rules that need those words see them. (English chat words such as "thx" and
/// "pls" are in the lexicon as written.) Written in capitals, the chat words are names instead:
/// "impresora en BN", "2 TB", "modelo Q".
fn unabbreviated(folded: String, capitals: bool) -> String {
    let full = match folded.as_str() {
        "dont" => "don't",
        "didnt" => "didn't",
        "doesnt" => "doesn't",
        "cant" => "can't",
        "wont" => "won't",
        "isnt" => "isn't",
        "wasnt" => "wasn't",
        "arent" => "aren't",
        "werent" => "weren't",
        "couldnt" => "couldn't",
        "wouldnt" => "wouldn't",
        "shouldnt" => "shouldn't",
        "havent" => "haven't",
        "hasnt" => "hasn't",
        "hadnt" => "hadn't",
        "aint" => "ain't",
        _ if capitals => return folded,
        "q" | "ke" => "que",
        "xq" | "pq" | "porq" | "xk" => "porque",
        "aunq" => "aunque",
        "tb" | "tmb" | "tbn" | "tambn" => "tambien",
        "bn" => "bien",
        _ => return folded,
    };
    full.to_owned()
}

pub fn is_url(chunk: &str) -> bool {
    chunk.contains("://")
        || chunk
            .as_bytes()
            .windows(4)
            .any(|w| w.eq_ignore_ascii_case(b"www."))
}

/// The length of the HTML entity the text begins with ("&gt;", "&#39;"), if it begins with one.
pub fn entity_len(rest: &str) -> Option<usize> {
    let end = rest.get(..12).unwrap_or(rest).find(';')?;
    let name = &rest[1..end];
    let named = (2..=8).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphabetic());
    let numeric = name
        .strip_prefix('#')
        .is_some_and(|n| (1..=6).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    (named || numeric).then_some(end + 1)
}

/// Whether the text here begins a web address: "http://", "https://" or "www.", in any case.
fn starts_url(rest: &str) -> bool {
    ["http://", "https://", "www."].iter().any(|p| {
        rest.get(..p.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(p))
    })
}

/// A word being read: where it starts, and whether it is all capitals so far.
struct Reading {
    start: usize,
    letters: usize,
    upper: bool,
    curly_apostrophe: bool,
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// "buenísimooo" -> "buenisimo", "goooood" -> "good": a letter repeated three or more times is
/// emphasis, not spelling. Returns the word with such runs cut to one letter and to two letters
/// (the look-up tries both), or `None` when the word has no such run.
pub fn squeeze(word: &str) -> Option<(String, String)> {
    // Most words asked about are plain ASCII without a run: answer them without allocating.
    let bytes = word.as_bytes();
    if word.is_ascii() && !bytes.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let has_run = chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    if !has_run {
        return None;
    }
    let cut = |keep: usize| {
        let mut out = String::with_capacity(word.len());
        let mut run = 0;
        for (i, &c) in chars.iter().enumerate() {
            run = if i > 0 && chars[i - 1] == c {
                run + 1
            } else {
                1
            };
            let run_len = run + chars[i + 1..].iter().take_while(|&&d| d == c).count();
            if run <= keep || run_len < 3 {
                out.push(c);
            }
        }
        out
    };
    Some((cut(1), cut(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded words of a comment, in order.
    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .into_iter()
            .filter_map(|t| match t {
                Token::Word { folded, .. } => Some(folded),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn splits_words_breaks_and_emoji() {
        let t = tokenize("MUY mal, no llegó!! 😡");
        assert_eq!(
            t[0],
            Token::Word {
                folded: "muy".into(),
                shouting: true,
                span: (0, 3),
            }
        );
        assert_eq!(t[2], Token::Break);
        assert_eq!(
            t[4],
            Token::Word {
                folded: "llego".into(),
                shouting: false,
                span: (12, 18),
            }
        );
        assert_eq!(
            t[5..],
            [Token::Exclamation, Token::Exclamation, Token::Emoji('😡')]
        );
    }

    #[test]
    fn chat_spellings_of_function_words_are_read_as_the_words() {
        assert_eq!(
            words("nada q ver, aunq tb"),
            ["nada", "que", "ver", "aunque", "tambien"]
        );
        assert_eq!(words("Couldnt be better"), ["couldn't", "be", "better"]);
        assert_eq!(
            words("un 10% de descuento"),
            ["un", "10%", "de", "descuento"]
        );
        assert_eq!(words("un 10 % de descuento")[1], "10%");
        assert_eq!(words("impresora en BN, 2 TB")[2..], ["bn", "2", "tb"]);
        // Only whole words: "queso", "tbc" stay.
        assert_eq!(words("queso tbc"), ["queso", "tbc"]);
    }

    #[test]
    fn a_spaced_dash_or_an_ellipsis_ends_a_clause_and_a_hyphen_does_not() {
        let breaks = |text: &str| {
            tokenize(text)
                .iter()
                .filter(|t| **t == Token::Break)
                .count()
        };
        assert_eq!(breaks("no incluyen bebidas - muy decepcionado"), 1);
        assert_eq!(breaks("no incluyen bebidas- muy decepcionado"), 1);
        assert_eq!(breaks("sin wifi… y caro"), 1);
        assert_eq!(breaks("tiene wi-fi gratis"), 0);
    }

    #[test]
    fn split_contractions_are_joined_back() {
        assert_eq!(words("I won 't return"), ["i", "won't", "return"]);
        assert_eq!(
            words("we did n't , they ca n't"),
            ["we", "didn't", "they", "can't"]
        );
        assert_eq!(words("wo n't"), ["won't"]);
        assert_eq!(words("n't"), ["n't"]);
    }

    #[test]
    fn web_addresses_and_html_entities_are_no_words() {
        assert_eq!(
            words("ver https://t.co/Xy9 y (WWW.curva.es/a) Hotel bien"),
            ["ver", "y", "hotel", "bien"]
        );
        assert_eq!(
            words("caliente &gt;&gt; frío &amp; caro &#39;ok&#39; R&D; A&B"),
            ["caliente", "frio", "caro", "ok", "r", "d", "a", "b"]
        );
        assert_eq!(
            words("Gracias @preocupado62 y @hotel_sol, amig@s @ casa"),
            ["gracias", "y", "amig", "s", "casa"]
        );
        assert!(is_url("(https://x.es)") && is_url("www.x.es") && !is_url("hotel"));
    }

    #[test]
    fn squeezes_emphasis() {
        assert_eq!(
            squeeze("buenisimooo"),
            Some(("buenisimo".into(), "buenisimoo".into()))
        );
        assert_eq!(squeeze("goooood"), Some(("god".into(), "good".into())));
        assert_eq!(squeeze("llegar"), None);
    }
}
